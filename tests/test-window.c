/* test-window.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window: opens a statement, edits the buffer, saves through
 * the window's action and reads the bytes back from disk.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <unistd.h>

#include "rst-details-panel.h"
#include "rst-export-dialog.h"
#include "rst-file-writer.h"
#include "rst-language.h"
#include "rst-slot-navigator.h"
#include "rst-spell-checker.h"
#include "rst-template-store.h"
#include "rst-template-values.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
wait_until_idle (RstDocument *document)
{
  /* Loads and saves are asynchronous; a stuck one fails the test through
   * Meson's timeout rather than hanging silently here.
   */
  while (rst_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *
write_statement (const char *name,
                 const char *contents)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_window_open_edit_save (void)
{
  g_autofree char *path = write_statement ("statement.md", "Mr. Chairperson,\n\nI thank you.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  RstWindow *window;
  RstDocument *document;
  GtkTextIter iter;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  document = rst_window_get_document (window);
  gtk_window_present (GTK_WINDOW (window));

  rst_window_open_file (window, file);
  wait_until_idle (document);
  g_assert_true (g_file_equal (rst_document_get_file (document), file));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_str_has_prefix (title, "statement.md"));
  /* Tabs of statements with the same name are told apart by their path. */
  g_assert_cmpstr (adw_tab_page_get_tooltip (adw_tab_view_get_selected_page (rst_window_get_tab_view (window))),
                   ==, path);

  /* Type a paragraph before the closing, as a drafter would. */
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &iter, 2);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "First, focus on root causes.\n\n", -1);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until_idle (document);

  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, "Mr. Chairperson,\n\nFirst, focus on root causes.\n\nI thank you.\n");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_keeps_crlf (void)
{
  g_autofree char *path = write_statement ("crlf.md", "Mr. President,\r\n\r\nThank you.\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  RstWindow *window;
  RstDocument *document;
  GtkTextIter end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  document = rst_window_get_document (window);

  rst_window_open_file (window, file);
  wait_until_idle (document);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_until_idle (document);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, "Mr. President,\r\n\r\nThank you.\r\n\r\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* The same file open in two tabs, once through a link: saving one would
 * write over what the other reads, which is refused (device and inode,
 * not the path, tell it is the same file).
 */
static void
test_window_save_never_over_another_tab (void)
{
  static const char original[] = "Mr. Chairperson,\n\nI thank you.\n";
  g_autofree char *path = write_statement ("two-tabs.md", original);
  g_autofree char *link = g_build_filename (g_get_user_data_dir (), "two-tabs-link.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autofree char *saved = NULL;
  AdwMessageDialog *dialog;
  RstWindow *window;
  RstDocument *linked;
  GtkTextIter end;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (symlink (path, link), ==, 0);
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  wait_until_idle (rst_window_get_document (window));
  rst_window_open_file (window, link_file);
  linked = rst_window_get_document (window);
  wait_until_idle (linked);
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 2);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (linked), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (linked), &end, "\nTyped in the other tab.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog ();
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “two-tabs-link.md”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "which would be lost"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_idle (linked);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, original);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (linked)));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (linked), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (link);
}

/* An export never writes over the statement it exports, however the
 * path is spelt: refused at once with words about the choice.
 */
static void
test_window_export_never_over_source (void)
{
  static const char original[] = "Mr. Chairperson,\n\nI thank you.\n";
  g_autofree char *path = write_statement ("exported-over.md", original);
  g_autofree char *other_name = g_build_filename (g_get_user_data_dir (), "exported-over.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_name);
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (original, strlen (original), NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  /* A hard link: another name of the very same file. */
  g_assert_cmpint (link (path, other_name), ==, 0);
  window = rst_window_new (app);
  dialog = rst_export_dialog_new (GTK_WINDOW (window), analysis, file);

  rst_export_dialog_export_to_async (dialog, other_file, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rst_export_dialog_export_to_finish (dialog, result, &error));
  g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is the statement being exported"));

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, original);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (other_name);
}

static void
test_window_untitled (void)
{
  RstWindow *window;
  RstDocument *document;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  document = rst_window_get_document (window);

  g_assert_null (rst_document_get_file (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "New Statement"));

  gtk_window_destroy (GTK_WINDOW (window));
}


static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Tab, as the view's own key handling runs it. */
static gboolean
press_tab (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "rst-slot-navigator") != 0)
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Tab &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, view, NULL);
        }
    }

  g_assert_not_reached ();
}

/* Arabic runs right to left in the editor whatever the desktop's
 * language, English left to right, and Tab goes from slot to slot in
 * the order they are read.
 */
static void
test_window_direction (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  RstTemplate *arabic;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  RstWindow *window;
  RstPage *page;
  int first_offset;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  page = rst_test_ui_open_corpus (window, "ar-iom-114-egypt.txt");
  g_assert_cmpstr (rst_analysis_get_language (rst_document_checker_get_analysis (rst_document_get_checker (rst_page_get_document (page)))), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (rst_page_get_view (page)), ==, GTK_TEXT_DIR_RTL);

  page = rst_test_ui_open_corpus (window, "en-iom-114-us-pdf.txt");
  g_assert_cmpint (gtk_widget_get_direction (rst_page_get_view (page)), ==, GTK_TEXT_DIR_LTR);

  /* An Arabic template, its slots left for the drafter. */
  arabic = rst_template_store_lookup_language (store, "general-debate", "ar");
  g_assert_nonnull (arabic);
  rst_template_values_set_default (values, "delegation", "مصر");
  text = rst_template_fill (arabic, values, NULL);
  page = rst_window_add_page (window);
  rst_document_set_statement (rst_page_get_document (page), text, -1, FALSE);
  rst_test_ui_wait_checked (rst_page_get_document (page));
  g_assert_cmpint (gtk_widget_get_direction (rst_page_get_view (page)), ==, GTK_TEXT_DIR_RTL);

  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  g_assert_true (rst_slot_navigator_select_from (GTK_TEXT_VIEW (rst_page_get_view (page)), 0));
  first = selected_text (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first_offset = gtk_text_iter_get_offset (&start);
  g_assert_true (g_str_has_prefix (first, "{{"));

  g_assert_true (press_tab (rst_page_get_view (page)));
  second = selected_text (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_true (g_str_has_prefix (second, "{{"));
  g_assert_true (g_str_has_suffix (second, "}}"));
  /* The next one in reading order: later in the text, which runs from
   * the right.
   */
  g_assert_cmpint (gtk_text_iter_get_offset (&start), >, first_offset);
  /* The cursor at the slot's start, so that typing replaces it. */
  {
    GtkTextIter insert;

    gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
    g_assert_true (gtk_text_iter_equal (&insert, &start));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Picks @lang in the panel's language row, as a drafter would. */
static void
choose_language (RstPage    *page,
                 const char *lang)
{
  const char * const *languages = rst_language_get_all ();
  GtkWidget *panel;
  GtkWidget *row;

  /* The Details tab, clicked: the panel is made when first shown. */
  rst_sidebar_show_page (rst_page_get_sidebar (page), "details");
  panel = rst_test_ui_find_descendant (GTK_WIDGET (rst_page_get_sidebar (page)), RST_TYPE_DETAILS_PANEL);
  row = rst_details_panel_get_row (RST_DETAILS_PANEL (panel), "lang");

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], lang))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
  rst_test_ui_wait_checked (rst_page_get_document (page));
}

/* Spelling follows the statement's language; Chinese has none, and
 * nothing to say about it.
 */
static void
test_window_spelling_language (void)
{
  RstSpellChecker *spell;
  RstWindow *window;
  RstPage *page;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "fr-hrc-56-france.txt");
  spell = rst_spell_checker_get_for_view (GTK_SOURCE_VIEW (rst_page_get_view (page)));
  g_assert_nonnull (spell);

  if (rst_spell_checker_get_dictionary (spell) == NULL)
    {
      g_test_skip ("No French dictionary (hunspell-fr)");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (spell), "fr"));
  g_assert_null (rst_spell_checker_get_missing_dictionary (spell));

  choose_language (page, "ru");
  g_assert_cmpstr (rst_details_get (rst_document_get_details (rst_page_get_document (page)), "lang"), ==, "ru");
  if (rst_spell_checker_get_dictionary (spell) != NULL)
    g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (spell), "ru"));
  else
    /* Without hunspell-ru, that is said once rather than ignored. */
    g_assert_cmpstr (rst_spell_checker_get_missing_dictionary (spell), ==, "ru_RU");

  /* A language asked for without a dictionary is a fact to tell once,
   * not a warning per keystroke.
   */
  rst_spell_checker_set_language (spell, "eo");
  if (rst_spell_checker_get_dictionary (spell) == NULL)
    g_assert_cmpstr (rst_spell_checker_get_missing_dictionary (spell), ==, "eo");
  rst_spell_checker_set_language (spell, NULL);

  choose_language (page, "zh");
  g_assert_null (rst_spell_checker_get_dictionary (spell));
  g_assert_null (rst_spell_checker_get_missing_dictionary (spell));
  /* Nothing is underlined: every word passes. */
  g_assert_true (rst_spell_checker_check_word (spell, "mispeled", -1));

  /* A Chinese statement opened as such: no dictionary, no complaint. */
  page = rst_test_ui_open_corpus (window, "zh-iom-114-china.txt");
  spell = rst_spell_checker_get_for_view (GTK_SOURCE_VIEW (rst_page_get_view (page)));
  g_assert_null (rst_spell_checker_get_dictionary (spell));
  g_assert_null (rst_spell_checker_get_missing_dictionary (spell));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The overview map: made only when Preferences turn it on, showing the
 * page's own text, and hidden again when they turn it off.
 */
static void
test_window_overview_map (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstWindow *window;
  RstPage *page;
  GtkWidget *map;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  page = rst_window_get_current_page (window);
  g_assert_null (rst_page_get_map (page));

  g_settings_set_boolean (settings, "show-map", TRUE);
  map = rst_page_get_map (page);
  g_assert_nonnull (map);
  g_assert_true (gtk_widget_get_visible (map));
  g_assert_true (GTK_WIDGET (gtk_source_map_get_view (GTK_SOURCE_MAP (map))) == rst_page_get_view (page));

  g_settings_set_boolean (settings, "show-map", FALSE);
  g_assert_true (rst_page_get_map (page) == map);
  g_assert_false (gtk_widget_get_visible (map));

  g_settings_reset (settings, "show-map");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On X11, GTK sets the window icon from the application icon at fixed
 * sizes: each finds a PNG rendition of its own size, so that no SVG (and
 * no librsvg) is loaded before the first frame.
 */
static void
test_window_icon_renditions (void)
{
  static const int sizes[] = { 16, 32, 48, 64, 128 };
  GtkIconTheme *theme;

  RST_TEST_REQUIRE_DISPLAY ();

  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, sizes[i], 1,
                                         GTK_TEXT_DIR_NONE, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      path = g_file_get_path (file);
      g_assert_true (g_str_has_suffix (path, ".png"));

      pixbuf = gdk_pixbuf_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, sizes[i]);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, sizes[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/open-edit-save", test_window_open_edit_save);
  g_test_add_func ("/window/keeps-crlf", test_window_keeps_crlf);
  g_test_add_func ("/window/untitled", test_window_untitled);
  g_test_add_func ("/window/save-never-over-another-tab", test_window_save_never_over_another_tab);
  g_test_add_func ("/window/export-never-over-source", test_window_export_never_over_source);
  g_test_add_func ("/window/direction", test_window_direction);
  g_test_add_func ("/window/spelling-language", test_window_spelling_language);
  g_test_add_func ("/window/overview-map", test_window_overview_map);
  g_test_add_func ("/window/icon-renditions", test_window_icon_renditions);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
