/* rst-odt-export.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-manuscript.h"

G_BEGIN_DECLS

gboolean rst_odt_export_write (const RstManuscript  *manuscript,
                                GOutputStream        *stream,
                                GCancellable         *cancellable,
                                GError              **error);

G_END_DECLS
