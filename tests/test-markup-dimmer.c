/* test-markup-dimmer.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the window's editor, "**" and "*" are dimmed except on the cursor's
 * line, and a keystroke or a cursor move scans a line or two, never the
 * whole statement.
 */

#include "config.h"

#include "rst-markup-dimmer.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

/* Whether the character at @line, @index (bytes) is dimmed. */
static gboolean
dimmed_at (GtkTextBuffer *buffer,
           int            line,
           int            index)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), RST_MARKUP_DIMMER_TAG);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_line_index (buffer, &iter, line, index);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
place_cursor_at_line (GtkTextBuffer *buffer,
                      int            line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
test_markup_dimmer_cursor_line (void)
{
  RstWindow *window;
  RstPage *page;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  int last;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  view = GTK_TEXT_VIEW (rst_page_get_view (page));
  buffer = gtk_text_view_get_buffer (view);
  last = gtk_text_buffer_get_line_count (buffer) - 1;

  /* Line 0 is "**Statement by H.E. …", line 1 ends the bold "…Council**". */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, '*');

  place_cursor_at_line (buffer, last);
  rst_markup_dimmer_flush (view);
  g_assert_true (dimmed_at (buffer, 0, 0));
  g_assert_true (dimmed_at (buffer, 0, 1));
  g_assert_false (dimmed_at (buffer, 0, 2));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_iter_backward_char (&iter);
  g_assert_true (dimmed_at (buffer, 1, gtk_text_iter_get_line_index (&iter)));

  /* On the cursor's line the stars show plain. */
  place_cursor_at_line (buffer, 0);
  rst_markup_dimmer_flush (view);
  g_assert_false (dimmed_at (buffer, 0, 0));
  g_assert_false (dimmed_at (buffer, 0, 1));
  /* The next line is not the cursor's. */
  g_assert_true (dimmed_at (buffer, 1, gtk_text_iter_get_line_index (&iter)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing "*text*" on the cursor's line leaves it plain until the cursor
 * leaves; each step scans at most the lines it touched.
 */
static void
test_markup_dimmer_incremental (void)
{
  RstWindow *window;
  RstPage *page;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  guint scanned;
  int lines;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_test_ui_open_corpus (window, "en-iom-115-general-debate-china.md");
  view = GTK_TEXT_VIEW (rst_page_get_view (page));
  buffer = gtk_text_view_get_buffer (view);
  lines = gtk_text_buffer_get_line_count (buffer);
  g_assert_cmpint (lines, >, 15);

  place_cursor_at_line (buffer, 6);
  rst_markup_dimmer_flush (view);

  scanned = rst_markup_dimmer_get_n_scanned_lines (view);
  gtk_text_buffer_insert_at_cursor (buffer, "*", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "W", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "e*", -1);
  rst_markup_dimmer_flush (view);
  g_assert_cmpuint (rst_markup_dimmer_get_n_scanned_lines (view) - scanned, <=, 1);
  g_assert_false (dimmed_at (buffer, 6, 0));

  scanned = rst_markup_dimmer_get_n_scanned_lines (view);
  place_cursor_at_line (buffer, 10);
  rst_markup_dimmer_flush (view);
  g_assert_cmpuint (rst_markup_dimmer_get_n_scanned_lines (view) - scanned, ==, 2);
  g_assert_true (dimmed_at (buffer, 6, 0));
  g_assert_false (dimmed_at (buffer, 6, 1));
  g_assert_true (dimmed_at (buffer, 6, 3));

  /* A new paragraph: the two lines it makes, not the statement. */
  scanned = rst_markup_dimmer_get_n_scanned_lines (view);
  gtk_text_buffer_insert_at_cursor (buffer, "**Bold**\n", -1);
  rst_markup_dimmer_flush (view);
  g_assert_cmpuint (rst_markup_dimmer_get_n_scanned_lines (view) - scanned, <=, 3);
  /* The cursor went down with the text: the new line is not its line. */
  g_assert_true (dimmed_at (buffer, 10, 0));

  /* Undo takes the paragraph away; the markup typed before stays dimmed. */
  gtk_text_buffer_undo (buffer);
  rst_markup_dimmer_flush (view);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, lines);
  g_assert_true (dimmed_at (buffer, 6, 0));
  g_assert_true (dimmed_at (buffer, 6, 3));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long statement: attaching scans it once, a keystroke one line. */
static void
test_markup_dimmer_large (void)
{
  GtkWidget *window;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GString *text = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  GtkTextIter iter;
  guint scanned;
  double attach_ms, keystroke_ms;

  RST_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "**First**, we *firmly* support the work of the Council in this area.\n");

  view = gtk_source_view_new ();
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  g_string_free (text, TRUE);

  g_timer_start (timer);
  rst_markup_dimmer_attach (GTK_TEXT_VIEW (view));
  rst_markup_dimmer_flush (GTK_TEXT_VIEW (view));
  attach_ms = g_timer_elapsed (timer, NULL) * 1000;
  g_assert_cmpuint (rst_markup_dimmer_get_n_scanned_lines (GTK_TEXT_VIEW (view)), ==, 5001);
  g_assert_true (dimmed_at (buffer, 4000, 0));

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2500);
  gtk_text_buffer_place_cursor (buffer, &iter);
  rst_markup_dimmer_flush (GTK_TEXT_VIEW (view));
  scanned = rst_markup_dimmer_get_n_scanned_lines (GTK_TEXT_VIEW (view));
  g_timer_start (timer);
  for (guint i = 0; i < 100; i++)
    {
      gtk_text_buffer_insert_at_cursor (buffer, "*", 1);
      rst_markup_dimmer_flush (GTK_TEXT_VIEW (view));
    }
  keystroke_ms = g_timer_elapsed (timer, NULL) * 1000 / 100;
  /* One line a keystroke, the cursor's, whatever the length. */
  g_assert_cmpuint (rst_markup_dimmer_get_n_scanned_lines (GTK_TEXT_VIEW (view)) - scanned, ==, 100);
  g_assert_false (dimmed_at (buffer, 2500, 0));
  g_test_message ("5000 paragraphs: attach %.1f ms, a keystroke %.3f ms", attach_ms, keystroke_ms);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The dim colour is the scheme's, light and dark. */
static void
test_markup_dimmer_style (void)
{
  GtkSourceStyleSchemeManager *manager;

  RST_TEST_REQUIRE_DISPLAY ();

  manager = gtk_source_style_scheme_manager_get_default ();
  for (guint i = 0; i < 2; i++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, i ? "rostrum-dark" : "rostrum-light");
      GtkSourceStyle *style;
      g_autofree char *foreground = NULL;

      g_assert_nonnull (scheme);
      style = gtk_source_style_scheme_get_style (scheme, "rostrum:markup");
      g_assert_nonnull (style);
      g_object_get (style, "foreground", &foreground, NULL);
      g_assert_nonnull (foreground);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/markup-dimmer/cursor-line", test_markup_dimmer_cursor_line);
  g_test_add_func ("/markup-dimmer/incremental", test_markup_dimmer_incremental);
  g_test_add_func ("/markup-dimmer/large", test_markup_dimmer_large);
  g_test_add_func ("/markup-dimmer/style", test_markup_dimmer_style);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
