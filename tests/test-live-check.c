/* test-live-check.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checker made visible: the real window opens the fixture, the test
 * types over it as a drafter would, and looks at the underlines, the
 * outline rows, the issues list and the gauge.
 */

#include "config.h"

#include <string.h>

#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
wait_checked (RstDocument *document)
{
  RstDocumentChecker *checker = rst_document_get_checker (document);

  /* A stuck check fails through Meson's timeout rather than silently. */
  while (rst_document_get_busy (document) || !rst_document_checker_get_up_to_date (checker))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Lets GTK lay out and bind list rows. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The gauge says what the analysis says. */
static void
assert_gauge_is_analysis (RstSidebar         *sidebar,
                          RstDocumentChecker *checker)
{
  g_autofree char *timing = rst_analysis_dup_timing_text (rst_document_checker_get_analysis (checker));

  g_autofree char *over = rst_analysis_dup_over_text (rst_document_checker_get_analysis (checker));
  GtkLabel *over_label = rst_sidebar_get_over_label (sidebar);

  g_assert_true (rst_document_checker_get_up_to_date (checker));
  g_assert_cmpstr (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)), ==, timing);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (over_label)), ==, over != NULL);
  if (over != NULL)
    g_assert_cmpstr (gtk_label_get_text (over_label), ==, over);
}

static RstOutlineItem *
find_outline_item (RstDocumentChecker *checker,
                   const char         *label)
{
  GListModel *outline = rst_document_checker_get_outline (checker);

  for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
    {
      g_autoptr(RstOutlineItem) item = g_list_model_get_item (outline, i);

      if (g_strcmp0 (rst_outline_item_get_label (item), label) == 0)
        return item;  /* the model keeps it alive */
    }
  return NULL;
}

static guint
count_priorities (RstDocumentChecker *checker)
{
  GListModel *outline = rst_document_checker_get_outline (checker);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
    {
      g_autoptr(RstOutlineItem) item = g_list_model_get_item (outline, i);

      n += rst_outline_item_get_kind (item) == RST_ELEMENT_PRIORITY;
    }
  return n;
}

static gboolean
is_outline_row (GtkWidget     *widget,
                gconstpointer  label)
{
  GtkWidget *text;

  if (!GTK_IS_BOX (widget) || !GTK_IS_IMAGE (gtk_widget_get_first_child (widget)))
    return FALSE;
  text = gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget));
  return GTK_IS_LABEL (text) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (text)), label) == 0;
}

static gboolean
is_fix_button (GtkWidget     *widget,
               gconstpointer  code)
{
  RstDiagnostic *diagnostic;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  diagnostic = g_object_get_data (G_OBJECT (widget), "rst-diagnostic");
  return diagnostic != NULL && g_strcmp0 (rst_diagnostic_get_code (diagnostic), code) == 0;
}

/* The status icon of the outline row labelled @label, as drawn. */
static const char *
outline_row_status (RstSidebar *sidebar,
                    const char *label)
{
  GtkWidget *row = NULL;

  for (guint tries = 0; row == NULL && tries < 100; tries++)
    {
      row = rst_test_ui_find_widget (GTK_WIDGET (rst_sidebar_get_outline_view (sidebar)), is_outline_row, label);
      if (row == NULL)
        spin (20);
    }
  g_assert_nonnull (row);
  return gtk_image_get_icon_name (GTK_IMAGE (gtk_widget_get_first_child (row)));
}

/* The time the outline row labelled @label shows, as drawn. */
static const char *
outline_row_time (RstSidebar *sidebar,
                  const char *label)
{
  GtkWidget *row = NULL;

  for (guint tries = 0; row == NULL && tries < 100; tries++)
    {
      row = rst_test_ui_find_widget (GTK_WIDGET (rst_sidebar_get_outline_view (sidebar)), is_outline_row, label);
      if (row == NULL)
        spin (20);
    }
  g_assert_nonnull (row);
  /* Icon, part, time, line. */
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (row)))));
}

static gboolean
has_tag_on (GtkTextBuffer *buffer,
            const char    *tag_name,
            int            offset,
            int            length)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter begin, end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &begin, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + length);

  /* The whole word and nothing before it. */
  return gtk_text_iter_starts_tag (&begin, tag) && gtk_text_iter_ends_tag (&end, tag);
}

static int
find_offset (GtkTextBuffer *buffer,
             const char    *needle)
{
  GtkTextIter start, match, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, needle, 0, &match, &match_end, NULL))
    return -1;
  return gtk_text_iter_get_offset (&match);
}

static void
replace (GtkTextBuffer *buffer,
         int            offset,
         int            length,
         const char    *text)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &begin, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + length);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &begin, &end);
  gtk_text_buffer_insert (buffer, &begin, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
test_live_check_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *gauge_before = NULL;
  RstDocumentChecker *checker;
  GtkTextBuffer *buffer;
  RstDocument *document;
  RstSidebar *sidebar;
  RstWindow *window;
  GtkWidget *button = NULL;
  guint seconds_before;
  int fourth, second, second_end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);

  document = rst_window_get_document (window);
  buffer = GTK_TEXT_BUFFER (document);
  checker = rst_document_get_checker (document);
  sidebar = rst_page_get_sidebar (rst_window_get_current_page (window));
  wait_checked (document);

  /* Loading shows the outline with its four priorities, all in place. */
  g_assert_cmpuint (count_priorities (checker), ==, 4);
  g_assert_nonnull (find_outline_item (checker, "Fourth"));
  g_assert_cmpstr (outline_row_status (sidebar, "Third"), ==, "emblem-ok-symbolic");
  /* Each row shows its part's speaking time; the parts add up to the
   * gauge's total.
   */
  {
    GListModel *outline = rst_document_checker_get_outline (checker);
    guint total = 0;

    for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
      {
        g_autoptr(RstOutlineItem) item = g_list_model_get_item (outline, i);
        g_autofree char *time = rst_timing_format (rst_outline_item_get_speaking_seconds (item));

        g_assert_cmpstr (outline_row_time (sidebar, rst_outline_item_get_label (item)), ==, time);
        total += rst_outline_item_get_speaking_seconds (item);
      }
    g_assert_cmpuint (total, ==, rst_analysis_get_speaking_seconds (rst_document_checker_get_analysis (checker)));
  }
  g_assert_false (has_tag_on (buffer, "diagnostic-error", find_offset (buffer, "Fourth,"), 6));

  /* Typing "Fifth" over "Fourth": an ordinal-sequence underline on the
   * word and an error on its outline row.
   */
  fourth = find_offset (buffer, "Fourth,");
  g_assert_cmpint (fourth, >, 0);
  replace (buffer, fourth, 6, "Fifth");
  g_assert_false (rst_document_checker_get_up_to_date (checker));
  wait_checked (document);

  g_assert_true (has_tag_on (buffer, "diagnostic-error", fourth, 5));
  {
    /* The gutter's error icon sits on that line (18 in the file). */
    GSList *marks = gtk_source_buffer_get_source_marks_at_line (GTK_SOURCE_BUFFER (buffer), 17,
                                                                RST_DOCUMENT_CHECKER_MARK_ERROR);
    g_assert_cmpuint (g_slist_length (marks), ==, 1);
    g_slist_free (marks);
  }
  g_assert_cmpint (rst_outline_item_get_status (find_outline_item (checker, "Fifth")), ==, RST_OUTLINE_STATUS_ERROR);
  g_assert_cmpstr (outline_row_status (sidebar, "Fifth"), ==, "dialog-error-symbolic");

  /* Activating an outline row puts the cursor there; activating an issue
   * selects its words.
   */
  {
    GListModel *outline = rst_document_checker_get_outline (checker);
    GListModel *issues = rst_document_checker_get_diagnostics (checker);
    g_autofree char *selected = NULL;
    GtkTextIter begin, end;
    guint third = G_MAXUINT, sequence = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (outline) && third == G_MAXUINT; i++)
      {
        g_autoptr(RstOutlineItem) item = g_list_model_get_item (outline, i);

        if (g_str_equal (rst_outline_item_get_label (item), "Third"))
          third = i;
      }
    g_assert_cmpuint (third, !=, G_MAXUINT);
    g_signal_emit_by_name (rst_sidebar_get_outline_view (sidebar), "activate", third);
    gtk_text_buffer_get_selection_bounds (buffer, &begin, &end);
    g_assert_cmpint (gtk_text_iter_get_offset (&begin), ==, find_offset (buffer, "Third,"));

    for (guint i = 0; i < g_list_model_get_n_items (issues) && sequence == G_MAXUINT; i++)
      {
        g_autoptr(RstDiagnostic) d = g_list_model_get_item (issues, i);

        if (g_str_equal (rst_diagnostic_get_code (d), "ordinal-sequence"))
          sequence = i;
      }
    g_assert_cmpuint (sequence, !=, G_MAXUINT);
    g_signal_emit_by_name (rst_sidebar_get_issues_view (sidebar), "activate", sequence);
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &begin, &end));
    selected = gtk_text_iter_get_text (&begin, &end);
    g_assert_cmpstr (selected, ==, "Fifth");
  }

  /* Its fix, from the issues list, brings "Fourth" back and clears both. */
  rst_sidebar_show_page (sidebar, "issues");
  for (guint tries = 0; button == NULL && tries < 100; tries++)
    {
      button = rst_test_ui_find_widget (GTK_WIDGET (rst_sidebar_get_issues_view (sidebar)), is_fix_button, "ordinal-sequence");
      if (button == NULL)
        spin (20);
    }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (find_offset (buffer, "Fourth,"), ==, fourth);
  wait_checked (document);

  g_assert_false (has_tag_on (buffer, "diagnostic-error", fourth, 6));
  g_assert_cmpint (rst_outline_item_get_status (find_outline_item (checker, "Fourth")), !=, RST_OUTLINE_STATUS_ERROR);
  rst_sidebar_show_page (sidebar, "outline");
  g_assert_cmpstr (outline_row_status (sidebar, "Fourth"), !=, "dialog-error-symbolic");

  /* The fix was one step: one undo brings the error back. */
  gtk_text_buffer_undo (buffer);
  g_assert_cmpint (find_offset (buffer, "Fifth,"), ==, fourth);
  wait_checked (document);
  g_assert_true (has_tag_on (buffer, "diagnostic-error", fourth, 5));
  g_assert_cmpint (rst_outline_item_get_status (find_outline_item (checker, "Fifth")), ==, RST_OUTLINE_STATUS_ERROR);

  /* Deleting a paragraph shortens the speech, and the gauge says so. */
  gauge_before = g_strdup (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)));
  g_assert_true (g_str_has_suffix (gauge_before, "394 words"));
  assert_gauge_is_analysis (sidebar, checker);
  g_assert_cmpuint (rst_analysis_get_units (rst_document_checker_get_analysis (checker)), ==, 394);
  seconds_before = rst_analysis_get_speaking_seconds (rst_document_checker_get_analysis (checker));
  g_assert_cmpuint (seconds_before, >, 0);
  g_assert_cmpuint (seconds_before, <=, rst_analysis_get_time_limit (rst_document_checker_get_analysis (checker)));
  second = find_offset (buffer, "Second,");
  second_end = find_offset (buffer, "Third,");
  replace (buffer, second, second_end - second, "");
  wait_checked (document);
  g_assert_cmpstr (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)), !=, gauge_before);
  g_assert_false (g_str_has_suffix (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)), "394 words"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rst_sidebar_get_timing_label (sidebar)), "warning"));
  assert_gauge_is_analysis (sidebar, checker);
  g_assert_cmpuint (rst_analysis_get_units (rst_document_checker_get_analysis (checker)), <, 394);
  g_assert_cmpuint (rst_analysis_get_speaking_seconds (rst_document_checker_get_analysis (checker)), <, seconds_before);

  /* A slow reader (the drafter's preference) runs past the 5:00 limit:
   * the gauge turns to its warning style.
   */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.rostrum.Rostrum");
    RstAnalysis *analysis;
    guint seconds_normal = rst_analysis_get_speaking_seconds (rst_document_checker_get_analysis (checker));
    double pace_normal = rst_analysis_get_units_per_minute (rst_document_checker_get_analysis (checker));

    g_assert_cmpfloat (pace_normal, !=, 50.0);
    g_settings_set_double (settings, "words-per-minute", 50.0);
    /* The page hands the checker the new pace, which checks again. */
    g_assert_false (rst_document_checker_get_up_to_date (checker));
    wait_checked (document);
    analysis = rst_document_checker_get_analysis (checker);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 50.0);
    g_assert_cmpuint (rst_analysis_get_speaking_seconds (analysis), >, rst_analysis_get_time_limit (analysis));
    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
    assert_gauge_is_analysis (sidebar, checker);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rst_sidebar_get_timing_label (sidebar)), "warning"));
    g_assert_true (strstr (gtk_label_get_text (rst_sidebar_get_timing_label (sidebar)), " of 5:00 · ") != NULL);
    g_settings_reset (settings, "words-per-minute");
    wait_checked (document);
    analysis = rst_document_checker_get_analysis (checker);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, pace_normal);
    g_assert_cmpuint (rst_analysis_get_speaking_seconds (analysis), ==, seconds_normal);
    assert_gauge_is_analysis (sidebar, checker);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rst_sidebar_get_timing_label (sidebar)), "warning"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* F9 hides and shows the sidebar and remembers the choice. */
static void
test_live_check_toggle_sidebar (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.rostrum.Rostrum");
  RstWindow *window;
  RstPage *page;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_window_get_current_page (window);
  spin (100);

  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_true (rst_page_get_sidebar_visible (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (rst_page_get_sidebar_visible (page));
  g_assert_false (g_settings_get_boolean (settings, "sidebar-visible"));

  /* Another page opens as remembered. */
  g_assert_false (rst_page_get_sidebar_visible (rst_window_add_page (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_true (rst_page_get_sidebar_visible (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The context menu at the wrong ordinal offers its fix, which applies. */
static void
test_live_check_context_menu (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *label = NULL;
  GMenuModel *extra, *section;
  GtkTextBuffer *buffer;
  RstDocument *document;
  RstWindow *window;
  GtkWidget *view;
  GtkTextIter iter;
  int fourth;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  rst_window_open_file (window, file);
  document = rst_window_get_document (window);
  view = rst_window_get_view (window);
  buffer = GTK_TEXT_BUFFER (document);
  wait_checked (document);

  fourth = find_offset (buffer, "Fourth,");
  replace (buffer, fourth, 6, "Fifth");
  wait_checked (document);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fourth + 2);
  gtk_text_buffer_place_cursor (buffer, &iter);

  extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  g_assert_nonnull (extra);
  section = g_menu_model_get_item_link (extra, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Renumber as “Fourth”");
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_true (gtk_widget_activate_action_variant (view, action, target));
  g_assert_cmpint (find_offset (buffer, "Fourth,"), ==, fourth);

  /* Away from any diagnostic the section is empty. */
  wait_checked (document);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 0);
  g_object_unref (section);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A fix asked for after further typing still replaces the right words. */
static void
test_live_check_stale_fix (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstDiagnostic) diagnostic = NULL;
  g_autofree char *text = NULL;
  RstDocumentChecker *checker;
  GtkTextBuffer *buffer;
  RstDocument *document;
  RstWindow *window;
  GtkTextIter begin, end;
  GListModel *diagnostics;
  int fourth;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  rst_window_open_file (window, file);
  document = rst_window_get_document (window);
  buffer = GTK_TEXT_BUFFER (document);
  checker = rst_document_get_checker (document);
  wait_checked (document);

  fourth = find_offset (buffer, "Fourth,");
  replace (buffer, fourth, 6, "Fifth");
  wait_checked (document);

  diagnostics = rst_document_checker_get_diagnostics (checker);
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics) && diagnostic == NULL; i++)
    {
      g_autoptr(RstDiagnostic) d = g_list_model_get_item (diagnostics, i);

      if (g_str_equal (rst_diagnostic_get_code (d), "ordinal-sequence"))
        diagnostic = g_steal_pointer (&d);
    }
  g_assert_nonnull (diagnostic);

  /* Three lines typed at the top: the diagnostic's range moves along. */
  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_insert (buffer, &begin, "Draft\n\n\n", -1);
  g_assert_false (rst_document_checker_get_up_to_date (checker));
  g_assert_true (rst_document_checker_get_bounds (checker, diagnostic, &begin, &end));
  text = gtk_text_iter_get_text (&begin, &end);
  g_assert_cmpstr (text, ==, "Fifth");

  g_assert_true (rst_document_checker_apply_fix (checker, diagnostic, 0));
  g_assert_cmpint (find_offset (buffer, "Fourth,"), ==, fourth + 8);
  g_assert_cmpint (find_offset (buffer, "Fifth"), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_code (GListModel *diagnostics,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(RstDiagnostic) d = g_list_model_get_item (diagnostics, i);

      n += g_str_equal (rst_diagnostic_get_code (d), code);
    }
  return n;
}

/* A hint turned off in Preferences leaves the underline, the gutter and
 * the issues list at once; turned on again, it comes back.
 */
static void
test_live_check_hidden_hint (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.rostrum.Rostrum");
  const char *hidden[] = { "long-sentence", NULL };
  const char *sentence =
    "We welcome the foreign migrants to blend in with local communities, to find work and homes, "
    "to learn the languages of the countries that receive them, to send their children to school "
    "and to yield productivity dividends for the countries they come from and for the countries "
    "they live in today.";
  g_autofree char *text = g_strconcat ("Mr. Chairperson,\n\n", sentence, "\n\nI thank you.\n", NULL);
  RstDocumentChecker *checker;
  GtkTextBuffer *buffer;
  RstDocument *document;
  RstWindow *window;
  GSList *marks;
  int start;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  document = rst_window_get_document (window);
  buffer = GTK_TEXT_BUFFER (document);
  checker = rst_document_get_checker (document);
  gtk_text_buffer_set_text (buffer, text, -1);
  wait_checked (document);

  start = find_offset (buffer, "We welcome");
  g_assert_cmpuint (count_code (rst_document_checker_get_diagnostics (checker), "long-sentence"), ==, 1);
  g_assert_cmpuint (rst_analysis_count_severity (rst_document_checker_get_analysis (checker), RST_SEVERITY_INFO), >=, 1);
  g_assert_true (has_tag_on (buffer, "diagnostic-info", start, g_utf8_strlen (sentence, -1)));
  marks = gtk_source_buffer_get_source_marks_at_line (GTK_SOURCE_BUFFER (buffer), 2, RST_DOCUMENT_CHECKER_MARK_INFO);
  g_assert_cmpuint (g_slist_length (marks), ==, 1);
  g_slist_free (marks);

  g_settings_set_strv (settings, "hidden-info-rules", hidden);
  g_assert_false (rst_document_checker_get_up_to_date (checker));
  wait_checked (document);
  g_assert_true (rst_analysis_context_is_hidden (rst_analysis_get_context (rst_document_checker_get_analysis (checker)),
                                                 "long-sentence"));
  g_assert_cmpuint (count_code (rst_document_checker_get_diagnostics (checker), "long-sentence"), ==, 0);
  g_assert_false (has_tag_on (buffer, "diagnostic-info", start, g_utf8_strlen (sentence, -1)));
  marks = gtk_source_buffer_get_source_marks_at_line (GTK_SOURCE_BUFFER (buffer), 2, RST_DOCUMENT_CHECKER_MARK_INFO);
  g_assert_cmpuint (g_slist_length (marks), ==, 0);

  g_settings_reset (settings, "hidden-info-rules");
  wait_checked (document);
  g_assert_cmpuint (count_code (rst_document_checker_get_diagnostics (checker), "long-sentence"), ==, 1);
  g_assert_true (has_tag_on (buffer, "diagnostic-info", start, g_utf8_strlen (sentence, -1)));

  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether every character of the first @needle in @buffer has the
 * structure tag of @kind (@all), or none has.
 */
static void
assert_structure (RstDocumentChecker *checker,
                  GtkTextBuffer      *buffer,
                  const char         *needle,
                  RstElementKind      kind,
                  gboolean            all)
{
  GtkTextTag *tag = rst_document_checker_get_structure_tag (checker, kind);
  GtkTextIter iter, match_start, match_end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start, &match_end, NULL))
    g_error ("“%s” is not in the statement", needle);

  for (iter = match_start; gtk_text_iter_compare (&iter, &match_end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag) != all)
      g_error ("“%s”: character %d %s the %s tag", needle,
               gtk_text_iter_get_offset (&iter) - gtk_text_iter_get_offset (&match_start),
               all ? "lacks" : "has", rst_element_kind_to_string (kind));
}

/* The structure coloured where the analysis found it, in each of the six
 * languages: the heading, the salutation, the priorities' markers only,
 * the closing; the body not. The language definition knows no words.
 */
static void
test_live_check_structure_six_languages (void)
{
  static const struct {
    const char *file;
    const char *heading;
    const char *salutation;
    const char *marker;
    const char *after_marker;
    const char *closing;
    const char *body;
  } cases[] = {
    { "ar-iom-114-egypt.txt", "بيان جمهورية مصر العربية", "السيد الرئيس،", "أولاً", "تستضيف مصر", "شكراً السيد الرئيس.", "يود وفد مصر" },
    { "en-iom-114-us-pdf.txt", "United States Statement at the", "Distinguished delegates,", NULL, NULL, "Thank you.", "The number of people" },
    { "es-iom-114-segib.txt", "SECRETARÍA GENERAL IBEROAMERICANA", "Señor Presidente:", "Primero", "la cooperación", "Gracias, señor Presidente.", "La región iberoamericana" },
    { "fr-iom-114-senegal.txt", "MISSION PERMANENTE AUPRES DE", "Monsieur le Président,", "En premier lieu", "la réponse aux causes", "Je vous remercie.", "Pour un pays d'origine" },
    { "ru-iom-114-belarus.txt", "114-я сессия Совета МОМ", "Уважаемый господин Председатель!", "Во-первых", "миграционные потоки", "Благодарю за внимание.", "Позвольте поздравить" },
    { "zh-iom-114-china.txt", "在国际移民组织理事会第114届会议一般性辩论中的发言", "主席先生：", "第一", "着力消除", "谢谢主席。", "中方祝贺你" },
  };

  RST_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RstWindow *window = rst_window_new (app);
      RstPage *page = rst_test_ui_open_corpus (window, cases[i].file);
      RstDocument *document = rst_page_get_document (page);
      RstDocumentChecker *checker = rst_document_get_checker (document);
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);

      g_test_message ("%s", cases[i].file);
      assert_structure (checker, buffer, cases[i].heading, RST_ELEMENT_HEADING, TRUE);
      assert_structure (checker, buffer, cases[i].salutation, RST_ELEMENT_SALUTATION, TRUE);
      assert_structure (checker, buffer, cases[i].closing, RST_ELEMENT_CLOSING, TRUE);
      assert_structure (checker, buffer, cases[i].body, RST_ELEMENT_HEADING, FALSE);
      assert_structure (checker, buffer, cases[i].body, RST_ELEMENT_SALUTATION, FALSE);
      if (cases[i].marker != NULL)
        {
          assert_structure (checker, buffer, cases[i].marker, RST_ELEMENT_PRIORITY, TRUE);
          assert_structure (checker, buffer, cases[i].after_marker, RST_ELEMENT_PRIORITY, FALSE);
        }

      /* Typed over, the tags follow the next analysis. */
      {
        GtkTextIter start;

        gtk_text_buffer_get_start_iter (buffer, &start);
        gtk_text_buffer_insert (buffer, &start, "\n", -1);
        wait_checked (document);
        assert_structure (checker, buffer, cases[i].salutation, RST_ELEMENT_SALUTATION, TRUE);
        assert_structure (checker, buffer, cases[i].body, RST_ELEMENT_SALUTATION, FALSE);
      }

      gtk_text_buffer_set_modified (buffer, FALSE);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/live-check/fixture", test_live_check_fixture);
  g_test_add_func ("/live-check/context-menu", test_live_check_context_menu);
  g_test_add_func ("/live-check/toggle-sidebar", test_live_check_toggle_sidebar);
  g_test_add_func ("/live-check/stale-fix", test_live_check_stale_fix);
  g_test_add_func ("/live-check/hidden-hint", test_live_check_hidden_hint);
  g_test_add_func ("/live-check/structure-six-languages", test_live_check_structure_six_languages);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
