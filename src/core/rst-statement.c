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
  /* The words before each paragraph's start, and the total last: the
   * outline and the time check find words through it without reading
   * the whole statement again.
   */
  guint          *words_before;   /* n_paragraphs + 1 */

  const RstRules *rules;

  /* The paragraph being read, folded once for every matcher. */
  RstFolded      *folded;
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
  g_clear_pointer (&self->folded, rst_folded_free);
  g_clear_pointer (&self->words_before, g_free);

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

/* A line inside a block that starts a priority of its own: "1. We call
 * on …" under "Let me make three points:", as text pasted from a PDF or
 * a numbered list in Word comes without blank lines between the items.
 */
static gboolean
starts_list_item (RstStatement *self,
                  const Span   *line,
                  const Span   *before)
{
  gsize ms, me;
  guint value;
  RstOrdinalStyle style;

  if (!rst_rules_ends_clause (self->rules, self->text, before->start, before->end))
    return FALSE;

  return rst_rules_match_priority (self->rules, self->text + line->start, line->end - line->start,
                                   &ms, &me, &value, &style);
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
          else if (k > from && starts_list_item (self, &l[k], &l[k - 1]))
            {
              add_paragraph (self, l, from, k - 1);
              from = k;
            }
        }
      if (from <= last)
        add_paragraph (self, l, from, last);
    }
}

/* What has been read so far, for what a paragraph can still be. */
typedef struct
{
  gboolean seen_salutation;
  gboolean seen_opening;
  gboolean seen_body;
  gboolean seen_priority;
  gboolean seen_count;
  gboolean opening_open;
} Reading;

static void
add_element (RstStatement   *self,
             RstElementKind  kind,
             gsize           start,
             gsize           end)
{
  RstElement el = { kind, start, end, 0, 0, 0, RST_ORDINAL_STYLE_NONE };

  g_array_append_val (self->elements, el);
}

static RstElementKind
salutation_kind (RstStatement  *self,
                 const Reading *reading)
{
  const RstElement *last;

  if (reading->seen_body)
    return RST_ELEMENT_RETURN_SALUTATION;
  if (!reading->seen_salutation)
    return RST_ELEMENT_SALUTATION;

  last = &g_array_index (self->elements, RstElement, self->elements->len - 1);
  return last->kind == RST_ELEMENT_SALUTATION ? RST_ELEMENT_SALUTATION : RST_ELEMENT_RETURN_SALUTATION;
}

/* A line of stars, dashes or rules only: it separates, it says nothing. */
static gboolean
is_decoration (const char *text,
               gsize       len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        return FALSE;
    }
  return TRUE;
}

/* A salutation, closing or delivery mark on a line of its own. */
static gboolean
classify_stand_alone (RstStatement       *self,
                      Reading            *reading,
                      const RstParagraph *para)
{
  const char *p = self->text + para->start;
  gsize len = para->end - para->start;
  RstAddress chair;
  RstElementKind kind;

  if (!rst_rules_may_stand_alone (self->rules, p, len))
    return FALSE;

  if (rst_rules_match_delivery_mark (self->rules, p, len))
    kind = RST_ELEMENT_DELIVERY_MARK;
  else if (rst_rules_match_closing (self->rules, p, len, NULL, &chair))
    {
      /* "Thank you, Mr. President." before the opening and the body
       * thanks for the floor: it is the salutation. After them it
       * closes, even when the opening was all the statement said.
       */
      if (!reading->seen_body && !reading->seen_opening && chair.found)
        {
          kind = salutation_kind (self, reading);
          reading->seen_salutation = TRUE;
        }
      else
        kind = RST_ELEMENT_CLOSING;
    }
  else if (rst_rules_match_salutation (self->rules, p, len, NULL))
    {
      /* Addressee lines in a row are one salutation; once an opening
       * or the body came between, the speaker turns back to the chair.
       */
      kind = salutation_kind (self, reading);
      reading->seen_salutation = TRUE;
    }
  else
    return FALSE;

  add_element (self, kind, para->start, para->end);
  return TRUE;
}

/* "Three points:" in the paragraph before the first priority. */
static void
find_announced_count (RstStatement       *self,
                      Reading            *reading,
                      const RstParagraph *para)
{
  RstElement count = { RST_ELEMENT_ANNOUNCED_COUNT, 0, 0, 0, 0, 0, RST_ORDINAL_STYLE_NONE };
  gsize cs, ce, ms, me;
  guint value;

  if (reading->seen_priority || reading->seen_count)
    return;

  if (rst_rules_find_announced_count_folded (self->rules, self->folded, &cs, &ce, &ms, &me, &value))
    {
      count.start = para->start + cs;
      count.end = para->start + ce;
      count.marker_start = para->start + ms;
      count.marker_end = para->start + me;
      count.value = value;
      g_array_append_val (self->elements, count);
      reading->seen_count = TRUE;
    }
}

/* A paragraph of the body: a priority, an opening or prose. */
static void
classify_body (RstStatement       *self,
               Reading            *reading,
               const RstParagraph *para)
{
  const char *p = self->text + para->start;
  gsize len = para->end - para->start;
  RstElement el = { RST_ELEMENT_PARAGRAPH, para->start, para->end, 0, 0, 0, RST_ORDINAL_STYLE_NONE };
  gsize ms, me;
  guint value;
  RstOrdinalStyle style;

  /* Folded once, as far as the matchers still to come look. */
  rst_rules_fold_paragraph (self->rules, self->folded, p, len,
                            !reading->seen_priority && !reading->seen_count ? RST_RULES_COUNT_SPAN :
                            reading->opening_open ? RST_RULES_OPENING_SPAN : RST_RULES_PRIORITY_SPAN);

  if (rst_rules_match_priority_folded (self->rules, p, len, self->folded, &ms, &me, &value, &style))
    {
      el.kind = RST_ELEMENT_PRIORITY;
      el.marker_start = para->start + ms;
      el.marker_end = para->start + me;
      el.value = value;
      el.style = style;
    }
  else if (reading->opening_open && rst_rules_match_opening_folded (self->rules, self->folded))
    el.kind = RST_ELEMENT_OPENING;

  if (el.kind == RST_ELEMENT_OPENING)
    reading->seen_opening = TRUE;
  else
    {
      reading->opening_open = FALSE;
      reading->seen_body = TRUE;
    }

  g_array_append_val (self->elements, el);

  if (el.kind == RST_ELEMENT_PRIORITY)
    reading->seen_priority = TRUE;
  else
    find_announced_count (self, reading, para);
}

static void
classify (RstStatement *self)
{
  g_autoptr(GArray) paragraphs = g_steal_pointer (&self->paragraphs);
  const RstParagraph *paras = (const RstParagraph *)(gpointer)paragraphs->data;
  Reading reading = { .opening_open = TRUE };

  /* Paragraphs may be split below: they are copied as they are read. */
  self->paragraphs = g_array_sized_new (FALSE, FALSE, sizeof (RstParagraph), paragraphs->len);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      RstParagraph para = paras[i];
      const char *p = self->text + para.start;
      gsize len = para.end - para.start;
      gsize salutation_end;

      /* "* * * * * *" between the lines of a heading is part of it. */
      if (!reading.seen_body && !reading.seen_salutation && is_decoration (p, len))
        {
          add_element (self, RST_ELEMENT_HEADING, para.start, para.end);
          g_array_append_val (self->paragraphs, para);
          continue;
        }

      if (classify_stand_alone (self, &reading, &para))
        {
          g_array_append_val (self->paragraphs, para);
          continue;
        }

      /* Before the salutation and the body: the heading, and a Basmala
       * above it.
       */
      if (!reading.seen_salutation && !reading.seen_body && !reading.seen_opening &&
          (rst_rules_is_basmala (self->rules, p, len) || rst_rules_match_heading (self->rules, p, len)))
        {
          add_element (self, RST_ELEMENT_HEADING, para.start, para.end);
          g_array_append_val (self->paragraphs, para);
          continue;
        }

      /* "Mr. President, I have the honour …": the salutation opens the
       * first paragraph; it is a paragraph of its own for the outline,
       * the checker and the reading copy alike.
       */
      if (!reading.seen_salutation && !reading.seen_body &&
          rst_rules_match_salutation_start (self->rules, p, len, &salutation_end))
        {
          RstParagraph salutation = { para.start, para.start + salutation_end };
          gsize rest = para.start + salutation_end;

          while (rest < para.end && g_ascii_isspace (self->text[rest]))
            rest++;

          add_element (self, RST_ELEMENT_SALUTATION, salutation.start, salutation.end);
          g_array_append_val (self->paragraphs, salutation);
          reading.seen_salutation = TRUE;
          para.start = rest;
        }

      classify_body (self, &reading, &para);
      g_array_append_val (self->paragraphs, para);
    }
}

/* A heading of several paragraphs (title, session, speaker, date) is one
 * heading, and "Mr. President, / Excellencies, / Ladies and gentlemen,"
 * one salutation: consecutive elements of these kinds are merged.
 */
static void
merge_runs (RstStatement *self)
{
  RstElement *els = (RstElement *)(gpointer)self->elements->data;
  guint out = 0;

  for (guint i = 0; i < self->elements->len; i++)
    {
      if (out > 0 && els[out - 1].kind == els[i].kind &&
          (els[i].kind == RST_ELEMENT_HEADING ||
           els[i].kind == RST_ELEMENT_SALUTATION ||
           els[i].kind == RST_ELEMENT_RETURN_SALUTATION))
        {
          els[out - 1].end = els[i].end;
          continue;
        }
      els[out++] = els[i];
    }

  g_array_set_size (self->elements, out);
}

/* The one reading of the body's words (rst_next_word()); a word counts
 * with the paragraph it starts in, and any before the first paragraph
 * with that one.
 */
static void
count_words (RstStatement *self)
{
  const RstParagraph *paras = (const RstParagraph *)(gconstpointer)self->paragraphs->data;
  guint n_paras = self->paragraphs->len;
  gsize pos = self->body_offset;
  gsize ws, we;
  guint current = 0;
  guint n = 0;

  self->words_before = g_new0 (guint, n_paras + 1);

  while (rst_next_word (self->text, &pos, self->length, &ws, &we))
    {
      while (current + 1 < n_paras && ws >= paras[current + 1].start)
        self->words_before[++current] = n;
      n++;
    }
  while (current < n_paras)
    self->words_before[++current] = n;

  self->word_count = n;
}

/* The paragraph whose words include the @n-th (from 0): the last one
 * with fewer words before it than @n + 1.
 */
static guint
paragraph_of_word (RstStatement *self,
                   guint         n)
{
  guint lo = 0, hi = self->paragraphs->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->words_before[mid] <= n)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* Where the words of paragraph @i are read from. */
static gsize
paragraph_scan_start (RstStatement *self,
                      guint         i)
{
  if (i == 0)
    return self->body_offset;
  return g_array_index (self->paragraphs, RstParagraph, i).start;
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
  self->folded = rst_folded_new ();

  split_paragraphs (self);
  classify (self);
  merge_runs (self);
  g_clear_pointer (&self->folded, rst_folded_free);
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

/**
 * rst_statement_get_word:
 * @n: which word of the body, from 0
 * @start: (out) (optional): its first byte
 * @end: (out) (optional): the byte after it
 *
 * Finds a word as the word count counted it, reading one paragraph.
 *
 * Returns: %FALSE when the body has no more than @n words
 */
gboolean
rst_statement_get_word (RstStatement *self,
                        guint         n,
                        gsize        *start,
                        gsize        *end)
{
  guint para;
  guint k;
  gsize pos, ws, we;

  g_return_val_if_fail (RST_IS_STATEMENT (self), FALSE);

  if (n >= self->word_count)
    return FALSE;

  para = paragraph_of_word (self, n);
  k = self->words_before[para];
  pos = paragraph_scan_start (self, para);
  while (rst_next_word (self->text, &pos, self->length, &ws, &we))
    if (k++ == n)
      {
        if (start != NULL)
          *start = ws;
        if (end != NULL)
          *end = we;
        return TRUE;
      }

  g_return_val_if_reached (FALSE);
}

/**
 * rst_statement_count_words_before:
 * @offset: a byte offset into the text
 *
 * Returns: how many of the body's words start before @offset, reading
 *   at most one paragraph
 */
guint
rst_statement_count_words_before (RstStatement *self,
                                  gsize         offset)
{
  const RstParagraph *paras;
  guint lo = 0, hi;
  guint n;
  gsize pos, ws, we;

  g_return_val_if_fail (RST_IS_STATEMENT (self), 0);

  paras = (const RstParagraph *)(gconstpointer)self->paragraphs->data;
  hi = self->paragraphs->len;
  if (hi == 0 || offset <= self->body_offset)
    return 0;

  /* The last paragraph starting at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (paras[mid].start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  n = self->words_before[lo];
  pos = paragraph_scan_start (self, lo);
  while (n < self->words_before[lo + 1] &&
         rst_next_word (self->text, &pos, self->length, &ws, &we) && ws < offset)
    n++;

  return n;
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
