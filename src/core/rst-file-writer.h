/* rst-file-writer.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Rostrum writes a file the drafter named: a statement saved,
 * an export, a template, a draft. The bytes go to a temporary file beside
 * the target, are synced, and the temporary file is renamed over the
 * target in one step, so that a full disk, a crash or a power cut leaves
 * the old file as it was. Only regular files are written (a device or a
 * FIFO is refused, never replaced by a file), links are followed (the
 * file they point to is replaced, the link stays), the old file's mode is
 * kept, and files the caller protects (the statement being exported) are
 * never written over, however their path is spelt.
 */

#define RST_FILE_WRITER_ERROR (rst_file_writer_error_quark ())

typedef enum
{
  RST_FILE_WRITER_ERROR_NOT_REGULAR,
  RST_FILE_WRITER_ERROR_PROTECTED,
} RstFileWriterError;

typedef enum
{
  RST_FILE_WRITE_REPLACE    = 0,
  /* Fail with G_IO_ERROR_EXISTS rather than replace a file. */
  RST_FILE_WRITE_NO_CLOBBER = 1 << 0,
} RstFileWriteFlags;

#define RST_TYPE_FILE_WRITER (rst_file_writer_get_type ())

G_DECLARE_FINAL_TYPE (RstFileWriter, rst_file_writer, RST, FILE_WRITER, GObject)

GQuark         rst_file_writer_error_quark (void);
RstFileWriter *rst_file_writer_new         (GFile              *file,
                                            RstFileWriteFlags   flags,
                                            GFile             **protect,
                                            GError            **error);
GOutputStream *rst_file_writer_get_stream  (RstFileWriter      *self);
gboolean       rst_file_writer_commit      (RstFileWriter      *self,
                                            GCancellable       *cancellable,
                                            GError            **error);
void           rst_file_writer_abort       (RstFileWriter      *self);

gboolean       rst_file_write_bytes        (GFile              *file,
                                            GBytes             *contents,
                                            RstFileWriteFlags   flags,
                                            GFile             **protect,
                                            GCancellable       *cancellable,
                                            GError            **error);
gboolean       rst_file_is_same            (GFile              *a,
                                            GFile              *b);

G_END_DECLS
