/* test-file-writer.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one writer of files the drafter names: atomic, regular files only,
 * links followed, mode kept, inputs never written over.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rst-file-writer.h"

static char *
folder (const char *name)
{
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static char *
contents_of (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gboolean
write_text (const char         *path,
            const char         *text,
            RstFileWriteFlags   flags,
            GFile             **protect,
            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return rst_file_write_bytes (file, bytes, flags, protect, NULL, error);
}

/* Nothing but the files themselves: no temporary left behind. */
static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_replace (void)
{
  g_autofree char *dir = folder ("replace");
  g_autofree char *path = g_build_filename (dir, "statement.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (write_text (path, "first", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (write_text (path, "second", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_no_error (error);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "second");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_no_clobber (void)
{
  g_autofree char *dir = folder ("no-clobber");
  g_autofree char *path = g_build_filename (dir, "next.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (write_text (path, "kept", RST_FILE_WRITE_NO_CLOBBER, NULL, &error));
  g_assert_false (write_text (path, "lost", RST_FILE_WRITE_NO_CLOBBER, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "kept");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* Saving over a link replaces what it points to; the link stays. */
static void
test_symlink (void)
{
  g_autofree char *dir = folder ("symlink");
  g_autofree char *target = g_build_filename (dir, "real.md", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (write_text (target, "old", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_cmpint (symlink ("real.md", link), ==, 0);

  g_assert_true (write_text (link, "new", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = contents_of (target);
  g_assert_cmpstr (text, ==, "new");
}

/* However the path is spelt, the input is not written over. */
static void
test_protected (void)
{
  g_autofree char *dir = folder ("protected");
  g_autofree char *input_path = g_build_filename (dir, "stmt.md", NULL);
  g_autofree char *linked_dir = g_build_filename (g_get_user_cache_dir (), "linked", NULL);
  g_autofree char *file_link = g_build_filename (dir, "alias.md", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) input = NULL;
  g_autofree char *double_slash = g_strdup_printf ("/%s", input_path);
  g_autofree char *through_link = g_build_filename (linked_dir, "stmt.md", NULL);
  GFile *protect[2] = { NULL, NULL };
  const char *spellings[] = { input_path, double_slash, through_link, file_link, "/proc/self/cwd/stmt.md" };

  g_assert_true (write_text (input_path, "the statement", RST_FILE_WRITE_REPLACE, NULL, NULL));
  g_assert_cmpint (symlink (dir, linked_dir), ==, 0);
  g_assert_cmpint (symlink ("stmt.md", file_link), ==, 0);
  g_assert_cmpint (g_chdir (dir), ==, 0);

  input = g_file_new_for_path (input_path);
  protect[0] = input;

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      g_assert_false (write_text (spellings[i], "an export", RST_FILE_WRITE_REPLACE, protect, &error));
      g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
      text = contents_of (input_path);
      g_assert_cmpstr (text, ==, "the statement");
    }

  /* The input named through a link is protected just the same. */
  {
    g_autoptr(GFile) via_link = g_file_new_for_path (file_link);
    g_autoptr(GError) error = NULL;

    protect[0] = via_link;
    g_assert_false (write_text (input_path, "an export", RST_FILE_WRITE_REPLACE, protect, &error));
    g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
  }

  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* A device or FIFO is never replaced by a file. */
static void
test_not_regular (void)
{
  g_autofree char *dir = folder ("devices");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  const char *targets[] = { "/dev/null", "/dev/full", fifo };
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (write_text (targets[i], "%PDF", RST_FILE_WRITE_REPLACE, NULL, &error));
      g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_NOT_REGULAR);
    }

  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_missing_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "no-such-folder", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (write_text (path, "x", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

/* Names up to the file system's limit: the temporary name is short. */
static void
test_long_name (void)
{
  g_autofree char *dir = folder ("long-name");
  g_autofree char *name = g_strnfill (251, 'n');
  g_autofree char *base = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (base), ==, 255);
  g_assert_true (write_text (path, "x", RST_FILE_WRITE_REPLACE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* An export given up half-way, and a disk that fills: the old file stays
 * and no temporary file is left.
 */
static void
test_failures_keep_the_old_file (void)
{
  g_autofree char *dir = folder ("failures");
  g_autofree char *path = g_build_filename (dir, "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  struct rlimit saved, small;

  g_assert_true (write_text (path, "old export", RST_FILE_WRITE_REPLACE, NULL, NULL));

  writer = rst_file_writer_new (file, RST_FILE_WRITE_REPLACE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (rst_file_writer_get_stream (writer), "half", 4, NULL, NULL, NULL));
  rst_file_writer_abort (writer);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "old export");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A full disk, as RLIMIT_FSIZE makes one. */
  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved);
  small = saved;
  small.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_false (write_text (path, big, RST_FILE_WRITE_REPLACE, NULL, &error));
  setrlimit (RLIMIT_FSIZE, &saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  g_free (text);
  text = contents_of (path);
  g_assert_cmpstr (text, ==, "old export");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_is_same (void)
{
  g_autofree char *dir = folder ("same");
  g_autofree char *a = g_build_filename (dir, "a.md", NULL);
  g_autofree char *b = g_build_filename (dir, "b.md", NULL);
  g_autofree char *spelled = g_strdup_printf ("%s/./a.md", dir);
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  g_autoptr(GFile) fs = g_file_new_for_path (spelled);

  write_text (a, "a", RST_FILE_WRITE_REPLACE, NULL, NULL);
  write_text (b, "b", RST_FILE_WRITE_REPLACE, NULL, NULL);
  g_assert_true (rst_file_is_same (fa, fs));
  g_assert_false (rst_file_is_same (fa, fb));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file-writer/replace", test_replace);
  g_test_add_func ("/file-writer/no-clobber", test_no_clobber);
  g_test_add_func ("/file-writer/symlink", test_symlink);
  g_test_add_func ("/file-writer/protected", test_protected);
  g_test_add_func ("/file-writer/not-regular", test_not_regular);
  g_test_add_func ("/file-writer/missing-folder", test_missing_folder);
  g_test_add_func ("/file-writer/long-name", test_long_name);
  g_test_add_func ("/file-writer/failures", test_failures_keep_the_old_file);
  g_test_add_func ("/file-writer/is-same", test_is_same);

  return g_test_run ();
}
