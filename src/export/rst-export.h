/* rst-export.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  RST_EXPORT_PDF,
  RST_EXPORT_READING_PDF,
  RST_EXPORT_DOCX,
  RST_EXPORT_ODT,
  RST_EXPORT_TXT,
} RstExportFormat;

gboolean    rst_export_format_from_string   (const char       *string,
                                             RstExportFormat  *format);
const char *rst_export_format_to_string     (RstExportFormat   format);
const char *rst_export_format_get_extension (RstExportFormat   format);
const char *rst_export_format_get_mime_type (RstExportFormat   format);
gboolean    rst_export_to_stream            (RstAnalysis      *analysis,
                                             RstExportFormat   format,
                                             GOutputStream    *stream,
                                             GCancellable     *cancellable,
                                             GError          **error);
gboolean    rst_export_to_file              (RstAnalysis      *analysis,
                                             RstExportFormat   format,
                                             GFile            *output,
                                             GFile           **protect,
                                             GCancellable     *cancellable,
                                             GError          **error);
char       *rst_export_propose_file_name    (RstAnalysis      *analysis,
                                             RstExportFormat   format);

G_END_DECLS
