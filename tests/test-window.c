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

#include "rst-export-dialog.h"
#include "rst-file-writer.h"
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

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
