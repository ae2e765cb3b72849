/* rst-fold.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-fold.h"
#include "rst-word.h"

RstFolded *
rst_folded_new (void)
{
  RstFolded *self = g_new0 (RstFolded, 1);

  self->text = g_string_sized_new (256);
  self->from = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);
  self->to = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);

  return self;
}

void
rst_folded_free (RstFolded *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->from);
  g_array_unref (self->to);
  g_free (self);
}

/* What a character becomes: 0 to drop it, ' ' for a separator, another
 * character, or itself.
 */
static gunichar
fold_char (gunichar    c,
           GHashTable *extra)
{
  if (c < 0x80)
    {
      if (c == '*' || c == '_')
        return 0;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return ' ';
      if (c >= 'A' && c <= 'Z')
        return c + ('a' - 'A');
      return c;
    }

  switch (c)
    {
    /* Spaces: no-break, narrow, ideographic, line and paragraph separators. */
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: case 0x2028: case 0x2029:
      return ' ';
    /* Invisible: soft hyphen, zero-width spaces and joiners, byte order mark. */
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return 0;
    /* Apostrophes. */
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032:
      return '\'';
    /* Dashes are one. */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    /* Quotes and brackets that only dress a phrase. */
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x3010: case 0x3011:
      return ' ';
    case 0x2026:
      return '.';
    /* CJK punctuation. */
    case 0x3001:
      return ',';
    case 0x3002: case 0xFF61:
      return '.';
    /* Arabic punctuation. */
    case 0x060C:
      return ',';
    case 0x061B:
      return ';';
    case 0x061F:
      return '?';
    case 0x06D4:
      return '.';
    /* Tatweel only stretches a word. */
    case 0x0640:
      return 0;
    /* Alif with hamza or madda, and wasla: written with and without. */
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:
      return 0x0627;
    /* Alif maqsura and ya are confused in typing. */
    case 0x0649:
      return 0x064A;
    default:
      break;
    }

  /* Full-width ASCII: ，：；！？（）１２３ and letters. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return fold_char (c - 0xFEE0, extra);

  /* Arabic harakat, tanween, shadda, sukun, dagger alif, Quranic marks. */
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED))
    return 0;

  /* Other general punctuation separates. */
  if (c >= 0x2000 && c <= 0x206F)
    return ' ';

  if (extra != NULL)
    {
      gpointer to = g_hash_table_lookup (extra, GUINT_TO_POINTER (c));

      if (to != NULL)
        return GPOINTER_TO_UINT (to);
    }

  return g_unichar_tolower (c);
}

/* The map of a fold: where each folded byte came from. */
typedef struct
{
  GArray *from;
  GArray *to;
} Map;

/* ASCII as folding makes it: lower case, markup dropped (0), blanks one
 * space; every other byte as it is.
 */
static guint8 ascii_fold[128];

static void
init_ascii_fold (void)
{
  for (guint c = 0; c < 128; c++)
    ascii_fold[c] = (guint8) fold_char (c, NULL);
}

/* Writes @c at @w of @text (sized by the caller) and its origin to the
 * map; returns the new write position.
 */
static inline gsize
put (GString   *text,
     const Map *map,
     gsize      w,
     gunichar   c,
     guint32    from,
     guint32    to)
{
  int len;

  if (w + 6 > text->len)
    {
      g_string_set_size (text, text->len * 2 + 16);
      if (map != NULL)
        {
          g_array_set_size (map->from, text->len);
          g_array_set_size (map->to, text->len);
        }
    }

  len = c < 0x80 ? (text->str[w] = (char) c, 1) : g_unichar_to_utf8 (c, text->str + w);

  if (map != NULL)
    for (int i = 0; i < len; i++)
      {
        ((guint32 *) (gpointer) map->from->data)[w + i] = from;
        ((guint32 *) (gpointer) map->to->data)[w + i] = to;
      }

  return w + len;
}

/* Appends the folding of [@source, @source + @length) to @text. The
 * buffer and map are sized once for the common case (a byte folds to at
 * most a byte) and written through, not appended to: this runs on every
 * paragraph of every keystroke's analysis.
 */
static void
fold_into (GString    *text,
           const Map  *map,
           const char *source,
           gsize       length,
           GHashTable *extra)
{
  static gsize initialized;
  const char *end = source + length;
  gsize w = text->len;
  gboolean space = w == 0 || text->str[w - 1] == ' ';

  if (g_once_init_enter (&initialized))
    {
      init_ascii_fold ();
      g_once_init_leave (&initialized, 1);
    }

  g_string_set_size (text, w + length + 8);
  if (map != NULL)
    {
      g_array_set_size (map->from, text->len);
      g_array_set_size (map->to, text->len);
    }

  for (const char *p = source; p < end;)
    {
      guchar b = (guchar) *p;
      const char *next;
      gunichar f;

      if (b < 0x80)
        {
          next = p + 1;
          f = ascii_fold[b];
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          next = g_utf8_next_char (p);
          f = fold_char (c, extra);
        }

      if (f == ' ')
        {
          if (!space)
            w = put (text, map, w, ' ', p - source, next - source);
          space = TRUE;
        }
      else if (f != 0)
        {
          w = put (text, map, w, f, p - source, next - source);
          space = FALSE;
        }

      p = next;
    }

  while (w > 0 && text->str[w - 1] == ' ')
    w--;
  g_string_truncate (text, w);
  if (map != NULL)
    {
      g_array_set_size (map->from, w);
      g_array_set_size (map->to, w);
    }
}

/**
 * rst_fold:
 * @out: replaced with the folded text and its map
 * @extra: (nullable): a language's own folds, gunichar → gunichar
 *
 * Folds [@text, @text + @length), valid UTF-8. Runs of separators become
 * one space; none leads or trails.
 */
void
rst_fold (RstFolded  *out,
          const char *text,
          gsize       length,
          GHashTable *extra)
{
  Map map = { out->from, out->to };

  out->source = text;
  out->source_length = length;
  g_string_truncate (out->text, 0);
  fold_into (out->text, &map, text, length, extra);
}

/* Returns: (transfer full): @text folded, without the map */
char *
rst_fold_string (const char *text,
                 gssize      length,
                 GHashTable *extra)
{
  GString *out;

  if (length < 0)
    length = strlen (text);
  out = g_string_sized_new (length + 1);
  fold_into (out, NULL, text, length, extra);
  return g_string_free (out, FALSE);
}

/* The source offset where the folded byte @at came from. */
gsize
rst_folded_source_start (const RstFolded *self,
                         gsize            at)
{
  if (self->from->len == 0)
    return 0;
  at = MIN (at, self->from->len - 1);
  return g_array_index (self->from, guint32, at);
}

/* The source offset just past the folded text that ends at @end, and
 * past what folding dropped right after it but markup: the tanween of
 * "أولاً", a tatweel, a soft hyphen belong to the word a match ends
 * with, so that a fix replacing the word leaves none of them behind;
 * the "**" after "First" stays the drafter's.
 */
gsize
rst_folded_source_end (const RstFolded *self,
                       gsize            end)
{
  gsize source_end;

  if (end == 0 || self->to->len == 0)
    return 0;
  end = MIN (end, self->to->len);
  source_end = g_array_index (self->to, guint32, end - 1);

  while (self->source != NULL && source_end < self->source_length &&
         (guchar) self->source[source_end] >= 0x80)
    {
      const char *p = self->source + source_end;
      gunichar c = g_utf8_get_char_validated (p, self->source_length - source_end);

      if (c == (gunichar) -1 || c == (gunichar) -2 || fold_char (c, NULL) != 0)
        break;
      source_end = g_utf8_next_char (p) - self->source;
    }

  return source_end;
}

/* Whether @c continues a word in a language written with spaces. */
static gboolean
joins_word (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c)) && !rst_word_is_ideograph (c);
}

/**
 * rst_fold_find_word:
 * @folded: text folded with rst_fold(), NUL at @len
 * @phrase: a folded phrase
 * @start: (out) (optional): where the first match starts
 *
 * Finds @phrase in @folded as whole words: "iom council" in "the iom
 * council's", not "om" in "iom"; Han characters need no boundary.
 *
 * Returns: whether @phrase is there
 */
gboolean
rst_fold_find_word (const char *folded,
                    gsize       len,
                    const char *phrase,
                    gsize      *start)
{
  gsize phrase_len = strlen (phrase);
  const char *end = folded + len;
  const char *p = folded;

  if (phrase_len == 0)
    return FALSE;

  /* libc's strstr() is many times faster than a loop of our own: the
   * folded text ends with a NUL where a GString or rst_fold_string ()
   * made it, and a match past @len is refused below.
   */
  g_return_val_if_fail (folded[len] == '\0', FALSE);

  while (p + phrase_len <= end && (p = strstr (p, phrase)) != NULL && p + phrase_len <= end)
    {
      const char *before = p > folded ? g_utf8_find_prev_char (folded, p) : NULL;
      const char *after = p + phrase_len;

      if ((before == NULL || !joins_word (g_utf8_get_char (before)) ||
           rst_word_is_ideograph (g_utf8_get_char (p))) &&
          (after >= end || !joins_word (g_utf8_get_char (after)) ||
           rst_word_is_ideograph (g_utf8_get_char (g_utf8_find_prev_char (p, after)))))
        {
          if (start != NULL)
            *start = p - folded;
          return TRUE;
        }
      p = g_utf8_next_char (p);
    }

  return FALSE;
}
