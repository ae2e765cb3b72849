/* rst-xml-part.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "rst-text-file.h"
#include "rst-xml-part.h"

struct _RstXmlPart
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
};

RstXmlPart *
rst_xml_part_new (void)
{
  RstXmlPart *self = g_new0 (RstXmlPart, 1);

  self->buffer = xmlBufferCreate ();
  self->writer = xmlNewTextWriterMemory (self->buffer, 0);
  if (self->writer == NULL ||
      xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", "yes") < 0)
    self->failed = TRUE;

  return self;
}

void
rst_xml_part_free (RstXmlPart *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_pointer (&self->buffer, xmlBufferFree);
  g_free (self);
}

static void
check (RstXmlPart *self,
       int         result)
{
  if (result < 0)
    self->failed = TRUE;
}

void
rst_xml_part_start (RstXmlPart *self,
                    const char *name)
{
  if (!self->failed)
    check (self, xmlTextWriterStartElement (self->writer, (const xmlChar *) name));
}

void
rst_xml_part_attr (RstXmlPart *self,
                   const char *name,
                   const char *value)
{
  g_autofree char *clean = NULL;

  if (self->failed || value == NULL)
    return;

  /* XML refuses control characters even escaped: Word and LibreOffice
   * would reject the whole file.
   */
  clean = rst_text_strip_controls (value, -1, FALSE);
  check (self, xmlTextWriterWriteAttribute (self->writer, (const xmlChar *) name,
                                            (const xmlChar *) clean));
}

void
rst_xml_part_attr_printf (RstXmlPart *self,
                          const char *name,
                          const char *format,
                          ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);

  rst_xml_part_attr (self, name, value);
}

void
rst_xml_part_text (RstXmlPart *self,
                   const char *text,
                   gssize      len)
{
  g_autofree char *clean = NULL;

  if (self->failed || text == NULL)
    return;

  /* The last line of defence: whatever reaches the XML is allowed in it. */
  clean = rst_text_strip_controls (text, len, TRUE);
  check (self, xmlTextWriterWriteString (self->writer, (const xmlChar *) clean));
}

void
rst_xml_part_end (RstXmlPart *self)
{
  if (!self->failed)
    check (self, xmlTextWriterEndElement (self->writer));
}

void
rst_xml_part_element (RstXmlPart *self,
                      const char *name,
                      const char *text)
{
  rst_xml_part_start (self, name);
  rst_xml_part_text (self, text, -1);
  rst_xml_part_end (self);
}

GBytes *
rst_xml_part_finish (RstXmlPart  *self,
                     GError     **error)
{
  if (!self->failed)
    check (self, xmlTextWriterEndDocument (self->writer));
  if (!self->failed)
    check (self, xmlTextWriterFlush (self->writer));

  if (self->failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the document’s XML"));
      return NULL;
    }

  return g_bytes_new (xmlBufferContent (self->buffer), xmlBufferLength (self->buffer));
}
