/* test-details-panel.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details of a statement in the real window: its front matter never
 * shows in the text, the Details panel edits it as one undo step each,
 * the checker, gauge and outline follow at once, saving writes it back,
 * the heading's suggestions are taken with a click, and a front matter
 * that cannot be read is shown as text under a banner.
 */

#include "config.h"

#include <string.h>

#include "rst-details-panel.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

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
wait_saved (RstDocument *document)
{
  while (rst_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static RstDetailsPanel *
get_panel (RstWindow *window)
{
  RstSidebar *sidebar = rst_page_get_sidebar (rst_window_get_current_page (window));
  GtkWidget *panel;

  /* The Details tab, clicked: the panel is made when first shown. */
  rst_sidebar_show_page (sidebar, "details");
  panel = rst_test_ui_find_descendant (GTK_WIDGET (sidebar), RST_TYPE_DETAILS_PANEL);
  g_assert_nonnull (panel);
  return RST_DETAILS_PANEL (panel);
}

static char *
buffer_text (RstDocument *document)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &begin, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &begin, &end, TRUE);
}

static void
assert_buffer_is (RstDocument *document,
                  const char  *expected)
{
  g_autofree char *text = buffer_text (document);

  g_assert_cmpstr (text, ==, expected);
}

static RstWindow *
open_statement (const char  *path,
                RstDocument **document)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RstWindow *window = rst_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  *document = rst_window_get_document (window);
  rst_test_ui_wait_checked (*document);

  return window;
}

/* The line in the buffer where the outline entry @label starts now. */
static int
outline_line (RstDocumentChecker *checker,
              const char         *label)
{
  GListModel *outline = rst_document_checker_get_outline (checker);

  for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
    {
      g_autoptr(RstOutlineItem) item = g_list_model_get_item (outline, i);
      GtkTextIter begin, end;

      if (g_str_equal (rst_outline_item_get_label (item), label) &&
          rst_document_checker_get_bounds (checker, item, &begin, &end))
        return gtk_text_iter_get_line (&begin);
    }

  return -1;
}

static RstDiagnostic *
find_diagnostic (RstDocumentChecker *checker,
                 const char         *code)
{
  GListModel *diagnostics = rst_document_checker_get_diagnostics (checker);

  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(RstDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      if (g_str_equal (rst_diagnostic_get_code (diagnostic), code))
        return diagnostic;  /* the model keeps it */
    }

  return NULL;
}

#define STATEMENT                                                \
  "---\n"                                                        \
  "title: Statement by the Delegation of Ruritania\n"            \
  "council: iom\n"                                               \
  "session: 114\n"                                               \
  "delegation: Ruritania\n"                                      \
  "lang: en\n"                                                   \
  "---\n"                                                        \
  "**Statement by the Delegation of Ruritania at the 114rd Session of the IOM Council**\n" \
  "\n"                                                           \
  "Mr. Chairperson,\n"                                           \
  "\n"                                                           \
  "First, we thank the Director General for her report.\n"       \
  "\n"                                                           \
  "I thank you.\n"

/* The buffer holds the body only, and everything the analysis places in
 * it is where it is in the body.
 */
static void
test_details_front_matter_not_in_buffer (void)
{
  g_autofree char *path = write_statement ("not-in-buffer.md", STATEMENT);
  g_autofree char *text = NULL;
  RstDocumentChecker *checker;
  RstDiagnostic *ordinal;
  RstDocument *document;
  RstWindow *window;
  RstSidebar *sidebar;
  RstDetailsPanel *panel;
  GtkTextIter begin, end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (path, &document);
  checker = rst_document_get_checker (document);

  text = buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "**Statement by the Delegation"));
  g_assert_null (strstr (text, "council:"));
  g_assert_null (strstr (text, "---"));
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "114");

  /* The analysis read the whole statement. */
  g_assert_cmpstr (rst_analysis_get_council_id (rst_document_checker_get_analysis (checker)), ==, "iom");
  g_assert_cmpuint (rst_analysis_get_session (rst_document_checker_get_analysis (checker)), ==, 114);

  /* Outline and diagnostics point into the body. */
  g_assert_cmpint (outline_line (checker, "Heading"), ==, 0);
  g_assert_cmpint (outline_line (checker, "Salutation"), ==, 2);
  g_assert_cmpint (outline_line (checker, "Closing"), ==, 6);
  ordinal = find_diagnostic (checker, "session-ordinal");
  g_assert_nonnull (ordinal);
  g_assert_true (rst_document_checker_get_bounds (checker, ordinal, &begin, &end));
  g_assert_cmpint (gtk_text_iter_get_line (&begin), ==, 0);
  g_free (text);
  text = gtk_text_iter_get_text (&begin, &end);
  g_assert_cmpstr (text, ==, "114rd");

  /* The panel is not made before its page is shown, and shows the
   * details when it is.
   */
  sidebar = rst_page_get_sidebar (rst_window_get_current_page (window));
  g_assert_null (rst_test_ui_find_descendant (GTK_WIDGET (sidebar), RST_TYPE_DETAILS_PANEL));
  panel = get_panel (window);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rst_details_panel_get_session_spin (panel)), ==, 114);
  rst_sidebar_show_page (sidebar, "outline");
  rst_sidebar_show_page (sidebar, "details");
  g_assert_true (get_panel (window) == panel);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One change in the panel: the document, the analysis and the gauge at
 * once, the file on saving, and one undo step back.
 */
static void
test_details_edit_save_undo (void)
{
  g_autofree char *path = write_statement ("edit-save-undo.md", STATEMENT);
  g_autofree char *saved = NULL;
  g_autofree char *timing = NULL;
  g_autofree char *before = NULL;
  RstDocumentChecker *checker;
  RstDetailsPanel *panel;
  RstDocument *document;
  RstWindow *window;
  GtkWidget *time_limit;
  RstSidebar *sidebar;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (path, &document);
  checker = rst_document_get_checker (document);
  panel = get_panel (window);
  sidebar = rst_page_get_sidebar (rst_window_get_current_page (window));
  g_assert_true (rst_details_panel_get_editable (panel));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rst_details_panel_get_session_spin (panel)), ==, 114);
  before = buffer_text (document);

  gtk_spin_button_set_value (rst_details_panel_get_session_spin (panel), 115);
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "115");
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  rst_test_ui_wait_checked (document);
  g_assert_cmpuint (rst_analysis_get_session (rst_document_checker_get_analysis (checker)), ==, 115);
  /* The text is as it was. */
  assert_buffer_is (document, before);

  /* A new line in the front matter: the body's places stay. */
  time_limit = rst_details_panel_get_row (panel, "time-limit");
  gtk_editable_set_text (GTK_EDITABLE (time_limit), "2:00");
  g_signal_emit_by_name (time_limit, "entry-activated");
  rst_test_ui_wait_checked (document);
  g_assert_cmpuint (rst_analysis_get_time_limit (rst_document_checker_get_analysis (checker)), ==, 120);
  timing = rst_analysis_dup_timing_text (rst_document_checker_get_analysis (checker));
  g_assert_nonnull (strstr (timing, "of 2:00"));
  g_assert_cmpstr (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)), ==, timing);
  g_assert_cmpint (outline_line (checker, "Salutation"), ==, 2);
  g_assert_cmpint (outline_line (checker, "Closing"), ==, 6);

  /* Not a time: not written, and the field says so. */
  gtk_editable_set_text (GTK_EDITABLE (time_limit), "two minutes");
  g_signal_emit_by_name (time_limit, "entry-activated");
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "time-limit"), ==, "2:00");
  g_assert_true (gtk_widget_has_css_class (time_limit, "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_saved (document);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==,
                   "---\n"
                   "title: Statement by the Delegation of Ruritania\n"
                   "council: iom\n"
                   "session: 115\n"
                   "delegation: Ruritania\n"
                   "lang: en\n"
                   "time-limit: 2:00\n"
                   "---\n"
                   "**Statement by the Delegation of Ruritania at the 114rd Session of the IOM Council**\n"
                   "\n"
                   "Mr. Chairperson,\n"
                   "\n"
                   "First, we thank the Director General for her report.\n"
                   "\n"
                   "I thank you.\n");

  /* Each change is one step back, and the panel shows it. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_assert_null (rst_details_get (rst_document_get_details (document), "time-limit"));
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "115");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_limit)), ==, "");
  g_assert_false (gtk_widget_has_css_class (time_limit, "error"));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "114");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rst_details_panel_get_session_spin (panel)), ==, 114);
  assert_buffer_is (document, before);
  rst_test_ui_wait_checked (document);
  g_assert_cmpuint (rst_analysis_get_session (rst_document_checker_get_analysis (checker)), ==, 114);

  /* Redo brings it back; typing after an undo ends what redo could. */
  gtk_text_buffer_redo (GTK_TEXT_BUFFER (document));
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "115");
  gtk_text_buffer_redo (GTK_TEXT_BUFFER (document));
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "time-limit"), ==, "2:00");
  /* Back at what is on disk. */
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Details and typing are steps of one history, in the order they came. */
static void
test_details_undo_interleaved (void)
{
  g_autofree char *path = write_statement ("interleaved.md", STATEMENT);
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;
  RstDocument *document;
  RstWindow *window;
  GtkTextIter start, end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (path, &document);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert_interactive (GTK_TEXT_BUFFER (document), &end, "\nMore.", -1, TRUE);
  typed = buffer_text (document);
  /* A selection at the time stays as it is. */
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &end, 2);
  start = end;
  gtk_text_iter_forward_chars (&end, 3);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (document), &start, &end);
  rst_document_set_detail (document, "agenda-item", "General debate");
  g_assert_true (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (document), &start, &end));
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (text, ==, "Mr.");
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, " Even more.", -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));

  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  text = buffer_text (document);
  g_assert_cmpstr (text, ==, typed);
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "agenda-item"), ==, "General debate");

  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_free (text);
  text = buffer_text (document);
  g_assert_cmpstr (text, ==, typed);
  g_assert_null (rst_details_get (rst_document_get_details (document), "agenda-item"));

  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_free (text);
  text = buffer_text (document);
  g_assert_null (strstr (text, "More."));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the heading says where the details are silent, taken with one
 * click.
 */
static void
test_details_suggestion_use (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "corpus", "ar-iom-114-egypt.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  RstDetailsPanel *panel;
  RstDocument *document;
  RstWindow *window;
  GtkWidget *use;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  path = write_statement ("suggestion.txt", contents);
  window = open_statement (path, &document);
  panel = get_panel (window);

  g_assert_null (rst_details_get (rst_document_get_details (document), "council"));
  use = rst_details_panel_get_use_button (panel, "council");
  g_assert_true (gtk_widget_get_visible (use));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rst_details_panel_get_row (panel, "council"))),
                            "IOM"));
  g_assert_true (gtk_widget_get_visible (rst_details_panel_get_use_button (panel, "session")));

  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "council"), ==, "iom");
  g_assert_false (gtk_widget_get_visible (use));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rst_details_panel_get_row (panel, "council"))), >, 0);

  g_signal_emit_by_name (rst_details_panel_get_use_button (panel, "session"), "clicked");
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "session"), ==, "114");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (rst_details_panel_get_session_spin (panel)), ==, 114);

  /* A statement that had no front matter gets one; the text stays. */
  g_assert_true (g_str_has_prefix (rst_document_get_front_matter (document), "---\ncouncil: iom\nsession: 114\n---\n"));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A front matter that cannot be read opens as text under a banner that
 * says why and where; the panel waits until it is fixed.
 */
static void
test_details_broken_front_matter (void)
{
  g_autofree char *path = write_statement ("broken.md",
                                           "---\n"
                                           "title: [unclosed\n"
                                           "council: iom\n"
                                           "---\n"
                                           "Mr. Chairperson,\n"
                                           "\n"
                                           "I thank you.\n");
  g_autofree char *text = NULL;
  RstDiagnostic *invalid;
  RstDetailsPanel *panel;
  RstDocument *document;
  RstWindow *window;
  RstPage *page;
  GtkWidget *banner, *label;
  GtkTextIter begin, end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (path, &document);
  page = rst_window_get_current_page (window);
  panel = get_panel (window);

  text = buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "---\ntitle: [unclosed\n"));
  g_assert_null (rst_document_get_details (document));
  g_assert_false (rst_details_panel_get_editable (panel));

  banner = rst_test_ui_find_descendant (GTK_WIDGET (page), GTK_TYPE_REVEALER);
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  label = rst_test_ui_find_descendant (banner, GTK_TYPE_LABEL);
  g_test_message ("Banner: %s", gtk_label_get_text (GTK_LABEL (label)));
  /* The analysis' words: the line, and what is wrong there. */
  invalid = find_diagnostic (rst_document_get_checker (document), "front-matter-invalid");
  g_assert_nonnull (invalid);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), rst_diagnostic_get_message (invalid)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Line 3:"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "not valid YAML"));

  /* Fixed in the text, it goes back to the panel as one step. */
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &begin, 1);
  end = begin;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (document), &begin, &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &begin, "title: Fixed", -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));
  rst_test_ui_wait_checked (document);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.take-front-matter", NULL));

  g_free (text);
  text = buffer_text (document);
  g_assert_cmpstr (text, ==, "Mr. Chairperson,\n\nI thank you.");
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "title"), ==, "Fixed");
  g_assert_true (rst_details_panel_get_editable (panel));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rst_details_panel_get_row (panel, "title"))), ==, "Fixed");
  rst_test_ui_wait_checked (document);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Undo puts the text back, as it was before the move. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_free (text);
  text = buffer_text (document);
  g_assert_true (g_str_has_prefix (text, "---\ntitle: Fixed\n"));
  g_assert_null (rst_document_get_details (document));
  g_assert_false (rst_details_panel_get_editable (panel));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/details-panel/front-matter-not-in-buffer", test_details_front_matter_not_in_buffer);
  g_test_add_func ("/details-panel/edit-save-undo", test_details_edit_save_undo);
  g_test_add_func ("/details-panel/undo-interleaved", test_details_undo_interleaved);
  g_test_add_func ("/details-panel/suggestion-use", test_details_suggestion_use);
  g_test_add_func ("/details-panel/broken-front-matter", test_details_broken_front_matter);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
