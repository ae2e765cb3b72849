/* test-analysis.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RstAnalysis, the one way from a text to what Rostrum knows of it:
 * details, language, council, structure, diagnostics, outline and timing.
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-check-report.h"

static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
has_code (RstAnalysis *analysis,
          const char  *code)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);

  for (guint i = 0; i < diagnostics->len; i++)
    if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code))
      return TRUE;
  return FALSE;
}

static RstDiagnostic *
find_code (RstAnalysis *analysis,
           const char  *code)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);

  for (guint i = 0; i < diagnostics->len; i++)
    if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code))
      return g_ptr_array_index (diagnostics, i);
  return NULL;
}

/* The real statement: its heading tells the session, the generic profile
 * gives the limit since it names no council in a front matter.
 */
static void
test_fixture (void)
{
  g_autofree char *text = read_fixture ();
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  RstStatement *statement = rst_analysis_get_statement (analysis);
  g_autofree char *timing = NULL;
  guint n_elements = 0;
  const RstElement *elements = rst_statement_get_elements (statement, &n_elements);
  guint priorities = 0;

  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "en");
  g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 114);
  g_assert_true (rst_analysis_is_from_heading (analysis, RST_DETAIL_SESSION));
  g_assert_cmpstr (rst_analysis_get_detail (analysis, RST_DETAIL_SESSION), ==, "114");
  g_assert_cmpuint (rst_details_get_size (rst_analysis_get_front_matter (analysis)), ==, 0);
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, 0);

  g_assert_cmpuint (elements[0].kind, ==, RST_ELEMENT_HEADING);
  g_assert_cmpuint (elements[n_elements - 1].kind, ==, RST_ELEMENT_CLOSING);
  for (guint i = 0; i < n_elements; i++)
    priorities += elements[i].kind == RST_ELEMENT_PRIORITY;
  g_assert_cmpuint (priorities, ==, 4);

  /* The two page breaks of the PDF copy, nothing else at warning level. */
  g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR), ==, 0);
  g_assert_false (rst_analysis_has_errors (analysis));
  g_assert_true (has_code (analysis, "split-paragraph"));

  g_assert_cmpuint (rst_analysis_get_timing_unit (analysis), ==, RST_TIMING_UNIT_WORDS);
  g_assert_cmpuint (rst_analysis_get_units (analysis), ==, rst_statement_get_word_count (statement));
  g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
  g_assert_cmpuint (rst_analysis_get_speaking_seconds (analysis), ==,
                    rst_timing_estimate_seconds (rst_analysis_get_units (analysis),
                                                 rst_analysis_get_units_per_minute (analysis)));
  timing = rst_analysis_dup_timing_text (analysis);
  g_assert_true (g_str_has_suffix (timing, " of 5:00 · 394 words"));

  /* Outline: heading, salutation, opening, four priorities, return, closing. */
  g_assert_cmpuint (rst_analysis_get_outline (analysis)->len, ==, 9);
}

static void
test_front_matter_details (void)
{
  const char *text =
    "---\n"
    "council: IOM\n"
    "session: 115\n"
    "chair: Chairperson\n"
    "chair-form: Madam\n"
    "lang: en\n"
    "---\n"
    "First, we will act.\n";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  RstDiagnostic *missing;
  GPtrArray *fixes;

  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_cmpstr (rst_council_get_id (rst_analysis_get_council (analysis)), ==, "iom");
  g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 115);
  g_assert_false (rst_analysis_is_from_heading (analysis, RST_DETAIL_SESSION));
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, strstr (text, "First") - text);
  g_assert_cmpuint (rst_details_get_size (rst_analysis_get_front_matter (analysis)), ==, 5);

  /* The salutation fix is written from the details. */
  missing = find_code (analysis, "salutation-missing");
  g_assert_nonnull (missing);
  fixes = rst_diagnostic_get_fixes (missing);
  g_assert_cmpuint (fixes->len, ==, 1);
  g_assert_cmpstr (((RstFix *) g_ptr_array_index (fixes, 0))->replacement, ==, "Madam Chairperson,\n\n");
}

/* A front matter that cannot be read keeps the body checked. */
static void
test_front_matter_invalid (void)
{
  const char *text =
    "---\n"
    "council: [iom\n"
    "---\n"
    "**Statement by the delegation**\n"
    "\n"
    "Mr. President,\n"
    "\n"
    "First, we will act.\n"
    "\n"
    "Third, we will act again.\n";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  RstDiagnostic *invalid = find_code (analysis, RST_CODE_FRONT_MATTER_INVALID);
  guint line = 0;

  g_assert_nonnull (invalid);
  g_assert_cmpuint (rst_diagnostic_get_severity (invalid), ==, RST_SEVERITY_ERROR);
  rst_analysis_locate (analysis, rst_diagnostic_get_start (invalid), &line, NULL);
  g_assert_cmpuint (line, ==, 1);
  g_assert_true (rst_analysis_has_errors (analysis));

  /* The body after the block is still analysed. */
  g_assert_true (has_code (analysis, "ordinal-sequence"));
  g_assert_cmpuint (rst_details_get_size (rst_analysis_get_details (analysis)), ==, 0);

  /* Never closed: all of it is the statement. */
  {
    g_autoptr(RstAnalysis) unclosed = rst_analysis_new ("---\ntitle: x\n\nMr. President,\n", -1, NULL);

    g_assert_true (has_code (unclosed, RST_CODE_FRONT_MATTER_INVALID));
    g_assert_cmpuint (rst_analysis_get_body_offset (unclosed), ==, 0);
  }
}

static void
test_council_unknown (void)
{
  const char *text = "---\ncouncil: UNESCO-EB\n---\nMr. President,\n\nWe agree.\n\nI thank you.\n";
  g_autoptr(RstAnalysisContext) hidden = rst_analysis_context_new ();
  const char * const codes[] = { RST_CODE_COUNCIL_UNKNOWN, NULL };
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  g_autoptr(RstAnalysis) quiet = NULL;
  RstDiagnostic *unknown = find_code (analysis, RST_CODE_COUNCIL_UNKNOWN);

  g_assert_nonnull (unknown);
  g_assert_cmpuint (rst_diagnostic_get_severity (unknown), ==, RST_SEVERITY_INFO);
  g_assert_nonnull (strstr (rst_diagnostic_get_message (unknown), "UNESCO-EB"));
  /* It points at the value, not the first line. */
  g_assert_cmpuint (rst_diagnostic_get_start (unknown), ==, strstr (text, "UNESCO") - text);
  g_assert_null (rst_analysis_get_council_id (analysis));
  g_assert_cmpstr (rst_council_get_id (rst_analysis_get_council (analysis)), ==, "generic");

  /* Preferences can switch the hint off; warnings cannot be hidden. */
  rst_analysis_context_set_hidden_codes (hidden, codes);
  quiet = rst_analysis_new (text, -1, hidden);
  g_assert_false (has_code (quiet, RST_CODE_COUNCIL_UNKNOWN));
}

/* Names, short names and ids in any case mean the same profile. */
static void
test_council_names (void)
{
  static const char * const named[] = { "hrc", "HRC", "Human Rights Council", " human rights council " };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\ncouncil: \"%s\"\n---\nMr. President,\n", named[i]);
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);

      g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "hrc");
      g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 180);
      g_assert_false (has_code (analysis, RST_CODE_COUNCIL_UNKNOWN));
    }
}

static void
test_context (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  g_autoptr(GString) text = g_string_new ("---\ncouncil: iom\n---\nMr. Chairperson,\n\n");
  g_autoptr(RstAnalysis) council_pace = NULL;
  g_autoptr(RstAnalysis) forced = NULL;
  g_autoptr(RstAnalysis) slow = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "word ");
  g_string_append (text, "\n\nI thank you.\n");

  council_pace = rst_analysis_new (text->str, text->len, NULL);
  g_assert_cmpstr (rst_analysis_get_council_id (council_pace), ==, "iom");
  g_assert_false (has_code (council_pace, "over-time"));

  /* --council wins over the front matter: three minutes at the HRC. */
  rst_analysis_context_set_council (context, rst_council_list_lookup (councils, "hrc", NULL));
  forced = rst_analysis_new (text->str, text->len, context);
  g_assert_cmpstr (rst_analysis_get_council_id (forced), ==, "hrc");
  g_assert_cmpuint (rst_analysis_get_time_limit (forced), ==, 180);
  g_assert_true (has_code (forced, "over-time"));

  /* The drafter's own pace wins over the council's. */
  rst_analysis_context_set_council (context, NULL);
  rst_analysis_context_set_words_per_minute (context, 60.0);
  slow = rst_analysis_new (text->str, text->len, context);
  g_assert_cmpfloat (rst_analysis_get_units_per_minute (slow), ==, 60.0);
  g_assert_cmpuint (rst_analysis_get_speaking_seconds (slow), ==,
                    rst_timing_estimate_seconds (rst_analysis_get_units (slow), 60.0));
  g_assert_true (has_code (slow, "over-time"));

  /* Each unit has its own pace: words in English, characters in
   * Chinese; neither applies to the other.
   */
  {
    g_autoptr(RstAnalysisContext) paces = rst_analysis_context_new ();
    g_autoptr(RstAnalysis) chinese = NULL;
    g_autoptr(RstAnalysis) english = NULL;
    g_autoptr(RstAnalysis) chinese_own = NULL;
    g_autoptr(RstAnalysis) english_own = NULL;
    const char *zh = "---\nlang: zh\n---\n主席先生：\n\n中方愿同各方一道，推动移民治理。\n\n谢谢主席。\n";
    double chinese_default, english_default;

    chinese = rst_analysis_new (zh, -1, paces);
    english = rst_analysis_new (text->str, text->len, paces);
    chinese_default = rst_analysis_get_units_per_minute (chinese);
    english_default = rst_analysis_get_units_per_minute (english);
    g_assert_cmpint (rst_analysis_get_timing_unit (chinese), ==, RST_TIMING_UNIT_CHARACTERS);

    rst_analysis_context_set_words_per_minute (paces, 60.0);
    g_clear_object (&chinese);
    chinese = rst_analysis_new (zh, -1, paces);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (chinese), ==, chinese_default);

    rst_analysis_context_set_words_per_minute (paces, 0.0);
    rst_analysis_context_set_characters_per_minute (paces, 90.0);
    chinese_own = rst_analysis_new (zh, -1, paces);
    english_own = rst_analysis_new (text->str, text->len, paces);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (chinese_own), ==, 90.0);
    g_assert_cmpuint (rst_analysis_get_speaking_seconds (chinese_own), ==,
                      rst_timing_estimate_seconds (rst_analysis_get_units (chinese_own), 90.0));
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (english_own), ==, english_default);

    /* A copy of the context keeps both. */
    {
      g_autoptr(RstAnalysisContext) copy = rst_analysis_context_copy (paces);

      g_assert_cmpfloat (rst_analysis_context_get_characters_per_minute (copy), ==, 90.0);
    }
  }
}

/* A limit that cannot be read is said, and the council's is used. */
static void
test_time_limit_invalid (void)
{
  static const char * const limits[] = { "abc", "-5", "99999:99", "3:7" };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\ncouncil: hrc\ntime-limit: \"%s\"\n---\nMr. President,\n",
                                               limits[i]);
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
      RstDiagnostic *invalid = find_code (analysis, RST_CODE_TIME_LIMIT_INVALID);

      g_assert_nonnull (invalid);
      g_assert_cmpuint (rst_diagnostic_get_severity (invalid), ==, RST_SEVERITY_WARNING);
      g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 180);
    }

  {
    g_autoptr(RstAnalysis) good = rst_analysis_new ("---\ntime-limit: 4:30\n---\nx\n", -1, NULL);

    g_assert_false (has_code (good, RST_CODE_TIME_LIMIT_INVALID));
    g_assert_cmpuint (rst_analysis_get_time_limit (good), ==, 270);
  }
}

/* Lines end at "\n", "\r\n" and a lone "\r"; columns count characters. */
static void
test_locate (void)
{
  const char *text = "Señor,\r\nÉtat\rfin\n第一，好。";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  guint line, column;

  rst_analysis_locate (analysis, strstr (text, "tat") - text, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 2);
  rst_analysis_locate (analysis, strstr (text, "fin") - text, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 1);
  rst_analysis_locate (analysis, strstr (text, "好") - text, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 4);
  g_assert_cmpuint (rst_analysis_get_offset (analysis, 4, 4), ==, strstr (text, "好") - text);
  /* Past the end means the end. */
  rst_analysis_locate (analysis, G_MAXSIZE, &line, NULL);
  g_assert_cmpuint (line, ==, 4);
}

/* A byte order mark is no part of the front matter nor of the body. */
static void
test_byte_order_mark (void)
{
  const char *text = "\xEF\xBB\xBF---\nlang: en\nsession: 12\n---\nMr. President,\n";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);

  g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 12);
  g_assert_false (has_code (analysis, RST_CODE_FRONT_MATTER_INVALID));
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, strstr (text, "Mr.") - text);
}

static void
test_empty (void)
{
  g_autoptr(RstAnalysis) empty = rst_analysis_new ("", 0, NULL);
  g_autoptr(RstAnalysis) null = rst_analysis_new (NULL, 0, NULL);
  g_autofree char *timing = rst_analysis_dup_timing_text (empty);

  /* A draft not yet begun is no faulty one. */
  g_assert_cmpuint (rst_analysis_get_diagnostics (empty)->len, ==, 0);
  g_assert_cmpuint (rst_analysis_get_outline (empty)->len, ==, 0);
  g_assert_cmpstr (rst_analysis_get_language (empty), ==, "en");
  g_assert_cmpuint (rst_analysis_get_units (null), ==, 0);
  g_assert_cmpstr (timing, ==, "0:00 of 5:00 · 0 words");
}

/* What the element text of the report says: markup gone, white space one. */
static void
test_element_text (void)
{
  const char *text = "**Statement by\n  the delegation**\n\nMr. President,\n";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  const RstElement *elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), NULL);
  g_autofree char *heading = rst_analysis_dup_element_text (analysis, &elements[0]);

  g_assert_cmpstr (heading, ==, "Statement by the delegation");
}

/* The command line's report is the analysis, by another printer. */
static void
test_report_is_the_analysis (void)
{
  g_autofree char *text = read_fixture ();
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  g_autoptr(RstCheckReport) report = rst_check_report_new ();
  g_autofree char *lines = NULL;
  g_auto(GStrv) split = NULL;

  rst_check_report_add (report, "china.txt", analysis);
  lines = rst_check_report_to_text (report);
  split = g_strsplit (lines, "\n", -1);
  g_assert_cmpuint (g_strv_length (split) - 1, ==, rst_analysis_get_diagnostics (analysis)->len);
  for (guint i = 0; split[i] != NULL && split[i][0] != '\0'; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (rst_analysis_get_diagnostics (analysis), i);
      g_autofree char *code = g_strdup_printf ("[%s]", rst_diagnostic_get_code (diagnostic));

      g_assert_true (g_str_has_suffix (split[i], code));
      g_assert_nonnull (strstr (split[i], rst_diagnostic_get_message (diagnostic)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/analysis/fixture", test_fixture);
  g_test_add_func ("/analysis/front-matter-details", test_front_matter_details);
  g_test_add_func ("/analysis/front-matter-invalid", test_front_matter_invalid);
  g_test_add_func ("/analysis/council-unknown", test_council_unknown);
  g_test_add_func ("/analysis/council-names", test_council_names);
  g_test_add_func ("/analysis/context", test_context);
  g_test_add_func ("/analysis/time-limit-invalid", test_time_limit_invalid);
  g_test_add_func ("/analysis/locate", test_locate);
  g_test_add_func ("/analysis/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/analysis/empty", test_empty);
  g_test_add_func ("/analysis/element-text", test_element_text);
  g_test_add_func ("/analysis/report", test_report_is_the_analysis);

  return g_test_run ();
}
