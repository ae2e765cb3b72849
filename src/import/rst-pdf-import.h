/* rst-pdf-import.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-import-document.h"

G_BEGIN_DECLS

gboolean rst_pdf_import_read (GBytes             *bytes,
                              RstImportDocument  *document,
                              GCancellable       *cancellable,
                              GError            **error);

G_END_DECLS
