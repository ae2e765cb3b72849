/* rst-html-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "rst-html-import.h"
#include "rst-import.h"
#include "rst-import-list.h"

/* A web page or what a browser, Word or Google Docs puts on the
 * clipboard: libxml2's HTML parser (no network), then the tree walked
 * with the block elements as paragraphs, <b>/<strong> and
 * font-weight as bold, <i>/<em> and font-style as italic, <br> as a line
 * break, lists numbered, table rows flattened, and scripts, styles,
 * forms and footnote blocks left out.
 */

typedef struct
{
  RstImportDocument *document;
  GCancellable      *cancellable;
  guint              n_nodes;
  guint              table_depth;
  guint              cell;
  GError           **error;
  gboolean           failed;
} Walker;

static gboolean
name_is (xmlNodePtr  node,
         const char *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNodePtr          node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* One declaration of an inline style="…": "font-weight: 700". */
static char *
style_value (xmlNodePtr  node,
             const char *property)
{
  g_autofree char *style = get_attr (node, "style");
  g_auto(GStrv) declarations = NULL;

  if (style == NULL)
    return NULL;

  declarations = g_strsplit (style, ";", 64);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (g_ascii_strcasecmp (g_strstrip (declarations[i]), property) == 0)
        return g_ascii_strdown (g_strstrip (colon + 1), -1);
    }

  return NULL;
}

static RstImportStyle
node_style (xmlNodePtr     node,
            RstImportStyle style)
{
  static const char * const bold[] = { "b", "strong", NULL };
  static const char * const italic[] = { "i", "em", "cite", "dfn", NULL };
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL };
  g_autofree char *weight = style_value (node, "font-weight");
  g_autofree char *slant = style_value (node, "font-style");

  if (name_in (node, bold) || name_in (node, headings))
    style |= RST_IMPORT_STYLE_BOLD;
  if (name_in (node, italic))
    style |= RST_IMPORT_STYLE_ITALIC;

  /* Google Docs wraps everything in <b style="font-weight:normal">. */
  if (weight != NULL)
    {
      if (g_str_equal (weight, "bold") || g_str_equal (weight, "bolder") ||
          (g_ascii_isdigit (weight[0]) && atoi (weight) >= 600))
        style |= RST_IMPORT_STYLE_BOLD;
      else if (g_str_equal (weight, "normal") || g_str_equal (weight, "lighter") ||
               (g_ascii_isdigit (weight[0]) && atoi (weight) < 600))
        style &= ~RST_IMPORT_STYLE_BOLD;
    }
  if (slant != NULL)
    {
      if (g_str_equal (slant, "italic") || g_str_equal (slant, "oblique"))
        style |= RST_IMPORT_STYLE_ITALIC;
      else if (g_str_equal (slant, "normal"))
        style &= ~RST_IMPORT_STYLE_ITALIC;
    }

  return style;
}

static RstImportAlign
node_align (xmlNodePtr node)
{
  g_autofree char *align = get_attr (node, "align");
  g_autofree char *text_align = style_value (node, "text-align");
  const char *value = text_align != NULL ? text_align : align;

  if (name_is (node, "center"))
    return RST_IMPORT_ALIGN_CENTER;
  if (value == NULL)
    return RST_IMPORT_ALIGN_START;
  if (g_ascii_strcasecmp (value, "center") == 0)
    return RST_IMPORT_ALIGN_CENTER;
  if (g_ascii_strcasecmp (value, "right") == 0 || g_ascii_strcasecmp (value, "end") == 0)
    return RST_IMPORT_ALIGN_END;
  if (g_ascii_strcasecmp (value, "justify") == 0)
    return RST_IMPORT_ALIGN_JUSTIFY;
  return RST_IMPORT_ALIGN_START;
}

/* Not read: code, forms, media, and the footnote and comment blocks
 * Word writes into its HTML.
 */
static gboolean
is_skipped (xmlNodePtr node)
{
  static const char * const skipped[] = {
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "button", "textarea", "input", "nav", NULL
  };
  g_autofree char *element = NULL;
  g_autofree char *href = NULL;

  if (name_in (node, skipped))
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;

  element = style_value (node, "mso-element");
  if (element != NULL && (g_str_has_prefix (element, "footnote") || g_str_has_prefix (element, "endnote") ||
                          g_str_has_prefix (element, "comment")))
    return TRUE;
  {
    g_autofree char *display = style_value (node, "display");

    if (display != NULL && g_str_equal (display, "none"))
      return TRUE;
  }

  /* Word's footnote and comment calls: <a href="#_ftn1">. */
  href = name_is (node, "a") ? get_attr (node, "href") : NULL;
  return href != NULL && (g_str_has_prefix (href, "#_ftn") || g_str_has_prefix (href, "#_edn") ||
                          g_str_has_prefix (href, "#_msocom"));
}

static gboolean
is_block (xmlNodePtr node)
{
  static const char * const blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "address",
    "center", "dt", "dd", "figcaption", "caption", "section", "article", "header", "footer",
    "main", "aside", "body", "ul", "ol", "dl", "table", "hr", "form", "fieldset", "title", NULL
  };

  return name_in (node, blocks);
}

static void walk (Walker *w, xmlNodePtr node, RstImportStyle style, guint depth);

static void
walk_children (Walker         *w,
               xmlNodePtr      node,
               RstImportStyle  style,
               guint           depth)
{
  for (xmlNodePtr child = node->children; child != NULL && !w->failed; child = child->next)
    walk (w, child, style, depth + 1);
}

static void
walk_list (Walker         *w,
           xmlNodePtr      list,
           RstImportStyle  style,
           guint           depth)
{
  g_autofree char *start_text = get_attr (list, "start");
  g_autofree char *type = get_attr (list, "type");
  gboolean ordered = name_is (list, "ol");
  int n = start_text != NULL ? atoi (start_text) : 1;

  for (xmlNodePtr child = list->children; child != NULL && !w->failed; child = child->next)
    {
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if (child->type != XML_ELEMENT_NODE || !name_is (child, "li") || is_skipped (child))
        {
          walk (w, child, style, depth + 1);
          continue;
        }

      value = get_attr (child, "value");
      if (value != NULL)
        n = atoi (value);
      if (ordered)
        {
          RstImportListFormat format = RST_IMPORT_LIST_DECIMAL;
          g_autofree char *number = NULL;

          if (type != NULL)
            format = g_str_equal (type, "a") ? RST_IMPORT_LIST_LOWER_LETTER :
                     g_str_equal (type, "A") ? RST_IMPORT_LIST_UPPER_LETTER :
                     g_str_equal (type, "i") ? RST_IMPORT_LIST_LOWER_ROMAN :
                     g_str_equal (type, "I") ? RST_IMPORT_LIST_UPPER_ROMAN : RST_IMPORT_LIST_DECIMAL;
          number = rst_import_list_format_number (format, CLAMP (n, 0, 100000));
          label = g_strconcat (number, ".", NULL);
          n++;
        }
      else
        label = g_strdup ("-");

      rst_import_document_begin_block (w->document, node_align (child), FALSE);
      rst_import_document_set_label (w->document, label);
      walk_children (w, child, node_style (child, style), depth + 1);
      rst_import_document_end_block (w->document);
    }
}

static void
walk (Walker         *w,
      xmlNodePtr      node,
      RstImportStyle  style,
      guint           depth)
{
  if (w->failed)
    return;

  /* libxml2 limits the tree's depth as it parses; this is a second
   * guard for the recursion.
   */
  if (depth > RST_IMPORT_MAX_XML_DEPTH)
    return;

  if ((++w->n_nodes & 0xFFF) == 0 && g_cancellable_set_error_if_cancelled (w->cancellable, w->error))
    {
      w->failed = TRUE;
      return;
    }

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL &&
          !rst_import_document_add_text (w->document, (const char *) node->content, -1, style, w->error))
        w->failed = TRUE;
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (is_skipped (node))
    return;

  style = node_style (node, style);

  if (name_is (node, "br"))
    {
      if (w->table_depth > 0)
        rst_import_document_add_text (w->document, " ", 1, 0, NULL);
      else
        rst_import_document_add_break (w->document);
      return;
    }

  if (name_is (node, "sup"))
    {
      /* A footnote call: a number alone in superscript. */
      g_autofree char *text = (char *) xmlNodeGetContent (node);

      if (text != NULL && strspn (g_strstrip (text), "0123456789[]()*") == strlen (text))
        return;
    }

  if (name_is (node, "ol") || name_is (node, "ul"))
    {
      if (w->table_depth > 0)
        walk_children (w, node, style, depth);
      else
        {
          rst_import_document_end_block (w->document);
          walk_list (w, node, style, depth);
        }
      return;
    }

  if (name_is (node, "table"))
    {
      if (w->table_depth++ == 0)
        rst_import_document_end_block (w->document);
      walk_children (w, node, style, depth);
      w->table_depth--;
      return;
    }

  if (name_is (node, "tr"))
    {
      if (w->table_depth == 1)
        {
          rst_import_document_begin_block (w->document, RST_IMPORT_ALIGN_START, FALSE);
          w->cell = 0;
          walk_children (w, node, style, depth);
          rst_import_document_end_block (w->document);
        }
      else
        walk_children (w, node, style, depth);
      return;
    }

  if (name_is (node, "td") || name_is (node, "th"))
    {
      if (w->table_depth > 0 && w->cell++ > 0)
        rst_import_document_add_text (w->document, " | ", 3, 0, NULL);
      walk_children (w, node, style, depth);
      return;
    }

  if (w->table_depth > 0)
    {
      /* Blocks inside a cell are the cell's text. */
      walk_children (w, node, style, depth);
      rst_import_document_add_text (w->document, " ", 1, 0, NULL);
      return;
    }

  if (is_block (node))
    {
      static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

      rst_import_document_end_block (w->document);
      if (name_is (node, "hr"))
        return;
      rst_import_document_begin_block (w->document, node_align (node), name_in (node, headings));
      walk_children (w, node, style, depth);
      rst_import_document_end_block (w->document);
      return;
    }

  walk_children (w, node, style, depth);
}

static void
read_metadata (htmlDocPtr         doc,
               RstImportDocument *document)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return;

  {
    g_autofree char *lang = get_attr (root, "lang");

    rst_import_document_set_meta (document, RST_DETAIL_LANG, lang);
  }

  for (xmlNodePtr head = root->children; head != NULL; head = head->next)
    {
      if (head->type != XML_ELEMENT_NODE || !name_is (head, "head"))
        continue;

      for (xmlNodePtr node = head->children; node != NULL; node = node->next)
        {
          g_autofree char *name = NULL;
          g_autofree char *content = NULL;

          if (node->type != XML_ELEMENT_NODE)
            continue;

          if (name_is (node, "title"))
            {
              g_autofree char *title = (char *) xmlNodeGetContent (node);

              rst_import_document_set_meta (document, RST_DETAIL_TITLE, title);
              continue;
            }
          if (!name_is (node, "meta"))
            continue;

          name = get_attr (node, "name");
          content = get_attr (node, "content");
          if (name == NULL || content == NULL)
            continue;
          if (g_ascii_strcasecmp (name, "author") == 0 || g_ascii_strcasecmp (name, "dc.creator") == 0)
            rst_import_document_set_meta (document, RST_IMPORT_META_AUTHOR, content);
          else if (g_ascii_strcasecmp (name, "date") == 0 || g_ascii_strcasecmp (name, "dc.date") == 0 ||
                   g_ascii_strcasecmp (name, "dcterms.date") == 0 || g_ascii_strcasecmp (name, "created") == 0)
            rst_import_document_set_meta (document, RST_DETAIL_DATE, content);
          else if (g_ascii_strcasecmp (name, "dc.language") == 0)
            rst_import_document_set_meta (document, RST_DETAIL_LANG, content);
        }
    }
}

/**
 * rst_html_import_read:
 * @encoding: (nullable): the encoding when known (a paste is UTF-8);
 *   %NULL to follow the page's <meta charset>
 */
gboolean
rst_html_import_read (const char         *data,
                      gsize               length,
                      const char         *encoding,
                      RstImportDocument  *document,
                      GCancellable       *cancellable,
                      GError            **error)
{
  htmlDocPtr doc;
  xmlNodePtr root;
  Walker w = { document, cancellable, 0, 0, 0, error, FALSE };

  if (length > RST_IMPORT_MAX_FILE_SIZE || length > G_MAXINT)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                           _("it is too large to be a statement"));
      return FALSE;
    }

  doc = htmlReadMemory (data, (int) length, NULL, encoding,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED,
                           _("it is damaged: its HTML cannot be read"));
      return FALSE;
    }

  read_metadata (doc, document);
  root = xmlDocGetRootElement (doc);
  if (root != NULL)
    walk (&w, root, 0, 0);
  rst_import_document_end_block (document);
  xmlFreeDoc (doc);

  return !w.failed;
}
