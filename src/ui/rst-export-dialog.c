/* rst-export-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-checker.h"
#include "rst-export-dialog.h"
#include "rst-layout.h"

/* Export: the format, the council whose profile sets page and file name,
 * what the checker still finds, and the first page as the PDF will draw
 * it (the same RstLayout), before a file chooser asks where.
 */
struct _RstExportDialog
{
  AdwWindow        parent_instance;

  RstWindow       *window;
  RstStatement    *statement;
  GListModel      *councils;
  RstLayout       *layout;
  GPtrArray       *diagnostics;
  GPtrArray       *issue_rows;
  char            *summary;
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

gboolean
rst_export_dialog_set_council (RstExportDialog *self,
                               const char      *council_id)
{
  guint position;

  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), FALSE);

  if (self->councils == NULL)
    return FALSE;

  position = rst_council_list_find (self->councils, council_id);
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

guint
rst_export_dialog_get_n_issues (RstExportDialog *self,
                                RstSeverity      severity)
{
  guint n = 0;

  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), 0);

  for (guint i = 0; self->diagnostics != NULL && i < self->diagnostics->len; i++)
    if (rst_diagnostic_get_severity (g_ptr_array_index (self->diagnostics, i)) == severity)
      n++;

  return n;
}

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
    {
      name = rst_export_propose_file_name (self->statement, rst_export_dialog_get_council (self), format);
    }

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
                                 *rst_export_dialog_get_file_name (self) != '\0');
}

static void
rst_export_dialog_update_layout (RstExportDialog *self)
{
  RstExportFormat format = rst_export_dialog_get_format (self);
  RstLayoutKind kind = format == RST_EXPORT_READING_PDF ? RST_LAYOUT_READING : RST_LAYOUT_PRINT;
  g_autofree char *pages = NULL;
  guint n_pages;

  g_clear_object (&self->layout);
  self->layout = rst_layout_new (self->statement, rst_export_dialog_get_council (self), kind);

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

static void
rst_export_dialog_update_check (RstExportDialog *self)
{
  RstCheckOptions options;
  guint n_errors, n_warnings, n_infos;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  for (guint i = 0; i < self->issue_rows->len; i++)
    adw_expander_row_remove (self->issues_row, g_ptr_array_index (self->issue_rows, i));
  g_ptr_array_set_size (self->issue_rows, 0);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  /* The time limit depends on the council, so the check follows it. */
  rst_council_resolve_check_options (rst_export_dialog_get_council (self), self->statement, &options);
  {
    GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));

    /* The speaker's own pace, when Preferences has one. */
    if (RST_IS_APPLICATION (app))
      {
        double pace = g_settings_get_double (rst_application_get_settings (RST_APPLICATION (app)),
                                             "words-per-minute");

        if (pace > 0)
          options.words_per_minute = pace;
      }
  }
  self->diagnostics = rst_check_statement (self->statement, &options);

  n_errors = rst_export_dialog_get_n_issues (self, RST_SEVERITY_ERROR);
  n_warnings = rst_export_dialog_get_n_issues (self, RST_SEVERITY_WARNING);
  n_infos = rst_export_dialog_get_n_issues (self, RST_SEVERITY_INFO);

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                              n_warnings);

  if (n_errors > 0 && n_warnings > 0)
    /* Translators: "1 error, 2 warnings" */
    self->summary = g_strdup_printf (_("%s, %s"), errors, warnings);
  else if (n_errors > 0)
    self->summary = g_steal_pointer (&errors);
  else if (n_warnings > 0)
    self->summary = g_steal_pointer (&warnings);
  else if (n_infos > 0)
    self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion", "%u suggestions", n_infos),
                                     n_infos);
  else
    self->summary = g_strdup (_("No problems found"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->issues_row), self->summary);
  if (n_errors + n_warnings > 0)
    adw_expander_row_set_subtitle (self->issues_row, _("Export anyway, or cancel and correct the statement"));
  else if (n_infos > 0)
    adw_expander_row_set_subtitle (self->issues_row, _("Nothing that stops the export"));
  else
    adw_expander_row_set_subtitle (self->issues_row, _("The statement is ready"));

  gtk_image_set_from_icon_name (self->issues_icon,
                                n_errors > 0 ? "dialog-error-symbolic" :
                                n_warnings > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->issues_icon), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->issues_icon),
                            n_errors > 0 ? "error" : n_warnings > 0 ? "warning" : "success");
  gtk_widget_set_sensitive (GTK_WIDGET (self->issues_row), self->diagnostics->len > 0);
  adw_expander_row_set_expanded (self->issues_row, FALSE);

  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);
      g_autofree char *where = NULL;
      GtkWidget *row;
      guint line, column;

      rst_statement_offset_to_position (self->statement, rst_diagnostic_get_start (diagnostic),
                                        &line, &column);
      /* Translators: where a problem is, "Line 10 · warning" */
      where = g_strdup_printf (_("Line %u · %s"), line,
                               rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)));

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

static void
rst_export_dialog_council_changed (RstExportDialog *self)
{
  rst_export_dialog_propose_file_name (self);
  rst_export_dialog_update_layout (self);
  rst_export_dialog_update_check (self);
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
rst_export_dialog_launch_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(RstWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      AdwToast *toast = adw_toast_new (_("No application can open the exported file"));

      g_debug ("Opening the export failed: %s", error->message);
      rst_window_add_toast (window, toast);
    }
}

static void
rst_export_dialog_open_export (AdwToast *toast,
                               GFile    *file)
{
  RstWindow *window = g_object_get_data (G_OBJECT (toast), "rst-window");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GAppLaunchContext) context = NULL;

  if (window != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window))));

  g_app_info_launch_default_for_uri_async (uri, context, NULL, rst_export_dialog_launch_cb,
                                           window != NULL ? g_object_ref (window) : NULL);
}

gboolean
rst_export_dialog_export_to (RstExportDialog  *self,
                             GFile            *file,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (RST_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!rst_export_to_file (self->statement, rst_export_dialog_get_council (self),
                           rst_export_dialog_get_format (self), file, &local_error))
    {
      rst_export_dialog_show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  basename = g_file_get_basename (file);
  /* Translators: a toast once the file is written */
  title = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "rst-window", g_object_ref (self->window), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (rst_export_dialog_open_export),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  rst_window_add_toast (self->window, toast);

  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
rst_export_dialog_file_response (GtkNativeDialog *chooser,
                                 int              response,
                                 gpointer         user_data)
{
  g_autoptr(RstExportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rst_export_dialog_export_to (self, file, NULL);
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
  RstDocument *document = rst_window_get_document (self->window);
  GFile *source = document != NULL ? rst_document_get_file (document) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row) != NULL
                            ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                            : rst_export_format_get_extension (format));
  gtk_file_filter_add_mime_type (filter, rst_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, rst_export_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Beside the statement, where the drafter will look for it. */
  if (source != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), rst_export_dialog_get_file_name (self));

  g_signal_connect (chooser, "response", G_CALLBACK (rst_export_dialog_file_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The council the statement names, else the drafter's usual one. */
static void
rst_export_dialog_select_initial_council (RstExportDialog *self)
{
  g_autofree char *named = g_strdup (rst_statement_get_detail (self->statement, "council"));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));

  if (named != NULL && rst_export_dialog_set_council (self, g_strstrip (named)))
    return;

  if (RST_IS_APPLICATION (app))
    {
      g_autofree char *id = g_settings_get_string (rst_application_get_settings (RST_APPLICATION (app)),
                                                   "default-council");

      if (rst_export_dialog_set_council (self, id))
        return;
    }

  rst_export_dialog_set_council (self, "generic");
}

/**
 * rst_export_dialog_new:
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of toplevels
 */
RstExportDialog *
rst_export_dialog_new (RstWindow *window)
{
  RstExportDialog *self;
  RstDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (RST_IS_WINDOW (window), NULL);

  self = g_object_new (RST_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);

  document = rst_window_get_document (window);
  if (document != NULL)
    {
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &start, &end);
      text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &start, &end, TRUE);
    }

  self->statement = rst_statement_parse (text != NULL ? text : "", -1, &error);
  if (self->statement == NULL)
    {
      /* A buffer is valid UTF-8; only a broken front matter gets here,
       * and the body alone still exports.
       */
      g_debug ("Exporting without the details: %s", error->message);
      self->statement = rst_statement_parse ("", 0, NULL);
    }

  g_signal_handlers_block_by_func (self->council_row, rst_export_dialog_council_changed, self);
  rst_export_dialog_select_initial_council (self);
  g_signal_handlers_unblock_by_func (self->council_row, rst_export_dialog_council_changed, self);

  rst_export_dialog_council_changed (self);

  /* Enter exports; the format is the usual first change. */
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));

  return self;
}

static void
rst_export_dialog_dispose (GObject *object)
{
  RstExportDialog *self = (RstExportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->window);
  g_clear_object (&self->statement);
  g_clear_object (&self->councils);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
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

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, rst_export_dialog_choose_file);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rst_export_dialog_init (RstExportDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  GtkExpression *name;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->issue_rows = g_ptr_array_new ();

  /* Broken user profiles are left out here; Preferences says why. */
  self->councils = rst_council_list_load_full (&problems, NULL);
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (council_name), NULL, NULL);
  adw_combo_row_set_expression (self->council_row, name);
  gtk_expression_unref (name);
  if (self->councils != NULL)
    adw_combo_row_set_model (self->council_row, self->councils);

  gtk_drawing_area_set_draw_func (self->preview_area, rst_export_dialog_draw_preview, self, NULL);

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (rst_export_dialog_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->council_row, "notify::selected",
                           G_CALLBACK (rst_export_dialog_council_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->file_name_row, "changed",
                           G_CALLBACK (rst_export_dialog_file_name_changed), self, G_CONNECT_SWAPPED);
}
