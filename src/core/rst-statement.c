/* rst-statement.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <yaml.h>

#include "rst-statement-private.h"

/* A parsed statement is immutable: the editor parses a new one for every
 * change (the parser is a single linear pass over the text), so readers
 * on any thread may share it.
 */
struct _RstStatement
{
  GObject         parent_instance;

  char           *text;
  gsize           length;
  gsize           body_offset;

  GHashTable     *details;
  GPtrArray      *detail_keys;    /* NULL-terminated, owns the keys */
  GArray         *line_starts;    /* gsize, one per line */
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
G_DEFINE_QUARK (rst-statement-error-quark, rst_statement_error)

static void
rst_statement_finalize (GObject *object)
{
  RstStatement *self = (RstStatement *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->details, g_hash_table_unref);
  g_clear_pointer (&self->detail_keys, g_ptr_array_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
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
  self->details = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->detail_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->detail_keys, NULL);
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (RstParagraph));
  self->elements = g_array_new (FALSE, FALSE, sizeof (RstElement));
}

/* 1-based line of @offset, by counting; used before the line index exists. */
static guint
count_line (const char *text,
            gsize       offset)
{
  const char *p = text;
  const char *end = text + offset;
  guint line = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

static void
index_lines (RstStatement *self)
{
  const char *p = self->text;
  const char *end = self->text + self->length;
  gsize zero = 0;

  g_array_append_val (self->line_starts, zero);
  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      gsize start = ++p - self->text;

      g_array_append_val (self->line_starts, start);
    }
}

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of the line that starts at @start: the offset of its '\n', or
 * the end of the text.
 */
static gsize
line_end (RstStatement *self,
          gsize         start)
{
  const char *nl = memchr (self->text + start, '\n', self->length - start);

  return nl != NULL ? (gsize)(nl - self->text) : self->length;
}

static void
set_detail (RstStatement *self,
            const char   *key,
            const char   *value)
{
  char *owned;

  /* A repeated key keeps its place and takes the last value. */
  if (g_hash_table_contains (self->details, key))
    {
      g_hash_table_insert (self->details, (gpointer)key, g_strdup (value));
      return;
    }

  owned = g_strdup (key);
  /* Keep the NULL terminator last. */
  g_ptr_array_index (self->detail_keys, self->detail_keys->len - 1) = owned;
  g_ptr_array_add (self->detail_keys, NULL);
  g_hash_table_insert (self->details, owned, g_strdup (value));
}

static gboolean
read_yaml (RstStatement  *self,
           gsize          start,
           gsize          end,
           guint          first_line,
           GError       **error)
{
  yaml_parser_t parser;
  yaml_event_t event;
  g_autofree char *key = NULL;
  gboolean have_key = FALSE;
  gboolean done = FALSE;
  gboolean ok = TRUE;
  guint depth = 0;

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml is out of memory");
  yaml_parser_set_input_string (&parser, (const unsigned char *)self->text + start, end - start);

  while (!done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_FRONT_MATTER,
                       _("Line %u: the details at the top are not valid YAML (%s)"),
                       first_line + (guint)parser.problem_mark.line,
                       parser.problem != NULL ? parser.problem : "?");
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0 && event.type == YAML_SEQUENCE_START_EVENT)
            {
              g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_FRONT_MATTER,
                           _("Line %u: the details at the top must be “key: value” lines"),
                           first_line + (guint)event.start_mark.line);
              ok = FALSE;
              done = TRUE;
            }
          /* A nested value is not a detail: forget its key. A nested key
           * is no detail either, and its value follows it.
           */
          if (depth == 1)
            {
              g_clear_pointer (&key, g_free);
              have_key = !have_key;
            }
          depth++;
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          depth--;
          break;

        case YAML_SCALAR_EVENT:
          if (depth == 0)
            {
              g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_FRONT_MATTER,
                           _("Line %u: the details at the top must be “key: value” lines"),
                           first_line + (guint)event.start_mark.line);
              ok = FALSE;
              done = TRUE;
            }
          else if (depth == 1)
            {
              const char *value = (const char *)event.data.scalar.value;

              if (!have_key)
                {
                  g_free (key);
                  key = g_strndup (value, event.data.scalar.length);
                  have_key = TRUE;
                }
              else
                {
                  if (key != NULL && key[0] != '\0')
                    {
                      g_autofree char *v = g_strndup (value, event.data.scalar.length);

                      set_detail (self, key, v);
                    }
                  g_clear_pointer (&key, g_free);
                  have_key = FALSE;
                }
            }
          break;

        case YAML_ALIAS_EVENT:
          if (depth == 1)
            {
              g_clear_pointer (&key, g_free);
              have_key = !have_key;
            }
          break;

        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  return ok;
}

/* Front matter: "---" on the very first line, YAML, then "---" or "...". */
static gboolean
read_front_matter (RstStatement  *self,
                   GError       **error)
{
  gsize p = 0;
  gsize first_end;
  gsize yaml_start;

  if (self->length >= 3 && memcmp (self->text, "\xEF\xBB\xBF", 3) == 0)
    p = 3;
  self->body_offset = p;

  first_end = line_end (self, p);
  if (first_end - p < 3 || memcmp (self->text + p, "---", 3) != 0)
    return TRUE;
  for (gsize i = p + 3; i < first_end; i++)
    if (!is_blank_char (self->text[i]))
      return TRUE;
  if (first_end >= self->length)
    return TRUE;

  yaml_start = first_end + 1;

  for (gsize ls = yaml_start; ls < self->length;)
    {
      gsize le = line_end (self, ls);
      gsize ce = le;

      while (ce > ls && is_blank_char (self->text[ce - 1]))
        ce--;

      if (ce - ls == 3 && (memcmp (self->text + ls, "---", 3) == 0 ||
                           memcmp (self->text + ls, "...", 3) == 0))
        {
          if (!read_yaml (self, yaml_start, ls, 2, error))
            return FALSE;
          self->body_offset = le < self->length ? le + 1 : le;
          return TRUE;
        }

      ls = le + 1;
    }

  g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_FRONT_MATTER,
               _("Line %u: the details at the top are never closed by a “---” line"),
               count_line (self->text, p));
  return FALSE;
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

  for (gsize ls = self->body_offset; ls < self->length;)
    {
      gsize le = line_end (self, ls);
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
      ls = le + 1;
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
 * rst_statement_parse:
 * @text: the statement, UTF-8
 * @length: its length in bytes, or -1 when NUL-terminated
 * @error: a #RstStatementError
 *
 * Returns: (transfer full): the statement, or %NULL when @text is not a
 *   statement: binary, invalid UTF-8 or with malformed front matter.
 */
RstStatement *
rst_statement_parse (const char  *text,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(RstStatement) self = NULL;
  const char *invalid;
  const char *nul;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if ((nul = memchr (text, '\0', length)) != NULL)
    {
      g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_BINARY,
                   _("Line %u contains a NUL byte: this is a binary file, not a statement"),
                   count_line (text, nul - text));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_INVALID_UTF8,
                   _("Line %u is not valid UTF-8"),
                   count_line (text, invalid - text));
      return NULL;
    }

  self = g_object_new (RST_TYPE_STATEMENT, NULL);
  self->length = length;
  self->text = g_malloc (length + 1);
  memcpy (self->text, text, length);
  self->text[length] = '\0';

  index_lines (self);

  if (!read_front_matter (self, error))
    return NULL;

  self->rules = rst_rules_get (g_hash_table_lookup (self->details, "lang"));

  split_paragraphs (self);
  classify (self);
  count_words (self);

  return g_steal_pointer (&self);
}

/**
 * rst_statement_new_from_file:
 *
 * Reads and parses @file. A directory or an unreadable file fails with
 * the #GIOErrorEnum error of GIO.
 */
RstStatement *
rst_statement_new_from_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return rst_statement_parse (contents, length, error);
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

const char *
rst_statement_get_detail (RstStatement *self,
                          const char   *key)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->details, key);
}

/**
 * rst_statement_get_detail_keys:
 *
 * Returns: (transfer none): the keys of the front matter in file order,
 *   %NULL-terminated; empty when there is none.
 */
const char * const *
rst_statement_get_detail_keys (RstStatement *self)
{
  g_return_val_if_fail (RST_IS_STATEMENT (self), NULL);
  return (const char * const *)self->detail_keys->pdata;
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

void
rst_statement_offset_to_position (RstStatement *self,
                                  gsize         offset,
                                  guint        *line,
                                  guint        *column)
{
  const gsize *starts;
  guint lo = 0, hi;

  g_return_if_fail (RST_IS_STATEMENT (self));

  offset = MIN (offset, self->length);
  starts = (const gsize *)(gpointer)self->line_starts->data;
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
    *column = g_utf8_strlen (self->text + starts[lo], offset - starts[lo]) + 1;
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
