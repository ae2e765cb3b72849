/* rst-zip-writer.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "rst-zip-writer.h"

struct _RstZipWriter
{
  struct archive *archive;
  GOutputStream  *stream;
  GCancellable   *cancellable;
  /* The first stream error: libarchive only knows that writing failed. */
  GError         *error;
  gint64          mtime;
  gboolean        open;
};

static la_ssize_t
write_cb (struct archive *archive,
          void           *user_data,
          const void     *buffer,
          size_t          length)
{
  RstZipWriter *self = user_data;

  if (self->error != NULL)
    return -1;

  if (!g_output_stream_write_all (self->stream, buffer, length, NULL,
                                  self->cancellable, &self->error))
    {
      archive_set_error (archive, EIO, "%s", self->error->message);
      return -1;
    }

  return length;
}

/**
 * rst_zip_writer_new:
 * @mtime: (nullable): the time every entry carries; %NULL for the
 *   earliest a zip can hold, so that the package never depends on when
 *   it was written
 */
RstZipWriter *
rst_zip_writer_new (GOutputStream *stream,
                    GDateTime     *mtime,
                    GCancellable  *cancellable)
{
  RstZipWriter *self = g_new0 (RstZipWriter, 1);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  /* 1980-01-01, the zip format's first day. */
  self->mtime = mtime != NULL ? g_date_time_to_unix (mtime) : 315532800;
  self->archive = archive_write_new ();
  archive_write_set_format_zip (self->archive);
  /* A zip has no block padding to add. */
  archive_write_set_bytes_in_last_block (self->archive, 1);
  self->open = archive_write_open (self->archive, self, NULL, write_cb, NULL) == ARCHIVE_OK;

  return self;
}

void
rst_zip_writer_free (RstZipWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->archive, archive_write_free);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self);
}

static gboolean
fail (RstZipWriter  *self,
      GError       **error)
{
  if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the package: %s"),
                 archive_error_string (self->archive) ? archive_error_string (self->archive) : "?");

  return FALSE;
}

gboolean
rst_zip_writer_add (RstZipWriter  *self,
                    const char    *name,
                    GBytes        *contents,
                    gboolean       stored,
                    GError       **error)
{
  struct archive_entry *entry;
  gsize size = 0;
  const char *data = g_bytes_get_data (contents, &size);
  gboolean ok;

  if (!self->open)
    return fail (self, error);

  /* Applies to the entries written after it. */
  if ((stored ? archive_write_zip_set_compression_store (self->archive)
              : archive_write_zip_set_compression_deflate (self->archive)) != ARCHIVE_OK)
    return fail (self, error);

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  /* libarchive writes a timestamp extra field for an entry with a time;
   * ODF forbids any extra field on the stored "mimetype".
   */
  if (!stored)
    archive_entry_set_mtime (entry, self->mtime, 0);

  ok = archive_write_header (self->archive, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (self->archive, data, size) == (la_ssize_t) size) &&
       archive_write_finish_entry (self->archive) == ARCHIVE_OK;
  archive_entry_free (entry);

  if (!ok)
    return fail (self, error);

  return TRUE;
}

gboolean
rst_zip_writer_close (RstZipWriter  *self,
                      GError       **error)
{
  if (!self->open || archive_write_close (self->archive) != ARCHIVE_OK || self->error != NULL)
    return fail (self, error);

  self->open = FALSE;

  return TRUE;
}
