/* rst-pdf-export.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-layout.h"

G_BEGIN_DECLS

gboolean rst_pdf_export_write (RstLayout      *layout,
                               GOutputStream  *stream,
                               GCancellable   *cancellable,
                               GError        **error);

G_END_DECLS
