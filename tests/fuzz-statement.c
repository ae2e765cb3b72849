/* fuzz-statement.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over parse + check. Beyond crashes and sanitizer
 * reports it aborts when an invariant the UI and exporters rely on breaks:
 * ranges inside the text and sorted, fixes on character boundaries, and
 * every fix giving text that parses again.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rst-checker.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static gboolean
on_boundary (const char *text,
             gsize       length,
             gsize       offset)
{
  return offset == 0 || offset == length || ((guchar)text[offset] & 0xC0) != 0x80;
}

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

static void
check_fix (RstStatement *statement,
           const RstFix *fix)
{
  const char *text = rst_statement_get_text (statement);
  gsize length = rst_statement_get_length (statement);
  g_autoptr(GString) fixed = NULL;
  g_autoptr(RstStatement) again = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE (fix->start <= fix->end && fix->end <= length);
  REQUIRE (on_boundary (text, length, fix->start) && on_boundary (text, length, fix->end));
  REQUIRE (g_utf8_validate (fix->replacement, -1, NULL));

  fixed = g_string_new_len (text, fix->start);
  g_string_append (fixed, fix->replacement);
  g_string_append_len (fixed, text + fix->end, length - fix->end);

  again = rst_statement_parse (fixed->str, fixed->len, &error);
  /* A fix may only break front matter that its own line holds. */
  REQUIRE (again != NULL || g_error_matches (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_FRONT_MATTER));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RstStatement) statement = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  const RstElement *elements;
  const RstParagraph *paragraphs;
  RstCheckOptions options = { 30, 130 };
  const char *text;
  gsize length;
  guint n_elements, n_paragraphs;
  gsize last = 0;

  statement = rst_statement_parse ((const char *)data, size, &error);
  if (statement == NULL)
    {
      REQUIRE (error != NULL && error->domain == RST_STATEMENT_ERROR);
      return 0;
    }

  text = rst_statement_get_text (statement);
  length = rst_statement_get_length (statement);
  REQUIRE (length == size);
  REQUIRE (rst_statement_get_body_offset (statement) <= length);

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
      guint line, column;

      REQUIRE (el->start <= el->end && el->end <= length && el->start >= last);
      REQUIRE (on_boundary (text, length, el->start) && on_boundary (text, length, el->end));
      if (el->kind == RST_ELEMENT_PRIORITY || el->kind == RST_ELEMENT_ANNOUNCED_COUNT)
        REQUIRE (el->marker_start >= el->start && el->marker_start <= el->marker_end &&
                 el->marker_end <= el->end);
      REQUIRE (rst_element_kind_to_string (el->kind) != NULL);
      rst_statement_offset_to_position (statement, el->end, &line, &column);
      REQUIRE (line >= 1 && column >= 1);
      last = el->start;
    }

  diagnostics = rst_check_statement (statement, &options);
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
      last = start;

      /* Reparsing is the costly part: try the fixes of a few only. */
      for (guint k = 0; k < fixes->len && i < 8; k++)
        check_fix (statement, g_ptr_array_index (fixes, k));
    }

  return 0;
}
