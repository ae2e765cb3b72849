/* rst-manuscript.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-manuscript.h"
#include "rst-placeholder.h"
#include "rst-text-file.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* The built-in page when no council profile is given: the generic
 * profile's A4 settings, so that a NULL council and "generic" agree.
 */
#define DEFAULT_FONT         "Liberation Serif"
#define DEFAULT_FONT_SIZE    12.0
#define DEFAULT_LINE_SPACING 1.15
#define DEFAULT_MARGIN_MM    25.0

static const struct
{
  const char *name;
  double      width_mm;
  double      height_mm;
} papers[] = {
  { "a3", 297.0, 420.0 },
  { "a4", 210.0, 297.0 },
  { "a5", 148.0, 210.0 },
  { "letter", 215.9, 279.4 },
  { "legal", 215.9, 355.6 },
};

static void
rst_block_free (RstBlock *block)
{
  g_free (block->text);
  g_free (block->runs);
  g_free (block);
}

void
rst_manuscript_free (RstManuscript *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->page.font);
  g_strfreev (self->page.families);
  g_free (self->page.script_font);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->language);
  g_free (self->delegation);
  g_free (self->delivery_mark);
  g_free (self->session_line);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self);
}

/* The named paragraph style each format gives a kind of block; a
 * drafter who restyles "Rostrum Body" in Word restyles the statement.
 */
const char *
rst_block_kind_get_style_name (RstBlockKind kind)
{
  switch (kind)
    {
    case RST_BLOCK_HEADING: return "Rostrum Heading";
    case RST_BLOCK_DELIVERY_MARK: return "Rostrum Delivery Mark";
    case RST_BLOCK_SALUTATION: return "Rostrum Salutation";
    case RST_BLOCK_BODY: return "Rostrum Body";
    case RST_BLOCK_CLOSING: return "Rostrum Closing";
    default: g_return_val_if_reached (NULL);
    }
}

/* "{{Name of the minister}}" → "Name of the minister" */
char *
rst_manuscript_dup_placeholder_label (const RstBlock *block,
                                      const RstRun   *run)
{
  const char *text = block->text + run->start;
  gsize len = run->end - run->start;

  if (len >= 4 && g_str_has_prefix (text, "{{") && strncmp (text + len - 2, "}}", 2) == 0)
    return g_strstrip (g_strndup (text + 2, len - 4));

  return g_strndup (text, len);
}

/* Reproducible builds' convention, then the statement's own date. */
static GDateTime *
creation_time (const char *date)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds, y, m, d;
  g_auto(GStrv) parts = NULL;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  if (date == NULL)
    return NULL;

  parts = g_strsplit (date, "-", 3);
  if (g_strv_length (parts) == 3 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
      g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL))
    return g_date_time_new_utc (y, m, d, 0, 0, 0);

  return NULL;
}

static void
clean_string (char **text)
{
  if (*text != NULL)
    {
      char *clean = rst_text_strip_controls (*text, -1, FALSE);

      g_free (*text);
      *text = clean;
    }
}

static const char *
nonempty (const char *s)
{
  return (s != NULL && *s != '\0') ? s : NULL;
}

static void
page_setup_init (RstPageSetup *page,
                 RstCouncil   *council)
{
  double top = DEFAULT_MARGIN_MM;
  double right = DEFAULT_MARGIN_MM;
  double bottom = DEFAULT_MARGIN_MM;
  double left = DEFAULT_MARGIN_MM;
  double width_mm = 210.0;
  double height_mm = 297.0;
  const char *font = NULL;
  double size = 0;
  double spacing = 0;

  if (council != NULL)
    {
      const char *paper = rst_council_get_paper (council);
      double t = -1, r = -1, b = -1, l = -1;

      if (paper != NULL)
        {
          g_auto(GStrv) custom = g_strsplit_set (paper, "xX", 2);
          double w = 0, h = 0;

          for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
            {
              if (g_ascii_strcasecmp (paper, papers[i].name) == 0)
                {
                  width_mm = papers[i].width_mm;
                  height_mm = papers[i].height_mm;
                }
            }

          /* Custom sizes are written "210x297" in millimetres. */
          if (g_strv_length (custom) == 2)
            {
              w = g_ascii_strtod (custom[0], NULL);
              h = g_ascii_strtod (custom[1], NULL);
            }
          if (w >= 50 && h >= 50)
            {
              width_mm = w;
              height_mm = h;
            }
        }

      rst_council_get_margins_mm (council, &t, &r, &b, &l);
      /* A profile that does not say keeps the default; margins under
       * 5 mm would not survive a printer.
       */
      if (t >= 5) top = t;
      if (r >= 5) right = r;
      if (b >= 5) bottom = b;
      if (l >= 5) left = l;

      font = rst_council_get_font (council);
      size = rst_council_get_font_size (council);
      spacing = rst_council_get_line_spacing (council);
    }

  page->width = MM_TO_PT (width_mm);
  page->height = MM_TO_PT (height_mm);
  page->margin_top = MM_TO_PT (top);
  page->margin_right = MM_TO_PT (right);
  page->margin_bottom = MM_TO_PT (bottom);
  page->margin_left = MM_TO_PT (left);
  page->font = g_strdup (nonempty (font) ? font : DEFAULT_FONT);
  page->font_size = (size >= 4 && size <= 72) ? size : DEFAULT_FONT_SIZE;
  page->line_spacing = (spacing >= 0.8 && spacing <= 4) ? spacing : DEFAULT_LINE_SPACING;
}

static void
add_family (GStrvBuilder *builder,
            GPtrArray    *seen,
            const char   *family)
{
  for (guint i = 0; i < seen->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (seen, i), family) == 0)
        return;
    }

  g_ptr_array_add (seen, (char *) family);
  g_strv_builder_add (builder, family);
}

/* A western language is set in the council's face, the language's
 * faces after it for what that one lacks. Chinese and Arabic are set in
 * the language's best face, with the council's right after it: a face
 * made for Arabic has no Latin letters, and the names and figures it
 * lacks are then set as the DOCX and ODT set them (w:ascii, the western
 * font); the other faces of the language stand in when the best one is
 * not installed.
 */
static void
page_setup_families (RstPageSetup     *page,
                     const RstWriting *writing)
{
  const char * const *faces = rst_writing_get_fonts (writing, TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint i = 0;

  if (rst_writing_get_script_class (writing) != RST_SCRIPT_CLASS_WESTERN && faces[0] != NULL)
    {
      page->script_font = g_strdup (faces[0]);
      add_family (builder, seen, faces[i++]);
    }
  add_family (builder, seen, page->font);
  for (; faces[i] != NULL; i++)
    add_family (builder, seen, faces[i]);

  page->families = g_strv_builder_end (builder);
}

/* The language's typography on a block, its runs moved with the text. */
static void
block_apply_typography (RstBlock         *block,
                        const RstWriting *writing)
{
  g_autoptr(GArray) offsets = NULL;
  char *text = rst_writing_apply_typography_mapped (writing, block->text, -1, &offsets);

  for (guint i = 0; i < block->n_runs; i++)
    {
      block->runs[i].start = g_array_index (offsets, guint, block->runs[i].start);
      block->runs[i].end = g_array_index (offsets, guint, block->runs[i].end);
    }

  g_free (block->text);
  block->text = text;
}

static void
apply_typography (char             **text,
                  const RstWriting  *writing)
{
  if (*text != NULL)
    {
      char *typeset = rst_writing_apply_typography (writing, *text, -1);

      g_free (*text);
      *text = typeset;
    }
}

/* Appends bytes with the given flags, merging them into the last run
 * when the flags are the same.
 */
static void
append_text (GString     *text,
             GArray      *runs,
             const char  *bytes,
             gsize        len,
             RstRunFlags  flags)
{
  RstRun *last = runs->len > 0 ? &g_array_index (runs, RstRun, runs->len - 1) : NULL;

  if (len == 0)
    return;

  g_string_append_len (text, bytes, len);

  if (last != NULL && last->flags == flags && last->end == text->len - len)
    {
      last->end = text->len;
    }
  else
    {
      RstRun run = { text->len - len, text->len, flags };
      g_array_append_val (runs, run);
    }
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
find_in_range (const char *haystack,
               const char *end,
               const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; p + n <= end; p++)
    {
      if (memcmp (p, needle, n) == 0)
        return p;
    }

  return NULL;
}

/* A single '*' that closes an italic span further on: not part of "**". */
static const char *
find_single_star (const char *p,
                  const char *end)
{
  for (; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          continue;
        }
      if (*p != '*')
        continue;
      if (p + 1 < end && p[1] == '*')
        {
          p++;
          continue;
        }
      if (!is_space (p[-1]))
        return p;
    }

  return NULL;
}

typedef struct
{
  gsize start;
  gsize end;
} Range;

/* Resolves the inline markup of one paragraph. Markers without a partner
 * stay literal, as a Markdown reader would show them.
 */
static RstBlock *
build_block (const char   *source,
             gsize         par_start,
             gsize         par_end,
             RstBlockKind  kind,
             const Range  *ordinals,
             guint         n_ordinals)
{
  g_autoptr(GString) text = g_string_sized_new (par_end - par_start);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (RstRun));
  const char *end = source + par_end;
  const char *p = source + par_start;
  gboolean bold = FALSE;
  gboolean italic = FALSE;
  char pending_space = 0;
  RstBlock *block;

  while (p < end)
    {
      RstRunFlags flags;
      gsize offset = p - source;
      gsize len = 1;
      const char *literal = p;

      if (is_space (*p))
        {
          /* Only a heading keeps its lines; elsewhere a line break in the
           * source is just where the drafter's editor wrapped.
           */
          if (*p == '\n' && kind == RST_BLOCK_HEADING)
            pending_space = '\n';
          else if (pending_space == 0)
            pending_space = ' ';
          p++;
          continue;
        }

      /* A vertical tab (Word's Shift+Enter) or a line separator is a line
       * break the drafter meant; other control characters have no place
       * in a document, and DOCX and ODT readers refuse them.
       */
      if (*p == '\v' || g_str_has_prefix (p, "\xE2\x80\xA8"))
        {
          pending_space = '\n';
          p += *p == '\v' ? 1 : 3;
          continue;
        }
      if ((guchar) *p < 0x20 || *p == 0x7F)
        {
          p++;
          continue;
        }
      if ((guchar) *p >= 0xC2)
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if ((c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF))
            {
              p = g_utf8_next_char (p);
              continue;
            }
        }

      if (*p == '*' && p + 1 < end && p[1] == '*')
        {
          if (bold || find_in_range (p + 2, end, "**") != NULL)
            {
              bold = !bold;
              p += 2;
              continue;
            }
          len = 2;
        }
      else if (*p == '*')
        {
          if (italic || (p + 1 < end && !is_space (p[1]) && find_single_star (p + 1, end) != NULL))
            {
              italic = !italic;
              p++;
              continue;
            }
        }
      else if (*p == '\\' && p + 1 < end && p[1] == '*')
        {
          literal = p + 1;
          p++;
          offset++;
        }
      else if (*p == '{' && p + 1 < end && p[1] == '{')
        {
          RstPlaceholder placeholder;
          gsize pos = p - source;

          /* The scanner the checker and Tab use, so that what the PDF
           * marks is what they call a placeholder.
           */
          if (rst_placeholder_next (source, par_end, &pos, &placeholder) &&
              placeholder.closed && placeholder.start == (gsize) (p - source))
            len = placeholder.end - placeholder.start;
        }
      else
        {
          len = g_utf8_skip[*(const guchar *) p];
          if (p + len > end)
            len = end - p;
        }

      flags = (bold ? RST_RUN_BOLD : 0) | (italic ? RST_RUN_ITALIC : 0);
      if (len > 2 && *literal == '{')
        flags |= RST_RUN_PLACEHOLDER;

      /* A space is bold or italic only inside a bold or italic span,
       * and never part of a placeholder or an ordinal.
       */
      if (pending_space != 0 && text->len > 0)
        {
          RstRunFlags before = g_array_index (runs, RstRun, runs->len - 1).flags;

          append_text (text, runs, &pending_space, 1,
                       before & flags & (RST_RUN_BOLD | RST_RUN_ITALIC));
        }
      pending_space = 0;

      for (guint i = 0; i < n_ordinals; i++)
        {
          if (offset >= ordinals[i].start && offset < ordinals[i].end)
            flags |= RST_RUN_ORDINAL;
        }

      append_text (text, runs, literal, len, flags);
      p = literal + len;
    }

  if (text->len == 0)
    return NULL;

  block = g_new0 (RstBlock, 1);
  block->kind = kind;
  block->source_start = par_start;
  block->source_end = par_end;
  block->n_runs = runs->len;
  block->runs = (RstRun *) (gpointer) g_array_free (g_steal_pointer (&runs), FALSE);
  block->text = g_string_free (g_steal_pointer (&text), FALSE);

  return block;
}

static gboolean
kind_for_element (RstElementKind  element,
                  RstBlockKind   *kind)
{
  switch (element)
    {
    case RST_ELEMENT_HEADING:
      *kind = RST_BLOCK_HEADING;
      return TRUE;
    case RST_ELEMENT_DELIVERY_MARK:
      *kind = RST_BLOCK_DELIVERY_MARK;
      return TRUE;
    case RST_ELEMENT_SALUTATION:
    case RST_ELEMENT_RETURN_SALUTATION:
      *kind = RST_BLOCK_SALUTATION;
      return TRUE;
    case RST_ELEMENT_CLOSING:
      *kind = RST_BLOCK_CLOSING;
      return TRUE;
    case RST_ELEMENT_OPENING:
    case RST_ELEMENT_ANNOUNCED_COUNT:
    case RST_ELEMENT_PRIORITY:
    case RST_ELEMENT_PARAGRAPH:
    default:
      return FALSE;
    }
}

/* Paragraphs and elements are both sorted by start: one walk over both,
 * so that 80 000 one-line paragraphs take no longer than they must.
 */
static void
build_blocks (RstManuscript *self,
              RstStatement  *statement)
{
  const char *source = rst_statement_get_text (statement);
  const RstParagraph *paragraphs;
  const RstElement *elements;
  guint n_paragraphs = 0;
  guint n_elements = 0;
  guint next_element = 0;
  g_autoptr(GArray) ordinals = g_array_new (FALSE, FALSE, sizeof (Range));

  paragraphs = rst_statement_get_paragraphs (statement, &n_paragraphs);
  elements = rst_statement_get_elements (statement, &n_elements);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      const RstParagraph *par = &paragraphs[i];
      RstBlockKind kind = RST_BLOCK_BODY;
      gboolean kind_found = FALSE;
      gsize first = par->start;
      RstBlock *block;

      g_array_set_size (ordinals, 0);

      /* Where the words start: an element that begins there gives the
       * whole paragraph its style, one that begins later (a closing
       * formula at the end of the last paragraph) does not.
       */
      while (first < par->end && (is_space (source[first]) || source[first] == '*'))
        first++;

      while (next_element < n_elements && elements[next_element].end <= par->start)
        next_element++;

      for (guint j = next_element; j < n_elements && elements[j].start < par->end; j++)
        {
          const RstElement *element = &elements[j];

          if (element->end <= par->start)
            continue;

          if (element->kind == RST_ELEMENT_PRIORITY && element->marker_end > element->marker_start)
            {
              Range range = { element->marker_start, element->marker_end };
              g_array_append_val (ordinals, range);
            }

          if (!kind_found && element->start <= first)
            kind_found = kind_for_element (element->kind, &kind);
        }

      block = build_block (source, par->start, par->end, kind,
                           (const Range *) (gpointer) ordinals->data, ordinals->len);
      if (block != NULL)
        g_ptr_array_add (self->blocks, block);
    }
}

/* An ISO date of the details as the language writes it; any other
 * date as the drafter wrote it.
 */
static char *
format_date (const RstWriting *writing,
             const char       *date)
{
  char *formatted = rst_writing_format_iso_date (writing, date);

  return formatted != NULL ? formatted : g_strdup (date);
}


/* A detail the page prints, unless a template's placeholder still
 * stands for it: "{{agenda_item}}" in a page header helps no one.
 */
static const char *
filled_detail (RstAnalysis *analysis,
               const char  *key)
{
  const char *value = rst_analysis_get_detail (analysis, key);

  return rst_placeholder_in (value) ? NULL : value;
}

/* The council's name in the statement's language, or what the details
 * call a council Rostrum has no profile for ("iom" → "IOM": an id is an
 * acronym); none for a statement that names no council, rather than
 * "Generic council".
 */
static char *
council_label (RstAnalysis *analysis,
               const char  *lang)
{
  RstCouncil *council = rst_analysis_get_council (analysis);
  const char *named;

  /* The generic profile is no council to name, even when asked for. */
  if (rst_analysis_get_council_id (analysis) != NULL)
    return rst_council_is_generic (council) ? NULL
                                            : g_strdup (rst_council_get_text_for (council, RST_COUNCIL_TEXT_NAME, lang));

  named = filled_detail (analysis, RST_DETAIL_COUNCIL);
  if (named == NULL)
    return NULL;

  return strlen (named) <= 6 ? g_ascii_strup (named, -1) : g_strdup (named);
}

/**
 * rst_manuscript_new:
 * @analysis: the statement's analysis
 *
 * Returns: (transfer full): what the exporters lay out
 */
RstManuscript *
rst_manuscript_new (RstAnalysis *analysis)
{
  RstManuscript *self;
  RstCouncil *council;
  g_autofree char *council_name = NULL;
  g_autofree char *session = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  const char *mark;
  const char *agenda_item;
  const char *separator;
  gboolean has_mark = FALSE;

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);

  council = rst_analysis_get_council (analysis);

  self = g_new0 (RstManuscript, 1);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) rst_block_free);
  self->rules = rst_analysis_get_rules (analysis);
  self->language = g_strdup (rst_analysis_get_language (analysis));
  /* Everything printed around the statement is in its language, not
   * the interface's: an Arabic statement exported from an English
   * desktop is all Arabic.
   */
  self->writing = rst_writing_get (self->language);
  separator = rst_writing_get_separator (self->writing);
  page_setup_init (&self->page, council);
  page_setup_families (&self->page, self->writing);
  build_blocks (self, rst_analysis_get_statement (analysis));
  for (guint i = 0; i < self->blocks->len; i++)
    block_apply_typography (g_ptr_array_index (self->blocks, i), self->writing);

  council_name = council_label (analysis, self->language);
  if (rst_analysis_get_session (analysis) > 0)
    session = rst_writing_format_session (self->writing, self->rules, rst_analysis_get_session (analysis));
  date = format_date (self->writing, filled_detail (analysis, RST_DETAIL_DATE));
  self->created = creation_time (filled_detail (analysis, RST_DETAIL_DATE));

  self->delegation = g_strdup (filled_detail (analysis, RST_DETAIL_DELEGATION));
  self->author = g_strdup (self->delegation);

  self->title = g_strdup (filled_detail (analysis, RST_DETAIL_TITLE));
  for (guint i = 0; self->title == NULL && i < self->blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == RST_BLOCK_HEADING)
        self->title = g_strdelimit (g_strdup (block->text), "\n", ' ');
    }
  if (self->title == NULL)
    self->title = g_strdup (_("Statement"));

  if (council_name != NULL && session != NULL)
    self->subject = g_strconcat (council_name, separator, session, NULL);
  else if (council_name != NULL || session != NULL)
    self->subject = g_strdup (council_name != NULL ? council_name : session);

  agenda_item = filled_detail (analysis, RST_DETAIL_AGENDA_ITEM);
  parts = g_ptr_array_new ();
  if (council_name != NULL)
    g_ptr_array_add (parts, council_name);
  if (session != NULL)
    g_ptr_array_add (parts, session);
  if (agenda_item != NULL)
    g_ptr_array_add (parts, (char *) agenda_item);
  if (date != NULL)
    g_ptr_array_add (parts, date);
  if (parts->len > 0)
    {
      g_ptr_array_add (parts, NULL);
      self->session_line = g_strjoinv (separator, (char **) parts->pdata);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == RST_BLOCK_DELIVERY_MARK)
        has_mark = TRUE;
    }

  /* An empty "delivery-mark:" in the details switches the mark off. The
   * profile's mark is in the statement's language where it has one, the
   * language's own otherwise: never English on an Arabic page.
   */
  mark = rst_details_lookup (rst_analysis_get_details (analysis), RST_DETAIL_DELIVERY_MARK);
  if (rst_placeholder_in (mark))
    mark = NULL;
  if (mark == NULL)
    mark = rst_council_get_text_for (council, RST_COUNCIL_TEXT_DELIVERY_MARK, self->language);
  if (mark == NULL)
    mark = rst_rules_get_default_delivery_mark (self->rules);
  if (!has_mark && nonempty (mark))
    self->delivery_mark = g_strdup (mark);

  apply_typography (&self->title, self->writing);
  apply_typography (&self->subject, self->writing);
  apply_typography (&self->delivery_mark, self->writing);
  apply_typography (&self->session_line, self->writing);

  /* Metadata and the page band come from details and profiles, which a
   * hostile file can fill with control characters.
   */
  clean_string (&self->title);
  clean_string (&self->author);
  clean_string (&self->subject);
  clean_string (&self->delegation);
  clean_string (&self->delivery_mark);
  clean_string (&self->session_line);

  return self;
}

/**
 * rst_run_flags_get_style_name:
 *
 * DOCX and ODT give bold and italic runs the same named styles, so that the
 * secretariat can restyle them in either word processor.
 *
 * Returns: (nullable): the style name, %NULL for plain text
 */
const char *
rst_run_flags_get_style_name (RstRunFlags flags)
{
  gboolean bold = (flags & RST_RUN_BOLD) != 0;
  gboolean italic = (flags & RST_RUN_ITALIC) != 0;

  if (bold && italic)
    return "Rostrum Bold Italic";
  if (bold)
    return "Rostrum Bold";
  if (italic)
    return "Rostrum Italic";

  return NULL;
}
