/* rst-odt-import.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-import-document.h"
#include "rst-zip-reader.h"

G_BEGIN_DECLS

gboolean rst_odt_import_is        (RstZipReader       *zip,
                                   GError            **error);
gboolean rst_odt_import_read      (RstZipReader       *zip,
                                   RstImportDocument  *document,
                                   GCancellable       *cancellable,
                                   GError            **error);
gboolean rst_odt_import_read_flat (GBytes             *bytes,
                                   RstImportDocument  *document,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_END_DECLS
