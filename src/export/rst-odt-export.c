/* rst-odt-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-odt-export.h"
#include "rst-xml-part.h"
#include "rst-zip-writer.h"

#define MIME_TYPE "application/vnd.oasis.opendocument.text"
#define ODF_VERSION "1.2"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META   "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC     "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define SESSION_LINE_STYLE "Rostrum Session Line"
#define FOOTER_STYLE       "Rostrum Footer"

/* ODF style names are NCNames; LibreOffice writes a space as "_20_" and
 * keeps the readable name in style:display-name.
 */
static char *
style_name (const char *display_name)
{
  g_autoptr(GString) name = g_string_new (display_name);

  g_string_replace (name, " ", "_20_", 0);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
write_namespaces (RstXmlPart *x)
{
  rst_xml_part_attr (x, "xmlns:office", NS_OFFICE);
  rst_xml_part_attr (x, "xmlns:style", NS_STYLE);
  rst_xml_part_attr (x, "xmlns:text", NS_TEXT);
  rst_xml_part_attr (x, "xmlns:fo", NS_FO);
  rst_xml_part_attr (x, "xmlns:svg", NS_SVG);
  rst_xml_part_attr (x, "office:version", ODF_VERSION);
}

static void
write_text (RstXmlPart *x,
            const char *text,
            gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *nl = memchr (text, '\n', end - text);
      const char *stop = nl != NULL ? nl : end;

      rst_xml_part_text (x, text, stop - text);
      if (nl != NULL)
        rst_xml_part_element (x, "text:line-break", NULL);
      text = stop + (nl != NULL ? 1 : 0);
    }
}

static void
write_paragraph_start (RstXmlPart *x,
                       const char *display_name,
                       gboolean    heading)
{
  g_autofree char *name = style_name (display_name);

  if (heading)
    {
      rst_xml_part_start (x, "text:h");
      rst_xml_part_attr (x, "text:style-name", name);
      rst_xml_part_attr (x, "text:outline-level", "1");
    }
  else
    {
      rst_xml_part_start (x, "text:p");
      rst_xml_part_attr (x, "text:style-name", name);
    }
}

static void
write_block (RstXmlPart     *x,
             const RstBlock *block)
{
  write_paragraph_start (x, rst_block_kind_get_style_name (block->kind),
                         block->kind == RST_BLOCK_HEADING);

  for (guint i = 0; i < block->n_runs; i++)
    {
      const RstRun *run = &block->runs[i];
      const char *span = rst_run_flags_get_style_name (run->flags);

      if (span != NULL)
        {
          g_autofree char *name = style_name (span);

          rst_xml_part_start (x, "text:span");
          rst_xml_part_attr (x, "text:style-name", name);
        }

      if (run->flags & RST_RUN_PLACEHOLDER)
        {
          g_autofree char *label = rst_manuscript_dup_placeholder_label (block, run);
          g_autofree char *prompt = g_strdup_printf ("<%s>", label);

          /* Writer shows "<label>" and selects it whole for typing. */
          rst_xml_part_start (x, "text:placeholder");
          rst_xml_part_attr (x, "text:placeholder-type", "text");
          rst_xml_part_attr (x, "text:description", label);
          rst_xml_part_text (x, prompt, -1);
          rst_xml_part_end (x);
        }
      else
        {
          write_text (x, block->text + run->start, run->end - run->start);
        }

      if (span != NULL)
        rst_xml_part_end (x);
    }

  rst_xml_part_end (x);
}

static GBytes *
content_xml (const RstManuscript  *ms,
             GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();

  rst_xml_part_start (x, "office:document-content");
  write_namespaces (x);
  rst_xml_part_start (x, "office:body");
  rst_xml_part_start (x, "office:text");

  if (ms->delivery_mark != NULL)
    {
      write_paragraph_start (x, rst_block_kind_get_style_name (RST_BLOCK_DELIVERY_MARK), FALSE);
      rst_xml_part_text (x, ms->delivery_mark, -1);
      rst_xml_part_end (x);
    }
  if (ms->session_line != NULL)
    {
      write_paragraph_start (x, SESSION_LINE_STYLE, FALSE);
      rst_xml_part_text (x, ms->session_line, -1);
      rst_xml_part_end (x);
    }

  for (guint i = 0; i < ms->blocks->len; i++)
    write_block (x, g_ptr_array_index (ms->blocks, i));

  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

typedef struct
{
  const char *name;
  gboolean    keep_next;
  const char *align;
  gboolean    bold;
  gboolean    italic;
  double      size_delta;
  double      space_after;  /* in lines */
} ParagraphStyle;

static void
write_pt (RstXmlPart *x,
          const char *name,
          double      pt)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", pt);
  rst_xml_part_attr_printf (x, name, "%spt", buffer);
}

/* ODF sets Latin, East Asian and complex text with properties of their
 * own: a bold heading is bold in all three.
 */
static void
write_text_properties (RstXmlPart *x,
                       gboolean    bold,
                       gboolean    italic,
                       double      size)
{
  rst_xml_part_start (x, "style:text-properties");
  if (bold)
    {
      rst_xml_part_attr (x, "fo:font-weight", "bold");
      rst_xml_part_attr (x, "style:font-weight-asian", "bold");
      rst_xml_part_attr (x, "style:font-weight-complex", "bold");
    }
  if (italic)
    {
      rst_xml_part_attr (x, "fo:font-style", "italic");
      rst_xml_part_attr (x, "style:font-style-asian", "italic");
      rst_xml_part_attr (x, "style:font-style-complex", "italic");
    }
  if (size > 0)
    {
      write_pt (x, "fo:font-size", size);
      write_pt (x, "style:font-size-asian", size);
      write_pt (x, "style:font-size-complex", size);
    }
  rst_xml_part_end (x);
}

/* Every paragraph runs in the statement's direction; "start" and "end"
 * alignments follow it.
 */
static void
write_writing_mode (RstXmlPart          *x,
                    const RstManuscript *ms)
{
  rst_xml_part_attr (x, "style:writing-mode", rst_writing_is_rtl (ms->writing) ? "rl-tb" : "lr-tb");
}

static void
write_paragraph_style (RstXmlPart           *x,
                       const RstManuscript  *ms,
                       const ParagraphStyle *style)
{
  g_autofree char *name = style_name (style->name);
  const RstPageSetup *page = &ms->page;

  rst_xml_part_start (x, "style:style");
  rst_xml_part_attr (x, "style:name", name);
  rst_xml_part_attr (x, "style:display-name", style->name);
  rst_xml_part_attr (x, "style:family", "paragraph");
  rst_xml_part_attr (x, "style:parent-style-name", "Standard");
  rst_xml_part_attr (x, "style:class", "text");
  if (strcmp (style->name, rst_block_kind_get_style_name (RST_BLOCK_HEADING)) == 0)
    rst_xml_part_attr (x, "style:default-outline-level", "1");

  rst_xml_part_start (x, "style:paragraph-properties");
  write_writing_mode (x, ms);
  rst_xml_part_attr_printf (x, "fo:line-height", "%d%%", (int) (page->line_spacing * 100 + 0.5));
  write_pt (x, "fo:margin-top", 0);
  write_pt (x, "fo:margin-bottom", page->font_size * page->line_spacing * style->space_after);
  if (style->align != NULL)
    rst_xml_part_attr (x, "fo:text-align", style->align);
  /* At least two lines of a paragraph at the foot and head of a page. */
  rst_xml_part_attr (x, "fo:orphans", "2");
  rst_xml_part_attr (x, "fo:widows", "2");
  if (style->keep_next)
    rst_xml_part_attr (x, "fo:keep-with-next", "always");
  if (strcmp (style->name, FOOTER_STYLE) == 0)
    {
      rst_xml_part_start (x, "style:tab-stops");
      rst_xml_part_start (x, "style:tab-stop");
      write_pt (x, "style:position", page->width - page->margin_left - page->margin_right);
      rst_xml_part_attr (x, "style:type", "right");
      rst_xml_part_end (x);
      rst_xml_part_end (x);
    }
  rst_xml_part_end (x);

  write_text_properties (x, style->bold, style->italic,
                         style->size_delta != 0 ? page->font_size + style->size_delta : 0);
  rst_xml_part_end (x);
}

static void
write_text_style (RstXmlPart *x,
                  const char *display_name,
                  gboolean    bold,
                  gboolean    italic)
{
  g_autofree char *name = style_name (display_name);

  rst_xml_part_start (x, "style:style");
  rst_xml_part_attr (x, "style:name", name);
  rst_xml_part_attr (x, "style:display-name", display_name);
  rst_xml_part_attr (x, "style:family", "text");
  write_text_properties (x, bold, italic, 0);
  rst_xml_part_end (x);
}

static void
write_font_face (RstXmlPart *x,
                 const char *family)
{
  rst_xml_part_start (x, "style:font-face");
  rst_xml_part_attr (x, "style:name", family);
  rst_xml_part_attr_printf (x, "svg:font-family", "'%s'", family);
  rst_xml_part_end (x);
}

/* "Page {page} of {pages}" in the statement's language, the numbers as
 * fields LibreOffice fills in.
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
      rst_xml_part_text (x, literal, literal_len);
      if (field == RST_PAGE_FIELD_NONE)
        continue;

      if (field == RST_PAGE_FIELD_PAGE)
        {
          rst_xml_part_start (x, "text:page-number");
          rst_xml_part_attr (x, "text:select-page", "current");
        }
      else
        {
          rst_xml_part_start (x, "text:page-count");
        }
      rst_xml_part_text (x, "1", -1);
      rst_xml_part_end (x);
    }
}

static GBytes *
styles_xml (const RstManuscript  *ms,
            GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();
  g_autofree char *footer_style = style_name (FOOTER_STYLE);
  const RstPageSetup *page = &ms->page;
  const ParagraphStyle styles[] = {
    { rst_block_kind_get_style_name (RST_BLOCK_HEADING), TRUE, "center", TRUE, FALSE, 0, 1.2 },
    { rst_block_kind_get_style_name (RST_BLOCK_DELIVERY_MARK), TRUE, "end", TRUE,
      rst_writing_has_italic (ms->writing), -1, 0.6 },
    { SESSION_LINE_STYLE, TRUE, NULL, FALSE, FALSE, -2, 0.6 },
    { rst_block_kind_get_style_name (RST_BLOCK_SALUTATION), TRUE, NULL, FALSE, FALSE, 0, 0.6 },
    { rst_block_kind_get_style_name (RST_BLOCK_BODY), FALSE, "justify", FALSE, FALSE, 0, 0.6 },
    { rst_block_kind_get_style_name (RST_BLOCK_CLOSING), FALSE, NULL, FALSE, FALSE, 0, 0.6 },
    { FOOTER_STYLE, FALSE, NULL, FALSE, FALSE, -2, 0 },
  };
  g_auto(GStrv) locale = g_strsplit_set (rst_writing_get_locale (ms->writing), "-_", 2);
  const char *language = locale[0];
  const char *country = locale[1] != NULL ? locale[1] : "none";
  RstScriptClass class = rst_writing_get_script_class (ms->writing);

  rst_xml_part_start (x, "office:document-styles");
  write_namespaces (x);

  rst_xml_part_start (x, "office:font-face-decls");
  write_font_face (x, page->font);
  if (page->script_font != NULL && g_ascii_strcasecmp (page->script_font, page->font) != 0)
    write_font_face (x, page->script_font);
  rst_xml_part_end (x);

  rst_xml_part_start (x, "office:styles");
  rst_xml_part_start (x, "style:default-style");
  rst_xml_part_attr (x, "style:family", "paragraph");
  rst_xml_part_start (x, "style:paragraph-properties");
  write_writing_mode (x, ms);
  rst_xml_part_end (x);
  /* Latin text in the council's face; Chinese in the Asian slot and
   * Arabic in the complex one, each in the language's face and marked
   * with the language, for LibreOffice's shaping, line breaking and
   * spelling.
   */
  rst_xml_part_start (x, "style:text-properties");
  rst_xml_part_attr (x, "style:font-name", page->font);
  write_pt (x, "fo:font-size", page->font_size);
  rst_xml_part_attr (x, "fo:language", language);
  rst_xml_part_attr (x, "fo:country", country);
  if (class == RST_SCRIPT_CLASS_ASIAN)
    {
      rst_xml_part_attr (x, "style:font-name-asian", page->script_font);
      write_pt (x, "style:font-size-asian", page->font_size);
      rst_xml_part_attr (x, "style:language-asian", language);
      rst_xml_part_attr (x, "style:country-asian", country);
    }
  if (class == RST_SCRIPT_CLASS_COMPLEX)
    {
      rst_xml_part_attr (x, "style:font-name-complex", page->script_font);
      write_pt (x, "style:font-size-complex", page->font_size);
      rst_xml_part_attr (x, "style:language-complex", language);
      rst_xml_part_attr (x, "style:country-complex", country);
    }
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  rst_xml_part_start (x, "style:style");
  rst_xml_part_attr (x, "style:name", "Standard");
  rst_xml_part_attr (x, "style:family", "paragraph");
  rst_xml_part_attr (x, "style:class", "text");
  rst_xml_part_start (x, "style:paragraph-properties");
  write_writing_mode (x, ms);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    write_paragraph_style (x, ms, &styles[i]);

  write_text_style (x, "Rostrum Bold", TRUE, FALSE);
  write_text_style (x, "Rostrum Italic", FALSE, TRUE);
  write_text_style (x, "Rostrum Bold Italic", TRUE, TRUE);
  rst_xml_part_end (x);

  /* The council's page; the footer takes the lower half of the bottom
   * margin, as on the PDF.
   */
  rst_xml_part_start (x, "office:automatic-styles");
  rst_xml_part_start (x, "style:page-layout");
  rst_xml_part_attr (x, "style:name", "RostrumPage");
  rst_xml_part_start (x, "style:page-layout-properties");
  write_pt (x, "fo:page-width", page->width);
  write_pt (x, "fo:page-height", page->height);
  rst_xml_part_attr (x, "style:print-orientation", "portrait");
  write_writing_mode (x, ms);
  write_pt (x, "fo:margin-top", page->margin_top);
  write_pt (x, "fo:margin-bottom", page->margin_bottom / 2);
  write_pt (x, "fo:margin-left", page->margin_left);
  write_pt (x, "fo:margin-right", page->margin_right);
  rst_xml_part_end (x);
  rst_xml_part_start (x, "style:footer-style");
  rst_xml_part_start (x, "style:header-footer-properties");
  write_pt (x, "fo:min-height", 0);
  write_pt (x, "fo:margin-top", MAX (0, page->margin_bottom / 2 - page->font_size));
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  rst_xml_part_start (x, "office:master-styles");
  rst_xml_part_start (x, "style:master-page");
  rst_xml_part_attr (x, "style:name", "Standard");
  rst_xml_part_attr (x, "style:page-layout-name", "RostrumPage");
  rst_xml_part_start (x, "style:footer");
  rst_xml_part_start (x, "text:p");
  rst_xml_part_attr (x, "text:style-name", footer_style);
  if (ms->delegation != NULL)
    rst_xml_part_text (x, ms->delegation, -1);
  rst_xml_part_element (x, "text:tab", NULL);
  write_page_number (x, ms);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static GBytes *
meta_xml (const RstManuscript  *ms,
          GError              **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();
  g_autofree char *generator = g_strdup_printf ("Rostrum/%s", PACKAGE_VERSION);

  rst_xml_part_start (x, "office:document-meta");
  rst_xml_part_attr (x, "xmlns:office", NS_OFFICE);
  rst_xml_part_attr (x, "xmlns:meta", NS_META);
  rst_xml_part_attr (x, "xmlns:dc", NS_DC);
  rst_xml_part_attr (x, "office:version", ODF_VERSION);
  rst_xml_part_start (x, "office:meta");
  rst_xml_part_element (x, "meta:generator", generator);
  rst_xml_part_element (x, "dc:title", ms->title);
  if (ms->subject != NULL)
    rst_xml_part_element (x, "dc:subject", ms->subject);
  if (ms->author != NULL)
    {
      rst_xml_part_element (x, "meta:initial-creator", ms->author);
      rst_xml_part_element (x, "dc:creator", ms->author);
    }
  rst_xml_part_element (x, "dc:language", ms->language);
  /* The statement's date, never the export's (see the DOCX writer). */
  if (ms->created != NULL)
    {
      g_autofree char *date = g_date_time_format (ms->created, "%Y-%m-%dT%H:%M:%S");

      rst_xml_part_element (x, "meta:creation-date", date);
    }
  rst_xml_part_end (x);
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

static GBytes *
manifest_xml (GError **error)
{
  g_autoptr(RstXmlPart) x = rst_xml_part_new ();
  const char *entries[][2] = {
    { "/", MIME_TYPE },
    { "content.xml", "text/xml" },
    { "styles.xml", "text/xml" },
    { "meta.xml", "text/xml" },
  };

  rst_xml_part_start (x, "manifest:manifest");
  rst_xml_part_attr (x, "xmlns:manifest", NS_MANIFEST);
  rst_xml_part_attr (x, "manifest:version", ODF_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      rst_xml_part_start (x, "manifest:file-entry");
      rst_xml_part_attr (x, "manifest:full-path", entries[i][0]);
      if (i == 0)
        rst_xml_part_attr (x, "manifest:version", ODF_VERSION);
      rst_xml_part_attr (x, "manifest:media-type", entries[i][1]);
      rst_xml_part_end (x);
    }
  rst_xml_part_end (x);

  return rst_xml_part_finish (x, error);
}

/**
 * rst_odt_export_write:
 *
 * Writes an OpenDocument text: the "mimetype" entry first and stored,
 * as ODF packaging requires, then the XML parts.
 */
gboolean
rst_odt_export_write (const RstManuscript  *manuscript,
                      GOutputStream        *stream,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(RstZipWriter) zip = NULL;
  struct {
    const char *name;
    GBytes     *contents;
  } parts[] = {
    { "mimetype", NULL },
    { "content.xml", NULL },
    { "styles.xml", NULL },
    { "meta.xml", NULL },
    { "META-INF/manifest.xml", NULL },
  };
  gboolean ok;

  g_return_val_if_fail (manuscript != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  parts[0].contents = g_bytes_new_static (MIME_TYPE, strlen (MIME_TYPE));
  ok = (parts[1].contents = content_xml (manuscript, error)) != NULL &&
       (parts[2].contents = styles_xml (manuscript, error)) != NULL &&
       (parts[3].contents = meta_xml (manuscript, error)) != NULL &&
       (parts[4].contents = manifest_xml (error)) != NULL;

  if (ok)
    {
      zip = rst_zip_writer_new (stream, manuscript->created, cancellable);
      for (guint i = 0; ok && i < G_N_ELEMENTS (parts); i++)
        ok = rst_zip_writer_add (zip, parts[i].name, parts[i].contents, i == 0, error);
      ok = ok && rst_zip_writer_close (zip, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i].contents, g_bytes_unref);

  return ok;
}
