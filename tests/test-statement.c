/* test-statement.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-text-file.h"
#include "rst-word.h"

static char *
load_fixture (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
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

/* The analysis of @text, whose front matter (if any) reads. */
static RstAnalysis *
analyse_ok (const char *text,
            gssize      length)
{
  RstAnalysis *analysis = rst_analysis_new (text, length, NULL);

  g_assert_nonnull (analysis);
  g_assert_false (has_code (analysis, RST_CODE_FRONT_MATTER_INVALID));
  g_assert_nonnull (rst_analysis_get_statement (analysis));
  return analysis;
}

/* The structure of @text; it keeps its text when the analysis is gone. */
static RstStatement *
parse_ok (const char *text)
{
  g_autoptr(RstAnalysis) analysis = analyse_ok (text, -1);

  return g_object_ref (rst_analysis_get_statement (analysis));
}

static char *
element_text (RstStatement     *statement,
              const RstElement *el)
{
  return g_strndup (rst_statement_get_text (statement) + el->start, el->end - el->start);
}

static char *
marker_text (RstStatement     *statement,
             const RstElement *el)
{
  return g_strndup (rst_statement_get_text (statement) + el->marker_start, el->marker_end - el->marker_start);
}

/* The kinds, in order, leaving out plain paragraphs. */
static char *
structure_of (RstStatement *statement)
{
  GString *out = g_string_new (NULL);
  const RstElement *els;
  guint n;

  els = rst_statement_get_elements (statement, &n);
  for (guint i = 0; i < n; i++)
    {
      if (els[i].kind == RST_ELEMENT_PARAGRAPH)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, rst_element_kind_to_string (els[i].kind));
    }

  return g_string_free (out, FALSE);
}

/* The first element of @kind, or NULL. */
static const RstElement *
find_kind (RstStatement   *statement,
           RstElementKind  kind,
           guint           nth)
{
  const RstElement *els;
  guint n;

  els = rst_statement_get_elements (statement, &n);
  for (guint i = 0; i < n; i++)
    if (els[i].kind == kind && nth-- == 0)
      return &els[i];

  return NULL;
}

static void
test_fixture_structure (void)
{
  g_autofree char *text = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  RstStatement *statement;
  RstDetails *details;
  g_autofree char *structure = NULL;
  const char *ordinals[] = { "First", "Second", "Third", "Fourth" };
  const RstElement *els;
  gsize length;
  guint n, line, column, priority = 0;

  text = load_fixture (&length);
  analysis = analyse_ok (text, length);
  statement = rst_analysis_get_statement (analysis);

  structure = structure_of (statement);
  g_assert_cmpstr (structure, ==,
                   "heading salutation opening announced-count priority priority priority priority "
                   "return-salutation closing");

  els = rst_statement_get_elements (statement, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_assert_cmpuint (els[i].start, >=, els[i - 1].start);

      if (els[i].kind == RST_ELEMENT_PRIORITY)
        {
          g_autofree char *marker = marker_text (statement, &els[i]);

          g_assert_cmpstr (marker, ==, ordinals[priority]);
          g_assert_cmpuint (els[i].value, ==, priority + 1);
          g_assert_cmpint (els[i].style, ==, RST_ORDINAL_STYLE_WORD);
          priority++;
        }
    }
  g_assert_cmpuint (priority, ==, 4);

  /* The heading starts on line 3 after two blank lines, the closing on 26. */
  rst_analysis_locate (analysis, find_kind (statement, RST_ELEMENT_HEADING, 0)->start, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 1);
  rst_analysis_locate (analysis, find_kind (statement, RST_ELEMENT_CLOSING, 0)->start, &line, &column);
  g_assert_cmpuint (line, ==, 26);
  {
    g_autofree char *closing = element_text (statement, find_kind (statement, RST_ELEMENT_CLOSING, 0));
    g_autofree char *heading = element_text (statement, find_kind (statement, RST_ELEMENT_HEADING, 0));

    g_assert_cmpstr (closing, ==, "I thank you.");
    g_assert_true (g_str_has_prefix (heading, "**Statement by H.E. Ambassador Chen Xu\n"));
    g_assert_true (g_str_has_suffix (heading, "Council of IOM**"));
  }

  /* "the following points:" announces a list without a number. */
  {
    const RstElement *count = find_kind (statement, RST_ELEMENT_ANNOUNCED_COUNT, 0);
    g_autofree char *marker = marker_text (statement, count);

    g_assert_cmpstr (marker, ==, "following");
    g_assert_cmpuint (count->value, ==, 0);
  }

  g_assert_cmpuint (rst_statement_get_body_offset (statement), ==, 0);
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, 0);
  g_assert_cmpuint (rst_statement_get_length (statement), ==, length);
  g_assert_cmpuint (rst_analysis_get_length (analysis), ==, length);
  g_assert_true (rst_statement_get_text (statement) == rst_analysis_get_text (analysis));

  /* No front matter: no details written, only what the heading tells. */
  g_assert_cmpuint (rst_details_get_size (rst_analysis_get_front_matter (analysis)), ==, 0);
  g_assert_null (rst_analysis_get_detail (analysis, "title"));
  details = rst_analysis_get_details (analysis);
  g_assert_cmpuint (rst_details_get_size (details), ==, 2);
  g_assert_cmpstr (rst_analysis_get_detail (analysis, RST_DETAIL_COUNCIL), ==, "iom");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, RST_DETAIL_SESSION), ==, "114");
  g_assert_true (rst_analysis_is_from_heading (analysis, RST_DETAIL_COUNCIL));
  g_assert_true (rst_analysis_is_from_heading (analysis, RST_DETAIL_SESSION));
  g_assert_false (rst_analysis_is_from_heading (analysis, RST_DETAIL_TITLE));
}

static void
test_fixture_paragraphs (void)
{
  g_autofree char *text = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  const RstParagraph *paras;
  gsize length;
  guint n, blocks = 0;

  text = load_fixture (&length);
  analysis = analyse_ok (text, length);
  paras = rst_statement_get_paragraphs (rst_analysis_get_statement (analysis), &n);

  /* Every block between blank lines is a paragraph: count them by hand. */
  {
    g_auto(GStrv) split = g_strsplit (text, "\n\n", -1);

    for (guint i = 0; split[i] != NULL; i++)
      if (g_strstrip (split[i])[0] != '\0')
        blocks++;
  }
  g_assert_cmpuint (n, ==, blocks);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (paras[i].start, <, paras[i].end);
      g_assert_false (g_ascii_isspace (text[paras[i].start]));
      g_assert_false (g_ascii_isspace (text[paras[i].end - 1]));
      if (i > 0)
        g_assert_cmpuint (paras[i].start, >, paras[i - 1].end);
    }
}

static void
test_word_count (void)
{
  g_autoptr(RstStatement) plain = parse_ok ("One two three.");
  g_autoptr(RstStatement) markup = parse_ok ("**Bold** words, *here* — and Director-General’s H.E. report");
  g_autoptr(RstStatement) front = parse_ok ("---\ntitle: many words in the title\n---\nOnly these four words.\n");
  g_autoptr(RstStatement) empty = parse_ok ("");
  g_autofree char *fixture = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  gsize length;
  guint expected = 0;

  g_assert_cmpuint (rst_statement_get_word_count (plain), ==, 3);
  /* Bold, words, here, and, Director-General’s, H.E, report */
  g_assert_cmpuint (rst_statement_get_word_count (markup), ==, 7);
  g_assert_cmpuint (rst_statement_get_word_count (front), ==, 4);
  g_assert_cmpuint (rst_statement_get_word_count (empty), ==, 0);

  /* A lone apostrophe is no word (and once looped forever: fuzzing). */
  {
    g_autoptr(RstStatement) apostrophe = parse_ok ("’ it’s pe’. ’");

    g_assert_cmpuint (rst_statement_get_word_count (apostrophe), ==, 2);
  }

  /* The fixture has no markup but "**": its words are its blank-separated
   * tokens that hold a letter or digit.
   */
  fixture = load_fixture (&length);
  analysis = analyse_ok (fixture, length);
  {
    g_auto(GStrv) tokens = g_strsplit_set (fixture, " \n", -1);

    for (guint i = 0; tokens[i] != NULL; i++)
      {
        gboolean word = FALSE;

        for (const char *p = tokens[i]; *p; p++)
          word |= g_ascii_isalnum (*p);
        expected += word;
      }
  }
  g_assert_cmpuint (rst_statement_get_word_count (rst_analysis_get_statement (analysis)), ==, expected);
  /* English is timed in words: the same count. */
  g_assert_cmpint (rst_analysis_get_timing_unit (analysis), ==, RST_TIMING_UNIT_WORDS);
  g_assert_cmpuint (rst_analysis_get_units (analysis), ==, expected);
}

static void
test_positions (void)
{
  g_autoptr(RstAnalysis) analysis = analyse_ok ("ab\nçé x\r\nlast", -1);
  guint line, column;

  rst_analysis_locate (analysis, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  rst_analysis_locate (analysis, 2, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 3);
  /* "x" is the third character of line 2, the fifth byte. */
  rst_analysis_locate (analysis, 3 + 5, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 4);
  rst_analysis_locate (analysis, strlen ("ab\nçé x\r\n"), &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 1);
  rst_analysis_locate (analysis, 1000, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 5);

  /* And back: a line and column give the offset they were found at. */
  g_assert_cmpuint (rst_analysis_get_offset (analysis, 1, 1), ==, 0);
  g_assert_cmpuint (rst_analysis_get_offset (analysis, 1, 3), ==, 2);
  g_assert_cmpuint (rst_analysis_get_offset (analysis, 2, 4), ==, 3 + 5);
  g_assert_cmpuint (rst_analysis_get_offset (analysis, 3, 1), ==, strlen ("ab\nçé x\r\n"));
}

static void
test_crlf (void)
{
  g_autofree char *lf = NULL;
  g_autofree char *crlf = NULL;
  g_autoptr(RstAnalysis) analysis_a = NULL;
  g_autoptr(RstAnalysis) analysis_b = NULL;
  RstStatement *a, *b;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  const RstElement *ea, *eb;
  gsize length;
  guint na, nb;

  lf = load_fixture (&length);
  {
    g_auto(GStrv) lines = g_strsplit (lf, "\n", -1);

    crlf = g_strjoinv ("\r\n", lines);
  }

  analysis_a = analyse_ok (lf, -1);
  analysis_b = analyse_ok (crlf, -1);
  a = rst_analysis_get_statement (analysis_a);
  b = rst_analysis_get_statement (analysis_b);
  sa = structure_of (a);
  sb = structure_of (b);
  g_assert_cmpstr (sa, ==, sb);

  ea = rst_statement_get_elements (a, &na);
  eb = rst_statement_get_elements (b, &nb);
  g_assert_cmpuint (na, ==, nb);

  for (guint i = 0; i < na; i++)
    {
      g_autofree char *ta = element_text (a, &ea[i]);
      g_autofree char *tb = element_text (b, &eb[i]);
      g_autofree char *tb_lf = NULL;
      guint la, ca, lb, cb;

      /* Same text but for the CRs inside multi-line elements. */
      {
        g_auto(GStrv) parts = g_strsplit (tb, "\r", -1);

        tb_lf = g_strjoinv ("", parts);
      }
      g_assert_cmpstr (ta, ==, tb_lf);
      g_assert_false (g_str_has_suffix (tb, "\r"));

      rst_analysis_locate (analysis_a, ea[i].start, &la, &ca);
      rst_analysis_locate (analysis_b, eb[i].start, &lb, &cb);
      g_assert_cmpuint (la, ==, lb);
      g_assert_cmpuint (ca, ==, cb);

      if (ea[i].kind == RST_ELEMENT_PRIORITY)
        {
          g_autofree char *ma = marker_text (a, &ea[i]);
          g_autofree char *mb = marker_text (b, &eb[i]);

          g_assert_cmpstr (ma, ==, mb);
        }
    }
}

static void
test_front_matter (void)
{
  const char *text =
    "---\n"
    "title: Statement by H.E. Ambassador Chen Xu\n"
    "council: iom\n"
    "session: 114\n"
    "chair-form: Mr.\n"
    "time-limit: 5:00\n"
    "tags: [one, two]\n"
    "council: iom-2\n"
    "---\n"
    "**Statement by H.E. Ambassador Chen Xu**\n"
    "\n"
    "Mr. Chairperson,\n";
  g_autoptr(RstAnalysis) analysis = analyse_ok (text, -1);
  RstStatement *statement = rst_analysis_get_statement (analysis);
  RstDetails *front_matter = rst_analysis_get_front_matter (analysis);
  const RstElement *heading;
  const char *body = strstr (text, "**Statement");
  guint line, column;

  g_assert_cmpstr (rst_analysis_get_detail (analysis, "title"), ==, "Statement by H.E. Ambassador Chen Xu");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "session"), ==, "114");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "chair-form"), ==, "Mr.");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "time-limit"), ==, "5:00");
  /* The last value of a repeated key; a list is no detail. */
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "council"), ==, "iom-2");
  g_assert_null (rst_analysis_get_detail (analysis, "tags"));
  /* The front matter says the session: nothing is taken from the heading. */
  g_assert_false (rst_analysis_is_from_heading (analysis, RST_DETAIL_SESSION));
  g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 114);
  g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
  /* "iom-2" is no profile: generic, said by an info diagnostic. */
  g_assert_null (rst_analysis_get_council_id (analysis));
  g_assert_true (rst_council_is_generic (rst_analysis_get_council (analysis)));
  g_assert_true (has_code (analysis, RST_CODE_COUNCIL_UNKNOWN));

  /* The keys in file order, a repeated one in its first place. */
  g_assert_cmpuint (rst_details_get_size (front_matter), ==, 5);
  g_assert_cmpstr (rst_details_get_key (front_matter, 0), ==, "title");
  g_assert_cmpstr (rst_details_get_key (front_matter, 1), ==, "council");
  g_assert_cmpstr (rst_details_get_value (front_matter, 1), ==, "iom-2");
  g_assert_cmpstr (rst_details_get_key (front_matter, 4), ==, "time-limit");
  g_assert_true (rst_details_equal (front_matter, rst_analysis_get_details (analysis)));

  g_assert_cmpuint (rst_statement_get_body_offset (statement), ==, body - text);
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, body - text);

  heading = find_kind (statement, RST_ELEMENT_HEADING, 0);
  g_assert_nonnull (heading);
  g_assert_cmpuint (heading->start, ==, body - text);
  rst_analysis_locate (analysis, heading->start, &line, &column);
  g_assert_cmpuint (line, ==, 10);
  g_assert_nonnull (find_kind (statement, RST_ELEMENT_SALUTATION, 0));
}

static void
test_front_matter_crlf_bom (void)
{
  const char *text = "\xEF\xBB\xBF---\r\nlang: en\r\nspeaker: Ms. Díaz\r\n...\r\nMadam President,\r\n";
  g_autoptr(RstAnalysis) analysis = analyse_ok (text, -1);
  RstStatement *statement = rst_analysis_get_statement (analysis);
  const RstElement *salutation = find_kind (statement, RST_ELEMENT_SALUTATION, 0);

  g_assert_cmpstr (rst_analysis_get_detail (analysis, "speaker"), ==, "Ms. Díaz");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "en");
  g_assert_cmpuint (rst_statement_get_body_offset (statement), ==, strstr (text, "Madam") - text);
  g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, strstr (text, "Madam") - text);
  g_assert_nonnull (salutation);
  g_assert_cmpuint (salutation->end, ==, strstr (text, ",\r\n") + 1 - text);
}

/* Bytes that are not UTF-8 never reach the analysis: the text file
 * reader refuses them, naming the line.
 */
static void
test_invalid_utf8 (void)
{
  const char text[] = "Mr. Chair,\n\nOur delegation\n\nwelcomes \xC3\x28 the report.\n";
  g_autoptr(GError) error = NULL;
  gsize where = 0;

  g_assert_cmpint (rst_text_sniff (text, sizeof text - 1, &where), ==, RST_TEXT_KIND_NOT_UTF8);
  g_assert_cmpuint (where, ==, strstr (text, "\xC3") - text);
  g_assert_cmpuint (rst_text_count_lines (text, where), ==, 5);

  g_assert_false (rst_text_validate (text, sizeof text - 1, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8);
  g_assert_cmpstr (error->message, ==, "line 5 is not valid UTF-8; save the file as UTF-8");
}

static void
test_binary (void)
{
  const char text[] = "PK\x03\x04\n\nsome\0zip";
  const char nul[] = "Mr. Chair,\n\nsome\0zip";
  g_autoptr(GError) error = NULL;
  gsize where = 1;

  /* A ZIP (DOCX, ODT) by its signature. */
  g_assert_cmpint (rst_text_sniff (text, sizeof text - 1, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpuint (where, ==, 0);
  g_assert_false (rst_text_validate (text, sizeof text - 1, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "it is a binary file, not a statement; save it as plain text");
  g_clear_error (&error);

  /* Any NUL byte, on line 3 here. */
  g_assert_cmpint (rst_text_sniff (nul, sizeof nul - 1, &where), ==, RST_TEXT_KIND_BINARY);
  g_assert_cmpuint (where, ==, strlen (nul));
  g_assert_cmpuint (rst_text_count_lines (nul, where), ==, 3);
  g_assert_false (rst_text_validate (nul, sizeof nul - 1, &error));
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY);

  /* Text is text. */
  g_assert_true (rst_text_validate (nul, strlen (nul), NULL));
}

/* A front matter that cannot be read is an error diagnostic on its first
 * line that names the line at fault; the body is analysed all the same.
 */
static void
test_bad_front_matter (void)
{
  struct {
    const char *text;
    const char *line;
    const char *body;
  } cases[] = {
    { "---\ntitle: ok\nsession: [114\nchair: x\n---\nMr. Chair,\n\nBody.\n", "Line 4", "Mr. Chair" },
    /* Found at the end of the YAML: its last line, not the closing "---". */
    { "---\ntitle: \"unclosed\n---\nMr. Chair,\n\nBody.\n", "Line 2", "Mr. Chair" },
    { "---\n- a\n- b\n---\nMr. Chair,\n\nBody.\n", "Line 2", "Mr. Chair" },
    /* Never closed: all of it is the body. */
    { "---\ntitle: never closed\n\nMr. Chair,\n", "Line 1", "---" },
    { "---\njust a sentence\n---\nMr. Chair,\n\nBody.\n", "Line 2", "Mr. Chair" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (cases[i].text, -1, NULL);
      RstDiagnostic *diagnostic = find_code (analysis, RST_CODE_FRONT_MATTER_INVALID);
      RstStatement *statement = rst_analysis_get_statement (analysis);
      gsize body = strstr (cases[i].text, cases[i].body) - cases[i].text;

      g_assert_nonnull (diagnostic);
      g_test_message ("case %u: %s", i, rst_diagnostic_get_message (diagnostic));
      g_assert_cmpint (rst_diagnostic_get_severity (diagnostic), ==, RST_SEVERITY_ERROR);
      g_assert_true (g_str_has_prefix (rst_diagnostic_get_message (diagnostic), cases[i].line));
      /* On the first line, the "---". */
      g_assert_cmpuint (rst_diagnostic_get_start (diagnostic), ==, 0);
      g_assert_cmpuint (rst_diagnostic_get_end (diagnostic), ==, 3);
      g_assert_true (rst_analysis_has_errors (analysis));

      /* No details, but the body's structure. */
      g_assert_cmpuint (rst_details_get_size (rst_analysis_get_front_matter (analysis)), ==, 0);
      g_assert_cmpuint (rst_analysis_get_body_offset (analysis), ==, body);
      g_assert_cmpuint (rst_statement_get_body_offset (statement), ==, body);
      g_assert_nonnull (find_kind (statement, RST_ELEMENT_SALUTATION, 0));
    }
}

static void
test_not_front_matter (void)
{
  /* "---" later in the text is a rule, not front matter. */
  g_autoptr(RstStatement) statement = parse_ok ("Mr. Chair,\n\n---\n\nWe agree.\n");

  g_assert_cmpuint (rst_statement_get_body_offset (statement), ==, 0);
  g_assert_nonnull (find_kind (statement, RST_ELEMENT_SALUTATION, 0));
}

/* From a file: the text file reader, then the analysis. */
static void
test_from_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/statement.md");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;
  GBytes *none;

  bytes = rst_text_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  analysis = analyse_ok (data, length);
  g_assert_cmpuint (rst_analysis_get_length (analysis), ==, length);
  g_assert_nonnull (find_kind (rst_analysis_get_statement (analysis), RST_ELEMENT_CLOSING, 0));

  none = rst_text_file_load (directory, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  none = rst_text_file_load (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_pasted_lines (void)
{
  const char *text =
    "Statement by the Permanent Representative of Kenya\n"
    "Mr. President,\n"
    "Kenya aligns itself with the statement delivered by the African Group.\n"
    "First, we call for funding.\n"
    "Second, we call for access.\n"
    "I thank you.\n";
  g_autoptr(RstStatement) statement = parse_ok (text);
  g_autofree char *structure = structure_of (statement);
  guint n;

  rst_statement_get_paragraphs (statement, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (structure, ==, "heading salutation opening priority priority closing");
}

static void
test_standalone_lines (void)
{
  /* No blank line under the heading nor above the closing. */
  const char *text =
    "**Statement by Norway**\n"
    "Check against delivery\n"
    "Madam Chair,\n"
    "\n"
    "We thank the Secretariat for the report.\n"
    "It is comprehensive.\n"
    "Thank you, Madam Chair.\n";
  g_autoptr(RstStatement) statement = parse_ok (text);
  g_autofree char *structure = structure_of (statement);
  const RstElement *closing = find_kind (statement, RST_ELEMENT_CLOSING, 0);
  g_autofree char *closing_text = element_text (statement, closing);
  guint n;

  g_assert_cmpstr (structure, ==, "heading delivery-mark salutation closing");
  g_assert_cmpstr (closing_text, ==, "Thank you, Madam Chair.");
  rst_statement_get_paragraphs (statement, &n);
  g_assert_cmpuint (n, ==, 5);
}

static void
test_headings (void)
{
  const char *cases[] = {
    "**Statement by H.E. Ambassador Maria Lopez**\n\nMr. Chair,\n\nWe agree.\n",
    "**Statement by the delegation of Mexico\nat the 114th Session of the Council of IOM\nAgenda item 4: General debate**\n\nMr. Chair,\n\nWe agree.\n",
    "Statement by H.E. Ambassador Maria Lopez\nat the 114th Session of the Council of IOM\n\nMr. Chair,\n\nWe agree.\n",
    "Agenda item 4: General debate\n\nMr. Chair,\n\nWe agree.\n",
    "Geneva, 28 November 2023.\n\nMr. Chair,\n\nWe agree.\n",
    "# Intervention by Brazil\n\nMr. Chair,\n\nWe agree.\n",
    "Statement by the delegation of Chile.\n\nMr. Chair,\n\nWe agree.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstStatement) statement = parse_ok (cases[i]);
      g_autofree char *structure = structure_of (statement);

      g_test_message ("case %u: %s", i, structure);
      g_assert_true (g_str_has_prefix (structure, "heading salutation"));
    }

  /* Several heading paragraphs are one heading, from the first line to
   * the date.
   */
  {
    const char *text = "Statement by H.E. Mr. Juan Pérez\n\nAt the 114th Session of the Council\n\n"
                       "Geneva, 28 November 2023\n\nMr. Chair,\n\nWe agree.\n";
    g_autoptr(RstStatement) statement = parse_ok (text);
    g_autofree char *structure = structure_of (statement);
    const RstElement *elements = rst_statement_get_elements (statement, NULL);

    g_assert_cmpstr (structure, ==, "heading salutation");
    g_assert_cmpuint (elements[0].start, ==, 0);
    g_assert_cmpuint (elements[0].end, ==, strstr (text, "2023") + 4 - text);
  }

  /* A first paragraph of prose is no heading. */
  {
    g_autoptr(RstStatement) statement =
      parse_ok ("We thank the Director-General for her report on the work of the Organization.\n\nI thank you.\n");
    g_autofree char *structure = structure_of (statement);

    g_assert_cmpstr (structure, ==, "closing");
  }
}

static void
test_delivery_marks (void)
{
  const char *marks[] = {
    "Check against delivery", "CHECK AGAINST DELIVERY", "- Check against delivery -",
    "[As delivered]", "(Read out verbatim)", "— As delivered —", "*Check against delivery*",
    "check against delivery.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *text = g_strdup_printf ("**Statement by Fiji**\n\n%s\n\nMr. Chair,\n\nWe agree.\n", marks[i]);
      g_autoptr(RstStatement) statement = parse_ok (text);
      const RstElement *mark = find_kind (statement, RST_ELEMENT_DELIVERY_MARK, 0);
      g_autofree char *mark_text = NULL;

      g_test_message ("mark: %s", marks[i]);
      g_assert_nonnull (mark);
      mark_text = element_text (statement, mark);
      g_assert_cmpstr (mark_text, ==, marks[i]);
    }

  {
    g_autoptr(RstStatement) statement =
      parse_ok ("**Statement by Fiji**\n\nWe checked against delivery of aid.\n");

    g_assert_null (find_kind (statement, RST_ELEMENT_DELIVERY_MARK, 0));
  }
}

static void
test_salutations (void)
{
  const char *forms[] = {
    "Mr. Chair,", "Mr Chair,", "Madam Chairperson,", "Madame President,", "Mister Chairman,",
    "Mrs. Vice-President,", "Mr. President,", "Co-Chairs,", "Madam High Commissioner,",
    "Mr. Director-General,", "Madam Secretary-General,", "Chair,", "Excellencies, distinguished delegates,",
    "Thank you Mr. President,", "Thank you, Madam Chair,",
    "Chair, Director General, Excellencies, Distinguished Delegates,",
    "Mr. President, Excellencies, Ladies and Gentlemen,", "**Mr. Chairperson,**", "Mr. Chairperson",
  };
  const char *not_salutations[] = {
    "Mr. Chairperson, we welcome your election.",
    "Chair of the working group.",
    "Thank you for the report, which we welcome.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("**Statement by Fiji**\n\n%s\n\nWe agree.\n\nI thank you.\n", forms[i]);
      g_autoptr(RstStatement) statement = parse_ok (text);
      g_autofree char *structure = structure_of (statement);

      g_test_message ("salutation: %s → %s", forms[i], structure);
      g_assert_cmpstr (structure, ==, "heading salutation closing");
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_salutations); i++)
    {
      g_autofree char *text = g_strdup_printf ("**Statement by Fiji**\n\n%s\n\nWe agree.\n", not_salutations[i]);
      g_autoptr(RstStatement) statement = parse_ok (text);

      g_test_message ("not a salutation: %s", not_salutations[i]);
      g_assert_null (find_kind (statement, RST_ELEMENT_SALUTATION, 0));
    }
}

static void
test_salutation_forms (void)
{
  const char *forms[] = { "Mr.", "Mr", "Madam", "Madame", "Mister", "Mrs.", "" };
  const char *roles[] = {
    "Chair", "Chairperson", "Chairman", "President", "Vice-President", "Co-Chairs",
    "High Commissioner", "Director-General", "Secretary-General",
  };

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        g_autofree char *text = g_strdup_printf ("%s%s%s,\n\nWe agree.\n\nThank you, %s%s%s.\n",
                                                 forms[f], forms[f][0] ? " " : "", roles[r],
                                                 forms[f], forms[f][0] ? " " : "", roles[r]);
        g_autoptr(RstStatement) statement = parse_ok (text);
        g_autofree char *structure = structure_of (statement);

        g_test_message ("%s", text);
        g_assert_cmpstr (structure, ==, "salutation closing");
      }
}

static void
test_return_salutation (void)
{
  g_autoptr(RstStatement) statement =
    parse_ok ("Madam President,\n\nWe agree.\n\nMadam President,\n\nWe conclude.\n\nThank you.\n");
  g_autofree char *structure = structure_of (statement);

  g_assert_cmpstr (structure, ==, "salutation return-salutation closing");

  /* Thanks for the floor before the body is the salutation. */
  {
    g_autoptr(RstStatement) floor = parse_ok ("Statement of Chile\n\nThank you, Mr. President.\n\nWe agree.\n\nThank you.\n");
    g_autofree char *floor_structure = structure_of (floor);

    g_assert_cmpstr (floor_structure, ==, "heading salutation closing");
  }

  /* Two lines of address before the body are one salutation. */
  {
    g_autoptr(RstStatement) two = parse_ok ("Madam President,\nExcellencies,\n\nWe agree.\n");
    g_autofree char *two_structure = structure_of (two);
    const RstElement *elements = rst_statement_get_elements (two, NULL);

    g_assert_cmpstr (two_structure, ==, "salutation");
    g_assert_cmpuint (elements[0].end, ==, strlen ("Madam President,\nExcellencies,"));
  }
}

static void
test_openings (void)
{
  const char *openings[] = {
    "At the outset, allow me to thank the Secretariat.",
    "We congratulate you on your election and assure you of our support.",
    "Peru aligns itself with the statement delivered by Ecuador on behalf of GRULAC.",
    "Allow me to begin by welcoming the new members.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      g_autofree char *text = g_strdup_printf ("Mr. Chair,\n\n%s\n\nWe agree with the report.\n", openings[i]);
      g_autoptr(RstStatement) statement = parse_ok (text);
      g_autofree char *structure = structure_of (statement);

      g_test_message ("opening: %s", openings[i]);
      g_assert_cmpstr (structure, ==, "salutation opening");
    }

  /* Only the first body paragraphs open a statement. */
  {
    g_autoptr(RstStatement) statement =
      parse_ok ("Mr. Chair,\n\nWe agree with the report.\n\nWe congratulate the team.\n");
    g_autofree char *structure = structure_of (statement);

    g_assert_cmpstr (structure, ==, "salutation");
  }
}

static void
test_announced_counts (void)
{
  struct {
    const char *sentence;
    const char *marker;
    guint value;
  } cases[] = {
    { "I would like to make three points.", "three", 3 },
    { "Our delegation has five priorities for this session.", "five", 5 },
    { "Let me highlight the following points:", "following", 0 },
    { "We wish to raise Two key points.", "Two", 2 },
    { "We see 4 main issues.", "4", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Mr. Chair,\n\n%s\n\nFirst, a point.\n", cases[i].sentence);
      g_autoptr(RstStatement) statement = parse_ok (text);
      const RstElement *count = find_kind (statement, RST_ELEMENT_ANNOUNCED_COUNT, 0);
      g_autofree char *marker = NULL;

      g_test_message ("count: %s", cases[i].sentence);
      g_assert_nonnull (count);
      marker = marker_text (statement, count);
      g_assert_cmpstr (marker, ==, cases[i].marker);
      g_assert_cmpuint (count->value, ==, cases[i].value);
      g_assert_cmpuint (count->start, <=, count->marker_start);
    }

  {
    g_autoptr(RstStatement) statement =
      parse_ok ("Mr. Chair,\n\nTwo years ago the points were different.\n\nThe three of us agree.\n");

    g_assert_null (find_kind (statement, RST_ELEMENT_ANNOUNCED_COUNT, 0));
  }
}

static void
check_priorities (const char      *before,
                  const char      *after,
                  const char     **markers,
                  guint            n,
                  RstOrdinalStyle  style)
{
  g_autoptr(GString) text = g_string_new ("Mr. Chair,\n\n");
  g_autoptr(RstStatement) statement = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "%s%s%s\n\n", before, markers[i], after);
    }
  statement = parse_ok (text->str);

  for (guint i = 0; i < n; i++)
    {
      const RstElement *el = find_kind (statement, RST_ELEMENT_PRIORITY, i);
      g_autofree char *marker = NULL;

      g_test_message ("priority %s", markers[i]);
      g_assert_nonnull (el);
      marker = marker_text (statement, el);
      g_assert_cmpstr (marker, ==, markers[i]);
      g_assert_cmpint (el->style, ==, style);
      g_assert_cmpuint (el->value, ==, style == RST_ORDINAL_STYLE_FINALLY ? 0 : i + 1);
    }
  g_assert_null (find_kind (statement, RST_ELEMENT_PRIORITY, n));
}

static void
test_priorities (void)
{
  const char *words[] = { "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth" };
  const char *ly[] = { "Firstly", "Secondly", "Thirdly", "Fourthly", "Fifthly", "Sixthly", "Seventhly", "Eighthly", "Ninthly", "Tenthly" };
  const char *numbers[] = { "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11." };
  const char *phrases[] = { "first", "second", "third" };
  const char *finally[] = { "Finally" };
  const char *lastly[] = { "Lastly" };

  check_priorities ("", ", we must act.", words, G_N_ELEMENTS (words), RST_ORDINAL_STYLE_WORD);
  check_priorities ("**", "**, we must act.", words, 3, RST_ORDINAL_STYLE_WORD);
  check_priorities ("", " — we must act.", words, 2, RST_ORDINAL_STYLE_WORD);
  check_priorities ("", ", we must act.", ly, G_N_ELEMENTS (ly), RST_ORDINAL_STYLE_LY);
  check_priorities ("", " we must act.", ly, 2, RST_ORDINAL_STYLE_LY);
  check_priorities ("", " We must act.", numbers, G_N_ELEMENTS (numbers), RST_ORDINAL_STYLE_NUMBER);
  check_priorities ("Our ", " priority is peace.", phrases, 3, RST_ORDINAL_STYLE_PHRASE);
  check_priorities ("The ", " is peace.", phrases, 3, RST_ORDINAL_STYLE_PHRASE);
  check_priorities ("", ", we must act.", finally, 1, RST_ORDINAL_STYLE_FINALLY);
  check_priorities ("", ", we must act.", lastly, 1, RST_ORDINAL_STYLE_FINALLY);

  /* Words that only look like ordinals. */
  {
    g_autoptr(RstStatement) statement =
      parse_ok ("Mr. Chair,\n\nFirst of all, thank you.\n\nSecond World War veterans attend.\n\n"
                "The first session was good.\n\n2023. was a year.\n\nLast year we met.\n\nFinallyx, no.\n");

    g_assert_null (find_kind (statement, RST_ELEMENT_PRIORITY, 0));
  }
}

static void
test_closings (void)
{
  const char *closings[] = {
    "I thank you.", "Thank you.", "Thank you, Mr. Chairperson.", "Thank you for your attention.",
    "Thank you very much, Madam President.", "I thank you", "**I thank you.**", "THANK YOU.",
    "Madam Chair, I thank you.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (closings); i++)
    {
      g_autofree char *text = g_strdup_printf ("Mr. Chair,\n\nWe agree.\n\n%s\n", closings[i]);
      g_autoptr(RstStatement) statement = parse_ok (text);
      const RstElement *closing = find_kind (statement, RST_ELEMENT_CLOSING, 0);
      g_autofree char *closing_text = NULL;

      g_test_message ("closing: %s", closings[i]);
      g_assert_nonnull (closing);
      closing_text = element_text (statement, closing);
      g_assert_cmpstr (closing_text, ==, closings[i]);
    }

  {
    g_autoptr(RstStatement) statement =
      parse_ok ("Mr. Chair,\n\nWe agree.\n\nThank you for organizing this meeting.\n");

    g_assert_null (find_kind (statement, RST_ELEMENT_CLOSING, 0));
  }

  /* After an opening that is all the statement says, thanks to the chair
   * close it, in every language; they are no salutation.
   */
  {
    static const char * const short_ones[] = {
      "Mr. Chairperson,\n\nWe congratulate you on your election.\n\nThank you, Mr. Chairperson.\n",
      "---\nlang: fr\n---\nMonsieur le Président,\n\nNous vous félicitons de votre élection.\n\nMerci, Monsieur le Président.\n",
      "---\nlang: zh\n---\n主席先生：\n\n中方祝贺你当选本届理事会主席。\n\n谢谢主席。\n",
    };

    for (guint i = 0; i < G_N_ELEMENTS (short_ones); i++)
      {
        g_autoptr(RstAnalysis) analysis = analyse_ok (short_ones[i], -1);
        RstStatement *statement = rst_analysis_get_statement (analysis);

        g_test_message ("%s", short_ones[i]);
        g_assert_nonnull (find_kind (statement, RST_ELEMENT_OPENING, 0));
        g_assert_nonnull (find_kind (statement, RST_ELEMENT_CLOSING, 0));
        g_assert_null (find_kind (statement, RST_ELEMENT_RETURN_SALUTATION, 0));
      }
  }
}

static void
test_languages (void)
{
  /* A language without rules of its own falls back to English. */
  g_autoptr(RstAnalysis) analysis = analyse_ok ("---\nlang: xx-YY\n---\nMr. Chair,\n\nFirst, peace.\n", -1);
  RstStatement *statement = rst_analysis_get_statement (analysis);

  g_assert_cmpstr (rst_analysis_get_detail (analysis, RST_DETAIL_LANG), ==, "xx-YY");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "en");
  g_assert_nonnull (find_kind (statement, RST_ELEMENT_SALUTATION, 0));
  g_assert_nonnull (find_kind (statement, RST_ELEMENT_PRIORITY, 0));

  /* An Arabic marker is the whole word, its tanween and tatweel with it
   * (the editor colours it, a fix replaces it); the "**" after a marker
   * stays out.
   */
  {
    static const struct {
      const char *text;
      const char *marker;
    } cases[] = {
      { "---\nlang: ar\n---\nالسيد الرئيس،\n\nأولاً، السلام.\n\nثانياً، التنمية.\n", "أولاً" },
      { "---\nlang: ar\n---\nالسيد الرئيس،\n\nأولاًـ، السلام.\n\nثانياً، التنمية.\n", "أولاًـ" },
      { "Mr. Chair,\n\n**First**, peace.\n\n**Second**, growth.\n", "First" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(RstAnalysis) marked = analyse_ok (cases[i].text, -1);
        const RstElement *priority = find_kind (rst_analysis_get_statement (marked), RST_ELEMENT_PRIORITY, 0);
        const char *text = rst_analysis_get_text (marked);

        g_assert_nonnull (priority);
        g_assert_cmpmem (text + priority->marker_start, priority->marker_end - priority->marker_start,
                         cases[i].marker, strlen (cases[i].marker));
      }
  }
}

static void
test_kind_names (void)
{
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_HEADING), ==, "heading");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_DELIVERY_MARK), ==, "delivery-mark");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_SALUTATION), ==, "salutation");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_OPENING), ==, "opening");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_ANNOUNCED_COUNT), ==, "announced-count");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_PRIORITY), ==, "priority");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_PARAGRAPH), ==, "paragraph");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_RETURN_SALUTATION), ==, "return-salutation");
  g_assert_cmpstr (rst_element_kind_to_string (RST_ELEMENT_CLOSING), ==, "closing");
}

/* Words found through the paragraphs are the words a reading of the
 * whole body finds, in every language: the outline's per-part times and
 * the over-time range rest on it.
 */
static void
assert_word_index (RstStatement *statement)
{
  const char *text = rst_statement_get_text (statement);
  gsize pos = rst_statement_get_body_offset (statement);
  gsize ws, we, s, e;
  guint n = 0;

  while (rst_next_word (text, &pos, rst_statement_get_length (statement), &ws, &we))
    {
      g_assert_true (rst_statement_get_word (statement, n, &s, &e));
      g_assert_cmpuint (s, ==, ws);
      g_assert_cmpuint (e, ==, we);
      g_assert_cmpuint (rst_statement_count_words_before (statement, ws), ==, n);
      g_assert_cmpuint (rst_statement_count_words_before (statement, ws + 1), ==, n + 1);
      n++;
    }
  g_assert_cmpuint (n, ==, rst_statement_get_word_count (statement));
  g_assert_false (rst_statement_get_word (statement, n, &s, &e));
  g_assert_cmpuint (rst_statement_count_words_before (statement, rst_statement_get_length (statement)), ==, n);
  g_assert_cmpuint (rst_statement_count_words_before (statement, 0), ==, 0);
}

static void
test_word_index (void)
{
  static const char * const files[] = {
    "ar-iom-114-egypt.txt", "en-iom-114-us-pdf.txt", "es-iom-114-segib.txt",
    "fr-iom-114-senegal.txt", "ru-iom-114-belarus.txt", "zh-iom-114-china.txt",
  };
  static const char * const texts[] = {
    "", "   \n\n  ", "One.", "---\ntitle: a b c\n---\n\nOne two.\n\nThree\nfour.\n",
    "  Leading words\n\n\n\nafter blank lines  \n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", files[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(RstAnalysis) analysis = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      analysis = analyse_ok (text, length);
      assert_word_index (rst_analysis_get_statement (analysis));
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RstStatement) statement = parse_ok (texts[i]);

      assert_word_index (statement);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/statement/fixture/structure", test_fixture_structure);
  g_test_add_func ("/statement/fixture/paragraphs", test_fixture_paragraphs);
  g_test_add_func ("/statement/word-count", test_word_count);
  g_test_add_func ("/statement/word-index", test_word_index);
  g_test_add_func ("/statement/positions", test_positions);
  g_test_add_func ("/statement/crlf", test_crlf);
  g_test_add_func ("/statement/front-matter/details", test_front_matter);
  g_test_add_func ("/statement/front-matter/crlf-bom", test_front_matter_crlf_bom);
  g_test_add_func ("/statement/front-matter/malformed", test_bad_front_matter);
  g_test_add_func ("/statement/front-matter/not-at-start", test_not_front_matter);
  g_test_add_func ("/statement/error/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/statement/error/binary", test_binary);
  g_test_add_func ("/statement/file", test_from_file);
  g_test_add_func ("/statement/pasted-lines", test_pasted_lines);
  g_test_add_func ("/statement/standalone-lines", test_standalone_lines);
  g_test_add_func ("/statement/headings", test_headings);
  g_test_add_func ("/statement/delivery-marks", test_delivery_marks);
  g_test_add_func ("/statement/salutations", test_salutations);
  g_test_add_func ("/statement/salutation-forms", test_salutation_forms);
  g_test_add_func ("/statement/return-salutation", test_return_salutation);
  g_test_add_func ("/statement/openings", test_openings);
  g_test_add_func ("/statement/announced-counts", test_announced_counts);
  g_test_add_func ("/statement/priorities", test_priorities);
  g_test_add_func ("/statement/closings", test_closings);
  g_test_add_func ("/statement/languages", test_languages);
  g_test_add_func ("/statement/kind-names", test_kind_names);

  return g_test_run ();
}
