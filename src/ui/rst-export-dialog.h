/* rst-export-dialog.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-analysis.h"
#include "rst-export.h"

G_BEGIN_DECLS

#define RST_TYPE_EXPORT_DIALOG (rst_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RstExportDialog, rst_export_dialog, RST, EXPORT_DIALOG, AdwWindow)

void             rst_export_dialog_run_async        (GtkWindow            *parent,
                                                     RstAnalysis          *analysis,
                                                     GFile                *source,
                                                     GFile                *imported,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GFile           *rst_export_dialog_run_finish       (GAsyncResult         *result,
                                                     GError              **error);

RstExportDialog *rst_export_dialog_new              (GtkWindow            *parent,
                                                     RstAnalysis          *analysis,
                                                     GFile                *source);
void             rst_export_dialog_set_imported_from (RstExportDialog    *self,
                                                      GFile              *original);
RstAnalysis     *rst_export_dialog_get_analysis     (RstExportDialog      *self);
RstExportFormat  rst_export_dialog_get_format       (RstExportDialog      *self);
void             rst_export_dialog_set_format       (RstExportDialog      *self,
                                                     RstExportFormat       format);
RstCouncil      *rst_export_dialog_get_council      (RstExportDialog      *self);
gboolean         rst_export_dialog_set_council      (RstExportDialog      *self,
                                                     const char           *named);
const char      *rst_export_dialog_get_file_name    (RstExportDialog      *self);
const char      *rst_export_dialog_get_summary      (RstExportDialog      *self);
void             rst_export_dialog_export_to_async  (RstExportDialog      *self,
                                                     GFile                *file,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         rst_export_dialog_export_to_finish (RstExportDialog      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
