/* rst-import-xml.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-import.h"
#include "rst-import-xml.h"

struct _RstImportXml
{
  xmlTextReaderPtr  reader;
  GBytes           *bytes;
  char             *problem;
  /* An empty element is reported as a start and then an end. */
  gboolean          pending_end;
};

/* libxml2 2.12 made the error const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *ErrorPtr;
#else
typedef xmlErrorPtr ErrorPtr;
#endif

static void
on_error (void     *user_data,
          ErrorPtr  error)
{
  RstImportXml *self = user_data;

  if (self->problem == NULL && error != NULL && error->message != NULL)
    self->problem = g_strstrip (g_strdup (error->message));
}

/* Office parts never have a document type declaration; one is how
 * entity bombs and external entities get in, so none is read at all.
 */
static gboolean
has_doctype (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL || lt + 1 >= end)
        return FALSE;
      if (lt[1] == '?' || (lt + 3 < end && memcmp (lt, "<!--", 4) == 0))
        {
          const char *close = g_strstr_len (lt, end - lt, lt[1] == '?' ? "?>" : "-->");

          if (close == NULL)
            return FALSE;
          p = close + 2;
          continue;
        }
      return lt[1] == '!';
    }

  return FALSE;
}

static void
set_damaged (GError     **error,
             const char  *problem)
{
  g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED,
               _("it is damaged: its XML cannot be read (%s)"), problem != NULL ? problem : "?");
}

/**
 * rst_import_xml_new:
 *
 * Returns: (transfer full) (nullable): a reader over @bytes
 */
RstImportXml *
rst_import_xml_new (GBytes  *bytes,
                    GError **error)
{
  RstImportXml *self;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                           _("it is too large to be a statement"));
      return NULL;
    }

  if (data != NULL && has_doctype (data, length))
    {
      set_damaged (error, "a document type declaration");
      return NULL;
    }

  self = g_new0 (RstImportXml, 1);
  self->bytes = g_bytes_ref (bytes);
  self->reader = xmlReaderForMemory (data != NULL ? data : "", (int) length, NULL, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (self->reader == NULL)
    {
      rst_import_xml_free (self);
      set_damaged (error, NULL);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, on_error, self);

  return self;
}

void
rst_import_xml_free (RstImportXml *self)
{
  if (self == NULL)
    return;

  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  g_bytes_unref (self->bytes);
  g_free (self->problem);
  g_free (self);
}

/**
 * rst_import_xml_next:
 * @event: (out): what was read
 *
 * Returns: %TRUE for a node, %FALSE at the end (@error unset) or on an
 *   error
 */
gboolean
rst_import_xml_next (RstImportXml       *self,
                     RstImportXmlEvent  *event,
                     GError            **error)
{
  if (self->pending_end)
    {
      self->pending_end = FALSE;
      *event = RST_IMPORT_XML_END;
      return TRUE;
    }

  for (;;)
    {
      int status = xmlTextReaderRead (self->reader);
      int type;

      if (status == 0)
        {
          if (self->problem != NULL)
            {
              set_damaged (error, self->problem);
              return FALSE;
            }
          return FALSE;
        }
      if (status < 0)
        {
          set_damaged (error, self->problem);
          return FALSE;
        }

      if (xmlTextReaderDepth (self->reader) > RST_IMPORT_MAX_XML_DEPTH)
        {
          g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                               _("it is damaged: its XML is nested too deeply"));
          return FALSE;
        }

      type = xmlTextReaderNodeType (self->reader);
      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          *event = RST_IMPORT_XML_START;
          self->pending_end = xmlTextReaderIsEmptyElement (self->reader) == 1;
          return TRUE;

        case XML_READER_TYPE_END_ELEMENT:
          *event = RST_IMPORT_XML_END;
          return TRUE;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          *event = RST_IMPORT_XML_TEXT;
          return TRUE;

        default:
          /* Comments, processing instructions, entity references (left
           * unexpanded).
           */
          break;
        }
    }
}

/**
 * rst_import_xml_skip:
 *
 * After a start event: passes over the element's contents, its end
 * included.
 */
gboolean
rst_import_xml_skip (RstImportXml  *self,
                     GError       **error)
{
  RstImportXmlEvent event;
  guint depth = 1;

  if (self->pending_end)
    {
      self->pending_end = FALSE;
      return TRUE;
    }

  while (rst_import_xml_next (self, &event, error))
    {
      if (event == RST_IMPORT_XML_START)
        depth++;
      else if (event == RST_IMPORT_XML_END && --depth == 0)
        return TRUE;
    }

  /* The end of the input inside an element: damaged. */
  if (error != NULL && *error == NULL)
    set_damaged (error, self->problem);
  return FALSE;
}

gboolean
rst_import_xml_is (RstImportXml *self,
                   const char   *ns,
                   const char   *name)
{
  const char *local = (const char *) xmlTextReaderConstLocalName (self->reader);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (self->reader);

  return local != NULL && strcmp (local, name) == 0 && g_strcmp0 (uri, ns) == 0;
}

const char *
rst_import_xml_get_name (RstImportXml *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

const char *
rst_import_xml_get_ns (RstImportXml *self)
{
  return (const char *) xmlTextReaderConstNamespaceUri (self->reader);
}

/* Returns: (transfer none): the text of a text event */
const char *
rst_import_xml_get_text (RstImportXml *self)
{
  const char *value = (const char *) xmlTextReaderConstValue (self->reader);

  return value != NULL ? value : "";
}

/* Returns: (transfer full) (nullable): the attribute's value */
char *
rst_import_xml_get_attr (RstImportXml *self,
                         const char   *ns,
                         const char   *name)
{
  xmlChar *value = ns != NULL ?
    xmlTextReaderGetAttributeNs (self->reader, (const xmlChar *) name, (const xmlChar *) ns) :
    xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

/* A WordprocessingML on/off property: <w:b/>, <w:b w:val="0"/> … */
gboolean
rst_import_xml_attr_is_on (RstImportXml *self,
                           const char   *ns,
                           const char   *name,
                           gboolean      absent)
{
  g_autofree char *value = rst_import_xml_get_attr (self, ns, name);

  if (value == NULL)
    return absent;

  return !(g_str_equal (value, "0") || g_str_equal (value, "false") || g_str_equal (value, "off") ||
           g_str_equal (value, "none") || g_str_equal (value, "normal"));
}

guint
rst_import_xml_get_depth (RstImportXml *self)
{
  return (guint) MAX (xmlTextReaderDepth (self->reader), 0);
}

/**
 * rst_import_xml_read_text:
 *
 * After a start event: the text of the element and its descendants,
 * its end included.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
rst_import_xml_read_text (RstImportXml  *self,
                          GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  RstImportXmlEvent event;
  guint depth = 1;

  if (self->pending_end)
    {
      self->pending_end = FALSE;
      return g_strdup ("");
    }

  while (rst_import_xml_next (self, &event, error))
    {
      if (event == RST_IMPORT_XML_START)
        depth++;
      else if (event == RST_IMPORT_XML_END && --depth == 0)
        return g_string_free (g_steal_pointer (&text), FALSE);
      else if (event == RST_IMPORT_XML_TEXT && text->len < 64 * 1024)
        g_string_append (text, rst_import_xml_get_text (self));
    }

  if (error != NULL && *error == NULL)
    set_damaged (error, self->problem);
  return NULL;
}
