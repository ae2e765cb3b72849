/* rst-window-actions.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-export-dialog.h"
#include "rst-file-filter.h"
#include "rst-print-operation.h"
#include "rst-rehearsal-view.h"
#include "rst-slot-navigator.h"
#include "rst-template-chooser.h"
#include "rst-view-settings.h"
#include "rst-zoom-control.h"
#include "rst-window-private.h"

/* What the drafter asks of a window (win.*, and tab.* from a tab's
 * menu), as GNOME Text Editor's editor-window-actions.c: each action
 * finds the page it acts on and hands the work to the page or a dialog.
 */

static void
rst_window_toggle_sidebar (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  RstPage *page = rst_window_get_current_page (RST_WINDOW (user_data));

  if (page != NULL)
    rst_page_set_sidebar_visible (page, !rst_page_get_sidebar_visible (page));
}

static void
rst_window_open_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(RstWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          rst_window_open_file (self, file);
        }
    }

  g_object_unref (dialog);
}

static void
rst_window_open_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = rst_file_filter_new_for_open ();
  g_autoptr(GtkFileFilter) statements = rst_file_filter_new_for_statements ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* Word, OpenDocument, PDF and HTML files are imported. */
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), statements);

  g_signal_connect (chooser, "response", G_CALLBACK (rst_window_open_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The page told the drafter of any failure already. */
static void
rst_window_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rst_page_save_finish (RST_PAGE (object), result, &error))
    g_debug ("Not saved: %s", error->message);
}

static void
rst_window_save_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RstPage *page = rst_window_get_current_page (RST_WINDOW (widget));

  if (page != NULL)
    rst_page_save_async (page, NULL, rst_window_saved_cb, NULL);
}

static void
rst_window_save_as_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RstPage *page = rst_window_get_current_page (RST_WINDOW (widget));

  if (page != NULL)
    rst_page_save_as_async (page, NULL, rst_window_saved_cb, NULL);
}

/* The statement of the selected tab as it is this instant: the live
 * analysis, brought up to date first if the drafter just typed.
 */
static RstAnalysis *
rst_window_get_current_analysis (RstWindow *self)
{
  RstDocument *document = rst_window_get_document (self);
  RstDocumentChecker *checker;

  if (document == NULL)
    return NULL;

  checker = rst_document_get_checker (document);
  if (!rst_document_checker_get_up_to_date (checker) || rst_document_checker_get_analysis (checker) == NULL)
    rst_document_checker_check_now (checker);

  return rst_document_checker_get_analysis (checker);
}

static RstAnalysisContext *
rst_window_get_analysis_context (RstWindow *self)
{
  RstAnalysis *analysis = rst_window_get_current_analysis (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (analysis != NULL)
    return rst_analysis_get_context (analysis);
  return rst_application_get_analysis_context (RST_APPLICATION (app));
}

static void
rst_window_template_created_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = rst_template_chooser_run_finish (result, &error);
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkTextIter start;
  RstPage *page;

  if (text == NULL)
    return;

  /* An untouched empty tab is used, as Open does. */
  page = rst_window_get_current_page (self);
  if (page == NULL || !rst_page_is_pristine (page))
    page = rst_window_add_page (self);

  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  view = rst_page_get_view (page);

  /* The statement is new: undo does not lead back to an empty tab, and
   * it stays modified with no file until the drafter saves it.
   */
  rst_document_set_statement (rst_page_get_document (page), text, -1, FALSE);
  gtk_text_buffer_set_modified (buffer, TRUE);

  /* The first slot to fill; the details are the panel's. */
  rst_slot_navigator_attach (GTK_TEXT_VIEW (view));
  if (!rst_slot_navigator_select_from (GTK_TEXT_VIEW (view), 0))
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  gtk_widget_grab_focus (view);
}

static void
rst_window_new_from_template_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);

  rst_template_chooser_run_async (GTK_WINDOW (self),
                                  rst_window_get_current_analysis (self),
                                  rst_window_get_analysis_context (self),
                                  NULL, rst_window_template_created_cb, g_object_ref (self));
}

static void
rst_window_template_saved_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;
  g_autoptr(RstTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  template = rst_template_chooser_save_as_template_finish (result, &error);
  if (template == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwMessageDialog *dialog;

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               _("Could Not Save the Template"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  /* The toast's title is markup; a name may hold "&". */
  escaped = g_markup_escape_text (rst_template_get_name (template), -1);
  if (rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_SHARED)
    /* Translators: a toast, with the template's name */
    title = g_strdup_printf (_("Saved as the delegation’s template “%s”"), escaped);
  else
    /* Translators: a toast, with the template's name */
    title = g_strdup_printf (_("Saved as the template “%s”"), escaped);
  rst_window_add_toast (self, adw_toast_new (title));
}

static void
rst_window_save_as_template_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  RstAnalysis *analysis = rst_window_get_current_analysis (self);

  if (analysis != NULL)
    rst_template_chooser_save_as_template_async (GTK_WINDOW (self), analysis, NULL,
                                                 rst_window_template_saved_cb, g_object_ref (self));
}

static void
rst_window_launch_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_debug ("Opening the export failed: %s", error->message);
      rst_window_add_toast (self, adw_toast_new (_("No application can open the exported file")));
    }
}

static void
rst_window_open_export (AdwToast *toast,
                        GFile    *file)
{
  RstWindow *self = g_object_get_data (G_OBJECT (toast), "rst-window");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, rst_window_launch_cb, g_object_ref (self));
}

static void
rst_window_exported_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;
  g_autoptr(GFile) file = rst_export_dialog_run_finish (result, NULL);
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (file == NULL)
    return;

  basename = g_file_get_basename (file);
  /* The toast's title is markup; a file name may hold "&". */
  escaped = g_markup_escape_text (basename, -1);
  /* Translators: a toast once the file is written */
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "rst-window", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (rst_window_open_export),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  rst_window_add_toast (self, toast);
}

static void
rst_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  RstAnalysis *analysis = rst_window_get_current_analysis (self);
  RstDocument *document = rst_window_get_document (self);
  GFile *imported;
  GFile *source;

  if (analysis == NULL)
    return;

  /* An imported statement not saved yet is exported beside the Word or
   * PDF file it came from; saved or not, never over it.
   */
  imported = rst_document_get_import_source (document);
  source = rst_document_get_file (document);
  if (source == NULL)
    source = imported;

  rst_export_dialog_run_async (GTK_WINDOW (self), analysis, source, imported,
                               NULL, rst_window_exported_cb, g_object_ref (self));
}

static void
rst_window_print_failed (RstWindow    *self,
                         const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error ? error->message : "", -1);
  /* Translators: a toast, with the printing system's reason */
  g_autofree char *title = g_strdup_printf (_("Could not print: %s"), escaped);

  rst_window_add_toast (self, adw_toast_new (title));
}

/* Whether reported at once or through ::done, a failure is told once. */
static void
rst_window_print_done_cb (GtkPrintOperation       *operation,
                          GtkPrintOperationResult  result,
                          gpointer                 user_data)
{
  RstWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR ||
      g_object_get_data (G_OBJECT (operation), "rst-reported") != NULL)
    return;

  g_object_set_data (G_OBJECT (operation), "rst-reported", GINT_TO_POINTER (TRUE));
  gtk_print_operation_get_error (operation, &error);
  rst_window_print_failed (self, error);
}

/* The pages the PDF export draws, council or reading copy; the print
 * dialog's Layout tab switches between them. GTK holds the operation
 * while its dialog runs.
 */
static void
rst_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  RstAnalysis *analysis = rst_window_get_current_analysis (self);
  g_autoptr(RstPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  RstLayoutKind kind;

  if (analysis == NULL)
    return;

  kind = g_str_equal (action_name, "win.print-reading-copy") ? RST_LAYOUT_READING : RST_LAYOUT_PRINT;
  operation = rst_print_operation_new (analysis, kind);
  g_signal_connect_object (operation, "done", G_CALLBACK (rst_window_print_done_cb), self, G_CONNECT_DEFAULT);

  if (rst_print_operation_run_dialog (operation, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "rst-reported") == NULL)
    {
      g_object_set_data (G_OBJECT (operation), "rst-reported", GINT_TO_POINTER (TRUE));
      rst_window_print_failed (self, error);
    }
}

/* Back from a rehearsal: the cursor at the sentence it stopped at, and
 * what it learned beside the outline's estimates.
 */
static void
rst_window_rehearsal_finished_cb (RstRehearsalView *view,
                                  guint64           offset,
                                  RstPage          *page)
{
  RstDocument *document = rst_page_get_document (page);
  RstDocumentChecker *checker = rst_document_get_checker (document);
  RstRehearsal *rehearsal = rst_rehearsal_view_get_rehearsal (view);
  RstAnalysis *rehearsed = rst_rehearsal_get_analysis (rehearsal);
  RstAnalysis *analysis = rst_document_checker_get_analysis (checker);
  GtkWidget *text_view = rst_page_get_view (page);
  GtkTextIter iter;

  /* The offset is into the text rehearsed: only while the editor holds
   * that text (a new pace is a new analysis of the same text) does it
   * say where to go.
   */
  if (analysis != NULL &&
      rst_analysis_get_length (analysis) == rst_analysis_get_length (rehearsed) &&
      memcmp (rst_analysis_get_text (analysis), rst_analysis_get_text (rehearsed),
              rst_analysis_get_length (analysis)) == 0 &&
      rst_document_checker_get_iter_at_offset (checker, offset, &iter))
    {
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (text_view),
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)),
                                    0.1, TRUE, 0.0, 0.3);
    }
  gtk_widget_grab_focus (text_view);

  if (rst_rehearsal_has_times (rehearsal))
    rst_sidebar_set_rehearsal (rst_page_get_sidebar (page), rehearsal);
}

static void
rst_window_rehearse_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  RstAnalysis *analysis = rst_window_get_current_analysis (self);
  RstPage *page = rst_window_get_current_page (self);
  g_autoptr(RstRehearsal) rehearsal = NULL;
  RstRehearsalView *view;

  if (analysis == NULL || page == NULL)
    return;

  rehearsal = rst_rehearsal_new (analysis);
  view = rst_rehearsal_view_new (GTK_WINDOW (self), rehearsal);
  g_signal_connect_object (view, "finished", G_CALLBACK (rst_window_rehearsal_finished_cb),
                           page, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (view));
}

static void
rst_window_close_page_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Find and replace: the search bar of the current page. Find Next and
 * Find Previous open the bar when it is hidden, on the first match from
 * the cursor, so that the matches are shown with the count.
 */
static void
rst_window_find_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RstPage *page = rst_window_get_current_page (RST_WINDOW (widget));
  RstSearchBar *bar;

  if (page == NULL)
    return;

  bar = rst_page_get_search_bar (page);
  if (g_str_equal (action_name, "win.find"))
    rst_search_bar_begin (bar, FALSE);
  else if (g_str_equal (action_name, "win.find-replace"))
    rst_search_bar_begin (bar, TRUE);
  /* Opening selects the first match from the cursor already. */
  else if (!rst_search_bar_get_revealed (bar))
    rst_search_bar_begin (bar, FALSE);
  else
    {
      if (g_str_equal (action_name, "win.find-next"))
        rst_search_bar_move_next (bar);
      else
        rst_search_bar_move_previous (bar);
    }
}

/* The zoom of every page, remembered (rst-view-settings.c applies it). */
static void
rst_window_zoom_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  GSettings *settings;
  int direction = 0;

  if (!RST_IS_APPLICATION (app))
    return;

  settings = rst_application_get_settings (RST_APPLICATION (app));
  if (g_str_equal (action_name, "win.zoom-in"))
    direction = 1;
  else if (g_str_equal (action_name, "win.zoom-out"))
    direction = -1;
  g_settings_set_double (settings, "zoom",
                         rst_view_settings_zoom_step (g_settings_get_double (settings, "zoom"), direction));
}

static void
rst_window_go_to_line_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  RstPage *page = rst_window_get_current_page (RST_WINDOW (widget));

  if (page != NULL)
    rst_page_begin_go_to_line (page);
}

/* The Keyboard Shortcuts window is built the first time it is asked
 * for. GtkApplication would build it from gtk/help-overlay.ui for every
 * new window, before its first frame (15 ms of a 200 ms start-up,
 * tests/bench-startup), for a window most drafters never open.
 */
static void
rst_window_show_shortcuts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  /* The window's, then: modal, hidden on close, destroyed with it, and
   * reading the accelerators of the actions it lists from the application.
   */
  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/rst-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* The tab moves with its document, undo history and draft. */
static void
rst_window_move_to_new_window (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  RstWindow *self = user_data;
  AdwTabPage *tab = self->menu_tab ? self->menu_tab : adw_tab_view_get_selected_page (self->tab_view);
  RstWindow *window;
  AdwTabPage *empty;

  if (tab == NULL)
    return;

  window = rst_window_new (RST_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  empty = adw_tab_view_get_nth_page (window->tab_view, 0);
  adw_tab_view_transfer_page (self->tab_view, tab, window->tab_view, 0);
  if (empty != NULL && rst_page_is_pristine (RST_PAGE (adw_tab_page_get_child (empty))))
    adw_tab_view_close_page (window->tab_view, empty);

  gtk_window_present (GTK_WINDOW (window));
}

static void
rst_window_close_tab (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RstWindow *self = user_data;
  AdwTabPage *tab = self->menu_tab ? self->menu_tab : adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
}

void
_rst_window_class_actions_init (RstWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, rst_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, rst_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, rst_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close-page", NULL, rst_window_close_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", NULL, rst_window_new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL, rst_window_save_as_template_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, rst_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, rst_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.print-reading-copy", NULL, rst_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.rehearse", NULL, rst_window_rehearse_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, rst_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, rst_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, rst_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, rst_window_find_action);
  /* Found by _rst_window_actions_init (), which makes the menu on first use. */
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.go-to-line", NULL, rst_window_go_to_line_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, rst_window_show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, rst_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, rst_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-one", NULL, rst_window_zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.rehearse", NULL);
  /* The keypad's keys too, which the Keyboard Shortcuts window need not list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-one", NULL);
}

/* The main menu is made when it first opens: a popover menu makes a
 * widget for each of its items, 3 ms of every start-up otherwise. Its
 * top row is the zoom control.
 */
static void
rst_window_create_primary_menu (GtkMenuButton *button,
                                gpointer       user_data)
{
  RstWindow *self = user_data;
  GObject *menu;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  menu = gtk_widget_get_template_child (GTK_WIDGET (self), RST_TYPE_WINDOW, "primary_menu");
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)),
                              rst_zoom_control_new (), "zoom");
}

/* The actions that have a state, or live in their own group. */
void
_rst_window_actions_init (RstWindow *self)
{
  static const GActionEntry tab_actions[] = {
    { "move-to-new-window", rst_window_move_to_new_window },
    { "close", rst_window_close_tab },
  };
  g_autoptr(GSimpleActionGroup) tab_group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toggle_sidebar = NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (tab_group), tab_actions,
                                   G_N_ELEMENTS (tab_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "tab", G_ACTION_GROUP (tab_group));

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), RST_TYPE_WINDOW, "primary_menu_button")),
                                         rst_window_create_primary_menu, self, NULL);

  /* Its state follows the current page (rst_window_sync_sidebar_action). */
  toggle_sidebar = g_simple_action_new_stateful ("toggle-sidebar", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (toggle_sidebar, "activate", G_CALLBACK (rst_window_toggle_sidebar), self, G_CONNECT_DEFAULT);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (toggle_sidebar));
}
