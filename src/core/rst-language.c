/* rst-language.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-fold.h"
#include "rst-language.h"
#include "rst-rules.h"

/* Recognizing a language needs a paragraph or two, not a whole file. */
#define RECOGNITION_SPAN (4 * 1024)

/* Frequent words one language is ahead by when the others cannot catch
 * up any more.
 */
#define DECIDED_LEAD 8

/* The longest frequent word, in bytes. */
#define FREQUENT_WORD_MAX 24

/* How much is folded at a time for that. */
#define RECOGNITION_CHUNK 512

/* Letters that tell the script. */
#define SCRIPT_LETTERS 200

static const char * const languages[] = { "ar", "en", "es", "fr", "ru", "zh", NULL };

/* The languages of the Latin script, told apart by their frequent words. */
static const char * const latin_languages[] = { "en", "fr", "es", NULL };

const char * const *
rst_language_get_all (void)
{
  return languages;
}

/**
 * rst_language_normalize:
 * @tag: (nullable): a language tag as a front matter may give it: "fr",
 *   "fr-CA", "zh_CN", "EN"
 *
 * Returns: (nullable): the one of the six it names ("fr", "zh"), a static
 *   string, or %NULL
 */
const char *
rst_language_normalize (const char *tag)
{
  char primary[4] = { 0 };
  gsize n = 0;

  if (tag == NULL)
    return NULL;

  while (g_ascii_isspace (*tag))
    tag++;
  while (g_ascii_isalpha (tag[n]) && n < 3)
    {
      primary[n] = g_ascii_tolower (tag[n]);
      n++;
    }
  if (n != 2 || (tag[n] != '\0' && strchr ("-_.@ ", tag[n]) == NULL))
    return NULL;

  for (guint i = 0; languages[i] != NULL; i++)
    if (strcmp (languages[i], primary) == 0)
      return languages[i];

  return NULL;
}

/**
 * rst_language_dup_primary:
 * @tag: (nullable): a language tag from the statement's details
 *
 * The tag's primary subtag, by which the rule files in data/rules/ are
 * named: "en-GB" → "en", "zh_CN" → "zh". A missing or malformed tag is
 * English, the language the checker falls back to.
 *
 * Returns: (transfer full): the primary subtag, in lower case
 */
char *
rst_language_dup_primary (const char *tag)
{
  gsize n = 0;

  if (tag == NULL)
    return g_strdup ("en");

  while (g_ascii_isalpha (tag[n]) && n < 8)
    n++;
  if (n < 2 || n > 3 || (tag[n] != '\0' && strchr ("-_.@", tag[n]) == NULL))
    return g_strdup ("en");

  return g_ascii_strdown (tag, n);
}

typedef struct
{
  guint latin;
  guint cyrillic;
  guint arabic;
  guint han;
} ScriptCounts;

static void
count_scripts (const char   *text,
               gsize         start,
               gsize         end,
               ScriptCounts *counts)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      guchar c = (guchar) *p;
      gunichar u;

      if (c < 0x80)
        {
          counts->latin += g_ascii_isalpha (c);
          continue;
        }

      u = g_utf8_get_char (p);
      if (!g_unichar_isalpha (u))
        continue;

      switch (g_unichar_get_script (u))
        {
        case G_UNICODE_SCRIPT_LATIN:
          counts->latin++;
          break;
        case G_UNICODE_SCRIPT_CYRILLIC:
          counts->cyrillic++;
          break;
        case G_UNICODE_SCRIPT_ARABIC:
          counts->arabic++;
          break;
        case G_UNICODE_SCRIPT_HAN:
          counts->han++;
          break;
        default:
          break;
        }
    }
}

/* Every frequent word of the Latin-script languages, folded, with a bit
 * for each language that lists it: one lookup a word, whatever the
 * number of languages. Built once; the rule files never change.
 */
static GHashTable *
get_frequent_words (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; latin_languages[i] != NULL; i++)
        {
          g_autofree const char **list = NULL;

          if (!rst_rules_has_language (latin_languages[i]))
            continue;
          list = rst_rules_dup_recognition_words (rst_rules_get (latin_languages[i]));
          for (guint k = 0; list[k] != NULL; k++)
            {
              guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, list[k]));

              g_hash_table_insert (table, g_strdup (list[k]), GUINT_TO_POINTER (bits | (1u << i)));
            }
        }

      g_once_init_leave (&words, table);
    }

  return words;
}

/* Scores one folded chunk; TRUE once a language leads by so much that
 * the rest need not be read: a statement does not change language
 * halfway.
 */
static gboolean
score_chunk (GHashTable *frequent,
             guint      *scores,
             const char *folded,
             gsize       end)
{
  gsize pos = 0, ws, we;

  while (rst_next_word (folded, &pos, end, &ws, &we))
    {
      char key[FREQUENT_WORD_MAX + 1];
      guint bits;
      guint first = 0, second = 0;

      /* Frequent words are short. */
      if (we - ws > FREQUENT_WORD_MAX)
        continue;
      memcpy (key, folded + ws, we - ws);
      key[we - ws] = '\0';
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (frequent, key));
      if (bits == 0)
        continue;

      for (guint i = 0; latin_languages[i] != NULL; i++)
        {
          scores[i] += (bits >> i) & 1;
          if (scores[i] > first)
            {
              second = first;
              first = scores[i];
            }
          else if (scores[i] > second)
            second = scores[i];
        }

      if (first >= second + DECIDED_LEAD)
        return TRUE;
    }

  return FALSE;
}

/* Among English, French and Spanish: the one whose frequent words the
 * text uses most; English when none stands out.
 */
static const char *
recognize_latin (const char *text,
                 gsize       start,
                 gsize       end)
{
  GHashTable *frequent = get_frequent_words ();
  guint scores[G_N_ELEMENTS (latin_languages)] = { 0 };
  guint best = 0;

  /* Folded a chunk at a time, cut at a space, so that a statement whose
   * first lines decide is not folded whole.
   */
  for (gsize from = start; from < end;)
    {
      gsize to = MIN (end, from + RECOGNITION_CHUNK);
      g_autofree char *folded = NULL;

      while (to < end && text[to] != ' ' && text[to] != '\n')
        to++;
      folded = rst_fold_string (text + from, to - from, NULL);
      if (score_chunk (frequent, scores, folded, strlen (folded)))
        break;
      from = to;
    }

  for (guint i = 1; latin_languages[i] != NULL; i++)
    if (scores[i] > scores[best])
      best = i;

  return latin_languages[best];
}

/**
 * rst_language_recognize:
 * @start: where the statement's words begin (after the front matter)
 *
 * Which of the six languages [@start, @end) of @text is written in: the
 * script first (Arabic, Cyrillic, Han), then, for the Latin script, the
 * frequent words of each language's rule file.
 *
 * Returns: (nullable): "ar", "en", "es", "fr", "ru" or "zh", or %NULL for
 *   a text without letters
 */
const char *
rst_language_recognize (const char *text,
                        gsize       start,
                        gsize       end)
{
  ScriptCounts counts = { 0 };
  guint most;

  g_return_val_if_fail (text != NULL || start == end, NULL);

  /* A cut in the middle of a character is moved back to its start. */
  if (end - start > RECOGNITION_SPAN)
    {
      end = start + RECOGNITION_SPAN;
      while (end > start && ((guchar) text[end] & 0xC0) == 0x80)
        end--;
    }

  /* The script shows within a few hundred letters: counted a chunk at
   * a time until there are that many.
   */
  for (gsize from = start; from < end;)
    {
      gsize to = MIN (end, from + RECOGNITION_CHUNK);

      while (to < end && ((guchar) text[to] & 0xC0) == 0x80)
        to++;
      count_scripts (text, from, to, &counts);
      if (counts.latin + counts.cyrillic + counts.arabic + counts.han >= SCRIPT_LETTERS)
        break;
      from = to;
    }

  most = MAX (MAX (counts.latin, counts.cyrillic), MAX (counts.arabic, counts.han));
  if (most == 0)
    return NULL;
  /* Chinese carries Latin names and numbers; a character is a word. */
  if (counts.han == most || counts.han * 3 >= counts.latin + counts.cyrillic + counts.arabic)
    return "zh";
  if (counts.arabic == most)
    return "ar";
  if (counts.cyrillic == most)
    return "ru";

  return recognize_latin (text, start, end);
}
