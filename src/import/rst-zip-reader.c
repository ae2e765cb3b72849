/* rst-zip-reader.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "rst-import.h"
#include "rst-zip-reader.h"

/* A document has a few dozen parts; a million entries is an attack on
 * the central directory reader, not a document.
 */
#define MAX_ENTRIES 10000

struct _RstZipReader
{
  GBytes     *bytes;
  /* Lower-case name → name as stored: OOXML part names ignore case. */
  GHashTable *names;
  gsize       budget;
};

static void
set_damaged (GError         **error,
             struct archive  *archive)
{
  g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED,
               _("it is a damaged ZIP archive (%s)"),
               archive != NULL && archive_error_string (archive) != NULL ?
               archive_error_string (archive) : "?");
}

static void
set_too_large (GError **error)
{
  g_autofree char *limit = g_format_size (RST_IMPORT_MAX_UNCOMPRESSED);

  g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
               _("it unpacks to more than %s, too large to be a statement"), limit);
}

/* The central directory, so that damaged local headers and data
 * descriptors are read the way Word and LibreOffice read them.
 */
static struct archive *
open_archive (RstZipReader  *self,
              GError       **error)
{
  struct archive *archive = archive_read_new ();
  gsize length;
  const void *data = g_bytes_get_data (self->bytes, &length);

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      set_damaged (error, archive);
      archive_read_free (archive);
      return NULL;
    }

  return archive;
}

void
rst_zip_reader_free (RstZipReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_hash_table_unref (self->names);
  g_free (self);
}

/**
 * rst_zip_reader_new:
 * @budget: the most bytes all rst_zip_reader_read() calls together may
 *   inflate
 *
 * Lists the archive's entries.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with
 *   %RST_IMPORT_ERROR_DAMAGED
 */
RstZipReader *
rst_zip_reader_new (GBytes  *bytes,
                    gsize    budget,
                    GError **error)
{
  g_autoptr(RstZipReader) self = g_new0 (RstZipReader, 1);
  struct archive *archive;
  struct archive_entry *entry;
  int status;

  self->bytes = g_bytes_ref (bytes);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->budget = budget;

  archive = open_archive (self, error);
  if (archive == NULL)
    return NULL;

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      if (g_hash_table_size (self->names) >= MAX_ENTRIES)
        {
          archive_read_free (archive);
          g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                               _("it is a ZIP archive of too many files to be a document"));
          return NULL;
        }
      if (name != NULL && g_utf8_validate (name, -1, NULL))
        g_hash_table_insert (self->names, g_utf8_strdown (name, -1), g_strdup (name));
    }

  if (status != ARCHIVE_EOF)
    {
      set_damaged (error, archive);
      archive_read_free (archive);
      return NULL;
    }

  archive_read_free (archive);

  return g_steal_pointer (&self);
}

gboolean
rst_zip_reader_has (RstZipReader *self,
                    const char   *name)
{
  g_autofree char *key = g_utf8_strdown (name, -1);

  return g_hash_table_contains (self->names, key);
}

guint
rst_zip_reader_get_size (RstZipReader *self)
{
  return g_hash_table_size (self->names);
}

/**
 * rst_zip_reader_read:
 * @name: the part, in any case
 *
 * Returns: (transfer full) (nullable): its bytes; %NULL with
 *   %G_IO_ERROR_NOT_FOUND when there is no such part,
 *   %RST_IMPORT_ERROR_ENCRYPTED, %RST_IMPORT_ERROR_TOO_LARGE when the
 *   budget is spent, or %RST_IMPORT_ERROR_DAMAGED
 */
GBytes *
rst_zip_reader_read (RstZipReader  *self,
                     const char    *name,
                     GError       **error)
{
  g_autofree char *key = g_utf8_strdown (name, -1);
  const char *stored = g_hash_table_lookup (self->names, key);
  struct archive *archive;
  struct archive_entry *entry;
  int status;

  if (stored == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no part %s", name);
      return NULL;
    }

  archive = open_archive (self, error);
  if (archive == NULL)
    return NULL;

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) data = NULL;
      const char *entry_name = archive_entry_pathname (entry);

      if (entry_name == NULL || g_strcmp0 (entry_name, stored) != 0)
        continue;

      if (archive_entry_is_encrypted (entry))
        {
          archive_read_free (archive);
          g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED,
                               _("it is protected by a password; remove the password in your word processor and save it again"));
          return NULL;
        }

      /* The size in the header may lie; only what is inflated counts. */
      data = g_byte_array_new ();
      for (;;)
        {
          guint8 buffer[64 * 1024];
          la_ssize_t n = archive_read_data (archive, buffer, sizeof buffer);

          if (n < 0)
            {
              set_damaged (error, archive);
              archive_read_free (archive);
              return NULL;
            }
          if (n == 0)
            break;
          if ((gsize) n > self->budget)
            {
              self->budget = 0;
              archive_read_free (archive);
              set_too_large (error);
              return NULL;
            }
          self->budget -= n;
          g_byte_array_append (data, buffer, (guint) n);
        }

      archive_read_free (archive);
      return g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }

  if (status != ARCHIVE_EOF)
    set_damaged (error, archive);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no part %s", name);
  archive_read_free (archive);

  return NULL;
}
