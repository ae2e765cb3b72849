/* rst-markup.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-markup.h"

/* The inline markup of a statement: "**bold**" and "*italic*", the only
 * kinds a statement has. Every asterisk is markup unless a backslash
 * escapes it, and then the backslash is markup instead: the rule by
 * which rst_analysis_dup_element_text() gives an element's text as a
 * reader sees it. The editor dims these characters outside the cursor's
 * line.
 */

/* Whether the byte at @at is a backslash that makes the next "*" text. */
gboolean
rst_markup_is_escape (const char *text,
                      gsize       length,
                      gsize       at)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  return at + 1 < length && text[at] == '\\' && text[at + 1] == '*';
}

/**
 * rst_markup_find_runs:
 * @text: UTF-8 text, a line or a whole statement
 * @length: its length in bytes
 *
 * Finds the markup characters of @text: each run of asterisks, and each
 * backslash that escapes one. Linear in @length.
 *
 * Returns: (transfer full) (element-type RstMarkupRun): the runs in order
 */
GArray *
rst_markup_find_runs (const char *text,
                      gsize       length)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (RstMarkupRun));
  gsize i = 0;

  g_return_val_if_fail (text != NULL || length == 0, runs);

  while (i < length)
    {
      RstMarkupRun run;

      if (rst_markup_is_escape (text, length, i))
        {
          /* The backslash is markup; the asterisk after it is text. */
          run.start = i;
          run.end = i + 1;
          g_array_append_val (runs, run);
          i += 2;
          continue;
        }
      if (text[i] != '*')
        {
          i++;
          continue;
        }

      run.start = i;
      while (i < length && text[i] == '*')
        i++;
      run.end = i;
      g_array_append_val (runs, run);
    }

  return runs;
}
