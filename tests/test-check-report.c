/* test-check-report.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-check-report.h"
#include "rst-council-list.h"
#include "rst-text-file.h"
#include "rst-timing.h"

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
}

/* As `rostrum --check` reads a file: the text file reader, then the
 * analysis.
 */
static RstAnalysis *
load_fixture (void)
{
  g_autofree char *path = fixture_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  bytes = rst_text_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);

  return rst_analysis_new (data, length, NULL);
}

static RstAnalysis *
parse (const char *text)
{
  RstAnalysis *analysis = rst_analysis_new (text, -1, NULL);

  g_assert_nonnull (analysis);
  return analysis;
}

static JsonObject *
nth_file (JsonNode *root,
          guint     index)
{
  JsonArray *files = json_object_get_array_member (json_node_get_object (root), "files");

  g_assert_cmpuint (json_array_get_length (files), >, index);
  return json_array_get_object_element (files, index);
}

static char *
write_temp (const char *basename,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), basename, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_element_text (void)
{
  g_autoptr(RstAnalysis) analysis = load_fixture ();
  const RstElement *elements;
  guint n_elements = 0;
  gboolean seen_heading = FALSE;
  gboolean seen_closing = FALSE;

  elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), &n_elements);
  g_assert_cmpuint (n_elements, >, 0);

  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *text = rst_analysis_dup_element_text (analysis, &elements[i]);

      /* Trimmed, one line, no markup. */
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_null (strchr (text, '*'));
      g_assert_null (strchr (text, '\n'));
      g_assert_null (strstr (text, "  "));
      if (text[0] != '\0')
        {
          g_assert_false (g_ascii_isspace (text[0]));
          g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
        }

      if (elements[i].kind == RST_ELEMENT_HEADING)
        {
          /* The bold two-line heading of the fixture reads as one line. */
          g_assert_cmpstr (text, ==,
                           "Statement by H.E. Ambassador Chen Xu at the 114th Session of the Council of IOM");
          seen_heading = TRUE;
        }
      else if (elements[i].kind == RST_ELEMENT_CLOSING)
        {
          g_assert_cmpstr (text, ==, "I thank you.");
          seen_closing = TRUE;
        }
    }

  g_assert_true (seen_heading);
  g_assert_true (seen_closing);
}

static void
test_element_text_markup (void)
{
  static const char text[] = "  **Mr.   *President*,**\n\tsee 2 \\* 3  ";
  g_autoptr(RstAnalysis) analysis = parse (text);
  RstElement element = { 0, };
  g_autofree char *stripped = NULL;
  g_autofree char *empty = NULL;

  element.kind = RST_ELEMENT_SALUTATION;
  element.start = 0;
  element.end = strlen (text);
  stripped = rst_analysis_dup_element_text (analysis, &element);
  g_assert_cmpstr (stripped, ==, "Mr. President, see 2 * 3");

  /* An empty range, and one of only markup and space, read as nothing. */
  element.end = 0;
  empty = rst_analysis_dup_element_text (analysis, &element);
  g_assert_cmpstr (empty, ==, "");
  g_free (empty);
  element.end = strlen ("  **");
  empty = rst_analysis_dup_element_text (analysis, &element);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_text_lines (void)
{
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autoptr(RstAnalysis) analysis = load_fixture ();
  g_autoptr(RstAnalysis) again = load_fixture ();
  GPtrArray *diagnostics;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (rst_check_report_get_n_files (report), ==, 0);
  rst_check_report_add (report, "china.txt", analysis);
  g_assert_cmpuint (rst_check_report_get_n_files (report), ==, 1);
  text = rst_check_report_to_text (report);

  /* The findings of an analysis of the same text, one line each. */
  diagnostics = rst_analysis_get_diagnostics (again);
  g_assert_cmpuint (diagnostics->len, >, 0);
  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, diagnostics->len + 1);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *expected = NULL;
      guint line, column;

      rst_analysis_locate (again, rst_diagnostic_get_start (diagnostic), &line, &column);
      expected = g_strdup_printf ("china.txt:%u:%u: %s: %s [%s]", line, column,
                                  rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)),
                                  rst_diagnostic_get_message (diagnostic),
                                  rst_diagnostic_get_code (diagnostic));
      g_assert_cmpstr (lines[i], ==, expected);
    }

  /* The fixture's two paragraphs split in the middle (test-checker). */
  g_assert_cmpuint (diagnostics->len, ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "china.txt:10:"));
  g_assert_nonnull (strstr (lines[0], ": warning: "));
  g_assert_true (g_str_has_suffix (lines[0], " [split-paragraph]"));
  g_assert_true (g_str_has_prefix (lines[1], "china.txt:18:"));
  g_assert_true (g_str_has_suffix (lines[1], " [split-paragraph]"));

  /* The fixture's findings are warnings. */
  g_assert_false (rst_check_report_has_errors (report));

  /* Files follow each other in the order added; a file without findings
   * has no line, one given twice has its lines twice.
   */
  {
    g_autoptr(RstAnalysis) clean = parse ("**Statement by Peru**\n\nMr. Chair,\n\n"
                                          "At the outset, we congratulate you.\n\n"
                                          "First, peace.\n\nSecond, health.\n\nThank you, Mr. Chair.\n");
    g_autofree char *two = NULL;

    rst_check_report_add (report, "clean.md", clean);
    rst_check_report_add (report, "china.txt", again);
    g_assert_cmpuint (rst_check_report_get_n_files (report), ==, 3);
    two = rst_check_report_to_text (report);
    g_assert_true (g_str_has_prefix (two, text));
    g_assert_cmpstr (two + strlen (text), ==, text);
  }
}

static void
test_json (void)
{
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autoptr(RstAnalysis) analysis = load_fixture ();
  g_autoptr(RstAnalysis) second = NULL;
  RstStatement *statement = rst_analysis_get_statement (analysis);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const RstElement *elements;
  JsonObject *root;
  JsonArray *files;
  JsonObject *file;
  JsonArray *structure;
  JsonArray *diagnostics;
  guint n_elements = 0;
  guint words;

  second = parse ("---\ncouncil: hrc\ntime-limit: 1:30\n---\n"
                  "Mr. President,\n\nWe align ourselves with the statement of the group.\n\nI thank you.\n");
  rst_check_report_add (report, "china.txt", analysis);
  rst_check_report_add (report, "hrc.md", second);

  /* Through the text, as a consumer of `--json` reads it. */
  json = rst_check_report_to_json_string (report);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  file = json_array_get_object_element (files, 0);
  words = rst_statement_get_word_count (statement);
  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, "china.txt");
  g_assert_cmpint (json_object_get_int_member (file, "words"), ==, words);
  g_assert_cmpint (words, >, 300);
  /* No front matter: the heading names the IOM Council, whose limit
   * (5:00) and pace (120 words a minute) apply.
   */
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_timing_estimate_seconds (words, 120.0));
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_analysis_get_speaking_seconds (analysis));
  /* What the analysis found: the language of the words, and the council
   * and session the heading names ("at the 114th Session of the Council
   * of IOM").
   */
  g_assert_cmpstr (json_object_get_string_member (file, "lang"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "iom");
  g_assert_cmpint (json_object_get_int_member (file, "session"), ==, 114);

  elements = rst_statement_get_elements (statement, &n_elements);
  structure = json_object_get_array_member (file, "structure");
  g_assert_cmpuint (json_array_get_length (structure), ==, n_elements);
  for (guint i = 0; i < n_elements; i++)
    {
      JsonObject *element = json_array_get_object_element (structure, i);
      guint line, column;

      g_autofree char *text = rst_analysis_dup_element_text (analysis, &elements[i]);

      rst_analysis_locate (analysis, elements[i].start, &line, &column);
      g_assert_cmpstr (json_object_get_string_member (element, "kind"), ==,
                       rst_element_kind_to_string (elements[i].kind));
      g_assert_cmpint (json_object_get_int_member (element, "line"), ==, line);
      g_assert_cmpstr (json_object_get_string_member (element, "text"), ==, text);
    }

  diagnostics = json_object_get_array_member (file, "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), >, 0);
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);
      static const char * const members[] = {
        "code", "severity", "line", "column", "end_line", "end_column", "message", "fixes",
      };

      for (guint j = 0; j < G_N_ELEMENTS (members); j++)
        g_assert_true (json_object_has_member (diagnostic, members[j]));

      g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (diagnostic, "column"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (diagnostic, "end_line"), >=,
                       json_object_get_int_member (diagnostic, "line"));
    }

  /* The document's limit beats the council's; the council's pace stays. */
  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, "hrc.md");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 90);
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_timing_estimate_seconds (rst_statement_get_word_count (rst_analysis_get_statement (second)),
                                                120.0));
  g_assert_cmpstr (json_object_get_string_member (file, "lang"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "hrc");
  /* Neither the front matter nor a heading says the session. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (file, "session")));
}

static const char *
first_code (RstCheckReport *report,
            const char     *code,
            JsonObject    **found)
{
  g_autoptr(JsonNode) root = rst_check_report_to_json (report);
  JsonArray *files = json_object_get_array_member (json_node_get_object (root), "files");
  JsonArray *diagnostics;

  diagnostics = json_object_get_array_member (json_array_get_object_element (files, 0), "diagnostics");
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);

      if (g_strcmp0 (json_object_get_string_member (diagnostic, "code"), code) == 0)
        {
          *found = json_object_ref (diagnostic);
          return code;
        }
    }

  return NULL;
}

static void
test_council_unknown (void)
{
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(JsonObject) diagnostic = NULL;
  g_autoptr(JsonNode) root = NULL;

  analysis = parse ("---\ntitle: Statement\ncouncil: UNESCO-EB\n---\n"
                    "Madam Chairperson,\n\nWe thank the Secretariat.\n\nI thank you.\n");
  rst_check_report_add (report, "eb.md", analysis);

  /* Named but unknown: no council id, the generic profile's limit. */
  root = rst_check_report_to_json (report);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (nth_file (root, 0), "council")));
  g_assert_cmpint (json_object_get_int_member (nth_file (root, 0), "time_limit_seconds"), ==, 300);
  g_assert_false (rst_check_report_has_errors (report));

  g_assert_nonnull (first_code (report, RST_CODE_COUNCIL_UNKNOWN, &diagnostic));
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "info");
  /* It points at the value in the front matter: line 3, after "council: ". */
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (diagnostic, "column"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (diagnostic, "end_column"), ==, 10 + strlen ("UNESCO-EB"));
  g_assert_nonnull (strstr (json_object_get_string_member (diagnostic, "message"), "UNESCO-EB"));
}

static void
test_council_forced (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  RstCouncil *wha = rst_council_list_lookup (councils, "wha", NULL);
  const char *text = "---\ncouncil: IOM\n---\nMr. President,\n\nWe thank the Director-General.\n\nI thank you.\n";
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *file;

  g_assert_nonnull (wha);

  /* The front matter says IOM in capitals; --council says WHA and wins. */
  rst_analysis_context_set_council (context, wha);
  analysis = rst_analysis_new (text, -1, context);
  rst_check_report_add (report, "wha.md", analysis);

  root = rst_check_report_to_json (report);
  file = nth_file (root, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "wha");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 180);
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_timing_estimate_seconds (rst_statement_get_word_count (rst_analysis_get_statement (analysis)),
                                                110.0));

  /* Without --council, "IOM" finds the iom profile. */
  g_clear_object (&report);
  g_clear_object (&analysis);
  g_clear_pointer (&root, json_node_unref);
  analysis = parse (text);
  report = rst_check_report_new ();
  rst_check_report_add (report, "iom.md", analysis);
  root = rst_check_report_to_json (report);
  file = nth_file (root, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "iom");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 300);

  /* Nor only ids: the short name or the name the drafter knows. */
  g_clear_object (&analysis);
  g_clear_object (&report);
  g_clear_pointer (&root, json_node_unref);
  analysis = parse ("---\ncouncil: Human Rights Council\n---\nMr. President,\n\nWe thank you.\n\nI thank you.\n");
  report = rst_check_report_new ();
  rst_check_report_add (report, "hrc.md", analysis);
  root = rst_check_report_to_json (report);
  file = nth_file (root, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "hrc");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 180);
  {
    g_autoptr(JsonObject) unknown = NULL;

    g_assert_null (first_code (report, RST_CODE_COUNCIL_UNKNOWN, &unknown));
  }
}

static void
test_errors_found (void)
{
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(JsonObject) diagnostic = NULL;

  g_assert_false (rst_check_report_has_errors (report));
  analysis = parse ("**Statement by {{Head of delegation}}**\n\n"
                    "Mr. Chairperson,\n\nWe thank the Director-General.\n\nI thank you.\n");
  rst_check_report_add (report, "draft.md", analysis);

  g_assert_true (rst_check_report_has_errors (report));
  g_assert_nonnull (first_code (report, "placeholder-unfilled", &diagnostic));
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 1);
}

/* A front matter that cannot be read is reported as an error of the
 * file, and its body is still checked.
 */
static void
test_front_matter_invalid (void)
{
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(JsonObject) diagnostic = NULL;
  g_autoptr(JsonObject) placeholder = NULL;
  g_autofree char *text = NULL;

  analysis = parse ("---\ntitle: [unclosed\n---\n**Statement by {{Head of delegation}}**\n\n"
                    "Mr. Chairperson,\n\nWe agree.\n\nI thank you.\n");
  rst_check_report_add (report, "broken.md", analysis);

  g_assert_true (rst_check_report_has_errors (report));
  g_assert_nonnull (first_code (report, RST_CODE_FRONT_MATTER_INVALID, &diagnostic));
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (diagnostic, "message"), "Line 2"));
  g_assert_nonnull (first_code (report, "placeholder-unfilled", &placeholder));
  g_assert_cmpint (json_object_get_int_member (placeholder, "line"), ==, 4);

  text = rst_check_report_to_text (report);
  g_assert_true (g_str_has_prefix (text, "broken.md:1:1: error: Line 2"));
  g_assert_nonnull (strstr (text, " [front-matter-invalid]\n"));
}

/* Files that are no statement never become an analysis: the text file
 * reader refuses them with a phrase the command line puts after the name.
 */
static void
test_bad_input (void)
{
  static const char invalid[] = "Mr. Chairperson,\n\nWe thank\n the \xff\xfe Secretariat.\n";
  static const char binary[] = "Mr.\0Chair";
  g_autofree char *invalid_path = write_temp ("invalid.md", invalid, sizeof invalid - 1);
  g_autofree char *binary_path = write_temp ("binary.md", binary, sizeof binary);
  g_autofree char *pdf_path = write_temp ("statement.md", "%PDF-1.7\n", -1);
  g_autofree char *missing_path = g_build_filename (g_get_user_cache_dir (), "missing.md", NULL);
  const struct {
    const char *path;
    GQuark      domain;
    int         code;
    const char *mentions;
  } cases[] = {
    { invalid_path, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8, "line 4" },
    { binary_path, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY, "binary" },
    { pdf_path, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY, "binary" },
    { missing_path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no such file" },
    { g_get_user_cache_dir (), G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "folder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *lower = NULL;

      bytes = rst_text_file_load (file, NULL, &error);
      g_test_message ("%s: %s", cases[i].path, error != NULL ? error->message : "(read)");
      g_assert_null (bytes);
      g_assert_error (error, cases[i].domain, cases[i].code);
      /* A phrase without the file's name, on one line. */
      g_assert_null (strstr (error->message, cases[i].path));
      lower = g_utf8_strdown (error->message, -1);
      g_assert_nonnull (strstr (lower, cases[i].mentions));
      g_assert_null (strchr (error->message, '\n'));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/check-report/element-text", test_element_text);
  g_test_add_func ("/check-report/element-text-markup", test_element_text_markup);
  g_test_add_func ("/check-report/text-lines", test_text_lines);
  g_test_add_func ("/check-report/json", test_json);
  g_test_add_func ("/check-report/council-unknown", test_council_unknown);
  g_test_add_func ("/check-report/council-forced", test_council_forced);
  g_test_add_func ("/check-report/errors-found", test_errors_found);
  g_test_add_func ("/check-report/front-matter-invalid", test_front_matter_invalid);
  g_test_add_func ("/check-report/bad-input", test_bad_input);

  return g_test_run ();
}
