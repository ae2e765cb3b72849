/* rst-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "rst-docx-import.h"
#include "rst-html-import.h"
#include "rst-import.h"
#include "rst-import-document.h"
#include "rst-odt-import.h"
#include "rst-pdf-import.h"
#include "rst-text-file.h"
#include "rst-zip-reader.h"

G_DEFINE_QUARK (rst-import-error-quark, rst_import_error)

/* What the first bytes say a file is. */
typedef enum
{
  KIND_TEXT,
  KIND_HTML,
  KIND_XML,
  KIND_ZIP,
  KIND_PDF,
  KIND_OLE,
  KIND_BINARY,
} Kind;

#define OLE_SIGNATURE "\320\317\021\340\241\261\032\341"

static void
init_libxml (void)
{
  static gsize initialized = 0;

  /* xmlInitParser() must run once before threads use libxml2. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
starts_with_tag (const char *data,
                 gsize       length,
                 const char *tag)
{
  gsize n = strlen (tag);

  return length >= n && g_ascii_strncasecmp (data, tag, n) == 0;
}

static Kind
sniff (const char *data,
       gsize       length)
{
  gsize i = 0;

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return KIND_ZIP;
  if (length >= 8 && memcmp (data, OLE_SIGNATURE, 8) == 0)
    return KIND_OLE;
  /* Readers accept a PDF header anywhere in the first kilobyte. */
  if (g_strstr_len (data, MIN (length, 1024), "%PDF-") != NULL)
    return KIND_PDF;

  if (length >= 3 && memcmp (data, "\357\273\277", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (starts_with_tag (data + i, length - i, "<!doctype html") || starts_with_tag (data + i, length - i, "<html"))
    return KIND_HTML;
  if (starts_with_tag (data + i, length - i, "<?xml"))
    {
      /* XHTML, or a flat OpenDocument file. */
      if (g_strstr_len (data, MIN (length, 4096), "<html") != NULL)
        return KIND_HTML;
      return KIND_XML;
    }

  if (memchr (data, '\0', MIN (length, 8192)) != NULL)
    return KIND_BINARY;

  return KIND_TEXT;
}

/**
 * rst_import_format_for_name:
 * @name: a file name or path
 *
 * Returns: the format its extension names; %RST_IMPORT_FORMAT_AUTO for
 *   any other
 */
RstImportFormat
rst_import_format_for_name (const char *name)
{
  static const struct { const char *extension; RstImportFormat format; } extensions[] = {
    { ".docx", RST_IMPORT_FORMAT_DOCX }, { ".docm", RST_IMPORT_FORMAT_DOCX },
    { ".dotx", RST_IMPORT_FORMAT_DOCX }, { ".doc", RST_IMPORT_FORMAT_DOCX },
    { ".odt", RST_IMPORT_FORMAT_ODT }, { ".ott", RST_IMPORT_FORMAT_ODT },
    { ".fodt", RST_IMPORT_FORMAT_ODT },
    { ".pdf", RST_IMPORT_FORMAT_PDF },
    { ".html", RST_IMPORT_FORMAT_HTML }, { ".htm", RST_IMPORT_FORMAT_HTML },
    { ".xhtml", RST_IMPORT_FORMAT_HTML },
    { ".txt", RST_IMPORT_FORMAT_TEXT }, { ".md", RST_IMPORT_FORMAT_TEXT },
    { ".markdown", RST_IMPORT_FORMAT_TEXT },
  };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return RST_IMPORT_FORMAT_AUTO;

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension))
      return extensions[i].format;

  return RST_IMPORT_FORMAT_AUTO;
}

/**
 * rst_import_format_for_content_type:
 * @content_type: a MIME type, as a drop or the clipboard offers it
 *
 * Returns: the format, %RST_IMPORT_FORMAT_AUTO when unknown
 */
RstImportFormat
rst_import_format_for_content_type (const char *content_type)
{
  if (content_type == NULL)
    return RST_IMPORT_FORMAT_AUTO;
  if (g_str_equal (content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document") ||
      g_str_equal (content_type, "application/msword"))
    return RST_IMPORT_FORMAT_DOCX;
  if (g_str_has_prefix (content_type, "application/vnd.oasis.opendocument.text"))
    return RST_IMPORT_FORMAT_ODT;
  if (g_str_equal (content_type, "application/pdf"))
    return RST_IMPORT_FORMAT_PDF;
  if (g_str_equal (content_type, "text/html") || g_str_equal (content_type, "application/xhtml+xml"))
    return RST_IMPORT_FORMAT_HTML;
  if (g_str_has_prefix (content_type, "text/"))
    return RST_IMPORT_FORMAT_TEXT;
  return RST_IMPORT_FORMAT_AUTO;
}

const char *
rst_import_format_to_string (RstImportFormat format)
{
  switch (format)
    {
    case RST_IMPORT_FORMAT_DOCX: return "docx";
    case RST_IMPORT_FORMAT_ODT:  return "odt";
    case RST_IMPORT_FORMAT_PDF:  return "pdf";
    case RST_IMPORT_FORMAT_HTML: return "html";
    case RST_IMPORT_FORMAT_TEXT: return "txt";
    case RST_IMPORT_FORMAT_AUTO:
    default:
      return "auto";
    }
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle,
          gsize       needle_length)
{
  for (const char *p = data; length >= needle_length && p <= data + length - needle_length; p++)
    {
      p = memchr (p, needle[0], data + length - needle_length + 1 - p);
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An OLE compound file is Word 97–2003, or a DOCX or ODT that Office
 * encrypted with a password (its "EncryptedPackage" stream).
 */
static void
set_ole_error (const char  *data,
               gsize        length,
               GError     **error)
{
  static const char stream[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

  if (contains (data, length, stream, sizeof stream - 1))
    g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED,
                         _("it is protected by a password; remove the password in your word processor and save it again"));
  else
    g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_UNSUPPORTED,
                         _("it is an old Word 97–2003 document; save it as .docx in your word processor, then import that"));
}

static void
set_not_a (RstImportFormat   format,
           GError          **error)
{
  const char *message;

  switch (format)
    {
    case RST_IMPORT_FORMAT_DOCX:
      message = _("it is not a Word document (it is no ZIP archive); save it again as .docx");
      break;
    case RST_IMPORT_FORMAT_ODT:
      message = _("it is not an OpenDocument text (it is no ZIP archive); save it again as .odt");
      break;
    case RST_IMPORT_FORMAT_PDF:
      message = _("it is not a PDF document");
      break;
    case RST_IMPORT_FORMAT_AUTO:
    case RST_IMPORT_FORMAT_HTML:
    case RST_IMPORT_FORMAT_TEXT:
    default:
      message = _("it is neither a Word, OpenDocument, PDF, HTML nor text document");
      break;
    }

  g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NOT_A_DOCUMENT, message);
}

static gboolean
read_zip (GBytes             *bytes,
          RstImportDocument  *document,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autoptr(RstZipReader) zip = NULL;
  g_autoptr(GError) local_error = NULL;

  zip = rst_zip_reader_new (bytes, RST_IMPORT_MAX_UNCOMPRESSED, error);
  if (zip == NULL)
    return FALSE;

  if (rst_docx_import_is (zip))
    return rst_docx_import_read (zip, document, cancellable, error);
  if (rst_odt_import_is (zip, &local_error))
    return rst_odt_import_read (zip, document, cancellable, error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_DOCUMENT,
                       _("it is a ZIP archive without a Word or OpenDocument text in it"));
  return FALSE;
}

/* The document @bytes hold into @document, or %NULL for a text file,
 * which is a statement already (@is_text).
 */
static gboolean
read_document (GBytes             *bytes,
               RstImportFormat     hint,
               RstImportDocument  *document,
               gboolean           *is_text,
               GCancellable       *cancellable,
               GError            **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  Kind kind;

  *is_text = FALSE;
  if (data == NULL)
    data = "";

  if (length > RST_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (RST_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                   _("it is larger than %s, too large to be a statement"), limit);
      return FALSE;
    }

  init_libxml ();
  kind = sniff (data, length);

  /* The contents decide among the document formats, whatever the name
   * says; but a ".docx" of text is not a Word document.
   */
  switch (kind)
    {
    case KIND_ZIP:
      return read_zip (bytes, document, cancellable, error);

    case KIND_PDF:
      return rst_pdf_import_read (bytes, document, cancellable, error);

    case KIND_OLE:
      set_ole_error (data, length, error);
      return FALSE;

    case KIND_XML:
      if (hint == RST_IMPORT_FORMAT_ODT || hint == RST_IMPORT_FORMAT_AUTO)
        {
          if (g_strstr_len (data, MIN (length, 8192), "urn:oasis:names:tc:opendocument:xmlns:office:1.0") != NULL)
            return rst_odt_import_read_flat (bytes, document, cancellable, error);
          set_not_a (hint, error);
          return FALSE;
        }
      if (hint == RST_IMPORT_FORMAT_HTML)
        return rst_html_import_read (data, length, NULL, document, cancellable, error);
      break;

    case KIND_HTML:
      if (hint == RST_IMPORT_FORMAT_HTML || hint == RST_IMPORT_FORMAT_AUTO)
        {
          /* Without a <meta charset>, libxml2 would take Latin-1. */
          const char *encoding = g_utf8_validate_len (data, length, NULL) ? "UTF-8" : NULL;

          return rst_html_import_read (data, length, encoding, document, cancellable, error);
        }
      break;

    case KIND_BINARY:
    case KIND_TEXT:
    default:
      if (hint == RST_IMPORT_FORMAT_HTML && kind == KIND_TEXT)
        {
          const char *encoding = g_utf8_validate_len (data, length, NULL) ? "UTF-8" : NULL;

          return rst_html_import_read (data, length, encoding, document, cancellable, error);
        }
      break;
    }

  if (hint == RST_IMPORT_FORMAT_TEXT || (hint == RST_IMPORT_FORMAT_AUTO && kind != KIND_BINARY))
    {
      *is_text = TRUE;
      return TRUE;
    }

  set_not_a (hint, error);
  return FALSE;
}

/**
 * rst_import_bytes:
 * @bytes: a file's contents
 * @format_hint: what its name or content type says, or
 *   %RST_IMPORT_FORMAT_AUTO
 *
 * Makes a statement of a document: the format is told from the
 * contents; @format_hint decides only between text, HTML and flat XML,
 * and refuses a file whose contents are no document of the kind it
 * names.
 *
 * Returns: (transfer full) (nullable): the statement's Markdown, front
 *   matter first, or %NULL with @error set (%RST_IMPORT_ERROR,
 *   %RST_TEXT_FILE_ERROR for a text file that is not UTF-8,
 *   %G_IO_ERROR_CANCELLED)
 */
char *
rst_import_bytes (GBytes           *bytes,
                  RstImportFormat   format_hint,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(RstImportDocument) document = rst_import_document_new ();
  gboolean is_text = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_document (bytes, format_hint, document, &is_text, cancellable, error))
    return NULL;

  if (is_text)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      return rst_import_statement_from_text (data != NULL ? data : "", length, error);
    }

  return rst_import_document_to_statement (document, error);
}

/**
 * rst_import_file:
 * @file: a .docx, .odt, .fodt, .pdf, .html, .txt or .md file
 *
 * Reads @file (a regular file of at most %RST_IMPORT_MAX_FILE_SIZE
 * bytes, once) and makes a statement of it with rst_import_bytes(); its
 * name gives the hint. The file is never written.
 *
 * Returns: (transfer full) (nullable): the statement's Markdown
 */
char *
rst_import_file (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rst_text_file_read (file, RST_IMPORT_MAX_FILE_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);
  return rst_import_bytes (bytes, rst_import_format_for_name (name), cancellable, error);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *markdown = rst_import_file (G_FILE (source_object), cancellable, &error);

  if (markdown == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, markdown, g_free);
}

/**
 * rst_import_file_async:
 *
 * rst_import_file() in a worker thread, for the editor's Open and drops:
 * a long PDF takes a moment.
 */
void
rst_import_file_async (GFile               *file,
                       int                  io_priority,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_import_file_async);
  g_task_set_priority (task, io_priority);
  g_task_run_in_thread (task, import_in_thread);
}

/* Returns: (transfer full) (nullable): the statement's Markdown */
char *
rst_import_file_finish (GFile         *file,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rst_import_html:
 * @html: what the clipboard's text/html holds (UTF-8, or UTF-16 with a
 *   byte order mark as some browsers put it)
 * @length: its length in bytes, or -1 when NUL-terminated UTF-8
 *
 * For paste: the body only, to insert at the cursor, with no front
 * matter.
 *
 * Returns: (transfer full) (nullable): the Markdown, or %NULL when the
 *   HTML holds no text (paste the plain text instead)
 */
char *
rst_import_html (const char *html,
                 gssize      length)
{
  g_autoptr(RstImportDocument) document = rst_import_document_new ();
  g_autofree char *converted = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (html != NULL || length <= 0, NULL);

  if (html == NULL)
    return NULL;
  if (length < 0)
    length = strlen (html);

  if (length >= 2 && ((guchar) html[0] == 0xFF && (guchar) html[1] == 0xFE))
    {
      gsize written = 0;

      converted = g_convert (html + 2, length - 2, "UTF-8", "UTF-16LE", NULL, &written, NULL);
      if (converted == NULL)
        return NULL;
      html = converted;
      length = written;
    }
  else if (length >= 2 && ((guchar) html[0] == 0xFE && (guchar) html[1] == 0xFF))
    {
      gsize written = 0;

      converted = g_convert (html + 2, length - 2, "UTF-8", "UTF-16BE", NULL, &written, NULL);
      if (converted == NULL)
        return NULL;
      html = converted;
      length = written;
    }

  init_libxml ();
  if (!rst_html_import_read (html, length, "UTF-8", document, NULL, NULL))
    return NULL;

  body = rst_import_document_to_body (document);
  if (body[0] == '\0')
    return NULL;

  return g_steal_pointer (&body);
}
