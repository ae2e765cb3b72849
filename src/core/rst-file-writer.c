/* rst-file-writer.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rst-file-writer.h"

/* A fixed, short temporary name: a target whose name is at the file
 * system's limit must still get one.
 */
#define TEMPORARY_PREFIX ".rostrum-"
#define LINK_DEPTH_MAX   40

struct _RstFileWriter
{
  GObject            parent_instance;

  GFile             *file;          /* as the caller named it */
  char              *display;
  RstFileWriteFlags  flags;

  /* Local files */
  char              *target;        /* the file replaced, links resolved */
  char              *temporary;
  int                fd;

  /* Other GIO back ends */
  GFileOutputStream *remote;

  GOutputStream     *stream;
  gboolean           done;
};

G_DEFINE_FINAL_TYPE (RstFileWriter, rst_file_writer, G_TYPE_OBJECT)
G_DEFINE_QUARK (rst-file-writer-error-quark, rst_file_writer_error)

static void
rst_file_writer_finalize (GObject *object)
{
  RstFileWriter *self = (RstFileWriter *)object;

  rst_file_writer_abort (self);

  g_clear_object (&self->stream);
  g_clear_object (&self->remote);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->temporary, g_free);

  G_OBJECT_CLASS (rst_file_writer_parent_class)->finalize (object);
}

static void
rst_file_writer_class_init (RstFileWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_file_writer_finalize;
}

static void
rst_file_writer_init (RstFileWriter *self)
{
  self->fd = -1;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot write “%s”: the disk is full"), display);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

/* The absolute path of the file that writing @path replaces: "//dir",
 * "/proc/self/cwd/…" and folders that are links are resolved, and so is
 * a link at @path itself, dangling or not. NULL when the folder is gone.
 */
static char *
resolve_target (const char  *path,
                GError     **error,
                const char  *display)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < LINK_DEPTH_MAX; depth++)
    {
      g_autofree char *dir = g_path_get_dirname (current);
      g_autofree char *base = g_path_get_basename (current);
      char resolved[PATH_MAX];
      struct stat st;

      if (lstat (current, &st) == 0 && S_ISLNK (st.st_mode))
        {
          g_autofree char *link = g_file_read_link (current, NULL);

          if (link == NULL)
            break;
          g_free (current);
          current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                              : g_build_filename (dir, link, NULL);
          continue;
        }

      if (realpath (dir, resolved) == NULL)
        {
          g_autofree char *where = g_filename_display_name (dir);

          if (errno == ENOENT || errno == ENOTDIR)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("Cannot write “%s”: the folder “%s” does not exist"), display, where);
          else
            set_errno_error (error, errno, display);
          return NULL;
        }

      if (strcmp (base, "/") == 0 || strcmp (base, ".") == 0 || strcmp (base, "..") == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%s”: it is a folder"), display);
          return NULL;
        }

      return g_build_filename (resolved, base, NULL);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               _("Cannot write “%s”: it is a link that leads nowhere"), display);
  return NULL;
}

/* Whether @path names the file @st describes, links followed. */
static gboolean
same_file (const char        *path,
           const struct stat *st)
{
  struct stat other;

  return path != NULL && stat (path, &other) == 0 &&
         other.st_dev == st->st_dev && other.st_ino == st->st_ino;
}

static int
open_temporary (const char  *folder,
                mode_t       mode,
                char       **path)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      char suffix[7];
      int fd;

      for (guint i = 0; i < 6; i++)
        suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      suffix[6] = '\0';

      g_free (*path);
      *path = g_strdup_printf ("%s/" TEMPORARY_PREFIX "%s", folder, suffix);

      /* O_EXCL: the name is ours; the umask applies to a new file's mode. */
      fd = g_open (*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }

  errno = EEXIST;
  return -1;
}

static gboolean
open_local (RstFileWriter  *self,
            const char     *path,
            GFile         **protect,
            GError        **error)
{
  g_autofree char *folder = NULL;
  struct stat st;
  gboolean exists;
  mode_t mode = 0666;

  self->target = resolve_target (path, error, self->display);
  if (self->target == NULL)
    return FALSE;

  exists = stat (self->target, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, errno, self->display);
      return FALSE;
    }

  if (exists)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%s”: it is a folder"), self->display);
          return FALSE;
        }
      /* A temporary file renamed over /dev/null would replace the device. */
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_NOT_REGULAR,
                       _("Cannot write “%s”: it is not a regular file but a device, a pipe or a socket"),
                       self->display);
          return FALSE;
        }
      if (self->flags & RST_FILE_WRITE_NO_CLOBBER)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” already exists"), self->display);
          return FALSE;
        }

      for (guint i = 0; protect != NULL && protect[i] != NULL; i++)
        if (same_file (g_file_peek_path (protect[i]), &st))
          {
            g_set_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED,
                         _("Cannot write “%s”: it is the file being read, which would be lost"),
                         self->display);
            return FALSE;
          }

      mode = st.st_mode & 07777;
    }

  folder = g_path_get_dirname (self->target);
  self->fd = open_temporary (folder, exists ? 0600 : mode, &self->temporary);
  if (self->fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *where = g_filename_display_name (folder);

      /* The drafter named the file, not the temporary beside it. */
      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Cannot write “%s”: you may not write in the folder “%s”"),
                     self->display, where);
      else if (saved_errno == EROFS)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                     _("Cannot write “%s”: the folder “%s” is read-only"), self->display, where);
      else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        set_errno_error (error, saved_errno, self->display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Cannot write “%s” in the folder “%s”: %s"),
                     self->display, where, g_strerror (saved_errno));
      return FALSE;
    }

  /* The old file's mode wins over the umask. */
  if (exists && fchmod (self->fd, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", self->target, g_strerror (errno));

  self->stream = g_buffered_output_stream_new_sized (g_unix_output_stream_new (self->fd, FALSE),
                                                     64 * 1024);
  /* The buffered stream took the only reference of the unix stream. */
  g_object_unref (g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (self->stream)));
  return TRUE;
}

static gboolean
open_remote (RstFileWriter  *self,
             GFile         **protect,
             GError        **error)
{
  for (guint i = 0; protect != NULL && protect[i] != NULL; i++)
    if (g_file_equal (self->file, protect[i]))
      {
        g_set_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED,
                     _("Cannot write “%s”: it is the file being read, which would be lost"),
                     self->display);
        return FALSE;
      }

  /* GIO's own replace is atomic where the back end can be. */
  if (self->flags & RST_FILE_WRITE_NO_CLOBBER)
    self->remote = g_file_create (self->file, G_FILE_CREATE_NONE, NULL, error);
  else
    self->remote = g_file_replace (self->file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (self->remote == NULL)
    return FALSE;

  self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (self->remote), 64 * 1024);
  return TRUE;
}

/**
 * rst_file_writer_new:
 * @file: where to write
 * @protect: (nullable) (array zero-terminated=1): files that must not be
 *   written over, such as the statement being exported
 *
 * Opens the temporary file. Nothing touches @file until
 * rst_file_writer_commit().
 *
 * Returns: (transfer full) (nullable): the writer
 */
RstFileWriter *
rst_file_writer_new (GFile              *file,
                     RstFileWriteFlags   flags,
                     GFile             **protect,
                     GError            **error)
{
  g_autoptr(RstFileWriter) self = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RST_TYPE_FILE_WRITER, NULL);
  self->file = g_object_ref (file);
  self->display = g_file_get_parse_name (file);
  self->flags = flags;

  path = g_file_peek_path (file);
  if (path != NULL ? !open_local (self, path, protect, error) : !open_remote (self, protect, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): where to write the contents */
GOutputStream *
rst_file_writer_get_stream (RstFileWriter *self)
{
  g_return_val_if_fail (RST_IS_FILE_WRITER (self), NULL);
  return self->stream;
}

/**
 * rst_file_writer_commit:
 *
 * Syncs the contents and puts them in place in one step. On failure the
 * target is as it was and the temporary file is gone.
 *
 * Returns: whether @file now holds what was written
 */
gboolean
rst_file_writer_commit (RstFileWriter  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RST_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot write “%s”: the disk is full"), self->display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot write “%s”: %s"), self->display, local_error->message);
      rst_file_writer_abort (self);
      return FALSE;
    }

  if (self->remote != NULL)
    {
      self->done = TRUE;
      return TRUE;
    }

  if (fsync (self->fd) != 0 || close (self->fd) != 0)
    {
      int saved_errno = errno;

      self->fd = -1;
      rst_file_writer_abort (self);
      set_errno_error (error, saved_errno, self->display);
      return FALSE;
    }
  self->fd = -1;

  if (self->flags & RST_FILE_WRITE_NO_CLOBBER)
    {
      /* link(2) refuses an existing name atomically, which a test before
       * rename(2) cannot; a file system without hard links gets the test.
       */
      if (link (self->temporary, self->target) == 0)
        g_unlink (self->temporary);
      else if (errno == EEXIST || g_file_test (self->target, G_FILE_TEST_EXISTS))
        {
          rst_file_writer_abort (self);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” already exists"), self->display);
          return FALSE;
        }
      else if (g_rename (self->temporary, self->target) != 0)
        {
          int saved_errno = errno;

          rst_file_writer_abort (self);
          set_errno_error (error, saved_errno, self->display);
          return FALSE;
        }
    }
  else if (g_rename (self->temporary, self->target) != 0)
    {
      int saved_errno = errno;

      rst_file_writer_abort (self);
      set_errno_error (error, saved_errno, self->display);
      return FALSE;
    }

  /* The rename itself survives a power cut once the folder is synced. */
  {
    g_autofree char *folder = g_path_get_dirname (self->target);
    int dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }

  g_clear_pointer (&self->temporary, g_free);
  self->done = TRUE;
  return TRUE;
}

/* Throws the temporary file away; the target is untouched. */
void
rst_file_writer_abort (RstFileWriter *self)
{
  g_return_if_fail (RST_IS_FILE_WRITER (self));

  if (self->done)
    return;
  self->done = TRUE;

  if (self->remote != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (self->remote)))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closing a cancelled replace keeps the old file (GIO). */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (self->remote), cancelled, NULL);
    }
  /* While the descriptor is still ours: what the buffer holds goes to the
   * temporary file, which is deleted below, never to a reused descriptor.
   */
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->temporary != NULL)
    {
      g_unlink (self->temporary);
      g_clear_pointer (&self->temporary, g_free);
    }
}

/**
 * rst_file_write_bytes:
 *
 * rst_file_writer_new(), @contents, then rst_file_writer_commit().
 *
 * Returns: whether @file holds @contents
 */
gboolean
rst_file_write_bytes (GFile              *file,
                      GBytes             *contents,
                      RstFileWriteFlags   flags,
                      GFile             **protect,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(RstFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (contents != NULL, FALSE);

  writer = rst_file_writer_new (file, flags, protect, error);
  if (writer == NULL)
    return FALSE;

  data = g_bytes_get_data (contents, &length);

  /* Local files are written with write(2), whose errno tells a full disk
   * (ENOSPC, EFBIG, EDQUOT) from other failures.
   */
  if (writer->fd >= 0)
    {
      for (gsize written = 0; written < length;)
        {
          gssize n = write (writer->fd, data + written, length - written);

          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              set_errno_error (error, errno, writer->display);
              rst_file_writer_abort (writer);
              return FALSE;
            }
          written += (gsize) n;
        }
    }
  else if (!g_output_stream_write_all (writer->stream, data, length, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot write “%s”: the disk is full"), writer->display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot write “%s”: %s"), writer->display, local_error->message);
      rst_file_writer_abort (writer);
      return FALSE;
    }

  return rst_file_writer_commit (writer, cancellable, error);
}

/**
 * rst_file_is_same:
 *
 * Returns: whether @a and @b are one file (device and inode, links
 *   followed), however their paths are spelt
 */
gboolean
rst_file_is_same (GFile *a,
                  GFile *b)
{
  const char *pa, *pb;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  pa = g_file_peek_path (a);
  pb = g_file_peek_path (b);
  if (pa == NULL || pb == NULL)
    return g_file_equal (a, b);

  return stat (pa, &st) == 0 && same_file (pb, &st);
}
