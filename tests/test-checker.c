/* test-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-text-file.h"

/* A statement every rule accepts; tests change one thing in it. */
#define HEADING     "**Statement by the delegation of Peru**\n\n"
#define SALUTATION  "Mr. Chair,\n\n"
#define OPENING     "At the outset, we congratulate you on your election.\n\n"
#define PRIORITIES  "First, peace.\n\nSecond, health.\n\n"
#define CLOSING     "Thank you, Mr. Chair."
#define GOOD        HEADING SALUTATION OPENING PRIORITIES CLOSING

/* The diagnostics of the analysis of @text, which is where the checker
 * runs: the checker's own and the analysis' (council, front matter,
 * time limit), sorted.
 */
static GPtrArray *
check_text (const char          *text,
            RstAnalysisContext  *context,
            RstAnalysis        **out_analysis)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, context);
  GPtrArray *diagnostics;

  g_assert_nonnull (analysis);
  diagnostics = g_ptr_array_ref (rst_analysis_get_diagnostics (analysis));

  /* Every result of every test is sorted and inside the text. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (rst_diagnostic_get_start (d), <=, rst_diagnostic_get_end (d));
      g_assert_cmpuint (rst_diagnostic_get_end (d), <=, strlen (text));
      if (i > 0)
        g_assert_cmpuint (rst_diagnostic_get_start (g_ptr_array_index (diagnostics, i - 1)), <=,
                          rst_diagnostic_get_start (d));
      g_test_message ("%s: %s", rst_diagnostic_get_code (d), rst_diagnostic_get_message (d));
    }

  if (out_analysis != NULL)
    *out_analysis = g_steal_pointer (&analysis);

  return diagnostics;
}

/* A council profile forced on the analysis, as --council does: its time
 * limit (NULL for none) and pace.
 */
static RstAnalysisContext *
context_with_council (const char *time_limit,
                      double      words_per_minute)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pace = g_strdup_printf ("%g", words_per_minute);
  RstAnalysisContext *context;

  g_key_file_set_string (key_file, "Council", "Name", "Test Council");
  if (time_limit != NULL)
    g_key_file_set_string (key_file, "Council", "TimeLimit", time_limit);
  g_key_file_set_string (key_file, "Council", "WordsPerMinute", pace);
  council = rst_council_new_from_key_file ("test", key_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (council);

  context = rst_analysis_context_new ();
  rst_analysis_context_set_council (context, council);
  return context;
}

static guint
count_code (GPtrArray  *diagnostics,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    n += g_strcmp0 (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code) == 0;

  return n;
}

static RstDiagnostic *
find_code (GPtrArray  *diagnostics,
           const char *code)
{
  for (guint i = 0; i < diagnostics->len; i++)
    if (g_strcmp0 (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code) == 0)
      return g_ptr_array_index (diagnostics, i);

  return NULL;
}

static char *
range_text (const char    *text,
            RstDiagnostic *d)
{
  return g_strndup (text + rst_diagnostic_get_start (d), rst_diagnostic_get_end (d) - rst_diagnostic_get_start (d));
}

static char *
apply_fix (const char   *text,
           const RstFix *fix)
{
  GString *out = g_string_new_len (text, fix->start);

  g_string_append (out, fix->replacement);
  g_string_append (out, text + fix->end);
  return g_string_free (out, FALSE);
}

/* Asserts that @text has exactly one @code, and that its first fix gives a
 * text without it. Returns the fixed text.
 */
static char *
assert_fix_clears (const char *text,
                   const char *code)
{
  g_autoptr(GPtrArray) before = check_text (text, NULL, NULL);
  g_autoptr(GPtrArray) after = NULL;
  RstDiagnostic *d = find_code (before, code);
  GPtrArray *fixes;
  char *fixed;

  g_assert_nonnull (d);
  g_assert_cmpuint (count_code (before, code), ==, 1);
  fixes = rst_diagnostic_get_fixes (d);
  g_assert_cmpuint (fixes->len, >=, 1);
  g_assert_nonnull (((RstFix *)g_ptr_array_index (fixes, 0))->label);

  fixed = apply_fix (text, g_ptr_array_index (fixes, 0));
  after = check_text (fixed, NULL, NULL);
  g_assert_cmpuint (count_code (after, code), ==, 0);

  return fixed;
}

static char *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_good (void)
{
  g_autoptr(GPtrArray) diagnostics = check_text (GOOD, NULL, NULL);

  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
assert_fixture_splits (const char *text)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, &analysis);
  const guint lines[2][2] = { { 10, 12 }, { 18, 20 } };
  const char *words[2] = { "and", "Compact" };

  g_assert_cmpuint (diagnostics->len, ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      RstDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *range = range_text (text, d);
      guint line, column, end_line, end_column;

      g_assert_cmpstr (rst_diagnostic_get_code (d), ==, "split-paragraph");
      g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_WARNING);
      rst_analysis_locate (analysis, rst_diagnostic_get_start (d), &line, &column);
      rst_analysis_locate (analysis, rst_diagnostic_get_end (d), &end_line, &end_column);
      g_assert_cmpuint (line, ==, lines[i][0]);
      g_assert_cmpuint (end_line, ==, lines[i][1]);
      g_assert_true (g_str_has_prefix (range, words[i]));
      g_assert_cmpuint (rst_diagnostic_get_fixes (d)->len, ==, 1);
    }
}

static void
test_fixture (void)
{
  g_autofree char *text = load_fixture ();
  g_autofree char *crlf = NULL;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RstFix *second, *first;

  assert_fixture_splits (text);

  /* The first split is "…reconciliation, and" / "to reduce…". */
  {
    g_autofree char *a = range_text (text, g_ptr_array_index (diagnostics, 0));
    g_autofree char *b = range_text (text, g_ptr_array_index (diagnostics, 1));

    g_assert_true (g_str_has_suffix (a, "\n\nto"));
    g_assert_cmpstr (b, ==, "Compact\n\non");
  }

  /* Both fixes, the later first so that offsets hold. */
  first = g_ptr_array_index (rst_diagnostic_get_fixes (g_ptr_array_index (diagnostics, 0)), 0);
  second = g_ptr_array_index (rst_diagnostic_get_fixes (g_ptr_array_index (diagnostics, 1)), 0);
  {
    g_autofree char *once = apply_fix (text, second);

    joined = apply_fix (once, first);
  }
  g_assert_nonnull (strstr (joined, "reconciliation, and to reduce"));
  g_assert_nonnull (strstr (joined, "Global Compact on Migration"));
  after = check_text (joined, NULL, NULL);
  g_assert_cmpuint (after->len, ==, 0);

  /* The same with CRLF line ends: same lines, the gap is "\r\n\r\n". */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autoptr(GPtrArray) crlf_diagnostics = NULL;
    RstFix *fix;

    crlf = g_strjoinv ("\r\n", lines);
    assert_fixture_splits (crlf);
    crlf_diagnostics = check_text (crlf, NULL, NULL);
    fix = g_ptr_array_index (rst_diagnostic_get_fixes (g_ptr_array_index (crlf_diagnostics, 1)), 0);
    g_assert_cmpuint (fix->end - fix->start, ==, 4);
    g_assert_cmpint (strncmp (crlf + fix->start, "\r\n\r\n", 4), ==, 0);
  }
}

static void
test_heading_missing (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *fixed = NULL;
  RstDiagnostic *d;

  diagnostics = check_text (SALUTATION OPENING PRIORITIES CLOSING, NULL, NULL);
  d = find_code (diagnostics, "heading-missing");
  g_assert_nonnull (d);
  g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_WARNING);
  g_assert_cmpuint (rst_diagnostic_get_start (d), ==, 0);
  g_assert_cmpuint (rst_diagnostic_get_end (d), ==, strlen ("Mr. Chair,"));
  g_assert_cmpuint (diagnostics->len, ==, 1);

  /* With a title in the details, the fix adds it as the heading. */
  fixed = assert_fix_clears ("---\ntitle: Statement by Peru\n---\n" SALUTATION OPENING PRIORITIES CLOSING,
                             "heading-missing");
  g_assert_nonnull (strstr (fixed, "---\n**Statement by Peru**\n\nMr. Chair,"));
}

static void
test_salutation_missing (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *from_return = NULL;
  RstDiagnostic *d;

  diagnostics = check_text (HEADING OPENING PRIORITIES CLOSING, NULL, NULL);
  d = find_code (diagnostics, "salutation-missing");
  g_assert_nonnull (d);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (rst_diagnostic_get_start (d), ==, strlen (HEADING));
  g_assert_cmpuint (rst_diagnostic_get_fixes (d)->len, ==, 0);

  /* The salutation comes from the details… */
  fixed = assert_fix_clears ("---\nchair-form: Madam\nchair: President\n---\n" HEADING OPENING PRIORITIES "Thank you.",
                             "salutation-missing");
  g_assert_nonnull (strstr (fixed, "**\n\nMadam President,\n\nAt the outset"));

  /* … or from the return salutation. */
  from_return = assert_fix_clears (HEADING OPENING PRIORITIES "Mr. Chair,\n\n" CLOSING, "salutation-missing");
  g_assert_nonnull (strstr (from_return, "**\n\nMr. Chair,\n\nAt the outset"));
}

static void
test_salutation_inconsistent (void)
{
  const char *text = HEADING "Madam President,\n\n" OPENING PRIORITIES "Madame President,\n\nWe agree.\n\nI thank you.";
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "salutation-inconsistent");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "Madame President");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "salutation-inconsistent");
  g_assert_nonnull (strstr (fixed, "health.\n\nMadam President,\n\nWe agree."));

  /* In the closing, and with the bare "Mr. Chair" vs "Mr. Chairperson". */
  {
    const char *closing = HEADING "Mr. Chairperson,\n\n" OPENING PRIORITIES "Thank you, Mr. Chair.";
    g_autoptr(GPtrArray) closing_diagnostics = check_text (closing, NULL, NULL);
    g_autofree char *closing_fixed = NULL;

    d = find_code (closing_diagnostics, "salutation-inconsistent");
    g_assert_nonnull (d);
    g_free (range);
    range = range_text (closing, d);
    g_assert_cmpstr (range, ==, "Mr. Chair");
    closing_fixed = assert_fix_clears (closing, "salutation-inconsistent");
    g_assert_true (g_str_has_suffix (closing_fixed, "Thank you, Mr. Chairperson."));
  }

  /* An address before "I thank you" counts as well. */
  {
    const char *before = HEADING "Madam Chair,\n\n" OPENING PRIORITIES "Madame Chair, I thank you.";
    g_autofree char *before_fixed = assert_fix_clears (before, "salutation-inconsistent");

    g_assert_true (g_str_has_suffix (before_fixed, "health.\n\nMadam Chair, I thank you."));
  }

  /* Other people addressed are not the chair. */
  {
    g_autoptr(GPtrArray) others = check_text (HEADING "Mr. President, Madam Director-General, Excellencies,\n\n" OPENING
                                              PRIORITIES "Mr. President,\n\nWe agree.\n\nThank you, Mr. President.",
                                              NULL, NULL);

    g_assert_cmpuint (others->len, ==, 0);
  }
}

static void
test_closing_missing (void)
{
  const char *text = HEADING SALUTATION OPENING PRIORITIES;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "closing-missing");
  g_assert_nonnull (d);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (rst_diagnostic_get_end (d), ==, strlen (text) - 2);

  fixed = assert_fix_clears (text, "closing-missing");
  g_assert_true (g_str_has_suffix (fixed, "Second, health.\n\nI thank you.\n\n"));

  /* A closing in the middle does not close the statement. */
  {
    g_autoptr(GPtrArray) middle = check_text (HEADING SALUTATION "Thank you.\n\nWe agree.", NULL, NULL);

    g_assert_cmpuint (count_code (middle, "closing-missing"), ==, 1);
  }
}

static void
test_closing_punctuation (void)
{
  const char *text = HEADING SALUTATION OPENING PRIORITIES "I thank you";
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *bold = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "closing-punctuation");
  g_assert_nonnull (d);
  g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_INFO);
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "closing-punctuation");
  g_assert_true (g_str_has_suffix (fixed, "\n\nI thank you."));

  bold = assert_fix_clears (HEADING SALUTATION OPENING PRIORITIES "**Thank you, Mr. Chair**\n", "closing-punctuation");
  g_assert_true (g_str_has_suffix (bold, "**Thank you, Mr. Chair.**\n"));

  /* A hint the drafter turned off is not shown; an error never hides. */
  {
    const char * const hidden[] = { "closing-punctuation", "ordinal-sequence", NULL };
    g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
    g_autoptr(GPtrArray) quiet = NULL;
    g_autoptr(GPtrArray) errors = NULL;

    rst_analysis_context_set_hidden_codes (context, hidden);
    quiet = check_text (text, context, NULL);
    g_assert_cmpuint (quiet->len, ==, 0);
    errors = check_text (HEADING SALUTATION "First, a.\n\nThird, b.\n\n" CLOSING, context, NULL);
    g_assert_cmpuint (count_code (errors, "ordinal-sequence"), ==, 1);
  }
}

static void
test_ordinal_sequence (void)
{
  const char *text = HEADING SALUTATION "First, peace.\n\nSecond, health.\n\nFourth, trade.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "ordinal-sequence");
  g_assert_nonnull (d);
  g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_ERROR);
  g_assert_cmpstr (rst_diagnostic_get_message (d), ==, "Fourth comes after Second: Third is missing");
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "Fourth");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "ordinal-sequence");
  g_assert_nonnull (strstr (fixed, "\n\nThird, trade."));

  /* Case and style are kept. */
  g_free (fixed);
  fixed = assert_fix_clears (HEADING SALUTATION "FIRST, a.\n\nSECOND, b.\n\nTHIRD, c.\n\nFIFTH, d.\n\n" CLOSING,
                             "ordinal-sequence");
  g_assert_nonnull (strstr (fixed, "FOURTH, d."));
  g_free (fixed);
  fixed = assert_fix_clears (HEADING SALUTATION "1. Peace.\n\n3. Health.\n\n" CLOSING, "ordinal-sequence");
  g_assert_nonnull (strstr (fixed, "\n\n2. Health."));
  g_free (fixed);
  fixed = assert_fix_clears (HEADING SALUTATION "Firstly, a.\n\nFirstly, b.\n\n" CLOSING, "ordinal-sequence");
  g_assert_nonnull (strstr (fixed, "Secondly, b."));
  g_free (fixed);
  fixed = assert_fix_clears (HEADING SALUTATION "Second, a.\n\n" CLOSING "\n", "ordinal-sequence");
  g_assert_nonnull (strstr (fixed, "First, a."));

  /* "1. 1. 1.": two wrong, each fix renumbers its own. */
  {
    const char *repeated = HEADING SALUTATION "1. A.\n\n1. B.\n\n1. C.\n\n" CLOSING;
    g_autoptr(GPtrArray) repeat = check_text (repeated, NULL, NULL);
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *once = NULL;
    g_autofree char *twice = NULL;

    g_assert_cmpuint (count_code (repeat, "ordinal-sequence"), ==, 2);
    once = apply_fix (repeated, g_ptr_array_index (rst_diagnostic_get_fixes (g_ptr_array_index (repeat, 1)), 0));
    twice = apply_fix (once, g_ptr_array_index (rst_diagnostic_get_fixes (g_ptr_array_index (repeat, 0)), 0));
    g_assert_nonnull (strstr (twice, "1. A.\n\n2. B.\n\n3. C."));
    after = check_text (twice, NULL, NULL);
    g_assert_cmpuint (after->len, ==, 0);
  }

  /* Backwards. */
  {
    g_autoptr(GPtrArray) back = check_text (HEADING SALUTATION "First, a.\n\nThird, b.\n\nSecond, c.\n\n" CLOSING,
                                            NULL, NULL);

    g_assert_cmpuint (count_code (back, "ordinal-sequence"), ==, 2);
  }
}

static void
test_ordinal_style_mixed (void)
{
  const char *text = HEADING SALUTATION "First, peace.\n\nSecondly, health.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "ordinal-style-mixed");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "Secondly");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "ordinal-style-mixed");
  g_assert_nonnull (strstr (fixed, "Second, health."));

  /* A number after words is reported without a fix. */
  {
    g_autoptr(GPtrArray) numbers = check_text (HEADING SALUTATION "First, peace.\n\n2. Health.\n\n" CLOSING, NULL, NULL);

    d = find_code (numbers, "ordinal-style-mixed");
    g_assert_nonnull (d);
    g_assert_cmpuint (rst_diagnostic_get_fixes (d)->len, ==, 0);
  }

  /* Finally fits every style. */
  {
    g_autoptr(GPtrArray) finally = check_text (HEADING SALUTATION "Firstly, a.\n\nSecondly, b.\n\nFinally, c.\n\n" CLOSING,
                                               NULL, NULL);

    g_assert_cmpuint (finally->len, ==, 0);
  }
}

static void
test_ordinal_single (void)
{
  const char *text = HEADING SALUTATION "First, peace.\n\nWe also care about health.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "ordinal-single");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "First");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  {
    g_autoptr(GPtrArray) phrase = check_text (HEADING SALUTATION "Our first priority is peace.\n\n" CLOSING, NULL, NULL);

    g_assert_cmpuint (count_code (phrase, "ordinal-single"), ==, 1);
  }
}

static void
test_ordinal_finally_not_last (void)
{
  const char *text = HEADING SALUTATION "First, a.\n\nSecond, b.\n\nFinally, c.\n\nThird, d.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "ordinal-finally-not-last");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "Finally");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  {
    g_autoptr(GPtrArray) last = check_text (HEADING SALUTATION "First, a.\n\nSecond, b.\n\nLastly, c.\n\n" CLOSING, NULL, NULL);

    g_assert_cmpuint (last->len, ==, 0);
  }
}

static void
test_announced_count (void)
{
  const char *text = HEADING SALUTATION "We wish to make three points.\n\nFirst, a.\n\nSecond, b.\n\nThird, c.\n\nFourth, d.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "announced-count");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "three");
  g_assert_nonnull (strstr (rst_diagnostic_get_message (d), "4 points"));
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "announced-count");
  g_assert_nonnull (strstr (fixed, "make four points."));

  {
    g_autoptr(GPtrArray) following = check_text (HEADING SALUTATION "We make the following points:\n\nFirst, a.\n\nSecond, b.\n\n"
                                                 CLOSING, NULL, NULL);
    g_autoptr(GPtrArray) right = check_text (HEADING SALUTATION "We make two points.\n\nFirst, a.\n\nSecond, b.\n\n"
                                             CLOSING, NULL, NULL);

    g_assert_cmpuint (following->len, ==, 0);
    g_assert_cmpuint (right->len, ==, 0);
  }
}

static void
test_split_paragraph (void)
{
  const char *text = HEADING SALUTATION "We support the work of the\n\norganization in the region.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "split-paragraph");
  g_assert_nonnull (d);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "the\n\norganization");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  fixed = assert_fix_clears (text, "split-paragraph");
  g_assert_nonnull (strstr (fixed, "work of the organization in"));

  /* Not after terminal punctuation, closing quotes, or a heading. */
  {
    const char *fine[] = {
      HEADING SALUTATION "We said “enough.”\n\nthen we left.\n\n" CLOSING,
      HEADING SALUTATION "We agree:\n\nfunding matters.\n\n" CLOSING,
      HEADING SALUTATION "We agree (in part.)\n\nfunding matters.\n\n" CLOSING,
      HEADING SALUTATION "We support the work of the\n\nOrganization in the region.\n\n" CLOSING,
      "Statement by the delegation of Peru\n\nat the 114th Session\n\n" SALUTATION "We agree.\n\n" CLOSING,
    };

    for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
      {
        g_autoptr(GPtrArray) none = check_text (fine[i], NULL, NULL);

        g_assert_cmpuint (count_code (none, "split-paragraph"), ==, 0);
      }
  }
}

static void
test_placeholder_unfilled (void)
{
  const char *text = HEADING SALUTATION "We thank {{Name of the Director-General}} for the report.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  d = find_code (diagnostics, "placeholder-unfilled");
  g_assert_nonnull (d);
  g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_ERROR);
  range = range_text (text, d);
  g_assert_cmpstr (range, ==, "{{Name of the Director-General}}");
  g_assert_cmpuint (diagnostics->len, ==, 1);

  {
    g_autoptr(GPtrArray) none = check_text (HEADING SALUTATION "Sets {a} and {b} and {{ unclosed.\n\n" CLOSING, NULL, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_session_ordinal (void)
{
  const char *text = "**Statement at the 114rd Session**\n\n" SALUTATION "Since the 101th and the 112nd sessions.\n\n" CLOSING;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, NULL);
  const char *wrong[] = { "114rd", "101th", "112nd" };
  const char *right[] = { "114th", "101st", "112th" };

  g_assert_cmpuint (diagnostics->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RstDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *range = range_text (text, d);
      RstFix *fix;

      g_assert_cmpstr (rst_diagnostic_get_code (d), ==, "session-ordinal");
      g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_ERROR);
      g_assert_cmpstr (range, ==, wrong[i]);
      fix = g_ptr_array_index (rst_diagnostic_get_fixes (d), 0);
      g_assert_cmpstr (fix->replacement, ==, right[i]);
    }

  {
    g_autofree char *fixed = assert_fix_clears ("**Statement at the 114rd Session**\n\n" SALUTATION "We agree.\n\n" CLOSING,
                                                "session-ordinal");
    g_autoptr(GPtrArray) none = check_text ("**The 111th, 112th, 113th, 121st, 102nd, 1st, 2ND and 23rd**\n\n"
                                            SALUTATION "On page A4th and 3.5th we agree.\n\n" CLOSING, NULL, NULL);

    g_assert_true (g_str_has_prefix (fixed, "**Statement at the 114th Session**"));
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_over_time (void)
{
  g_autoptr(RstAnalysisContext) tight = context_with_council ("0:02", 60.0);
  g_autoptr(RstAnalysisContext) loose = context_with_council ("5:00", 130.0);
  g_autoptr(RstAnalysisContext) unknown = context_with_council (NULL, 120.0);
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstAnalysis) unlimited = NULL;
  g_autoptr(GPtrArray) diagnostics = check_text (GOOD, tight, &analysis);
  g_autoptr(GPtrArray) none = check_text (GOOD, loose, NULL);
  g_autoptr(GPtrArray) skipped = check_text (GOOD, unknown, &unlimited);
  g_autoptr(GPtrArray) no_options = check_text (GOOD, NULL, NULL);
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  /* At 60 words a minute two seconds are two words: "Statement by". */
  g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 2);
  g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 60.0);
  d = find_code (diagnostics, "over-time");
  g_assert_nonnull (d);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (rst_diagnostic_get_start (d), ==, strlen ("**Statement by "));
  g_assert_cmpuint (rst_diagnostic_get_end (d), ==, strlen (GOOD) - 1);
  range = range_text (GOOD, d);
  g_assert_true (g_str_has_prefix (range, "the delegation"));
  g_assert_nonnull (strstr (rst_diagnostic_get_message (d), "0:02 limit"));

  g_assert_cmpuint (none->len, ==, 0);
  /* A council without a limit: nothing to be over. */
  g_assert_cmpuint (rst_analysis_get_time_limit (unlimited), ==, 0);
  g_assert_cmpuint (skipped->len, ==, 0);
  /* The generic profile's five minutes. */
  g_assert_cmpuint (no_options->len, ==, 0);

  /* The document's time-limit beats the council's, the drafter's pace
   * beats the council's: the same two words, after the front matter.
   */
  {
    const char *front = "---\ntime-limit: 0:02\n---\n";
    g_autofree char *text = g_strconcat (front, GOOD, NULL);
    g_autoptr(RstAnalysisContext) pace = context_with_council ("5:00", 130.0);
    g_autoptr(RstAnalysis) document = NULL;
    g_autoptr(GPtrArray) found = NULL;

    rst_analysis_context_set_words_per_minute (pace, 60.0);
    found = check_text (text, pace, &document);
    g_assert_cmpuint (rst_analysis_get_time_limit (document), ==, 2);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (document), ==, 60.0);
    d = find_code (found, "over-time");
    g_assert_nonnull (d);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpuint (rst_diagnostic_get_start (d), ==, strlen (front) + strlen ("**Statement by "));
    g_assert_cmpuint (rst_diagnostic_get_end (d), ==, strlen (text) - 1);
  }
}

static void
test_long_sentence (void)
{
  g_autoptr(GString) forty = g_string_new (NULL);
  g_autoptr(GString) long_text = NULL;
  g_autoptr(GString) ok_text = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *range = NULL;
  RstDiagnostic *d;

  for (guint i = 0; i < 39; i++)
    g_string_append (forty, "word ");
  g_string_append (forty, "end.");

  /* 5 + 38 = 43 words, with a "Mr." that does not end it. */
  long_text = g_string_new (HEADING SALUTATION "We thank Mr. Smith and ");
  g_string_append_len (long_text, forty->str + 10, forty->len - 10);
  g_string_append (long_text, " Short one.\n\n" CLOSING);
  ok_text = g_string_new (HEADING SALUTATION);
  g_string_append (ok_text, forty->str);
  g_string_append (ok_text, " Short one!\n\n" CLOSING);

  diagnostics = check_text (long_text->str, NULL, NULL);
  d = find_code (diagnostics, "long-sentence");
  g_assert_nonnull (d);
  g_assert_cmpint (rst_diagnostic_get_severity (d), ==, RST_SEVERITY_INFO);
  g_assert_nonnull (strstr (rst_diagnostic_get_message (d), "43 words"));
  range = range_text (long_text->str, d);
  g_assert_true (g_str_has_prefix (range, "We thank Mr. Smith"));
  g_assert_true (g_str_has_suffix (range, "word end."));
  g_assert_cmpuint (diagnostics->len, ==, 1);

  none = check_text (ok_text->str, NULL, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_sorted_and_positions (void)
{
  const char *text = "We thank {{Name}}.\n\nFirst, a.\n\nThird, b 114rd.";
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) diagnostics = check_text (text, NULL, &analysis);
  const char *expected[] = {
    "heading-missing", "salutation-missing", "placeholder-unfilled", "ordinal-sequence",
    "closing-missing", "session-ordinal",
  };

  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < diagnostics->len; i++)
    g_assert_cmpstr (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), ==, expected[i]);

  {
    RstDiagnostic *d = find_code (diagnostics, "session-ordinal");
    guint line, column;

    rst_analysis_locate (analysis, rst_diagnostic_get_start (d), &line, &column);
    g_assert_cmpuint (line, ==, 5);
    g_assert_cmpuint (column, ==, 10);
  }
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) diagnostics = check_text ("\n\n", NULL, NULL);

  g_assert_cmpuint (diagnostics->len, ==, 0);
}

/* Found by fuzz-statement (tests/fuzz-corpus/regress-lone-marker.txt): a
 * text that is one "---" line got a fix appending "I thank you.", after
 * which that line opened a front matter never closed. It gets none.
 */
static void
test_lone_marker (void)
{
  /* The second found in a later run (regress-lone-marker-vt.txt). */
  static const char * const texts[] = { "---", "---  ", "\xEF\xBB\xBF---", "---\v" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) diagnostics = check_text (texts[i], NULL, NULL);
      RstDiagnostic *d = find_code (diagnostics, "closing-missing");

      g_assert_nonnull (d);
      g_assert_cmpuint (rst_diagnostic_get_fixes (d)->len, ==, 0);
    }
}

/* Found by fuzz-statement: the return salutation "\x7fELFme President,"
 * became the salutation a fix inserts at the very start, and the fixed
 * file began with an ELF header's bytes: refused as binary. A fix keeps
 * no control character but line breaks and tabs.
 */
static void
test_fix_copies_no_control (void)
{
  static const char text[] =
    "Statement by the Minister\n\nWe thank you for this point.\n\n"
    "\x7f" "ELFme President,\n\nThank you, M\x1b" "r. President.\n";
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, sizeof text - 1, NULL);
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  guint fixes = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      GPtrArray *list = rst_diagnostic_get_fixes (g_ptr_array_index (diagnostics, i));

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          const RstFix *fix = g_ptr_array_index (list, k);
          g_autoptr(GString) fixed = g_string_new_len (text, fix->start);

          g_string_append (fixed, fix->replacement);
          g_string_append_len (fixed, text + fix->end, sizeof text - 1 - fix->end);
          for (const char *p = fix->replacement; *p != '\0'; p++)
            g_assert_true ((guchar) *p >= 0x20 ? (guchar) *p != 0x7f : strchr ("\n\r\t", *p) != NULL);
          if (fix->start == 0)
            g_assert_true (rst_text_validate (fixed->str, fixed->len, NULL));
          fixes++;
        }
    }
  g_assert_cmpuint (fixes, >, 0);

  /* Whatever a fix is made with. */
  {
    g_autoptr(RstFix) fix = rst_fix_new (0, 0, "\x7f" "Mr.\x1b President,\r\n\t", NULL);

    g_assert_cmpstr (fix->replacement, ==, "Mr. President,\r\n\t");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/checker/good", test_good);
  g_test_add_func ("/checker/fixture", test_fixture);
  g_test_add_func ("/checker/heading-missing", test_heading_missing);
  g_test_add_func ("/checker/salutation-missing", test_salutation_missing);
  g_test_add_func ("/checker/salutation-inconsistent", test_salutation_inconsistent);
  g_test_add_func ("/checker/closing-missing", test_closing_missing);
  g_test_add_func ("/checker/closing-punctuation", test_closing_punctuation);
  g_test_add_func ("/checker/ordinal-sequence", test_ordinal_sequence);
  g_test_add_func ("/checker/ordinal-style-mixed", test_ordinal_style_mixed);
  g_test_add_func ("/checker/ordinal-single", test_ordinal_single);
  g_test_add_func ("/checker/ordinal-finally-not-last", test_ordinal_finally_not_last);
  g_test_add_func ("/checker/announced-count", test_announced_count);
  g_test_add_func ("/checker/split-paragraph", test_split_paragraph);
  g_test_add_func ("/checker/placeholder-unfilled", test_placeholder_unfilled);
  g_test_add_func ("/checker/session-ordinal", test_session_ordinal);
  g_test_add_func ("/checker/over-time", test_over_time);
  g_test_add_func ("/checker/long-sentence", test_long_sentence);
  g_test_add_func ("/checker/sorted", test_sorted_and_positions);
  g_test_add_func ("/checker/empty", test_empty);
  g_test_add_func ("/checker/lone-marker", test_lone_marker);
  g_test_add_func ("/checker/fix-copies-no-control", test_fix_copies_no_control);

  return g_test_run ();
}
