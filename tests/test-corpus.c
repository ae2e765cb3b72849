/* test-corpus.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checker's ground truth: statements modelled on real ones in the six
 * UN languages (tests/corpus/, README.md there), each read through
 * RstAnalysis and compared with what a drafter reads in it
 * (expected.tsv): language, council, session, structure and the codes at
 * warning or error severity.
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-text-file.h"

typedef struct
{
  char *file;
  char *lang;
  char *council;
  char *session;
  char *structure;
  char *codes;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->file);
  g_free (e->lang);
  g_free (e->council);
  g_free (e->session);
  g_free (e->structure);
  g_free (e->codes);
  g_free (e);
}

/* "heading salutation priority*3 closing": runs of one kind counted. */
static char *
dup_structure (RstAnalysis *analysis)
{
  guint n = 0;
  const RstElement *elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), &n);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n;)
    {
      guint run = 1;

      while (i + run < n && elements[i + run].kind == elements[i].kind)
        run++;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, rst_element_kind_to_string (elements[i].kind));
      if (run > 1)
        g_string_append_printf (out, "*%u", run);
      i += run;
    }

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes at warning or error severity, sorted, once each; "-" for none. */
static char *
dup_codes (RstAnalysis *analysis)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      const char *code = rst_diagnostic_get_code (diagnostic);

      if (rst_diagnostic_get_severity (diagnostic) == RST_SEVERITY_INFO)
        continue;
      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }

  if (codes->len == 0)
    return g_strdup ("-");

  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

static GPtrArray *
read_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *table = g_ptr_array_new_with_free_func (expected_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  /* The first line names the columns. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expected *e;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);

      e = g_new0 (Expected, 1);
      e->file = g_strdup (fields[0]);
      e->lang = g_strdup (fields[1]);
      e->council = g_strdup (fields[2]);
      e->session = g_strdup (fields[3]);
      e->structure = g_strdup (fields[4]);
      e->codes = g_strdup (fields[5]);
      g_ptr_array_add (table, e);
    }

  return table;
}

static RstAnalysis *
analyse (const Expected *e)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", e->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rst_text_file_load (file, NULL, &error);

  g_assert_no_error (error);
  return rst_analysis_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
}

static void
test_file (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(RstAnalysis) analysis = analyse (e);
  g_autofree char *structure = dup_structure (analysis);
  g_autofree char *codes = dup_codes (analysis);
  g_autofree char *session = rst_analysis_get_session (analysis) > 0
    ? g_strdup_printf ("%u", rst_analysis_get_session (analysis)) : g_strdup ("-");
  const char *council = rst_analysis_get_council_id (analysis);

  /* Every difference of a file is worth seeing at once. */
  g_test_set_nonfatal_assertions ();
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, e->lang);
  g_assert_cmpstr (council != NULL ? council : "-", ==, e->council);
  g_assert_cmpstr (session, ==, e->session);
  g_assert_cmpstr (structure, ==, e->structure);
  g_assert_cmpstr (codes, ==, e->codes);
}

/* The figure of the issue: the share of clean files with no false
 * structural warning. A "structural" warning is one the table does not
 * expect in a file it says is clean.
 */
static void
test_clean_share (gconstpointer data)
{
  GPtrArray *table = (GPtrArray *) data;
  guint clean = 0, right = 0;

  for (guint i = 0; i < table->len; i++)
    {
      const Expected *e = g_ptr_array_index (table, i);
      g_autoptr(RstAnalysis) analysis = NULL;
      g_autofree char *codes = NULL;

      if (!g_str_equal (e->codes, "-"))
        continue;
      clean++;
      analysis = analyse (e);
      codes = dup_codes (analysis);
      if (g_str_equal (codes, "-"))
        right++;
      else
        g_test_message ("%s: %s", e->file, codes);
    }

  g_test_message ("clean files without a false warning: %u of %u", right, clean);
  g_assert_cmpuint (right, ==, clean);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) table = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  table = read_table ();
  for (guint i = 0; i < table->len; i++)
    {
      const Expected *e = g_ptr_array_index (table, i);
      g_autofree char *name = g_strdup_printf ("/corpus/%s", e->file);

      g_test_add_data_func (name, e, test_file);
    }
  g_test_add_data_func ("/corpus/clean-share", table, test_clean_share);

  return g_test_run ();
}
