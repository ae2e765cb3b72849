/* test-export-command.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rostrum --export` through the built executable (ROSTRUM_BIN), without
 * a display or a session bus: every format is read back by a real
 * consumer, and every failure exits 2 with one line and no file.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <poppler.h>

#include "rst-test-export.h"
#include "rst-test-command.h"


/* The fixture with DESIGN.md's details, in a scratch folder of its own. */
static GFile *
write_statement (GFile *dir)
{
  g_autofree char *fixture = rst_test_read_fixture ();
  g_autofree char *text = g_strconcat (RST_TEST_FRONT_MATTER, fixture, NULL);
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_get_child (dir, "china.md");

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static void
assert_failed_cleanly (RstTestRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "rostrum: "));
  /* One line. */
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
}

/* The statement write_statement() wrote, byte for byte. */
static void
assert_unchanged (GFile *input)
{
  g_autofree char *fixture = rst_test_read_fixture ();
  g_autofree char *text = g_strconcat (RST_TEST_FRONT_MATTER, fixture, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_file_query_file_type (input, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL), ==,
                   G_FILE_TYPE_REGULAR);
  g_file_load_contents (input, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, text, strlen (text));
}

static void
test_export_pdf (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) input = write_statement (dir);
  g_autoptr(GFile) output = g_file_get_child (dir, "out.pdf");
  g_autofree char *in_path = g_file_get_path (input);
  g_autofree char *out_path = g_file_get_path (output);
  g_autofree char *uri = g_file_get_uri (output);
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) run = { 0 };
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autofree char *text = NULL;

  rst_test_run_rostrum (&run, "--export", in_path, "--to", "pdf", "--output", out_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Mr. Chairperson,"));
  g_object_unref (page);
  g_object_unref (pdf);

  /* The statement and the export, nothing else. */
  g_assert_cmpuint (rst_test_count_children (dir), ==, 2);
}

static void
test_export_reading_pdf_default_name (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) input = write_statement (dir);
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *in_path = g_file_get_path (input);
  g_autofree char *name = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) run = { 0 };
  PopplerDocument *pdf;

  /* No --output: the profile's name, beside the statement. The front
   * matter says "council: iom".
   */
  rst_test_run_rostrum (&run, "--export", in_path, "--to", "reading-pdf", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_load_contents (input, NULL, &contents, NULL, NULL, NULL));
  analysis = rst_test_analyse (contents);
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  name = rst_export_propose_file_name (analysis, RST_EXPORT_READING_PDF);
  g_assert_true (g_str_has_prefix (name, "IOM-C114-China-General-Debate-"));
  expected = g_file_get_child (dir, name);
  g_assert_true (g_file_query_exists (expected, NULL));
  g_assert_cmpuint (rst_test_count_children (dir), ==, 2);

  uri = g_file_get_uri (expected);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  g_object_unref (pdf);
}

static void
test_export_packages (void)
{
  static const struct {
    const char *format;
    const char *part;
  } cases[] = {
    { "docx", "word/document.xml" },
    { "odt", "content.xml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) dir = rst_test_scratch_dir ();
      g_autoptr(GFile) input = write_statement (dir);
      g_autofree char *name = g_strconcat ("out.", cases[i].format, NULL);
      g_autoptr(GFile) output = g_file_get_child (dir, name);
      g_autofree char *in_path = g_file_get_path (input);
      g_autofree char *out_path = g_file_get_path (output);
      g_autoptr(RstTestZip) zip = NULL;
      g_auto(RstTestRun) run = { 0 };
      xmlDocPtr doc;

      rst_test_run_rostrum (&run, "--export", in_path, "--to", cases[i].format, "--output", out_path, NULL);
      g_assert_cmpint (run.status, ==, 0);

      zip = rst_test_unzip (output);
      doc = rst_test_parse_part (zip, cases[i].part);
      {
        xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));

        g_assert_nonnull (strstr ((const char *) content, "focus on the root causes"));
        xmlFree (content);
      }
      xmlFreeDoc (doc);
    }
}

static void
test_export_txt (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) input = write_statement (dir);
  g_autoptr(GFile) output = g_file_get_child (dir, "out.txt");
  g_autofree char *in_path = g_file_get_path (input);
  g_autofree char *out_path = g_file_get_path (output);
  g_autofree char *text = NULL;
  g_auto(RstTestRun) run = { 0 };

  rst_test_run_rostrum (&run, "--export", in_path, "--to", "txt", "--output", out_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_load_contents (output, NULL, &text, NULL, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "I thank you."));
  /* A text for reading, not the source: no front matter. */
  g_assert_null (strstr (text, "delivery-mark:"));
}

static void
test_export_failures (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) input = write_statement (dir);
  g_autoptr(GFile) missing_input = g_file_get_child (dir, "missing.md");
  g_autoptr(GFile) missing_dir = g_file_get_child (dir, "no-such-folder");
  g_autoptr(GFile) into_missing = g_file_get_child (missing_dir, "out.pdf");
  g_autofree char *in_path = g_file_get_path (input);
  g_autofree char *missing_path = g_file_get_path (missing_input);
  g_autofree char *into_missing_path = g_file_get_path (into_missing);
  g_autofree char *binary_path = NULL;
  g_autofree char *out_path = g_build_filename (g_file_peek_path (dir), "out.pdf", NULL);
  /* Under a file, which cannot hold anything. */
  g_autofree char *under_file = g_build_filename (in_path, "out.pdf", NULL);

  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", in_path, "--to", "rtf", "--output", out_path, NULL);
    assert_failed_cleanly (&run);
    g_assert_nonnull (strstr (run.err, "rtf"));
  }
  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", in_path, "--output", out_path, NULL);
    assert_failed_cleanly (&run);
  }
  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", missing_path, "--to", "pdf", "--output", out_path, NULL);
    assert_failed_cleanly (&run);
    g_assert_nonnull (strstr (run.err, "missing.md"));
  }
  {
    g_auto(RstTestRun) run = { 0 };
    g_autoptr(GFile) binary = g_file_get_child (dir, "image.md");

    /* Not a statement: bytes that are not UTF-8 text. */
    g_assert_true (g_file_replace_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, FALSE,
                                            G_FILE_CREATE_NONE, NULL, NULL, NULL));
    binary_path = g_file_get_path (binary);
    rst_test_run_rostrum (&run, "--export", binary_path, "--to", "pdf", "--output", out_path, NULL);
    assert_failed_cleanly (&run);
    g_file_delete (binary, NULL, NULL);
  }
  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", in_path, "--to", "pdf", "--output", into_missing_path, NULL);
    assert_failed_cleanly (&run);
    g_assert_nonnull (strstr (run.err, "no-such-folder"));
  }
  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", in_path, "--to", "docx", "--output", under_file, NULL);
    assert_failed_cleanly (&run);
  }
  {
    g_auto(RstTestRun) run = { 0 };

    /* A folder no one may write in, even root: /proc refuses new files. */
    rst_test_run_rostrum (&run, "--export", in_path, "--to", "odt", "--output", "/proc/rostrum-export.odt", NULL);
    assert_failed_cleanly (&run);
    g_assert_false (g_file_test ("/proc/rostrum-export.odt", G_FILE_TEST_EXISTS));
  }
  {
    g_auto(RstTestRun) run = { 0 };

    /* Never over the statement itself. */
    rst_test_run_rostrum (&run, "--export", in_path, "--to", "txt", "--output", in_path, NULL);
    assert_failed_cleanly (&run);
    g_assert_nonnull (strstr (run.err, "china.md"));
    assert_unchanged (input);
  }
  {
    g_auto(RstTestRun) run = { 0 };
    struct stat st;

    /* Nor onto a device: /dev/null stays the device it is. */
    rst_test_run_rostrum (&run, "--export", in_path, "--to", "pdf", "--output", "/dev/null", NULL);
    assert_failed_cleanly (&run);
    g_assert_nonnull (strstr (run.err, "/dev/null"));
    g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
    g_assert_true (S_ISCHR (st.st_mode));
  }
  {
    g_auto(RstTestRun) run = { 0 };

    rst_test_run_rostrum (&run, "--export", in_path, "--to", "pdf", "--council", "nowhere", "--output", out_path, NULL);
    assert_failed_cleanly (&run);
  }

  /* Only the statement is left: no export, no temporary file. */
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
}

/* However the path to the statement is spelt, --export never writes
 * over it: the files are compared, not their names.
 */
static void
test_export_onto_input (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) elsewhere = rst_test_scratch_dir ();
  g_autoptr(GFile) input = write_statement (dir);
  g_autofree char *in_path = g_file_get_path (input);
  const char *dir_path = g_file_peek_path (dir);
  const char *elsewhere_path = g_file_peek_path (elsewhere);
  /* "//tmp/…/china.md" and "/tmp/…//china.md" */
  g_autofree char *double_slash = g_strconcat ("/", in_path, NULL);
  g_autofree char *inner_slashes = g_strconcat (dir_path, "//china.md", NULL);
  /* A folder elsewhere that is a link to the statement's folder. */
  g_autofree char *folder_link = g_build_filename (elsewhere_path, "folder-link", NULL);
  g_autofree char *through_folder_link = g_build_filename (folder_link, "china.md", NULL);
  /* A link to the statement itself, and a second name of its inode. */
  g_autofree char *file_link = g_build_filename (elsewhere_path, "file-link.md", NULL);
  g_autofree char *hard_link = g_build_filename (elsewhere_path, "hard-link.md", NULL);
  const char * const spellings[] = {
    double_slash, inner_slashes, through_folder_link, file_link, hard_link,
  };
  static const char * const formats[] = { "txt", "pdf", "docx" };

  g_assert_cmpint (symlink (dir_path, folder_link), ==, 0);
  g_assert_cmpint (symlink (in_path, file_link), ==, 0);
  g_assert_cmpint (link (in_path, hard_link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
      {
        g_auto(RstTestRun) run = { 0 };

        rst_test_run_rostrum (&run, "--export", in_path, "--to", formats[j], "--output", spellings[i], NULL);
        if (run.status != 2)
          g_error ("--output %s (%s) exited %d: %s", spellings[i], formats[j], run.status, run.err);
        assert_failed_cleanly (&run);
        assert_unchanged (input);
      }

  /* /proc/self/cwd/china.md, from inside the statement's folder; and the
   * statement named relative to it, too.
   */
  for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
    {
      g_auto(RstTestRun) run = { 0 };
      g_auto(RstTestRun) relative = { 0 };

      rst_test_run_rostrum_in (&run, dir_path, NULL, (const char * const[]) {
        "--export", in_path, "--to", formats[j], "--output", "/proc/self/cwd/china.md", NULL });
      assert_failed_cleanly (&run);
      assert_unchanged (input);

      rst_test_run_rostrum_in (&relative, dir_path, NULL, (const char * const[]) {
        "--export", "china.md", "--to", formats[j], "--output", "/proc/self/cwd/china.md", NULL });
      assert_failed_cleanly (&relative);
      assert_unchanged (input);
    }

  /* Nothing was left beside the statement, nor beside the links. */
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
  g_assert_cmpuint (rst_test_count_children (elsewhere), ==, 3);
  {
    g_autoptr(GFile) hard = g_file_new_for_path (hard_link);

    assert_unchanged (hard);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export-command/pdf", test_export_pdf);
  g_test_add_func ("/export-command/reading-pdf-default-name", test_export_reading_pdf_default_name);
  g_test_add_func ("/export-command/docx-odt", test_export_packages);
  g_test_add_func ("/export-command/txt", test_export_txt);
  g_test_add_func ("/export-command/failures", test_export_failures);
  g_test_add_func ("/export-command/onto-input", test_export_onto_input);

  return g_test_run ();
}
