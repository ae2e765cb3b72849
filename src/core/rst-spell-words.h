/* rst-spell-words.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which words the spell checker is shown. Words are what a speaker reads
 * out: no template slots, no front matter, no Markdown or HTML markup, no
 * numbers ("114th", "2023"), no addresses (URLs, e-mail) and, by default,
 * no acronyms in capitals (IOM, UNHCR, ExCom is checked).
 */
typedef enum
{
  RST_SPELL_WORDS_DEFAULT            = 0,
  /* The text starts at the start of the file: skip a front-matter block. */
  RST_SPELL_WORDS_FRONT_MATTER       = 1 << 0,
  /* Check words in capitals too. */
  RST_SPELL_WORDS_KEEP_UPPERCASE     = 1 << 1,
} RstSpellWordsFlags;

/* A word as a byte range of the text given, end exclusive. */
typedef struct
{
  gsize start;
  gsize end;
} RstSpellWord;

/* Called for each word; return FALSE to stop. */
typedef gboolean (*RstSpellWordFunc) (const char *text,
                                      gsize       start,
                                      gsize       end,
                                      gpointer    user_data);

void    rst_spell_words_foreach                (const char         *text,
                                                gssize              length,
                                                RstSpellWordsFlags  flags,
                                                RstSpellWordFunc    func,
                                                gpointer            user_data);
/* Returns: (transfer full): an array of RstSpellWord */
GArray *rst_spell_words_split                  (const char         *text,
                                                gssize              length,
                                                RstSpellWordsFlags  flags);
/* The dictionary tag for a document language ("en", "fr-CA", "ar"):
 * "fr-CA" → "fr_CA"; %NULL or "" gives %NULL.
 */
char   *rst_spell_words_normalize_language     (const char         *language);

/* The language to check a statement without a "lang" detail in: the
 * system's (@system_language, "fr_FR") when the text is written in its
 * script, else the usual language of the text's script ("en" for Latin,
 * "ru" for Cyrillic, "ar" for Arabic, "zh" for Han), so that an English
 * statement drafted on an Arabic desktop is not underlined throughout.
 * Returns %NULL for text without letters.
 */
char   *rst_spell_words_guess_language         (const char         *text,
                                                gssize              length,
                                                const char         *system_language);

G_END_DECLS
