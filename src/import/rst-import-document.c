/* rst-import-document.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rst-analysis.h"
#include "rst-front-matter.h"
#include "rst-import.h"
#include "rst-import-document.h"
#include "rst-language.h"
#include "rst-rules.h"
#include "rst-text-file.h"

/* A heading is a few lines; a longer block is prose even when centred. */
#define HEADING_MAX_LENGTH 400
#define HEADING_MAX_BLOCKS 8

typedef struct
{
  gsize          start;
  gsize          end;
  RstImportStyle style;
} Run;

typedef struct
{
  GString        *text;
  GArray         *runs;
  RstImportAlign  align;
  gboolean        outline;
  char           *label;
} Block;

struct _RstImportDocument
{
  GPtrArray  *blocks;
  Block      *current;
  gboolean    pending_space;
  gsize       size;
  RstDetails *meta;
};

static void
block_free (Block *block)
{
  g_string_free (block->text, TRUE);
  g_array_unref (block->runs);
  g_free (block->label);
  g_free (block);
}

RstImportDocument *
rst_import_document_new (void)
{
  RstImportDocument *self = g_new0 (RstImportDocument, 1);

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->meta = rst_details_new ();

  return self;
}

void
rst_import_document_free (RstImportDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->current, block_free);
  g_ptr_array_unref (self->blocks);
  rst_details_unref (self->meta);
  g_free (self);
}

/**
 * rst_import_document_begin_block:
 * @align: how the source aligns the paragraph
 * @outline: the source marks it as a heading or title
 *
 * Starts a paragraph; one still open is ended first, so that readers of
 * damaged files never lose text.
 */
void
rst_import_document_begin_block (RstImportDocument *self,
                                 RstImportAlign     align,
                                 gboolean           outline)
{
  g_return_if_fail (self != NULL);

  if (self->current != NULL)
    rst_import_document_end_block (self);

  self->current = g_new0 (Block, 1);
  self->current->text = g_string_new (NULL);
  self->current->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->current->align = align;
  self->current->outline = outline;
  self->pending_space = FALSE;
}

gboolean
rst_import_document_in_block (RstImportDocument *self)
{
  return self->current != NULL;
}

guint
rst_import_document_get_n_blocks (RstImportDocument *self)
{
  return self->blocks->len;
}

static void
append_run (Block          *block,
            const char     *text,
            gsize           length,
            RstImportStyle  style)
{
  Run *last = block->runs->len > 0 ? &g_array_index (block->runs, Run, block->runs->len - 1) : NULL;

  if (last != NULL && last->style == style && last->end == block->text->len)
    last->end += length;
  else
    {
      Run run = { block->text->len, block->text->len + length, style };

      g_array_append_val (block->runs, run);
    }
  g_string_append_len (block->text, text, length);
}

static gboolean
is_collapsed_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x2028 || c == 0x2029 || c == 0x85;
}

static gboolean
is_dropped (gunichar c)
{
  /* Controls, the byte order mark and noncharacters mean nothing in a
   * statement; a soft hyphen only tells where a word may break.
   */
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0xFEFF ||
         c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0x200B;
}

/**
 * rst_import_document_add_text:
 * @length: bytes of @text, or -1
 *
 * Adds text to the open paragraph (one is opened if none is). Runs of
 * white space become one space, as a word processor shows them; nothing
 * at the start of a line. Bytes that are not UTF-8 are dropped.
 *
 * Returns: %FALSE with %RST_IMPORT_ERROR_TOO_LARGE past
 *   %RST_IMPORT_MAX_OUTPUT
 */
gboolean
rst_import_document_add_text (RstImportDocument  *self,
                              const char         *text,
                              gssize              length,
                              RstImportStyle      style,
                              GError            **error)
{
  const char *end;

  g_return_val_if_fail (self != NULL, FALSE);

  if (text == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (text);
  if (self->current == NULL)
    rst_import_document_begin_block (self, RST_IMPORT_ALIGN_START, FALSE);

  end = text + length;
  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);

      if (is_collapsed_space (c))
        self->pending_space = TRUE;
      else if (!is_dropped (c))
        {
          GString *out = self->current->text;

          if (self->pending_space && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              Run *last = &g_array_index (self->current->runs, Run, self->current->runs->len - 1);

              append_run (self->current, " ", 1, last->style & style);
              self->size++;
            }
          self->pending_space = FALSE;
          append_run (self->current, p, next - p, style);
          self->size += next - p;
        }

      p = next;
    }

  if (self->size > RST_IMPORT_MAX_OUTPUT)
    {
      g_autofree char *limit = g_format_size (RST_IMPORT_MAX_OUTPUT);

      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                   _("it holds more than %s of text, too much to be a statement"), limit);
      return FALSE;
    }

  return TRUE;
}

/* A line break inside the paragraph (Shift+Enter, <br>). Two in a row
 * would be a blank line, which in Markdown ends the paragraph: one is
 * kept.
 */
void
rst_import_document_add_break (RstImportDocument *self)
{
  GString *out;

  g_return_if_fail (self != NULL);

  if (self->current == NULL)
    return;

  out = self->current->text;
  self->pending_space = FALSE;
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    {
      append_run (self->current, "\n", 1, 0);
      self->size++;
    }
}

/* The number or bullet of a list item, as the reader rendered it ("1.",
 * "a)", "-").
 */
void
rst_import_document_set_label (RstImportDocument *self,
                               const char        *label)
{
  g_return_if_fail (self != NULL);

  if (self->current == NULL)
    rst_import_document_begin_block (self, RST_IMPORT_ALIGN_START, FALSE);

  g_free (self->current->label);
  self->current->label = label != NULL && label[0] != '\0' ? g_strdup (label) : NULL;
}

/* Only spaces that are kept (no-break, ideographic): what Word puts in
 * an empty paragraph of its HTML ("<p><o:p>&nbsp;</o:p></p>") to keep
 * it from collapsing.
 */
static gboolean
is_blank (const GString *text)
{
  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Ends the open paragraph; one with no text is dropped. */
void
rst_import_document_end_block (RstImportDocument *self)
{
  Block *block;

  g_return_if_fail (self != NULL);

  block = g_steal_pointer (&self->current);
  if (block == NULL)
    return;

  while (block->text->len > 0 && block->text->str[block->text->len - 1] == '\n')
    {
      Run *last = &g_array_index (block->runs, Run, block->runs->len - 1);

      g_string_truncate (block->text, block->text->len - 1);
      if (--last->end == last->start)
        g_array_set_size (block->runs, block->runs->len - 1);
    }

  if (block->text->len == 0 || is_blank (block->text))
    {
      block_free (block);
      return;
    }

  g_ptr_array_add (self->blocks, block);
}

/* The first value a reader finds wins: the core properties come before
 * the application's.
 */
void
rst_import_document_set_meta (RstImportDocument *self,
                              const char        *key,
                              const char        *value)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (self != NULL);

  if (value == NULL || rst_details_get (self->meta, key) != NULL)
    return;

  clean = g_strstrip (rst_text_strip_controls (value, -1, FALSE));
  if (clean[0] != '\0')
    rst_details_set (self->meta, key, clean);
}

const char *
rst_import_document_get_meta (RstImportDocument *self,
                              const char        *key)
{
  return rst_details_get (self->meta, key);
}

static RstImportStyle
style_at (const Block *block,
          guint        run)
{
  return g_array_index (block->runs, Run, run).style;
}

/* Markdown of one paragraph. White space takes the style both of its
 * neighbours share, so that "**" and "*" always hug words, as Markdown
 * wants; a literal star is escaped.
 */
static void
append_markdown (GString        *out,
                 const Block    *block,
                 RstImportStyle  force)
{
  g_autoptr(GArray) styles = g_array_sized_new (FALSE, FALSE, sizeof (RstImportStyle), block->text->len);
  const char *text = block->text->str;
  gsize len = block->text->len;
  RstImportStyle open[2];
  guint n_open = 0;
  RstImportStyle state = 0;
  RstImportStyle before = 0;

  g_array_set_size (styles, len);
  for (guint r = 0; r < block->runs->len; r++)
    {
      const Run *run = &g_array_index (block->runs, Run, r);

      for (gsize i = run->start; i < run->end; i++)
        g_array_index (styles, RstImportStyle, i) = style_at (block, r) | force;
    }

  /* Spaces and line breaks: the style of both sides. */
  for (gsize i = 0; i < len; i++)
    {
      gsize j;

      if (text[i] != ' ' && text[i] != '\n')
        {
          before = g_array_index (styles, RstImportStyle, i);
          continue;
        }
      for (j = i; j < len && (text[j] == ' ' || text[j] == '\n'); j++)
        ;
      for (gsize k = i; k < j; k++)
        g_array_index (styles, RstImportStyle, k) = j < len ? (before & g_array_index (styles, RstImportStyle, j)) : 0;
      i = j - 1;
    }

  if (block->label != NULL)
    {
      g_string_append (out, block->label);
      g_string_append_c (out, ' ');
    }

  for (gsize i = 0; i <= len; i++)
    {
      RstImportStyle want = i < len ? g_array_index (styles, RstImportStyle, i) : 0;

      if (want != state)
        {
          guint keep = 0;

          /* Close from the innermost out down to what must end, then
           * open what starts.
           */
          while (keep < n_open && (want & open[keep]))
            keep++;
          for (guint k = n_open; k > keep; k--)
            g_string_append (out, open[k - 1] == RST_IMPORT_STYLE_BOLD ? "**" : "*");
          n_open = keep;
          state = 0;
          for (guint k = 0; k < n_open; k++)
            state |= open[k];
          if ((want & RST_IMPORT_STYLE_BOLD) && !(state & RST_IMPORT_STYLE_BOLD))
            {
              g_string_append (out, "**");
              open[n_open++] = RST_IMPORT_STYLE_BOLD;
            }
          if ((want & RST_IMPORT_STYLE_ITALIC) && !(state & RST_IMPORT_STYLE_ITALIC))
            {
              g_string_append (out, "*");
              open[n_open++] = RST_IMPORT_STYLE_ITALIC;
            }
          state = want;
        }

      if (i == len)
        break;
      if (text[i] == '*')
        g_string_append (out, "\\*");
      else
        g_string_append_c (out, text[i]);
    }
}

static gboolean
is_all_bold (const Block *block)
{
  for (guint r = 0; r < block->runs->len; r++)
    {
      const Run *run = &g_array_index (block->runs, Run, r);

      if (run->style & RST_IMPORT_STYLE_BOLD)
        continue;
      for (gsize i = run->start; i < run->end; i++)
        if (block->text->str[i] != ' ' && block->text->str[i] != '\n')
          return FALSE;
    }

  return TRUE;
}

static char *
dup_plain_text (RstImportDocument *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append_len (text, block->text->str, block->text->len);
    }

  return g_string_free (text, FALSE);
}

/* The language the words are in; the file's own claim when they do not
 * tell (a word processor stamps its user's language on every file).
 */
static const char *
find_language (RstImportDocument *self)
{
  g_autofree char *plain = dup_plain_text (self);
  const char *recognized = rst_language_recognize (plain, 0, strlen (plain));

  if (recognized != NULL)
    return recognized;

  return rst_language_normalize (rst_details_get (self->meta, RST_DETAIL_LANG));
}

/* The centred, bold or title blocks before the salutation are the
 * heading: they are written in bold, which is how a statement file marks
 * its heading. Which lines are a salutation or a delivery mark is the
 * rules' call, in the statement's language.
 */
static void
append_body (RstImportDocument *self,
             GString           *out,
             const char        *lang)
{
  const RstRules *rules = rst_rules_get (lang != NULL ? lang : "en");
  gboolean in_heading = TRUE;
  guint n_heading = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);
      const char *text = block->text->str;
      gsize len = block->text->len;
      RstImportStyle force = 0;

      if (in_heading)
        {
          gboolean stands_alone = rst_rules_may_stand_alone (rules, text, len);

          if (stands_alone && rst_rules_match_delivery_mark (rules, text, len))
            ;
          else if ((stands_alone && rst_rules_match_salutation (rules, text, len, NULL)) ||
                   block->label != NULL || len > HEADING_MAX_LENGTH || n_heading >= HEADING_MAX_BLOCKS ||
                   !(block->align == RST_IMPORT_ALIGN_CENTER || block->outline || is_all_bold (block)))
            in_heading = FALSE;
          else
            {
              force = RST_IMPORT_STYLE_BOLD;
              n_heading++;
            }
        }

      if (out->len > 0)
        g_string_append (out, "\n\n");
      append_markdown (out, block, force);
    }
}

/**
 * rst_import_document_to_body:
 *
 * The paragraphs as statement Markdown, without a front matter: what a
 * paste inserts.
 *
 * Returns: (transfer full): the Markdown, "" when there is no text
 */
char *
rst_import_document_to_body (RstImportDocument *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  rst_import_document_end_block (self);
  append_body (self, out, find_language (self));

  return g_string_free (out, FALSE);
}

/* "Microsoft Word - statement_v3.docx" is the name of a file, not a title. */
static gboolean
is_file_name (const char *title)
{
  static const char * const extensions[] = {
    ".doc", ".docx", ".odt", ".pdf", ".rtf", ".txt", ".htm", ".html", NULL
  };
  g_autofree char *lower = g_utf8_strdown (title, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;

  return FALSE;
}

/**
 * rst_import_normalize_date:
 * @value: a date as files write them: ISO 8601 ("2023-11-28T09:30:00Z")
 *   or PDF ("D:20231128093000+01'00'")
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL
 */
char *
rst_import_normalize_date (const char *value)
{
  guint year, month, day;

  if (value == NULL)
    return NULL;

  if (g_str_has_prefix (value, "D:"))
    value += 2;

  if (strlen (value) >= 10 && value[4] == '-' && value[7] == '-' &&
      sscanf (value, "%4u-%2u-%2u", &year, &month, &day) == 3)
    ;
  else if (strlen (value) >= 8 && sscanf (value, "%4u%2u%2u", &year, &month, &day) == 3)
    ;
  else
    return NULL;

  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;
  /* The zero dates of Unix and of ZIP's DOS time: what a file holds when
   * its maker had no date to give (Rostrum's own PDF export of a
   * statement without one, reproducible builds), never a statement's.
   */
  if (month == 1 && day == 1 && (year == 1970 || year == 1980))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* The front matter's keys in DESIGN.md's order. */
static const char * const detail_order[] = {
  RST_DETAIL_TITLE, RST_DETAIL_COUNCIL, RST_DETAIL_SESSION, RST_DETAIL_DELEGATION,
  RST_DETAIL_SPEAKER, RST_DETAIL_CHAIR, RST_DETAIL_CHAIR_FORM, RST_DETAIL_DATE,
  RST_DETAIL_AGENDA_ITEM, RST_DETAIL_DELIVERY_MARK, RST_DETAIL_TIME_LIMIT, RST_DETAIL_LANG,
  NULL
};

/* What the file's metadata and the analysis of @body tell, for the front
 * matter: the heading's details as the analysis reads them (that is
 * core's job, in every language), then the metadata where the heading
 * is silent.
 */
static RstDetails *
collect_details (RstDetails *meta,
                 const char *lang,
                 const char *body,
                 gsize       length)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (body, length, NULL);
  RstDetails *read = rst_analysis_get_details (analysis);
  RstDetails *details = rst_details_new ();
  const char *title = rst_details_get (meta, RST_DETAIL_TITLE);

  for (guint i = 0; detail_order[i] != NULL; i++)
    {
      const char *key = detail_order[i];
      const char *value = NULL;
      g_autofree char *date = NULL;

      if (rst_analysis_is_from_heading (analysis, key))
        value = rst_details_get (read, key);
      else if (g_str_equal (key, RST_DETAIL_TITLE) && title != NULL && !is_file_name (title))
        value = title;
      else if (g_str_equal (key, RST_DETAIL_DATE))
        value = date = rst_import_normalize_date (rst_details_get (meta, RST_DETAIL_DATE));
      else if (g_str_equal (key, RST_DETAIL_LANG))
        value = lang;

      if (value != NULL)
        rst_details_set (details, key, value);
    }

  /* Whatever else the analysis learns from a heading one day. */
  for (guint i = 0; i < rst_details_get_size (read); i++)
    {
      const char *key = rst_details_get_key (read, i);

      if (rst_analysis_is_from_heading (analysis, key) && rst_details_lookup (details, key) == NULL)
        rst_details_set (details, key, rst_details_get_value (read, i));
    }

  if (rst_details_get (meta, RST_IMPORT_META_AUTHOR) != NULL)
    rst_details_set (details, RST_IMPORT_META_AUTHOR, rst_details_get (meta, RST_IMPORT_META_AUTHOR));

  return details;
}

static char *
finish_statement (RstDetails  *details,
                  const char  *body,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *front_matter = rst_front_matter_write (details);
  GString *out = g_string_sized_new (strlen (front_matter) + length + 1);

  g_string_append (out, front_matter);
  g_string_append_len (out, body, length);
  if (length > 0 && body[length - 1] != '\n')
    g_string_append_c (out, '\n');

  if (out->len > RST_IMPORT_MAX_OUTPUT)
    {
      g_autofree char *limit = g_format_size (RST_IMPORT_MAX_OUTPUT);

      g_string_free (out, TRUE);
      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                   _("it holds more than %s of text, too much to be a statement"), limit);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
set_no_text (GError **error)
{
  g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT,
                       _("it holds no text to import"));
}

/**
 * rst_import_document_to_statement:
 *
 * The statement file: a front matter from the metadata and the heading,
 * then the body.
 *
 * Returns: (transfer full) (nullable): the Markdown, or %NULL with
 *   %RST_IMPORT_ERROR_NO_TEXT or %RST_IMPORT_ERROR_TOO_LARGE
 */
char *
rst_import_document_to_statement (RstImportDocument  *self,
                                  GError            **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(RstDetails) details = NULL;
  const char *lang;

  g_return_val_if_fail (self != NULL, NULL);

  rst_import_document_end_block (self);
  if (self->blocks->len == 0)
    {
      set_no_text (error);
      return NULL;
    }

  lang = find_language (self);
  append_body (self, body, lang);
  details = collect_details (self->meta, lang, body->str, body->len);

  return finish_statement (details, body->str, body->len, error);
}

/**
 * rst_import_statement_from_text:
 * @text: a .txt or .md file's bytes
 *
 * A text file is a statement already: one with a front matter is kept
 * as its drafter wrote it; one without gets the front matter the
 * heading tells. Line ends become "\n".
 *
 * Returns: (transfer full) (nullable): the Markdown, or %NULL with a
 *   %RST_TEXT_FILE_ERROR or %RST_IMPORT_ERROR
 */
char *
rst_import_statement_from_text (const char  *text,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(GString) body = NULL;
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(RstDetails) meta = NULL;
  RstFrontMatter bounds;
  const char *lang;
  gsize start;

  if (!rst_text_validate (text, length, error))
    return NULL;

  rst_front_matter_locate (text, length, &bounds);
  if (bounds.present)
    return g_strndup (text, length);

  /* No byte order mark, one kind of line end. */
  start = bounds.body;
  body = g_string_sized_new (length - start);
  for (gsize i = start; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (body, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (body, text[i]);
    }

  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);
  {
    gsize lead = 0;
    gsize line = 0;

    /* Blank lines before the first words are not the statement's. */
    while (lead < body->len && (body->str[lead] == '\n' || body->str[lead] == ' ' || body->str[lead] == '\t'))
      {
        if (body->str[lead] == '\n')
          line = lead + 1;
        lead++;
      }
    if (lead == body->len)
      {
        set_no_text (error);
        return NULL;
      }
    g_string_erase (body, 0, line);
  }

  lang = rst_language_recognize (body->str, 0, body->len);
  meta = rst_details_new ();
  details = collect_details (meta, lang, body->str, body->len);

  return finish_statement (details, body->str, body->len, error);
}
