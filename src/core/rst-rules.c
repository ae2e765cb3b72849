/* rst-rules.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rst-fold.h"
#include "rst-rules.h"

#define RULES_PATH RESOURCE_PREFIX "/rules/"

/* How many ordinal series a rule file may give (Series1 … Series8). */
#define MAX_SERIES 8


/* A phrase of a rule file, folded, with what it stands for. */
typedef struct
{
  char *text;
  guint len;
  guint value;
  guint series;
  /* Only for markers: may be followed by the text without a comma. */
  guint loose : 1;
  guint finally : 1;
} Phrase;

struct _RstRules
{
  char        *lang;
  GHashTable  *folds;             /* gunichar → gunichar */
  gboolean     spaces;

  /* Priority markers: every series and Finally, longest first. */
  GArray      *markers;           /* Phrase */
  char       **series[MAX_SERIES]; /* as listed: value - 1 → "First" */
  guint        n_series;
  GArray      *not_followed_by;   /* gunichar: 第一次 is no "First" */
  GHashTable  *determiners;
  GHashTable  *phrase_last;
  GHashTable  *phrase_nouns;

  GArray      *numbers;           /* Phrase, value = the number */
  char       **number_words;      /* as listed: value - 1 → "three" */
  GArray      *count_nouns;       /* Phrase */
  GArray      *count_adjectives;  /* Phrase */
  GArray      *following;         /* Phrase */
  GHashTable  *following_articles;
  gboolean     noun_first;

  GArray      *forms;             /* Phrase, longest first */
  GArray      *forms_after;
  GArray      *qualifiers;
  GArray      *roles;             /* Phrase, value 1 for the chair's */
  GHashTable  *generic;
  GArray      *joiners;
  GArray      *thanks;
  char        *ends;              /* folded characters that end a salutation */
  char        *address_pattern;

  GArray      *closings;          /* Phrase */
  char        *default_closing;

  GHashTable  *delivery_marks;
  char        *default_delivery_mark;
  GArray      *opening_phrases;   /* Phrase */
  GArray      *heading_prefixes;
  GArray      *heading_suffixes;
  GArray      *months;
  GHashTable  *basmala;
  GHashTable  *abbreviations;     /* as listed, case-sensitive */
  guint        long_sentence;
  char       **suffix_by_digit;   /* 10 entries */
  char        *suffix_teens;

  RstTimingUnit timing_unit;
  double        per_minute;

  /* How the editor shows and spells the language ([Rules] Autonym,
   * [Script] Direction, [Spelling] Dictionary).
   */
  char         *autonym;
  gboolean      rtl;
  char         *dictionary;        /* NULL: none, as for Chinese */

  GHashTable  *recognition_words; /* folded */
  GPtrArray   *session_patterns;  /* GRegex, with a group "n" or "w" */
  GHashTable  *ordinal_words;     /* folded ordinal in words → value */
  char       **hundreds;          /* what follows 1–99 for 101–199, 201–299 */
  char       **ordinal_list;      /* as listed: value - 1 → the words */
  char        *hundred;           /* 100 in words */
  char        *ordinal_format;    /* "{n}e" */
  char        *ordinal_first;     /* "{n}re" */
  gboolean     ordinal_in_words;  /* exports write the session in words */

  /* First folded words (first characters, without spaces) of every
   * salutation, closing and delivery mark: a paragraph that starts
   * otherwise is prose, and the costlier matchers need not look at it.
   */
  GHashTable  *line_starters;
};

G_LOCK_DEFINE_STATIC (rules);
static GHashTable *rules_by_lang;

/* Folding ------------------------------------------------------------------ */

/* A short line folded, for the matchers; one per call, on the stack of the
 * caller through g_autoptr.
 */
static RstFolded *
fold_line (const RstRules *rules,
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

static gunichar
char_at (const char *text,
         gsize       i,
         gsize       end)
{
  if (i >= end)
    return 0;
  if ((guchar) text[i] < 0x80)
    return (guchar) text[i];
  return g_utf8_get_char_validated (text + i, end - i);
}

static gunichar
char_before (const char *text,
             gsize       i)
{
  const char *prev;

  if (i == 0)
    return 0;
  prev = g_utf8_find_prev_char (text, text + i);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

static gboolean
is_letter (gunichar c)
{
  return c != 0 && c != (gunichar) -1 && c != (gunichar) -2 &&
         (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Whether a phrase that ends at @i in @text ends at a word's end: the
 * text goes on with no letter, or the phrase or the next character is a
 * Han character (Chinese has no spaces).
 */
static gboolean
ends_word (const char *text,
           gsize       i,
           gsize       end)
{
  gunichar next = char_at (text, i, end);
  gunichar last = char_before (text, i);

  if (next == 0)
    return TRUE;
  if (next == '-')
    return FALSE;
  if (rst_word_is_ideograph (next) || rst_word_is_ideograph (last))
    return TRUE;
  return !is_letter (next);
}

/* Does @phrase start @text at @s, ending a word? @after receives its end. */
static gboolean
prefix_at (const char   *text,
           gsize         s,
           gsize         e,
           const Phrase *phrase,
           gsize        *after)
{
  if (phrase->len == 0 || phrase->len > e - s || memcmp (text + s, phrase->text, phrase->len) != 0)
    return FALSE;
  /* "vice-" and other phrases ending with a joiner run into the next word. */
  if (phrase->text[phrase->len - 1] != '-' && !ends_word (text, s + phrase->len, e))
    return FALSE;

  *after = s + phrase->len;
  return TRUE;
}

/* The longest phrase of @phrases that starts @text at @s. */
static const Phrase *
longest_prefix (GArray     *phrases,
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
      if (prefix_at (text, s, e, phrase, after))
        return phrase;
    }

  return NULL;
}

static gsize
skip_spaces (const char *text,
             gsize       s,
             gsize       e)
{
  while (s < e && text[s] == ' ')
    s++;
  return s;
}

static void
trim (const char *text,
      gsize      *s,
      gsize      *e)
{
  while (*s < *e && text[*s] == ' ')
    (*s)++;
  while (*e > *s && text[*e - 1] == ' ')
    (*e)--;
}

static gboolean
set_has (GHashTable *set,
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
static char *
first_word (const RstRules *rules,
            const char     *text,
            gsize           len)
{
  gsize i = 0;

  if (len == 0)
    return NULL;

  if (!rules->spaces || rst_word_is_ideograph (char_at (text, 0, len)))
    return g_strndup (text, g_utf8_next_char (text) - text);

  while (i < len && text[i] != ' ' && (is_letter (char_at (text, i, len)) || text[i] == '.' ||
                                       text[i] == '-' || text[i] == '\''))
    i = g_utf8_next_char (text + i) - text;

  return i > 0 ? g_strndup (text, i) : g_strndup (text, g_utf8_next_char (text) - text);
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
      char *word = first_word (rules, phrase->text, phrase->len);

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
      char *word = first_word (rules, key, strlen (key));

      if (word != NULL)
        g_hash_table_add (rules->line_starters, word);
    }
}

/* What the editor needs of how the language is written; the exporters'
 * fuller view of the same groups is their own.
 */
static void
load_writing (RstRules *rules,
              GKeyFile *key_file)
{
  g_autofree char *direction = g_key_file_get_string (key_file, "Script", "Direction", NULL);

  rules->autonym = g_key_file_get_string (key_file, "Rules", "Autonym", NULL);
  if (rules->autonym == NULL || rules->autonym[0] == '\0')
    {
      g_free (rules->autonym);
      rules->autonym = g_strdup (rules->lang);
    }
  rules->rtl = g_strcmp0 (direction, "rtl") == 0;
  rules->dictionary = g_key_file_get_string (key_file, "Spelling", "Dictionary", NULL);
  if (rules->dictionary != NULL)
    g_strstrip (rules->dictionary);
  if (rules->dictionary != NULL && rules->dictionary[0] == '\0')
    g_clear_pointer (&rules->dictionary, g_free);
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

  load_writing (rules, key_file);

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

/* The language tag's primary subtag: "en-GB" → "en". */
static char *
primary_language (const char *lang)
{
  gsize n = 0;

  if (lang == NULL)
    return g_strdup ("en");

  while (g_ascii_isalpha (lang[n]) && n < 8)
    n++;
  if (n < 2 || n > 3 || (lang[n] != '\0' && strchr ("-_.@", lang[n]) == NULL))
    return g_strdup ("en");

  return g_ascii_strdown (lang, n);
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
  g_autofree char *primary = primary_language (lang);
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

/* The language's name in itself ("العربية", "Français"), for the lists
 * where a drafter picks the language a statement is written in.
 */
const char *
rst_rules_get_autonym (const RstRules *rules)
{
  return rules->autonym;
}

/* Whether the language is written right to left (Arabic). */
gboolean
rst_rules_is_rtl (const RstRules *rules)
{
  return rules->rtl;
}

/**
 * rst_rules_get_dictionary:
 *
 * Returns: (nullable): the enchant dictionary tag that spells the
 *   language ("en_GB", "fr_FR"), or %NULL when none does (Chinese)
 */
const char *
rst_rules_get_dictionary (const RstRules *rules)
{
  return rules->dictionary;
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
  n = fold_line (rules, line, MIN (len, 64));
  {
    gsize s = 0;

    while (s < n->text->len && strchr (" ([{-*<\"'", n->text->str[s]) != NULL)
      s++;
    word = first_word (rules, n->text->str + s, n->text->len - s);
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

  n = fold_line (rules, line, len);
  e = n->text->len;
  while (s < e && strchr (strip, n->text->str[s]) != NULL)
    s++;
  while (e > s && strchr (strip, n->text->str[e - 1]) != NULL)
    e--;

  return set_has (rules->delivery_marks, n->text->str, s, e);
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

  trim (t, &s, &e);
  if (longest_prefix (rules->joiners, t, s, e, &after) != NULL && after < e)
    s = skip_spaces (t, after, e);
  if (s >= e)
    return FALSE;

  if (set_has (rules->generic, t, s, e))
    return TRUE;

  start = p = s;
  if ((form = longest_prefix (rules->forms, t, p, e, &after)) != NULL)
    p = skip_spaces (t, after, e);
  if (longest_prefix (rules->qualifiers, t, p, e, &after) != NULL)
    p = skip_spaces (t, after, e);

  role = longest_prefix (rules->roles, t, p, e, &after);

  /* "Assembly President", "Council President": a word that names the
   * body, where no form comes first.
   */
  if (role == NULL && form == NULL && loose && rules->spaces)
    {
      gsize w = p;

      while (w < e && t[w] != ' ')
        w++;
      if (w < e)
        role = longest_prefix (rules->roles, t, skip_spaces (t, w, e), e, &after);
    }
  if (role == NULL)
    return FALSE;

  p = skip_spaces (t, after, e);
  if (p < e &&
      (longest_prefix (rules->forms_after, t, p, e, &after) == NULL || skip_spaces (t, after, e) != e))
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
      trim (t, &ps, &pe);
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
  if (e == 0 || !is_letter (char_before (t, e)))
    return FALSE;

  if (longest_prefix (rules->thanks, t, 0, e, &after) != NULL)
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

  n = fold_line (rules, line, len);
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
  n = fold_line (rules, text, MIN (len, 120));
  t = n->text->str;

  for (gsize i = 0; i < n->text->len; i++)
    {
      /* "Thank you, Madam President. I thank the Assistant …": the
       * floor is thanked for in a sentence of its own.
       */
      if (t[i] == '.' || t[i] == '!')
        {
          RstAddress chair = { 0 };

          if (!found && i > 0 && skip_spaces (t, i + 1, n->text->len) < n->text->len &&
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
      if (skip_spaces (t, i + 1, n->text->len) >= n->text->len && len <= 120)
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

      if (!prefix_at (t, s, e, phrase, &after))
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

  n = fold_line (rules, line, len);
  t = n->text->str;
  e = n->text->len;
  while (e > 0 && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == ' '))
    {
      stop |= t[e - 1] != ' ';
      e--;
    }
  if (e == 0 || !is_letter (char_before (t, e)))
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
      from = skip_spaces (t, comma + 1, e);
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
  gsize p = skip_spaces (t, 0, e), after;
  const Phrase *found;

  *form = NULL;
  *role = NULL;

  if ((found = longest_prefix (rules->forms, t, p, e, &after)) != NULL)
    {
      *form = g_strndup (found->text, found->len);
      p = skip_spaces (t, after, e);
    }
  if (longest_prefix (rules->qualifiers, t, p, e, &after) != NULL)
    p = skip_spaces (t, after, e);
  if ((found = longest_prefix (rules->roles, t, p, e, &after)) != NULL)
    {
      *role = g_strndup (found->text, found->len);
      p = skip_spaces (t, after, e);
    }
  if (*form == NULL && (found = longest_prefix (rules->forms_after, t, p, e, &after)) != NULL)
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
      if (p > 0 && rules->spaces && is_letter (char_before (t, p)))
        continue;
      if (longest_prefix (rules->months, t, p, len, &after) != NULL)
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
  n = fold_line (rules, text + i, MIN (len - i, 400));
  t = n->text->str;
  e = n->text->len;

  if (set_has (rules->basmala, t, 0, e))
    return TRUE;
  if (longest_prefix (rules->heading_prefixes, t, 0, e, &after) != NULL)
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

  n = fold_line (rules, text, len);
  e = n->text->len;
  while (e > 0 && strchr (" .,:", n->text->str[e - 1]) != NULL)
    e--;
  return set_has (rules->basmala, n->text->str, s, e);
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
  g_autoptr(RstFolded) n = fold_line (rules, text, MIN (len, RST_RULES_OPENING_SPAN));

  return rst_rules_match_opening_folded (rules, n);
}

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
      gsize j = skip_spaces (t, i, len);

      if (j < len && t[j] == '-')
        return TRUE;
      return loose && j < len && is_letter (char_at (t, j, len)) &&
             (!g_unichar_isupper (char_at (t, j, len)) || !rules->spaces);
    }

  /* 第一次会议 is "the first meeting", not a first point. */
  next = char_at (t, i, len);
  for (guint k = 0; k < rules->not_followed_by->len; k++)
    if (g_array_index (rules->not_followed_by, gunichar, k) == next)
      return FALSE;

  return loose && !rules->spaces && is_letter (next);
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

  marker = longest_prefix (rules->markers, t, 0, e, &after);
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
      if (!set_has (rules->determiners, t, 0, w1e))
        return FALSE;

      w2 = skip_spaces (t, w1e, e);
      for (w2e = w2; w2e < e && t[w2e] != ' '; w2e++)
        ;
      w3 = skip_spaces (t, w2e, e);
      for (w3e = w3; w3e < e && t[w3e] != ' ' && t[w3e] != ',' && t[w3e] != ':'; w3e++)
        ;
      if (!set_has (rules->phrase_nouns, t, w3, w3e))
        return FALSE;

      marker = longest_prefix (rules->markers, t, w2, w2e, &after);
      if (marker != NULL && !marker->finally && marker->series == 0 && after == w2e)
        {
          *value = marker->value;
          *style = RST_ORDINAL_STYLE_PHRASE;
        }
      else if (set_has (rules->phrase_last, t, w2, w2e))
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
  g_autoptr(RstFolded) n = fold_line (rules, text, MIN (len, RST_RULES_PRIORITY_SPAN));

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
      if (q - p > 2 || !ends_word (t, q, e))
        return FALSE;
      *value = v;
      *after = q;
      return TRUE;
    }

  number = longest_prefix (rules->numbers, t, p, e, after);
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
      p = skip_spaces (t, p, e);
      if (longest_prefix (rules->count_nouns, t, p, e, after) != NULL)
        return TRUE;
      if (longest_prefix (rules->count_adjectives, t, p, e, after) == NULL)
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
      gboolean word_start = p == 0 || !is_letter (char_before (t, p)) ||
                            rst_word_is_ideograph (char_at (t, p, e));

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
      if (rules->noun_first && longest_prefix (rules->count_nouns, t, p, e, &q) != NULL)
        {
          gsize m = skip_spaces (t, q, e);

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
      if (longest_prefix (rules->following, t, p, e, &q) != NULL)
        {
          gboolean article = g_hash_table_size (rules->following_articles) == 0 || !rules->spaces;

          if (!article && previous_word != G_MAXSIZE)
            article = set_has (rules->following_articles, t, previous_word, p > 0 ? p - 1 : 0);

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
      if (longest_prefix (rules->count_nouns, t, p, e, &q) != NULL)
        {
          gsize f = skip_spaces (t, q, e);

          if (longest_prefix (rules->following, t, f, e, &r) != NULL)
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
  g_autoptr(RstFolded) n = fold_line (rules, text, MIN (len, RST_RULES_COUNT_SPAN));

  return rst_rules_find_announced_count_folded (rules, n, start, end, marker_start, marker_end, value);
}

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

/* The first "|" form of an entry of a list. */
static char *
first_form (const char *entry)
{
  const char *bar = strchr (entry, '|');

  return g_strstrip (bar != NULL ? g_strndup (entry, bar - entry) : g_strdup (entry));
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

  word = first_form (rules->series[series][value - 1]);
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
  word = first_form (rules->number_words[value - 1]);
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
        return first_form (rules->ordinal_list[n - 1]);
      if (rest == 0 && h == 1 && rules->hundred != NULL)
        return g_strdup (rules->hundred);
      if (rest > 0 && h <= g_strv_length (rules->hundreds))
        {
          g_autofree char *word = first_form (rules->ordinal_list[rest - 1]);

          return g_strdup_printf ("%s %s", word, rules->hundreds[h - 1]);
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
