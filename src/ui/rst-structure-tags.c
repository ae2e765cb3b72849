/* rst-structure-tags.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-structure-tags.h"

/* The statement's structure in the editor's colours: the heading, the
 * delivery mark, the salutations, the priorities' markers and the
 * closing, where the analysis found them, in whichever of the six
 * languages the statement is written. The language definition
 * (data/language-specs) colours only the markup, which has no language;
 * what the words are is the rule files' to say, through RstAnalysis.
 */

typedef enum
{
  STRUCTURE_HEADING,
  STRUCTURE_DELIVERY_MARK,
  STRUCTURE_SALUTATION,
  STRUCTURE_ORDINAL,
  STRUCTURE_CLOSING,
  N_STRUCTURES
} Structure;

static const struct {
  const char *tag_name;
  /* The scheme's style, else the style GtkSourceView would map it to. */
  const char *style_id;
  const char *fallback_id;
} structures[N_STRUCTURES] = {
  { "structure-heading", "rostrum-statement:heading", "def:heading" },
  { "structure-delivery-mark", "rostrum-statement:delivery-mark", "def:comment" },
  { "structure-salutation", "rostrum-statement:salutation", "def:type" },
  { "structure-ordinal", "rostrum-statement:ordinal", "def:statement" },
  { "structure-closing", "rostrum-statement:closing", "def:type" },
};

/* A hostile "heading" of a whole statement is coloured on its first
 * characters only: tagging a long range costs its layout more than a
 * frame, at every check.
 */
#define STRUCTURE_RANGE_MAX_CHARS 2000

struct _RstStructureTags
{
  GtkSourceBuffer *buffer;
  GtkTextTag      *tags[N_STRUCTURES];
  /* Where tags were put, as pairs of marks: they come off only there. */
  GPtrArray       *marks;
};

static int
structure_for (RstElementKind kind)
{
  switch (kind)
    {
    case RST_ELEMENT_HEADING:
      return STRUCTURE_HEADING;
    case RST_ELEMENT_DELIVERY_MARK:
      return STRUCTURE_DELIVERY_MARK;
    case RST_ELEMENT_SALUTATION:
    case RST_ELEMENT_RETURN_SALUTATION:
      return STRUCTURE_SALUTATION;
    case RST_ELEMENT_PRIORITY:
      return STRUCTURE_ORDINAL;
    case RST_ELEMENT_CLOSING:
      return STRUCTURE_CLOSING;
    case RST_ELEMENT_OPENING:
    case RST_ELEMENT_ANNOUNCED_COUNT:
    case RST_ELEMENT_PARAGRAPH:
    default:
      return -1;
    }
}

/**
 * rst_structure_tags_new:
 *
 * Adds the structure's tags to @buffer's table, under every other tag:
 * the markup dimmer's grey "**" and the search's marks show over them.
 *
 * Returns: (transfer full): the tags of @buffer, kept as long as it is
 */
RstStructureTags *
rst_structure_tags_new (GtkSourceBuffer *buffer)
{
  RstStructureTags *self = g_new0 (RstStructureTags, 1);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer));

  g_set_weak_pointer (&self->buffer, buffer);
  self->marks = g_ptr_array_new ();
  for (guint i = 0; i < N_STRUCTURES; i++)
    {
      self->tags[i] = gtk_text_tag_new (structures[i].tag_name);
      gtk_text_tag_table_add (table, self->tags[i]);
      gtk_text_tag_set_priority (self->tags[i], 0);
    }
  rst_structure_tags_update_styles (self);

  return self;
}

void
rst_structure_tags_free (RstStructureTags *self)
{
  if (self == NULL)
    return;

  rst_structure_tags_clear (self);
  for (guint i = 0; i < N_STRUCTURES; i++)
    g_clear_object (&self->tags[i]);
  g_ptr_array_unref (self->marks);
  g_clear_weak_pointer (&self->buffer);
  g_free (self);
}

/* The style scheme's looks, again when it changes. */
void
rst_structure_tags_update_styles (RstStructureTags *self)
{
  GtkSourceStyleScheme *scheme;

  if (self->buffer == NULL)
    return;

  scheme = gtk_source_buffer_get_style_scheme (self->buffer);
  for (guint i = 0; i < N_STRUCTURES; i++)
    {
      GtkSourceStyle *style = NULL;

      if (scheme != NULL)
        style = gtk_source_style_scheme_get_style (scheme, structures[i].style_id);
      if (style == NULL && scheme != NULL)
        style = gtk_source_style_scheme_get_style (scheme, structures[i].fallback_id);
      gtk_source_style_apply (style, self->tags[i]);
    }
}

/* Takes the tags off where they were put. */
void
rst_structure_tags_clear (RstStructureTags *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  for (guint i = 0; buffer != NULL && i + 1 < self->marks->len; i += 2)
    {
      GtkTextMark *begin_mark = g_ptr_array_index (self->marks, i);
      GtkTextMark *end_mark = g_ptr_array_index (self->marks, i + 1);
      GtkTextIter begin, end;

      gtk_text_buffer_get_iter_at_mark (buffer, &begin, begin_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      gtk_text_iter_order (&begin, &end);
      for (guint t = 0; t < N_STRUCTURES; t++)
        gtk_text_buffer_remove_tag (buffer, self->tags[t], &begin, &end);
      gtk_text_buffer_delete_mark (buffer, begin_mark);
      gtk_text_buffer_delete_mark (buffer, end_mark);
    }
  g_ptr_array_set_size (self->marks, 0);
}

/* Colours [@begin, @end) as an element of @kind; other kinds have no
 * colour of their own.
 */
void
rst_structure_tags_add (RstStructureTags  *self,
                        RstElementKind     kind,
                        const GtkTextIter *begin,
                        const GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  int structure = structure_for (kind);
  GtkTextIter stop = *end;

  if (structure < 0 || buffer == NULL || gtk_text_iter_compare (begin, end) >= 0)
    return;

  if (gtk_text_iter_get_offset (&stop) - gtk_text_iter_get_offset (begin) > STRUCTURE_RANGE_MAX_CHARS)
    {
      stop = *begin;
      gtk_text_iter_forward_chars (&stop, STRUCTURE_RANGE_MAX_CHARS);
    }

  gtk_text_buffer_apply_tag (buffer, self->tags[structure], begin, &stop);
  g_ptr_array_add (self->marks, gtk_text_buffer_create_mark (buffer, NULL, begin, TRUE));
  g_ptr_array_add (self->marks, gtk_text_buffer_create_mark (buffer, NULL, &stop, FALSE));
}

/* Returns: (transfer none) (nullable): the tag of @kind, for tests */
GtkTextTag *
rst_structure_tags_get_tag (RstStructureTags *self,
                            RstElementKind    kind)
{
  int structure = structure_for (kind);

  return structure >= 0 ? self->tags[structure] : NULL;
}
