/* rst-docx-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rst-docx-import.h"
#include "rst-import.h"
#include "rst-import-list.h"
#include "rst-import-xml.h"

/* WordprocessingML (ECMA-376), transitional and strict. What is read is
 * what the speaker reads aloud: the body's paragraphs with tracked
 * changes accepted (insertions kept, deletions and moves away dropped),
 * fields as their result, tables row by row; not the comments,
 * footnotes, headers, footers, text boxes or hidden text.
 */

#define NS_W          "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT   "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC         "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_REL        "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_DC         "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS    "http://purl.org/dc/terms/"

#define MAX_STYLE_CHAIN 16

typedef struct
{
  /* -1 when the style does not say. */
  int            bold;
  int            italic;
  int            hidden;
  int            align;
  int            outline;
  char          *based_on;
  char          *num_id;
  int            ilvl;
} Style;

typedef struct
{
  RstZipReader      *zip;
  RstImportDocument *document;
  GCancellable      *cancellable;
  RstImportXml      *xml;
  const char        *ns;

  GHashTable        *styles;         /* styleId → Style */
  char              *default_style;  /* the paragraph style w:default="1" */
  Style              defaults;       /* w:docDefaults */
  RstImportLists    *lists;

  /* The paragraph being read. */
  gboolean           in_paragraph;
  RstImportStyle     para_style;
  int                para_hidden;
  RstImportAlign     para_align;
  gboolean           para_outline;
  char              *para_label;
  gboolean           mark_deleted;
  gboolean           merge_next;

  /* The run being read. */
  RstImportStyle     run_style;
  gboolean           run_hidden;
  gboolean           in_text;

  /* Complex fields: TRUE while in an instruction, per nesting level. */
  GArray            *fields;

  guint              table_depth;
  guint              cell;
  guint              cell_paragraphs;
} Reader;

static void
style_free (Style *style)
{
  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style);
}

static void
style_init (Style *style)
{
  memset (style, 0, sizeof *style);
  style->bold = style->italic = style->hidden = style->align = style->outline = -1;
  style->ilvl = -1;
}

static gboolean
is_w (Reader     *r,
      const char *name)
{
  return rst_import_xml_is (r->xml, r->ns, name);
}

static char *
get_val (Reader *r)
{
  return rst_import_xml_get_attr (r->xml, r->ns, "val");
}

static int
parse_align (const char *value)
{
  if (value == NULL)
    return -1;
  if (g_str_equal (value, "center"))
    return RST_IMPORT_ALIGN_CENTER;
  /* Transitional "right" is logical, like strict "end". */
  if (g_str_equal (value, "right") || g_str_equal (value, "end"))
    return RST_IMPORT_ALIGN_END;
  if (g_str_equal (value, "both") || g_str_equal (value, "distribute"))
    return RST_IMPORT_ALIGN_JUSTIFY;
  return RST_IMPORT_ALIGN_START;
}

/* One property of w:rPr or w:pPr, into @style. Complex-script bold and
 * italic count where the Latin ones are not said (Arabic text is bold
 * through w:bCs).
 */
static void
read_property (Reader *r,
               Style  *style,
               gboolean in_run_properties)
{
  if (in_run_properties)
    {
      if (is_w (r, "b"))
        style->bold = rst_import_xml_attr_is_on (r->xml, r->ns, "val", TRUE);
      else if (is_w (r, "bCs") && style->bold < 0)
        style->bold = rst_import_xml_attr_is_on (r->xml, r->ns, "val", TRUE);
      else if (is_w (r, "i"))
        style->italic = rst_import_xml_attr_is_on (r->xml, r->ns, "val", TRUE);
      else if (is_w (r, "iCs") && style->italic < 0)
        style->italic = rst_import_xml_attr_is_on (r->xml, r->ns, "val", TRUE);
      else if (is_w (r, "vanish") || is_w (r, "specVanish"))
        style->hidden = rst_import_xml_attr_is_on (r->xml, r->ns, "val", TRUE);
      return;
    }

  if (is_w (r, "jc"))
    {
      g_autofree char *value = get_val (r);

      style->align = parse_align (value);
    }
  else if (is_w (r, "outlineLvl"))
    {
      g_autofree char *value = get_val (r);

      /* Level 9 is body text. */
      style->outline = value != NULL && atoi (value) < 9;
    }
  else if (is_w (r, "ilvl"))
    {
      g_autofree char *value = get_val (r);

      style->ilvl = value != NULL ? CLAMP (atoi (value), 0, 8) : 0;
    }
  else if (is_w (r, "numId"))
    {
      g_free (style->num_id);
      style->num_id = get_val (r);
    }
}

/* w:pPr or w:rPr (and w:numPr inside w:pPr) at a start event, read to
 * its end into @style. Returns whether a w:del was in it (a deleted
 * paragraph mark).
 */
static gboolean
read_properties (Reader   *r,
                 Style    *style,
                 GError  **error)
{
  RstImportXmlEvent event;
  guint depth = 1;
  gboolean in_rpr = is_w (r, "rPr");
  gboolean deleted = FALSE;

  while (rst_import_xml_next (r->xml, &event, error))
    {
      if (event == RST_IMPORT_XML_END)
        {
          if (is_w (r, "rPr"))
            in_rpr = FALSE;
          if (--depth == 0)
            return deleted;
          continue;
        }
      if (event != RST_IMPORT_XML_START)
        continue;

      depth++;
      if (is_w (r, "rPr"))
        in_rpr = TRUE;
      else if (is_w (r, "del") || is_w (r, "moveFrom"))
        deleted = TRUE;
      /* What the change was from, and section and frame properties. */
      else if (is_w (r, "pPrChange") || is_w (r, "rPrChange") || is_w (r, "sectPr") || is_w (r, "tabs"))
        {
          if (!rst_import_xml_skip (r->xml, error))
            return deleted;
          depth--;
        }
      else
        read_property (r, style, in_rpr);
    }

  return deleted;
}

/* styles.xml: the paragraph and character styles and the defaults. */
static gboolean
read_styles (Reader  *r,
             GBytes  *bytes,
             GError **error)
{
  g_autoptr(RstImportXml) xml = rst_import_xml_new (bytes, error);
  RstImportXmlEvent event;
  Style *style = NULL;

  if (xml == NULL)
    return FALSE;
  r->xml = xml;

  while (rst_import_xml_next (xml, &event, error))
    {
      if (event == RST_IMPORT_XML_END)
        {
          if (is_w (r, "style"))
            style = NULL;
          continue;
        }
      if (event != RST_IMPORT_XML_START)
        continue;

      if (is_w (r, "style"))
        {
          g_autofree char *id = rst_import_xml_get_attr (xml, r->ns, "styleId");
          g_autofree char *type = rst_import_xml_get_attr (xml, r->ns, "type");

          if (id == NULL || g_hash_table_contains (r->styles, id))
            {
              if (!rst_import_xml_skip (xml, error))
                break;
              continue;
            }
          style = g_new0 (Style, 1);
          style_init (style);
          if (g_strcmp0 (type, "paragraph") == 0 &&
              rst_import_xml_attr_is_on (xml, r->ns, "default", FALSE) && r->default_style == NULL)
            r->default_style = g_strdup (id);
          g_hash_table_insert (r->styles, g_steal_pointer (&id), style);
        }
      else if (is_w (r, "basedOn") && style != NULL)
        {
          g_free (style->based_on);
          style->based_on = get_val (r);
        }
      else if (is_w (r, "tblStylePr") || is_w (r, "tblPr") || is_w (r, "trPr") || is_w (r, "tcPr"))
        {
          if (!rst_import_xml_skip (xml, error))
            break;
        }
      else if (is_w (r, "pPr") || is_w (r, "rPr"))
        {
          read_properties (r, style != NULL ? style : &r->defaults, error);
          if (error != NULL && *error != NULL)
            break;
        }
    }

  r->xml = NULL;
  return error == NULL || *error == NULL;
}

/* The style chain from @id up through w:basedOn: the first one that
 * says wins, then the document defaults.
 */
static void
resolve_style (Reader     *r,
               const char *id,
               Style      *out)
{
  style_init (out);

  for (guint i = 0; id != NULL && i < MAX_STYLE_CHAIN; i++)
    {
      const Style *style = g_hash_table_lookup (r->styles, id);

      if (style == NULL)
        break;
#define INHERIT(field) if (out->field < 0) out->field = style->field
      INHERIT (bold);
      INHERIT (italic);
      INHERIT (hidden);
      INHERIT (align);
      INHERIT (outline);
      INHERIT (ilvl);
#undef INHERIT
      if (out->num_id == NULL && style->num_id != NULL)
        out->num_id = g_strdup (style->num_id);
      id = style->based_on;
    }

  if (out->bold < 0)
    out->bold = r->defaults.bold;
  if (out->italic < 0)
    out->italic = r->defaults.italic;
  if (out->hidden < 0)
    out->hidden = r->defaults.hidden;
}

static RstImportStyle
to_import_style (int bold,
                 int italic)
{
  return (bold > 0 ? RST_IMPORT_STYLE_BOLD : 0) | (italic > 0 ? RST_IMPORT_STYLE_ITALIC : 0);
}

/* numbering.xml: the formats of each list and level. */
static gboolean
read_numbering (Reader  *r,
                GBytes  *bytes,
                GError **error)
{
  g_autoptr(RstImportXml) xml = rst_import_xml_new (bytes, error);
  g_autofree char *abstract = NULL;
  g_autofree char *num = NULL;
  RstImportXmlEvent event;
  int level = -1;

  if (xml == NULL)
    return FALSE;
  r->xml = xml;

  while (rst_import_xml_next (xml, &event, error))
    {
      if (event == RST_IMPORT_XML_END)
        {
          if (is_w (r, "abstractNum"))
            g_clear_pointer (&abstract, g_free);
          else if (is_w (r, "num"))
            g_clear_pointer (&num, g_free);
          else if (is_w (r, "lvl") || is_w (r, "lvlOverride"))
            level = -1;
          continue;
        }
      if (event != RST_IMPORT_XML_START)
        continue;

      if (is_w (r, "abstractNum"))
        {
          g_free (abstract);
          abstract = rst_import_xml_get_attr (xml, r->ns, "abstractNumId");
        }
      else if (is_w (r, "num"))
        {
          g_free (num);
          num = rst_import_xml_get_attr (xml, r->ns, "numId");
        }
      else if (is_w (r, "lvl") || is_w (r, "lvlOverride"))
        {
          g_autofree char *value = rst_import_xml_get_attr (xml, r->ns, "ilvl");

          level = value != NULL ? CLAMP (atoi (value), 0, RST_IMPORT_LIST_LEVELS - 1) : 0;
        }
      else if (is_w (r, "abstractNumId") && num != NULL)
        {
          g_autofree char *value = get_val (r);

          if (value != NULL)
            rst_import_lists_link (r->lists, num, value);
        }
      else if (level >= 0 && (is_w (r, "start") || is_w (r, "startOverride")))
        {
          g_autofree char *value = get_val (r);
          int start = value != NULL ? atoi (value) : 1;

          if (abstract != NULL && is_w (r, "start"))
            rst_import_lists_set_start (r->lists, abstract, level, start);
          else if (num != NULL && is_w (r, "startOverride"))
            rst_import_lists_set_start (r->lists, num, level, start);
        }
      else if (level >= 0 && abstract != NULL && is_w (r, "numFmt"))
        {
          g_autofree char *value = get_val (r);

          rst_import_lists_set_format (r->lists, abstract, level, rst_import_list_format_from_ooxml (value));
        }
      else if (level >= 0 && abstract != NULL && is_w (r, "lvlText"))
        {
          g_autofree char *value = get_val (r);

          rst_import_lists_set_template (r->lists, abstract, level, value);
        }
    }

  r->xml = NULL;
  return error == NULL || *error == NULL;
}

static gboolean
in_instruction (Reader *r)
{
  for (guint i = 0; i < r->fields->len; i++)
    if (g_array_index (r->fields, gboolean, i))
      return TRUE;
  return FALSE;
}

static void
ensure_block (Reader *r)
{
  if (r->table_depth > 0 || rst_import_document_in_block (r->document))
    return;

  rst_import_document_begin_block (r->document, r->para_align, r->para_outline);
  rst_import_document_set_label (r->document, r->para_label);
}

static gboolean
add_text (Reader      *r,
          const char  *text,
          GError     **error)
{
  if (r->run_hidden || in_instruction (r))
    return TRUE;

  ensure_block (r);
  return rst_import_document_add_text (r->document, text, -1, r->run_style, error);
}

static void
start_paragraph (Reader *r)
{
  Style style;

  r->in_paragraph = TRUE;
  g_clear_pointer (&r->para_label, g_free);
  r->mark_deleted = FALSE;

  resolve_style (r, r->default_style, &style);
  r->para_style = to_import_style (style.bold, style.italic);
  r->para_hidden = style.hidden > 0;
  r->para_align = style.align >= 0 ? style.align : RST_IMPORT_ALIGN_START;
  r->para_outline = style.outline > 0;
  g_free (style.num_id);

  if (r->table_depth > 0)
    {
      /* Paragraphs of one cell are one text. */
      if (r->cell_paragraphs++ > 0)
        rst_import_document_add_text (r->document, " ", 1, 0, NULL);
    }
}

/* w:pPr: the paragraph's style, alignment and list number. */
static gboolean
read_paragraph_properties (Reader  *r,
                           GError **error)
{
  Style direct, resolved;
  g_autofree char *style_id = NULL;
  RstImportXmlEvent event;
  guint depth = 1;
  gboolean in_rpr = FALSE;

  style_init (&direct);

  while (rst_import_xml_next (r->xml, &event, error))
    {
      if (event == RST_IMPORT_XML_END)
        {
          if (is_w (r, "rPr"))
            in_rpr = FALSE;
          if (--depth == 0)
            break;
          continue;
        }
      if (event != RST_IMPORT_XML_START)
        continue;

      depth++;
      if (is_w (r, "pStyle"))
        {
          g_free (style_id);
          style_id = get_val (r);
        }
      else if (is_w (r, "rPr"))
        in_rpr = TRUE;
      else if (in_rpr && (is_w (r, "del") || is_w (r, "moveFrom")))
        r->mark_deleted = TRUE;
      else if (is_w (r, "pPrChange") || is_w (r, "rPrChange") || is_w (r, "sectPr") || is_w (r, "tabs"))
        {
          if (!rst_import_xml_skip (r->xml, error))
            break;
          depth--;
        }
      /* The paragraph mark's own run properties style only the mark. */
      else if (!in_rpr)
        read_property (r, &direct, FALSE);
    }

  if (error != NULL && *error != NULL)
    {
      g_free (direct.num_id);
      return FALSE;
    }

  resolve_style (r, style_id != NULL ? style_id : r->default_style, &resolved);
  r->para_style = to_import_style (resolved.bold, resolved.italic);
  r->para_hidden = resolved.hidden > 0;
  r->para_align = direct.align >= 0 ? direct.align : resolved.align >= 0 ? resolved.align : RST_IMPORT_ALIGN_START;
  r->para_outline = direct.outline >= 0 ? direct.outline > 0 : resolved.outline > 0;

  {
    const char *num_id = direct.num_id != NULL ? direct.num_id : resolved.num_id;
    int ilvl = direct.ilvl >= 0 ? direct.ilvl : resolved.ilvl >= 0 ? resolved.ilvl : 0;

    /* numId 0 takes away the style's numbering. */
    if (num_id != NULL && !g_str_equal (num_id, "0") && r->table_depth == 0)
      r->para_label = rst_import_lists_next_label (r->lists, num_id, ilvl);
  }

  g_free (direct.num_id);
  g_free (resolved.num_id);
  return TRUE;
}

/* w:rPr of a run: its character style and direct formatting. */
static gboolean
read_run_properties (Reader  *r,
                     GError **error)
{
  Style direct, character;
  g_autofree char *style_id = NULL;
  RstImportXmlEvent event;
  guint depth = 1;

  style_init (&direct);

  while (rst_import_xml_next (r->xml, &event, error))
    {
      if (event == RST_IMPORT_XML_END)
        {
          if (--depth == 0)
            break;
          continue;
        }
      if (event != RST_IMPORT_XML_START)
        continue;

      depth++;
      if (is_w (r, "rStyle"))
        {
          g_free (style_id);
          style_id = get_val (r);
        }
      else if (is_w (r, "rPrChange"))
        {
          if (!rst_import_xml_skip (r->xml, error))
            break;
          depth--;
        }
      else
        read_property (r, &direct, TRUE);
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  style_init (&character);
  if (style_id != NULL)
    {
      const Style *style = g_hash_table_lookup (r->styles, style_id);

      /* A character style's chain, without the document defaults. */
      for (guint i = 0; style != NULL && i < MAX_STYLE_CHAIN; i++)
        {
          if (character.bold < 0)
            character.bold = style->bold;
          if (character.italic < 0)
            character.italic = style->italic;
          if (character.hidden < 0)
            character.hidden = style->hidden;
          style = style->based_on != NULL ? g_hash_table_lookup (r->styles, style->based_on) : NULL;
        }
    }

  {
    int bold = direct.bold >= 0 ? direct.bold : character.bold >= 0 ? character.bold :
               (r->para_style & RST_IMPORT_STYLE_BOLD) != 0;
    int italic = direct.italic >= 0 ? direct.italic : character.italic >= 0 ? character.italic :
                 (r->para_style & RST_IMPORT_STYLE_ITALIC) != 0;
    int hidden = direct.hidden >= 0 ? direct.hidden : character.hidden >= 0 ? character.hidden : r->para_hidden;

    r->run_style = to_import_style (bold, italic);
    r->run_hidden = hidden > 0;
  }

  return TRUE;
}

static void
end_paragraph (Reader *r)
{
  r->in_paragraph = FALSE;

  if (r->table_depth > 0)
    return;

  /* A deleted paragraph mark joins this paragraph to the next, as
   * accepting the change does.
   */
  if (r->mark_deleted)
    {
      r->merge_next = TRUE;
      return;
    }
  r->merge_next = FALSE;
  rst_import_document_end_block (r->document);
}

static gboolean
skip (Reader  *r,
      GError **error)
{
  return rst_import_xml_skip (r->xml, error);
}

/* document.xml's body, event by event. */
static gboolean
read_body (Reader  *r,
           GBytes  *bytes,
           GError **error)
{
  g_autoptr(RstImportXml) xml = rst_import_xml_new (bytes, error);
  RstImportXmlEvent event;
  gboolean in_body = FALSE;
  guint n = 0;

  if (xml == NULL)
    return FALSE;
  r->xml = xml;

  while (rst_import_xml_next (xml, &event, error))
    {
      if ((++n & 0xFFF) == 0 && g_cancellable_set_error_if_cancelled (r->cancellable, error))
        break;

      if (event == RST_IMPORT_XML_TEXT)
        {
          if (r->in_text && !add_text (r, rst_import_xml_get_text (xml), error))
            break;
          continue;
        }

      if (event == RST_IMPORT_XML_END)
        {
          if (is_w (r, "t"))
            r->in_text = FALSE;
          else if (is_w (r, "r"))
            {
              r->run_style = r->para_style;
              r->run_hidden = r->para_hidden;
            }
          else if (is_w (r, "p"))
            end_paragraph (r);
          else if (is_w (r, "tc"))
            r->cell++;
          else if (is_w (r, "tr") && r->table_depth == 1)
            rst_import_document_end_block (r->document);
          else if (is_w (r, "tbl") && r->table_depth > 0)
            r->table_depth--;
          else if (is_w (r, "body"))
            in_body = FALSE;
          continue;
        }

      /* Start events. */
      if (is_w (r, "body"))
        {
          in_body = TRUE;
          continue;
        }
      if (!in_body)
        continue;

      if (rst_import_xml_is (xml, NS_MC, "AlternateContent"))
        {
          if (!skip (r, error))
            break;
        }
      else if (is_w (r, "p"))
        {
          if (!r->merge_next && r->table_depth == 0)
            rst_import_document_end_block (r->document);
          start_paragraph (r);
        }
      else if (is_w (r, "pPr"))
        {
          if (!read_paragraph_properties (r, error))
            break;
          /* A joined paragraph keeps the first one's alignment and number. */
          if (!r->merge_next)
            ensure_block (r);
          r->run_style = r->para_style;
          r->run_hidden = r->para_hidden;
        }
      else if (is_w (r, "r"))
        {
          r->run_style = r->para_style;
          r->run_hidden = r->para_hidden;
        }
      else if (is_w (r, "rPr"))
        {
          if (!read_run_properties (r, error))
            break;
        }
      else if (is_w (r, "t"))
        r->in_text = TRUE;
      else if (is_w (r, "tab") || is_w (r, "ptab"))
        {
          if (!add_text (r, " ", error))
            break;
        }
      else if (is_w (r, "br"))
        {
          g_autofree char *type = rst_import_xml_get_attr (xml, r->ns, "type");

          /* A page break is layout, not a line of the statement. */
          if (type != NULL && !g_str_equal (type, "textWrapping"))
            {
              if (!add_text (r, " ", error))
                break;
            }
          else if (!r->run_hidden && !in_instruction (r) && r->table_depth == 0)
            {
              ensure_block (r);
              rst_import_document_add_break (r->document);
            }
        }
      else if (is_w (r, "cr"))
        {
          if (!r->run_hidden && !in_instruction (r) && r->table_depth == 0)
            {
              ensure_block (r);
              rst_import_document_add_break (r->document);
            }
        }
      else if (is_w (r, "noBreakHyphen"))
        {
          if (!add_text (r, "\u2011", error))
            break;
        }
      else if (is_w (r, "fldChar"))
        {
          g_autofree char *type = rst_import_xml_get_attr (xml, r->ns, "fldCharType");
          gboolean instruction = TRUE;

          if (g_strcmp0 (type, "begin") == 0)
            {
              /* A document is not a thousand fields deep. */
              if (r->fields->len < 64)
                g_array_append_val (r->fields, instruction);
            }
          else if (g_strcmp0 (type, "separate") == 0 && r->fields->len > 0)
            g_array_index (r->fields, gboolean, r->fields->len - 1) = FALSE;
          else if (g_strcmp0 (type, "end") == 0 && r->fields->len > 0)
            g_array_set_size (r->fields, r->fields->len - 1);
        }
      else if (is_w (r, "tbl"))
        {
          r->table_depth++;
          if (r->table_depth == 1)
            rst_import_document_end_block (r->document);
        }
      else if (is_w (r, "tr"))
        {
          if (r->table_depth == 1)
            {
              rst_import_document_begin_block (r->document, RST_IMPORT_ALIGN_START, FALSE);
              r->cell = 0;
            }
        }
      else if (is_w (r, "tc"))
        {
          r->cell_paragraphs = 0;
          if (r->cell > 0 && !rst_import_document_add_text (r->document, " | ", 3, 0, error))
            break;
        }
      /* Deleted text, field codes, footnote and comment anchors, pictures,
       * text boxes, math, and the properties of sections, tables and
       * content controls: nothing the speaker reads.
       */
      else if (is_w (r, "del") || is_w (r, "moveFrom") || is_w (r, "delText") || is_w (r, "instrText") ||
               is_w (r, "delInstrText") || is_w (r, "footnoteReference") || is_w (r, "endnoteReference") ||
               is_w (r, "commentReference") || is_w (r, "drawing") || is_w (r, "pict") ||
               is_w (r, "object") || is_w (r, "sym") || is_w (r, "sectPr") || is_w (r, "tblPr") ||
               is_w (r, "tblGrid") || is_w (r, "trPr") || is_w (r, "tcPr") || is_w (r, "sdtPr") ||
               is_w (r, "sdtEndPr") || is_w (r, "customXmlPr") ||
               g_strcmp0 (rst_import_xml_get_ns (xml), "http://schemas.openxmlformats.org/officeDocument/2006/math") == 0)
        {
          if (!skip (r, error))
            break;
        }
    }

  r->xml = NULL;
  if (error != NULL && *error != NULL)
    return FALSE;

  rst_import_document_end_block (r->document);
  return TRUE;
}

/* docProps/core.xml: Dublin Core. */
static void
read_core_properties (Reader *r,
                      GBytes *bytes)
{
  g_autoptr(RstImportXml) xml = rst_import_xml_new (bytes, NULL);
  RstImportXmlEvent event;

  /* Metadata is a help, never a reason to refuse the statement. */
  if (xml == NULL)
    return;

  while (rst_import_xml_next (xml, &event, NULL))
    {
      const char *key = NULL;

      if (event != RST_IMPORT_XML_START)
        continue;

      if (rst_import_xml_is (xml, NS_DC, "title"))
        key = RST_DETAIL_TITLE;
      else if (rst_import_xml_is (xml, NS_DC, "creator"))
        key = RST_IMPORT_META_AUTHOR;
      else if (rst_import_xml_is (xml, NS_DCTERMS, "created"))
        key = RST_DETAIL_DATE;
      else if (rst_import_xml_is (xml, NS_DC, "language"))
        key = RST_DETAIL_LANG;

      if (key != NULL)
        {
          g_autofree char *value = rst_import_xml_read_text (xml, NULL);

          rst_import_document_set_meta (r->document, key, value);
        }
    }
}

/* The target of @source's relationship whose type ends in @type, as a
 * part name: "word/styles.xml".
 */
static char *
find_relationship (RstZipReader *zip,
                   const char   *source,
                   const char   *type)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RstImportXml) xml = NULL;
  RstImportXmlEvent event;

  /* "word/document.xml" → "word/_rels/document.xml.rels". */
  folder = source[0] != '\0' ? g_path_get_dirname (source) : g_strdup (".");
  base = source[0] != '\0' ? g_path_get_basename (source) : g_strdup ("");
  rels = g_str_equal (folder, ".") ? g_strdup_printf ("_rels/%s.rels", base)
                                   : g_strdup_printf ("%s/_rels/%s.rels", folder, base);

  bytes = rst_zip_reader_read (zip, rels, NULL);
  if (bytes == NULL || (xml = rst_import_xml_new (bytes, NULL)) == NULL)
    return NULL;

  while (rst_import_xml_next (xml, &event, NULL))
    {
      g_autofree char *rel_type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;

      if (event != RST_IMPORT_XML_START || !g_str_equal (rst_import_xml_get_name (xml), "Relationship"))
        continue;

      rel_type = rst_import_xml_get_attr (xml, NULL, "Type");
      target = rst_import_xml_get_attr (xml, NULL, "Target");
      mode = rst_import_xml_get_attr (xml, NULL, "TargetMode");
      if (rel_type == NULL || target == NULL || !g_str_has_suffix (rel_type, type) ||
          g_strcmp0 (mode, "External") == 0)
        continue;

      if (target[0] == '/')
        return g_strdup (target + 1);
      if (g_str_equal (folder, "."))
        return g_steal_pointer (&target);
      {
        g_autofree char *joined = g_build_filename ("/", folder, target, NULL);
        g_autofree char *canonical = g_canonicalize_filename (joined, "/");

        return g_strdup (canonical + 1);
      }
    }

  return NULL;
}

gboolean
rst_docx_import_is (RstZipReader *zip)
{
  return rst_zip_reader_has (zip, "[Content_Types].xml") &&
         (rst_zip_reader_has (zip, "_rels/.rels") || rst_zip_reader_has (zip, "word/document.xml"));
}

static GBytes *
read_optional (RstZipReader  *zip,
               const char    *name,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  if (name == NULL)
    return NULL;

  bytes = rst_zip_reader_read (zip, name, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return bytes;
}

/* Which namespace the main part is written in. */
static const char *
detect_namespace (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, MIN (length, 4096), NS_W_STRICT) != NULL ? NS_W_STRICT : NS_W;
}

/**
 * rst_docx_import_read:
 *
 * Reads the main document of a WordprocessingML package into @document.
 */
gboolean
rst_docx_import_read (RstZipReader       *zip,
                      RstImportDocument  *document,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autofree char *main_part = find_relationship (zip, "", "/officeDocument");
  g_autofree char *core_part = find_relationship (zip, "", "/core-properties");
  g_autofree char *styles_part = NULL;
  g_autofree char *numbering_part = NULL;
  g_autoptr(GBytes) main_bytes = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) numbering = NULL;
  g_autoptr(GBytes) core = NULL;
  Reader r = { 0 };
  gboolean ok = FALSE;

  if (main_part == NULL)
    main_part = g_strdup ("word/document.xml");

  main_bytes = read_optional (zip, main_part, error);
  if (main_bytes == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_DOCUMENT,
                             _("it is a ZIP archive without a Word document in it"));
      return FALSE;
    }

  styles_part = find_relationship (zip, main_part, "/styles");
  numbering_part = find_relationship (zip, main_part, "/numbering");

  r.zip = zip;
  r.document = document;
  r.cancellable = cancellable;
  r.ns = detect_namespace (main_bytes);
  r.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  r.lists = rst_import_lists_new ();
  r.fields = g_array_new (FALSE, FALSE, sizeof (gboolean));
  style_init (&r.defaults);

  if ((styles = read_optional (zip, styles_part, error)) != NULL && !read_styles (&r, styles, error))
    goto out;
  if (error != NULL && *error != NULL)
    goto out;
  if ((numbering = read_optional (zip, numbering_part, error)) != NULL && !read_numbering (&r, numbering, error))
    goto out;
  if (error != NULL && *error != NULL)
    goto out;
  if ((core = read_optional (zip, core_part != NULL ? core_part : "docProps/core.xml", NULL)) != NULL)
    read_core_properties (&r, core);

  ok = read_body (&r, main_bytes, error);

out:
  g_hash_table_unref (r.styles);
  g_free (r.default_style);
  g_free (r.defaults.based_on);
  g_free (r.defaults.num_id);
  g_free (r.para_label);
  rst_import_lists_free (r.lists);
  g_array_unref (r.fields);

  return ok;
}
