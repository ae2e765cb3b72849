/* rst-zip-writer.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A zip package (DOCX, ODT) written with libarchive into a stream. */
typedef struct _RstZipWriter RstZipWriter;

RstZipWriter *rst_zip_writer_new   (GOutputStream  *stream,
                                    GDateTime      *mtime,
                                    GCancellable   *cancellable);
void          rst_zip_writer_free  (RstZipWriter   *self);
/* @stored: no compression, as ODF wants for its "mimetype" entry. */
gboolean      rst_zip_writer_add   (RstZipWriter   *self,
                                    const char     *name,
                                    GBytes         *contents,
                                    gboolean        stored,
                                    GError        **error);
gboolean      rst_zip_writer_close (RstZipWriter   *self,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstZipWriter, rst_zip_writer_free)

G_END_DECLS
