/* rst-import.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bringing last session's statement in (DESIGN.md, "The statement
 * file"): a Word, OpenDocument, PDF, HTML or text file becomes the
 * Markdown of a statement, with a front matter filled from the file's
 * metadata and from what the analysis reads in its heading. The source
 * is only read, never written. GLib, libarchive, libxml2 and
 * poppler-glib only: the command line, the editor's Open, drag and drop
 * and paste all come here. Every function may run in a worker thread.
 */

#define RST_IMPORT_ERROR (rst_import_error_quark ())

/* Messages are phrases without the file's name ("it is protected by a
 * password; …"), which the caller puts after it, as rst_text_file_read()
 * does. Read errors of the file itself keep their own domain (G_IO_ERROR,
 * RST_TEXT_FILE_ERROR).
 */
typedef enum
{
  /* Its contents are not what its name says (a ".docx" that is no ZIP). */
  RST_IMPORT_ERROR_NOT_A_DOCUMENT,
  /* A ZIP archive without a Word or OpenDocument text in it. */
  RST_IMPORT_ERROR_NO_DOCUMENT,
  RST_IMPORT_ERROR_ENCRYPTED,
  /* Word 97–2003 (.doc) and other formats Rostrum cannot read. */
  RST_IMPORT_ERROR_UNSUPPORTED,
  /* A damaged archive, XML or PDF. */
  RST_IMPORT_ERROR_DAMAGED,
  /* Nothing to read: a scanned PDF without a text layer, an empty file. */
  RST_IMPORT_ERROR_NO_TEXT,
  /* Over one of the limits below. */
  RST_IMPORT_ERROR_TOO_LARGE,
} RstImportError;

typedef enum
{
  /* Told from the contents (and, for text, the name). */
  RST_IMPORT_FORMAT_AUTO,
  RST_IMPORT_FORMAT_DOCX,
  RST_IMPORT_FORMAT_ODT,
  RST_IMPORT_FORMAT_PDF,
  RST_IMPORT_FORMAT_HTML,
  RST_IMPORT_FORMAT_TEXT,
} RstImportFormat;

/* Limits on hostile input. Statements are a few pages; these are far
 * beyond any, and keep a zip bomb, a billion pages or a deep XML from
 * taking the machine.
 */
#define RST_IMPORT_MAX_FILE_SIZE     (64 * 1024 * 1024)
/* All the parts read from one DOCX or ODT, uncompressed. */
#define RST_IMPORT_MAX_UNCOMPRESSED  (64 * 1024 * 1024)
#define RST_IMPORT_MAX_XML_DEPTH     200
#define RST_IMPORT_MAX_PAGES         1000
/* The Markdown made: what a statement file may be (RST_TEXT_FILE_MAX_SIZE). */
#define RST_IMPORT_MAX_OUTPUT        (16 * 1024 * 1024)

GQuark           rst_import_error_quark          (void);

RstImportFormat  rst_import_format_for_name      (const char           *name);
RstImportFormat  rst_import_format_for_content_type (const char        *content_type);
const char      *rst_import_format_to_string     (RstImportFormat       format);

char            *rst_import_file                 (GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void             rst_import_file_async           (GFile                *file,
                                                  int                   io_priority,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
char            *rst_import_file_finish          (GFile                *file,
                                                  GAsyncResult         *result,
                                                  GError              **error);
char            *rst_import_bytes                (GBytes               *bytes,
                                                  RstImportFormat       format_hint,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
char            *rst_import_html                 (const char           *html,
                                                  gssize                length);

G_END_DECLS
