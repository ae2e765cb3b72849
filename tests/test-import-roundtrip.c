/* test-import-roundtrip.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing what Rostrum itself exported gives the statement back: for a
 * statement in each of the six languages and each export format, the
 * imported text has the same words (and only the lines the export adds
 * to them: the delivery mark and the session line), the same structure
 * kinds in rst_analysis_new() and the same language, and no paragraph
 * split that the statement did not have. Where LibreOffice is installed,
 * it must read the same words from the DOCX and ODT as the importer. And
 * real password-protected files are refused.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rst-import.h"
#include "rst-manuscript.h"
#include "rst-test-command.h"
#include "rst-test-export.h"

/* One statement per language from the corpus, with their heading,
 * delivery mark, salutation lines, priorities and closing; two more in
 * Arabic, with numbers in their text (الـ77, 11.1:), which run left to
 * right inside it.
 */
static const char * const statements[] = {
  "ar-iaea-gc-68-saudi.md",
  "ar-unga-79-uae.txt",
  "ar-wha-77-egypt.txt",
  "en-unhcr-excom-74-finland.md",
  "es-unga-61-colombia.md",
  "fr-hrc-1-suisse.md",
  "ru-iaea-gc-68-russia.md",
  "zh-iaea-gc-68-china.md",
};

/* Not the reading copy: it sets one sentence per line in large type for
 * the speaker, a layout no paragraph survives.
 */
static const RstExportFormat formats[] = {
  RST_EXPORT_DOCX, RST_EXPORT_ODT, RST_EXPORT_PDF, RST_EXPORT_TXT,
};

static char *
read_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* The words of the body as a reader sees them: no front matter, no
 * markup, no white space (Chinese has none to compare).
 */
static char *
squeezed_body (RstAnalysis *analysis)
{
  const char *text = rst_analysis_get_text (analysis);
  gsize body = rst_analysis_get_body_offset (analysis);

  return rst_test_squeeze (text + body, "*\\\xef\xbb\xbf");
}

static char *
squeeze_or_empty (const char *text)
{
  return text != NULL ? rst_test_squeeze (text, "*\\") : g_strdup ("");
}

static GPtrArray *
structure_kinds (RstAnalysis *analysis)
{
  GPtrArray *kinds = g_ptr_array_new ();
  guint n = 0;
  const RstElement *elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), &n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (kinds, (gpointer) rst_element_kind_to_string (elements[i].kind));

  return kinds;
}

static guint
count_code (RstAnalysis *analysis,
            const char  *code)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    n += g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code);

  return n;
}

static char *
join_kinds (GPtrArray *kinds)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < kinds->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (kinds, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_kind (GPtrArray  *kinds,
          const char *kind)
{
  for (guint i = 0; i < kinds->len; i++)
    if (g_str_equal (g_ptr_array_index (kinds, i), kind))
      return TRUE;
  return FALSE;
}

static void
assert_round_trip (const char      *name,
                   RstExportFormat  format,
                   GFile           *dir)
{
  g_autofree char *source = read_corpus (name);
  g_autoptr(RstAnalysis) original = rst_test_analyse (source);
  g_autoptr(RstManuscript) manuscript = rst_manuscript_new (original);
  g_autofree char *file_name = g_strdup_printf ("%s.%s", name, rst_export_format_get_extension (format));
  g_autoptr(GFile) exported = g_file_get_child (dir, file_name);
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autofree char *expected = squeezed_body (original);
  g_autofree char *got = NULL;
  g_autofree char *mark = squeeze_or_empty (manuscript->delivery_mark);
  g_autofree char *session = squeeze_or_empty (manuscript->session_line);
  g_autofree char *extra = NULL;
  g_autoptr(GPtrArray) want = structure_kinds (original);
  g_autoptr(GPtrArray) kinds = NULL;
  g_autofree char *want_text = NULL;
  g_autofree char *kinds_text = NULL;

  g_test_message ("%s as %s", name, rst_export_format_to_string (format));

  g_assert_true (rst_export_to_file (original, format, exported, NULL, NULL, &error));
  g_assert_no_error (error);

  imported = rst_import_file (exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  analysis = rst_analysis_new (imported, -1, NULL);

  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, rst_analysis_get_language (original));

  /* The same words, after what the export printed above them. */
  got = squeezed_body (analysis);
  if (!g_str_has_suffix (got, expected))
    g_error ("%s as %s: the import does not end with the statement:\n%s\n%s", name,
             rst_export_format_to_string (format), got, expected);
  extra = g_strndup (got, strlen (got) - strlen (expected));
  if (*extra != '\0')
    {
      g_autofree char *both = g_strconcat (mark, session, NULL);
      g_autofree char *both_reversed = g_strconcat (session, mark, NULL);

      if (!g_str_equal (extra, mark) && !g_str_equal (extra, session) &&
          !g_str_equal (extra, both) && !g_str_equal (extra, both_reversed))
        g_error ("%s as %s: the import has words the export did not add: %s", name,
                 rst_export_format_to_string (format), extra);
    }

  /* The same structure, but for the delivery mark the export adds. */
  kinds = structure_kinds (analysis);
  if (manuscript->delivery_mark != NULL && !has_kind (want, "delivery-mark"))
    for (guint i = 0; i < kinds->len; i++)
      if (g_str_equal (g_ptr_array_index (kinds, i), "delivery-mark"))
        {
          g_ptr_array_remove_index (kinds, i);
          break;
        }
  want_text = join_kinds (want);
  kinds_text = join_kinds (kinds);
  g_assert_cmpstr (kinds_text, ==, want_text);

  /* No paragraph cut in two that was one. */
  g_assert_cmpuint (count_code (analysis, "split-paragraph"), <=, count_code (original, "split-paragraph"));

  /* The export was only read. */
  g_assert_true (g_file_query_exists (exported, NULL));
}

static void
test_own_exports (gconstpointer data)
{
  RstExportFormat format = GPOINTER_TO_INT (data);
  g_autoptr(GFile) dir = rst_test_scratch_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    assert_round_trip (statements[i], format, dir);
}

/* LibreOffice's reading of a DOCX or ODT, as UTF-8 text, from a profile
 * and an environment of its own: the tests' G_DEBUG=fatal-warnings and
 * isolated HOME are not LibreOffice's business, and a drafter's own
 * LibreOffice settings must not change what the test sees.
 */
static GHashTable *
soffice_read (const char        *soffice,
              const char * const *paths,
              guint              n_paths)
{
  g_autofree char *tmp = g_dir_make_tmp ("rostrum-soffice-XXXXXX", NULL);
  g_autofree char *profile = g_build_filename (tmp, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *home = g_strconcat ("HOME=", tmp, NULL);
  const char *envp[] = { "PATH=/usr/bin:/bin", home, "LANG=C.UTF-8", "TZ=UTC", NULL };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status = 0;

  g_assert_nonnull (tmp);
  g_ptr_array_add (argv, (gpointer) soffice);
  g_ptr_array_add (argv, user_installation);
  g_ptr_array_add (argv, (gpointer) "--headless");
  g_ptr_array_add (argv, (gpointer) "--norestore");
  g_ptr_array_add (argv, (gpointer) "--convert-to");
  g_ptr_array_add (argv, (gpointer) "txt:Text (encoded):UTF8");
  g_ptr_array_add (argv, (gpointer) "--outdir");
  g_ptr_array_add (argv, tmp);
  /* Each under a name of its own: a statement's .docx and .odt would
   * both become STATEMENT.txt.
   */
  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      char *copy = g_strdup_printf ("%s/in-%u%s", tmp, i, strrchr (paths[i], '.'));

      g_file_get_contents (paths[i], &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (copy, contents, length, &error);
      g_assert_no_error (error);
      g_ptr_array_add (argv, copy);
      g_ptr_array_add (copies, copy);
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmp, (char **) argv->pdata, (char **) envp,
                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/in-%u.txt", tmp, i);
      char *contents = NULL;

      g_file_get_contents (out, &contents, NULL, &error);
      g_assert_no_error (error);
      g_hash_table_insert (texts, g_strdup (paths[i]), contents);
      g_unlink (out);
      g_unlink (g_ptr_array_index (copies, i));
    }

  /* The profile, and what LibreOffice put in the HOME it was given. */
  {
    const char *rm[] = { "rm", "-rf", tmp, NULL };
    int rm_status = 0;

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &rm_status, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }

  return texts;
}

/* The characters to compare: no white space, and no digits
 * (LibreOffice's text export glues a footnote's number to the word it
 * follows, "session1,").
 */
static GArray *
characters (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* LibreOffice starts its UTF-8 with a byte order mark. */
      if (g_unichar_isspace (c) || g_unichar_isdigit (c) || c == 0xFEFF || c == 0xA0)
        continue;
      g_array_append_val (out, c);
    }

  return out;
}

/* Every character of @ours, in order, in @theirs: LibreOffice's text
 * also has what a statement leaves out (tracked deletions, which it
 * prints next to the insertions, "troisdeux"; list numbers; footnotes),
 * never less, and never in another order.
 */
static gboolean
is_subsequence (const char *ours,
                const char *theirs)
{
  g_autoptr(GArray) a = characters (ours);
  g_autoptr(GArray) b = characters (theirs);
  guint j = 0;

  for (guint i = 0; i < a->len; i++)
    {
      gunichar c = g_array_index (a, gunichar, i);

      while (j < b->len && g_array_index (b, gunichar, j) != c)
        j++;
      if (j == b->len)
        {
          g_autoptr(GString) rest = g_string_new (NULL);

          for (guint k = i; k < a->len && k < i + 24; k++)
            g_string_append_unichar (rest, g_array_index (a, gunichar, k));
          g_test_message ("LibreOffice has no “%s…” where the import has it", rest->str);
          return FALSE;
        }
      j++;
    }

  /* Not a few letters picked all over a longer text. */
  return a->len * 10 >= b->len * 8;
}

static char *
import_words (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = rst_import_file (file, NULL, &error);
  g_autoptr(RstAnalysis) analysis = NULL;
  GString *out;
  const char *body;

  g_assert_no_error (error);
  analysis = rst_analysis_new (markdown, -1, NULL);
  body = rst_analysis_get_text (analysis) + rst_analysis_get_body_offset (analysis);
  out = g_string_new (NULL);
  for (const char *p = body; *p != '\0'; p++)
    {
      /* Markup and its escapes are not words; a table row's " | " is
       * LibreOffice's tab.
       */
      if (*p == '*' || *p == '\\' || *p == '|')
        continue;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GDir) fixtures = NULL;
  g_autofree char *fixture_dir = g_test_build_filename (G_TEST_DIST, "import-fixtures", NULL);
  guint n_own;
  const char *name;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed");
      return;
    }

  /* Our own DOCX and ODT of the six statements, then the fixtures. */
  dir = rst_test_scratch_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    for (RstExportFormat format = RST_EXPORT_DOCX; format <= RST_EXPORT_ODT; format++)
      {
        g_autofree char *source = read_corpus (statements[i]);
        g_autoptr(RstAnalysis) analysis = rst_test_analyse (source);
        g_autofree char *file_name = g_strdup_printf ("%s.%s", statements[i], rst_export_format_get_extension (format));
        g_autoptr(GFile) file = g_file_get_child (dir, file_name);
        g_autoptr(GError) error = NULL;

        g_assert_true (rst_export_to_file (analysis, format, file, NULL, NULL, &error));
        g_assert_no_error (error);
        g_ptr_array_add (paths, g_file_get_path (file));
      }
  n_own = paths->len;

  fixtures = g_dir_open (fixture_dir, 0, NULL);
  g_assert_nonnull (fixtures);
  while ((name = g_dir_read_name (fixtures)) != NULL)
    if ((g_str_has_suffix (name, ".docx") || g_str_has_suffix (name, ".odt")) &&
        !g_str_has_prefix (name, "password"))
      g_ptr_array_add (paths, g_build_filename (fixture_dir, name, NULL));

  texts = soffice_read (soffice, (const char * const *) paths->pdata, paths->len);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *ours = import_words (path);
      const char *theirs = g_hash_table_lookup (texts, path);

      g_test_message ("%s", path);
      if (i < n_own)
        {
          /* Our exports hold nothing a statement leaves out. */
          g_autofree char *a = rst_test_squeeze (ours, NULL);
          g_autofree char *b = rst_test_squeeze (theirs, "\xef\xbb\xbf");

          g_assert_cmpstr (a, ==, b);
        }
      else
        g_assert_true (is_subsequence (ours, theirs));
    }
}

/* Real protected files (see the fixtures' README): a PDF with an open
 * password made by qpdf, an ODT saved with a password by LibreOffice.
 * Refused through the API and the command line, and nothing written.
 */
static void
test_password (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import-fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) output = g_file_get_child (dir, "statement.md");
  g_autofree char *output_path = g_file_get_path (output);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = rst_import_file (file, NULL, &error);
  g_auto(RstTestRun) run = { 0 };

  g_assert_null (text);
  g_assert_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED);

  expected = g_strdup_printf ("rostrum: %s: %s\n", path, error->message);
  rst_test_run_rostrum (&run, "--import", path, "--output", output_path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_query_exists (output, NULL));
  g_assert_cmpuint (rst_test_count_children (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-roundtrip/own-export/%s",
                                               rst_export_format_to_string (formats[i]));

      g_test_add_data_func (path, GINT_TO_POINTER (formats[i]), test_own_exports);
    }
  g_test_add_func ("/import-roundtrip/libreoffice", test_libreoffice);
  g_test_add_data_func ("/import-roundtrip/password/pdf", "password.pdf", test_password);
  g_test_add_data_func ("/import-roundtrip/password/odt", "password.odt", test_password);

  return g_test_run ();
}
