/* rst-rules-address.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lines that stand alone: delivery marks, salutations and closings, and
 * how they address the chair.
 */

#include "config.h"

#include <string.h>

#include "rst-rules-private.h"

/* Lines: stand-alone parts ----------------------------------------------- */

gboolean
rst_rules_may_stand_alone (const RstRules *rules,
                           const char     *line,
                           gsize           len)
{
  g_autoptr(RstFolded) n = NULL;
  g_autofree char *word = NULL;

  if (len > RST_RULES_LINE_MAX)
    return FALSE;

  /* The first 64 bytes say what the line starts with, brackets and
   * dashes aside: "(Check against delivery)", "（以讲话为准）".
   */
  n = _rst_rules_fold_line (rules, line, MIN (len, 64));
  {
    gsize s = 0;

    while (s < n->text->len && strchr (" ([{-*<\"'", n->text->str[s]) != NULL)
      s++;
    word = _rst_rules_first_word (rules, n->text->str + s, n->text->len - s);
  }
  if (word == NULL)
    return FALSE;

  if (g_hash_table_contains (rules->line_starters, word))
    return TRUE;

  /* "Assembly President, Director-General Tedros, Ministers, and
   * distinguished delegates:" starts with no form, but ends as a
   * salutation does.
   */
  {
    gsize e = len;

    while (e > 0 && g_ascii_isspace (line[e - 1]))
      e--;
    if (e > 0 && (guchar) line[e - 1] < 0x80 && line[e - 1] != '.' && strchr (rules->ends, line[e - 1]) != NULL)
      return TRUE;
  }

  /* Chinese salutations and closings start with a role (主席) or thanks
   * (谢谢) whose first character was taken; English with a word that a
   * full stop ended ("mr.") or did not ("mr").
   */
  if (word[strlen (word) - 1] == '.')
    {
      word[strlen (word) - 1] = '\0';
      return g_hash_table_contains (rules->line_starters, word);
    }

  return FALSE;
}

gboolean
rst_rules_match_delivery_mark (const RstRules *rules,
                               const char     *line,
                               gsize           len)
{
  static const char strip[] = " -[](){}<>.:!\"'";
  g_autoptr(RstFolded) n = NULL;
  gsize s = 0, e;

  if (len > RST_RULES_LINE_MAX)
    return FALSE;

  n = _rst_rules_fold_line (rules, line, len);
  e = n->text->len;
  while (s < e && strchr (strip, n->text->str[s]) != NULL)
    s++;
  while (e > s && strchr (strip, n->text->str[e - 1]) != NULL)
    e--;

  return _rst_rules_set_has (rules->delivery_marks, n->text->str, s, e);
}

/* One comma-separated part of a salutation: "Mr. Chairperson",
 * "distinguished delegates", "and Madam High Commissioner", "主席先生",
 * "副主席女士", "السيد الرئيس المحترم". @loose where the line ends as a
 * salutation does ("…, Ministers, and distinguished delegates:") or
 * follows thanks: a name or a body around the role may be read then
 * ("Director-General Tedros", "Assembly President"), where a heading's
 * "MINISTER FOR FOREIGN AFFAIRS" is no address.
 */
static gboolean
match_address_part (const RstRules  *rules,
                    const RstFolded *n,
                    gsize            s,
                    gsize            e,
                    gboolean         loose,
                    RstAddress      *chair)
{
  const char *t = n->text->str;
  const Phrase *role;
  const Phrase *form;
  gsize after, start, p;

  _rst_rules_trim (t, &s, &e);
  if (_rst_rules_longest_prefix (rules->joiners, t, s, e, &after) != NULL && after < e)
    s = _rst_rules_skip_spaces (t, after, e);
  if (s >= e)
    return FALSE;

  if (_rst_rules_set_has (rules->generic, t, s, e))
    return TRUE;

  start = p = s;
  if ((form = _rst_rules_longest_prefix (rules->forms, t, p, e, &after)) != NULL)
    p = _rst_rules_skip_spaces (t, after, e);
  if (_rst_rules_longest_prefix (rules->qualifiers, t, p, e, &after) != NULL)
    p = _rst_rules_skip_spaces (t, after, e);

  role = _rst_rules_longest_prefix (rules->roles, t, p, e, &after);

  /* "Assembly President", "Council President": a word that names the
   * body, where no form comes first.
   */
  if (role == NULL && form == NULL && loose && rules->spaces)
    {
      gsize w = p;

      while (w < e && t[w] != ' ')
        w++;
      if (w < e)
        role = _rst_rules_longest_prefix (rules->roles, t, _rst_rules_skip_spaces (t, w, e), e, &after);
    }
  if (role == NULL)
    return FALSE;

  p = _rst_rules_skip_spaces (t, after, e);
  if (p < e &&
      (_rst_rules_longest_prefix (rules->forms_after, t, p, e, &after) == NULL || _rst_rules_skip_spaces (t, after, e) != e))
    {
      /* A name or what the role is of: "Director-General Tedros",
       * "President of the General Assembly"; a few words, no more.
       */
      guint words = 0;

      if (!loose || !rules->spaces)
        return FALSE;
      for (gsize k = p; k < e; k++)
        if (t[k] == ' ' || k == p)
          words++;
      if (words > 4)
        return FALSE;
    }

  if (role->value == 1 && chair != NULL && !chair->found)
    {
      chair->found = TRUE;
      chair->start = rst_folded_source_start (n, start);
      chair->end = rst_folded_source_end (n, e);
    }

  return TRUE;
}

static gboolean
match_address_list (const RstRules  *rules,
                    const RstFolded *n,
                    gsize            s,
                    gsize            e,
                    gboolean         loose,
                    RstAddress      *chair)
{
  const char *t = n->text->str;
  guint matched = 0;

  while (s < e)
    {
      gsize comma = s;
      gsize ps, pe;

      while (comma < e && t[comma] != ',')
        comma++;

      ps = s;
      pe = comma;
      _rst_rules_trim (t, &ps, &pe);
      if (ps < pe)
        {
          if (!match_address_part (rules, n, ps, pe, loose, chair))
            return FALSE;
          matched++;
        }

      s = comma + 1;
    }

  return matched > 0;
}

/* Where a salutation's words end in folded [0, e): before its final
 * punctuation, if the language ends salutations with it.
 */
static gsize
strip_salutation_end (const RstRules *rules,
                      const char     *t,
                      gsize           e,
                      gboolean       *punct)
{
  *punct = FALSE;
  while (e > 0 && t[e - 1] == ' ')
    e--;
  if (e > 0 && (guchar) t[e - 1] < 0x80 && strchr (rules->ends, t[e - 1]) != NULL)
    {
      *punct = TRUE;
      e--;
    }
  while (e > 0 && t[e - 1] == ' ')
    e--;
  return e;
}

static gboolean
match_salutation_folded (const RstRules  *rules,
                         const RstFolded *n,
                         gsize            e,
                         RstAddress      *chair)
{
  const char *t = n->text->str;
  gboolean punct;
  gboolean thanked = FALSE;
  gsize s = 0, after;

  e = strip_salutation_end (rules, t, e, &punct);
  if (e == 0 || !_rst_rules_is_letter (_rst_rules_char_before (t, e)))
    return FALSE;

  if (_rst_rules_longest_prefix (rules->thanks, t, 0, e, &after) != NULL)
    {
      s = after;
      while (s < e && (t[s] == ',' || t[s] == ' '))
        s++;
      thanked = TRUE;
    }

  /* "Thank you Mr. Chair" without a comma is a closing that lost its stop. */
  if (thanked && !punct)
    return FALSE;

  if (!match_address_list (rules, n, s, e, punct, chair))
    {
      if (chair != NULL)
        *chair = (RstAddress) { 0 };
      return FALSE;
    }

  return TRUE;
}

gboolean
rst_rules_match_salutation (const RstRules *rules,
                            const char     *line,
                            gsize           len,
                            RstAddress     *chair)
{
  g_autoptr(RstFolded) n = NULL;

  if (chair != NULL)
    *chair = (RstAddress) { 0 };

  if (len > RST_RULES_LINE_MAX)
    return FALSE;

  n = _rst_rules_fold_line (rules, line, len);
  if (n->text->len == 0)
    return FALSE;

  return match_salutation_folded (rules, n, n->text->len, chair);
}

static gboolean match_closing_at (const RstRules  *rules,
                                  const RstFolded *n,
                                  gsize            s,
                                  gsize            e,
                                  RstAddress      *chair);

/**
 * rst_rules_match_salutation_start:
 * @end: (out): where the salutation ends in @text, its punctuation
 *   included
 *
 * A salutation that starts a paragraph and the paragraph goes on after
 * it on the same line: « Г-н Председатель, в начале… », 主席先生，…
 *
 * Returns: whether @text starts so
 */
gboolean
rst_rules_match_salutation_start (const RstRules *rules,
                                  const char     *text,
                                  gsize           len,
                                  gsize          *end)
{
  g_autoptr(RstFolded) n = NULL;
  gboolean found = FALSE;
  const char *t;

  /* An address is a few words: the first 120 bytes hold it. */
  n = _rst_rules_fold_line (rules, text, MIN (len, 120));
  t = n->text->str;

  for (gsize i = 0; i < n->text->len; i++)
    {
      /* "Thank you, Madam President. I thank the Assistant …": the
       * floor is thanked for in a sentence of its own.
       */
      if (t[i] == '.' || t[i] == '!')
        {
          RstAddress chair = { 0 };

          if (!found && i > 0 && _rst_rules_skip_spaces (t, i + 1, n->text->len) < n->text->len &&
              match_closing_at (rules, n, 0, i, &chair) && chair.found)
            {
              *end = rst_folded_source_end (n, i + 1);
              return TRUE;
            }
        }
      if (t[i] == '.' || t[i] == '?' || t[i] == ';')
        break;
      if ((t[i] != ',' && t[i] != ':' && t[i] != '!') || strchr (rules->ends, t[i]) == NULL)
        continue;

      /* Something must follow, or the line is a salutation of its own. */
      if (_rst_rules_skip_spaces (t, i + 1, n->text->len) >= n->text->len && len <= 120)
        return FALSE;

      /* The longest salutation: "Mr. President, distinguished
       * delegates, I …" addresses both.
       */
      if (match_salutation_folded (rules, n, i + 1, NULL))
        {
          *end = rst_folded_source_end (n, i + 1);
          found = TRUE;
        }
    }

  return found;
}

/* A closing formula that fills [s, e) of @n, or is followed by addresses:
 * "Thank you, Mr. President", "I thank you Madam Chair", 谢谢主席.
 */
static gboolean
match_closing_at (const RstRules  *rules,
                  const RstFolded *n,
                  gsize            s,
                  gsize            e,
                  RstAddress      *chair)
{
  const char *t = n->text->str;
  gboolean whole = FALSE;

  for (guint i = 0; i < rules->closings->len; i++)
    {
      const Phrase *phrase = &g_array_index (rules->closings, Phrase, i);
      gsize after;

      if (!_rst_rules_prefix_at (t, s, e, phrase, &after))
        continue;

      while (after < e && (t[after] == ',' || t[after] == ' '))
        after++;

      /* "Merci, Monsieur le Président" is a formula of its own, but
       * "Merci" followed by the chair's address says who is thanked:
       * a shorter formula may still find the address.
       */
      if (after == e)
        {
          whole = TRUE;
          if (chair == NULL)
            return TRUE;
          continue;
        }

      if (match_address_list (rules, n, after, e, TRUE, chair))
        return TRUE;

      if (chair != NULL)
        *chair = (RstAddress) { 0 };
    }

  return whole;
}

gboolean
rst_rules_match_closing (const RstRules *rules,
                         const char     *line,
                         gsize           len,
                         gboolean       *has_stop,
                         RstAddress     *chair)
{
  g_autoptr(RstFolded) n = NULL;
  const char *t;
  gsize e;
  gboolean stop = FALSE;

  if (chair != NULL)
    *chair = (RstAddress) { 0 };

  if (len > RST_RULES_LINE_MAX)
    return FALSE;

  n = _rst_rules_fold_line (rules, line, len);
  t = n->text->str;
  e = n->text->len;
  while (e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == ' '))
    {
      stop |= t[e - 1] != ' ';
      e--;
    }
  if (e == 0 || !_rst_rules_is_letter (_rst_rules_char_before (t, e)))
    return FALSE;

  if (match_closing_at (rules, n, 0, e, chair))
    {
      if (has_stop != NULL)
        *has_stop = stop;
      return TRUE;
    }

  /* "Madam Chair, I thank you." */
  for (gsize comma = 0; comma < e; comma++)
    {
      gsize from;

      if (t[comma] != ',')
        continue;
      from = _rst_rules_skip_spaces (t, comma + 1, e);
      if (chair != NULL)
        *chair = (RstAddress) { 0 };
      if (match_address_list (rules, n, 0, comma, TRUE, chair) &&
          match_closing_at (rules, n, from, e, NULL))
        {
          if (has_stop != NULL)
            *has_stop = stop;
          return TRUE;
        }
    }

  if (chair != NULL)
    *chair = (RstAddress) { 0 };

  return FALSE;
}

/* The form ("mr.", "monsieur le", "先生") and role ("president", "主席")
 * of a folded address; either may come back empty.
 */
static void
split_address (const RstRules *rules,
               const char     *t,
               gsize           e,
               char          **form,
               char          **role)
{
  gsize p = _rst_rules_skip_spaces (t, 0, e), after;
  const Phrase *found;

  *form = NULL;
  *role = NULL;

  if ((found = _rst_rules_longest_prefix (rules->forms, t, p, e, &after)) != NULL)
    {
      *form = g_strndup (found->text, found->len);
      p = _rst_rules_skip_spaces (t, after, e);
    }
  if (_rst_rules_longest_prefix (rules->qualifiers, t, p, e, &after) != NULL)
    p = _rst_rules_skip_spaces (t, after, e);
  if ((found = _rst_rules_longest_prefix (rules->roles, t, p, e, &after)) != NULL)
    {
      *role = g_strndup (found->text, found->len);
      p = _rst_rules_skip_spaces (t, after, e);
    }
  if (*form == NULL && (found = _rst_rules_longest_prefix (rules->forms_after, t, p, e, &after)) != NULL)
    *form = g_strndup (found->text, found->len);
}

/**
 * rst_rules_same_address:
 *
 * Whether two addresses of the chair agree: the same role, and the same
 * form where both have one. "Señor Presidente" and "señor Presidente",
 * "主席先生" and the "主席" of 谢谢主席 agree; "Mr. Chair" and "Mr.
 * Chairperson", "Madam Chair" and "Mr. Chair" do not.
 */
gboolean
rst_rules_same_address (const RstRules *rules,
                        const char     *a,
                        gsize           a_len,
                        const char     *b,
                        gsize           b_len)
{
  g_autofree char *fa = rst_fold_string (a, a_len, rules->folds);
  g_autofree char *fb = rst_fold_string (b, b_len, rules->folds);
  g_autofree char *form_a = NULL, *role_a = NULL;
  g_autofree char *form_b = NULL, *role_b = NULL;

  if (g_str_equal (fa, fb))
    return TRUE;

  split_address (rules, fa, strlen (fa), &form_a, &role_a);
  split_address (rules, fb, strlen (fb), &form_b, &role_b);

  if (role_a == NULL || role_b == NULL || !g_str_equal (role_a, role_b))
    return FALSE;
  return form_a == NULL || form_b == NULL || g_str_equal (form_a, form_b);
}

