/* rst-html-import.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-import-document.h"

G_BEGIN_DECLS

gboolean rst_html_import_read (const char         *data,
                               gsize               length,
                               const char         *encoding,
                               RstImportDocument  *document,
                               GCancellable       *cancellable,
                               GError            **error);

G_END_DECLS
