/* test-goto-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go to Line: Ctrl+I's action opens the popover with the cursor's line;
 * a number, in any script's digits, puts the cursor at that line,
 * scrolls the text to it and gives the text the focus.
 */

#include "config.h"

#include "rst-goto-line.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
test_goto_line_parse (void)
{
  static const struct { const char *text; gboolean ok; guint line; } cases[] = {
    { "42", TRUE, 42 },
    { " 7 ", TRUE, 7 },
    { "٤٢", TRUE, 42 },       /* Arabic-Indic digits */
    { "۱۲", TRUE, 12 },       /* Extended Arabic-Indic */
    { "１２", TRUE, 12 },     /* full-width, as a Chinese IME types them */
    { "0", FALSE, 0 },
    { "", FALSE, 0 },
    { "  ", FALSE, 0 },
    { "12a", FALSE, 0 },
    { "1 2", FALSE, 0 },
    { "-3", FALSE, 0 },
    { "99999999999999999999999", TRUE, G_MAXUINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint line = 0;

      g_assert_cmpint (rst_goto_line_parse (cases[i].text, &line), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpuint (line, ==, cases[i].line);
    }
}

static void
iterate (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static int
cursor_line (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_line (&iter);
}

static void
test_goto_line_window (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "en-iom-115-general-debate-china.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RstWindow *window;
  RstPage *page;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkPopover *popover;
  GtkWidget *entry;
  GtkAdjustment *vadjustment;
  int last;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  /* Short, so that the last lines are out of sight. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  rst_test_ui_wait_checked (rst_window_get_document (window));
  page = rst_window_get_current_page (window);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  last = gtk_text_buffer_get_line_count (buffer) - 1;
  gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
  gtk_text_buffer_place_cursor (buffer, &start);
  iterate ();

  g_assert_null (rst_page_get_go_to_line (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-line", NULL));
  popover = rst_page_get_go_to_line (page);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = rst_test_ui_find_descendant (GTK_WIDGET (popover), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  /* The cursor's line, counted from 1 as the gutter counts. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "3");

  /* Not a line: the popover stays, and says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "third");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (cursor_line (buffer), ==, 2);

  /* The last line: out of sight until the text scrolls to it. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (rst_page_get_view (page)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  {
    g_autofree char *number = g_strdup_printf ("%d", last + 1);

    gtk_editable_set_text (GTK_EDITABLE (entry), number);
  }
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (cursor_line (buffer), ==, last);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == rst_page_get_view (page));

  /* Past the end is the last line; Arabic digits are numbers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-line", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "٥");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (cursor_line (buffer), ==, 4);
  rst_goto_line_move_to (GTK_TEXT_VIEW (rst_page_get_view (page)), 100000);
  g_assert_cmpint (cursor_line (buffer), ==, last);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/goto-line/parse", test_goto_line_parse);
  g_test_add_func ("/goto-line/window", test_goto_line_window);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
