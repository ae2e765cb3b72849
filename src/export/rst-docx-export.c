/* rst-docx-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <fribidi.h>

#include "rst-docx-export.h"
#include "rst-xml-part.h"
#include "rst-zip-writer.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

#define SESSION_LINE_STYLE "Rostrum Session Line"
#define FOOTER_STYLE       "Rostrum Footer"

/* WordprocessingML measures in twentieths of a point. */
#define TWIPS(pt) ((int) ((pt) * 20.0 + 0.5))

/* Word's style ids are names without spaces. */
static char *
style_id (const char *name)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (*p != ' ')
        g_string_append_c (id, *p);
    }

  return g_string_free (id, FALSE);
}

static void
write_val (RstXmlPart *x,
           const char *name,
           const char *value)
{
  rst_xml_part_start (x, name);
  rst_xml_part_attr (x, "w:val", value);
  rst_xml_part_end (x);
}

static void
write_paragraph_style_ref (RstXmlPart *x,
                           const char *name)
{
  g_autofree char *id = style_id (name);

  rst_xml_part_start (x, "w:pPr");
  write_val (x, "w:pStyle", id);
  rst_xml_part_end (x);
}

/* Text with the heading's line breaks as <w:br/>. */
static void
write_run_text (RstXmlPart *x,
                const char *text,
                gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *nl = memchr (text, '\n', end - text);
      const char *stop = nl != NULL ? nl : end;

      if (stop > text)
        {
          rst_xml_part_start (x, "w:t");
          rst_xml_part_attr (x, "xml:space", "preserve");
          rst_xml_part_text (x, text, stop - text);
          rst_xml_part_end (x);
        }
      if (nl != NULL)
        rst_xml_part_element (x, "w:br", NULL);
      text = stop + (nl != NULL ? 1 : 0);
    }
}

static void
write_one_run (RstXmlPart *x,
               const char *char_style,
               gboolean    rtl,
               const char *text,
               gsize       len)
{
  rst_xml_part_start (x, "w:r");
  if (char_style != NULL || rtl)
    {
      rst_xml_part_start (x, "w:rPr");
      if (char_style != NULL)
        {
          g_autofree char *id = style_id (char_style);

          write_val (x, "w:rStyle", id);
        }
      if (rtl)
        rst_xml_part_element (x, "w:rtl", NULL);
      rst_xml_part_end (x);
    }
  write_run_text (x, text, len);
  rst_xml_part_end (x);
}

/* 1 for a character written right to left, -1 for one written left to
 * right, 0 for one that takes the direction of its neighbours (blanks,
 * figures, punctuation): its class in the bidi algorithm.
 */
static int
strong_direction (gunichar c)
{
  FriBidiCharType type = fribidi_get_bidi_type (c);

  if (!FRIBIDI_IS_STRONG (type))
    return 0;

  return FRIBIDI_IS_RTL (type) ? 1 : -1;
}

/* Text as runs. In a right-to-left statement Word wants <w:rtl/> on the
 * runs of Arabic text only, as it writes them itself: an rtl run is
 * complex script, set in the w:cs face, and a Latin name in one would
 * look for its letters in an Arabic face. So the text is cut where its
 * direction changes; blanks, figures and punctuation go with the run
 * before them.
 */
static void
write_run (RstXmlPart          *x,
           const RstManuscript *ms,
           const char          *char_style,
           const char          *text,
           gsize                len)
{
  const char *end = text + len;
  const char *start = text;
  int direction = 0;

  if (!rst_writing_is_rtl (ms->writing))
    {
      write_one_run (x, char_style, FALSE, text, len);
      return;
    }

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      int d = strong_direction (g_utf8_get_char (p));

      if (d == 0 || d == direction)
        continue;
      if (direction != 0)
        {
          write_one_run (x, char_style, direction > 0, start, p - start);
          start = p;
        }
      direction = d;
    }

  if (end > start || len == 0)
    write_one_run (x, char_style, direction >= 0, start, end - start);
}

/* An unfilled slot becomes a placeholder content control: Word shows
 * its prompt in grey and selects it whole on the first click.
 */
static void
write_placeholder (RstXmlPart          *x,
                   const RstManuscript *ms,
                   const RstBlock      *block,
                   const RstRun        *run)
{
  g_autofree char *label = rst_manuscript_dup_placeholder_label (block, run);

  rst_xml_part_start (x, "w:sdt");
  rst_xml_part_start (x, "w:sdtPr");
  write_val (x, "w:alias", label);
  write_val (x, "w:tag", label);
  rst_xml_part_element (x, "w:showingPlcHdr", NULL);
  rst_xml_part_element (x, "w:text", NULL);
  rst_xml_part_end (x);
  rst_xml_part_start (x, "w:sdtContent");
  write_run (x, ms, "Placeholder Text", label, strlen (label));
  rst_xml_part_end (x);
  rst_xml_part_end (x);
}

static void
write_simple_paragraph (RstXmlPart          *x,
                        const RstManuscript *ms,
                        const char          *style,
                        const char          *text)
{
  rst_xml_part_start (x, "w:p");
  write_paragraph_style_ref (x, style);
  write_run (x, ms, NULL, text, strlen (text));
  rst_xml_part_end (x);
}

static GBytes *
document_xml (const RstManuscript  *ms,
              GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();
  const RstPageSetup *page = &ms->page;

  rst_xml_part_start (x, "w:document");
  rst_xml_part_attr (x, "xmlns:w", NS_W);
  rst_xml_part_attr (x, "xmlns:r", NS_R);
  rst_xml_part_start (x, "w:body");

  if (ms->delivery_mark != NULL)
    write_simple_paragraph (x, ms, rst_block_kind_get_style_name (RST_BLOCK_DELIVERY_MARK), ms->delivery_mark);
  if (ms->session_line != NULL)
    write_simple_paragraph (x, ms, SESSION_LINE_STYLE, ms->session_line);

  for (guint i = 0; i < ms->blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (ms->blocks, i);

      rst_xml_part_start (x, "w:p");
      write_paragraph_style_ref (x, rst_block_kind_get_style_name (block->kind));
      for (guint j = 0; j < block->n_runs; j++)
        {
          const RstRun *run = &block->runs[j];

          if (run->flags & RST_RUN_PLACEHOLDER)
            write_placeholder (x, ms, block, run);
          else
            write_run (x, ms, rst_run_flags_get_style_name (run->flags), block->text + run->start,
                       run->end - run->start);
        }
      rst_xml_part_end (x);
    }

  rst_xml_part_start (x, "w:sectPr");
  rst_xml_part_start (x, "w:footerReference");
  rst_xml_part_attr (x, "w:type", "default");
  rst_xml_part_attr (x, "r:id", "rIdFooter");
  rst_xml_part_end (x);
  rst_xml_part_start (x, "w:pgSz");
  rst_xml_part_attr_printf (x, "w:w", "%d", TWIPS (page->width));
  rst_xml_part_attr_printf (x, "w:h", "%d", TWIPS (page->height));
  rst_xml_part_end (x);
  rst_xml_part_start (x, "w:pgMar");
  rst_xml_part_attr_printf (x, "w:top", "%d", TWIPS (page->margin_top));
  rst_xml_part_attr_printf (x, "w:right", "%d", TWIPS (page->margin_right));
  rst_xml_part_attr_printf (x, "w:bottom", "%d", TWIPS (page->margin_bottom));
  rst_xml_part_attr_printf (x, "w:left", "%d", TWIPS (page->margin_left));
  rst_xml_part_attr_printf (x, "w:header", "%d", TWIPS (page->margin_top / 2));
  rst_xml_part_attr_printf (x, "w:footer", "%d", TWIPS (page->margin_bottom / 2));
  rst_xml_part_attr (x, "w:gutter", "0");
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  rst_xml_part_end (x);
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static void
write_spacing (RstXmlPart *x,
               double      after_pt,
               double      line_spacing)
{
  rst_xml_part_start (x, "w:spacing");
  rst_xml_part_attr_printf (x, "w:after", "%d", TWIPS (after_pt));
  rst_xml_part_attr_printf (x, "w:line", "%d", (int) (line_spacing * 240 + 0.5));
  rst_xml_part_attr (x, "w:lineRule", "auto");
  rst_xml_part_end (x);
}

/* A paragraph's direction and East Asian line breaking, in the place
 * CT_PPrBase gives them (after w:tabs, before w:spacing).
 */
static void
write_direction (RstXmlPart          *x,
                 const RstManuscript *ms)
{
  /* No "，" or "。" at the start of a line: Word's kinsoku rules. */
  if (rst_writing_get_script_class (ms->writing) == RST_SCRIPT_CLASS_ASIAN)
    rst_xml_part_element (x, "w:kinsoku", NULL);
  /* The paragraph runs right to left; with it Word mirrors its
   * alignment, indents and tabs, so "right" is the end of the line.
   */
  if (rst_writing_is_rtl (ms->writing))
    rst_xml_part_element (x, "w:bidi", NULL);
}

typedef struct
{
  const char *name;
  gboolean    keep_next;
  const char *jc;
  gboolean    bold;
  gboolean    italic;
  int         outline;
  double      size_delta;
} ParagraphStyle;

static void
write_paragraph_style (RstXmlPart          *x,
                       const RstManuscript *ms,
                       const ParagraphStyle *style)
{
  g_autofree char *id = style_id (style->name);
  double size = ms->page.font_size + style->size_delta;

  rst_xml_part_start (x, "w:style");
  rst_xml_part_attr (x, "w:type", "paragraph");
  rst_xml_part_attr (x, "w:customStyle", "1");
  rst_xml_part_attr (x, "w:styleId", id);
  write_val (x, "w:name", style->name);
  write_val (x, "w:basedOn", "Normal");
  rst_xml_part_element (x, "w:qFormat", NULL);

  rst_xml_part_start (x, "w:pPr");
  if (style->keep_next)
    {
      rst_xml_part_element (x, "w:keepNext", NULL);
      rst_xml_part_element (x, "w:keepLines", NULL);
    }
  /* At least two lines of a paragraph at the foot and head of a page. */
  rst_xml_part_element (x, "w:widowControl", NULL);
  if (strcmp (style->name, FOOTER_STYLE) == 0)
    {
      /* In a right-to-left paragraph Word mirrors the tab: the page
       * number goes to the left edge there.
       */
      rst_xml_part_start (x, "w:tabs");
      rst_xml_part_start (x, "w:tab");
      rst_xml_part_attr (x, "w:val", "right");
      rst_xml_part_attr_printf (x, "w:pos", "%d",
                                TWIPS (ms->page.width - ms->page.margin_left - ms->page.margin_right));
      rst_xml_part_end (x);
      rst_xml_part_end (x);
    }
  write_direction (x, ms);
  if (strcmp (style->name, FOOTER_STYLE) == 0)
    write_spacing (x, 0, 1.0);
  else
    write_spacing (x, ms->page.font_size * ms->page.line_spacing * (style->outline >= 0 ? 1.2 : 0.6),
                   ms->page.line_spacing);
  if (style->jc != NULL)
    write_val (x, "w:jc", style->jc);
  if (style->outline >= 0)
    {
      g_autofree char *level = g_strdup_printf ("%d", style->outline);
      write_val (x, "w:outlineLvl", level);
    }
  rst_xml_part_end (x);

  rst_xml_part_start (x, "w:rPr");
  if (style->bold)
    {
      rst_xml_part_element (x, "w:b", NULL);
      rst_xml_part_element (x, "w:bCs", NULL);
    }
  if (style->italic)
    {
      rst_xml_part_element (x, "w:i", NULL);
      rst_xml_part_element (x, "w:iCs", NULL);
    }
  if (style->size_delta != 0)
    {
      g_autofree char *half_points = g_strdup_printf ("%d", (int) (size * 2 + 0.5));

      write_val (x, "w:sz", half_points);
      write_val (x, "w:szCs", half_points);
    }
  rst_xml_part_end (x);

  rst_xml_part_end (x);
}

static void
write_character_style (RstXmlPart *x,
                       const char *name,
                       gboolean    bold,
                       gboolean    italic,
                       const char *color)
{
  g_autofree char *id = style_id (name);

  rst_xml_part_start (x, "w:style");
  rst_xml_part_attr (x, "w:type", "character");
  rst_xml_part_attr (x, "w:styleId", id);
  write_val (x, "w:name", name);
  rst_xml_part_element (x, "w:qFormat", NULL);
  rst_xml_part_start (x, "w:rPr");
  if (bold)
    {
      rst_xml_part_element (x, "w:b", NULL);
      rst_xml_part_element (x, "w:bCs", NULL);
    }
  if (italic)
    {
      rst_xml_part_element (x, "w:i", NULL);
      rst_xml_part_element (x, "w:iCs", NULL);
    }
  if (color != NULL)
    write_val (x, "w:color", color);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
}

static GBytes *
styles_xml (const RstManuscript  *ms,
            GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();
  g_autofree char *half_points = g_strdup_printf ("%d", (int) (ms->page.font_size * 2 + 0.5));
  RstScriptClass class = rst_writing_get_script_class (ms->writing);
  const char *locale = rst_writing_get_locale (ms->writing);
  const ParagraphStyle styles[] = {
    { rst_block_kind_get_style_name (RST_BLOCK_HEADING), TRUE, "center", TRUE, FALSE, 0, 0 },
    { rst_block_kind_get_style_name (RST_BLOCK_DELIVERY_MARK), TRUE, "right", TRUE,
      rst_writing_has_italic (ms->writing), -1, -1 },
    { SESSION_LINE_STYLE, TRUE, NULL, FALSE, FALSE, -1, -2 },
    { rst_block_kind_get_style_name (RST_BLOCK_SALUTATION), TRUE, NULL, FALSE, FALSE, -1, 0 },
    { rst_block_kind_get_style_name (RST_BLOCK_BODY), FALSE, "both", FALSE, FALSE, -1, 0 },
    { rst_block_kind_get_style_name (RST_BLOCK_CLOSING), FALSE, NULL, FALSE, FALSE, -1, 0 },
    { FOOTER_STYLE, FALSE, NULL, FALSE, FALSE, -1, -2 },
  };

  rst_xml_part_start (x, "w:styles");
  rst_xml_part_attr (x, "xmlns:w", NS_W);

  rst_xml_part_start (x, "w:docDefaults");
  rst_xml_part_start (x, "w:rPrDefault");
  rst_xml_part_start (x, "w:rPr");
  /* Latin text in the council's face; Chinese in the East Asian slot and
   * Arabic in the complex-script one, each in the language's face.
   */
  rst_xml_part_start (x, "w:rFonts");
  rst_xml_part_attr (x, "w:ascii", ms->page.font);
  rst_xml_part_attr (x, "w:hAnsi", ms->page.font);
  rst_xml_part_attr (x, "w:eastAsia", class == RST_SCRIPT_CLASS_ASIAN ? ms->page.script_font : ms->page.font);
  rst_xml_part_attr (x, "w:cs", class == RST_SCRIPT_CLASS_COMPLEX ? ms->page.script_font : ms->page.font);
  rst_xml_part_end (x);
  write_val (x, "w:sz", half_points);
  write_val (x, "w:szCs", half_points);
  /* The language where Word looks for it: w:eastAsia for Chinese text,
   * w:bidi for Arabic, for its spelling, shaping and line breaking.
   */
  rst_xml_part_start (x, "w:lang");
  rst_xml_part_attr (x, "w:val", locale);
  if (class == RST_SCRIPT_CLASS_ASIAN)
    rst_xml_part_attr (x, "w:eastAsia", locale);
  if (class == RST_SCRIPT_CLASS_COMPLEX)
    rst_xml_part_attr (x, "w:bidi", locale);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_start (x, "w:pPrDefault");
  rst_xml_part_start (x, "w:pPr");
  write_direction (x, ms);
  write_spacing (x, 0, ms->page.line_spacing);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  rst_xml_part_start (x, "w:style");
  rst_xml_part_attr (x, "w:type", "paragraph");
  rst_xml_part_attr (x, "w:default", "1");
  rst_xml_part_attr (x, "w:styleId", "Normal");
  write_val (x, "w:name", "Normal");
  rst_xml_part_element (x, "w:qFormat", NULL);
  rst_xml_part_end (x);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    write_paragraph_style (x, ms, &styles[i]);

  write_character_style (x, "Rostrum Bold", TRUE, FALSE, NULL);
  write_character_style (x, "Rostrum Italic", FALSE, TRUE, NULL);
  write_character_style (x, "Rostrum Bold Italic", TRUE, TRUE, NULL);
  write_character_style (x, "Placeholder Text", FALSE, FALSE, "808080");

  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

/* "Page {page} of {pages}" in the statement's language, the numbers as
 * fields Word fills in: PAGE and NUMPAGES.
 */
static void
write_page_number (RstXmlPart          *x,
                   const RstManuscript *ms)
{
  const char *literal;
  gsize literal_len;
  RstPageField field;
  gsize position = 0;

  while (rst_writing_next_page_number_piece (ms->writing, &position, &literal, &literal_len, &field))
    {
      if (literal_len > 0)
        write_run (x, ms, NULL, literal, literal_len);
      if (field == RST_PAGE_FIELD_NONE)
        continue;

      rst_xml_part_start (x, "w:fldSimple");
      rst_xml_part_attr (x, "w:instr", field == RST_PAGE_FIELD_PAGE ? " PAGE " : " NUMPAGES ");
      write_run (x, ms, NULL, "1", 1);
      rst_xml_part_end (x);
    }
}

static GBytes *
footer_xml (const RstManuscript  *ms,
            GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "w:ftr");
  rst_xml_part_attr (x, "xmlns:w", NS_W);
  rst_xml_part_start (x, "w:p");
  write_paragraph_style_ref (x, FOOTER_STYLE);
  if (ms->delegation != NULL)
    write_run (x, ms, NULL, ms->delegation, strlen (ms->delegation));
  rst_xml_part_start (x, "w:r");
  rst_xml_part_element (x, "w:tab", NULL);
  rst_xml_part_end (x);
  write_page_number (x, ms);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static GBytes *
core_xml (const RstManuscript  *ms,
          GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "cp:coreProperties");
  rst_xml_part_attr (x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  rst_xml_part_attr (x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  rst_xml_part_attr (x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  rst_xml_part_attr (x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  rst_xml_part_element (x, "dc:title", ms->title);
  if (ms->subject != NULL)
    rst_xml_part_element (x, "dc:subject", ms->subject);
  if (ms->author != NULL)
    rst_xml_part_element (x, "dc:creator", ms->author);
  rst_xml_part_element (x, "dc:language", ms->language);
  /* The statement's date, never the export's: the same statement gives
   * the same file.
   */
  if (ms->created != NULL)
    {
      g_autofree char *date = g_date_time_format (ms->created, "%Y-%m-%dT%H:%M:%SZ");

      rst_xml_part_start (x, "dcterms:created");
      rst_xml_part_attr (x, "xsi:type", "dcterms:W3CDTF");
      rst_xml_part_text (x, date, -1);
      rst_xml_part_end (x);
    }
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static void
write_relationship (RstXmlPart *x,
                    const char *id,
                    const char *type,
                    const char *target)
{
  rst_xml_part_start (x, "Relationship");
  rst_xml_part_attr (x, "Id", id);
  rst_xml_part_attr (x, "Type", type);
  rst_xml_part_attr (x, "Target", target);
  rst_xml_part_end (x);
}

static GBytes *
package_rels_xml (GError **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "Relationships");
  rst_xml_part_attr (x, "xmlns", NS_REL);
  write_relationship (x, "rId1", REL_TYPE "officeDocument", "word/document.xml");
  write_relationship (x, "rId2",
                      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml");
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static GBytes *
document_rels_xml (GError **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "Relationships");
  rst_xml_part_attr (x, "xmlns", NS_REL);
  write_relationship (x, "rIdStyles", REL_TYPE "styles", "styles.xml");
  write_relationship (x, "rIdFooter", REL_TYPE "footer", "footer1.xml");
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static void
write_override (RstXmlPart *x,
                const char *part,
                const char *type)
{
  rst_xml_part_start (x, "Override");
  rst_xml_part_attr (x, "PartName", part);
  rst_xml_part_attr (x, "ContentType", type);
  rst_xml_part_end (x);
}

static GBytes *
content_types_xml (GError **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "Types");
  rst_xml_part_attr (x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  rst_xml_part_start (x, "Default");
  rst_xml_part_attr (x, "Extension", "rels");
  rst_xml_part_attr (x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  rst_xml_part_end (x);
  rst_xml_part_start (x, "Default");
  rst_xml_part_attr (x, "Extension", "xml");
  rst_xml_part_attr (x, "ContentType", "application/xml");
  rst_xml_part_end (x);
  write_override (x, "/word/document.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  write_override (x, "/word/styles.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  write_override (x, "/word/footer1.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
  write_override (x, "/docProps/core.xml",
                  "application/vnd.openxmlformats-package.core-properties+xml");
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

/**
 * rst_docx_export_write:
 *
 * Writes an Office Open XML document whose paragraphs and inline markup
 * carry named styles, with the council's page and a footer.
 */
gboolean
rst_docx_export_write (const RstManuscript  *manuscript,
                       GOutputStream        *stream,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(RstZipWriter) zip = NULL;
  struct {
    const char *name;
    GBytes     *contents;
  } parts[] = {
    { "[Content_Types].xml", NULL },
    { "_rels/.rels", NULL },
    { "word/document.xml", NULL },
    { "word/styles.xml", NULL },
    { "word/footer1.xml", NULL },
    { "word/_rels/document.xml.rels", NULL },
    { "docProps/core.xml", NULL },
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (manuscript != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ok = (parts[0].contents = content_types_xml (error)) != NULL &&
       (parts[1].contents = package_rels_xml (error)) != NULL &&
       (parts[2].contents = document_xml (manuscript, error)) != NULL &&
       (parts[3].contents = styles_xml (manuscript, error)) != NULL &&
       (parts[4].contents = footer_xml (manuscript, error)) != NULL &&
       (parts[5].contents = document_rels_xml (error)) != NULL &&
       (parts[6].contents = core_xml (manuscript, error)) != NULL;

  if (ok)
    {
      zip = rst_zip_writer_new (stream, manuscript->created, cancellable);
      for (guint i = 0; ok && i < G_N_ELEMENTS (parts); i++)
        ok = rst_zip_writer_add (zip, parts[i].name, parts[i].contents, FALSE, error);
      ok = ok && rst_zip_writer_close (zip, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i].contents, g_bytes_unref);

  return ok;
}
