/* rst-spell-words.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-front-matter.h"
#include "rst-spell-words.h"

/* A hand-written scanner rather than GRegex or Pango's word breaks: it runs
 * on every visible line after each keystroke, and it has to know the
 * statement's own syntax (slots, front matter) anyway.
 */

static gboolean
is_word_char (gunichar c)
{
  /* Marks for Arabic vowel signs and combining accents; the joiners keep
   * Persian and Arabic words whole.
   */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x200C || c == 0x200D;
}

/* Characters that join two runs of letters into one token: "don’t",
 * "Director-General", and those that make a token something other than a
 * word ("e.g", "iom.int", "A/HRC/55", "name@mission.org", "12:30").
 */
static gboolean
is_connector (gunichar c)
{
  switch (c)
    {
    case '\'':
    case 0x2019: /* ’ */
    case '-':
    case 0x2010: /* ‐ hyphen */
    case 0x2011: /* non-breaking hyphen */
    case '.':
    case '@':
    case ':':
    case '/':
    case '_':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Scripts written without spaces between words: no dictionary splits them,
 * so they are left alone rather than marked as one long misspelling.
 */
static gboolean
is_unspaced_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_prefix_ascii_ci (const char *p,
                     const char *end,
                     const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize)(end - p) >= len && g_ascii_strncasecmp (p, prefix, len) == 0;
}

static const char *
find_line_end (const char *p,
               const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl ? nl : end;
}

static const char *
skip_to_space (const char *p,
               const char *end)
{
  while (p < end && !g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}


/* Reports the parts of a token that are words. Returns FALSE to stop. */
static gboolean
emit_token (const char         *text,
            const char         *start,
            const char         *end,
            RstSpellWordsFlags  flags,
            RstSpellWordFunc    func,
            gpointer            user_data)
{
  const char *part = start;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Not prose: addresses, paths, abbreviations with full stops,
       * clock times, identifiers.
       */
      if (c == '.' || c == '@' || c == ':' || c == '/' || c == '_')
        return TRUE;
    }

  /* "Director-General" is checked as "Director" and "General", which every
   * dictionary knows, whatever its rules for compounds.
   */
  while (part < end)
    {
      const char *part_end = part;
      gboolean skip = FALSE;
      gboolean all_upper = TRUE;
      guint n_letters = 0;

      while (part_end < end && !is_hyphen (g_utf8_get_char (part_end)))
        part_end = g_utf8_next_char (part_end);

      for (const char *p = part; p < part_end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isdigit (c) || is_unspaced_script (c))
            {
              skip = TRUE;
              break;
            }
          if (g_unichar_isalpha (c))
            {
              /* The possessive of an acronym ("UNHCR’s") is still one. */
              if (n_letters >= 2 && c == 's' && p > part &&
                  (p[-1] == '\'' || (p - part >= 3 && memcmp (p - 3, "\xe2\x80\x99", 3) == 0)) &&
                  g_utf8_next_char (p) == part_end)
                continue;
              n_letters++;
              if (!g_unichar_isupper (c))
                all_upper = FALSE;
            }
        }

      if (n_letters >= 2 && all_upper && !(flags & RST_SPELL_WORDS_KEEP_UPPERCASE))
        skip = TRUE;
      if (n_letters == 0)
        skip = TRUE;

      if (!skip && !func (text, part - text, part_end - text, user_data))
        return FALSE;

      part = part_end < end ? g_utf8_next_char (part_end) : end;
    }

  return TRUE;
}

/**
 * rst_spell_words_foreach:
 * @text: UTF-8 text: a statement or any part of it
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Calls @func for each word of @text that a spell checker should see, in
 * order, with byte offsets into @text.
 */
void
rst_spell_words_foreach (const char         *text,
                         gssize              length,
                         RstSpellWordsFlags  flags,
                         RstSpellWordFunc    func,
                         gpointer            user_data)
{
  const char *p;
  const char *end;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (func != NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  p = text;

  if (flags & RST_SPELL_WORDS_FRONT_MATTER)
    {
      RstFrontMatter fm;

      rst_front_matter_locate (text, length, &fm);
      p = text + fm.body;
    }

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      /* A template slot, or the start of one being typed. */
      if (c == '{' && p + 1 < end && p[1] == '{')
        {
          const char *eol = find_line_end (p, end);
          const char *close = g_strstr_len (p + 2, eol - (p + 2), "}}");

          p = close ? close + 2 : eol;
          continue;
        }

      /* An HTML tag or comment Markdown lets through. */
      if (c == '<' && p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          const char *eol = find_line_end (p, end);
          const char *close = memchr (p, '>', eol - p);

          if (close != NULL)
            {
              p = close + 1;
              continue;
            }
        }

      if (has_prefix_ascii_ci (p, end, "http://") ||
          has_prefix_ascii_ci (p, end, "https://") ||
          has_prefix_ascii_ci (p, end, "ftp://") ||
          has_prefix_ascii_ci (p, end, "mailto:") ||
          has_prefix_ascii_ci (p, end, "www."))
        {
          p = skip_to_space (p, end);
          continue;
        }

      if (is_word_char (c))
        {
          const char *start = p;

          p = g_utf8_next_char (p);
          while (p < end)
            {
              gunichar d = g_utf8_get_char (p);

              if (is_word_char (d))
                p = g_utf8_next_char (p);
              else if (is_connector (d))
                {
                  const char *after = g_utf8_next_char (p);

                  if (after < end && is_word_char (g_utf8_get_char (after)))
                    p = after;
                  else
                    break;
                }
              else
                break;
            }

          /* A scheme we do not list ("ftps://") is still an address. */
          if (p + 2 < end && p[0] == ':' && p[1] == '/' && p[2] == '/')
            {
              p = skip_to_space (p, end);
              continue;
            }

          if (!emit_token (text, start, p, flags, func, user_data))
            return;
          continue;
        }

      p = g_utf8_next_char (p);
    }
}

static gboolean
collect_word (const char *text,
              gsize       start,
              gsize       end,
              gpointer    user_data)
{
  RstSpellWord word = { start, end };

  g_array_append_val ((GArray *)user_data, word);
  return TRUE;
}

GArray *
rst_spell_words_split (const char         *text,
                       gssize              length,
                       RstSpellWordsFlags  flags)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (RstSpellWord));

  rst_spell_words_foreach (text, length, flags, collect_word, words);
  return words;
}

char *
rst_spell_words_normalize_language (const char *language)
{
  GString *tag;

  if (language == NULL)
    return NULL;

  while (g_ascii_isspace (*language))
    language++;
  if (*language == '\0')
    return NULL;

  /* BCP 47 ("pt-BR") to the POSIX form dictionaries are named by ("pt_BR");
   * an encoding or modifier ("en_US.UTF-8@euro") is dropped.
   */
  tag = g_string_new (NULL);
  for (const char *p = language; *p != '\0' && *p != '.' && *p != '@' && !g_ascii_isspace (*p); p++)
    {
      if (*p == '-' || *p == '_')
        g_string_append_c (tag, '_');
      else if (tag->str[0] != '\0' && strchr (tag->str, '_') != NULL)
        g_string_append_c (tag, g_ascii_toupper (*p));
      else
        g_string_append_c (tag, g_ascii_tolower (*p));
    }

  return g_string_free (tag, tag->len == 0);
}

typedef struct
{
  GHashTable *counts; /* GUnicodeScript → letters */
} ScriptCount;

static gboolean
count_script_cb (const char *text,
                 gsize       start,
                 gsize       end,
                 gpointer    user_data)
{
  ScriptCount *sc = user_data;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script;

      if (!g_unichar_isalpha (c))
        continue;
      script = g_unichar_get_script (c);
      g_hash_table_insert (sc->counts, GINT_TO_POINTER (script),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sc->counts, GINT_TO_POINTER (script))) + 1));
    }

  return TRUE;
}

/* The script a language is written in, for the languages Rostrum is
 * translated into and their neighbours; Latin for the rest.
 */
static GUnicodeScript
language_script (const char *language)
{
  static const struct { const char *lang; GUnicodeScript script; } scripts[] = {
    { "ar", G_UNICODE_SCRIPT_ARABIC }, { "fa", G_UNICODE_SCRIPT_ARABIC }, { "ur", G_UNICODE_SCRIPT_ARABIC },
    { "ru", G_UNICODE_SCRIPT_CYRILLIC }, { "uk", G_UNICODE_SCRIPT_CYRILLIC }, { "be", G_UNICODE_SCRIPT_CYRILLIC },
    { "bg", G_UNICODE_SCRIPT_CYRILLIC }, { "sr", G_UNICODE_SCRIPT_CYRILLIC }, { "kk", G_UNICODE_SCRIPT_CYRILLIC },
    { "zh", G_UNICODE_SCRIPT_HAN }, { "ja", G_UNICODE_SCRIPT_HAN },
    { "he", G_UNICODE_SCRIPT_HEBREW }, { "el", G_UNICODE_SCRIPT_GREEK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      gsize len = strlen (scripts[i].lang);

      if (strncmp (language, scripts[i].lang, len) == 0 && (language[len] == '\0' || language[len] == '_'))
        return scripts[i].script;
    }

  return G_UNICODE_SCRIPT_LATIN;
}

char *
rst_spell_words_guess_language (const char *text,
                                gssize      length,
                                const char *system_language)
{
  ScriptCount sc;
  GHashTableIter iter;
  gpointer key, value;
  GUnicodeScript dominant = G_UNICODE_SCRIPT_INVALID_CODE;
  guint best = 0;
  g_autofree char *system = rst_spell_words_normalize_language (system_language);

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  sc.counts = g_hash_table_new (NULL, NULL);
  rst_spell_words_foreach (text, length, RST_SPELL_WORDS_FRONT_MATTER | RST_SPELL_WORDS_KEEP_UPPERCASE,
                           count_script_cb, &sc);
  /* Han text is one long run the splitter skips: count it here. */
  if (length < 0)
    length = strlen (text);
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2E80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        g_hash_table_insert (sc.counts, GINT_TO_POINTER (G_UNICODE_SCRIPT_HAN),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sc.counts, GINT_TO_POINTER (G_UNICODE_SCRIPT_HAN))) + 1));
    }

  g_hash_table_iter_init (&iter, sc.counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        dominant = GPOINTER_TO_INT (key);
      }
  g_hash_table_unref (sc.counts);

  if (best == 0)
    return NULL;
  if (system != NULL && language_script (system) == dominant)
    return g_steal_pointer (&system);

  switch ((int)dominant)
    {
    case G_UNICODE_SCRIPT_ARABIC:
      return g_strdup ("ar");
    case G_UNICODE_SCRIPT_CYRILLIC:
      return g_strdup ("ru");
    case G_UNICODE_SCRIPT_HAN:
      return g_strdup ("zh");
    case G_UNICODE_SCRIPT_LATIN:
      return g_strdup ("en");
    default:
      return NULL;
    }
}
