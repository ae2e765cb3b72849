/* rst-text-file.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rst-text-file.h"

G_DEFINE_QUARK (rst-text-file-error-quark, rst_text_file_error)

/* How much is asked of read(2) at a time. */
#define READ_CHUNK (64 * 1024)

static void
set_io_error (GError     **error,
              int          saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

static void
set_too_large (GError **error,
               gsize    max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE,
               _("it is larger than %s, too large to be a statement"), limit);
}

static gboolean
check_type (GFileType   type,
            GError    **error)
{
  switch (type)
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("it is a folder, not a file"));
      return FALSE;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      /* A FIFO would block until someone writes, /dev/zero never ends. */
      g_set_error_literal (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_NOT_REGULAR,
                           _("it is not a regular file but a device, a pipe or a socket"));
      return FALSE;
    }
}

/* Local files: the type is checked on the descriptor itself, so that a
 * FIFO put in place between a check and the open cannot block us, and
 * the file is read once up to one byte past the limit (it may grow).
 */
static GBytes *
read_local (const char    *path,
            gsize          max_size,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) data = NULL;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_io_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_io_error (error, saved_errno);
      return NULL;
    }

  if (!check_type (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR :
                   S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL,
                   error))
    {
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large (error, max_size);
      return NULL;
    }

  data = g_byte_array_sized_new ((guint) st.st_size + 1);

  for (;;)
    {
      guint8 buffer[READ_CHUNK];
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }

      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_io_error (error, saved_errno);
          return NULL;
        }
      if (n == 0)
        break;

      if (data->len + (gsize) n > max_size)
        {
          close (fd);
          set_too_large (error, max_size);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }

  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Other GIO back ends (a portal's document, an SFTP share). */
static GBytes *
read_remote (GFile         *file,
             gsize          max_size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (!check_type (g_file_info_get_file_type (info), error))
    return NULL;

  if (g_file_info_get_size (info) > (goffset) max_size)
    {
      set_too_large (error, max_size);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  data = g_byte_array_new ();

  for (;;)
    {
      guint8 buffer[READ_CHUNK];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_size)
        {
          set_too_large (error, max_size);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * rst_text_file_read:
 * @file: the file
 * @max_size: the most bytes it may have
 *
 * Reads @file whole, once, if it is a regular file of at most @max_size
 * bytes; its contents are not looked at. Messages are phrases that the
 * caller puts after the file's name ("it is a folder, not a file").
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
rst_text_file_read (GFile         *file,
                    gsize          max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local (path, max_size, cancellable, error);

  return read_remote (file, max_size, cancellable, error);
}

/**
 * rst_text_file_load:
 * @file: a file that should hold UTF-8 text
 *
 * rst_text_file_read() with %RST_TEXT_FILE_MAX_SIZE, then
 * rst_text_validate(): what the command line and the template and
 * profile readers open.
 *
 * Returns: (transfer full): the text (not NUL-terminated), or %NULL
 */
GBytes *
rst_text_file_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = rst_text_file_read (file, RST_TEXT_FILE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (!rst_text_validate (data, length, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

/**
 * rst_text_has_signature:
 *
 * Returns: whether @data starts like a binary format that drafters open
 *   by mistake: a PDF, a ZIP (DOCX, ODT), legacy Word, images, programs
 */
gboolean
rst_text_has_signature (const char *data,
                        gsize       length)
{
  static const struct {
    const char *magic;
    gsize       length;
  } signatures[] = {
    /* With their versions, so that a text that starts with the same
     * letters ("%PDF-t…", "GIF8…") is still read as one.
     */
    { "%PDF-1.", 7 },
    { "%PDF-2.", 7 },
    { "PK\003\004", 4 },
    { "\320\317\021\340\241\261\032\341", 8 },
    { "\177ELF", 4 },
    { "\211PNG", 4 },
    { "\377\330\377", 3 },
    { "GIF87a", 6 },
    { "GIF89a", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (length >= signatures[i].length &&
        memcmp (data, signatures[i].magic, signatures[i].length) == 0)
      return TRUE;

  return FALSE;
}

/**
 * rst_text_sniff:
 * @where: (out) (optional): the offset of the NUL byte or of the first
 *   byte that is not UTF-8; 0 for a signature
 *
 * Tells text from what is not: binary data (a known signature, or a NUL
 * byte, as grep and git decide), then text that is not UTF-8.
 */
RstTextKind
rst_text_sniff (const char *data,
                gsize       length,
                gsize      *where)
{
  const char *nul;
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, RST_TEXT_KIND_BINARY);

  if (where != NULL)
    *where = 0;
  if (length == 0)
    return RST_TEXT_KIND_UTF8;

  if (rst_text_has_signature (data, length))
    return RST_TEXT_KIND_BINARY;

  if ((nul = memchr (data, '\0', length)) != NULL)
    {
      if (where != NULL)
        *where = nul - data;
      return RST_TEXT_KIND_BINARY;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (where != NULL)
        *where = invalid - data;
      return RST_TEXT_KIND_NOT_UTF8;
    }

  return RST_TEXT_KIND_UTF8;
}

/**
 * rst_text_validate:
 *
 * rst_text_sniff() as an error whose message names the line.
 *
 * Returns: %TRUE for UTF-8 text
 */
gboolean
rst_text_validate (const char  *data,
                   gsize        length,
                   GError     **error)
{
  gsize where = 0;

  switch (rst_text_sniff (data, length, &where))
    {
    case RST_TEXT_KIND_UTF8:
      return TRUE;

    case RST_TEXT_KIND_BINARY:
      g_set_error_literal (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY,
                           _("it is a binary file, not a statement; save it as plain text"));
      return FALSE;

    case RST_TEXT_KIND_NOT_UTF8:
    default:
      g_set_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8,
                   _("line %u is not valid UTF-8; save the file as UTF-8"),
                   rst_text_count_lines (data, where));
      return FALSE;
    }
}

/**
 * rst_text_count_lines:
 *
 * Returns: the 1-based line of @offset: one more than the line breaks
 *   before it
 */
guint
rst_text_count_lines (const char *data,
                      gsize       offset)
{
  const char *p = data;
  const char *end = data + offset;
  guint line = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

/**
 * rst_text_strip_controls:
 * @length: the length of @text in bytes, or -1
 * @keep_line_breaks: keep "\n" and turn what means a line break into one
 *   (a vertical tab is Word's Shift+Enter, U+2028 a line separator);
 *   otherwise they become spaces
 *
 * Text for file formats that refuse control characters (the XML of DOCX
 * and ODT, PDF metadata): what has a meaning is mapped, the rest (ESC,
 * NUL, BEL, U+FFFE …) is dropped. Tabs become spaces.
 *
 * Returns: (transfer full): the clean text
 */
char *
rst_text_strip_controls (const char *text,
                         gssize      length,
                         gboolean    keep_line_breaks)
{
  const char *end;
  GString *out;

  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  end = text + length;
  out = g_string_sized_new (length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      if (c == '\n' || c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85)
        g_string_append_c (out, keep_line_breaks ? '\n' : ' ');
      else if (c == '\r')
        {
          /* "\r\n" is one break. */
          if (p + 1 >= end || p[1] != '\n')
            g_string_append_c (out, keep_line_breaks ? '\n' : ' ');
        }
      else if (c == '\t' || c == '\f')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
               c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
