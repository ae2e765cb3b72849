/* rst-zip-reader.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The parts of a DOCX or ODT, read with libarchive from memory. Every
 * byte inflated counts against one budget, whatever the archive claims
 * in its headers, so that a zip bomb stops at the budget.
 */
typedef struct _RstZipReader RstZipReader;

RstZipReader *rst_zip_reader_new      (GBytes        *bytes,
                                       gsize          budget,
                                       GError       **error);
void          rst_zip_reader_free     (RstZipReader  *self);
gboolean      rst_zip_reader_has      (RstZipReader  *self,
                                       const char    *name);
guint         rst_zip_reader_get_size (RstZipReader  *self);
GBytes       *rst_zip_reader_read     (RstZipReader  *self,
                                       const char    *name,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstZipReader, rst_zip_reader_free)

G_END_DECLS
