/* test-document.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading and saving statements on a real disk: saves that fail leave the
 * old file byte for byte, files that are not UTF-8 or not text are
 * reported, and a 20 MB file opens.
 *
 * The tests run as root, whom file modes do not stop. A read-only folder
 * is made with the immutable attribute (chattr +i, which binds root too;
 * skipped where the file system has no such attribute), a full disk with
 * RLIMIT_FSIZE (writes past the limit fail with EFBIG, for root as well),
 * and a vanished folder by deleting it.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rst-text-file.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until_idle (RstDocument *document)
{
  while (rst_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
load (RstDocument             *document,
      GFile                   *file,
      const GtkSourceEncoding *encoding,
      gboolean                 replace,
      GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rst_document_load_with_encoding_async (document, file, encoding, replace, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rst_document_load_finish (document, result, error);
}

static gboolean
save (RstDocument  *document,
      GFile        *file,
      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rst_document_save_async (document, file, NULL, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rst_document_save_finish (document, result, error);
}

static char *
make_folder (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static char *
write_file (const char *folder,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_file_is (const char *path,
                const char *expected,
                gsize       length)
{
  g_autofree char *contents = NULL;
  gsize read = 0;

  g_assert_true (g_file_get_contents (path, &contents, &read, NULL));
  g_assert_cmpmem (contents, read, expected, length);
}

/* Nothing left beside the statement: no temporary file from the save. */
static void
assert_folder_holds_only (const char *folder,
                          const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("In %s: %s", folder, entry);
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

#define ORIGINAL "---\r\ntitle: Statement\r\ncouncil: iom\r\n---\r\nMr. Chairperson,\r\n\r\nI thank you.\r\n"

static RstDocument *
load_original (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RstDocument *document = rst_document_new ();
  GtkTextIter end;
  GString *more = g_string_new (NULL);

  g_assert_true (load (document, file, NULL, FALSE, &error));
  g_assert_no_error (error);

  /* Enough new text that a save cannot fit in a small limit. */
  for (guint i = 0; i < 200; i++)
    g_string_append (more, "\nFirst, we support the Director General's proposals.");
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, more->str, -1);
  g_string_free (more, TRUE);

  return document;
}

static void
test_document_save_keeps_format (void)
{
  g_autofree char *folder = make_folder ("keeps");
  g_autofree char *path = write_file (folder, "statement.md", ORIGINAL, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstDocument) document = rst_document_new ();
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (load (document, file, NULL, FALSE, &error));
  /* The buffer holds the body; the details are the document's. */
  g_assert_cmpint (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (document)), ==, 3);
  g_assert_cmpstr (rst_details_get (rst_document_get_details (document), "council"), ==, "iom");
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &iter, 2);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "First, thank you.\n\n", -1);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);

  /* Front matter and CRLF line ends as they were; no temporary left. */
  assert_file_is (path,
                  "---\r\ntitle: Statement\r\ncouncil: iom\r\n---\r\nMr. Chairperson,\r\n\r\n"
                  "First, thank you.\r\n\r\nI thank you.\r\n", strlen (ORIGINAL) + 21);
  assert_folder_holds_only (folder, "statement.md");
  g_assert_true (g_file_equal (rst_document_get_file (document), file));
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;

  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);

  return ok;
}

static void
test_document_save_read_only_folder (void)
{
  g_autofree char *folder = make_folder ("read-only");
  g_autofree char *path = write_file (folder, "statement.md", ORIGINAL, -1);
  g_autoptr(RstDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  document = load_original (path);
  if (!set_immutable (folder, TRUE))
    {
      g_test_skip ("No immutable attribute here (chattr +i): cannot make a folder read-only for root");
      return;
    }

  g_assert_false (save (document, NULL, &error));
  set_immutable (folder, FALSE);

  g_assert_nonnull (error);
  g_test_message ("Read-only folder: %s", error->message);
  /* The file writer's words, naming the folder. */
  g_assert_nonnull (strstr (error->message, "you may not write in the folder"));
  assert_file_is (path, ORIGINAL, strlen (ORIGINAL));
  assert_folder_holds_only (folder, "statement.md");
  /* Still unsaved, still where it was. */
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_cmpstr (g_file_peek_path (rst_document_get_file (document)), ==, path);
}

static void
test_document_save_disk_full (void)
{
  g_autofree char *folder = make_folder ("full");
  g_autofree char *path = write_file (folder, "statement.md", ORIGINAL, -1);
  g_autoptr(RstDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  gboolean saved;

  RST_TEST_REQUIRE_DISPLAY ();

  document = load_original (path);

  /* Writes past 2 KiB fail with EFBIG, as on a disk with 2 KiB left. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 2048;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  saved = save (document, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_test_message ("Full disk: %s", error->message);
  assert_file_is (path, ORIGINAL, strlen (ORIGINAL));
  assert_folder_holds_only (folder, "statement.md");
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  /* Room again: the same document saves. */
  g_clear_error (&error);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  assert_folder_holds_only (folder, "statement.md");
}

static void
test_document_save_folder_deleted (void)
{
  g_autofree char *folder = make_folder ("deleted");
  g_autofree char *path = write_file (folder, "statement.md", ORIGINAL, -1);
  g_autoptr(RstDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  document = load_original (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  g_assert_false (save (document, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("Folder deleted: %s", error->message);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
}

static void
test_document_save_through_symlink (void)
{
  g_autofree char *folder = make_folder ("linked");
  g_autofree char *path = write_file (folder, "real.md", ORIGINAL, -1);
  g_autofree char *link = g_build_filename (folder, "link.md", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(RstDocument) document = rst_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (symlink ("real.md", link), ==, 0);
  g_assert_true (load (document, link_file, NULL, FALSE, &error));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "Thank you.", -1);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);

  /* The link stays a link; the file it names has the new text. */
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.md");
  /* The details stay: the buffer only ever held the body. */
  assert_file_is (path, "---\r\ntitle: Statement\r\ncouncil: iom\r\n---\r\nThank you.\r\n", 54);
}

#define LATIN1 "Mr. President,\nLe caf\xe9 est pr\xeat.\n"

static void
test_document_invalid_utf8 (void)
{
  g_autofree char *folder = make_folder ("latin1");
  g_autofree char *path = write_file (folder, "latin1.md", LATIN1, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstDocument) document = rst_document_new ();
  g_autoptr(GError) error = NULL;
  const GtkSourceEncoding *windows_1252 = gtk_source_encoding_get_from_charset ("WINDOWS-1252");
  g_autofree char *text = NULL;
  GtkTextIter begin, end;

  RST_TEST_REQUIRE_DISPLAY ();

  /* Never opened silently in a guessed encoding. */
  g_assert_false (load (document, file, NULL, FALSE, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8);
  g_assert_cmpstr (error->message, ==, "Line 2 is not valid UTF-8: the file was written in another encoding.");
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==, 0);
  g_clear_error (&error);

  /* In the encoding the drafter chose, and saved back in it. */
  g_assert_true (load (document, file, windows_1252, FALSE, &error));
  g_assert_no_error (error);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &begin, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &begin, &end, TRUE);
  g_assert_cmpstr (text, ==, "Mr. President,\nLe café est prêt.");
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\nMerci.", -1);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, "Mr. President,\nLe caf\xe9 est pr\xeat.\nMerci.\n", 40);

  /* With replacement characters: the text differs from the file; the last
   * line break stays implicit as in any load, so a save does not add one.
   */
  g_assert_true (load (document, file, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &begin, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &begin, &end, TRUE);
  g_assert_cmpstr (text, ==, "Mr. President,\nLe caf\xef\xbf\xbd est pr\xef\xbf\xbd" "t.\nMerci.");
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
}

static void
test_document_binary (void)
{
  static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0word/document.xml";
  g_autofree char *folder = make_folder ("binary");
  g_autofree char *path = write_file (folder, "statement.docx", zip, sizeof zip);
  g_autofree char *nul_path = write_file (folder, "nul.md", "Mr. Chair,\n\nThank\0you.\n", 23);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nul_file = g_file_new_for_path (nul_path);
  g_autoptr(RstDocument) document = rst_document_new ();
  g_autoptr(GError) error = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_false (load (document, file, NULL, FALSE, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "This is a binary file, not a statement.");
  g_clear_error (&error);

  /* Not even with replacement characters. */
  g_assert_false (load (document, nul_file, NULL, TRUE, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "This is a binary file, not a statement.");
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==, 0);
}

static void
test_document_large (void)
{
  g_autofree char *fixture = NULL;
  g_autofree char *folder = make_folder ("large");
  g_autofree char *path = g_build_filename (folder, "large.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstDocument) document = rst_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  gsize length = 0;
  GtkTextIter end;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL),
                                      &fixture, &length, NULL));
  /* As large as a statement may be. */
  while (big->len + length <= RST_TEXT_FILE_MAX_SIZE)
    g_string_append_len (big, fixture, length);
  g_assert_cmpuint (big->len, >, RST_TEXT_FILE_MAX_SIZE - length);
  g_file_set_contents (path, big->str, big->len, &error);
  g_assert_no_error (error);

  g_timer_start (timer);
  g_assert_true (load (document, file, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_test_message ("Loaded %zu bytes in %.2f s", big->len, g_timer_elapsed (timer, NULL));
  /* GtkSourceView keeps a final line break implicit. */
  if (big->str[big->len - 1] == '\n')
    g_string_truncate (big, big->len - 1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==,
                   g_utf8_strlen (big->str, big->len));

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\nThank you.", -1);
  g_timer_start (timer);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("Saved in %.2f s", g_timer_elapsed (timer, NULL));
  g_string_append (big, "\nThank you.\n");
  assert_file_is (path, big->str, big->len);

  /* Past the limit: refused before it is read into the buffer, which
   * keeps the statement it had; the document points at the file, for a
   * retry.
   */
  {
    g_autofree char *too_large_path = g_build_filename (folder, "too-large.md", NULL);
    g_autoptr(GFile) too_large = g_file_new_for_path (too_large_path);
    int chars = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document));

    while (big->len <= RST_TEXT_FILE_MAX_SIZE)
      g_string_append_len (big, fixture, length);
    g_file_set_contents (too_large_path, big->str, big->len, &error);
    g_assert_no_error (error);

    g_assert_false (load (document, too_large, NULL, FALSE, &error));
    g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_cmpint (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document)), ==, chars);
    g_assert_true (g_file_equal (rst_document_get_file (document), too_large));
  }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return dialog;
}

/* Answers as a click on the button does: the response, then closing. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* What the drafter sees: the messages, and the choices they lead to. */
static void
test_document_window_messages (void)
{
  g_autofree char *folder = make_folder ("messages");
  g_autofree char *latin1 = write_file (folder, "latin1.md", LATIN1, -1);
  g_autofree char *binary = write_file (folder, "photo.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *saved = write_file (folder, "saved.md", ORIGINAL, -1);
  g_autoptr(GFile) latin1_file = g_file_new_for_path (latin1);
  g_autoptr(GFile) binary_file = g_file_new_for_path (binary);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autofree char *text = NULL;
  RstWindow *window;
  RstDocument *document;
  AdwMessageDialog *dialog;
  GtkTextIter begin, end;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* Not UTF-8: asks, with Windows-1252 offered first. */
  rst_window_open_file (window, latin1_file);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“latin1.md” Is Not in UTF-8");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Line 2 is not valid UTF-8"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  respond (dialog, "encoding");
  document = rst_window_get_document (window);
  wait_until_idle (document);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &begin, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &begin, &end, TRUE);
  g_assert_cmpstr (text, ==, "Mr. President,\nLe café est prêt.");

  /* Binary: says so, and the tab it would have used goes away. */
  rst_window_open_file (window, binary_file);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“photo.md” Is Not a Statement");
  /* The PNG signature holds two line breaks before its first NUL. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This is a binary file, not a statement.");
  respond (dialog, "close");
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 1);

  /* A failing save offers Save As. */
  rst_window_open_file (window, saved_file);
  document = rst_window_get_document (window);
  wait_until_idle (document);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\nThank you.", -1);
  g_assert_cmpint (g_unlink (latin1), ==, 0);
  g_assert_cmpint (g_unlink (binary), ==, 0);
  g_assert_cmpint (g_unlink (saved), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “saved.md”");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The file on disk was not changed"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  respond (dialog, "cancel");
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  /* The drafter discards at the end. */
  {
    g_autoptr(GPtrArray) modified = rst_session_list_modified (rst_application_get_session (app));
    for (guint i = 0; i < modified->len; i++)
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (rst_page_get_document (g_ptr_array_index (modified, i))), FALSE);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/document/save-keeps-format", test_document_save_keeps_format);
  g_test_add_func ("/document/save-read-only-folder", test_document_save_read_only_folder);
  g_test_add_func ("/document/save-disk-full", test_document_save_disk_full);
  g_test_add_func ("/document/save-folder-deleted", test_document_save_folder_deleted);
  g_test_add_func ("/document/save-through-symlink", test_document_save_through_symlink);
  g_test_add_func ("/document/invalid-utf8", test_document_invalid_utf8);
  g_test_add_func ("/document/binary", test_document_binary);
  g_test_add_func ("/document/large", test_document_large);
  g_test_add_func ("/document/window-messages", test_document_window_messages);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
