/* rst-rules.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rst-language.h"
#include "rst-rules-private.h"

#define RULES_PATH RESOURCE_PREFIX "/rules/"

G_LOCK_DEFINE_STATIC (rules);
static GHashTable *rules_by_lang;

/* Folding ------------------------------------------------------------------ */

/* A short line folded, for the matchers; one per call, on the stack of the
 * caller through g_autoptr.
 */
RstFolded *
_rst_rules_fold_line (const RstRules *rules,
                      const char     *line,
                      gsize           len)
{
  RstFolded *folded = rst_folded_new ();

  rst_fold (folded, line, len, rules->folds);
  return folded;
}

/**
 * rst_rules_fold_paragraph:
 * @out: a fold to reuse
 *
 * Folds the first @span bytes of a paragraph into @out: as far as the
 * matchers to come look (%RST_RULES_COUNT_SPAN, %RST_RULES_OPENING_SPAN,
 * %RST_RULES_PRIORITY_SPAN).
 *
 * Returns: @out
 */
RstFolded *
rst_rules_fold_paragraph (const RstRules *rules,
                          RstFolded      *out,
                          const char     *text,
                          gsize           len,
                          gsize           span)
{
  gsize cut = MIN (len, span);

  /* Not in the middle of a character. */
  while (cut < len && ((guchar) text[cut] & 0xC0) == 0x80)
    cut++;
  rst_fold (out, text, cut, rules->folds);
  return out;
}

/**
 * rst_rules_fold:
 *
 * Returns: (transfer full): @text in the form rules are matched in
 */
char *
rst_rules_fold (const RstRules *rules,
                const char     *text,
                gssize          length)
{
  return rst_fold_string (text, length, rules != NULL ? rules->folds : NULL);
}

gunichar
_rst_rules_char_at (const char *text,
                    gsize       i,
                    gsize       end)
{
  if (i >= end)
    return 0;
  if ((guchar) text[i] < 0x80)
    return (guchar) text[i];
  return g_utf8_get_char_validated (text + i, end - i);
}

gunichar
_rst_rules_char_before (const char *text,
                        gsize       i)
{
  const char *prev;

  if (i == 0)
    return 0;
  prev = g_utf8_find_prev_char (text, text + i);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

gboolean
_rst_rules_is_letter (gunichar c)
{
  return c != 0 && c != (gunichar) -1 && c != (gunichar) -2 &&
         (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Whether a phrase that ends at @i in @text ends at a word's end: the
 * text goes on with no letter, or the phrase or the next character is a
 * Han character (Chinese has no spaces).
 */
gboolean
_rst_rules_ends_word (const char *text,
                      gsize       i,
                      gsize       end)
{
  gunichar next = _rst_rules_char_at (text, i, end);
  gunichar last = _rst_rules_char_before (text, i);

  if (next == 0)
    return TRUE;
  if (next == '-')
    return FALSE;
  if (rst_word_is_ideograph (next) || rst_word_is_ideograph (last))
    return TRUE;
  return !_rst_rules_is_letter (next);
}

/* Does @phrase start @text at @s, ending a word? @after receives its end. */
gboolean
_rst_rules_prefix_at (const char   *text,
                      gsize         s,
                      gsize         e,
                      const Phrase *phrase,
                      gsize        *after)
{
  if (phrase->len == 0 || phrase->len > e - s || memcmp (text + s, phrase->text, phrase->len) != 0)
    return FALSE;
  /* "vice-" and other phrases ending with a joiner run into the next word. */
  if (phrase->text[phrase->len - 1] != '-' && !_rst_rules_ends_word (text, s + phrase->len, e))
    return FALSE;

  *after = s + phrase->len;
  return TRUE;
}

/* The longest phrase of @phrases that starts @text at @s. */
const Phrase *
_rst_rules_longest_prefix (GArray     *phrases,
                           const char *text,
                           gsize       s,
                           gsize       e,
                           gsize      *after)
{
  guchar first;
  guint lo = 0, hi = phrases->len;

  if (s >= e)
    return NULL;

  /* Sorted by first byte, then longest first (compare_longest_first()):
   * only the phrases that start as the text does are tried, and the
   * first of them that matches is the longest.
   */
  first = (guchar) text[s];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guchar) g_array_index (phrases, Phrase, mid).text[0] < first)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (phrases, Phrase, i);

      if ((guchar) phrase->text[0] != first)
        break;
      if (_rst_rules_prefix_at (text, s, e, phrase, after))
        return phrase;
    }

  return NULL;
}

gsize
_rst_rules_skip_spaces (const char *text,
                        gsize       s,
                        gsize       e)
{
  while (s < e && text[s] == ' ')
    s++;
  return s;
}

void
_rst_rules_trim (const char *text,
                 gsize      *s,
                 gsize      *e)
{
  while (*s < *e && text[*s] == ' ')
    (*s)++;
  while (*e > *s && text[*e - 1] == ' ')
    (*e)--;
}

gboolean
_rst_rules_set_has (GHashTable *set,
                    const char *text,
                    gsize       s,
                    gsize       e)
{
  g_autofree char *key = NULL;

  if (e <= s)
    return FALSE;
  key = g_strndup (text + s, e - s);
  return g_hash_table_contains (set, key);
}

/* The first word of folded @text: up to a space or punctuation, or its
 * first character in a language written without spaces.
 */
char *
_rst_rules_first_word (const RstRules *rules,
                       const char     *text,
                       gsize           len)
{
  gsize i = 0;

  if (len == 0)
    return NULL;

  if (!rules->spaces || rst_word_is_ideograph (_rst_rules_char_at (text, 0, len)))
    return g_strndup (text, g_utf8_next_char (text) - text);

  while (i < len && text[i] != ' ' && (_rst_rules_is_letter (_rst_rules_char_at (text, i, len)) || text[i] == '.' ||
                                       text[i] == '-' || text[i] == '\''))
    i = g_utf8_next_char (text + i) - text;

  return i > 0 ? g_strndup (text, i) : g_strndup (text, g_utf8_next_char (text) - text);
}

/* The first "|" form of an entry of a list. */
char *
_rst_rules_first_form (const char *entry)
{
  const char *bar = strchr (entry, '|');

  return g_strstrip (bar != NULL ? g_strndup (entry, bar - entry) : g_strdup (entry));
}

/* Loading ------------------------------------------------------------------ */

static char **
get_list (GKeyFile   *key_file,
          const char *group,
          const char *key)
{
  char **list = g_key_file_get_string_list (key_file, group, key, NULL, NULL);

  if (list == NULL)
    return g_new0 (char *, 1);

  /* A trailing ";" gives an empty last entry. */
  for (guint i = 0; list[i] != NULL; i++)
    g_strstrip (list[i]);
  return list;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Phrase *pa = a;
  const Phrase *pb = b;

  /* By first byte, so that a matcher only tries the phrases that can
   * match; longest first among those, so that the first match is the
   * longest.
   */
  if (pa->text[0] != pb->text[0])
    return (guchar) pa->text[0] < (guchar) pb->text[0] ? -1 : 1;
  return (int) pb->len - (int) pa->len;
}

static void
phrase_clear (gpointer data)
{
  g_free (((Phrase *) data)->text);
}

static GArray *
phrases_new (void)
{
  GArray *phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));

  g_array_set_clear_func (phrases, phrase_clear);
  return phrases;
}

static void
phrases_add (GArray         *phrases,
             const RstRules *rules,
             const char     *text,
             guint           value,
             guint           series)
{
  Phrase phrase = { 0 };

  phrase.text = rst_fold_string (text, -1, rules->folds);
  phrase.len = strlen (phrase.text);
  phrase.value = value;
  phrase.series = series;
  if (phrase.len == 0)
    {
      g_free (phrase.text);
      return;
    }
  g_array_append_val (phrases, phrase);
}

/* Every entry of @key, each "|" form of one, with its position as value. */
static GArray *
get_phrases (const RstRules *rules,
             GKeyFile       *key_file,
             const char     *group,
             const char     *key)
{
  g_auto(GStrv) list = get_list (key_file, group, key);
  GArray *phrases = phrases_new ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_auto(GStrv) forms = g_strsplit (list[i], "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        phrases_add (phrases, rules, g_strstrip (forms[k]), i + 1, 0);
    }

  g_array_sort (phrases, compare_longest_first);
  return phrases;
}

static GHashTable *
get_set (const RstRules *rules,
         GKeyFile       *key_file,
         const char     *group,
         const char     *key,
         gboolean        fold)
{
  g_auto(GStrv) list = get_list (key_file, group, key);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_auto(GStrv) forms = g_strsplit (list[i], "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          char *word = fold ? rst_fold_string (g_strstrip (forms[k]), -1, rules->folds)
                            : g_strdup (g_strstrip (forms[k]));

          if (word[0] != '\0')
            g_hash_table_add (set, word);
          else
            g_free (word);
        }
    }

  return set;
}

/* "謝谢;後后": each entry a character and what it becomes. */
static GHashTable *
get_folds (GKeyFile *key_file)
{
  g_auto(GStrv) list = get_list (key_file, "Normalize", "Fold");
  GHashTable *folds = NULL;

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *entry = list[i];
      gunichar from, to;

      if (g_utf8_strlen (entry, -1) != 2)
        continue;
      from = g_utf8_get_char (entry);
      to = g_utf8_get_char (g_utf8_next_char (entry));
      if (folds == NULL)
        folds = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (folds, GUINT_TO_POINTER (from), GUINT_TO_POINTER (to));
    }

  return folds;
}

static void
load_markers (RstRules *rules,
              GKeyFile *key_file)
{
  g_autoptr(GHashTable) loose = get_set (rules, key_file, "Ordinals", "WithoutComma", TRUE);
  g_auto(GStrv) finally = get_list (key_file, "Ordinals", "Finally");
  g_auto(GStrv) not_followed = get_list (key_file, "Ordinals", "NotFollowedBy");

  rules->markers = phrases_new ();

  for (guint s = 0; s < MAX_SERIES; s++)
    {
      g_autofree char *key = g_strdup_printf ("Series%u", s + 1);
      char **list = get_list (key_file, "Ordinals", key);

      /* English's first rule file named its two series Word and Ly. */
      if (list[0] == NULL && s < 2)
        {
          g_strfreev (list);
          list = get_list (key_file, "Ordinals", s == 0 ? "Word" : "Ly");
        }
      if (list[0] == NULL)
        {
          g_strfreev (list);
          break;
        }

      rules->series[s] = list;
      rules->n_series = s + 1;
      for (guint i = 0; list[i] != NULL && i < 255; i++)
        {
          g_auto(GStrv) forms = g_strsplit (list[i], "|", -1);

          for (guint k = 0; forms[k] != NULL; k++)
            phrases_add (rules->markers, rules, g_strstrip (forms[k]), i + 1, s);
        }
    }

  for (guint i = 0; finally[i] != NULL; i++)
    {
      g_auto(GStrv) forms = g_strsplit (finally[i], "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          phrases_add (rules->markers, rules, g_strstrip (forms[k]), 0, 0);
          if (rules->markers->len > 0)
            g_array_index (rules->markers, Phrase, rules->markers->len - 1).finally = TRUE;
        }
    }

  for (guint i = 0; i < rules->markers->len; i++)
    {
      Phrase *phrase = &g_array_index (rules->markers, Phrase, i);

      phrase->loose = !rules->spaces || g_hash_table_contains (loose, phrase->text);
    }
  g_array_sort (rules->markers, compare_longest_first);

  rules->not_followed_by = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (guint i = 0; not_followed[i] != NULL; i++)
    if (not_followed[i][0] != '\0')
      {
        gunichar c = g_utf8_get_char (not_followed[i]);

        g_array_append_val (rules->not_followed_by, c);
      }

  rules->determiners = get_set (rules, key_file, "Ordinals", "PhraseDeterminers", TRUE);
  rules->phrase_last = get_set (rules, key_file, "Ordinals", "PhraseLast", TRUE);
  rules->phrase_nouns = get_set (rules, key_file, "Ordinals", "PhraseNouns", TRUE);
}

static void
load_salutations (RstRules *rules,
                  GKeyFile *key_file)
{
  g_autoptr(GArray) chair = get_phrases (rules, key_file, "Salutation", "ChairRoles");
  g_autoptr(GArray) others = get_phrases (rules, key_file, "Salutation", "Roles");
  g_auto(GStrv) ends = get_list (key_file, "Salutation", "Ends");
  GString *folded_ends = g_string_new (NULL);

  rules->forms = get_phrases (rules, key_file, "Salutation", "Forms");
  rules->forms_after = get_phrases (rules, key_file, "Salutation", "FormsAfter");
  rules->qualifiers = get_phrases (rules, key_file, "Salutation", "Qualifiers");
  rules->generic = get_set (rules, key_file, "Salutation", "Generic", TRUE);
  rules->joiners = get_phrases (rules, key_file, "Salutation", "Joiners");
  rules->thanks = get_phrases (rules, key_file, "Salutation", "Thanks");

  /* One list of roles, the chair's marked, longest first. */
  rules->roles = phrases_new ();
  for (guint i = 0; i < chair->len; i++)
    {
      Phrase *phrase = &g_array_index (chair, Phrase, i);

      phrases_add (rules->roles, rules, phrase->text, 1, 0);
    }
  for (guint i = 0; i < others->len; i++)
    phrases_add (rules->roles, rules, g_array_index (others, Phrase, i).text, 0, 0);
  g_array_sort (rules->roles, compare_longest_first);

  for (guint i = 0; ends[i] != NULL; i++)
    {
      g_autofree char *f = rst_fold_string (ends[i], -1, rules->folds);

      g_string_append (folded_ends, f);
    }
  /* A rule file that says nothing: the English ones. */
  if (folded_ends->len == 0)
    g_string_append (folded_ends, ",:");
  rules->ends = g_string_free (folded_ends, FALSE);

  rules->address_pattern = g_key_file_get_string (key_file, "Salutation", "AddressPattern", NULL);
  if (rules->address_pattern == NULL)
    rules->address_pattern = g_strdup ("{form} {title}");
}

/* The heading's session, "114th Session": patterns read raw, so that a
 * rule file writes \s as PCRE does; English's when a file has none.
 */
static void
load_sessions (RstRules *rules,
               GKeyFile *key_file)
{
  g_auto(GStrv) words = get_list (key_file, "SessionOrdinals", "Words");

  rules->session_patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  for (guint i = 1; i < 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("Session%u", i);
      g_autofree char *pattern = g_key_file_get_value (key_file, "Heading", key, NULL);
      g_autoptr(GError) error = NULL;
      GRegex *regex;

      if (pattern == NULL)
        continue;

      /* No G_REGEX_OPTIMIZE: PCRE's JIT reads past the subject's end, and
       * a heading is matched once.
       */
      regex = g_regex_new (g_strstrip (pattern), G_REGEX_CASELESS, 0, &error);
      if (regex == NULL)
        {
          g_warning ("rules/%s.ini: [Heading] %s: %s", rules->lang, key, error->message);
          continue;
        }
      g_ptr_array_add (rules->session_patterns, regex);
    }

  if (rules->session_patterns->len == 0)
    g_ptr_array_add (rules->session_patterns,
                     g_regex_new ("\\b(?<n>[0-9]{1,6})(?:st|nd|rd|th)\\s+(?:[[:alpha:]]+\\s+)?session\\b",
                                  G_REGEX_CASELESS, 0, NULL));

  /* Ordinals in words (Arabic writes the session so): position is value;
   * "|" separates forms of one value.
   */
  rules->ordinal_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; words[i] != NULL && i < 999; i++)
    {
      g_auto(GStrv) forms = g_strsplit (words[i], "|", -1);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          char *folded = rst_fold_string (g_strstrip (forms[k]), -1, rules->folds);

          if (folded[0] != '\0')
            g_hash_table_insert (rules->ordinal_words, folded, GUINT_TO_POINTER (i + 1));
          else
            g_free (folded);
        }
    }
  rules->hundreds = get_list (key_file, "SessionOrdinals", "Hundreds");
  rules->hundred = g_key_file_get_string (key_file, "SessionOrdinals", "Hundred", NULL);
  rules->hundreds_one = g_key_file_get_string (key_file, "SessionOrdinals", "HundredsOne", NULL);
  rules->ordinal_list = g_steal_pointer (&words);
  rules->ordinal_format = g_key_file_get_string (key_file, "SessionOrdinals", "Format", NULL);
  rules->ordinal_first = g_key_file_get_string (key_file, "SessionOrdinals", "First", NULL);
  rules->ordinal_in_words = g_key_file_get_boolean (key_file, "SessionOrdinals", "InWords", NULL);

  rules->suffix_by_digit = get_list (key_file, "SessionOrdinals", "ByLastDigit");
  if (g_strv_length (rules->suffix_by_digit) < 10)
    g_clear_pointer (&rules->suffix_by_digit, g_strfreev);
  {
    g_auto(GStrv) teens = get_list (key_file, "SessionOrdinals", "Teens");

    rules->suffix_teens = g_strdup (teens[0]);
  }
}

static void
add_starters (RstRules *rules,
              GArray   *phrases)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (phrases, Phrase, i);
      char *word = _rst_rules_first_word (rules, phrase->text, phrase->len);

      if (word != NULL)
        g_hash_table_add (rules->line_starters, word);
    }
}

static void
add_set_starters (RstRules   *rules,
                  GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      char *word = _rst_rules_first_word (rules, key, strlen (key));

      if (word != NULL)
        g_hash_table_add (rules->line_starters, word);
    }
}

static RstRules *
rules_load (const char *lang)
{
  g_autofree char *path = g_strdup_printf (RULES_PATH "%s.ini", lang);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *unit = NULL;
  RstRules *rules;
  GError *error = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, NULL))
    return NULL;

  rules = g_new0 (RstRules, 1);
  rules->lang = g_strdup (lang);
  rules->folds = get_folds (key_file);
  rules->spaces = g_key_file_get_boolean (key_file, "Rules", "Spaces", &error) || error != NULL;
  g_clear_error (&error);

  load_markers (rules, key_file);
  load_salutations (rules, key_file);

  rules->numbers = get_phrases (rules, key_file, "Counts", "Numbers");
  rules->number_words = get_list (key_file, "Counts", "Numbers");
  rules->count_nouns = get_phrases (rules, key_file, "Counts", "Nouns");
  rules->count_adjectives = get_phrases (rules, key_file, "Counts", "Adjectives");
  rules->following = get_phrases (rules, key_file, "Counts", "Following");
  rules->following_articles = get_set (rules, key_file, "Counts", "FollowingArticles", TRUE);
  rules->noun_first = g_key_file_get_boolean (key_file, "Counts", "NounFirst", NULL);

  rules->closings = get_phrases (rules, key_file, "Closing", "Formulas");
  rules->default_closing = g_key_file_get_string (key_file, "Closing", "Default", NULL);
  if (rules->default_closing == NULL)
    rules->default_closing = g_strdup ("Thank you.");

  rules->delivery_marks = get_set (rules, key_file, "Delivery", "Marks", TRUE);
  rules->default_delivery_mark = g_key_file_get_string (key_file, "Delivery", "Default", NULL);
  rules->opening_phrases = get_phrases (rules, key_file, "Opening", "Phrases");
  rules->heading_prefixes = get_phrases (rules, key_file, "Heading", "Prefixes");
  rules->heading_suffixes = get_phrases (rules, key_file, "Heading", "Suffixes");
  rules->months = get_phrases (rules, key_file, "Heading", "Months");
  rules->basmala = get_set (rules, key_file, "Heading", "Basmala", TRUE);
  rules->abbreviations = get_set (rules, key_file, "Sentences", "Abbreviations", FALSE);
  rules->long_sentence = g_key_file_get_integer (key_file, "Sentences", "LongWords", NULL);
  if (rules->long_sentence == 0)
    rules->long_sentence = 40;

  unit = g_key_file_get_string (key_file, "Timing", "Unit", NULL);
  rules->timing_unit = g_strcmp0 (unit, "characters") == 0 ? RST_TIMING_UNIT_CHARACTERS : RST_TIMING_UNIT_WORDS;
  rules->per_minute = g_key_file_get_double (key_file, "Timing", "PerMinute", NULL);
  if (!(rules->per_minute >= 20.0 && rules->per_minute <= 600.0))
    rules->per_minute = RST_TIMING_DEFAULT_WORDS_PER_MINUTE;

  rules->recognition_words = get_set (rules, key_file, "Recognition", "Words", TRUE);
  load_sessions (rules, key_file);

  rules->line_starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_starters (rules, rules->closings);
  add_starters (rules, rules->thanks);
  add_starters (rules, rules->forms);
  add_starters (rules, rules->qualifiers);
  add_starters (rules, rules->roles);
  add_starters (rules, rules->joiners);
  add_set_starters (rules, rules->delivery_marks);
  add_set_starters (rules, rules->generic);

  return rules;
}

/**
 * rst_rules_get:
 * @lang: (nullable): a language tag from the statement's details
 *
 * Returns: (transfer none): the rules for @lang, or English when there
 *   are none; loaded once and kept for the life of the process
 */
const RstRules *
rst_rules_get (const char *lang)
{
  g_autofree char *primary = rst_language_dup_primary (lang);
  RstRules *rules;

  G_LOCK (rules);

  if (rules_by_lang == NULL)
    rules_by_lang = g_hash_table_new (g_str_hash, g_str_equal);

  rules = g_hash_table_lookup (rules_by_lang, primary);
  if (rules == NULL)
    {
      rules = rules_load (primary);
      if (rules == NULL)
        {
          rules = g_hash_table_lookup (rules_by_lang, "en");
          if (rules == NULL)
            {
              rules = rules_load ("en");
              if (rules == NULL)
                g_error ("The English rules are missing from the resources");
              g_hash_table_insert (rules_by_lang, rules->lang, rules);
            }
        }
      g_hash_table_insert (rules_by_lang, g_strdup (primary), rules);
    }

  G_UNLOCK (rules);

  return rules;
}

/**
 * rst_rules_has_language:
 * @lang: a primary language tag, "fr"
 *
 * Returns: whether a rule file for @lang ships with Rostrum
 */
gboolean
rst_rules_has_language (const char *lang)
{
  g_autofree char *path = NULL;
  gboolean loaded;

  g_return_val_if_fail (lang != NULL, FALSE);

  /* Asked for every statement: the languages already read answer
   * without a resource lookup.
   */
  G_LOCK (rules);
  {
    /* An unknown language is kept too, mapped to English's rules. */
    RstRules *known = rules_by_lang != NULL ? g_hash_table_lookup (rules_by_lang, lang) : NULL;

    loaded = known != NULL && g_str_equal (known->lang, lang);
  }
  G_UNLOCK (rules);
  if (loaded)
    return TRUE;

  path = g_strdup_printf (RULES_PATH "%s.ini", lang);
  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

const char *
rst_rules_get_language (const RstRules *rules)
{
  return rules->lang;
}

/* Whether the language separates words with spaces (all but Chinese). */
gboolean
rst_rules_get_spaces (const RstRules *rules)
{
  return rules->spaces;
}

RstTimingUnit
rst_rules_get_timing_unit (const RstRules *rules)
{
  return rules->timing_unit;
}

/* The pace interpreters ask for, in words or characters a minute. */
double
rst_rules_get_per_minute (const RstRules *rules)
{
  return rules->per_minute;
}

/* More words (characters in Chinese) than this is a long sentence. */
guint
rst_rules_get_long_sentence (const RstRules *rules)
{
  return rules->long_sentence;
}

const char *
rst_rules_get_default_closing (const RstRules *rules)
{
  return rules->default_closing;
}

/* Returns: (nullable): the delivery mark exports print by default */
const char *
rst_rules_get_default_delivery_mark (const RstRules *rules)
{
  return rules->default_delivery_mark;
}

/**
 * rst_rules_dup_address:
 * @form: (nullable): "Mr.", "Monsieur le", "先生"
 * @title: "Chairperson", "Président", "主席"
 *
 * Returns: (transfer full): the chair's address as the language puts it
 *   together: "Mr. Chairperson", "主席先生"
 */
char *
rst_rules_dup_address (const RstRules *rules,
                       const char     *form,
                       const char     *title)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (title != NULL, NULL);

  if (form == NULL || form[0] == '\0')
    return g_string_free (g_string_assign (out, title), FALSE);

  for (const char *p = rules->address_pattern; *p; p++)
    {
      if (g_str_has_prefix (p, "{form}"))
        {
          g_string_append (out, form);
          p += strlen ("{form}") - 1;
        }
      else if (g_str_has_prefix (p, "{title}"))
        {
          g_string_append (out, title);
          p += strlen ("{title}") - 1;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * rst_rules_dup_recognition_words:
 *
 * Returns: (transfer container): the language's frequent words
 *   ([Recognition] Words), folded; free with g_free()
 */
const char **
rst_rules_dup_recognition_words (const RstRules *rules)
{
  return (const char **) g_hash_table_get_keys_as_array (rules->recognition_words, NULL);
}

/* Like rst_rules_is_recognition_word() for a word already folded:
 * without an allocation, for reading a whole text.
 */
gboolean
rst_rules_is_recognition_folded (const RstRules *rules,
                                 const char     *word,
                                 gsize           len)
{
  char key[65];

  if (len == 0 || len >= sizeof key)
    return FALSE;
  memcpy (key, word, len);
  key[len] = '\0';
  return g_hash_table_contains (rules->recognition_words, key);
}

gboolean
rst_rules_is_recognition_word (const RstRules *rules,
                               const char     *word,
                               gsize           len)
{
  g_autofree char *folded = NULL;

  if (len == 0 || len > 64)
    return FALSE;
  folded = rst_fold_string (word, len, rules->folds);
  return g_hash_table_contains (rules->recognition_words, folded);
}
