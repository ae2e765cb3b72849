/* test-template-chooser.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives "New from Template" as a drafter would: details in the chooser,
 * the delegation profile in GSettings, Create, then Tab through the slots
 * the new statement still has. User templates are real files in the
 * test's XDG data folder, read again by a second chooser.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "rst-slot-navigator.h"
#include "rst-template-chooser.h"
#include "rst-template-values.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
spin_main_loop (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* File ▸ New from Template, as the menu item opens it. */
static RstTemplateChooser *
open_chooser (RstWindow *window)
{
  RstTemplateChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", NULL));
  chooser = (RstTemplateChooser *) rst_test_ui_find_toplevel (RST_TYPE_TEMPLATE_CHOOSER, GTK_WINDOW (window));
  g_assert_nonnull (chooser);

  return chooser;
}

/* The chooser's Create button: the chooser closes and the window opens
 * the statement in a tab, which is returned.
 */
static char *buffer_text (GtkTextBuffer *buffer);

/* The chooser's Create button: the chooser closes and the window opens
 * the statement its preview showed in a tab, which is returned.
 */
static RstPage *
press_create (RstWindow          *window,
              RstTemplateChooser *chooser)
{
  g_autofree char *preview = rst_template_chooser_dup_text (chooser);
  RstPage *page = NULL;

  g_assert_nonnull (preview);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.create", NULL));
  while (chooser != NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint tries = 0; page == NULL && tries < 1000; tries++)
    {
      RstPage *current = rst_window_get_current_page (window);
      g_autofree char *text = current != NULL ? buffer_text (GTK_TEXT_BUFFER (rst_page_get_document (current))) : NULL;

      if (g_strcmp0 (text, preview) == 0)
        page = current;
      else
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
    }
  g_assert_nonnull (page);
  spin_main_loop ();

  return page;
}

/* What the window would hand a chooser opened now: Preferences as an
 * analysis context.
 */
static RstAnalysisContext *
app_context (void)
{
  return rst_application_get_analysis_context (app);
}

/* A document's whole statement (its details are not in the buffer). */
static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (RST_IS_DOCUMENT (buffer))
    return rst_document_dup_text (RST_DOCUMENT (buffer));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
set_delegation_profile (const char *delegation,
                        const char *speaker)
{
  GSettings *settings = rst_application_get_settings (app);

  g_settings_set_string (settings, "delegation", delegation);
  g_settings_set_string (settings, "speaker", speaker);
}

static char *
user_template_dir (void)
{
  char *path = g_build_filename (g_get_user_data_dir (), "rostrum", "templates", NULL);

  g_mkdir_with_parents (path, 0700);
  return path;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Activates the view's own Tab (or Shift+Tab) shortcut, as a key press
 * would, and says whether it handled the key.
 */
static gboolean
press_tab (GtkWidget *view,
           gboolean   shift)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  g_autoptr(GtkShortcutTrigger) wanted = NULL;

  wanted = shift ? gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK)
                 : gtk_keyval_trigger_new (GDK_KEY_Tab, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          gboolean matches = gtk_shortcut_trigger_equal (trigger, wanted);

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            matches = gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
                      gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);

          if (matches)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, view, NULL);
        }
    }

  g_error ("The view has no %s shortcut", shift ? "Shift+Tab" : "Tab");
  return FALSE;
}

static void
test_chooser_fills_fields (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autofree char *preview = NULL;
  g_autofree char *text = NULL;
  g_autofree char *slot = NULL;
  RstTemplateChooser *chooser;
  RstDocumentChecker *checker;
  RstCouncil *iom;
  RstWindow *window;
  RstPage *page;
  GPtrArray *diagnostics;
  guint n_pages;
  gboolean unfilled = FALSE;

  RST_TEST_REQUIRE_DISPLAY ();

  set_delegation_profile ("China", "H.E. Ambassador Chen Xu");
  iom = rst_council_list_lookup (councils, "iom", NULL);
  g_assert_nonnull (iom);

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  n_pages = adw_tab_view_get_n_pages (rst_window_get_tab_view (window));
  chooser = open_chooser (window);

  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  g_assert_true (rst_template_chooser_set_council (chooser, "iom"));
  rst_template_chooser_set_session (chooser, 115);
  rst_template_chooser_set_date (chooser, "2024-11-26");
  rst_template_chooser_set_agenda_item (chooser, "General debate");
  spin_main_loop ();

  /* The preview is the statement Create opens. */
  preview = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (preview);

  page = press_create (window, chooser);
  /* The window's empty tab was used, as Open does. */
  g_assert_cmpuint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, n_pages);

  text = buffer_text (GTK_TEXT_BUFFER (rst_page_get_document (page)));
  g_assert_cmpstr (text, ==, preview);
  g_assert_nonnull (strstr (text, "115th Session"));
  g_assert_nonnull (strstr (text, rst_council_get_name (iom)));
  g_assert_nonnull (strstr (text, "2024-11-26"));
  g_assert_nonnull (strstr (text, "General debate"));
  g_assert_nonnull (strstr (text, "delegation of China"));
  g_assert_nonnull (strstr (text, "H.E. Ambassador Chen Xu"));
  /* The chair's address from the profile: "Mr. Chairperson". */
  g_assert_nonnull (strstr (text, rst_council_get_chair_title (iom)));
  g_assert_null (strstr (text, "{{session_ordinal}}"));
  g_assert_null (strstr (text, "{{council}}"));
  /* What nobody gave stays for the drafter. */
  g_assert_nonnull (strstr (text, "{{first priority, in a short sentence}}"));
  g_assert_nonnull (strstr (text, "{{speaker_title}}"));

  /* A new statement, not saved anywhere. */
  g_assert_null (rst_document_get_file (rst_page_get_document (page)));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (rst_page_get_document (page))));

  /* The first slot of the body is selected, ready to be typed over. */
  slot = selected_text (GTK_TEXT_BUFFER (rst_page_get_document (page)));
  g_assert_true (g_str_has_prefix (slot, "{{"));
  g_assert_true (g_str_has_suffix (slot, "}}"));

  /* The live checker still flags the slots, for the IOM Council. */
  checker = rst_document_get_checker (rst_page_get_document (page));
  rst_document_checker_check_now (checker);
  g_assert_cmpstr (rst_analysis_get_council_id (rst_document_checker_get_analysis (checker)), ==, "iom");
  g_assert_cmpuint (rst_analysis_get_session (rst_document_checker_get_analysis (checker)), ==, 115);
  diagnostics = rst_analysis_get_diagnostics (rst_document_checker_get_analysis (checker));
  for (guint i = 0; i < diagnostics->len; i++)
    if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), "placeholder-unfilled"))
      unfilled = TRUE;
  g_assert_true (unfilled);

  /* From a tab that is in use, Create opens another. */
  chooser = open_chooser (window);
  g_assert_true (rst_template_chooser_select_template (chooser, "right-of-reply"));
  g_assert_true (press_create (window, chooser) != page);
  g_assert_cmpuint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, n_pages + 1);

  rst_window_close_without_asking (window);
  set_delegation_profile ("", "");
}

/* The chooser on its own: Create gives the text and closes, Close gives
 * nothing.
 */
static void
test_chooser_create_returns_text (void)
{
  g_autofree char *preview = NULL;
  g_autofree char *text = NULL;
  RstTemplateChooser *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_window_present (GTK_WINDOW (chooser));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == GTK_WINDOW (window));

  g_assert_true (rst_template_chooser_select_template (chooser, "right-of-reply"));
  rst_template_chooser_set_session (chooser, 0);
  preview = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (preview);
  /* No session: the field stays for the drafter. */
  g_assert_nonnull (strstr (preview, "{{"));

  text = rst_template_chooser_create (chooser);
  g_assert_cmpstr (text, ==, preview);
  spin_main_loop ();
  g_assert_null (chooser);
  /* The window opens the tab, not the chooser. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (rst_window_get_document (window))), ==, 0);

  /* Closed without Create: the window's tabs stay as they were. */
  chooser = open_chooser (window);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_window_close (GTK_WINDOW (chooser));
  while (chooser != NULL)
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
  g_assert_cmpuint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (rst_window_get_document (window))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chooser_tab_moves_between_slots (void)
{
  RstTemplateChooser *chooser;
  RstWindow *window;
  RstPage *page;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkTextIter start, end;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *back = NULL;
  int first_offset, second_offset;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  chooser = open_chooser (window);
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  page = press_create (window, chooser);

  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  view = rst_page_get_view (page);

  first = selected_text (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first_offset = gtk_text_iter_get_offset (&start);
  g_assert_true (g_str_has_prefix (first, "{{"));

  g_assert_true (press_tab (view, FALSE));
  second = selected_text (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  second_offset = gtk_text_iter_get_offset (&start);
  g_assert_true (g_str_has_prefix (second, "{{"));
  g_assert_true (g_str_has_suffix (second, "}}"));
  g_assert_cmpint (second_offset, >, first_offset);

  /* Shift+Tab goes back to the first. */
  g_assert_true (press_tab (view, TRUE));
  back = selected_text (buffer);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, first_offset);
  g_assert_cmpstr (back, ==, first);

  /* A filled slot is no longer one: typing over it, then Tab, skips it. */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, "Ms. Jane Doe", -1);
  g_assert_true (press_tab (view, FALSE));
  g_clear_pointer (&back, g_free);
  back = selected_text (buffer);
  g_assert_cmpstr (back, ==, second);

  /* Without slots, Tab is left to the text view. */
  gtk_text_buffer_set_text (buffer, "Mr. President,\n\nI thank you.\n", -1);
  g_assert_false (press_tab (view, FALSE));

  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

#define PREVIOUS_STATEMENT \
  "---\n" \
  "council: iom\n" \
  "session: 114\n" \
  "delegation: Atlantis\n" \
  "speaker: H.E. Ambassador Ana Mar\n" \
  "agenda-item: General debate\n" \
  "---\n" \
  "**Statement by H.E. Ambassador Ana Mar at the 114th Session of the IOM Council**\n" \
  "\n" \
  "Mr. Chairperson,\n" \
  "\n" \
  "Atlantis thanks the Director General for the report.\n" \
  "\n" \
  "I thank you.\n"

static void
test_chooser_user_templates_persist (void)
{
  g_autofree char *dir = user_template_dir ();
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "atlantis-114.md", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RstTemplate) template = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  RstTemplateChooser *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  write_file (path, PREVIOUS_STATEMENT);
  file = g_file_new_for_path (path);

  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());

  /* "From a previous statement": kept as a template, next session proposed. */
  template = rst_template_chooser_import_statement (chooser, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);
  id = g_strdup (rst_template_get_id (template));
  g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 115);
  g_assert_true (rst_template_get_id (rst_template_chooser_get_selected (chooser)) != NULL);
  g_assert_cmpstr (rst_template_get_id (rst_template_chooser_get_selected (chooser)), ==, id);
  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop ();

  /* The file is in the user's folder… */
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean found = FALSE;

    while ((name = g_dir_read_name (listing)) != NULL)
      if (g_str_has_suffix (name, ".md"))
        found = TRUE;
    g_assert_true (found);
  }

  /* …and a new window's chooser, reading the folder again, lists it and
   * fills it for the next session.
   */
  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_assert_true (rst_template_chooser_select_template (chooser, id));
  rst_template_chooser_set_session (chooser, 115);
  rst_template_chooser_set_council (chooser, "iom");
  text = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (strstr (text, "115th Session"));
  g_assert_null (strstr (text, "114th"));
  /* The delegation is a field now, filled from the profile (empty here). */
  g_assert_nonnull (strstr (text, "{{delegation}} thanks the Director General"));
  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chooser_save_statement_as_template (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(RstTemplateStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RstTemplateChooser *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  analysis = rst_analysis_new (PREVIOUS_STATEMENT, -1, app_context ());
  g_assert_false (rst_analysis_has_errors (analysis));
  values = rst_template_values_new_for_analysis (analysis);
  g_assert_cmpstr (g_hash_table_lookup (values, "council_id"), ==, "iom");
  g_assert_cmpstr (g_hash_table_lookup (values, "delegation"), ==, "Atlantis");
  g_assert_cmpstr (g_hash_table_lookup (values, "session_ordinal"), ==, "114th");

  store = rst_template_store_new ();
  saved = rst_template_store_save_statement (store, PREVIOUS_STATEMENT, values,
                                             "Atlantis general debate", NULL, &error);
  g_assert_no_error (error);

  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_assert_true (rst_template_chooser_select_template (chooser, rst_template_get_id (saved)));
  g_assert_cmpstr (rst_template_get_name (rst_template_chooser_get_selected (chooser)), ==,
                   "Atlantis general debate");
  rst_template_chooser_set_session (chooser, 0);
  text = rst_template_chooser_dup_text (chooser);
  /* The delegation and session became fields again. */
  g_assert_null (strstr (text, "114th"));
  g_assert_nonnull (strstr (text, "{{session_ordinal}}"));
  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chooser opened over a statement proposes its council and the next
 * session: the statement the drafter is working on is the previous one.
 */
static void
test_chooser_proposes_next_session (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "atlantis-114-open.md", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstAnalysis) previous = NULL;
  g_autofree char *text = NULL;
  RstTemplateChooser *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  /* Directly, with the analysis of the previous statement. */
  previous = rst_analysis_new (PREVIOUS_STATEMENT, -1, app_context ());
  g_assert_cmpuint (rst_analysis_get_session (previous), ==, 114);
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  chooser = rst_template_chooser_new (GTK_WINDOW (window), previous, app_context ());
  g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 115);
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  text = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (strstr (text, "115th Session"));
  g_assert_nonnull (strstr (text, "council: iom"));
  g_clear_pointer (&text, g_free);
  gtk_window_destroy (GTK_WINDOW (chooser));

  /* Without one: no session yet. */
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 0);
  gtk_window_destroy (GTK_WINDOW (chooser));

  /* Through the window, with the statement open in the current tab. */
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  write_file (path, PREVIOUS_STATEMENT);
  file = g_file_new_for_path (path);
  rst_window_open_file (window, file);
  while (rst_document_get_busy (rst_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  chooser = open_chooser (window);
  g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 115);
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  text = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (strstr (text, "115th Session"));
  g_assert_nonnull (strstr (text, "council: iom"));
  gtk_window_destroy (GTK_WINDOW (chooser));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The message dialog a flow opened, answered as the drafter would:
 * @name typed into its entry (when it has one), then @response.
 */
static void
answer_dialog (const char *name,
               const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  spin_main_loop ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);

  if (name != NULL)
    {
      GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

      g_assert_true (GTK_IS_EDITABLE (entry));
      gtk_editable_set_text (GTK_EDITABLE (entry), name);
    }

  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin_main_loop ();
}

static RstTemplate *
find_by_name (RstTemplateStore *store,
              const char       *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (rst_template_get_name (template), name) == 0)
        return template;
    }

  return NULL;
}

static void
test_chooser_save_as_template_dialog (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "previous.md", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTemplateStore) store = NULL;
  RstTemplate *saved;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  write_file (path, PREVIOUS_STATEMENT);
  file = g_file_new_for_path (path);

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  while (rst_document_get_busy (rst_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);

  /* The menu item, its name dialog, Save. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL));
  answer_dialog ("Ocean statement", "save");

  store = rst_template_store_new ();
  saved = find_by_name (store, "Ocean statement");
  g_assert_nonnull (saved);
  g_assert_cmpint (rst_template_get_origin (saved), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_nonnull (strstr (rst_template_get_text (saved), "{{session_ordinal}}"));
  g_assert_null (strstr (rst_template_get_text (saved), "114th"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Save as Template on its own: the name dialog, then the template made
 * from the analysis; Cancel saves nothing.
 */
static void
test_chooser_save_as_template_async (void)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (PREVIOUS_STATEMENT, -1, app_context ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(RstTemplateStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  rst_template_chooser_save_as_template_async (GTK_WINDOW (window), analysis, NULL, store_result, &result);
  answer_dialog ("Atlantis at the Council", "save");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  saved = rst_template_chooser_save_as_template_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpstr (rst_template_get_name (saved), ==, "Atlantis at the Council");
  g_assert_cmpint (rst_template_get_origin (saved), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_null (rst_template_get_error (saved));
  text = rst_template_get_text (saved);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "{{session_ordinal}}"));
  g_assert_nonnull (strstr (text, "{{delegation}} thanks the Director General"));
  g_assert_null (strstr (text, "114th"));
  g_assert_null (strstr (text, "Atlantis thanks"));
  /* Nothing after the statement's last line. */
  g_assert_true (g_str_has_suffix (text, "I thank you.\n"));

  /* On disk, where the next chooser finds it. */
  store = rst_template_store_new ();
  g_assert_nonnull (find_by_name (store, "Atlantis at the Council"));

  /* Cancelled: an error that says so, and no template. */
  g_clear_object (&result);
  rst_template_chooser_save_as_template_async (GTK_WINDOW (window), analysis, NULL, store_result, &result);
  answer_dialog ("Never saved", "cancel");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rst_template_chooser_save_as_template_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  rst_template_store_reload (store);
  g_assert_null (find_by_name (store, "Never saved"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  spin_main_loop ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }

  return dialog;
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return rst_test_ui_find_widget (widget, is_label_reading, text) != NULL;
}

/* The delegation's shared folder of Preferences: its templates are in
 * the chooser beside the built-in and personal ones, marked as the
 * delegation's, fill like any other, and Save as Template can save
 * there; a missing folder only lists nothing, with no dialog.
 */
static void
test_chooser_shared_templates (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "mission-share", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "not-mounted", NULL);
  g_autofree char *shared_path = g_build_filename (dir, "mission-debate.md", NULL);
  g_autofree char *user_dir = user_template_dir ();
  g_autofree char *user_path = g_build_filename (user_dir, "mine.md", NULL);
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (PREVIOUS_STATEMENT, -1, app_context ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved_path = NULL;
  RstTemplateChooser *chooser;
  RstTemplateStore *store;
  RstTemplate *template;
  AdwMessageDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  write_file (shared_path,
              "---\ntemplate-name: Mission general debate\nlang: en\n---\n"
              "**Statement by the delegation of {{delegation}}**\n\n{{chair_address}},\n\nI thank you.\n");
  write_file (user_path, "---\ntemplate-name: Mine\nlang: en\n---\n{{chair_address}},\n\nI thank you.\n");
  g_settings_set_string (settings, "shared-templates-folder", dir);
  set_delegation_profile ("Atlantis", "");

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  chooser = open_chooser (window);
  store = rst_template_chooser_get_store (chooser);
  g_assert_nonnull (rst_template_store_get_shared_directory (store));
  template = rst_template_store_lookup (store, "mission-debate");
  g_assert_nonnull (template);
  g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_SHARED);
  g_assert_nonnull (rst_template_store_lookup (store, "general-debate"));
  g_assert_cmpint (rst_template_get_origin (rst_template_store_lookup (store, "mine")), ==, RST_TEMPLATE_ORIGIN_USER);

  /* Marked in its row; the drafter's own are "Yours". */
  g_assert_true (has_label (GTK_WIDGET (chooser), "Delegation’s"));
  g_assert_true (has_label (GTK_WIDGET (chooser), "Yours"));

  g_assert_true (rst_template_chooser_select_template (chooser, "mission-debate"));
  text = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (strstr (text, "Statement by the delegation of Atlantis"));
  gtk_window_destroy (GTK_WINDOW (chooser));

  /* Save as Template offers the share; the template is written there. */
  rst_template_chooser_save_as_template_async (GTK_WINDOW (window), analysis, NULL, store_result, &result);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "shared"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  answer_dialog ("Atlantis for the mission", "shared");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  saved = rst_template_chooser_save_as_template_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (rst_template_get_origin (saved), ==, RST_TEMPLATE_ORIGIN_SHARED);
  saved_path = g_file_get_path (rst_template_get_file (saved));
  g_assert_true (g_str_has_prefix (saved_path, dir));
  g_assert_nonnull (strstr (rst_template_get_text (saved), "{{delegation}} thanks the Director General"));

  /* A share that is not there: nothing of it, no dialog, and Save as
   * Template offers only the drafter's own templates.
   */
  g_settings_set_string (settings, "shared-templates-folder", missing);
  chooser = open_chooser (window);
  spin_main_loop ();
  g_assert_null (find_message_dialog ());
  store = rst_template_chooser_get_store (chooser);
  g_assert_null (rst_template_store_lookup (store, "mission-debate"));
  g_assert_nonnull (rst_template_store_get_shared_error (store));
  g_assert_nonnull (rst_template_store_lookup (store, "general-debate"));
  g_assert_false (has_label (GTK_WIDGET (chooser), "Delegation’s"));
  gtk_window_destroy (GTK_WINDOW (chooser));

  g_clear_object (&result);
  rst_template_chooser_save_as_template_async (GTK_WINDOW (window), analysis, NULL, store_result, &result);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "shared"));
  answer_dialog (NULL, "cancel");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_settings_reset (settings, "shared-templates-folder");
  set_delegation_profile ("", "");
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop ();
}

static void
test_chooser_manages_user_templates (void)
{
  RstTemplateChooser *chooser;
  RstTemplateStore *store;
  RstTemplate *copy;
  g_autofree char *copy_id = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GError) error = NULL;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  gtk_window_present (GTK_WINDOW (chooser));
  store = rst_template_chooser_get_store (chooser);

  /* Duplicate a built-in: a user copy, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.duplicate", "s", "right-of-reply"));
  spin_main_loop ();
  copy = rst_template_chooser_get_selected (chooser);
  g_assert_nonnull (copy);
  g_assert_cmpint (rst_template_get_origin (copy), ==, RST_TEMPLATE_ORIGIN_USER);
  copy_id = g_strdup (rst_template_get_id (copy));
  g_assert_cmpstr (copy_id, !=, "right-of-reply");

  /* Rename it through its dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.rename", "s", copy_id));
  answer_dialog ("Short reply", "save");
  g_assert_nonnull (find_by_name (store, "Short reply"));
  g_assert_true (rst_template_chooser_select_template (chooser, copy_id));

  /* Export it as a file, import it back as another template. */
  exported = g_file_new_build_filename (g_get_user_cache_dir (), "short-reply-export.md", NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (rst_template_store_export (store, copy_id, exported, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (exported, NULL));

  /* Delete, confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.delete", "s", copy_id));
  answer_dialog (NULL, "delete");
  g_assert_null (rst_template_store_lookup (store, copy_id));
  g_assert_null (find_by_name (store, "Short reply"));
  /* The selection moved on to a usable template. */
  g_assert_nonnull (rst_template_chooser_get_selected (chooser));

  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chooser_bad_templates (void)
{
  g_autofree char *dir = user_template_dir ();
  g_autofree char *broken = g_build_filename (dir, "broken.md", NULL);
  g_autofree char *clash = g_build_filename (dir, "general-debate.md", NULL);
  RstTemplateChooser *chooser;
  RstTemplateStore *store;
  RstWindow *window;
  guint n_general = 0;
  gboolean broken_listed = FALSE;

  RST_TEST_REQUIRE_DISPLAY ();

  write_file (broken, "---\ntemplate-name: Broken\n---\nMr. President, \xff\xfe\n");
  write_file (clash, "---\ntemplate-name: My general debate\n---\n{{chair_address}},\n\nI thank you.\n");

  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  gtk_window_present (GTK_WINDOW (chooser));
  spin_main_loop ();
  store = rst_template_chooser_get_store (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (rst_template_get_error (template) != NULL)
        broken_listed = TRUE;
      if (g_str_equal (rst_template_get_id (template), "general-debate") ||
          g_str_equal (rst_template_get_id (template), "user:general-debate"))
        n_general++;
    }
  g_assert_true (broken_listed);
  g_assert_cmpuint (n_general, ==, 2);

  /* Listed with its error, but never chosen. */
  g_assert_false (rst_template_chooser_select_template (chooser, "broken"));
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  g_assert_true (rst_template_chooser_select_template (chooser, "user:general-debate"));
  g_assert_cmpstr (rst_template_get_name (rst_template_chooser_get_selected (chooser)), ==,
                   "My general debate");

  /* Searching narrows the list; the selection follows. */
  rst_template_chooser_set_search (chooser, "reply");
  spin_main_loop ();
  g_assert_false (rst_template_chooser_select_template (chooser, "general-debate"));
  g_assert_true (rst_template_chooser_select_template (chooser, "right-of-reply"));

  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (broken);
  g_unlink (clash);
}


/* One language at a time: the delegation's by default, each template in
 * its version of it, previewed in it with the council's words in it.
 */
static void
test_chooser_languages (void)
{
  GSettings *settings = rst_application_get_settings (app);
  g_autofree char *dir = user_template_dir ();
  g_autofree char *russian = g_build_filename (dir, "russian-only.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *preview = NULL;
  RstTemplateChooser *chooser;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  write_file (russian,
              "---\n"
              "template-name: Только по-русски\n"
              "lang: ru\n"
              "---\n"
              "{{chair_address}}!\n\nБлагодарю за внимание.\n");
  g_settings_set_string (settings, "default-language", "fr");
  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_assert_cmpstr (rst_template_chooser_get_language (chooser), ==, "fr");

  /* Listed in French, and a Russian-only template is not. */
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  g_assert_cmpstr (rst_template_get_lang (rst_template_chooser_get_selected (chooser)), ==, "fr");
  g_assert_cmpstr (rst_template_get_name (rst_template_chooser_get_selected (chooser)), ==, "Débat général");
  g_assert_false (rst_template_chooser_select_template (chooser, "russian-only"));

  /* The preview is the French statement, the council's words in French,
   * its details left to the Details panel.
   */
  g_assert_true (rst_template_chooser_set_council (chooser, "iom"));
  spin_main_loop ();
  buffer = gtk_text_view_get_buffer (rst_template_chooser_get_preview (chooser));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  preview = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_test_message ("French preview: %s", preview);
  g_assert_nonnull (strstr (preview, "Monsieur le Président"));
  g_assert_null (strstr (preview, "---"));
  g_assert_null (strstr (preview, "template-name"));
  text = rst_template_chooser_dup_text (chooser);
  g_assert_nonnull (strstr (text, "\nlang: fr\n"));
  g_assert_true (g_str_has_suffix (text, preview));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (rst_template_chooser_get_preview (chooser))), ==,
                   GTK_TEXT_DIR_LTR);

  /* Another language: another list, another direction. */
  g_assert_true (rst_template_chooser_set_language (chooser, "ru"));
  g_assert_true (rst_template_chooser_select_template (chooser, "russian-only"));
  g_assert_true (rst_template_chooser_set_language (chooser, "ar"));
  g_assert_false (rst_template_chooser_select_template (chooser, "russian-only"));
  g_assert_true (rst_template_chooser_select_template (chooser, "general-debate"));
  spin_main_loop ();
  g_assert_cmpstr (rst_template_get_lang (rst_template_chooser_get_selected (chooser)), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (rst_template_chooser_get_preview (chooser))), ==,
                   GTK_TEXT_DIR_RTL);
  g_assert_false (rst_template_chooser_set_language (chooser, "de"));
  gtk_window_destroy (GTK_WINDOW (chooser));

  /* The next session of a Russian statement is in Russian, whatever the
   * delegation's usual language.
   */
  {
    g_autoptr(RstAnalysis) previous = rst_analysis_new ("---\ncouncil: iom\nsession: 114\n---\n"
                                                        "Господин Председатель!\n\n"
                                                        "Во-первых, делегация благодарит Генерального директора за доклад.\n\n"
                                                        "Благодарю за внимание.\n", -1, app_context ());

    g_assert_cmpstr (rst_analysis_get_language (previous), ==, "ru");
    chooser = rst_template_chooser_new (GTK_WINDOW (window), previous, app_context ());
    g_assert_cmpstr (rst_template_chooser_get_language (chooser), ==, "ru");
    g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 115);
  }

  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "default-language");
  g_unlink (russian);
  spin_main_loop ();
}

/* A previous statement in French, without a "lang" detail: its template
 * says French, and the chooser lists French.
 */
static void
test_chooser_previous_statement_keeps_language (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "senegal-114.md", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RstTemplate) template = NULL;
  RstTemplateChooser *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  write_file (path,
              "---\n"
              "council: iom\n"
              "session: 114\n"
              "---\n"
              "Monsieur le Président,\n\n"
              "Premièrement, la délégation remercie la Directrice générale pour son rapport.\n\n"
              "Je vous remercie.\n");
  file = g_file_new_for_path (path);

  window = rst_window_new (app);
  chooser = rst_template_chooser_new (GTK_WINDOW (window), NULL, app_context ());
  g_assert_cmpstr (rst_template_chooser_get_language (chooser), ==, "en");
  template = rst_template_chooser_import_statement (chooser, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_lang (template), ==, "fr");
  g_assert_cmpstr (rst_template_chooser_get_language (chooser), ==, "fr");
  g_assert_cmpstr (rst_template_get_id (rst_template_chooser_get_selected (chooser)), ==,
                   rst_template_get_id (template));
  g_assert_cmpuint (rst_template_chooser_get_session (chooser), ==, 115);

  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/template-chooser/fills-fields", test_chooser_fills_fields);
  g_test_add_func ("/template-chooser/create-returns-text", test_chooser_create_returns_text);
  g_test_add_func ("/template-chooser/tab-moves-between-slots", test_chooser_tab_moves_between_slots);
  g_test_add_func ("/template-chooser/proposes-next-session", test_chooser_proposes_next_session);
  g_test_add_func ("/template-chooser/user-templates-persist", test_chooser_user_templates_persist);
  g_test_add_func ("/template-chooser/save-statement-as-template", test_chooser_save_statement_as_template);
  g_test_add_func ("/template-chooser/save-as-template-dialog", test_chooser_save_as_template_dialog);
  g_test_add_func ("/template-chooser/manages-user-templates", test_chooser_manages_user_templates);
  g_test_add_func ("/template-chooser/bad-templates", test_chooser_bad_templates);
  g_test_add_func ("/template-chooser/save-as-template-async", test_chooser_save_as_template_async);
  g_test_add_func ("/template-chooser/shared-templates", test_chooser_shared_templates);
  g_test_add_func ("/template-chooser/languages", test_chooser_languages);
  g_test_add_func ("/template-chooser/previous-statement-keeps-language", test_chooser_previous_statement_keeps_language);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
