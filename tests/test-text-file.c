/* test-text-file.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reader for every file that should hold text: regular files only,
 * one size limit, binary and non-UTF-8 refused with the line.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rst-text-file.h"

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_load (void)
{
  g_autofree char *path = write_temp ("ok.md", "Mr. President,\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rst_text_file_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Mr. President,\n", 15);
}

static void
test_refused (void)
{
  g_autofree char *binary = write_temp ("nul.md", "text\n\nmore\0text", 15);
  g_autofree char *pdf = write_temp ("pdf.md", "%PDF-1.7\n", -1);
  g_autofree char *latin1 = write_temp ("latin1.md", "one\ntwo\nPr\xe9sident\n", -1);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "a-folder", NULL);
  g_autofree char *fifo = g_build_filename (g_get_user_cache_dir (), "a-fifo.md", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "missing.md", NULL);
  g_autofree char *huge = write_temp ("huge.md", "", 0);
  struct {
    const char *path;
    GQuark      domain;
    int         code;
    const char *message;
  } cases[] = {
    { binary, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY, "binary" },
    { pdf, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY, "binary" },
    { latin1, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8, "line 3" },
    { folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "folder" },
    { fifo, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR, "regular" },
    { "/dev/zero", RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR, "regular" },
    { missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, NULL },
    { huge, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE, "too large" },
  };

  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Sparse: 20 MB without writing them. */
  g_assert_cmpint (truncate (huge, 20 * 1024 * 1024), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* A FIFO with no writer must not block here. */
      bytes = rst_text_file_load (file, NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, cases[i].domain, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  g_unlink (fifo);
}

static void
test_sniff (void)
{
  gsize where = 0;

  g_assert_cmpint (rst_text_sniff ("", 0, &where), ==, RST_TEXT_KIND_UTF8);
  g_assert_cmpint (rst_text_sniff ("PK\003\004....", 8, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpint (rst_text_sniff ("ab\0cd", 5, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpuint (where, ==, 2);
  g_assert_cmpint (rst_text_sniff ("ab\xffzz", 5, &where), ==, RST_TEXT_KIND_NOT_UTF8);
  g_assert_cmpuint (where, ==, 2);
  g_assert_cmpint (rst_text_sniff ("主席先生", strlen ("主席先生"), &where), ==, RST_TEXT_KIND_UTF8);
  /* A PDF or GIF by its header with its version; a text that starts
   * with the same letters is text (fuzz-corpus/template/regress-pdf-letters).
   */
  g_assert_cmpint (rst_text_sniff ("%PDF-1.7\n", 9, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpint (rst_text_sniff ("%PDF-2.0\n", 9, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpint (rst_text_sniff ("%PDF-t'emplate", 14, &where), ==, RST_TEXT_KIND_UTF8);
  g_assert_cmpint (rst_text_sniff ("GIF89a", 6, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpint (rst_text_sniff ("GIF8 is a name", 14, &where), ==, RST_TEXT_KIND_UTF8);
  g_assert_cmpuint (rst_text_count_lines ("a\nb\nc", 4), ==, 3);
  g_assert_cmpuint (rst_text_count_lines ("abc", 0), ==, 1);
}

/* The raw reader takes any bytes, within its own limit. */
static void
test_read_limit (void)
{
  g_autofree char *path = write_temp ("raw.bin", "0123456789", 10);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fits = rst_text_file_read (file, 10, NULL, &error);
  g_autoptr(GBytes) over = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (fits), ==, 10);
  over = rst_text_file_read (file, 9, NULL, &error);
  g_assert_null (over);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text-file/load", test_load);
  g_test_add_func ("/text-file/refused", test_refused);
  g_test_add_func ("/text-file/sniff", test_sniff);
  g_test_add_func ("/text-file/read-limit", test_read_limit);

  return g_test_run ();
}
