/* rst-export-dialog.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-export.h"
#include "rst-window.h"

G_BEGIN_DECLS

#define RST_TYPE_EXPORT_DIALOG (rst_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RstExportDialog, rst_export_dialog, RST, EXPORT_DIALOG, AdwWindow)

/* Exports the statement of @window's selected tab, as it is when the
 * dialog opens; a toast in @window says where it went.
 */
RstExportDialog *rst_export_dialog_new           (RstWindow        *window);
RstExportFormat  rst_export_dialog_get_format    (RstExportDialog  *self);
void             rst_export_dialog_set_format    (RstExportDialog  *self,
                                                  RstExportFormat   format);
/* NULL when no profile is chosen. */
RstCouncil      *rst_export_dialog_get_council   (RstExportDialog  *self);
gboolean         rst_export_dialog_set_council   (RstExportDialog  *self,
                                                  const char       *council_id);
/* The name the file chooser proposes, with its extension. */
const char      *rst_export_dialog_get_file_name (RstExportDialog  *self);
/* What the checker found in the statement, by severity. */
guint            rst_export_dialog_get_n_issues  (RstExportDialog  *self,
                                                  RstSeverity       severity);
/* "2 warnings", as the dialog shows it. */
const char      *rst_export_dialog_get_summary   (RstExportDialog  *self);
/* Writes the export to @file without asking where, then closes the
 * dialog and shows the toast; on failure shows the error and returns it.
 */
gboolean         rst_export_dialog_export_to     (RstExportDialog  *self,
                                                  GFile            *file,
                                                  GError          **error);

G_END_DECLS
