/* test-draft-store.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts and the session file on a real disk, without a display.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rst-draft-store.h"
#include "rst-text-file.h"

static void
spin_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
count_written (RstDraftStore *store,
               const char    *draft_id,
               guint         *count)
{
  (*count)++;
}

static void
test_draft_store_default_directory (void)
{
  g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "rostrum", NULL);
  g_autofree char *path = rst_draft_store_dup_draft_path (store, "abc-1");
  g_autofree char *expected_path = g_build_filename (expected, "drafts", "abc-1.md", NULL);

  g_assert_cmpstr (rst_draft_store_get_directory (store), ==, expected);
  g_assert_cmpstr (path, ==, expected_path);

  /* Ids from a session file never become paths outside the folder. */
  g_assert_null (rst_draft_store_dup_draft_path (store, "../session"));
  g_assert_null (rst_draft_store_dup_draft_path (store, ""));
  g_assert_null (rst_draft_store_dup_draft_path (store, NULL));
}

static void
test_draft_store_write_read_remove (void)
{
  g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
  g_autofree char *id = rst_draft_store_new_draft_id ();
  g_autofree char *path = rst_draft_store_dup_draft_path (store, id);
  g_autoptr(GBytes) first = g_bytes_new_static ("Mr. Chairperson,\n", 17);
  g_autoptr(GBytes) second = g_bytes_new_static ("Madam President,\r\n\r\nI thank you.\r\n", 34);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  guint written = 0;
  GStatBuf st;

  g_signal_connect (store, "draft-written", G_CALLBACK (count_written), &written);

  rst_draft_store_write_draft (store, id, first);
  rst_draft_store_write_draft (store, id, second);
  rst_draft_store_flush (store);
  g_assert_cmpuint (rst_draft_store_get_pending (store), ==, 0);

  /* The last write wins, byte for byte, line endings included. */
  read = rst_draft_store_read_draft (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, second));

  /* Drafts are private to the drafter. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ids = rst_draft_store_list_drafts (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, id);

  spin_main_context ();
  g_assert_cmpuint (written, ==, 2);

  /* A removal queued behind a write removes what that write wrote. */
  rst_draft_store_write_draft (store, id, first);
  rst_draft_store_remove_draft (store, id);
  rst_draft_store_flush (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&read, g_bytes_unref);
  read = rst_draft_store_read_draft (store, id, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_null (read);

  spin_main_context ();
}

static void
failed_cb (RstDraftStore  *store,
           const char     *draft_id,
           const char     *message,
           char          **failed_message)
{
  g_free (*failed_message);
  *failed_message = g_strdup (message);
}

static void
test_draft_store_write_fails (void)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autoptr(RstDraftStore) store = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Thank you.\n", 11);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* The store's folder is a file: even root cannot create drafts in it. */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (root, "x", 1, &error);
  g_assert_no_error (error);

  store = rst_draft_store_new (root);
  g_signal_connect (store, "write-failed", G_CALLBACK (failed_cb), &message);
  rst_draft_store_write_draft (store, "draft-1", text);
  rst_draft_store_flush (store);
  spin_main_context ();

  g_assert_nonnull (message);
  g_test_message ("Write failure reported as: %s", message);
}

static void
test_draft_store_session_round_trip (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "session-test", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean = TRUE;
  RstSessionTab *tab;

  /* No session yet: nothing to restore, nothing to recover. */
  read = rst_draft_store_read_session (store, &clean, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 0);
  g_assert_true (clean);
  g_clear_pointer (&read, g_ptr_array_unref);

  g_ptr_array_add (tabs, rst_session_tab_new ("draft-a", NULL, 0, FALSE, TRUE));
  g_ptr_array_add (tabs, rst_session_tab_new (NULL, "file:///tmp/statement.md", 0, TRUE, FALSE));
  g_ptr_array_add (tabs, rst_session_tab_new ("draft-b", "file:///tmp/other%20one.md", 1, TRUE, TRUE));
  /* Imported and never saved: named after its document. */
  tab = rst_session_tab_new ("draft-c", NULL, 1, FALSE, TRUE);
  tab->imported_from = g_strdup ("file:///tmp/Statement%202025.docx");
  g_ptr_array_add (tabs, tab);

  rst_draft_store_write_session (store, tabs, FALSE);
  rst_draft_store_flush (store);

  read = rst_draft_store_read_session (store, &clean, &error);
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_cmpuint (read->len, ==, 4);

  tab = g_ptr_array_index (read, 0);
  g_assert_cmpstr (tab->draft_id, ==, "draft-a");
  g_assert_null (tab->uri);
  g_assert_cmpuint (tab->window, ==, 0);
  g_assert_false (tab->selected);
  g_assert_true (tab->modified);

  tab = g_ptr_array_index (read, 1);
  g_assert_null (tab->draft_id);
  g_assert_cmpstr (tab->uri, ==, "file:///tmp/statement.md");
  g_assert_true (tab->selected);
  g_assert_false (tab->modified);

  tab = g_ptr_array_index (read, 2);
  g_assert_cmpstr (tab->draft_id, ==, "draft-b");
  g_assert_cmpstr (tab->uri, ==, "file:///tmp/other%20one.md");
  g_assert_cmpuint (tab->window, ==, 1);
  g_assert_null (tab->imported_from);

  tab = g_ptr_array_index (read, 3);
  g_assert_cmpstr (tab->draft_id, ==, "draft-c");
  g_assert_null (tab->uri);
  g_assert_cmpstr (tab->imported_from, ==, "file:///tmp/Statement%202025.docx");
  {
    g_autoptr(RstSessionTab) copy = rst_session_tab_copy (tab);

    g_assert_cmpstr (copy->imported_from, ==, tab->imported_from);
  }
  g_clear_pointer (&read, g_ptr_array_unref);

  /* A normal quit says so. */
  g_ptr_array_set_size (tabs, 1);
  rst_draft_store_write_session (store, tabs, TRUE);
  rst_draft_store_flush (store);
  read = rst_draft_store_read_session (store, &clean, &error);
  g_assert_no_error (error);
  g_assert_true (clean);
  g_assert_cmpuint (read->len, ==, 1);

  spin_main_context ();
}

static void
test_draft_store_session_hostile (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hostile", NULL);
  g_autofree char *path = g_build_filename (dir, "session.ini", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  gboolean clean = TRUE;

  /* A session file cut short, with an id that tries to leave the folder,
   * and an imported-from that is no URI.
   */
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path,
                       "[session]\ntabs=3\n"
                       "[tab 0]\ndraft=../../etc/passwd\n"
                       "[tab 1]\ndraft=good-1\nwindow=-4\nimported-from=a\\q\\ b\n",
                       -1, &error);
  g_assert_no_error (error);

  read = rst_draft_store_read_session (store, &clean, &error);
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpstr (((RstSessionTab *)g_ptr_array_index (read, 0))->draft_id, ==, "good-1");
  g_assert_cmpuint (((RstSessionTab *)g_ptr_array_index (read, 0))->window, ==, 0);
  g_assert_null (((RstSessionTab *)g_ptr_array_index (read, 0))->imported_from);
  g_clear_pointer (&read, g_ptr_array_unref);

  /* Not a key file at all. */
  g_file_set_contents (path, "\x01\x02 not [a key file", -1, &error);
  g_assert_no_error (error);
  read = rst_draft_store_read_session (store, &clean, &error);
  g_assert_nonnull (error);
  g_assert_null (read);
}

/* A count in the session file is never looped up to: tabs=2147483647
 * opens RST_SESSION_MAX_TABS tabs at once, and the drafts of those left
 * out stay on disk.
 */
static void
test_draft_store_session_capped (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "capped", NULL);
  g_autofree char *path = g_build_filename (dir, "session.ini", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autoptr(GString) contents = g_string_new ("[session]\ntabs=2147483647\n");
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Thank you.", 10);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  gboolean clean = TRUE;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (contents, "[tab %u]\ndraft=draft-%u\nwindow=%d\n", i, i,
                            i == 0 ? G_MAXINT : (int) i);
  g_file_set_contents (path, contents->str, contents->len, &error);
  g_assert_no_error (error);
  rst_draft_store_write_draft (store, "draft-99", text);
  rst_draft_store_flush (store);

  g_test_expect_message ("Rostrum-Core", G_LOG_LEVEL_WARNING, "*2147483647 tabs*64*");
  read = rst_draft_store_read_session (store, &clean, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_cmpuint (read->len, ==, RST_SESSION_MAX_TABS);
  g_assert_cmpstr (((RstSessionTab *)g_ptr_array_index (read, 63))->draft_id, ==, "draft-63");
  /* A window number is capped too: one window per tab at most. */
  g_assert_cmpuint (((RstSessionTab *)g_ptr_array_index (read, 0))->window, ==, RST_SESSION_MAX_TABS - 1);

  /* Not opened, but not an orphan either. */
  rst_draft_store_remove_orphans (store, none);
  rst_draft_store_flush (store);
  ids = rst_draft_store_list_drafts (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "draft-99");

  spin_main_context ();
}

/* A FIFO or a device in place of the session file is not read (it would
 * block or never end), nor is a file far larger than a session file.
 */
static void
test_draft_store_session_not_regular (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "fifo-session", NULL);
  g_autofree char *path = g_build_filename (dir, "session.ini", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  read = rst_draft_store_read_session (store, NULL, &error);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR);
  g_assert_null (read);
  g_test_message ("FIFO: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  read = rst_draft_store_read_session (store, NULL, &error);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR);
  g_assert_null (read);
  g_clear_error (&error);

  /* 50 MB, sparse: refused by its size, before a byte is read. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);
  read = rst_draft_store_read_session (store, NULL, &error);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE);
  g_assert_null (read);
}

static void
assert_file_holds (const char *path,
                   const char *expected,
                   gsize       length)
{
  g_autofree char *contents = NULL;
  gsize read = 0;

  g_assert_true (g_file_get_contents (path, &contents, &read, NULL));
  g_assert_cmpmem (contents, read, expected, length);
}

/* A draft that is not valid UTF-8 (a disk error, another program) comes
 * back with U+FFFD, and its bytes are kept as they were beside it.
 */
static void
test_draft_store_recover_invalid_utf8 (void)
{
  static const char latin1[] = "Mr. Chairperson,\n\nLe caf\xe9 est pr\xeat.\n";
  static const char with_nul[] = "Thank\0you.";
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unreadable", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autofree char *path = rst_draft_store_dup_draft_path (store, "latin1");
  g_autofree char *expected_backup = g_strconcat (path, ".unreadable", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *again = NULL;
  g_autofree char *fifo = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) valid = g_bytes_new_static ("Madam President,", 16);
  g_autoptr(GError) error = NULL;

  rst_draft_store_write_draft (store, "valid", valid);
  rst_draft_store_flush (store);
  g_file_set_contents (path, latin1, sizeof latin1 - 1, &error);
  g_assert_no_error (error);

  /* Valid drafts come back byte for byte, with no copy. */
  text = rst_draft_store_recover_draft (store, "valid", &backup, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, valid));
  g_assert_null (backup);
  g_clear_pointer (&text, g_bytes_unref);

  text = rst_draft_store_recover_draft (store, "latin1", &backup, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                   "Mr. Chairperson,\n\nLe caf\xef\xbf\xbd est pr\xef\xbf\xbdt.\n", 40);
  g_assert_cmpstr (backup, ==, expected_backup);
  assert_file_holds (backup, latin1, sizeof latin1 - 1);
  g_clear_pointer (&text, g_bytes_unref);

  /* A second crash before the draft was written again: the same copy. */
  text = rst_draft_store_recover_draft (store, "latin1", &again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, expected_backup);
  g_clear_pointer (&text, g_bytes_unref);

  /* The draft written again, as the autosave does, leaves the copy be;
   * and drafts listed (and so orphans removed) never include it.
   */
  rst_draft_store_write_draft (store, "latin1", valid);
  rst_draft_store_flush (store);
  assert_file_holds (path, "Madam President,", 16);
  assert_file_holds (backup, latin1, sizeof latin1 - 1);
  {
    g_auto(GStrv) ids = rst_draft_store_list_drafts (store);

    g_assert_cmpuint (g_strv_length (ids), ==, 2);
  }

  /* A NUL byte, which no text buffer takes. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&backup, g_free);
  path = rst_draft_store_dup_draft_path (store, "nul");
  g_file_set_contents (path, with_nul, sizeof with_nul - 1, &error);
  g_assert_no_error (error);
  text = rst_draft_store_recover_draft (store, "nul", &backup, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (text, NULL), g_bytes_get_size (text), "Thank\xef\xbf\xbdyou.", 12);
  g_assert_nonnull (backup);
  assert_file_holds (backup, with_nul, sizeof with_nul - 1);
  g_clear_pointer (&text, g_bytes_unref);

  /* A FIFO where a draft should be is refused, not waited on. */
  fifo = rst_draft_store_dup_draft_path (store, "fifo");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  text = rst_draft_store_recover_draft (store, "fifo", NULL, &error);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR);
  g_assert_null (text);

  spin_main_context ();
}

static void
test_draft_store_orphans (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "orphans", NULL);
  g_autoptr(RstDraftStore) store = rst_draft_store_new (dir);
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
  g_autoptr(GBytes) text = g_bytes_new_static ("First,\n", 7);
  g_auto(GStrv) ids = NULL;

  rst_draft_store_write_draft (store, "kept", text);
  rst_draft_store_write_draft (store, "orphan-1", text);
  rst_draft_store_write_draft (store, "orphan-2", text);
  rst_draft_store_flush (store);

  g_ptr_array_add (tabs, rst_session_tab_new ("kept", NULL, 0, TRUE, TRUE));
  rst_draft_store_remove_orphans (store, tabs);
  rst_draft_store_flush (store);

  ids = rst_draft_store_list_drafts (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "kept");

  spin_main_context ();
}

/* The reader from bytes (what the fuzz-session target drives) gives what
 * the file gives, and refuses what is larger than a session file.
 */
static void
test_draft_store_session_parse (void)
{
  static const char data[] =
    "[session]\nversion=1\nclean-exit=false\ntabs=2\n\n"
    "[tab 0]\nwindow=0\nselected=true\nmodified=true\ndraft=draft-a\n\n"
    "[tab 1]\nwindow=99\nuri=file:///tmp/a.md\ndraft=../escape\n";
  g_autoptr(RstDraftStore) store = rst_draft_store_new ("/nonexistent/rostrum-test");
  g_autoptr(GPtrArray) tabs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *large = NULL;
  gboolean clean = TRUE;
  RstSessionTab *tab;

  tabs = rst_draft_store_parse_session (store, data, strlen (data), &clean, &error);
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_cmpuint (tabs->len, ==, 2);
  tab = g_ptr_array_index (tabs, 0);
  g_assert_cmpstr (tab->draft_id, ==, "draft-a");
  g_assert_true (tab->selected && tab->modified);
  /* A draft id that is a path is dropped; the window is capped. */
  tab = g_ptr_array_index (tabs, 1);
  g_assert_null (tab->draft_id);
  g_assert_cmpstr (tab->uri, ==, "file:///tmp/a.md");
  g_assert_cmpuint (tab->window, ==, RST_SESSION_MAX_TABS - 1);
  g_clear_pointer (&tabs, g_ptr_array_unref);

  tabs = rst_draft_store_parse_session (store, "", 0, &clean, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tabs->len, ==, 0);
  g_clear_pointer (&tabs, g_ptr_array_unref);

  /* Found by fuzz-session (fuzz-corpus/session/regress-escape): a value
   * ending in a bad escape made GLib 2.74 warn (fatal here); the tab
   * has no file then.
   */
  tabs = rst_draft_store_parse_session (store, "[session]\ntabs=1\n[tab 0]\nuri=file:///a\\q\\\ndraft=d-1\n",
                                        strlen ("[session]\ntabs=1\n[tab 0]\nuri=file:///a\\q\\\ndraft=d-1\n"),
                                        &clean, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tabs->len, ==, 1);
  tab = g_ptr_array_index (tabs, 0);
  g_assert_null (tab->uri);
  g_assert_cmpstr (tab->draft_id, ==, "d-1");
  g_clear_pointer (&tabs, g_ptr_array_unref);

  /* Found by fuzz-session (regress-utf8): GKeyFile's error quotes the
   * line it could not read, bytes as they are; the log needs UTF-8.
   */
  tabs = rst_draft_store_parse_session (store, "[session]\n\xff\xfe\n", 13, &clean, &error);
  g_assert_null (tabs);
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  large = g_strnfill (RST_SESSION_MAX_SIZE + 1, '#');
  tabs = rst_draft_store_parse_session (store, large, RST_SESSION_MAX_SIZE + 1, &clean, &error);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE);
  g_assert_null (tabs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store/default-directory", test_draft_store_default_directory);
  g_test_add_func ("/draft-store/write-read-remove", test_draft_store_write_read_remove);
  g_test_add_func ("/draft-store/write-fails", test_draft_store_write_fails);
  g_test_add_func ("/draft-store/session-round-trip", test_draft_store_session_round_trip);
  g_test_add_func ("/draft-store/session-hostile", test_draft_store_session_hostile);
  g_test_add_func ("/draft-store/session-capped", test_draft_store_session_capped);
  g_test_add_func ("/draft-store/session-not-regular", test_draft_store_session_not_regular);
  g_test_add_func ("/draft-store/session-parse", test_draft_store_session_parse);
  g_test_add_func ("/draft-store/recover-invalid-utf8", test_draft_store_recover_invalid_utf8);
  g_test_add_func ("/draft-store/orphans", test_draft_store_orphans);

  return g_test_run ();
}
