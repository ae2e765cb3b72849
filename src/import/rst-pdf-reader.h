/* rst-pdf-reader.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

#include "rst-import-document.h"

G_BEGIN_DECLS

/* In the rostrum-pdf-reader module; call rst_pdf_import_read() instead,
 * which loads it.
 */
G_MODULE_EXPORT
gboolean rst_pdf_reader_read (GBytes             *bytes,
                              RstImportDocument  *document,
                              GCancellable       *cancellable,
                              GError            **error);

G_END_DECLS
