/* test-search-bar.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Find and replace in the real window, on a real statement: Ctrl+F's
 * action opens the bar with the selection, "N of M" counts what
 * GtkSourceSearchContext finds in the body (never the front matter),
 * Enter and Shift+Enter move, case and whole words narrow, Replace and
 * Replace All change the text (Replace All undone in one step), and
 * Escape gives the text its focus back.
 */

#include "config.h"

#include "rst-search-bar.h"
#include "rst-test-ui.h"
#include "rst-view-settings.h"
#include "rst-window.h"

static RstApplication *app;

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What the bar must count, found independently of GtkSourceView. */
static int
count_matches (GtkTextBuffer *buffer,
               const char    *pattern,
               GRegexCompileFlags flags)
{
  g_autofree char *text = buffer_text (buffer);
  g_autoptr(GRegex) regex = g_regex_new (pattern, flags, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  int n = 0;

  g_assert_nonnull (regex);
  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      n++;
      g_match_info_next (info, NULL);
    }
  return n;
}

static int
count_matches_in (const char *text,
                  const char *needle)
{
  int n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The context counts in idle time. */
static void
wait_counted (RstSearchBar *bar)
{
  GtkSourceSearchContext *context = rst_search_bar_get_context (bar);

  g_assert_nonnull (context);
  while (gtk_source_search_context_get_occurrences_count (context) < 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
bar_child (RstSearchBar *bar,
           const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (bar), RST_TYPE_SEARCH_BAR, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
search_for (RstSearchBar *bar,
            const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bar_child (bar, "search_entry")), text);
  wait_counted (bar);
}

static char *
expected_position (int position,
                   int count)
{
  return g_strdup_printf ("%d of %d", position, count);
}

static void
assert_position (RstSearchBar *bar,
                 int           position,
                 int           count)
{
  g_autofree char *expected = expected_position (position, count);

  g_assert_cmpstr (rst_search_bar_get_position_text (bar), ==, expected);
}

/* Made on Ctrl+F, not with the page; once, above the text. */
static void
test_search_bar_made_on_demand (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;
  GtkWidget *editor;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_window_get_current_page (window);
  g_assert_cmpuint (rst_test_ui_count_descendants (GTK_WIDGET (page), RST_TYPE_SEARCH_BAR), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_cmpuint (rst_test_ui_count_descendants (GTK_WIDGET (page), RST_TYPE_SEARCH_BAR), ==, 1);
  bar = rst_page_get_search_bar (page);
  g_assert_true (rst_search_bar_get_revealed (bar));
  g_assert_true (rst_page_get_search_bar (page) == bar);
  g_assert_cmpuint (rst_test_ui_count_descendants (GTK_WIDGET (page), RST_TYPE_SEARCH_BAR), ==, 1);

  /* Between the banner and the text, which it searches. */
  editor = gtk_widget_get_next_sibling (GTK_WIDGET (bar));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (rst_search_bar_get_view (bar)), editor));
  g_assert_true (GTK_IS_REVEALER (gtk_widget_get_prev_sibling (GTK_WIDGET (bar))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_bar_count_and_move (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkWidget *entry;
  int count;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  bar = rst_page_get_search_bar (page);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  g_assert_false (rst_search_bar_get_revealed (bar));
  g_assert_null (rst_search_bar_get_context (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (rst_search_bar_get_revealed (bar));
  entry = bar_child (bar, "search_entry");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  /* The replace row waits for Ctrl+H. */
  g_assert_false (gtk_widget_get_visible (bar_child (bar, "replace_row")));

  search_for (bar, "migration");
  count = count_matches (buffer, "migration", G_REGEX_CASELESS);
  g_assert_cmpint (count, >=, 5);
  g_assert_cmpint (gtk_source_search_context_get_occurrences_count (rst_search_bar_get_context (bar)), ==, count);
  /* Typing selected the first match after the cursor. */
  assert_position (bar, 1, count);
  /* Marked in the text, in the scheme's search-match style. */
  g_assert_true (gtk_source_search_context_get_highlight (rst_search_bar_get_context (bar)));
  g_assert_null (gtk_source_search_context_get_match_style (rst_search_bar_get_context (bar)));
  g_assert_nonnull (gtk_source_style_scheme_get_style (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer)),
                                                       "search-match"));

  /* The current match stands out among them, in the scheme's style. */
  {
    GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "rst-search-current");
    GtkTextIter begin, end;
    gboolean background_set = FALSE;

    g_assert_nonnull (current);
    g_object_get (current, "background-set", &background_set, NULL);
    g_assert_true (background_set);
    /* The cursor at its start, not a selection GTK would draw over it. */
    g_assert_false (gtk_text_buffer_get_selection_bounds (buffer, &begin, &end));
    g_assert_true (gtk_text_iter_starts_tag (&begin, current));
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, current));
    g_assert_cmpint (gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&begin), ==, strlen ("migration"));
  }

  /* Enter, Ctrl+G and Shift+Ctrl+G. */
  g_signal_emit_by_name (entry, "activate");
  assert_position (bar, 2, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  assert_position (bar, 3, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL));
  assert_position (bar, 2, count);
  /* Shift+Enter's action, then past the first match to the last one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.previous", NULL));
  assert_position (bar, 1, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.previous", NULL));
  assert_position (bar, count, count);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  assert_position (bar, 1, count);

  /* Only the body is in the buffer: the front matter is the panel's. */
  search_for (bar, "time-limit:");
  assert_position (bar, 0, 0);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_bar_case_and_words (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;
  GtkTextBuffer *buffer;
  GtkSourceSearchContext *context;
  int caseless, exact, words;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  bar = rst_page_get_search_bar (page);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  search_for (bar, "Migrant");
  context = rst_search_bar_get_context (bar);
  caseless = count_matches (buffer, "migrant", G_REGEX_CASELESS);
  exact = count_matches (buffer, "Migrant", 0);
  words = count_matches (buffer, "\\bmigrant\\b", G_REGEX_CASELESS);
  /* The statement tells the three apart. */
  g_assert_cmpint (caseless, >, exact);
  g_assert_cmpint (caseless, >, words);
  g_assert_cmpint (gtk_source_search_context_get_occurrences_count (context), ==, caseless);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (bar_child (bar, "case_button")), TRUE);
  g_assert_true (gtk_source_search_settings_get_case_sensitive (rst_search_bar_get_settings (bar)));
  wait_counted (bar);
  g_assert_cmpint (gtk_source_search_context_get_occurrences_count (context), ==, exact);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (bar_child (bar, "case_button")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bar_child (bar, "word_button")), TRUE);
  wait_counted (bar);
  g_assert_cmpint (gtk_source_search_context_get_occurrences_count (context), ==, words);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bar_child (bar, "word_button")), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+F with a word selected searches for it; that match is the one
 * counted as current.
 */
static void
test_search_bar_selection (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *second;
  int count;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  bar = rst_page_get_search_bar (page);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));

  /* The second "China" of the text. */
  text = buffer_text (buffer);
  second = strstr (strstr (text, "China") + 1, "China");
  g_assert_nonnull (second);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, second));
  end = start;
  gtk_text_iter_forward_chars (&end, 5);
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bar_child (bar, "search_entry"))), ==, "China");
  wait_counted (bar);
  count = count_matches (buffer, "china", G_REGEX_CASELESS);
  assert_position (bar, 2, count);

  /* Enter: the next match is the current one, marked above every other
   * tag on it (the search context's own, the highlighting's).
   */
  g_signal_emit_by_name (bar_child (bar, "search_entry"), "activate");
  wait_counted (bar);
  assert_position (bar, 3, count);
  {
    GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "rst-search-current");
    GtkTextIter match_begin, match_end;
    GSList *tags;

    gtk_text_buffer_get_selection_bounds (buffer, &match_begin, &match_end);
    g_assert_true (gtk_text_iter_has_tag (&match_begin, current));
    tags = gtk_text_iter_get_tags (&match_begin);
    for (GSList *l = tags; l != NULL; l = l->next)
      {
        g_autofree char *name = NULL;

        g_object_get (l->data, "name", &name, NULL);
        g_test_message ("tag %s priority %d", name ? name : "(anonymous)", gtk_text_tag_get_priority (l->data));
        g_assert_cmpint (gtk_text_tag_get_priority (l->data), <=, gtk_text_tag_get_priority (current));
      }
    g_slist_free (tags);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_bar_replace (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  g_autofree char *after_one = NULL;
  g_autofree char *after_all = NULL;
  g_autofree char *undone = NULL;
  GtkTextIter start;
  int count;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  bar = rst_page_get_search_bar (page);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  before = buffer_text (buffer);

  /* Ctrl+H shows the replace row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-replace", NULL));
  g_assert_true (gtk_widget_get_visible (bar_child (bar, "replace_row")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bar_child (bar, "case_button")), TRUE);
  search_for (bar, "Migration");
  count = count_matches (buffer, "Migration", 0);
  g_assert_cmpint (count, >=, 2);
  gtk_editable_set_text (GTK_EDITABLE (bar_child (bar, "replace_entry")), "Mobility");

  /* Replace: the selected match, and on to the next. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.replace", NULL));
  wait_counted (bar);
  after_one = buffer_text (buffer);
  g_assert_cmpint (count_matches (buffer, "Migration", 0), ==, count - 1);
  g_assert_cmpint (count_matches (buffer, "Mobility", 0), ==, count_matches_in (before, "Mobility") + 1);
  assert_position (bar, 1, count - 1);

  /* Replace All, then one undo gives back the text as it was before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.replace-all", NULL));
  wait_counted (bar);
  g_assert_cmpint (count_matches (buffer, "Migration", 0), ==, 0);
  after_all = buffer_text (buffer);
  g_assert_cmpstr (after_all, !=, after_one);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  undone = buffer_text (buffer);
  g_assert_cmpstr (undone, ==, after_one);
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&undone, g_free);
  undone = buffer_text (buffer);
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape (the entry's stop-search) hides the bar and its highlight, and
 * the text has the focus again.
 */
static void
test_search_bar_escape (void)
{
  RstWindow *window;
  RstPage *page;
  RstSearchBar *bar;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  bar = rst_page_get_search_bar (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  search_for (bar, "China");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), bar_child (bar, "search_entry")));

  g_signal_emit_by_name (bar_child (bar, "search_entry"), "stop-search");
  g_assert_false (rst_search_bar_get_revealed (bar));
  /* The match at hand is selected in the text. */
  {
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
    GtkTextIter begin, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &begin, &end));
    selected = gtk_text_iter_get_slice (&begin, &end);
    g_assert_cmpstr (selected, ==, "China");
  }
  g_assert_null (rst_search_bar_get_context (bar));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == rst_page_get_view (page));
  /* Nothing marked stays behind. */
  {
    GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (rst_page_get_document (page))),
                                                     "rst-search-current");
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (rst_page_get_document (page)), &start);
    g_assert_false (gtk_text_iter_has_tag (&start, current) || gtk_text_iter_forward_to_tag_toggle (&start, current));
  }

  /* From the replace entry too, through the bar's Escape binding. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-replace", NULL));
  gtk_widget_grab_focus (bar_child (bar, "replace_entry"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "search.close", NULL));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == rst_page_get_view (page));

  /* Ctrl+G with the bar hidden shows it again, on the match at hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  g_assert_true (rst_search_bar_get_revealed (bar));
  wait_counted (bar);
  assert_position (bar, 1, count_matches (GTK_TEXT_BUFFER (rst_page_get_document (page)), "china", G_REGEX_CASELESS));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Light and dark, the schemes have a style for matches. */
static void
test_search_bar_match_style (void)
{
  RST_TEST_REQUIRE_DISPLAY ();

  for (guint dark = 0; dark < 2; dark++)
    {
      GtkSourceStyleScheme *scheme = rst_view_settings_get_scheme ("rostrum-light", dark);

      g_assert_nonnull (scheme);
      g_assert_nonnull (gtk_source_style_scheme_get_style (scheme, "search-match"));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/search-bar/made-on-demand", test_search_bar_made_on_demand);
  g_test_add_func ("/search-bar/count-and-move", test_search_bar_count_and_move);
  g_test_add_func ("/search-bar/case-and-words", test_search_bar_case_and_words);
  g_test_add_func ("/search-bar/selection", test_search_bar_selection);
  g_test_add_func ("/search-bar/replace", test_search_bar_replace);
  g_test_add_func ("/search-bar/escape", test_search_bar_escape);
  g_test_add_func ("/search-bar/match-style", test_search_bar_match_style);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
