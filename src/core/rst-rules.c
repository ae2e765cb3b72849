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
  GHashTable  *recognition_words; /* lowercase */
  GPtrArray   *session_patterns;  /* GRegex, with a group "n" or "w" */
  GHashTable  *ordinal_words;     /* lowercase ordinal in words → value */
  char       **hundreds;          /* what follows 1–99 for 101–199, 201–299 */
  char       **ordinal_list;      /* as listed: value - 1 → the words */
  char        *hundred;           /* 100 in words */
  char        *ordinal_format;    /* "{n}e" */
  char        *ordinal_first;     /* "{n}re" */
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

/**
 * rst_rules_is_recognition_word:
 * @word: a word, any case
 *
 * Returns: whether @word is one of the frequent words that tell the
 *   language apart from the others of its script
 */
gboolean
rst_rules_is_recognition_word (const RstRules *rules,
                               const char     *word,
                               gsize           len)
{
  char lower[WORD_MAX];

  return lower_word (word, len, lower) && g_hash_table_contains (rules->recognition_words, lower);
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

/* The heading's session, "114th Session": patterns read raw, so that a
 * rule file writes \s as PCRE does; English's when a file has none.
 */
static void
load_session_patterns (RstRules *rules,
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
          char *folded = g_utf8_strdown (g_strstrip (forms[k]), -1);

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

  rules->recognition_words = get_set (key_file, "Recognition", "Words", TRUE);
  load_session_patterns (rules, key_file);
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

  g_return_val_if_fail (lang != NULL, FALSE);

  path = g_strdup_printf (RULES_PATH "%s.ini", lang);
  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* An ordinal in words, "الرابعة عشرة بعد المائة", as a number. */
static guint
ordinal_from_words (const RstRules *rules,
                    const char     *words)
{
  g_autofree char *folded = g_utf8_strdown (words, -1);
  guint value;

  g_strstrip (folded);
  value = GPOINTER_TO_UINT (g_hash_table_lookup (rules->ordinal_words, folded));
  if (value > 0)
    return value;

  /* "… بعد المائة": the ordinal of 1–99, then what says how many hundreds. */
  for (guint h = 0; rules->hundreds[h] != NULL; h++)
    {
      g_autofree char *suffix = g_utf8_strdown (rules->hundreds[h], -1);

      g_strstrip (suffix);
      if (suffix[0] != '\0' && g_str_has_suffix (folded, suffix))
        {
          folded[strlen (folded) - strlen (suffix)] = '\0';
          g_strstrip (folded);
          value = GPOINTER_TO_UINT (g_hash_table_lookup (rules->ordinal_words, folded));
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
 *   "76e session", "第114届会议"), or 0
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

  line = g_strndup (text, len);
  for (guint i = 0; i < rules->session_patterns->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_regex_match (g_ptr_array_index (rules->session_patterns, i), line, 0, &match))
        continue;

      {
        g_autofree char *digits = g_match_info_fetch_named (match, "n");
        g_autofree char *words = g_match_info_fetch_named (match, "w");
        guint64 number = 0;

        if (digits != NULL && digits[0] != '\0' &&
            g_ascii_string_to_unsigned (digits, 10, 1, 99999, &number, NULL))
          return (guint) number;
        if (words != NULL && words[0] != '\0' && (number = ordinal_from_words (rules, words)) > 0)
          return (guint) number;
      }
    }

  return 0;
}

/* The first of the "|" forms of an ordinal in words. */
static char *
ordinal_word (const RstRules *rules,
              guint           value)
{
  const char *forms = rules->ordinal_list[value - 1];
  const char *bar = strchr (forms, '|');

  return g_strstrip (bar != NULL ? g_strndup (forms, bar - forms) : g_strdup (forms));
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
  if (listed >= 99 && n > 0)
    {
      guint h = n / 100;
      guint rest = n % 100;

      if (n < 100)
        return ordinal_word (rules, n);
      if (rest == 0 && h == 1 && rules->hundred != NULL)
        return g_strdup (rules->hundred);
      if (rest > 0 && h <= g_strv_length (rules->hundreds))
        {
          g_autofree char *word = ordinal_word (rules, rest);

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
