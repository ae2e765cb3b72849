/* rst-word.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-word.h"

/* ASCII letters and digits; 0 for every other byte. */
static const guint8 alnum_table[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
  ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
};

/**
 * rst_word_is_ideograph:
 *
 * Returns: whether @c is a Han character (or a kana): in text written
 *   without spaces each is a word of its own
 */
gboolean
rst_word_is_ideograph (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) ||   /* kana */
         (c >= 0x3400 && c <= 0x4DBF) ||   /* extension A */
         (c >= 0x4E00 && c <= 0x9FFF) ||   /* unified ideographs */
         (c >= 0xF900 && c <= 0xFAFF) ||   /* compatibility */
         (c >= 0x20000 && c <= 0x3FFFF);   /* supplementary planes */
}

/* What a character is to the tokenizer. */
typedef enum
{
  KIND_SEPARATOR,
  KIND_LETTER,
  KIND_IDEOGRAPH,
  /* The typographic apostrophe: inside a word only ("don’t"). */
  KIND_APOSTROPHE,
} Kind;

static Kind
kind_of (gunichar c)
{
  if (c == 0x2019)
    return KIND_APOSTROPHE;
  if (rst_word_is_ideograph (c))
    return KIND_IDEOGRAPH;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return KIND_LETTER;
  return KIND_SEPARATOR;
}

static gboolean
is_word_start_at (const char *text,
                  gsize       i,
                  gsize       end)
{
  guchar c = (guchar) text[i];
  Kind kind;

  if (c < 0x80)
    return alnum_table[c];
  kind = kind_of (g_utf8_get_char_validated (text + i, end - i));
  return kind == KIND_LETTER || kind == KIND_IDEOGRAPH;
}

/**
 * rst_next_word:
 * @pos: (inout): where to look from; moved past the word
 * @word_start: (out): its first byte
 * @word_end: (out): the byte after it
 *
 * The one tokenizer of the word count, the checker and the timing, in
 * every script: a word is a run of letters, digits and marks, with
 * apostrophes, hyphens and full stops inside it ("Director-General",
 * "don’t", "H.E", "3.5"); punctuation of any script separates; each Han
 * character is a word of its own, since Chinese is written without spaces.
 *
 * Returns: %FALSE at @end
 */
gboolean
rst_next_word (const char *text,
               gsize      *pos,
               gsize       end,
               gsize      *word_start,
               gsize      *word_end)
{
  gsize i = *pos;

  /* Past separators; the common case first: spaces and ASCII punctuation. */
  while (i < end)
    {
      guchar c = (guchar) text[i];

      if (c < 0x80)
        {
          if (alnum_table[c])
            break;
          i++;
          continue;
        }

      if (is_word_start_at (text, i, end))
        break;
      i = MIN (end, (gsize) (g_utf8_next_char (text + i) - text));
    }

  if (i >= end)
    {
      *pos = end;
      return FALSE;
    }

  *word_start = i;

  if ((guchar) text[i] >= 0x80 &&
      kind_of (g_utf8_get_char_validated (text + i, end - i)) == KIND_IDEOGRAPH)
    {
      i = MIN (end, (gsize) (g_utf8_next_char (text + i) - text));
      *word_end = *pos = i;
      return TRUE;
    }

  while (i < end)
    {
      guchar c = (guchar) text[i];

      /* The common case first: a run of ASCII letters and digits. */
      if (c < 0x80)
        {
          if (alnum_table[c])
            i++;
          /* Inside a word only: "Director-General", "H.E", "don't", "3.5" */
          else if ((c == '\'' || c == '-' || c == '.') && i + 1 < end &&
                   is_word_start_at (text, i + 1, end))
            i++;
          else
            break;
          continue;
        }

      switch (kind_of (g_utf8_get_char_validated (text + i, end - i)))
        {
        case KIND_LETTER:
          i = MIN (end, (gsize) (g_utf8_next_char (text + i) - text));
          continue;

        case KIND_APOSTROPHE:
          {
            gsize after = MIN (end, (gsize) (g_utf8_next_char (text + i) - text));

            if (after < end && is_word_start_at (text, after, end))
              {
                i = after;
                continue;
              }
          }
          break;

        case KIND_IDEOGRAPH:
        case KIND_SEPARATOR:
        default:
          break;
        }
      break;
    }

  /* Always move on, whatever the bytes. */
  if (i == *word_start)
    i = MIN (end, (gsize) (g_utf8_next_char (text + i) - text));

  *word_end = i;
  *pos = i;
  return TRUE;
}
