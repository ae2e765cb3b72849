/* rst-rules-sentence.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where sentences and clauses end.
 */

#include "config.h"

#include <string.h>

#include "rst-rules-private.h"

/* Sentences ---------------------------------------------------------------- */

gboolean
rst_rules_is_abbreviation (const RstRules *rules,
                           const char     *word,
                           gsize           len)
{
  g_autofree char *buf = NULL;

  /* An initial: "J. Smith" */
  if (len == 1 && g_ascii_isupper (word[0]))
    return TRUE;
  if (len >= 64)
    return FALSE;

  buf = g_strndup (word, len);
  return g_hash_table_contains (rules->abbreviations, buf);
}

/* Quotes and brackets that close after a sentence's punctuation:
 * ." .) .” .’ .» 。」 。）
 */
static gboolean
is_closer (gunichar c)
{
  switch (c)
    {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '*':
    case '_':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0xFF09: /* ） */
      return TRUE;
    default:
      return FALSE;
    }
}

/* What ends a sentence in any of the six languages. */
static gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF0E: /* ． */
    case 0x061F: /* ؟ */
    case 0x06D4: /* ۔ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gsize
skip_closers (const char *text,
              gsize       i,
              gsize       end)
{
  while (i < end && is_closer (g_utf8_get_char (text + i)))
    i = g_utf8_next_char (text + i) - text;
  return MIN (i, end);
}

/**
 * rst_rules_sentence_stop:
 * @word_start: the start of a word just read with rst_next_word()
 * @word_end: its end
 * @end: the end of the text that may be looked at
 *
 * Whether a sentence ends right after the word: its punctuation (after
 * any closing quotes), not a full stop after an abbreviation ("Mr.",
 * "H.E.") nor one followed by a lower-case word ("e.g. the").
 *
 * Returns: the offset just past the punctuation and what closes after
 *   it, or 0 when the sentence goes on
 */
gsize
rst_rules_sentence_stop (const RstRules *rules,
                         const char     *text,
                         gsize           word_start,
                         gsize           word_end,
                         gsize           end)
{
  gsize after = skip_closers (text, word_end, end);
  gsize stop;
  gunichar c;

  if (after >= end)
    return 0;

  c = g_utf8_get_char (text + after);
  if (!is_sentence_end (c))
    return 0;

  stop = g_utf8_next_char (text + after) - text;

  if (c == '.')
    {
      gsize next = stop;

      /* "..." is one ellipsis. */
      while (next < end && text[next] == '.')
        next++;
      if (after == word_end && next == stop &&
          rst_rules_is_abbreviation (rules, text + word_start, word_end - word_start))
        return 0;
      stop = next;

      /* "e.g. the", "No. 5" are read on. */
      while (next < end && (text[next] == ' ' || text[next] == '\t'))
        next++;
      if (next > stop && next < end && g_unichar_islower (g_utf8_get_char (text + next)))
        return 0;
    }

  return skip_closers (text, MIN (stop, end), end);
}

/**
 * rst_rules_ends_sentence:
 *
 * Returns: whether [@start, @end) ends with the end of a sentence, blanks,
 *   markup and closing quotes aside
 */
gboolean
rst_rules_ends_sentence (const RstRules *rules,
                         const char     *text,
                         gsize           start,
                         gsize           end)
{
  gsize e = end;
  gsize word_end;
  gsize word_start;
  const char *prev;
  gunichar c;

  while (e > start && g_ascii_isspace (text[e - 1]))
    e--;
  while (e > start)
    {
      prev = g_utf8_find_prev_char (text + start, text + e);
      if (prev == NULL || !is_closer (g_utf8_get_char (prev)))
        break;
      e = prev - text;
    }
  if (e == start)
    return FALSE;

  prev = g_utf8_find_prev_char (text + start, text + e);
  c = g_utf8_get_char (prev);
  if (!is_sentence_end (c))
    return FALSE;
  if (c != '.')
    return TRUE;

  /* The word before the full stop must not be an abbreviation. */
  word_end = prev - text;
  if (word_end > start && text[word_end - 1] == '.')
    return TRUE;  /* "..." */
  word_start = word_end;
  while (word_start > start && !g_ascii_isspace (text[word_start - 1]) &&
         text[word_start - 1] != '(' && text[word_start - 1] != '"')
    word_start--;

  return !rst_rules_is_abbreviation (rules, text + word_start, word_end - word_start);
}


/**
 * rst_rules_ends_clause:
 *
 * Returns: whether [@start, @end) may end a paragraph, or come before a
 *   list item: the end of a sentence, or a colon or semicolon ("Let me
 *   make three points:"), blanks and markup aside
 */
gboolean
rst_rules_ends_clause (const RstRules *rules,
                       const char     *text,
                       gsize           start,
                       gsize           end)
{
  gsize e = end;
  gunichar last;

  if (rst_rules_ends_sentence (rules, text, start, end))
    return TRUE;

  while (e > start && (g_ascii_isspace (text[e - 1]) || text[e - 1] == '*' || text[e - 1] == '_'))
    e--;
  if (e == start)
    return FALSE;

  last = g_utf8_get_char (g_utf8_find_prev_char (text + start, text + e));
  return last == ':' || last == ';' || last == 0xFF1A /* ： */ || last == 0xFF1B /* ； */ ||
         last == 0x061B /* ؛ */;
}

