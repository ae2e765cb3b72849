/* rst-export-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-export-dialog.h"
#include "rst-file-writer.h"
#include "rst-layout.h"

/* Export: the format, the council whose profile sets page and file name,
 * what the analysis still finds, and the first page as the PDF will draw
 * it (the same RstLayout), before a file chooser asks where. The dialog
 * knows nothing of windows or tabs: it gets an analysis and reports the
 * file it wrote through rst_export_dialog_run_finish().
 */
struct _RstExportDialog
{
  AdwWindow        parent_instance;

  /* The analysis as the editor made it, and the one shown: the same
   * text, checked against the council chosen here.
   */
  RstAnalysis     *source_analysis;
  RstAnalysis     *analysis;
  /* The statement's file: never written over, and where to export. */
  GFile           *source;
  /* The Word, ODT or PDF file it was imported from, last session's
   * statement: never written over either, saved or not.
   */
  GFile           *imported;
  RstCouncilList  *councils;
  RstLayout       *layout;
  GPtrArray       *issue_rows;
  char            *summary;

  /* rst_export_dialog_run_async(), completed with the exported file. */
  GTask           *run;
  /* The export under way, which Cancel stops. */
  GCancellable    *exporting;
  guint            pulse_id;

  /* Whether the drafter typed a file name, which a change of format or
   * council then keeps (its extension aside).
   */
  guint            file_name_edited : 1;
  guint            setting_file_name : 1;

  /* Template widgets */
  AdwComboRow     *format_row;
  AdwComboRow     *council_row;
  AdwEntryRow     *file_name_row;
  AdwExpanderRow  *issues_row;
  GtkImage        *issues_icon;
  GtkDrawingArea  *preview_area;
  GtkLabel        *pages_label;
  GtkProgressBar  *progress_bar;
};

G_DEFINE_FINAL_TYPE (RstExportDialog, rst_export_dialog, ADW_TYPE_WINDOW)

static char *
council_name (RstCouncil *council)
{
  return g_strdup (council != NULL ? rst_council_get_name (council) : "");
}

RstCouncil *
rst_export_dialog_get_council (RstExportDialog *self)
{
  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), NULL);

  return adw_combo_row_get_selected_item (self->council_row);
}

/**
 * rst_export_dialog_get_analysis:
 *
 * Returns: (transfer none): the statement as the dialog checks and lays
 *   it out, with the council chosen
 */
RstAnalysis *
rst_export_dialog_get_analysis (RstExportDialog *self)
{
  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), NULL);

  return self->analysis;
}

RstExportFormat
rst_export_dialog_get_format (RstExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), RST_EXPORT_PDF);

  /* The rows of the .ui follow the order of RstExportFormat. */
  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= RST_EXPORT_TXT ? (RstExportFormat) selected : RST_EXPORT_PDF;
}

void
rst_export_dialog_set_format (RstExportDialog *self,
                              RstExportFormat  format)
{
  g_return_if_fail (RST_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= RST_EXPORT_TXT);

  adw_combo_row_set_selected (self->format_row, format);
}

/**
 * rst_export_dialog_set_council:
 * @named: an id, short name or name
 *
 * Returns: whether a profile of that name was chosen
 */
gboolean
rst_export_dialog_set_council (RstExportDialog *self,
                               const char      *named)
{
  guint position;

  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), FALSE);

  position = rst_council_list_find (self->councils, named);
  if (position == G_MAXUINT)
    return FALSE;

  adw_combo_row_set_selected (self->council_row, position);
  return TRUE;
}

const char *
rst_export_dialog_get_file_name (RstExportDialog *self)
{
  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->file_name_row));
}

/* "2 warnings", as the dialog shows it. */
const char *
rst_export_dialog_get_summary (RstExportDialog *self)
{
  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), NULL);

  return self->summary;
}

static void
rst_export_dialog_propose_file_name (RstExportDialog *self)
{
  RstExportFormat format = rst_export_dialog_get_format (self);
  g_autofree char *name = NULL;

  if (self->file_name_edited)
    {
      /* Keep the drafter's name; only the extension follows the format. */
      const char *current = rst_export_dialog_get_file_name (self);
      const char *dot = strrchr (current, '.');
      g_autofree char *stem = dot != NULL && dot != current ? g_strndup (current, dot - current)
                                                            : g_strdup (current);

      name = g_strconcat (stem, ".", rst_export_format_get_extension (format), NULL);
    }
  else
    name = rst_export_propose_file_name (self->analysis, format);

  self->setting_file_name = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->file_name_row), name);
  self->setting_file_name = FALSE;
}

static void
rst_export_dialog_file_name_changed (RstExportDialog *self)
{
  if (!self->setting_file_name)
    self->file_name_edited = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 self->exporting == NULL && *rst_export_dialog_get_file_name (self) != '\0');
}

static void
rst_export_dialog_update_layout (RstExportDialog *self)
{
  RstExportFormat format = rst_export_dialog_get_format (self);
  RstLayoutKind kind = format == RST_EXPORT_READING_PDF ? RST_LAYOUT_READING : RST_LAYOUT_PRINT;
  g_autofree char *pages = NULL;
  guint n_pages;

  g_clear_object (&self->layout);
  self->layout = rst_layout_new (self->analysis, kind);

  n_pages = rst_layout_get_n_pages (self->layout);
  if (format == RST_EXPORT_PDF || format == RST_EXPORT_READING_PDF)
    pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  else
    /* Word processors lay the text out again with their own fonts. */
    pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "About %u page in a word processor",
                                          "About %u pages in a word processor", n_pages),
                             n_pages);
  gtk_label_set_label (self->pages_label, pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static void
rst_export_dialog_draw_preview (GtkDrawingArea *area,
                                cairo_t        *cr,
                                int             width,
                                int             height,
                                gpointer        user_data)
{
  RstExportDialog *self = user_data;
  double page_width, page_height, scale, x, y;

  if (self->layout == NULL || rst_layout_get_n_pages (self->layout) == 0)
    return;

  rst_layout_get_page_size (self->layout, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    return;

  /* Leave room for the shadow that sets the page off the window. */
  scale = MIN ((width - 8) / page_width, (height - 8) / page_height);
  if (scale <= 0)
    return;
  x = floor ((width - page_width * scale) / 2);
  y = floor ((height - 4 - page_height * scale) / 2);

  cairo_save (cr);
  cairo_translate (cr, x, y);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, 1, 2, page_width * scale + 1, page_height * scale + 1);
  cairo_fill (cr);

  /* Paper is white in the dark style too: this is what prints. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_rectangle (cr, 0, 0, page_width * scale, page_height * scale);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  rst_layout_render_page (self->layout, cr, 0);
  cairo_restore (cr);
}

static char *
dup_summary (RstAnalysis *analysis)
{
  guint n_errors = rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR);
  guint n_warnings = rst_analysis_count_severity (analysis, RST_SEVERITY_WARNING);
  guint n_infos = rst_analysis_count_severity (analysis, RST_SEVERITY_INFO);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                              n_warnings);

  if (n_errors > 0 && n_warnings > 0)
    /* Translators: "1 error, 2 warnings" */
    return g_strdup_printf (_("%s, %s"), errors, warnings);
  if (n_errors > 0)
    return g_steal_pointer (&errors);
  if (n_warnings > 0)
    return g_steal_pointer (&warnings);
  if (n_infos > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion", "%u suggestions", n_infos),
                            n_infos);
  return g_strdup (_("No problems found"));
}

static void
rst_export_dialog_show_issues (RstExportDialog *self)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (self->analysis);
  guint n_errors = rst_analysis_count_severity (self->analysis, RST_SEVERITY_ERROR);
  guint n_warnings = rst_analysis_count_severity (self->analysis, RST_SEVERITY_WARNING);
  guint n_infos = rst_analysis_count_severity (self->analysis, RST_SEVERITY_INFO);

  for (guint i = 0; i < self->issue_rows->len; i++)
    adw_expander_row_remove (self->issues_row, g_ptr_array_index (self->issue_rows, i));
  g_ptr_array_set_size (self->issue_rows, 0);

  g_free (self->summary);
  self->summary = dup_summary (self->analysis);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->issues_row), self->summary);
  if (n_errors + n_warnings > 0)
    adw_expander_row_set_subtitle (self->issues_row, _("Export anyway, or cancel and correct the statement"));
  else if (n_infos > 0)
    adw_expander_row_set_subtitle (self->issues_row, _("Nothing that stops the export"));
  else
    adw_expander_row_set_subtitle (self->issues_row, _("The statement is ready"));

  gtk_image_set_from_icon_name (self->issues_icon,
                                n_errors > 0 ? rst_severity_get_icon_name (RST_SEVERITY_ERROR) :
                                n_warnings > 0 ? rst_severity_get_icon_name (RST_SEVERITY_WARNING) :
                                "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->issues_icon),
                            n_errors > 0 ? "error" : n_warnings > 0 ? "warning" : "success");
  gtk_widget_set_sensitive (GTK_WIDGET (self->issues_row), diagnostics->len > 0);
  adw_expander_row_set_expanded (self->issues_row, FALSE);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *where = NULL;
      GtkWidget *row;
      guint line;

      rst_analysis_locate (self->analysis, rst_diagnostic_get_start (diagnostic), &line, NULL);
      /* Translators: where a problem is and how grave, "Line 10 · Warning" */
      where = g_strdup_printf (_("Line %u · %s"), line,
                               rst_severity_get_label (rst_diagnostic_get_severity (diagnostic)));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rst_diagnostic_get_message (diagnostic));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_expander_row_add_row (self->issues_row, row);
      g_ptr_array_add (self->issue_rows, row);
    }
}

static void
rst_export_dialog_format_changed (RstExportDialog *self)
{
  rst_export_dialog_propose_file_name (self);
  rst_export_dialog_update_layout (self);
}

/* The time limit, the page and the file name follow the council: the
 * statement is analysed again against the one chosen, as the command
 * line's --council does.
 */
static void
rst_export_dialog_council_changed (RstExportDialog *self)
{
  RstCouncil *council = rst_export_dialog_get_council (self);
  g_autoptr(RstAnalysisContext) context = NULL;

  g_clear_object (&self->analysis);

  /* The council the editor checks against: the very analysis the sidebar
   * shows, hints about an unknown council included.
   */
  if (council == rst_analysis_get_council (self->source_analysis))
    self->analysis = g_object_ref (self->source_analysis);
  else
    {
      context = rst_analysis_context_copy (rst_analysis_get_context (self->source_analysis));
      rst_analysis_context_set_councils (context, self->councils);
      rst_analysis_context_set_council (context, council);
      self->analysis = rst_analysis_new (rst_analysis_get_text (self->source_analysis),
                                         rst_analysis_get_length (self->source_analysis),
                                         context);
    }

  rst_export_dialog_propose_file_name (self);
  rst_export_dialog_update_layout (self);
  rst_export_dialog_show_issues (self);
}

/* Exporting ---------------------------------------------------------- */

typedef struct
{
  RstAnalysis     *analysis;
  RstExportFormat  format;
  GFile           *file;
  GFile           *source;
  GFile           *imported;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->analysis);
  g_clear_object (&job->file);
  g_clear_object (&job->source);
  g_clear_object (&job->imported);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GFile *protect[3] = { NULL };
  guint n = 0;

  if (job->source != NULL)
    protect[n++] = job->source;
  if (job->imported != NULL)
    protect[n++] = job->imported;
  GError *error = NULL;

  if (rst_export_to_file (job->analysis, job->format, job->file, protect, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
rst_export_dialog_pulse (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
rst_export_dialog_set_exporting (RstExportDialog *self,
                                 GCancellable    *cancellable)
{
  gboolean busy = cancellable != NULL;

  g_set_object (&self->exporting, cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (busy)
    /* A pulse every tenth of a second, only while the export runs. */
    self->pulse_id = g_timeout_add (100, rst_export_dialog_pulse, self->progress_bar);

  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->council_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_name_row), !busy);
  rst_export_dialog_file_name_changed (self);
}

/**
 * rst_export_dialog_export_to_async:
 * @file: where to write, as the file chooser answered
 *
 * Exports in a worker thread; while it runs the dialog shows progress and
 * its Cancel button stops the export, leaving @file as it was.
 */
void
rst_export_dialog_export_to_async (RstExportDialog     *self,
                                   GFile               *file,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (RST_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->exporting == NULL);

  /* The statement itself, however its path is spelt (a link, another
   * name of the same file): refused at once, in words about the choice
   * the drafter just made; the writer refuses it too.
   */
  if (self->source != NULL && rst_file_is_same (file, self->source))
    {
      g_autofree char *name = g_file_get_basename (file);

      task = g_task_new (self, NULL, callback, user_data);
      g_task_set_source_tag (task, rst_export_dialog_export_to_async);
      g_task_return_new_error (task, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED,
                               _("“%s” is the statement being exported: exporting to it would "
                                 "write over it. Choose another name."), name);
      return;
    }
  if (self->imported != NULL && rst_file_is_same (file, self->imported))
    {
      g_autofree char *name = g_file_get_basename (file);

      task = g_task_new (self, NULL, callback, user_data);
      g_task_set_source_tag (task, rst_export_dialog_export_to_async);
      g_task_return_new_error (task, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED,
                               _("“%s” is the file this statement was imported from: exporting "
                                 "to it would write over the text it held. Choose another name."),
                               name);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->analysis = g_object_ref (self->analysis);
  job->format = rst_export_dialog_get_format (self);
  job->file = g_object_ref (file);
  g_set_object (&job->source, self->source);
  g_set_object (&job->imported, self->imported);

  rst_export_dialog_set_exporting (self, cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_export_dialog_export_to_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rst_export_dialog_export_to_finish (RstExportDialog  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  rst_export_dialog_set_exporting (self, NULL);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
rst_export_dialog_show_error (RstExportDialog *self,
                              const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export the Statement"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rst_export_dialog_exported_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  RstExportDialog *self = RST_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!rst_export_dialog_export_to_finish (self, result, &error))
    {
      /* Cancelled by the drafter: the dialog stays for another try. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rst_export_dialog_show_error (self, error);
      return;
    }

  if (self->run != NULL)
    {
      g_autoptr(GTask) run = g_steal_pointer (&self->run);

      g_task_return_pointer (run, g_steal_pointer (&file), g_object_unref);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rst_export_dialog_file_response (GtkNativeDialog *chooser,
                                 int              response,
                                 gpointer         user_data)
{
  g_autoptr(RstExportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rst_export_dialog_export_to_async (self, file, rst_export_dialog_exported_cb, file);
    }

  g_object_unref (chooser);
}

static void
rst_export_dialog_choose_file (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  RstExportDialog *self = RST_EXPORT_DIALOG (widget);
  RstExportFormat format = rst_export_dialog_get_format (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkStringObject *label = adw_combo_row_get_selected_item (self->format_row);

  chooser = gtk_file_chooser_native_new (_("Export Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, label != NULL ? gtk_string_object_get_string (label)
                                                  : rst_export_format_get_extension (format));
  gtk_file_filter_add_mime_type (filter, rst_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, rst_export_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Beside the statement, where the drafter will look for it. */
  if (self->source != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), rst_export_dialog_get_file_name (self));

  g_signal_connect (chooser, "response", G_CALLBACK (rst_export_dialog_file_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel stops an export under way, else closes the dialog. */
static void
rst_export_dialog_cancel (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RstExportDialog *self = RST_EXPORT_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The council the editor checks the statement against. */
static void
rst_export_dialog_select_initial_council (RstExportDialog *self)
{
  /* The analysis already chose: the statement's, else the delegation's
   * usual one, else the generic profile.
   */
  rst_export_dialog_set_council (self, rst_council_get_id (rst_analysis_get_council (self->source_analysis)));
}

/**
 * rst_export_dialog_new:
 * @parent: the window it is modal for
 * @analysis: the statement as it is when the dialog opens
 * @source: (nullable): the statement's file, if saved
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
RstExportDialog *
rst_export_dialog_new (GtkWindow   *parent,
                       RstAnalysis *analysis,
                       GFile       *source)
{
  RstExportDialog *self;
  GtkExpression *name;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (source == NULL || G_IS_FILE (source), NULL);

  self = g_object_new (RST_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->source_analysis = g_object_ref (analysis);
  g_set_object (&self->source, source);

  /* Broken user profiles are left out here; Preferences says why. */
  self->councils = rst_analysis_context_get_councils (rst_analysis_get_context (analysis));
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (council_name), NULL, NULL);
  adw_combo_row_set_expression (self->council_row, name);
  gtk_expression_unref (name);

  g_signal_handlers_block_by_func (self->council_row, rst_export_dialog_council_changed, self);
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (self->councils));
  rst_export_dialog_select_initial_council (self);
  g_signal_handlers_unblock_by_func (self->council_row, rst_export_dialog_council_changed, self);

  rst_export_dialog_council_changed (self);

  /* Enter exports; the format is the usual first change. */
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));

  return self;
}

/**
 * rst_export_dialog_set_imported_from:
 * @original: (nullable): the file the statement was imported from
 *
 * Protects @original as the statement's own file is protected: an
 * imported statement, saved as Markdown beside last session's Word file,
 * would otherwise be exported over it under the name the dialog offers.
 */
void
rst_export_dialog_set_imported_from (RstExportDialog *self,
                                     GFile           *original)
{
  g_return_if_fail (RST_IS_EXPORT_DIALOG (self));
  g_return_if_fail (original == NULL || G_IS_FILE (original));

  g_set_object (&self->imported, original);
}

static void
rst_export_dialog_run_destroyed (RstExportDialog *self)
{
  /* Closed without an export. */
  if (self->run != NULL)
    {
      g_autoptr(GTask) run = g_steal_pointer (&self->run);

      g_task_return_new_error (run, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The statement was not exported"));
    }
}

/**
 * rst_export_dialog_run_async:
 * @parent: the window it is modal for
 * @analysis: the statement as it is now
 * @source: (nullable): the statement's file, never written over
 * @imported: (nullable): the file it was imported from, never written
 *   over either
 *
 * Shows the dialog; @callback runs once a file was exported, or the
 * dialog was closed without one.
 */
void
rst_export_dialog_run_async (GtkWindow           *parent,
                             RstAnalysis         *analysis,
                             GFile               *source,
                             GFile               *imported,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  RstExportDialog *self = rst_export_dialog_new (parent, analysis, source);

  rst_export_dialog_set_imported_from (self, imported);

  self->run = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->run, rst_export_dialog_run_async);

  gtk_window_present (GTK_WINDOW (self));
}

/**
 * rst_export_dialog_run_finish:
 *
 * Returns: (transfer full): the file written, or %NULL with
 *   %G_IO_ERROR_CANCELLED when the drafter closed the dialog
 */
GFile *
rst_export_dialog_run_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rst_export_dialog_dispose (GObject *object)
{
  RstExportDialog *self = (RstExportDialog *)object;

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  rst_export_dialog_run_destroyed (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->source_analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->source);
  g_clear_object (&self->imported);
  g_clear_object (&self->councils);
  g_clear_object (&self->layout);
  g_clear_object (&self->exporting);
  g_clear_object (&self->run);
  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (rst_export_dialog_parent_class)->dispose (object);
}

static void
rst_export_dialog_class_init (RstExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, council_row);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, file_name_row);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, issues_row);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, issues_icon);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, preview_area);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, pages_label);
  gtk_widget_class_bind_template_child (widget_class, RstExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, rst_export_dialog_choose_file);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, rst_export_dialog_cancel);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
rst_export_dialog_init (RstExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->issue_rows = g_ptr_array_new ();

  gtk_drawing_area_set_draw_func (self->preview_area, rst_export_dialog_draw_preview, self, NULL);

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (rst_export_dialog_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->council_row, "notify::selected",
                           G_CALLBACK (rst_export_dialog_council_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->file_name_row, "changed",
                           G_CALLBACK (rst_export_dialog_file_name_changed), self, G_CONNECT_SWAPPED);
}
