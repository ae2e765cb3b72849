/* rst-xml-part.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One XML part of a DOCX or ODT package, written with libxml2's
 * xmlTextWriter so that every name, attribute and text is escaped by
 * the library. Errors are remembered and reported by _finish().
 */
typedef struct _RstXmlPart RstXmlPart;

RstXmlPart *rst_xml_part_new     (void);
void        rst_xml_part_free    (RstXmlPart  *self);
void        rst_xml_part_start   (RstXmlPart  *self,
                                  const char  *name);
void        rst_xml_part_attr    (RstXmlPart  *self,
                                  const char  *name,
                                  const char  *value);
void        rst_xml_part_attr_printf
                                 (RstXmlPart  *self,
                                  const char  *name,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (3, 4);
void        rst_xml_part_text    (RstXmlPart  *self,
                                  const char  *text,
                                  gssize       len);
void        rst_xml_part_end     (RstXmlPart  *self);
/* <name>text</name>, or <name/> for NULL text. */
void        rst_xml_part_element (RstXmlPart  *self,
                                  const char  *name,
                                  const char  *text);
GBytes     *rst_xml_part_finish  (RstXmlPart  *self,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstXmlPart, rst_xml_part_free)

G_END_DECLS
