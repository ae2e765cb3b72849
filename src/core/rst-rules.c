/* rst-rules.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rst-rules.h"

#define RULES_PATH RESOURCE_PREFIX "/rules/"
#define WORD_MAX 64

/* Packed into the ordinal table: value in the low byte, style above. */
#define PACK_ORDINAL(style, value) GUINT_TO_POINTER (((guint)(style) << 8) | (value))
#define ORDINAL_VALUE(p)           (GPOINTER_TO_UINT (p) & 0xff)
#define ORDINAL_STYLE(p)           ((RstOrdinalStyle)(GPOINTER_TO_UINT (p) >> 8))

struct _RstRules
{
  char        *lang;

  GHashTable  *ordinals;          /* lowercase word → PACK_ORDINAL */
  char       **word_ordinals;     /* as listed: value - 1 → "First" */
  char       **ly_ordinals;
  char       **finally_phrases;   /* lowercase, several words */
  GHashTable  *determiners;
  GHashTable  *phrase_last;
  GHashTable  *phrase_nouns;
  GHashTable  *without_comma;

  char       **numbers;           /* as listed: value - 1 → "three" */
  GHashTable  *number_values;     /* lowercase → value */
  GHashTable  *count_nouns;
  GHashTable  *count_adjectives;
  GHashTable  *following;
  GHashTable  *following_articles;
  gsize        number_min_len;
  gsize        number_max_len;

  GHashTable  *forms;
  GHashTable  *qualifiers;
  GHashTable  *chair_roles;
  GHashTable  *roles;
  GHashTable  *generic;
  char       **joiners;           /* lowercase, each with a trailing space */
  char       **thanks;            /* lowercase, longest first */

  char       **closings;          /* lowercase, longest first */
  char        *default_closing;

  GHashTable  *delivery_marks;
  char       **opening_phrases;
  char       **heading_prefixes;
  GHashTable  *months;
  GHashTable  *abbreviations;     /* as listed, case-sensitive */
  char       **suffix_by_digit;   /* 10 entries */
  char        *suffix_teens;

  /* First words of every salutation, closing and delivery mark, and of
   * the several-word Finally phrases: a paragraph that starts otherwise
   * is prose, and the costlier matchers need not look at it.
   */
  GHashTable  *line_starters;
  GHashTable  *finally_starters;
};

/* A short line brought to one form for matching: ASCII lower case, markup
 * dropped, runs of spaces and typographic punctuation as one space. Every
 * byte keeps the source range it came from so that matches map back.
 */
typedef struct
{
  char    text[RST_RULES_LINE_MAX + 1];
  guint16 from[RST_RULES_LINE_MAX + 1];
  guint16 to[RST_RULES_LINE_MAX + 1];
  guint   len;
} Norm;

G_LOCK_DEFINE_STATIC (rules);
static GHashTable *rules_by_lang;

/* ASCII letters and digits; 0 for every other byte. */
static const guint8 alnum_table[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
  ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
};

/* g_ascii_tolower() is a function call; this runs for every byte. */
#define LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (char)((c) + ('a' - 'A')) : (char)(c))

static inline gsize
utf8_len (guchar c)
{
  if (c < 0xC0)
    return 1;
  if (c < 0xE0)
    return 2;
  if (c < 0xF0)
    return 3;
  return 4;
}

/* Non-ASCII characters that separate words: no-break space, « », and the
 * General Punctuation block (dashes, quotes, ellipsis, thin spaces) except
 * the right single quote, which is an apostrophe inside a word.
 */
static inline gboolean
is_separator_seq (const char *p,
                  gsize       avail)
{
  guchar c = (guchar)p[0];

  if (avail < 2)
    return FALSE;
  if (c == 0xC2)
    return (guchar)p[1] == 0xA0 || (guchar)p[1] == 0xAB || (guchar)p[1] == 0xBB;
  if (c == 0xE2 && avail >= 3 && (guchar)p[1] == 0x80)
    return (guchar)p[2] != 0x99;
  return FALSE;
}

static inline gboolean
is_word_char_at (const char *text,
                 gsize       i,
                 gsize       end)
{
  guchar c = (guchar)text[i];

  if (c < 0x80)
    return alnum_table[c];
  return !is_separator_seq (text + i, end - i);
}

gboolean
rst_next_word (const char *text,
               gsize      *pos,
               gsize       end,
               gsize      *word_start,
               gsize      *word_end)
{
  gsize i = *pos;

  while (i < end)
    {
      guchar c = (guchar)text[i];

      /* The common case first: spaces and ASCII punctuation. */
      while (c < 0x80 && !alnum_table[c] && ++i < end)
        c = (guchar)text[i];
      if (i >= end)
        break;

      if (c < 0x80)
        break;
      else if (is_separator_seq (text + i, end - i) ||
               (c == 0xE2 && i + 2 < end && (guchar)text[i + 1] == 0x80 && (guchar)text[i + 2] == 0x99))
        i += utf8_len (c);   /* an apostrophe only joins words */
      else
        break;
    }

  if (i >= end)
    {
      *pos = end;
      return FALSE;
    }

  *word_start = i;

  while (i < end)
    {
      guchar c;

      /* The common case first: a run of ASCII letters and digits. */
      while (i < end && alnum_table[(guchar)text[i]])
        i++;
      if (i >= end)
        break;

      c = (guchar)text[i];
      if (c < 0x80)
        {
          if (alnum_table[c])
            i++;
          /* Inside a word only: "Director-General", "H.E", "don't", "3.5" */
          else if ((c == '\'' || c == '-' || c == '.') && i + 1 < end &&
                   is_word_char_at (text, i + 1, end))
            i++;
          else
            break;
        }
      else if (c == 0xE2 && i + 3 < end && (guchar)text[i + 1] == 0x80 &&
               (guchar)text[i + 2] == 0x99)
        {
          if (is_word_char_at (text, i + 3, end))
            i += 3;
          else
            break;
        }
      else if (is_separator_seq (text + i, end - i))
        break;
      else
        i = MIN (end, i + utf8_len (c));
    }

  /* Always move on, whatever the bytes. */
  if (i == *word_start)
    i = MIN (end, i + utf8_len ((guchar)text[i]));

  *word_end = i;
  *pos = i;
  return TRUE;
}

/* Lower-cases a word into @buf; FALSE when it is too long to be in any list. */
static gboolean
lower_word (const char *word,
            gsize       len,
            char       *buf)
{
  gboolean ascii = TRUE;

  if (len == 0 || len >= WORD_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar)word[i];

      if (c >= 0x80)
        ascii = FALSE;
      buf[i] = LOWER (c);
    }
  buf[len] = '\0';

  if (!ascii)
    {
      g_autofree char *down = g_utf8_strdown (word, len);

      if (strlen (down) >= WORD_MAX)
        return FALSE;
      strcpy (buf, down);
    }

  return TRUE;
}

static gboolean
norm_line (Norm       *n,
           const char *s,
           gsize       len,
           gboolean    truncate)
{
  n->len = 0;

  if (len > RST_RULES_LINE_MAX)
    {
      if (!truncate)
        return FALSE;
      len = RST_RULES_LINE_MAX;
    }

  for (gsize i = 0; i < len;)
    {
      guchar c = (guchar)s[i];
      gsize clen = c < 0x80 ? 1 : MIN (utf8_len (c), len - i);
      char out;

      if (c == '*' || c == '_')
        {
          i++;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
          (c >= 0x80 && is_separator_seq (s + i, len - i)))
        out = ' ';
      else if (c == 0xE2 && clen == 3 && (guchar)s[i + 1] == 0x80 && (guchar)s[i + 2] == 0x99)
        out = '\'';
      else if (c >= 0x80)
        {
          /* Copied byte by byte: other scripts match as they are written. */
          for (gsize k = 0; k < clen; k++)
            {
              n->text[n->len] = s[i + k];
              n->from[n->len] = i;
              n->to[n->len] = i + clen;
              n->len++;
            }
          i += clen;
          continue;
        }
      else
        out = LOWER (c);

      if (out == ' ' && (n->len == 0 || n->text[n->len - 1] == ' '))
        {
          i += clen;
          continue;
        }

      n->text[n->len] = out;
      n->from[n->len] = i;
      n->to[n->len] = i + clen;
      n->len++;
      i += clen;
    }

  while (n->len > 0 && n->text[n->len - 1] == ' ')
    n->len--;
  n->text[n->len] = '\0';

  return TRUE;
}

/* Does @phrase start @text[s..e) and end at a word boundary? */
static gboolean
has_prefix_at (const char *text,
               guint       s,
               guint       e,
               const char *phrase,
               guint      *after)
{
  gsize plen = strlen (phrase);

  if (plen > e - s || memcmp (text + s, phrase, plen) != 0)
    return FALSE;
  if (s + plen < e && (g_ascii_isalnum (text[s + plen]) || text[s + plen] == '-'))
    return FALSE;

  *after = s + plen;
  return TRUE;
}

static gboolean
set_has (GHashTable *set,
         const char *text,
         guint       s,
         guint       e)
{
  char buf[RST_RULES_LINE_MAX + 1];

  if (e <= s)
    return FALSE;
  memcpy (buf, text + s, e - s);
  buf[e - s] = '\0';
  return g_hash_table_contains (set, buf);
}

static void
trim_spaces (const char *text,
             guint      *s,
             guint      *e)
{
  while (*s < *e && text[*s] == ' ')
    (*s)++;
  while (*e > *s && text[*e - 1] == ' ')
    (*e)--;
}

/* One comma-separated part of a salutation: "Mr. Chairperson",
 * "distinguished delegates", "and Madam High Commissioner".
 */
static gboolean
match_address_part (const RstRules *rules,
                    const Norm     *n,
                    guint           s,
                    guint           e,
                    RstAddress     *chair)
{
  const char *t = n->text;
  guint start, p, sp;

  trim_spaces (t, &s, &e);
  for (guint i = 0; rules->joiners[i] != NULL; i++)
    {
      gsize jlen = strlen (rules->joiners[i]);

      if (e - s > jlen && memcmp (t + s, rules->joiners[i], jlen) == 0)
        {
          s += jlen;
          break;
        }
    }
  if (s >= e)
    return FALSE;

  if (set_has (rules->generic, t, s, e))
    return TRUE;

  start = s;
  p = s;

  for (sp = p; sp < e && t[sp] != ' '; sp++)
    ;
  if (sp < e && set_has (rules->forms, t, p, sp))
    p = sp + 1;

  for (sp = p; sp < e && t[sp] != ' '; sp++)
    ;
  if (sp < e && set_has (rules->qualifiers, t, p, sp))
    p = sp + 1;

  if (set_has (rules->chair_roles, t, p, e))
    {
      if (chair != NULL && !chair->found)
        {
          chair->found = TRUE;
          chair->start = n->from[start];
          chair->end = n->to[e - 1];
        }
      return TRUE;
    }

  return set_has (rules->roles, t, p, e);
}

static gboolean
match_address_list (const RstRules *rules,
                    const Norm     *n,
                    guint           s,
                    guint           e,
                    RstAddress     *chair)
{
  guint matched = 0;

  while (s < e)
    {
      guint comma = s;
      guint ps, pe;

      while (comma < e && n->text[comma] != ',')
        comma++;

      ps = s;
      pe = comma;
      trim_spaces (n->text, &ps, &pe);
      if (ps < pe)
        {
          if (!match_address_part (rules, n, ps, pe, chair))
            return FALSE;
          matched++;
        }

      s = comma + 1;
    }

  return matched > 0;
}

/* The first word of @text, lower-cased, past markup, brackets and dashes. */
static gboolean
first_word (const char *text,
            gsize       len,
            char       *lower,
            gsize      *word_start,
            gsize      *word_end)
{
  gsize pos = 0, ws, we;

  if (!rst_next_word (text, &pos, MIN (len, 64), &ws, &we))
    return FALSE;
  if (word_start != NULL)
    *word_start = ws;
  if (word_end != NULL)
    *word_end = we;
  return lower_word (text + ws, we - ws, lower);
}

gboolean
rst_rules_may_stand_alone (const RstRules *rules,
                           const char     *line,
                           gsize           len)
{
  char lower[WORD_MAX];

  if (len > RST_RULES_LINE_MAX || !first_word (line, len, lower, NULL, NULL))
    return FALSE;
  return g_hash_table_contains (rules->line_starters, lower);
}

gboolean
rst_rules_match_delivery_mark (const RstRules *rules,
                               const char     *line,
                               gsize           len)
{
  static const char strip[] = " -[](){}<>.:!\"'";
  Norm n;
  guint s = 0, e;

  if (!norm_line (&n, line, len, FALSE))
    return FALSE;

  e = n.len;
  while (s < e && strchr (strip, n.text[s]) != NULL)
    s++;
  while (e > s && strchr (strip, n.text[e - 1]) != NULL)
    e--;

  return set_has (rules->delivery_marks, n.text, s, e);
}

gboolean
rst_rules_match_salutation (const RstRules *rules,
                            const char     *line,
                            gsize           len,
                            RstAddress     *chair)
{
  Norm n;
  guint s = 0, e;
  gboolean thanked = FALSE;
  gboolean punct = FALSE;

  if (chair != NULL)
    *chair = (RstAddress) { 0 };

  if (!norm_line (&n, line, len, FALSE) || n.len == 0)
    return FALSE;

  e = n.len;
  if (n.text[e - 1] == ',' || n.text[e - 1] == ':')
    {
      punct = TRUE;
      e--;
    }
  else if (!g_ascii_isalpha (n.text[e - 1]))
    return FALSE;

  for (guint i = 0; rules->thanks[i] != NULL; i++)
    {
      guint after;

      if (has_prefix_at (n.text, s, e, rules->thanks[i], &after))
        {
          s = after;
          while (s < e && (n.text[s] == ',' || n.text[s] == ' '))
            s++;
          thanked = TRUE;
          break;
        }
    }

  /* "Thank you Mr. Chair" without a comma is a closing that lost its stop. */
  if (thanked && !punct)
    return FALSE;

  if (!match_address_list (rules, &n, s, e, chair))
    {
      if (chair != NULL)
        *chair = (RstAddress) { 0 };
      return FALSE;
    }

  return TRUE;
}

static gboolean match_closing_at (const RstRules *rules,
                                  const Norm     *n,
                                  guint           s,
                                  guint           e,
                                  RstAddress     *chair);

gboolean
rst_rules_match_closing (const RstRules *rules,
                         const char     *line,
                         gsize           len,
                         gboolean       *has_stop,
                         RstAddress     *chair)
{
  Norm n;
  guint e;
  gboolean stop = FALSE;

  if (chair != NULL)
    *chair = (RstAddress) { 0 };

  if (!norm_line (&n, line, len, FALSE) || n.len == 0)
    return FALSE;

  e = n.len;
  while (e > 0 && (n.text[e - 1] == '.' || n.text[e - 1] == '!'))
    {
      stop = TRUE;
      e--;
    }
  while (e > 0 && n.text[e - 1] == ' ')
    e--;
  if (e == 0 || !g_ascii_isalpha (n.text[e - 1]))
    return FALSE;

  if (match_closing_at (rules, &n, 0, e, chair))
    {
      if (has_stop != NULL)
        *has_stop = stop;
      return TRUE;
    }

  /* "Madam Chair, I thank you." */
  for (guint comma = 0; comma < e; comma++)
    {
      guint from = comma + 1;

      if (n.text[comma] != ',')
        continue;
      while (from < e && n.text[from] == ' ')
        from++;
      if (chair != NULL)
        *chair = (RstAddress) { 0 };
      if (match_address_list (rules, &n, 0, comma, chair) &&
          match_closing_at (rules, &n, from, e, NULL))
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

/* A closing formula that fills [s, e) of @n, or is followed by addresses. */
static gboolean
match_closing_at (const RstRules *rules,
                  const Norm     *n,
                  guint           s,
                  guint           e,
                  RstAddress     *chair)
{
  for (guint i = 0; rules->closings[i] != NULL; i++)
    {
      guint after;

      if (!has_prefix_at (n->text, s, e, rules->closings[i], &after))
        continue;

      while (after < e && (n->text[after] == ',' || n->text[after] == ' '))
        after++;

      if (after == e || match_address_list (rules, n, after, e, chair))
        return TRUE;

      if (chair != NULL)
        *chair = (RstAddress) { 0 };
    }

  return FALSE;
}

gboolean
rst_rules_match_heading (const RstRules *rules,
                         const char     *text,
                         gsize           len)
{
  gsize i = 0;
  gsize e = len;
  Norm n;

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i >= len)
    return FALSE;

  if (text[i] == '#' || (i + 1 < len && text[i] == '*' && text[i + 1] == '*') ||
      (i + 1 < len && text[i] == '_' && text[i + 1] == '_'))
    return TRUE;

  norm_line (&n, text + i, len - i, TRUE);
  for (guint k = 0; rules->heading_prefixes[k] != NULL; k++)
    {
      guint after;

      if (has_prefix_at (n.text, 0, n.len, rules->heading_prefixes[k], &after))
        return TRUE;
    }

  if (len - i > 300)
    return FALSE;

  while (e > i && (g_ascii_isspace (text[e - 1]) || text[e - 1] == '*' || text[e - 1] == '_'))
    e--;
  if (e > i && text[e - 1] != '.' && text[e - 1] != '!' && text[e - 1] != '?' &&
      text[e - 1] != ',' && text[e - 1] != ';' && text[e - 1] != ':')
    return TRUE;

  /* "Geneva, 28 November 2023." */
  if (len - i <= 60)
    {
      gsize pos = 0, ws, we;
      gboolean month = FALSE, digit = FALSE;

      while (rst_next_word (n.text, &pos, n.len, &ws, &we))
        {
          if (g_ascii_isdigit (n.text[ws]))
            digit = TRUE;
          else if (set_has (rules->months, n.text, ws, we))
            month = TRUE;
        }

      return month && digit;
    }

  return FALSE;
}

gboolean
rst_rules_match_opening (const RstRules *rules,
                         const char     *text,
                         gsize           len)
{
  g_autofree char *lower = NULL;

  /* Openings say what they are early; the first 2000 bytes are plenty. */
  len = MIN (len, 2000);
  lower = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    lower[i] = LOWER (text[i]);
  lower[len] = '\0';

  for (guint i = 0; rules->opening_phrases[i] != NULL; i++)
    if (strstr (lower, rules->opening_phrases[i]) != NULL)
      return TRUE;

  return FALSE;
}

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

/* What may follow "First": punctuation or a dash. */
static gboolean
ends_marker (const char *text,
             gsize       i,
             gsize       len,
             gboolean    allow_lowercase)
{
  while (i < len && (text[i] == '*' || text[i] == '_'))
    i++;
  if (i >= len)
    return FALSE;
  if (text[i] == ',' || text[i] == ':' || text[i] == ';' || text[i] == '.')
    return TRUE;

  if (text[i] == ' ' || text[i] == '\t')
    {
      gsize j = i;

      while (j < len && (text[j] == ' ' || text[j] == '\t'))
        j++;
      if (j < len && text[j] == '-')
        return TRUE;
      if (j + 2 < len && (guchar)text[j] == 0xE2 && (guchar)text[j + 1] == 0x80 &&
          ((guchar)text[j + 2] == 0x93 || (guchar)text[j + 2] == 0x94))
        return TRUE;
      if (allow_lowercase && j < len && g_ascii_islower (text[j]))
        return TRUE;
      return FALSE;
    }

  if (i + 2 < len && (guchar)text[i] == 0xE2 && (guchar)text[i + 1] == 0x80 &&
      ((guchar)text[i + 2] == 0x93 || (guchar)text[i + 2] == 0x94))
    return TRUE;

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
  char lower[WORD_MAX];
  gsize i = skip_markup (text, 0, len);
  gsize pos, ws, we;
  gpointer packed;

  if (i >= len)
    return FALSE;

  /* "1." "2)" — at most two digits, so that "2023." is no marker. */
  if (g_ascii_isdigit (text[i]))
    {
      gsize j = i;
      guint v = 0;

      while (j < len && j - i < 3 && g_ascii_isdigit (text[j]))
        v = v * 10 + (text[j++] - '0');
      if (j - i > 2 || v == 0 || j + 1 >= len)
        return FALSE;
      if ((text[j] != '.' && text[j] != ')') || (text[j + 1] != ' ' && text[j + 1] != '\t'))
        return FALSE;

      *marker_start = i;
      *marker_end = j + 1;
      *value = v;
      *style = RST_ORDINAL_STYLE_NUMBER;
      return TRUE;
    }

  pos = i;
  if (!rst_next_word (text, &pos, len, &ws, &we) || ws != i || !lower_word (text + ws, we - ws, lower))
    return FALSE;

  /* "Last but not least," */
  if (g_hash_table_contains (rules->finally_starters, lower))
    {
      Norm n;

      norm_line (&n, text + i, MIN (len - i, 60), TRUE);
      for (guint k = 0; rules->finally_phrases[k] != NULL; k++)
        {
          guint after;

          if (has_prefix_at (n.text, 0, n.len, rules->finally_phrases[k], &after) &&
              after > 0 && ends_marker (n.text, after, n.len, FALSE))
            {
              *marker_start = i + n.from[0];
              *marker_end = i + n.to[after - 1];
              *value = 0;
              *style = RST_ORDINAL_STYLE_FINALLY;
              return TRUE;
            }
        }
    }

  packed = g_hash_table_lookup (rules->ordinals, lower);
  if (packed != NULL)
    {
      RstOrdinalStyle st = ORDINAL_STYLE (packed);
      gboolean loose = g_hash_table_contains (rules->without_comma, lower);

      if (!ends_marker (text, we, len, loose))
        return FALSE;

      *marker_start = ws;
      *marker_end = we;
      *value = ORDINAL_VALUE (packed);
      *style = st;
      return TRUE;
    }

  /* "Our first priority", "The second is" */
  if (g_hash_table_contains (rules->determiners, lower))
    {
      gsize ws2, we2, ws3, we3;
      char lower3[WORD_MAX];
      RstOrdinalStyle st;
      guint v;

      if (!rst_next_word (text, &pos, len, &ws2, &we2) || !lower_word (text + ws2, we2 - ws2, lower))
        return FALSE;

      packed = g_hash_table_lookup (rules->ordinals, lower);
      if (packed != NULL && ORDINAL_STYLE (packed) == RST_ORDINAL_STYLE_WORD)
        {
          st = RST_ORDINAL_STYLE_PHRASE;
          v = ORDINAL_VALUE (packed);
        }
      else if (g_hash_table_contains (rules->phrase_last, lower))
        {
          st = RST_ORDINAL_STYLE_FINALLY;
          v = 0;
        }
      else
        return FALSE;

      if (!rst_next_word (text, &pos, len, &ws3, &we3) || !lower_word (text + ws3, we3 - ws3, lower3) ||
          !g_hash_table_contains (rules->phrase_nouns, lower3))
        return FALSE;

      *marker_start = ws2;
      *marker_end = we2;
      *value = v;
      *style = st;
      return TRUE;
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
  char lower[WORD_MAX];
  char prev_lower[WORD_MAX];
  gsize pos = 0, ws, we;
  gsize prev_start = 0, prev_end = 0;

  while (rst_next_word (text, &pos, len, &ws, &we))
    {
      gsize wlen = we - ws;
      guint v = 0;
      gboolean candidate = FALSE;

      if (wlen <= 2 && g_ascii_isdigit (text[ws]))
        {
          v = wlen == 1 ? (guint)(text[ws] - '0') : (guint)((text[ws] - '0') * 10 + text[ws + 1] - '0');
          candidate = v >= 2 && v <= 10;
        }
      else if (wlen >= rules->number_min_len && wlen <= rules->number_max_len &&
               lower_word (text + ws, wlen, lower))
        {
          gpointer found;

          if ((found = g_hash_table_lookup (rules->number_values, lower)) != NULL)
            {
              v = GPOINTER_TO_UINT (found);
              candidate = v >= 2;
            }
          else if (g_hash_table_contains (rules->following, lower) && prev_end > prev_start &&
                   lower_word (text + prev_start, prev_end - prev_start, prev_lower) &&
                   g_hash_table_contains (rules->following_articles, prev_lower))
            {
              v = 0;
              candidate = TRUE;
            }
        }

      if (candidate)
        {
          gsize p2 = we, ns, ne;

          for (guint k = 0; k < 3 && rst_next_word (text, &p2, len, &ns, &ne); k++)
            {
              if (!lower_word (text + ns, ne - ns, lower))
                break;
              if (g_hash_table_contains (rules->count_nouns, lower))
                {
                  *start = v == 0 ? prev_start : ws;
                  *end = ne;
                  *marker_start = ws;
                  *marker_end = we;
                  *value = v;
                  return TRUE;
                }
              if (!g_hash_table_contains (rules->count_adjectives, lower))
                break;
            }
        }

      prev_start = ws;
      prev_end = we;
    }

  return FALSE;
}

gboolean
rst_rules_is_abbreviation (const RstRules *rules,
                           const char     *word,
                           gsize           len)
{
  char buf[WORD_MAX];

  /* An initial: "J. Smith" */
  if (len == 1 && g_ascii_isupper (word[0]))
    return TRUE;
  if (len >= WORD_MAX)
    return FALSE;

  memcpy (buf, word, len);
  buf[len] = '\0';
  return g_hash_table_contains (rules->abbreviations, buf);
}

static char *
apply_case (const char *word,
            const char *like,
            gsize       like_len)
{
  guint upper = 0, lower = 0;

  for (gsize i = 0; i < like_len; i++)
    {
      if (g_ascii_isupper (like[i]))
        upper++;
      else if (g_ascii_islower (like[i]))
        lower++;
    }

  if (upper >= 2 && lower == 0)
    return g_utf8_strup (word, -1);
  if (like_len > 0 && g_ascii_islower (like[0]))
    return g_utf8_strdown (word, -1);
  if (like_len > 0 && g_ascii_isupper (like[0]))
    {
      char *ret = g_strdup (word);
      ret[0] = g_ascii_toupper (ret[0]);
      return ret;
    }

  return g_strdup (word);
}

char *
rst_rules_ordinal_for (const RstRules  *rules,
                       RstOrdinalStyle  style,
                       guint            value,
                       const char      *like,
                       gsize            like_len)
{
  char **list;

  if (value == 0)
    return NULL;

  switch (style)
    {
    case RST_ORDINAL_STYLE_NUMBER:
      {
        char close = like_len > 0 && like[like_len - 1] == ')' ? ')' : '.';
        return g_strdup_printf ("%u%c", value, close);
      }

    case RST_ORDINAL_STYLE_WORD:
    case RST_ORDINAL_STYLE_PHRASE:
      list = rules->word_ordinals;
      break;

    case RST_ORDINAL_STYLE_LY:
      list = rules->ly_ordinals;
      break;

    case RST_ORDINAL_STYLE_NONE:
    case RST_ORDINAL_STYLE_FINALLY:
    default:
      return NULL;
    }

  if (value > g_strv_length (list))
    return NULL;

  return apply_case (list[value - 1], like, like_len);
}

char *
rst_rules_count_word_for (const RstRules *rules,
                          guint           value,
                          const char     *like,
                          gsize           like_len)
{
  if (like_len > 0 && g_ascii_isdigit (like[0]))
    return g_strdup_printf ("%u", value);
  if (value == 0 || value > g_strv_length (rules->numbers))
    return NULL;
  return apply_case (rules->numbers[value - 1], like, like_len);
}

/**
 * rst_rules_ordinal_suffix:
 *
 * Returns: the suffix of the ordinal @n ("st" for 101), or %NULL when the
 *   language writes no such suffixes.
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

const char *
rst_rules_get_default_closing (const RstRules *rules)
{
  return rules->default_closing;
}

const char *
rst_rules_get_lang (const RstRules *rules)
{
  return rules->lang;
}

static char **
get_list (GKeyFile   *key_file,
          const char *group,
          const char *key)
{
  char **list = g_key_file_get_string_list (key_file, group, key, NULL, NULL);

  return list != NULL ? list : g_new0 (char *, 1);
}

static GHashTable *
get_set (GKeyFile   *key_file,
         const char *group,
         const char *key,
         gboolean    fold)
{
  g_auto(GStrv) list = get_list (key_file, group, key);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; list[i] != NULL; i++)
    {
      char *word = fold ? g_utf8_strdown (list[i], -1) : g_strdup (list[i]);

      g_strstrip (word);
      if (word[0] != '\0')
        g_hash_table_add (set, word);
      else
        g_free (word);
    }

  return set;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  return (int)strlen (*(const char * const *)b) - (int)strlen (*(const char * const *)a);
}

/* Lower-cased, longest first, so that "thank you for your attention" is
 * tried before "thank you".
 */
static char **
get_phrases (GKeyFile   *key_file,
             const char *group,
             const char *key,
             gboolean    multiword_only)
{
  g_auto(GStrv) list = get_list (key_file, group, key);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      char *phrase = g_utf8_strdown (list[i], -1);

      g_strstrip (phrase);
      if (phrase[0] == '\0' || (multiword_only && strchr (phrase, ' ') == NULL))
        g_free (phrase);
      else
        g_ptr_array_add (out, phrase);
    }

  g_ptr_array_sort (out, compare_longest_first);
  g_ptr_array_add (out, NULL);

  return (char **)g_ptr_array_free (out, FALSE);
}

static void
add_ordinals (RstRules        *rules,
              char           **list,
              RstOrdinalStyle  style)
{
  for (guint i = 0; list[i] != NULL && i < 255; i++)
    {
      char *lower = g_utf8_strdown (list[i], -1);

      if (style == RST_ORDINAL_STYLE_FINALLY && strchr (lower, ' ') != NULL)
        g_free (lower);
      else
        g_hash_table_insert (rules->ordinals, lower,
                             PACK_ORDINAL (style, style == RST_ORDINAL_STYLE_FINALLY ? 0 : i + 1));
    }
}

static void
add_starter (GHashTable *starters,
             const char *phrase)
{
  char lower[WORD_MAX];
  gsize ws, we;

  if (first_word (phrase, strlen (phrase), lower, &ws, &we))
    g_hash_table_add (starters, g_strdup (lower));
}

static void
add_starters (GHashTable  *starters,
              char       **phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    add_starter (starters, phrases[i]);
}

static void
add_set_starters (GHashTable *starters,
                  GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    add_starter (starters, key);
}

static RstRules *
rules_load (const char *lang)
{
  g_autofree char *path = g_strdup_printf (RULES_PATH "%s.ini", lang);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_auto(GStrv) finally = NULL;
  RstRules *rules;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, NULL))
    return NULL;

  rules = g_new0 (RstRules, 1);
  rules->lang = g_strdup (lang);

  rules->ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->word_ordinals = get_list (key_file, "Ordinals", "Word");
  rules->ly_ordinals = get_list (key_file, "Ordinals", "Ly");
  finally = get_list (key_file, "Ordinals", "Finally");
  add_ordinals (rules, rules->word_ordinals, RST_ORDINAL_STYLE_WORD);
  add_ordinals (rules, rules->ly_ordinals, RST_ORDINAL_STYLE_LY);
  add_ordinals (rules, finally, RST_ORDINAL_STYLE_FINALLY);
  rules->finally_phrases = get_phrases (key_file, "Ordinals", "Finally", TRUE);
  rules->determiners = get_set (key_file, "Ordinals", "PhraseDeterminers", TRUE);
  rules->phrase_last = get_set (key_file, "Ordinals", "PhraseLast", TRUE);
  rules->phrase_nouns = get_set (key_file, "Ordinals", "PhraseNouns", TRUE);
  rules->without_comma = get_set (key_file, "Ordinals", "WithoutComma", TRUE);

  rules->numbers = get_list (key_file, "Counts", "Numbers");
  rules->number_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->number_min_len = G_MAXSIZE;
  for (guint i = 0; rules->numbers[i] != NULL; i++)
    {
      char *lower = g_utf8_strdown (rules->numbers[i], -1);

      rules->number_min_len = MIN (rules->number_min_len, strlen (lower));
      rules->number_max_len = MAX (rules->number_max_len, strlen (lower));
      g_hash_table_insert (rules->number_values, lower, GUINT_TO_POINTER (i + 1));
    }
  rules->count_nouns = get_set (key_file, "Counts", "Nouns", TRUE);
  rules->count_adjectives = get_set (key_file, "Counts", "Adjectives", TRUE);
  rules->following = get_set (key_file, "Counts", "Following", TRUE);
  rules->following_articles = get_set (key_file, "Counts", "FollowingArticles", TRUE);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, rules->following);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        rules->number_min_len = MIN (rules->number_min_len, strlen (key));
        rules->number_max_len = MAX (rules->number_max_len, strlen (key));
      }
  }

  rules->forms = get_set (key_file, "Salutation", "Forms", TRUE);
  rules->qualifiers = get_set (key_file, "Salutation", "Qualifiers", TRUE);
  rules->chair_roles = get_set (key_file, "Salutation", "ChairRoles", TRUE);
  rules->roles = get_set (key_file, "Salutation", "Roles", TRUE);
  rules->generic = get_set (key_file, "Salutation", "Generic", TRUE);
  rules->thanks = get_phrases (key_file, "Salutation", "Thanks", FALSE);
  rules->joiners = get_phrases (key_file, "Salutation", "Joiners", FALSE);
  for (guint i = 0; rules->joiners[i] != NULL; i++)
    {
      char *spaced = g_strconcat (rules->joiners[i], " ", NULL);

      g_free (rules->joiners[i]);
      rules->joiners[i] = spaced;
    }

  rules->closings = get_phrases (key_file, "Closing", "Formulas", FALSE);
  rules->default_closing = g_key_file_get_string (key_file, "Closing", "Default", NULL);
  if (rules->default_closing == NULL)
    rules->default_closing = g_strdup ("Thank you.");

  rules->delivery_marks = get_set (key_file, "Delivery", "Marks", TRUE);
  rules->opening_phrases = get_phrases (key_file, "Opening", "Phrases", FALSE);
  rules->heading_prefixes = get_phrases (key_file, "Heading", "Prefixes", FALSE);
  rules->months = get_set (key_file, "Heading", "Months", TRUE);
  rules->abbreviations = get_set (key_file, "Sentences", "Abbreviations", FALSE);
  rules->suffix_by_digit = get_list (key_file, "SessionOrdinals", "ByLastDigit");
  {
    g_auto(GStrv) teens = get_list (key_file, "SessionOrdinals", "Teens");

    rules->suffix_teens = g_strdup (teens[0]);
  }
  if (g_strv_length (rules->suffix_by_digit) != 10)
    g_clear_pointer (&rules->suffix_by_digit, g_strfreev);

  rules->line_starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_starters (rules->line_starters, rules->closings);
  add_starters (rules->line_starters, rules->thanks);
  add_set_starters (rules->line_starters, rules->delivery_marks);
  add_set_starters (rules->line_starters, rules->forms);
  add_set_starters (rules->line_starters, rules->qualifiers);
  add_set_starters (rules->line_starters, rules->chair_roles);
  add_set_starters (rules->line_starters, rules->roles);
  add_set_starters (rules->line_starters, rules->generic);
  rules->finally_starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_starters (rules->finally_starters, rules->finally_phrases);

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
 *   are none; loaded once and kept for the life of the process.
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
