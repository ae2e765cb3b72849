/* rst-odt-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rst-import.h"
#include "rst-import-list.h"
#include "rst-import-xml.h"
#include "rst-odt-import.h"

/* OpenDocument text (ODF 1.2/1.3), packaged (.odt) or flat (.fodt): the
 * same reader goes through styles.xml, content.xml and meta.xml, or the
 * one flat file that holds them all. Tracked changes are accepted (the
 * body holds the text with insertions; deletions live apart in
 * text:tracked-changes, which is skipped); comments, notes, frames,
 * indexes and hidden text are not read.
 */

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DRAW     "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define MIME_TEXT   "application/vnd.oasis.opendocument.text"

#define MAX_STYLE_CHAIN 16

typedef struct
{
  int   bold;
  int   italic;
  int   hidden;
  int   align;
  int   outline;
  char *parent;
  char *list_style;
} Style;

typedef struct
{
  char *style;     /* the list style */
  gboolean item_labelled;
} List;

typedef struct
{
  RstImportDocument *document;
  GCancellable      *cancellable;
  RstImportXml      *xml;

  GHashTable        *styles;      /* "P:name" / "T:name" → Style */
  Style             *style;       /* the style being read */
  Style              defaults;
  RstImportLists    *lists;
  char              *list_style;  /* the list style being read */

  char              *author;
  char              *creator;

  /* The text being read. */
  guint              paragraph_depth;
  GArray            *spans;       /* RstImportStyle of each open span */
  RstImportStyle     para_style;
  gboolean           para_hidden;
  GPtrArray         *list_stack;  /* List */
  gboolean           in_item;
  guint              table_depth;
  guint              cell;
  guint              cell_paragraphs;
} Reader;

static void
style_init (Style *style)
{
  memset (style, 0, sizeof *style);
  style->bold = style->italic = style->hidden = style->align = style->outline = -1;
}

static void
style_free (Style *style)
{
  g_free (style->parent);
  g_free (style->list_style);
  g_free (style);
}

static void
list_free (List *list)
{
  g_free (list->style);
  g_free (list);
}

static gboolean
is (Reader     *r,
    const char *ns,
    const char *name)
{
  return rst_import_xml_is (r->xml, ns, name);
}

static char *
attr (Reader     *r,
      const char *ns,
      const char *name)
{
  return rst_import_xml_get_attr (r->xml, ns, name);
}

static int
parse_weight (const char *value)
{
  if (value == NULL)
    return -1;
  return g_str_equal (value, "bold") || (g_ascii_isdigit (value[0]) && atoi (value) >= 600);
}

static int
parse_slant (const char *value)
{
  if (value == NULL)
    return -1;
  return g_str_equal (value, "italic") || g_str_equal (value, "oblique");
}

/* The Latin property, else the Asian or complex one: the text of a
 * statement is one script.
 */
static int
script_property (Reader     *r,
                 const char *latin,
                 const char *asian,
                 const char *complex,
                 int       (*parse) (const char *))
{
  g_autofree char *value = attr (r, NS_FO, latin);
  int parsed = parse (value);

  if (parsed < 0)
    {
      g_autofree char *other = attr (r, NS_STYLE, complex);

      parsed = parse (other);
    }
  if (parsed < 0)
    {
      g_autofree char *other = attr (r, NS_STYLE, asian);

      parsed = parse (other);
    }

  return parsed;
}

static void
read_text_properties (Reader *r,
                      Style  *style)
{
  g_autofree char *display = attr (r, NS_TEXT, "display");

  style->bold = script_property (r, "font-weight", "font-weight-asian", "font-weight-complex", parse_weight);
  style->italic = script_property (r, "font-style", "font-style-asian", "font-style-complex", parse_slant);
  if (display != NULL)
    style->hidden = g_str_equal (display, "none");
}

static void
read_paragraph_properties (Reader *r,
                           Style  *style)
{
  g_autofree char *align = attr (r, NS_FO, "text-align");

  if (align == NULL)
    return;
  if (g_str_equal (align, "center"))
    style->align = RST_IMPORT_ALIGN_CENTER;
  else if (g_str_equal (align, "end") || g_str_equal (align, "right"))
    style->align = RST_IMPORT_ALIGN_END;
  else if (g_str_equal (align, "justify"))
    style->align = RST_IMPORT_ALIGN_JUSTIFY;
  else
    style->align = RST_IMPORT_ALIGN_START;
}

static char *
style_key (const char *family,
           const char *name)
{
  return g_strdup_printf ("%c:%s", g_strcmp0 (family, "text") == 0 ? 'T' : 'P', name);
}

static void
start_style (Reader *r)
{
  g_autofree char *name = attr (r, NS_STYLE, "name");
  g_autofree char *family = attr (r, NS_STYLE, "family");
  g_autofree char *key = NULL;
  g_autofree char *outline = NULL;

  r->style = NULL;
  if (name == NULL || (g_strcmp0 (family, "paragraph") != 0 && g_strcmp0 (family, "text") != 0))
    return;

  key = style_key (family, name);
  if (g_hash_table_size (r->styles) > 100000)
    return;

  r->style = g_new0 (Style, 1);
  style_init (r->style);
  r->style->parent = attr (r, NS_STYLE, "parent-style-name");
  r->style->list_style = attr (r, NS_STYLE, "list-style-name");
  outline = attr (r, NS_STYLE, "default-outline-level");
  if (outline != NULL)
    r->style->outline = atoi (outline) > 0;
  /* content.xml's automatic styles come after styles.xml's, whose
   * names they may reuse for other things: the later one is the body's.
   */
  g_hash_table_replace (r->styles, g_steal_pointer (&key), r->style);
}

static void
read_list_level (Reader   *r,
                 gboolean  bullet)
{
  g_autofree char *level_text = attr (r, NS_TEXT, "level");
  guint level = level_text != NULL ? (guint) CLAMP (atoi (level_text), 1, RST_IMPORT_LIST_LEVELS) - 1 : 0;

  if (bullet)
    {
      rst_import_lists_set_format (r->lists, r->list_style, level, RST_IMPORT_LIST_BULLET);
      return;
    }

  {
    g_autofree char *format = attr (r, NS_STYLE, "num-format");
    g_autofree char *prefix = attr (r, NS_STYLE, "num-prefix");
    g_autofree char *suffix = attr (r, NS_STYLE, "num-suffix");
    g_autofree char *display = attr (r, NS_TEXT, "display-levels");
    g_autofree char *start = attr (r, NS_TEXT, "start-value");
    RstImportListFormat list_format = rst_import_list_format_from_odf (format);
    GString *template = g_string_new (prefix);
    guint shown = display != NULL ? (guint) CLAMP (atoi (display), 1, (int) level + 1) : 1;

    rst_import_lists_set_format (r->lists, r->list_style, level, list_format);
    if (list_format != RST_IMPORT_LIST_NONE)
      for (guint l = level + 1 - shown; l <= level; l++)
        g_string_append_printf (template, l < level ? "%%%u." : "%%%u", l + 1);
    if (suffix != NULL)
      g_string_append (template, suffix);
    rst_import_lists_set_template (r->lists, r->list_style, level, template->str);
    if (start != NULL)
      rst_import_lists_set_start (r->lists, r->list_style, level, atoi (start));
    g_string_free (template, TRUE);
  }
}

static void
resolve_style (Reader     *r,
               const char *family,
               const char *name,
               Style      *out)
{
  style_init (out);
  out->list_style = NULL;

  for (guint i = 0; name != NULL && i < MAX_STYLE_CHAIN; i++)
    {
      g_autofree char *key = style_key (family, name);
      const Style *style = g_hash_table_lookup (r->styles, key);

      if (style == NULL)
        break;
#define INHERIT(field) if (out->field < 0) out->field = style->field
      INHERIT (bold);
      INHERIT (italic);
      INHERIT (hidden);
      INHERIT (align);
      INHERIT (outline);
#undef INHERIT
      if (out->list_style == NULL && style->list_style != NULL && style->list_style[0] != '\0')
        out->list_style = style->list_style;
      name = style->parent;
    }

  if (g_strcmp0 (family, "paragraph") == 0)
    {
      if (out->bold < 0)
        out->bold = r->defaults.bold;
      if (out->italic < 0)
        out->italic = r->defaults.italic;
      if (out->align < 0)
        out->align = r->defaults.align;
    }
}

static RstImportStyle
current_style (Reader *r)
{
  return r->spans->len > 0 ? g_array_index (r->spans, RstImportStyle, r->spans->len - 1) : r->para_style;
}

static gboolean
span_hidden (Reader *r)
{
  /* Hidden spans are kept on the stack with this bit. */
  return (current_style (r) & (1 << 8)) != 0;
}

static gboolean
add_text (Reader      *r,
          const char  *text,
          GError     **error)
{
  if (r->paragraph_depth == 0 || r->para_hidden || span_hidden (r))
    return TRUE;

  return rst_import_document_add_text (r->document, text, -1, current_style (r) & 0xFF, error);
}

static void
start_paragraph (Reader   *r,
                 gboolean  heading)
{
  g_autofree char *name = attr (r, NS_TEXT, "style-name");
  Style style;

  resolve_style (r, "paragraph", name, &style);
  r->para_style = (style.bold > 0 ? RST_IMPORT_STYLE_BOLD : 0) | (style.italic > 0 ? RST_IMPORT_STYLE_ITALIC : 0);
  r->para_hidden = style.hidden > 0;
  g_array_set_size (r->spans, 0);

  if (r->table_depth > 0)
    {
      if (r->cell_paragraphs++ > 0)
        rst_import_document_add_text (r->document, " ", 1, 0, NULL);
      return;
    }

  rst_import_document_begin_block (r->document, style.align >= 0 ? style.align : RST_IMPORT_ALIGN_START,
                                   heading || style.outline > 0);

  /* The first paragraph of a list item carries the item's number. */
  if (r->in_item && r->list_stack->len > 0)
    {
      List *list = g_ptr_array_index (r->list_stack, r->list_stack->len - 1);
      const char *list_style = list->style != NULL ? list->style : style.list_style;

      if (!list->item_labelled && list_style != NULL)
        {
          g_autofree char *label = rst_import_lists_next_label (r->lists, list_style, r->list_stack->len - 1);

          rst_import_document_set_label (r->document, label);
        }
      list->item_labelled = TRUE;
    }
}

static void
start_span (Reader *r)
{
  g_autofree char *name = attr (r, NS_TEXT, "style-name");
  RstImportStyle style = current_style (r);
  Style text;

  resolve_style (r, "text", name, &text);
  if (text.bold >= 0)
    style = text.bold ? style | RST_IMPORT_STYLE_BOLD : style & ~RST_IMPORT_STYLE_BOLD;
  if (text.italic >= 0)
    style = text.italic ? style | RST_IMPORT_STYLE_ITALIC : style & ~RST_IMPORT_STYLE_ITALIC;
  if (text.hidden > 0)
    style |= 1 << 8;

  g_array_append_val (r->spans, style);
}

static void
start_list (Reader *r)
{
  g_autofree char *style = attr (r, NS_TEXT, "style-name");
  g_autofree char *continues = attr (r, NS_TEXT, "continue-numbering");
  g_autofree char *continue_list = attr (r, NS_TEXT, "continue-list");
  List *list = g_new0 (List, 1);

  /* Nested lists take the outer list's style at a deeper level. */
  if (style == NULL && r->list_stack->len > 0)
    style = g_strdup (((List *) g_ptr_array_index (r->list_stack, r->list_stack->len - 1))->style);
  list->style = g_steal_pointer (&style);

  if (r->list_stack->len == 0 && list->style != NULL &&
      g_strcmp0 (continues, "true") != 0 && continue_list == NULL)
    rst_import_lists_restart (r->lists, list->style);

  g_ptr_array_add (r->list_stack, list);
}

static void
start_item (Reader *r)
{
  g_autofree char *start = attr (r, NS_TEXT, "start-value");

  r->in_item = TRUE;
  if (r->list_stack->len > 0)
    {
      List *list = g_ptr_array_index (r->list_stack, r->list_stack->len - 1);

      list->item_labelled = FALSE;
      if (start != NULL && list->style != NULL)
        rst_import_lists_restart_at (r->lists, list->style, r->list_stack->len - 1, atoi (start));
    }
}

/* Elements whose contents are not read: what is not said (notes,
 * comments, deleted text, hidden text, frames and their text boxes,
 * generated indexes, declarations).
 */
static gboolean
is_skipped (Reader *r)
{
  static const char * const text_skipped[] = {
    "tracked-changes", "note", "ruby-text", "hidden-text", "sequence-decls", "variable-decls",
    "user-field-decls", "dde-connection-decls", "table-of-content", "alphabetical-index",
    "illustration-index", "table-index", "object-index", "user-index", "bibliography",
    "index-title-template", NULL
  };
  const char *ns = rst_import_xml_get_ns (r->xml);
  const char *name = rst_import_xml_get_name (r->xml);

  if (g_strcmp0 (ns, NS_DRAW) == 0)
    return TRUE;
  if (g_strcmp0 (ns, NS_OFFICE) == 0)
    return g_str_equal (name, "annotation") || g_str_equal (name, "forms") ||
           g_str_equal (name, "event-listeners") || g_str_equal (name, "settings") ||
           g_str_equal (name, "scripts") || g_str_equal (name, "master-styles");
  if (g_strcmp0 (ns, NS_TABLE) == 0)
    return g_str_equal (name, "table-column") || g_str_equal (name, "table-columns") ||
           g_str_equal (name, "covered-table-cell");
  if (g_strcmp0 (ns, NS_TEXT) == 0)
    for (guint i = 0; text_skipped[i] != NULL; i++)
      if (g_str_equal (name, text_skipped[i]))
        return TRUE;

  return FALSE;
}

static void
finish_meta (Reader *r)
{
  rst_import_document_set_meta (r->document, RST_IMPORT_META_AUTHOR, r->author != NULL ? r->author : r->creator);
}

static gboolean
read_meta_element (Reader *r)
{
  const char *key = NULL;
  char **store = NULL;
  g_autofree char *value = NULL;

  if (is (r, NS_DC, "title"))
    key = RST_DETAIL_TITLE;
  else if (is (r, NS_META, "creation-date"))
    key = RST_DETAIL_DATE;
  else if (is (r, NS_DC, "language"))
    key = RST_DETAIL_LANG;
  else if (is (r, NS_META, "initial-creator"))
    store = &r->author;
  else if (is (r, NS_DC, "creator"))
    store = &r->creator;
  else
    return FALSE;

  value = rst_import_xml_read_text (r->xml, NULL);
  if (key != NULL)
    rst_import_document_set_meta (r->document, key, value);
  else if (*store == NULL)
    *store = g_steal_pointer (&value);

  return TRUE;
}

/* One part (styles.xml, content.xml, meta.xml) or the flat file. */
static gboolean
read_part (Reader  *r,
           GBytes  *bytes,
           GError **error)
{
  g_autoptr(RstImportXml) xml = rst_import_xml_new (bytes, error);
  RstImportXmlEvent event;
  gboolean in_text = FALSE;
  gboolean in_meta = FALSE;
  gboolean in_styles = FALSE;
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
          if (in_text && !add_text (r, rst_import_xml_get_text (xml), error))
            break;
          continue;
        }

      if (event == RST_IMPORT_XML_END)
        {
          if (is (r, NS_TEXT, "p") || is (r, NS_TEXT, "h"))
            {
              if (r->paragraph_depth > 0 && --r->paragraph_depth == 0 && r->table_depth == 0)
                rst_import_document_end_block (r->document);
            }
          else if (is (r, NS_TEXT, "span") || is (r, NS_TEXT, "a"))
            {
              if (r->spans->len > 0)
                g_array_set_size (r->spans, r->spans->len - 1);
            }
          else if (is (r, NS_TEXT, "list"))
            {
              if (r->list_stack->len > 0)
                g_ptr_array_set_size (r->list_stack, r->list_stack->len - 1);
            }
          else if (is (r, NS_TEXT, "list-item") || is (r, NS_TEXT, "list-header"))
            r->in_item = FALSE;
          else if (is (r, NS_TABLE, "table-cell"))
            r->cell++;
          else if (is (r, NS_TABLE, "table-row") && r->table_depth == 1)
            rst_import_document_end_block (r->document);
          else if (is (r, NS_TABLE, "table") && r->table_depth > 0)
            r->table_depth--;
          else if (is (r, NS_STYLE, "style") || is (r, NS_STYLE, "default-style"))
            r->style = NULL;
          else if (is (r, NS_TEXT, "list-style"))
            g_clear_pointer (&r->list_style, g_free);
          else if (is (r, NS_OFFICE, "text"))
            in_text = FALSE;
          else if (is (r, NS_OFFICE, "meta"))
            in_meta = FALSE;
          else if (is (r, NS_OFFICE, "styles") || is (r, NS_OFFICE, "automatic-styles"))
            in_styles = FALSE;
          continue;
        }

      /* Start events. */
      if (in_meta)
        {
          read_meta_element (r);
          continue;
        }

      if (in_styles)
        {
          if (is (r, NS_STYLE, "style"))
            start_style (r);
          else if (is (r, NS_STYLE, "default-style"))
            {
              g_autofree char *family = attr (r, NS_STYLE, "family");

              r->style = g_strcmp0 (family, "paragraph") == 0 ? &r->defaults : NULL;
            }
          else if (is (r, NS_STYLE, "text-properties") && r->style != NULL)
            read_text_properties (r, r->style);
          else if (is (r, NS_STYLE, "paragraph-properties") && r->style != NULL)
            read_paragraph_properties (r, r->style);
          else if (is (r, NS_TEXT, "list-style"))
            {
              g_free (r->list_style);
              r->list_style = attr (r, NS_STYLE, "name");
            }
          else if (r->list_style != NULL && is (r, NS_TEXT, "list-level-style-number"))
            read_list_level (r, FALSE);
          else if (r->list_style != NULL && (is (r, NS_TEXT, "list-level-style-bullet") ||
                                             is (r, NS_TEXT, "list-level-style-image")))
            read_list_level (r, TRUE);
          continue;
        }

      if (is (r, NS_OFFICE, "meta"))
        in_meta = TRUE;
      else if (is (r, NS_OFFICE, "styles") || is (r, NS_OFFICE, "automatic-styles"))
        in_styles = TRUE;
      else if (is (r, NS_OFFICE, "text"))
        in_text = TRUE;
      else if (!in_text)
        continue;
      else if (is_skipped (r))
        {
          if (!rst_import_xml_skip (xml, error))
            break;
        }
      else if (is (r, NS_TEXT, "p") || is (r, NS_TEXT, "h"))
        {
          /* A paragraph inside a paragraph is in something skipped; be
           * safe with damaged files all the same.
           */
          if (r->paragraph_depth++ == 0)
            start_paragraph (r, is (r, NS_TEXT, "h"));
        }
      else if (is (r, NS_TEXT, "span") || is (r, NS_TEXT, "a"))
        start_span (r);
      else if (is (r, NS_TEXT, "s") || is (r, NS_TEXT, "tab"))
        {
          if (!add_text (r, " ", error))
            break;
        }
      else if (is (r, NS_TEXT, "line-break"))
        {
          if (r->paragraph_depth > 0 && r->table_depth == 0 && !r->para_hidden)
            rst_import_document_add_break (r->document);
          else if (!add_text (r, " ", error))
            break;
        }
      else if (is (r, NS_TEXT, "number"))
        {
          /* The label as the application rendered it. */
          g_autofree char *label = rst_import_xml_read_text (xml, error);

          if (label == NULL)
            break;
          g_strstrip (label);
          if (r->paragraph_depth > 0 && r->table_depth == 0)
            rst_import_document_set_label (r->document, label);
        }
      else if (is (r, NS_TEXT, "list"))
        start_list (r);
      else if (is (r, NS_TEXT, "list-item"))
        start_item (r);
      else if (is (r, NS_TEXT, "list-header"))
        {
          r->in_item = FALSE;
          if (r->list_stack->len > 0)
            ((List *) g_ptr_array_index (r->list_stack, r->list_stack->len - 1))->item_labelled = TRUE;
        }
      else if (is (r, NS_TABLE, "table"))
        {
          if (r->table_depth++ == 0)
            rst_import_document_end_block (r->document);
        }
      else if (is (r, NS_TABLE, "table-row"))
        {
          if (r->table_depth == 1)
            {
              rst_import_document_begin_block (r->document, RST_IMPORT_ALIGN_START, FALSE);
              r->cell = 0;
            }
        }
      else if (is (r, NS_TABLE, "table-cell"))
        {
          r->cell_paragraphs = 0;
          if (r->cell > 0 && !rst_import_document_add_text (r->document, " | ", 3, 0, error))
            break;
        }
    }

  r->xml = NULL;
  return error == NULL || *error == NULL;
}

static void
reader_init (Reader            *r,
             RstImportDocument *document,
             GCancellable      *cancellable)
{
  memset (r, 0, sizeof *r);
  r->document = document;
  r->cancellable = cancellable;
  r->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  r->lists = rst_import_lists_new ();
  r->spans = g_array_new (FALSE, FALSE, sizeof (RstImportStyle));
  r->list_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  style_init (&r->defaults);
}

static void
reader_clear (Reader *r)
{
  finish_meta (r);
  rst_import_document_end_block (r->document);
  g_hash_table_unref (r->styles);
  rst_import_lists_free (r->lists);
  g_array_unref (r->spans);
  g_ptr_array_unref (r->list_stack);
  g_free (r->list_style);
  g_free (r->author);
  g_free (r->creator);
}

/* META-INF/manifest.xml lists encryption data for each encrypted part. */
static gboolean
is_encrypted (RstZipReader *zip)
{
  g_autoptr(GBytes) bytes = rst_zip_reader_read (zip, "META-INF/manifest.xml", NULL);
  g_autoptr(RstImportXml) xml = NULL;
  RstImportXmlEvent event;

  if (bytes == NULL || (xml = rst_import_xml_new (bytes, NULL)) == NULL)
    return FALSE;

  while (rst_import_xml_next (xml, &event, NULL))
    if (event == RST_IMPORT_XML_START && rst_import_xml_is (xml, NS_MANIFEST, "encryption-data"))
      return TRUE;

  return FALSE;
}

/**
 * rst_odt_import_is:
 *
 * Returns: whether @zip is an OpenDocument package; %FALSE with @error
 *   set when it is one but not a text (a spreadsheet) or is encrypted
 */
gboolean
rst_odt_import_is (RstZipReader  *zip,
                   GError       **error)
{
  g_autoptr(GBytes) mimetype = NULL;

  if (!rst_zip_reader_has (zip, "mimetype") && !rst_zip_reader_has (zip, "content.xml"))
    return FALSE;

  mimetype = rst_zip_reader_read (zip, "mimetype", NULL);
  if (mimetype != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (mimetype, &length);

      if (length >= strlen (MIME_TEXT) && memcmp (data, MIME_TEXT, strlen (MIME_TEXT)) == 0)
        ;
      else if (length >= 35 && memcmp (data, "application/vnd.oasis.opendocument.", 35) == 0)
        {
          g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_UNSUPPORTED,
                               _("it is an OpenDocument file but not a text document; save the statement as a text document (.odt)"));
          return FALSE;
        }
      else if (!rst_zip_reader_has (zip, "content.xml"))
        return FALSE;
    }

  if (is_encrypted (zip))
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED,
                           _("it is protected by a password; remove the password in your word processor and save it again"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rst_odt_import_read (RstZipReader       *zip,
                     RstImportDocument  *document,
                     GCancellable       *cancellable,
                     GError            **error)
{
  static const char * const parts[] = { "meta.xml", "styles.xml", "content.xml" };
  Reader r;
  gboolean ok = TRUE;

  if (!rst_zip_reader_has (zip, "content.xml"))
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_DOCUMENT,
                           _("it is a ZIP archive without an OpenDocument text in it"));
      return FALSE;
    }

  reader_init (&r, document, cancellable);

  for (guint i = 0; ok && i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = rst_zip_reader_read (zip, parts[i], &local_error);
      gboolean required = g_str_equal (parts[i], "content.xml");

      if (bytes == NULL)
        {
          if (required || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
          continue;
        }

      /* Damaged metadata or styles still leave the text to read. */
      if (!read_part (&r, bytes, required ? error : NULL) && required)
        ok = FALSE;
      r.paragraph_depth = 0;
      r.table_depth = 0;
      g_array_set_size (r.spans, 0);
      g_ptr_array_set_size (r.list_stack, 0);
      r.style = NULL;
    }

  reader_clear (&r);
  return ok;
}

gboolean
rst_odt_import_read_flat (GBytes             *bytes,
                          RstImportDocument  *document,
                          GCancellable       *cancellable,
                          GError            **error)
{
  Reader r;
  gboolean ok;

  reader_init (&r, document, cancellable);
  ok = read_part (&r, bytes, error);
  reader_clear (&r);

  return ok;
}
