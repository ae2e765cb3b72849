/* rst-rules-session.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions: read from a heading, and written as an ordinal.
 */

#include "config.h"

#include <string.h>

#include "rst-rules-private.h"

/* Sessions ----------------------------------------------------------------- */

/* An ordinal in words, "الرابعة عشرة بعد المائة", as a number. */
static guint
ordinal_from_words (const RstRules *rules,
                    const char     *words)
{
  g_autofree char *folded = rst_fold_string (words, -1, rules->folds);
  guint value;

  value = GPOINTER_TO_UINT (g_hash_table_lookup (rules->ordinal_words, folded));
  if (value > 0)
    return value;

  /* "… بعد المائة": the ordinal of 1–99, then what says how many hundreds. */
  for (guint h = 0; rules->hundreds[h] != NULL; h++)
    {
      /* "بعد المائة|بعد المئة": the spellings of one value. */
      g_auto(GStrv) forms = g_strsplit (rules->hundreds[h], "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          g_autofree char *suffix = rst_fold_string (g_strstrip (forms[k]), -1, rules->folds);
          g_autofree char *head = NULL;

          if (suffix[0] == '\0' || !g_str_has_suffix (folded, suffix))
            continue;

          head = g_strndup (folded, strlen (folded) - strlen (suffix));
          g_strstrip (head);
          value = GPOINTER_TO_UINT (g_hash_table_lookup (rules->ordinal_words, head));
          if (value > 0 && value < 100)
            return (h + 1) * 100 + value;
        }
    }

  return 0;
}

/**
 * rst_rules_find_session:
 * @text: a heading
 *
 * Returns: the session number the heading names ("114th Session",
 *   "76e session", "第114届会议", "الدورة الرابعة عشرة بعد المائة"), or 0
 */
guint
rst_rules_find_session (const RstRules *rules,
                        const char     *text,
                        gsize           len)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (rules != NULL, 0);

  /* Headings are short; a long paragraph is no heading to read. */
  if (len == 0 || len > 2000)
    return 0;

  /* Folded, so that diacritics, tatweel and full-width digits are no
   * obstacle to the patterns.
   */
  line = rst_fold_string (text, len, rules->folds);
  for (guint i = 0; i < rules->session_patterns->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *digits = NULL;
      g_autofree char *words = NULL;
      guint64 number = 0;

      if (!g_regex_match (g_ptr_array_index (rules->session_patterns, i), line, 0, &match))
        continue;

      digits = g_match_info_fetch_named (match, "n");
      words = g_match_info_fetch_named (match, "w");
      if (digits != NULL && digits[0] != '\0' &&
          g_ascii_string_to_unsigned (digits, 10, 1, 99999, &number, NULL))
        return (guint) number;
      if (words != NULL && words[0] != '\0' && (number = ordinal_from_words (rules, words)) > 0)
        return (guint) number;
    }

  return 0;
}

static char *
expand_number (const char *format,
               guint       n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p; p++)
    {
      if (g_str_has_prefix (p, "{n}"))
        {
          g_string_append (out, digits);
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * rst_rules_format_session_ordinal:
 * @n: a session number
 *
 * The session's ordinal as the language writes it in a heading and an
 * export: "114th", "114e" (but "1re"), "114.º", "114-я", "第114届",
 * "الرابعة عشرة بعد المائة".
 *
 * Returns: (transfer full): the ordinal
 */
char *
rst_rules_format_session_ordinal (const RstRules *rules,
                                  guint           n)
{
  guint listed;

  g_return_val_if_fail (rules != NULL, NULL);

  listed = g_strv_length (rules->ordinal_list);

  /* In words, where the language writes sessions so. */
  if (rules->ordinal_in_words && listed >= 99 && n > 0)
    {
      guint h = n / 100;
      guint rest = n % 100;

      if (n < 100)
        return _rst_rules_first_form (rules->ordinal_list[n - 1]);
      if (rest == 0 && h == 1 && rules->hundred != NULL)
        return _rst_rules_first_form (rules->hundred);
      if (rest > 0 && h <= g_strv_length (rules->hundreds))
        {
          /* "الحادية بعد المائة": 1 has a form of its own after hundreds. */
          g_autofree char *word = rest == 1 && rules->hundreds_one != NULL
                                  ? _rst_rules_first_form (rules->hundreds_one)
                                  : _rst_rules_first_form (rules->ordinal_list[rest - 1]);
          g_autofree char *hundreds = _rst_rules_first_form (rules->hundreds[h - 1]);

          return g_strdup_printf ("%s %s", word, hundreds);
        }
    }

  if (n == 1 && rules->ordinal_first != NULL)
    return expand_number (rules->ordinal_first, n);
  if (rules->ordinal_format != NULL)
    return expand_number (rules->ordinal_format, n);
  if (rules->suffix_by_digit != NULL)
    return g_strdup_printf ("%u%s", n, rst_rules_ordinal_suffix (rules, n));

  return g_strdup_printf ("%u", n);
}

