/* rst-import-xml.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* The one way the importers read XML: libxml2's streaming reader with no
 * network, no DTD, no entity substitution, a depth limit and its errors
 * kept (never printed), over one part of a DOCX or ODT.
 */
typedef struct _RstImportXml RstImportXml;

typedef enum
{
  RST_IMPORT_XML_START,
  RST_IMPORT_XML_END,
  RST_IMPORT_XML_TEXT,
} RstImportXmlEvent;

RstImportXml      *rst_import_xml_new        (GBytes             *bytes,
                                              GError            **error);
void               rst_import_xml_free       (RstImportXml       *self);
gboolean           rst_import_xml_next       (RstImportXml       *self,
                                              RstImportXmlEvent  *event,
                                              GError            **error);
gboolean           rst_import_xml_skip       (RstImportXml       *self,
                                              GError            **error);
gboolean           rst_import_xml_is         (RstImportXml       *self,
                                              const char         *ns,
                                              const char         *name);
const char        *rst_import_xml_get_name   (RstImportXml       *self);
const char        *rst_import_xml_get_ns     (RstImportXml       *self);
const char        *rst_import_xml_get_text   (RstImportXml       *self);
char              *rst_import_xml_get_attr   (RstImportXml       *self,
                                              const char         *ns,
                                              const char         *name);
gboolean           rst_import_xml_attr_is_on (RstImportXml       *self,
                                              const char         *ns,
                                              const char         *name,
                                              gboolean            absent);
guint              rst_import_xml_get_depth  (RstImportXml       *self);
char              *rst_import_xml_read_text  (RstImportXml       *self,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstImportXml, rst_import_xml_free)

G_END_DECLS
