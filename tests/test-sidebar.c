/* test-sidebar.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A single click on an outline row scrolls the text to that part of the
 * statement, puts the cursor at its start and gives the text the focus.
 */

#include "config.h"

#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

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

static void
test_sidebar_outline_click (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "en-iom-115-general-debate-china.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RstWindow *window;
  RstPage *page;
  RstSidebar *sidebar;
  RstDocumentChecker *checker;
  GListModel *outline;
  GtkListView *outline_view;
  GtkTextBuffer *buffer;
  GtkAdjustment *vadjustment;
  GtkTextIter cursor, begin, end;
  g_autoptr(GObject) closing = NULL;
  guint n;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  /* Short, so that the closing is out of sight. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  rst_test_ui_wait_checked (rst_window_get_document (window));
  page = rst_window_get_current_page (window);
  rst_page_set_sidebar_visible (page, TRUE);
  sidebar = rst_page_get_sidebar (page);
  checker = rst_document_get_checker (rst_page_get_document (page));
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  iterate ();

  /* One click activates, as a list of places does in GNOME. */
  outline_view = rst_sidebar_get_outline_view (sidebar);
  g_assert_true (gtk_list_view_get_single_click_activate (outline_view));

  outline = rst_document_checker_get_outline (checker);
  n = g_list_model_get_n_items (outline);
  g_assert_cmpuint (n, >, 3);
  closing = g_list_model_get_item (outline, n - 1);
  g_assert_true (rst_document_checker_get_bounds (checker, closing, &begin, &end));

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (rst_page_get_view (page)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  gtk_widget_grab_focus (GTK_WIDGET (outline_view));

  g_signal_emit_by_name (outline_view, "activate", n - 1);
  iterate ();

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, gtk_text_iter_get_offset (&begin));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == rst_page_get_view (page));

  /* And back to the top with the first row. */
  g_signal_emit_by_name (outline_view, "activate", 0);
  iterate ();
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/sidebar/outline-click", test_sidebar_outline_click);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
