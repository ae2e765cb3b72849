/* fuzz-statement.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over the analysis (parse + check + outline). Bytes that
 * the text file reader refuses never reach it; the rest must analyse.
 * Beyond crashes and sanitizer reports it aborts when an invariant the UI
 * and exporters rely on breaks: ranges inside the text and sorted, on
 * character boundaries, positions that map back to their offsets,
 * element texts on one line, and every fix giving text that analyses
 * again.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-analysis.h"
#include "rst-text-file.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A tight council so that the time rule runs too: 30 seconds at 130
 * words a minute. Read-only once made, as every analysis context.
 */
static RstAnalysisContext *fuzz_context;

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_key_file_set_string (key_file, "Council", "Name", "Fuzz Council");
  g_key_file_set_string (key_file, "Council", "TimeLimit", "0:30");
  g_key_file_set_string (key_file, "Council", "WordsPerMinute", "130");
  council = rst_council_new_from_key_file ("fuzz", key_file, &error);
  REQUIRE (council != NULL);

  fuzz_context = rst_analysis_context_new ();
  rst_analysis_context_set_council (fuzz_context, council);

  return 0;
}

static gboolean
on_boundary (const char *text,
             gsize       length,
             gsize       offset)
{
  return offset == 0 || offset == length || ((guchar)text[offset] & 0xC0) != 0x80;
}

static gboolean
has_code (RstAnalysis *analysis,
          const char  *code)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);

  for (guint i = 0; i < diagnostics->len; i++)
    if (strcmp (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code) == 0)
      return TRUE;
  return FALSE;
}

/* An offset maps to a line and column and back, unless it is inside a
 * "\r\n" line break (the break is one position).
 */
static void
check_position (RstAnalysis *analysis,
                gsize        offset)
{
  const char *text = rst_analysis_get_text (analysis);
  gsize length = rst_analysis_get_length (analysis);
  guint line = 0, column = 0;

  rst_analysis_locate (analysis, offset, &line, &column);
  REQUIRE (line >= 1 && column >= 1);
  if (offset > 0 && offset < length && text[offset] == '\n' && text[offset - 1] == '\r')
    return;
  REQUIRE (rst_analysis_get_offset (analysis, line, column) == offset);
}

static void
check_fix (RstAnalysis  *analysis,
           const RstFix *fix)
{
  const char *text = rst_analysis_get_text (analysis);
  gsize length = rst_analysis_get_length (analysis);
  g_autoptr(GString) fixed = NULL;
  g_autoptr(RstAnalysis) again = NULL;

  REQUIRE (fix->start <= fix->end && fix->end <= length);
  REQUIRE (on_boundary (text, length, fix->start) && on_boundary (text, length, fix->end));
  REQUIRE (g_utf8_validate (fix->replacement, -1, NULL));

  fixed = g_string_new_len (text, fix->start);
  g_string_append (fixed, fix->replacement);
  g_string_append_len (fixed, text + fix->end, length - fix->end);

  /* A fix gives text again: nothing the reader would refuse. */
  REQUIRE (rst_text_validate (fixed->str, fixed->len, NULL));
  again = rst_analysis_new (fixed->str, fixed->len, fuzz_context);
  REQUIRE (again != NULL);
  REQUIRE (rst_analysis_get_length (again) == fixed->len);
  /* A fix may only break front matter that it touches itself. */
  if (has_code (again, RST_CODE_FRONT_MATTER_INVALID) &&
      !has_code (analysis, RST_CODE_FRONT_MATTER_INVALID))
    REQUIRE (fix->start <= rst_analysis_get_body_offset (analysis));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  RstStatement *statement;
  const RstElement *elements;
  const RstParagraph *paragraphs;
  GPtrArray *diagnostics;
  GPtrArray *outline;
  const char *text;
  gsize length;
  guint n_elements, n_paragraphs;
  gsize last = 0;

  /* What the text file reader refuses, with one of its errors. */
  if (!rst_text_validate ((const char *)data, size, &error))
    {
      REQUIRE (error != NULL && error->domain == RST_TEXT_FILE_ERROR);
      REQUIRE (rst_text_sniff ((const char *)data, size, NULL) != RST_TEXT_KIND_UTF8);
      return 0;
    }

  analysis = rst_analysis_new ((const char *)data, size, fuzz_context);
  REQUIRE (analysis != NULL);

  text = rst_analysis_get_text (analysis);
  length = rst_analysis_get_length (analysis);
  statement = rst_analysis_get_statement (analysis);
  REQUIRE (length == size);
  REQUIRE (rst_statement_get_length (statement) == length);
  REQUIRE (rst_statement_get_body_offset (statement) == rst_analysis_get_body_offset (analysis));
  REQUIRE (rst_analysis_get_body_offset (analysis) <= length);
  REQUIRE (rst_analysis_get_language (analysis) != NULL);
  REQUIRE (rst_analysis_get_council (analysis) != NULL);
  REQUIRE (rst_analysis_get_details (analysis) != NULL);
  REQUIRE (rst_analysis_get_front_matter (analysis) != NULL);
  {
    g_autofree char *timing = rst_analysis_dup_timing_text (analysis);

    REQUIRE (timing != NULL && g_utf8_validate (timing, -1, NULL));
  }

  paragraphs = rst_statement_get_paragraphs (statement, &n_paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      REQUIRE (paragraphs[i].start < paragraphs[i].end && paragraphs[i].end <= length);
      REQUIRE (paragraphs[i].start >= last);
      last = paragraphs[i].end;
    }

  last = 0;
  elements = rst_statement_get_elements (statement, &n_elements);
  for (guint i = 0; i < n_elements; i++)
    {
      const RstElement *el = &elements[i];
      g_autofree char *element_text = NULL;
      gsize element_length;

      REQUIRE (el->start <= el->end && el->end <= length && el->start >= last);
      REQUIRE (on_boundary (text, length, el->start) && on_boundary (text, length, el->end));
      if (el->kind == RST_ELEMENT_PRIORITY || el->kind == RST_ELEMENT_ANNOUNCED_COUNT)
        REQUIRE (el->marker_start >= el->start && el->marker_start <= el->marker_end &&
                 el->marker_end <= el->end);
      REQUIRE (rst_element_kind_to_string (el->kind) != NULL);
      check_position (analysis, el->start);
      check_position (analysis, el->end);

      /* As `--json` and the exporters print it: one trimmed line. */
      element_text = rst_analysis_dup_element_text (analysis, el);
      element_length = strlen (element_text);
      REQUIRE (g_utf8_validate (element_text, -1, NULL));
      REQUIRE (element_length <= el->end - el->start);
      REQUIRE (strchr (element_text, '\n') == NULL && strchr (element_text, '\r') == NULL);
      REQUIRE (element_length == 0 ||
               (!g_ascii_isspace (element_text[0]) && !g_ascii_isspace (element_text[element_length - 1])));
      last = el->start;
    }

  diagnostics = rst_analysis_get_diagnostics (analysis);
  last = 0;
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *d = g_ptr_array_index (diagnostics, i);
      GPtrArray *fixes = rst_diagnostic_get_fixes (d);
      gsize start = rst_diagnostic_get_start (d);
      gsize end = rst_diagnostic_get_end (d);

      REQUIRE (start <= end && end <= length && start >= last);
      REQUIRE (on_boundary (text, length, start) && on_boundary (text, length, end));
      REQUIRE (g_utf8_validate (rst_diagnostic_get_message (d), -1, NULL));
      check_position (analysis, start);
      last = start;

      /* Analysing again is the costly part: try the fixes of a few only. */
      for (guint k = 0; k < fixes->len && i < 8; k++)
        check_fix (analysis, g_ptr_array_index (fixes, k));
    }
  REQUIRE (rst_analysis_has_errors (analysis) == (rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR) > 0));

  outline = rst_analysis_get_outline (analysis);
  last = 0;
  for (guint i = 0; i < outline->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (outline, i);
      gsize start = rst_outline_item_get_start (item);

      REQUIRE (start >= last);
      REQUIRE (start <= rst_outline_item_get_end (item));
      REQUIRE (rst_outline_item_get_end (item) <= rst_outline_item_get_section_end (item));
      REQUIRE (rst_outline_item_get_section_end (item) <= length);
      REQUIRE (rst_outline_item_get_n_diagnostics (item) <= diagnostics->len);
      last = start;
    }

  return 0;
}
