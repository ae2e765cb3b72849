/* rst-text-file.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reading a file that should hold text: a statement, a template, a
 * draft, a council profile, a document to import. One read per open,
 * regular files only (a FIFO would block, a device never end), one size
 * limit everywhere, and one sniffer for binary data and for text that is
 * not UTF-8, so that every part of Rostrum refuses the same files with
 * the same words.
 */

#define RST_TEXT_FILE_ERROR (rst_text_file_error_quark ())

typedef enum
{
  RST_TEXT_FILE_ERROR_NOT_REGULAR,
  RST_TEXT_FILE_ERROR_TOO_LARGE,
  RST_TEXT_FILE_ERROR_BINARY,
  RST_TEXT_FILE_ERROR_INVALID_UTF8,
} RstTextFileError;

/* Statements are a few pages; anything this large is not one, and reading
 * it whole would only make everything slow to say so.
 */
#define RST_TEXT_FILE_MAX_SIZE (16 * 1024 * 1024)

typedef enum
{
  RST_TEXT_KIND_UTF8,
  /* A NUL byte or the signature of a known binary format (PDF, ZIP,
   * legacy Word, images, executables).
   */
  RST_TEXT_KIND_BINARY,
  RST_TEXT_KIND_NOT_UTF8,
} RstTextKind;

GQuark       rst_text_file_error_quark (void);

GBytes      *rst_text_file_read        (GFile         *file,
                                        gsize          max_size,
                                        GCancellable  *cancellable,
                                        GError       **error);
GBytes      *rst_text_file_load        (GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
RstTextKind  rst_text_sniff            (const char    *data,
                                        gsize          length,
                                        gsize         *where);
gboolean     rst_text_validate         (const char    *data,
                                        gsize          length,
                                        GError       **error);
guint        rst_text_count_lines      (const char    *data,
                                        gsize          offset);
gboolean     rst_text_has_signature    (const char    *data,
                                        gsize          length);
char        *rst_text_strip_controls   (const char    *text,
                                        gssize         length,
                                        gboolean       keep_line_breaks);

G_END_DECLS
