/* rst-statement.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-line-index.h"
#include "rst-statement-private.h"

/* The structure of a statement's body: its paragraphs and what each one
 * is. Made by the analysis (rst_analysis_new()) for every change, in a
 * single linear pass over the text; immutable, so readers on any thread
 * may share it.
 */
struct _RstStatement
{
  GObject         parent_instance;

  GBytes         *bytes;
  const char     *text;
  gsize           length;
  gsize           body_offset;

  GArray         *paragraphs;     /* RstParagraph */
  GArray         *elements;       /* RstElement */
  guint           word_count;

  const RstRules *rules;
};

/* The content of one line of the body, without indentation, trailing
 * blanks and the line break.
 */
typedef struct
{
  gsize start;
  gsize end;
} Span;

G_DEFINE_FINAL_TYPE (RstStatement, rst_statement, G_TYPE_OBJECT)

static void
rst_statement_finalize (GObject *object)
{
  RstStatement *self = (RstStatement *)object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->elements, g_array_unref);

  G_OBJECT_CLASS (rst_statement_parent_class)->finalize (object);
}

static void
rst_statement_class_init (RstStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_statement_finalize;
}

static void
rst_statement_init (RstStatement *self)
{
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (RstParagraph));
  self->elements = g_array_new (FALSE, FALSE, sizeof (RstElement));
}

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A line that stands alone even without a blank line around it: a
 * salutation under the heading, "I thank you." under the last paragraph.
 */
static gboolean
is_standalone_line (RstStatement *self,
                    const Span   *line)
{
  const char *t = self->text + line->start;
  gsize len = line->end - line->start;

  if (!rst_rules_may_stand_alone (self->rules, t, len))
    return FALSE;

  return rst_rules_match_delivery_mark (self->rules, t, len) ||
         rst_rules_match_closing (self->rules, t, len, NULL, NULL) ||
         rst_rules_match_salutation (self->rules, t, len, NULL);
}

static void
add_paragraph (RstStatement *self,
               const Span   *lines,
               guint         first,
               guint         last)
{
  RstParagraph para = { lines[first].start, lines[last].end };

  g_array_append_val (self->paragraphs, para);
}

static void
split_paragraphs (RstStatement *self)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Span));
  const Span *l;
  gboolean gap = FALSE;
  gboolean seen_text = FALSE;
  gboolean blank_pending = FALSE;
  guint i;

  for (gsize ls = self->body_offset, next; ls < self->length; ls = next)
    {
      gsize le = rst_line_end (self->text, self->length, ls, &next);
      Span span = { ls, le };

      while (span.start < span.end && is_blank_char (self->text[span.start]))
        span.start++;
      while (span.end > span.start && is_blank_char (self->text[span.end - 1]))
        span.end--;

      if (span.start == span.end)
        blank_pending = seen_text;
      else
        {
          gap |= blank_pending;
          seen_text = TRUE;
          blank_pending = FALSE;
        }

      g_array_append_val (lines, span);
    }

  l = (const Span *)(gpointer)lines->data;

  /* Pasted from a web page: no blank line anywhere, one paragraph a line. */
  if (!gap)
    {
      for (i = 0; i < lines->len; i++)
        if (l[i].start < l[i].end)
          add_paragraph (self, l, i, i);
      return;
    }

  for (i = 0; i < lines->len;)
    {
      guint first, last, from;

      if (l[i].start == l[i].end)
        {
          i++;
          continue;
        }

      first = i;
      while (i < lines->len && l[i].start < l[i].end)
        i++;
      last = i - 1;

      if (first == last)
        {
          add_paragraph (self, l, first, last);
          continue;
        }

      from = first;
      for (guint k = first; k <= last; k++)
        {
          if (is_standalone_line (self, &l[k]))
            {
              if (from < k)
                add_paragraph (self, l, from, k - 1);
              add_paragraph (self, l, k, k);
              from = k + 1;
            }
        }
      if (from <= last)
        add_paragraph (self, l, from, last);
    }
}

static void
classify (RstStatement *self)
{
  const RstParagraph *paras = (const RstParagraph *)(gpointer)self->paragraphs->data;
  gboolean seen_salutation = FALSE;
  gboolean seen_body = FALSE;
  gboolean seen_priority = FALSE;
  gboolean opening_open = TRUE;
  gboolean seen_count = FALSE;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const char *p = self->text + paras[i].start;
      gsize len = paras[i].end - paras[i].start;
      RstElement el = { RST_ELEMENT_PARAGRAPH, paras[i].start, paras[i].end, 0, 0, 0, RST_ORDINAL_STYLE_NONE };
      RstAddress chair;
      gsize ms, me;
      guint value;
      RstOrdinalStyle style;

      if (rst_rules_may_stand_alone (self->rules, p, len))
        {
          if (rst_rules_match_delivery_mark (self->rules, p, len))
            el.kind = RST_ELEMENT_DELIVERY_MARK;
          else if (rst_rules_match_closing (self->rules, p, len, NULL, &chair))
            {
              /* "Thank you, Mr. President." before the body thanks for
               * the floor: it is the salutation.
               */
              if (!seen_body && chair.found)
                {
                  el.kind = RST_ELEMENT_SALUTATION;
                  seen_salutation = TRUE;
                }
              else
                el.kind = RST_ELEMENT_CLOSING;
            }
          else if (rst_rules_match_salutation (self->rules, p, len, NULL))
            {
              el.kind = seen_body ? RST_ELEMENT_RETURN_SALUTATION : RST_ELEMENT_SALUTATION;
              seen_salutation = TRUE;
            }
        }

      if (el.kind != RST_ELEMENT_PARAGRAPH)
        {
          g_array_append_val (self->elements, el);
          continue;
        }

      if (!seen_salutation && !seen_body && rst_rules_match_heading (self->rules, p, len))
        {
          el.kind = RST_ELEMENT_HEADING;
          g_array_append_val (self->elements, el);
          continue;
        }

      if (rst_rules_match_priority (self->rules, p, len, &ms, &me, &value, &style))
        {
          el.kind = RST_ELEMENT_PRIORITY;
          el.marker_start = paras[i].start + ms;
          el.marker_end = paras[i].start + me;
          el.value = value;
          el.style = style;
        }
      else if (opening_open && rst_rules_match_opening (self->rules, p, len))
        el.kind = RST_ELEMENT_OPENING;

      if (el.kind != RST_ELEMENT_OPENING)
        opening_open = FALSE;
      seen_body = TRUE;

      g_array_append_val (self->elements, el);

      if (el.kind == RST_ELEMENT_PRIORITY)
        seen_priority = TRUE;
      else if (!seen_priority && !seen_count)
        {
          RstElement count = { RST_ELEMENT_ANNOUNCED_COUNT, 0, 0, 0, 0, 0, RST_ORDINAL_STYLE_NONE };
          gsize cs, ce;

          if (rst_rules_find_announced_count (self->rules, p, len, &cs, &ce, &ms, &me, &value))
            {
              count.start = paras[i].start + cs;
              count.end = paras[i].start + ce;
              count.marker_start = paras[i].start + ms;
              count.marker_end = paras[i].start + me;
              count.value = value;
              g_array_append_val (self->elements, count);
              seen_count = TRUE;
            }
        }
    }
}

static void
count_words (RstStatement *self)
{
  gsize pos = self->body_offset;
  gsize ws, we;
  guint n = 0;

  while (rst_next_word (self->text, &pos, self->length, &ws, &we))
    n++;

  self->word_count = n;
}

/**
 * _rst_statement_new:
 * @bytes: the whole text, front matter included: UTF-8 without NUL bytes
 * @body_offset: where the body starts, after the front matter
 * @rules: the rules of the statement's language
 *
 * Returns: (transfer full): the structure of the body
 */
RstStatement *
_rst_statement_new (GBytes         *bytes,
                    gsize           body_offset,
                    const RstRules *rules)
{
  RstStatement *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  self = g_object_new (RST_TYPE_STATEMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->text = g_bytes_get_data (bytes, &self->length);
  if (self->text == NULL)
    self->text = "";
  self->body_offset = MIN (body_offset, self->length);
  self->rules = rules;

  split_paragraphs (self);
  classify (self);
  count_words (self);

  return self;
}

const char *
rst_statement_get_text (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);
  return self->text;
}

gsize
rst_statement_get_length (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), 0);
  return self->length;
}

/* Where the body starts: after the front matter and a byte order mark. */
gsize
rst_statement_get_body_offset (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), 0);
  return self->body_offset;
}

const RstParagraph *
rst_statement_get_paragraphs (RstStatement *self,
                              guint        *n_paragraphs)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);

  if (n_paragraphs != NULL)
    *n_paragraphs = self->paragraphs->len;
  return (const RstParagraph *)(gpointer)self->paragraphs->data;
}

/**
 * rst_statement_get_elements:
 *
 * Returns: (transfer none): the recognized elements sorted by start; every
 *   paragraph is one element, and an announced count is an element of its
 *   own inside its paragraph.
 */
const RstElement *
rst_statement_get_elements (RstStatement *self,
                            guint        *n_elements)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);

  if (n_elements != NULL)
    *n_elements = self->elements->len;
  return (const RstElement *)(gpointer)self->elements->data;
}

guint
rst_statement_get_word_count (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), 0);
  return self->word_count;
}

const RstRules *
rst_statement_get_rules (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);
  return self->rules;
}

const char *
rst_element_kind_to_string (RstElementKind kind)
{
  switch (kind)
    {
    case RST_ELEMENT_HEADING:
      return "heading";
    case RST_ELEMENT_DELIVERY_MARK:
      return "delivery-mark";
    case RST_ELEMENT_SALUTATION:
      return "salutation";
    case RST_ELEMENT_OPENING:
      return "opening";
    case RST_ELEMENT_ANNOUNCED_COUNT:
      return "announced-count";
    case RST_ELEMENT_PRIORITY:
      return "priority";
    case RST_ELEMENT_PARAGRAPH:
      return "paragraph";
    case RST_ELEMENT_RETURN_SALUTATION:
      return "return-salutation";
    case RST_ELEMENT_CLOSING:
      return "closing";
    default:
      return "unknown";
    }
}
