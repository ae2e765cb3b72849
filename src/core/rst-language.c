/* rst-language.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-language.h"
#include "rst-rules.h"

/* Recognizing a language needs a paragraph or two, not a whole file. */
#define RECOGNITION_SPAN (16 * 1024)

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

/* Among English, French and Spanish: the one whose frequent words the
 * text uses most; English when none stands out.
 */
static const char *
recognize_latin (const char *text,
                 gsize       start,
                 gsize       end)
{
  const RstRules *rules[G_N_ELEMENTS (latin_languages)] = { NULL };
  guint scores[G_N_ELEMENTS (latin_languages)] = { 0 };
  gsize pos = start, ws, we;
  guint best = 0;

  for (guint i = 0; latin_languages[i] != NULL; i++)
    rules[i] = rst_rules_has_language (latin_languages[i]) ? rst_rules_get (latin_languages[i]) : NULL;

  while (rst_next_word (text, &pos, end, &ws, &we))
    for (guint i = 0; latin_languages[i] != NULL; i++)
      if (rules[i] != NULL && rst_rules_is_recognition_word (rules[i], text + ws, we - ws))
        scores[i]++;

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

  count_scripts (text, start, end, &counts);

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
