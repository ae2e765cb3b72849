/* rst-line-index.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-line-index.h"

/* Character counts are kept per block of this many bytes. */
#define BLOCK_SHIFT 8
#define BLOCK_SIZE  (1u << BLOCK_SHIFT)

struct _RstLineIndex
{
  const char *text;
  gsize       length;
  GArray     *line_starts;   /* gsize */
  GArray     *block_chars;   /* gsize: characters before each block */
};

static inline gboolean
is_char_start (guchar c)
{
  /* UTF-8 continuation bytes are 10xxxxxx. */
  return (c & 0xC0) != 0x80;
}

/**
 * rst_line_index_new:
 * @text: UTF-8 text, which must outlive the index
 * @length: its length in bytes
 *
 * Returns: (transfer full): the index of @text
 */
RstLineIndex *
rst_line_index_new (const char *text,
                    gsize       length)
{
  RstLineIndex *self;
  gsize zero = 0;
  gsize chars = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (RstLineIndex, 1);
  self->text = text != NULL ? text : "";
  self->length = length;
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->block_chars = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length / BLOCK_SIZE + 1);

  g_array_append_val (self->line_starts, zero);

  /* Two simple loops rather than one with both tests, since the compiler
   * vectorizes the first and memchr() is faster still at the second:
   * the index is built for every check of the whole text.
   */
  for (gsize block = 0; block < length; block += BLOCK_SIZE)
    {
      gsize block_end = MIN (length, block + BLOCK_SIZE);
      gsize n = 0;

      g_array_append_val (self->block_chars, chars);
      for (gsize i = block; i < block_end; i++)
        n += is_char_start ((guchar) self->text[i]);
      chars += n;
    }
  if ((length & (BLOCK_SIZE - 1)) == 0)
    g_array_append_val (self->block_chars, chars);

  /* A line ends at "\n", or at a "\r" not followed by one. */
  for (gsize i = 0; i < length; )
    {
      const char *lf = memchr (self->text + i, '\n', length - i);
      gsize stop = lf != NULL ? (gsize) (lf - self->text) : length;
      const char *cr = memchr (self->text + i, '\r', stop - i);

      while (cr != NULL)
        {
          gsize at = cr - self->text;

          if (at + 1 < length && self->text[at + 1] == '\n')
            break;
          at++;
          g_array_append_val (self->line_starts, at);
          cr = memchr (self->text + at, '\r', stop - at);
        }

      if (lf == NULL)
        break;
      stop++;
      g_array_append_val (self->line_starts, stop);
      i = stop;
    }

  return self;
}

void
rst_line_index_free (RstLineIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->line_starts);
  g_array_unref (self->block_chars);
  g_free (self);
}

guint
rst_line_index_get_n_lines (const RstLineIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->line_starts->len;
}

/* @line is 1-based; past the last line gives the end of the text. */
gsize
rst_line_index_get_line_start (const RstLineIndex *self,
                               guint               line)
{
  g_return_val_if_fail (self != NULL, 0);

  if (line == 0)
    return 0;
  if (line > self->line_starts->len)
    return self->length;
  return g_array_index (self->line_starts, gsize, line - 1);
}

/* Characters in [0, offset). */
static gsize
chars_before (const RstLineIndex *self,
              gsize               offset)
{
  gsize block = offset >> BLOCK_SHIFT;
  gsize chars = g_array_index (self->block_chars, gsize, block);

  for (gsize i = block << BLOCK_SHIFT; i < offset; i++)
    chars += is_char_start ((guchar) self->text[i]);

  return chars;
}

/**
 * rst_line_index_locate:
 * @offset: a byte offset; past the end means the end
 * @line: (out) (optional): its 1-based line
 * @column: (out) (optional): its 1-based column, in characters
 */
void
rst_line_index_locate (const RstLineIndex *self,
                       gsize               offset,
                       guint              *line,
                       guint              *column)
{
  const gsize *starts;
  guint lo = 0;
  guint hi;

  g_return_if_fail (self != NULL);

  offset = MIN (offset, self->length);
  starts = (const gsize *) (gpointer) self->line_starts->data;
  hi = self->line_starts->len;

  /* The last line start at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  if (line != NULL)
    *line = lo + 1;
  if (column != NULL)
    *column = (guint) (chars_before (self, offset) - chars_before (self, starts[lo])) + 1;
}

/**
 * rst_line_index_get_offset:
 * @line: 1-based
 * @column: 1-based, in characters
 *
 * Returns: the byte offset of @column on @line, kept inside the line
 */
gsize
rst_line_index_get_offset (const RstLineIndex *self,
                           guint               line,
                           guint               column)
{
  gsize start;
  gsize end;
  gsize pos;

  g_return_val_if_fail (self != NULL, 0);

  start = rst_line_index_get_line_start (self, line);
  end = line < self->line_starts->len ? rst_line_index_get_line_start (self, line + 1) : self->length;

  pos = start;
  for (guint c = 1; c < column && pos < end; c++)
    {
      pos++;
      while (pos < end && !is_char_start ((guchar) self->text[pos]))
        pos++;
    }

  return pos;
}

/**
 * rst_line_end:
 * @next: (out) (optional): the start of the next line, or @length
 *
 * Returns: the end of the text of the line starting at @start
 */
gsize
rst_line_end (const char *text,
              gsize       length,
              gsize       start,
              gsize      *next)
{
  gsize i = start;

  /* memchr() finds the common "\n" fast; a lone "\r" before it (a file
   * from an old Mac) ends the line too.
   */
  const char *nl = start < length ? memchr (text + start, '\n', length - start) : NULL;
  const char *cr = start < length ? memchr (text + start, '\r', (nl != NULL ? (gsize) (nl - text) : length) - start) : NULL;

  if (cr != NULL)
    {
      i = cr - text;
      if (next != NULL)
        *next = i + 1 < length && text[i + 1] == '\n' ? i + 2 : i + 1;
      return i;
    }

  if (nl != NULL)
    {
      i = nl - text;
      if (next != NULL)
        *next = i + 1;
      return i;
    }

  if (next != NULL)
    *next = length;
  return length;
}
