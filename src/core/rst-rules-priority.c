/* rst-rules-priority.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Priority markers, announced counts and the ordinals that replace them.
 */

#include "config.h"

#include <string.h>

#include "rst-rules-private.h"

/* Priorities --------------------------------------------------------------- */

static gsize
skip_markup (const char *text,
             gsize       i,
             gsize       len)
{
  while (i < len && (text[i] == '*' || text[i] == '_' || text[i] == '#' ||
                     text[i] == '>' || text[i] == ' ' || text[i] == '\t'))
    i++;
  return i;
}

/* What may follow a marker in folded @t: punctuation or a dash, or, for
 * loose markers, the text itself.
 */
static gboolean
ends_marker (const RstRules *rules,
             const char     *t,
             gsize           i,
             gsize           len,
             gboolean        loose)
{
  gunichar next;

  if (i >= len)
    return FALSE;
  if (strchr (",:;.", t[i]) != NULL)
    return TRUE;
  if (t[i] == '-' && (i + 1 >= len || t[i + 1] == ' '))
    return TRUE;

  if (t[i] == ' ')
    {
      gsize j = _rst_rules_skip_spaces (t, i, len);

      if (j < len && t[j] == '-')
        return TRUE;
      return loose && j < len && _rst_rules_is_letter (_rst_rules_char_at (t, j, len)) &&
             (!g_unichar_isupper (_rst_rules_char_at (t, j, len)) || !rules->spaces);
    }

  /* 第一次会议 is "the first meeting", not a first point. */
  next = _rst_rules_char_at (t, i, len);
  for (guint k = 0; k < rules->not_followed_by->len; k++)
    if (g_array_index (rules->not_followed_by, gunichar, k) == next)
      return FALSE;

  return loose && !rules->spaces && _rst_rules_is_letter (next);
}

static RstOrdinalStyle
style_for_series (guint series)
{
  return series == 0 ? RST_ORDINAL_STYLE_WORD :
         series == 1 ? RST_ORDINAL_STYLE_LY : RST_ORDINAL_STYLE_SERIES3 + (series - 2);
}

static gint
series_for_style (RstOrdinalStyle style)
{
  if (style == RST_ORDINAL_STYLE_WORD || style == RST_ORDINAL_STYLE_PHRASE)
    return 0;
  if (style == RST_ORDINAL_STYLE_LY)
    return 1;
  if (style >= RST_ORDINAL_STYLE_SERIES3 && style < RST_ORDINAL_STYLE_SERIES3 + MAX_SERIES - 2)
    return 2 + (style - RST_ORDINAL_STYLE_SERIES3);
  return -1;
}

/* "1." "2)" "(3)" — at most two digits, so that "2023." is no marker. */
static gboolean
match_number (const char      *text,
              gsize            i,
              gsize            len,
              gsize           *marker_start,
              gsize           *marker_end,
              guint           *value)
{
  gsize j = i;
  guint v = 0;
  gboolean bracket = FALSE;

  if (j < len && text[j] == '(')
    {
      bracket = TRUE;
      j++;
    }
  while (j < len && j - i < 4 && g_ascii_isdigit (text[j]))
    v = v * 10 + (text[j++] - '0');
  if (v == 0 || j - i > 2 + bracket || j + 1 >= len)
    return FALSE;
  if (bracket ? text[j] != ')' : (text[j] != '.' && text[j] != ')'))
    return FALSE;
  if (text[j + 1] != ' ' && text[j + 1] != '\t')
    return FALSE;

  *marker_start = i;
  *marker_end = j + 1;
  *value = v;
  return TRUE;
}

/**
 * rst_rules_match_priority_folded:
 * @text: a paragraph
 * @n: @text folded (its first bytes at least)
 *
 * rst_rules_match_priority() for a paragraph the caller folded once for
 * every matcher.
 */
gboolean
rst_rules_match_priority_folded (const RstRules  *rules,
                                 const char      *text,
                                 gsize            len,
                                 const RstFolded *n,
                                 gsize           *marker_start,
                                 gsize           *marker_end,
                                 guint           *value,
                                 RstOrdinalStyle *style)
{
  const char *t;
  gsize i = skip_markup (text, 0, len);
  gsize fs = 0;
  gsize e;
  gsize after;
  const Phrase *marker;

  if (i >= len)
    return FALSE;

  if (match_number (text, i, len, marker_start, marker_end, value))
    {
      *style = RST_ORDINAL_STYLE_NUMBER;
      return TRUE;
    }

  /* What folding keeps of the markup: a heading's "#", a quote's ">". */
  while (fs < n->text->len && strchr ("#> ", n->text->str[fs]) != NULL)
    fs++;
  t = n->text->str + fs;
  e = MIN (n->text->len - fs, 80);
  /* Not in the middle of a character. */
  while (e < n->text->len - fs && ((guchar) t[e] & 0xC0) == 0x80)
    e++;

  marker = _rst_rules_longest_prefix (rules->markers, t, 0, e, &after);
  if (marker == NULL && !rules->spaces)
    {
      /* Chinese markers run into the text: 一是坚持…, 第一，… */
      for (guint k = 0; k < rules->markers->len && marker == NULL; k++)
        {
          const Phrase *phrase = &g_array_index (rules->markers, Phrase, k);

          if (phrase->len <= e && memcmp (t, phrase->text, phrase->len) == 0)
            {
              marker = phrase;
              after = phrase->len;
            }
        }
    }

  if (marker != NULL && ends_marker (rules, t, after, e, marker->loose))
    {
      *marker_start = rst_folded_source_start (n, fs);
      *marker_end = rst_folded_source_end (n, fs + after);
      *value = marker->value;
      *style = marker->finally ? RST_ORDINAL_STYLE_FINALLY : style_for_series (marker->series);
      return TRUE;
    }

  /* "Our first priority", "The second is" */
  if (g_hash_table_size (rules->determiners) > 0)
    {
      gsize w1e, w2, w2e, w3, w3e;

      for (w1e = 0; w1e < e && t[w1e] != ' '; w1e++)
        ;
      if (!_rst_rules_set_has (rules->determiners, t, 0, w1e))
        return FALSE;

      w2 = _rst_rules_skip_spaces (t, w1e, e);
      for (w2e = w2; w2e < e && t[w2e] != ' '; w2e++)
        ;
      w3 = _rst_rules_skip_spaces (t, w2e, e);
      for (w3e = w3; w3e < e && t[w3e] != ' ' && t[w3e] != ',' && t[w3e] != ':'; w3e++)
        ;
      if (!_rst_rules_set_has (rules->phrase_nouns, t, w3, w3e))
        return FALSE;

      marker = _rst_rules_longest_prefix (rules->markers, t, w2, w2e, &after);
      if (marker != NULL && !marker->finally && marker->series == 0 && after == w2e)
        {
          *value = marker->value;
          *style = RST_ORDINAL_STYLE_PHRASE;
        }
      else if (_rst_rules_set_has (rules->phrase_last, t, w2, w2e))
        {
          *value = 0;
          *style = RST_ORDINAL_STYLE_FINALLY;
        }
      else
        return FALSE;

      *marker_start = rst_folded_source_start (n, fs + w2);
      *marker_end = rst_folded_source_end (n, fs + w2e);
      return TRUE;
    }

  return FALSE;
}

gboolean
rst_rules_match_priority (const RstRules  *rules,
                          const char      *text,
                          gsize            len,
                          gsize           *marker_start,
                          gsize           *marker_end,
                          guint           *value,
                          RstOrdinalStyle *style)
{
  g_autoptr(RstFolded) n = _rst_rules_fold_line (rules, text, MIN (len, RST_RULES_PRIORITY_SPAN));

  return rst_rules_match_priority_folded (rules, text, len, n, marker_start, marker_end, value, style);
}

/* Announced counts --------------------------------------------------------- */

/* A number at @p: digits or a number word. */
static gboolean
number_at (const RstRules *rules,
           const char     *t,
           gsize           p,
           gsize           e,
           guint          *value,
           gsize          *after)
{
  const Phrase *number;

  if (g_ascii_isdigit (t[p]))
    {
      gsize q = p;
      guint v = 0;

      while (q < e && q - p < 3 && g_ascii_isdigit (t[q]))
        v = v * 10 + (t[q++] - '0');
      if (q - p > 2 || !_rst_rules_ends_word (t, q, e))
        return FALSE;
      *value = v;
      *after = q;
      return TRUE;
    }

  number = _rst_rules_longest_prefix (rules->numbers, t, p, e, after);
  if (number == NULL)
    return FALSE;
  *value = number->value;
  return TRUE;
}

/* A count noun at @p, after at most two adjectives. */
static gboolean
noun_at (const RstRules *rules,
         const char     *t,
         gsize           p,
         gsize           e,
         gsize          *after)
{
  for (guint k = 0; k < 3; k++)
    {
      p = _rst_rules_skip_spaces (t, p, e);
      if (_rst_rules_longest_prefix (rules->count_nouns, t, p, e, after) != NULL)
        return TRUE;
      if (_rst_rules_longest_prefix (rules->count_adjectives, t, p, e, after) == NULL)
        return FALSE;
      p = *after;
    }
  return FALSE;
}

/* rst_rules_find_announced_count() of a paragraph already folded. */
gboolean
rst_rules_find_announced_count_folded (const RstRules  *rules,
                                       const RstFolded *n,
                                       gsize           *start,
                                       gsize           *end,
                                       gsize           *marker_start,
                                       gsize           *marker_end,
                                       guint           *value)
{
  const char *t = n->text->str;
  gsize e = n->text->len;
  gsize previous_word = G_MAXSIZE;

  for (gsize p = 0; p < e; p = g_utf8_next_char (t + p) - t)
    {
      gsize q, r;
      guint v = 0;
      gboolean word_start = p == 0 || !_rst_rules_is_letter (_rst_rules_char_before (t, p)) ||
                            rst_word_is_ideograph (_rst_rules_char_at (t, p, e));

      if (!word_start)
        continue;

      /* "three points", 三点, "ثلاث نقاط" */
      if (number_at (rules, t, p, e, &v, &q) && v >= 2 && v <= 10 && noun_at (rules, t, q, e, &r))
        {
          *start = rst_folded_source_start (n, p);
          *end = rst_folded_source_end (n, r);
          *marker_start = *start;
          *marker_end = rst_folded_source_end (n, q);
          *value = v;
          return TRUE;
        }

      /* "النقاط الثلاث": the noun first, where the language says so. */
      if (rules->noun_first && _rst_rules_longest_prefix (rules->count_nouns, t, p, e, &q) != NULL)
        {
          gsize m = _rst_rules_skip_spaces (t, q, e);

          if (number_at (rules, t, m, e, &v, &r) && v >= 2 && v <= 10)
            {
              *start = rst_folded_source_start (n, p);
              *end = rst_folded_source_end (n, r);
              *marker_start = rst_folded_source_start (n, m);
              *marker_end = *end;
              *value = v;
              return TRUE;
            }
        }

      /* "the following points", « les points suivants », 以下几点: no
       * number announced.
       */
      if (_rst_rules_longest_prefix (rules->following, t, p, e, &q) != NULL)
        {
          gboolean article = g_hash_table_size (rules->following_articles) == 0 || !rules->spaces;

          if (!article && previous_word != G_MAXSIZE)
            article = _rst_rules_set_has (rules->following_articles, t, previous_word, p > 0 ? p - 1 : 0);

          if (article && noun_at (rules, t, q, e, &r))
            {
              *start = rst_folded_source_start (n, previous_word != G_MAXSIZE && rules->spaces ? previous_word : p);
              *end = rst_folded_source_end (n, r);
              *marker_start = rst_folded_source_start (n, p);
              *marker_end = rst_folded_source_end (n, q);
              *value = 0;
              return TRUE;
            }
        }
      if (_rst_rules_longest_prefix (rules->count_nouns, t, p, e, &q) != NULL)
        {
          gsize f = _rst_rules_skip_spaces (t, q, e);

          if (_rst_rules_longest_prefix (rules->following, t, f, e, &r) != NULL)
            {
              *start = rst_folded_source_start (n, p);
              *end = rst_folded_source_end (n, r);
              *marker_start = rst_folded_source_start (n, f);
              *marker_end = *end;
              *value = 0;
              return TRUE;
            }
        }

      if (rules->spaces && t[p] != ' ')
        previous_word = p;
    }

  return FALSE;
}

gboolean
rst_rules_find_announced_count (const RstRules *rules,
                                const char     *text,
                                gsize           len,
                                gsize          *start,
                                gsize          *end,
                                gsize          *marker_start,
                                gsize          *marker_end,
                                guint          *value)
{
  g_autoptr(RstFolded) n = _rst_rules_fold_line (rules, text, MIN (len, RST_RULES_COUNT_SPAN));

  return rst_rules_find_announced_count_folded (rules, n, start, end, marker_start, marker_end, value);
}


/* Replacements ------------------------------------------------------------- */

static char *
apply_case (const char *word,
            const char *like,
            gsize       like_len)
{
  guint upper = 0, lower = 0;
  gunichar first = like_len > 0 ? g_utf8_get_char (like) : 0;

  for (const char *p = like; p < like + like_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
    }

  if (upper >= 2 && lower == 0)
    return g_utf8_strup (word, -1);
  if (g_unichar_islower (first))
    return g_utf8_strdown (word, -1);
  if (g_unichar_isupper (first) && word[0] != '\0')
    {
      char buf[6];
      int n = g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (word)), buf);

      return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (word));
    }

  return g_strdup (word);
}


/**
 * rst_rules_ordinal_for:
 *
 * Returns: (transfer full) (nullable): the marker for @value in @style,
 *   in the case of @like ("FIFTH" → "FOURTH"); %NULL when the language
 *   has none
 */
char *
rst_rules_ordinal_for (const RstRules  *rules,
                       RstOrdinalStyle  style,
                       guint            value,
                       const char      *like,
                       gsize            like_len)
{
  g_autofree char *word = NULL;
  gint series;

  if (value == 0)
    return NULL;

  if (style == RST_ORDINAL_STYLE_NUMBER)
    {
      char close = like_len > 0 && like[like_len - 1] == ')' ? ')' : '.';

      if (like_len > 0 && like[0] == '(')
        return g_strdup_printf ("(%u)", value);
      return g_strdup_printf ("%u%c", value, close);
    }

  series = series_for_style (style);
  if (series < 0 || (guint) series >= rules->n_series || value > g_strv_length (rules->series[series]))
    return NULL;

  word = _rst_rules_first_form (rules->series[series][value - 1]);
  return apply_case (word, like, like_len);
}

char *
rst_rules_count_word_for (const RstRules *rules,
                          guint           value,
                          const char     *like,
                          gsize           like_len)
{
  g_autofree char *word = NULL;

  if (like_len > 0 && g_ascii_isdigit (like[0]))
    return g_strdup_printf ("%u", value);
  if (value == 0 || value > g_strv_length (rules->number_words))
    return NULL;
  word = _rst_rules_first_form (rules->number_words[value - 1]);
  return apply_case (word, like, like_len);
}

/**
 * rst_rules_ordinal_suffix:
 *
 * Returns: the suffix of the ordinal @n ("st" for 101), or %NULL when the
 *   language writes no such suffixes
 */
const char *
rst_rules_ordinal_suffix (const RstRules *rules,
                          guint64         n)
{
  if (rules->suffix_by_digit == NULL)
    return NULL;
  if (rules->suffix_teens != NULL && n % 100 >= 11 && n % 100 <= 13)
    return rules->suffix_teens;
  return rules->suffix_by_digit[n % 10];
}

gboolean
rst_rules_is_ordinal_suffix (const RstRules *rules,
                             const char     *text,
                             gsize           len)
{
  if (rules->suffix_by_digit == NULL)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (strlen (rules->suffix_by_digit[i]) == len && g_ascii_strncasecmp (rules->suffix_by_digit[i], text, len) == 0)
      return TRUE;
  return FALSE;
}

