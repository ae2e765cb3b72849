/* test-preferences-window.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences take effect at once: the switches of the Preferences window
 * write GSettings, and every open editor view follows.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "rst-document-checker.h"
#include "rst-preferences-window.h"
#include "rst-spell-checker.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static RstPreferencesWindow *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  RstPreferencesWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RST_IS_PREFERENCES_WINDOW (toplevel))
        {
          /* One window, however often it is asked for. */
          g_assert_null (found);
          found = RST_PREFERENCES_WINDOW (toplevel);
        }
    }

  return found;
}

/* app.preferences (Ctrl+comma) opens one window and raises it again. */
static void
test_preferences_action (void)
{
  RstWindow *window;
  g_auto(GStrv) accels = NULL;
  RstPreferencesWindow *preferences;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_preferences_window ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  spin ();
  preferences = find_preferences_window ();
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  spin ();
  g_assert_true (find_preferences_window () == preferences);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Each switch changes the views of every window, open before it. */
static void
test_preferences_apply_to_views (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstWindow *window, *other;
  GtkSourceView *view, *other_view;
  GtkWidget *preferences;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  other = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  view = GTK_SOURCE_VIEW (rst_window_get_view (window));
  other_view = GTK_SOURCE_VIEW (rst_window_get_view (other));

  preferences = rst_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  spin ();

  g_assert_false (gtk_source_view_get_show_line_numbers (view));
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.show-line-numbers", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-line-numbers"));
  g_assert_true (gtk_source_view_get_show_line_numbers (view));
  g_assert_true (gtk_source_view_get_show_line_numbers (other_view));

  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.wrap-text", NULL));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_NONE);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (other_view)), ==, GTK_WRAP_NONE);

  g_assert_true (gtk_widget_activate_action (preferences, "prefs.highlight-current-line", NULL));
  g_assert_true (gtk_source_view_get_highlight_current_line (view));

  g_assert_true (rst_spell_checker_get_enabled (rst_spell_checker_get_for_view (view)));
  g_assert_true (gtk_widget_activate_action (preferences, "prefs.spell-check", NULL));
  g_assert_false (rst_spell_checker_get_enabled (rst_spell_checker_get_for_view (view)));
  g_assert_false (rst_spell_checker_get_enabled (rst_spell_checker_get_for_view (other_view)));

  g_assert_true (gtk_widget_activate_action (preferences, "prefs.restore-session", NULL));
  g_assert_false (g_settings_get_boolean (settings, "restore-session"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (other));
  spin ();
}

static void
test_preferences_style_scheme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  RstWindow *window;
  GtkSourceBuffer *buffer;
  GtkSourceStyleScheme *scheme;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  buffer = GTK_SOURCE_BUFFER (rst_window_get_document (window));

  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_nonnull (scheme);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==,
                   adw_style_manager_get_dark (style) ? "rostrum-dark" : "rostrum-light");

  if (gtk_source_style_scheme_manager_get_scheme (schemes, "classic") == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("GtkSourceView's classic scheme is not installed");
      return;
    }

  g_settings_set_string (settings, "style-scheme", "classic");
  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==,
                   adw_style_manager_get_dark (style) ? "classic-dark" : "classic");

  /* Dark mode picks the scheme's dark variant. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  spin ();
  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "classic-dark");

  g_settings_reset (settings, "style-scheme");
  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "rostrum-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin ();
  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "rostrum-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static const char *
view_font_family (GtkWidget *view)
{
  return pango_font_description_get_family (pango_context_get_font_description (gtk_widget_get_pango_context (view)));
}

/* The view restyles on its next frame; a font that never arrives fails
 * the test through Meson's timeout.
 */
static void
test_preferences_font (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstWindow *window;
  GtkWidget *view;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  view = rst_window_get_view (window);

  g_settings_set_string (settings, "custom-font", "DejaVu Serif 21");
  g_settings_set_boolean (settings, "use-system-font", FALSE);
  while (g_strcmp0 (view_font_family (view), "DejaVu Serif") != 0)
    g_main_context_iteration (NULL, TRUE);
  /* 21 points, which GTK hands to Pango in pixels (28 at 96 dpi). */
  g_assert_cmpint (pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (view))),
                   >=, 21 * PANGO_SCALE);

  g_settings_set_boolean (settings, "use-system-font", TRUE);
  while (g_strcmp0 (view_font_family (view), "DejaVu Serif") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (view_font_family (view), !=, "DejaVu Serif");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static guint
count_code (RstDocumentChecker *checker,
            const char         *code)
{
  GListModel *diagnostics = rst_document_checker_get_diagnostics (checker);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(RstDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      if (g_str_equal (rst_diagnostic_get_code (diagnostic), code))
        count++;
    }

  return count;
}

/* Hints the drafter hides leave the open statement at once; warnings
 * cannot be hidden.
 */
static void
test_preferences_hidden_info_rules (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) text = g_string_new ("Mr. President,\n\n");
  const char *hidden[] = { "long-sentence", "closing-missing", NULL };
  RstDocumentChecker *checker;
  RstDocument *document;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  document = rst_window_get_document (window);
  checker = rst_document_get_checker (document);

  /* One sentence of 60 words, and no closing formula. */
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "word ");
  g_string_append (text, "end.\n");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), text->str, -1);
  rst_document_checker_check_now (checker);
  g_assert_cmpuint (count_code (checker, "long-sentence"), ==, 1);
  g_assert_cmpuint (count_code (checker, "closing-missing"), ==, 1);

  g_settings_set_strv (settings, "hidden-info-rules", hidden);
  rst_document_checker_check_now (checker);
  g_assert_cmpuint (count_code (checker, "long-sentence"), ==, 0);
  g_assert_cmpuint (count_code (checker, "closing-missing"), ==, 1);

  g_settings_reset (settings, "hidden-info-rules");
  rst_document_checker_check_now (checker);
  g_assert_cmpuint (count_code (checker, "long-sentence"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}


static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  return (AdwComboRow *) rst_test_ui_find_widget (widget, is_combo_row_titled, title);
}

/* The delegation's language, picked by its own name, reaches the
 * analysis context that the template chooser is given.
 */
static void
test_preferences_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstPreferencesWindow *preferences;
  RstDocumentChecker *checker;
  RstAnalysisContext *context = NULL;
  g_autofree char *lang = NULL;
  AdwComboRow *row;
  GListModel *names;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  checker = rst_document_get_checker (rst_window_get_document (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  spin ();
  preferences = find_preferences_window ();
  row = find_combo_row (GTK_WIDGET (preferences), "Language");
  g_assert_nonnull (row);

  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 7);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "العربية");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 4), ==, "Français");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 6), ==, "中文");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 4);
  lang = g_settings_get_string (settings, "default-language");
  g_assert_cmpstr (lang, ==, "fr");
  g_object_get (checker, "context", &context, NULL);
  g_assert_cmpstr (rst_details_get (rst_analysis_context_get_delegation (context), "lang"), ==, "fr");
  rst_analysis_context_unref (context);

  g_settings_set_string (settings, "default-language", "ru");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 5);

  g_settings_reset (settings, "default-language");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) != NULL;
}

static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  return (AdwActionRow *) rst_test_ui_find_widget (widget, is_action_row_titled, title);
}

static gboolean
is_warning_icon (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "warning");
}

/* The row's warning sign, shown when the folder gives nothing. */
static GtkWidget *
find_warning_icon (GtkWidget *widget)
{
  return rst_test_ui_find_widget (widget, is_warning_icon, NULL);
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        n++;
    }

  return n;
}

/* The shared templates folder: a row names it, and says when it is
 * missing or read-only, without any dialog; the folder chooser sets it.
 */
static void
test_preferences_shared_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "mission-share", NULL);
  g_autofree char *value = NULL;
  RstPreferencesWindow *preferences;
  GtkFileChooser *chooser;
  AdwActionRow *row;
  GtkWidget *icon;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  spin ();
  preferences = find_preferences_window ();
  row = find_action_row (GTK_WIDGET (preferences), "Shared Templates Folder");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "None"));

  /* Not mounted yet: said in the row, and no dialog. */
  g_settings_set_string (settings, "shared-templates-folder", dir);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "missing"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), dir));
  spin ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  icon = find_warning_icon (GTK_WIDGET (row));
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_true (gtk_widget_is_ancestor (icon, GTK_WIDGET (row)));

  {
    /* Mounted: the folder itself. */
    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_settings_set_string (settings, "shared-templates-folder", "");
    g_settings_set_string (settings, "shared-templates-folder", dir);
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, dir);
    g_assert_null (find_warning_icon (GTK_WIDGET (row)));

    /* Read-only (unless root, whom access(2) lets write). */
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    if (access (dir, W_OK) != 0)
      {
        g_settings_set_string (settings, "shared-templates-folder", "");
        g_settings_set_string (settings, "shared-templates-folder", dir);
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "read-only"));
        g_assert_nonnull (find_warning_icon (GTK_WIDGET (row)));
      }
    g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.clear-shared-folder", NULL));
  value = g_settings_get_string (settings, "shared-templates-folder");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  /* Activating the row opens a folder chooser; its choice is kept. */
  g_signal_emit_by_name (row, "activate");
  chooser = (GtkFileChooser *) rst_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    /* Nothing selected inside it: the folder shown is the one chosen. */
    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  }
  /* The chooser lists the folder in the background. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GFile) shown = gtk_file_chooser_get_file (chooser);

      if (shown != NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  spin ();
  value = g_settings_get_string (settings, "shared-templates-folder");
  g_assert_cmpstr (value, ==, dir);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, dir);

  g_settings_reset (settings, "shared-templates-folder");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences/action", test_preferences_action);
  g_test_add_func ("/preferences/apply-to-views", test_preferences_apply_to_views);
  g_test_add_func ("/preferences/style-scheme", test_preferences_style_scheme);
  g_test_add_func ("/preferences/font", test_preferences_font);
  g_test_add_func ("/preferences/hidden-info-rules", test_preferences_hidden_info_rules);
  g_test_add_func ("/preferences/language", test_preferences_language);
  g_test_add_func ("/preferences/shared-folder", test_preferences_shared_folder);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
