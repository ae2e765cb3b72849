/* rst-rules-heading.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headings, the Basmala above them, and openings.
 */

#include "config.h"

#include <string.h>

#include "rst-rules-private.h"

/* Headings and openings --------------------------------------------------- */

static gboolean
contains_month (const RstRules *rules,
                const char     *t,
                gsize           len)
{
  for (gsize p = 0; p < len; p = g_utf8_next_char (t + p) - t)
    {
      gsize after;

      /* At a word's start only, but anywhere in Chinese (11月). */
      if (p > 0 && rules->spaces && _rst_rules_is_letter (_rst_rules_char_before (t, p)))
        continue;
      if (_rst_rules_longest_prefix (rules->months, t, p, len, &after) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
rst_rules_match_heading (const RstRules *rules,
                         const char     *text,
                         gsize           len)
{
  g_autoptr(RstFolded) n = NULL;
  const char *t;
  gsize i = 0, after, e;

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i >= len)
    return FALSE;

  if (text[i] == '#' || (i + 1 < len && text[i] == '*' && text[i + 1] == '*') ||
      (i + 1 < len && text[i] == '_' && text[i + 1] == '_'))
    return TRUE;

  /* Headings say what they are early; prose is long. */
  n = _rst_rules_fold_line (rules, text + i, MIN (len - i, 400));
  t = n->text->str;
  e = n->text->len;

  if (_rst_rules_set_has (rules->basmala, t, 0, e))
    return TRUE;
  if (_rst_rules_longest_prefix (rules->heading_prefixes, t, 0, e, &after) != NULL)
    return TRUE;

  if (len - i > 400)
    return FALSE;

  /* "UN Human Rights Council 58th session: General debate …" */
  if (rst_rules_find_session (rules, text + i, len - i) > 0)
    return TRUE;

  if (len - i > 300)
    return FALSE;

  /* "在国际移民组织理事会第114届会议上的发言" */
  for (guint k = 0; k < rules->heading_suffixes->len; k++)
    {
      const Phrase *suffix = &g_array_index (rules->heading_suffixes, Phrase, k);

      if (e >= suffix->len && memcmp (t + e - suffix->len, suffix->text, suffix->len) == 0)
        return TRUE;
    }

  /* A short line without final punctuation: a title, a session line. */
  while (e > 0 && t[e - 1] == ' ')
    e--;
  if (e > 0 && strchr (".!?,;:", t[e - 1]) == NULL)
    return TRUE;

  /* "Geneva, 28 November 2023." */
  if (len - i <= 60)
    {
      gboolean digit = FALSE;

      for (gsize k = 0; k < e && !digit; k++)
        digit = g_ascii_isdigit (t[k]);
      return digit && contains_month (rules, t, e);
    }

  return FALSE;
}

/* Whether @text is the Basmala, which may open a statement before its
 * heading.
 */
gboolean
rst_rules_is_basmala (const RstRules *rules,
                      const char     *text,
                      gsize           len)
{
  g_autoptr(RstFolded) n = NULL;
  gsize s = 0, e;

  if (len > RST_RULES_LINE_MAX || g_hash_table_size (rules->basmala) == 0)
    return FALSE;

  n = _rst_rules_fold_line (rules, text, len);
  e = n->text->len;
  while (e > 0 && strchr (" .,:", n->text->str[e - 1]) != NULL)
    e--;
  return _rst_rules_set_has (rules->basmala, n->text->str, s, e);
}

/* rst_rules_match_opening() of a paragraph already folded. */
gboolean
rst_rules_match_opening_folded (const RstRules  *rules,
                                const RstFolded *n)
{
  for (guint i = 0; i < rules->opening_phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (rules->opening_phrases, Phrase, i);

      /* A stem ("congratulat", "félicit") matches any ending. */
      if (strstr (n->text->str, phrase->text) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
rst_rules_match_opening (const RstRules *rules,
                         const char     *text,
                         gsize           len)
{
  g_autoptr(RstFolded) n = _rst_rules_fold_line (rules, text, MIN (len, RST_RULES_OPENING_SPAN));

  return rst_rules_match_opening_folded (rules, n);
}

