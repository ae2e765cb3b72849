/* rst-pdf-reader.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <poppler.h>

#include "rst-import.h"
#include "rst-language.h"
#include "rst-pdf-page.h"
#include "rst-pdf-reader.h"
#include "rst-rules.h"

/* A PDF has no paragraphs, only lines placed on pages. Each page's
 * lines, in reading order with their place and fonts, come from
 * rst-pdf-page.c; from those the paragraphs the drafter wrote are found
 * again:
 *
 *  - running headers and footers (a line that comes back at the top or
 *    the foot of several pages, page numbers) and footnotes (smaller
 *    lines at the foot of a page, and their raised call numbers) go;
 *  - a line starts a new paragraph after a wider gap than the text's
 *    usual line spacing, a change of size or of centring, an outdent
 *    (the next item of a numbered list), or when the line before stopped
 *    short of the margin at the end of a sentence — else the two are one
 *    paragraph, across pages too, with a hyphen at a line end joined;
 *  - a line that stopped short inside a sentence is a line break.
 *
 * A paragraph is never split where the source did not split it: when in
 * doubt, lines are joined.
 */

typedef struct
{
  double width;
  double height;
  double left;                  /* the text column, from body lines */
  double right;
  gboolean rtl_flush_left;      /* sets right-to-left lines flush left */
  guint  first;                 /* its lines in the array */
  guint  n_lines;
} Page;

/* "Page 3 of 5", "- 3 -": digits as one sign, spaces and case aside. */
static char *
line_key (const RstPdfLine *line)
{
  GString *key = g_string_new (NULL);
  gboolean digits = FALSE;

  for (const char *p = line->text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!digits)
            g_string_append_c (key, '#');
          digits = TRUE;
          continue;
        }
      digits = FALSE;
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_page_number (const char *key)
{
  gboolean digit = FALSE;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '#')
        digit = TRUE;
      else if (!g_unichar_ispunct (c))
        return FALSE;
    }

  return digit;
}

/* Running headers and footers: lines in the top or bottom band of a
 * page that come back on other pages (digits aside), and lone page
 * numbers there.
 */
static void
drop_running_lines (GPtrArray *lines,
                    GArray    *pages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      RstPdfLine *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);
      gboolean in_band = line->y2 < page->height * 0.15 || line->y1 > page->height * 0.85;
      char *key = in_band ? line_key (line) : NULL;

      g_ptr_array_add (keys, key);
      if (key != NULL)
        {
          /* Count each page once: key → bit set of the first pages. */
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
          guint last_page = count >> 16;

          if ((count & 0xFFFF) == 0 || last_page != line->page)
            count = (MIN ((count & 0xFFFF) + 1, 0xFFFF)) | (line->page << 16);
          g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (count));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      RstPdfLine *line = g_ptr_array_index (lines, i);
      const char *key = g_ptr_array_index (keys, i);

      if (key == NULL)
        continue;
      if (is_page_number (key) || (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) & 0xFFFF) >= 2)
        line->dropped = TRUE;
    }
}

/* A one-page statement's header or footer does not come back: it is
 * the small print alone in the page's top or bottom tenth.
 */
static void
drop_small_margins (GPtrArray *lines,
                    GArray    *pages,
                    double     body_size)
{
  for (guint i = 0; i < lines->len; i++)
    {
      RstPdfLine *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);

      if (line->size < body_size * 0.85 &&
          (line->y2 < page->height * 0.1 || line->y1 > page->height * 0.9))
        line->dropped = TRUE;
    }
}

/* Footnotes: the smaller lines at the foot of a page, below its text. */
static void
drop_footnotes (GPtrArray *lines,
                GArray    *pages,
                double     body_size)
{
  for (guint p = 0; p < pages->len; p++)
    {
      const Page *page = &g_array_index (pages, Page, p);

      for (guint k = page->n_lines; k > 0; k--)
        {
          RstPdfLine *line = g_ptr_array_index (lines, page->first + k - 1);

          if (line->dropped)
            continue;
          if (line->size >= body_size * 0.88 || line->y1 < page->height * 0.5)
            break;
          line->dropped = TRUE;
        }
    }
}

static gboolean
is_centred (const RstPdfLine *line,
            const Page       *page)
{
  double width = page->right - page->left;
  double middle = (line->x1 + line->x2) / 2;

  return width > 0 && fabs (middle - (page->left + page->right) / 2) < width * 0.04 &&
         line->x1 > page->left + 2 * line->size && line->x2 < page->right - 2 * line->size;
}

/* Whether @line is set against the right margin, where it starts: right
 * to left, unless its page sets such lines flush left (as LibreOffice
 * does with a paragraph aligned to its "start").
 */
static gboolean
is_set_right (const RstPdfLine *line,
              const Page       *page)
{
  return line->rtl && !page->rtl_flush_left;
}

/* Set against the far margin: a delivery mark, a date line. */
static gboolean
is_far_aligned (const RstPdfLine *line,
                const Page       *page)
{
  if (is_set_right (line, page))
    return line->x1 < page->left + line->size * 0.5 && line->x2 < page->right - 4 * line->size;
  return line->x2 > page->right - line->size * 0.5 && line->x1 > page->left + 4 * line->size;
}

/* Ends with a sentence, or with the colon that announces a list. */
static gboolean
ends_sentence (const RstRules   *rules,
               const RstPdfLine *line)
{
  gunichar c = rst_pdf_last_char (line->text);

  return c == ':' || c == 0xFF1A || c == ';' ||
         rst_rules_ends_sentence (rules, line->text->str, 0, line->text->len);
}

/* Would the next line's first word have fitted at the end of this one?
 * Then this line was ended on purpose.
 */
static gboolean
stops_short (const RstPdfLine *line,
             const RstPdfLine *next,
             const Page       *page)
{
  double room = is_set_right (line, page) ? line->x1 - page->left : page->right - line->x2;

  return room > next->first_word + next->size * 0.5;
}


typedef enum
{
  JOIN_SPACE,
  JOIN_BREAK,
  JOIN_PARAGRAPH,
} Join;

static Join
decide (const RstRules   *rules,
        const RstPdfLine *prev,
        const RstPdfLine *line,
        const Page       *prev_page,
        const Page       *page,
        double            pitch,
        double            paragraph_pitch,
        guint             lines_in_paragraph)
{
  gboolean prev_centred = is_centred (prev, prev_page);
  gboolean centred = is_centred (line, page);
  double size = MAX (prev->size, line->size);
  gboolean sentence = ends_sentence (rules, prev);
  gboolean short_line = stops_short (prev, line, prev_page);
  double indent = is_set_right (line, page) ? page->right - line->x2 : line->x1 - page->left;
  double prev_indent = is_set_right (prev, prev_page) ? prev_page->right - prev->x2 : prev->x1 - prev_page->left;

  if (fabs (prev->size - line->size) > size * 0.12 || prev_centred != centred || prev->rtl != line->rtl ||
      prev->row || line->row || (!centred && is_far_aligned (prev, prev_page) != is_far_aligned (line, page)))
    return JOIN_PARAGRAPH;

  if (prev->page == line->page)
    {
      double step = (line->y2 - prev->y2) / size;

      /* A paragraph's own line spacing, once it has one: documents mix
       * them (lists at 1.15, body text at 1.5), and a gap only a little
       * wider than the lines above it is the space between paragraphs.
       */
      double usual = paragraph_pitch > 0 ? MAX (paragraph_pitch, pitch * 0.85) : pitch;

      /* Lines side by side or going up: another column or a box. */
      if (step <= 0.3 || step > usual * 1.12 + 0.05)
        return JOIN_PARAGRAPH;
      if (centred)
        return JOIN_BREAK;
      /* The next item of a list with a hanging indent. */
      if (indent < prev_indent - size * 0.6 && (lines_in_paragraph >= 2 || (short_line && sentence)))
        return JOIN_PARAGRAPH;
    }
  else if (centred)
    return JOIN_PARAGRAPH;

  if (short_line)
    return sentence ? JOIN_PARAGRAPH : (prev->page == line->page ? JOIN_BREAK : JOIN_SPACE);

  /* A first-line indent after a full line that ended a sentence. */
  if (sentence && indent > size * 0.6 && indent > prev_indent + size * 0.6)
    return JOIN_PARAGRAPH;

  return JOIN_SPACE;
}

static gboolean
add_line (RstImportDocument  *document,
          const RstPdfLine   *line,
          GError            **error)
{
  gsize start = 0;

  /* One call per run of one style. */
  while (start < line->text->len)
    {
      RstImportStyle style = g_array_index (line->styles, RstImportStyle, start);
      gsize end = start;

      while (end < line->text->len && g_array_index (line->styles, RstImportStyle, end) == style)
        end++;
      if (!rst_import_document_add_text (document, line->text->str + start, end - start, style, error))
        return FALSE;
      start = end;
    }

  return TRUE;
}

/* The hyphen at the end of @prev goes when a word continues after it in
 * lower case ("govern-" "ance"); "Asia-" "Pacific" keeps it.
 */
static gboolean
joins_hyphen (RstPdfLine       *prev,
              const RstPdfLine *line,
              gboolean         *keep)
{
  gunichar c = rst_pdf_last_char (prev->text);
  gunichar next = g_utf8_get_char (line->text->str);
  const char *before;

  *keep = FALSE;
  if (c != '-' && c != 0x2010 && c != 0xAD)
    return FALSE;

  before = g_utf8_find_prev_char (prev->text->str, prev->text->str + prev->text->len);
  before = before != NULL ? g_utf8_find_prev_char (prev->text->str, before) : NULL;
  if (before == NULL || !g_unichar_isalpha (g_utf8_get_char (before)) || !g_unichar_isalpha (next))
    return FALSE;

  *keep = !g_unichar_islower (next) && c != 0xAD;
  if (!*keep)
    {
      const char *hyphen = g_utf8_find_prev_char (prev->text->str, prev->text->str + prev->text->len);

      g_array_set_size (prev->styles, hyphen - prev->text->str);
      g_string_truncate (prev->text, hyphen - prev->text->str);
    }

  return TRUE;
}

static void
read_metadata (PopplerDocument   *pdf,
               RstImportDocument *document)
{
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (pdf);

  rst_import_document_set_meta (document, RST_DETAIL_TITLE, title);
  rst_import_document_set_meta (document, RST_IMPORT_META_AUTHOR, author);
  if (created != NULL)
    {
      g_autofree char *date = g_date_time_format (created, "%Y-%m-%d");

      rst_import_document_set_meta (document, RST_DETAIL_DATE, date);
    }
}

static gboolean read_pages (PopplerDocument    *pdf,
                            RstImportDocument  *document,
                            GCancellable       *cancellable,
                            GError            **error);

/* The module's one entry point, found by name (rst-pdf-import.c). */
G_MODULE_EXPORT gboolean
rst_pdf_reader_read (GBytes             *bytes,
                     RstImportDocument  *document,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *pdf;
  gboolean ok;

  pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED,
                             _("it is protected by a password; remove the password and save it again"));
      else
        g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED,
                     _("it is a damaged PDF (%s)"), local_error != NULL ? local_error->message : "?");
      return FALSE;
    }

  /* poppler-glib 22 has no autoptr for its types yet. */
  ok = read_pages (pdf, document, cancellable, error);
  g_object_unref (pdf);

  return ok;
}

static gboolean
read_pages (PopplerDocument    *pdf,
            RstImportDocument  *document,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) rst_pdf_line_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) plain = g_string_new (NULL);
  const RstRules *rules;
  const char *lang;
  double body_size, pitch;
  RstPdfLine *prev = NULL;
  guint lines_in_paragraph = 0;
  double paragraph_pitch = 0;
  int n_pages;

  n_pages = poppler_document_get_n_pages (pdf);
  if (n_pages > RST_IMPORT_MAX_PAGES)
    {
      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                   _("it has %d pages, too many to be a statement"), n_pages);
      return FALSE;
    }

  read_metadata (pdf, document);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      Page info = { 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      info.first = lines->len;
      page = poppler_document_get_page (pdf, i);
      if (page != NULL)
        {
          poppler_page_get_size (page, &info.width, &info.height);
          rst_pdf_page_read_lines (page, (guint) i, lines);
          g_object_unref (page);
        }
      info.n_lines = lines->len - info.first;
      g_array_append_val (pages, info);
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT,
                           _("it has no text to read, only pictures of pages (a scan?); import the document it was made from, or run text recognition on it first"));
      return FALSE;
    }

  /* The body's size: the one most characters are written in. */
  for (guint i = 0; i < lines->len; i++)
    {
      const RstPdfLine *line = g_ptr_array_index (lines, i);

      for (gsize k = 0; k < line->text->len; k += 16)
        g_array_append_val (sizes, line->size);
    }
  body_size = rst_pdf_median (sizes, 12);

  drop_running_lines (lines, pages);
  drop_small_margins (lines, pages, body_size);
  drop_footnotes (lines, pages, body_size);

  /* Each page's text column, from its lines in the body's size. */
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      gboolean any = FALSE;

      for (int pass = 0; pass < 2 && !any; pass++)
        for (guint k = 0; k < page->n_lines; k++)
          {
            const RstPdfLine *line = g_ptr_array_index (lines, page->first + k);

            if (line->dropped || (pass == 0 && fabs (line->size - body_size) > body_size * 0.1))
              continue;
            page->left = any ? MIN (page->left, line->x1) : line->x1;
            page->right = any ? MAX (page->right, line->x2) : line->x2;
            any = TRUE;
          }
    }

  /* The margin right-to-left lines keep to, from the lines that reach
   * only one: a paragraph's last line, a salutation.
   */
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      guint left_only = 0, right_only = 0;

      for (guint k = 0; k < page->n_lines; k++)
        {
          const RstPdfLine *line = g_ptr_array_index (lines, page->first + k);
          gboolean at_left, at_right;

          if (line->dropped || !line->rtl || is_centred (line, page))
            continue;
          at_left = line->x1 < page->left + line->size * 0.5;
          at_right = line->x2 > page->right - line->size * 0.5;
          if (at_left && !at_right)
            left_only++;
          else if (at_right && !at_left)
            right_only++;
        }
      page->rtl_flush_left = left_only > right_only;
    }

  /* The usual distance between lines of a paragraph, in font sizes,
   * from the lines that run to the margin: those go on in the next line,
   * so their steps are inside paragraphs. A median over all steps would
   * be the step between paragraphs in a statement of short ones (a
   * salutation, three priorities of two lines), and join them all.
   */
  for (int pass = 0; pass < 2 && steps->len == 0; pass++)
    for (guint i = 1; i < lines->len; i++)
      {
        const RstPdfLine *a = g_ptr_array_index (lines, i - 1);
        const RstPdfLine *b = g_ptr_array_index (lines, i);
        const Page *page = &g_array_index (pages, Page, a->page);
        double step;

        if (a->dropped || b->dropped || a->page != b->page || fabs (a->size - b->size) > a->size * 0.1)
          continue;
        if (pass == 0 && (is_centred (a, page) ||
                          (is_set_right (a, page) ? a->x1 > page->left + a->size * 0.5
                                                  : a->x2 < page->right - a->size * 0.5)))
          continue;
        step = (b->y2 - a->y2) / MAX (a->size, b->size);
        if (step > 0.8 && step < 3)
          g_array_append_val (steps, step);
      }
  pitch = rst_pdf_median (steps, 1.2);

  for (guint i = 0; i < lines->len; i++)
    {
      const RstPdfLine *line = g_ptr_array_index (lines, i);

      if (!line->dropped)
        {
          g_string_append_len (plain, line->text->str, line->text->len);
          g_string_append_c (plain, '\n');
        }
    }
  if (plain->len == 0)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT,
                           _("it holds no text to import"));
      return FALSE;
    }
  lang = rst_language_recognize (plain->str, 0, plain->len);
  rules = rst_rules_get (lang != NULL ? lang : "en");

  /* Each line goes to the builder once the next one has said how the
   * two join: a hyphen at its end may have to go first.
   */
  for (guint i = 0; i < lines->len; i++)
    {
      RstPdfLine *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);
      RstImportAlign align = is_centred (line, page) ? RST_IMPORT_ALIGN_CENTER : RST_IMPORT_ALIGN_START;
      Join join;
      gboolean hyphen = FALSE;
      gboolean keep = FALSE;

      if (line->dropped)
        continue;

      if (prev == NULL)
        {
          rst_import_document_begin_block (document, align, FALSE);
          prev = line;
          lines_in_paragraph = 1;
          continue;
        }

      join = decide (rules, prev, line, &g_array_index (pages, Page, prev->page), page, pitch,
                     paragraph_pitch, lines_in_paragraph);
      if (join == JOIN_PARAGRAPH || prev->page != line->page)
        paragraph_pitch = 0;
      else
        paragraph_pitch = (line->y2 - prev->y2) / MAX (prev->size, line->size);
      if (join == JOIN_SPACE)
        hyphen = joins_hyphen (prev, line, &keep);
      if (!add_line (document, prev, error))
        return FALSE;

      switch (join)
        {
        case JOIN_PARAGRAPH:
          rst_import_document_begin_block (document, align, FALSE);
          lines_in_paragraph = 0;
          break;

        case JOIN_BREAK:
          rst_import_document_add_break (document);
          break;

        case JOIN_SPACE:
        default:
          /* Chinese lines join without a space; a word cut by a hyphen
           * joins without one too.
           */
          if (!hyphen && !rst_pdf_is_wide (rst_pdf_last_char (prev->text)) && !rst_pdf_is_wide (g_utf8_get_char (line->text->str)) &&
              !rst_import_document_add_text (document, " ", 1, 0, error))
            return FALSE;
          break;
        }

      prev = line;
      lines_in_paragraph++;
    }

  if (prev != NULL && !add_line (document, prev, error))
    return FALSE;

  rst_import_document_end_block (document);
  return TRUE;
}
