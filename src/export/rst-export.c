/* rst-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-docx-export.h"
#include "rst-export.h"
#include "rst-layout.h"
#include "rst-manuscript.h"
#include "rst-odt-export.h"
#include "rst-pdf-export.h"
#include "rst-txt-export.h"

#define DEFAULT_FILE_NAME_PATTERN "{council_short}-{session}-{delegation}-{agenda_item}"

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [RST_EXPORT_PDF] = { "pdf", "pdf", "application/pdf" },
  [RST_EXPORT_READING_PDF] = { "reading-pdf", "pdf", "application/pdf" },
  [RST_EXPORT_DOCX] = { "docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  [RST_EXPORT_ODT] = { "odt", "odt", "application/vnd.oasis.opendocument.text" },
  [RST_EXPORT_TXT] = { "txt", "txt", "text/plain" },
};

/* The names of DESIGN.md's `--to FORMAT`. */
gboolean
rst_export_format_from_string (const char      *string,
                               RstExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (string, formats[i].name) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rst_export_format_to_string (RstExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].name;
}

const char *
rst_export_format_get_extension (RstExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
rst_export_format_get_mime_type (RstExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

/**
 * rst_export_to_stream:
 * @council: (nullable): the council profile; %NULL for the built-in A4 page
 *
 * Writes the statement in @format to @stream, which the caller closes.
 */
gboolean
rst_export_to_stream (RstStatement     *statement,
                      RstCouncil       *council,
                      RstExportFormat   format,
                      GOutputStream    *stream,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_return_val_if_fail (RST_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (council == NULL || RST_IS_COUNCIL (council), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case RST_EXPORT_PDF:
    case RST_EXPORT_READING_PDF:
      {
        g_autoptr(RstLayout) layout = NULL;

        layout = rst_layout_new (statement, council,
                                 format == RST_EXPORT_PDF ? RST_LAYOUT_PRINT : RST_LAYOUT_READING);
        return rst_pdf_export_write (layout, stream, cancellable, error);
      }

    case RST_EXPORT_DOCX:
    case RST_EXPORT_ODT:
    case RST_EXPORT_TXT:
      {
        g_autoptr(RstManuscript) manuscript = rst_manuscript_new (statement, council);

        if (format == RST_EXPORT_DOCX)
          return rst_docx_export_write (manuscript, stream, cancellable, error);
        if (format == RST_EXPORT_ODT)
          return rst_odt_export_write (manuscript, stream, cancellable, error);
        return rst_txt_export_write (manuscript, stream, cancellable, error);
      }

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown export format %d"), format);
      return FALSE;
    }
}

/* A hidden file beside the target, so that the final rename stays on one
 * file system and is atomic.
 */
static GFileOutputStream *
create_temporary (GFile   *folder,
                  GFile   *output,
                  GFile  **temporary,
                  GError **error)
{
  g_autofree char *basename = g_file_get_basename (output);

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&file);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 100)
        {
          g_autofree char *where = g_file_get_parse_name (folder);
          g_autofree char *target = g_file_get_parse_name (output);

          /* GIO's own message would name the temporary file. */
          if (local_error->code == G_IO_ERROR_PERMISSION_DENIED)
            g_set_error (error, G_IO_ERROR, local_error->code,
                         _("Cannot export to “%s”: you may not write in the folder “%s”"),
                         target, where);
          else if (local_error->code == G_IO_ERROR_READ_ONLY)
            g_set_error (error, G_IO_ERROR, local_error->code,
                         _("Cannot export to “%s”: the folder “%s” is read-only"), target, where);
          else if (local_error->code == G_IO_ERROR_NO_SPACE)
            g_set_error (error, G_IO_ERROR, local_error->code,
                         _("Cannot export to “%s”: the disk is full"), target);
          else
            g_set_error (error, G_IO_ERROR, local_error->code,
                         _("Cannot export to “%s”: %s"), target, local_error->message);
          return NULL;
        }
    }
}

/**
 * rst_export_to_file:
 * @council: (nullable): the council profile; %NULL for the built-in A4 page
 *
 * Writes the statement to a temporary file in @output's folder and
 * renames it over @output when complete, so that a failed export never
 * leaves a partial file nor damages an earlier one.
 */
gboolean
rst_export_to_file (RstStatement     *statement,
                    RstCouncil       *council,
                    RstExportFormat   format,
                    GFile            *output,
                    GError          **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  g_return_val_if_fail (RST_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (council == NULL || RST_IS_COUNCIL (council), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_file_get_parse_name (output);

  if ((guint) format >= G_N_ELEMENTS (formats))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown export format %d"), format);
      return FALSE;
    }

  folder = g_file_get_parent (output);
  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Cannot export to “%s”: it is not a file name"), display);
      return FALSE;
    }

  type = g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL);
  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *where = g_file_get_parse_name (folder);

      if (type == G_FILE_TYPE_UNKNOWN)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Cannot export to “%s”: the folder “%s” does not exist"), display, where);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     _("Cannot export to “%s”: “%s” is not a folder"), display, where);
      return FALSE;
    }

  stream = create_temporary (folder, output, &temporary, error);
  if (stream == NULL)
    return FALSE;

  /* cairo and libarchive write in small pieces. */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);

  if (!rst_export_to_stream (statement, council, format, buffered, NULL, &local_error) ||
      !g_output_stream_close (buffered, NULL, &local_error) ||
      !g_file_move (temporary, output,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Cannot export to “%s”: a folder of that name is in the way"), display);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot export to “%s”: the disk is full"), display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot export to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* "General debate" → "General-Debate": a file name without spaces that
 * survives mail gateways and the councils' upload portals.
 */
static void
append_field (GString    *name,
              const char *value)
{
  gboolean word_start = TRUE;

  if (value == NULL)
    return;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (name, word_start ? g_unichar_totitle (c) : c);
          word_start = FALSE;
        }
      else if (!word_start)
        {
          g_string_append_c (name, '-');
          word_start = TRUE;
        }
    }
}

static char *
field_value (RstStatement *statement,
             RstCouncil   *council,
             const char   *field)
{
  const char *council_id = rst_statement_get_detail (statement, "council");

  if (strcmp (field, "council_short") == 0)
    {
      if (council != NULL && rst_council_get_short_name (council) != NULL)
        return g_strdup (rst_council_get_short_name (council));
      return council_id != NULL ? g_ascii_strup (council_id, -1) : NULL;
    }
  if (strcmp (field, "council") == 0)
    {
      if (council != NULL && rst_council_get_name (council) != NULL)
        return g_strdup (rst_council_get_name (council));
      return g_strdup (council_id);
    }
  if (strcmp (field, "council_id") == 0)
    return g_strdup (council != NULL ? rst_council_get_id (council) : council_id);
  if (strcmp (field, "session_ordinal") == 0)
    return rst_manuscript_dup_session_ordinal (rst_statement_get_detail (statement, "session"));

  /* Everything else is a detail; the pattern writes "agenda_item" for
   * the front matter's "agenda-item".
   */
  {
    g_autofree char *key = g_strdelimit (g_strdup (field), "_", '-');

    return g_strdup (rst_statement_get_detail (statement, key));
  }
}

/**
 * rst_export_propose_file_name:
 * @council: (nullable): the council profile
 *
 * Expands the profile's FileNamePattern with the statement's details,
 * "IOM-114-China-General-Debate.pdf"; fields without a value drop out.
 */
char *
rst_export_propose_file_name (RstStatement    *statement,
                              RstCouncil      *council,
                              RstExportFormat  format)
{
  const char *pattern = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) clean = g_string_new (NULL);

  g_return_val_if_fail (RST_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (council == NULL || RST_IS_COUNCIL (council), NULL);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  if (council != NULL)
    pattern = rst_council_get_file_name_pattern (council);
  if (pattern == NULL || *pattern == '\0')
    pattern = DEFAULT_FILE_NAME_PATTERN;

  for (const char *p = pattern; *p; )
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *field = g_strndup (p + 1, close - p - 1);
          g_autofree char *value = field_value (statement, council, g_strstrip (field));

          append_field (name, value);
          p = close + 1;
          continue;
        }

      /* Literal text of the pattern, without what file systems refuse. */
      if (strchr ("/\\:*?\"<>|{} \t", *p) != NULL || (guchar) *p < 0x20)
        g_string_append_c (name, '-');
      else
        g_string_append_c (name, *p);
      p++;
    }

  /* Empty fields leave separators behind: "IOM--China-" → "IOM-China". */
  for (const char *p = name->str; *p; p++)
    {
      if (*p == '-' && (clean->len == 0 || clean->str[clean->len - 1] == '-'))
        continue;
      g_string_append_c (clean, *p);
    }
  while (clean->len > 0 && strchr ("-_. ", clean->str[clean->len - 1]) != NULL)
    g_string_truncate (clean, clean->len - 1);
  while (clean->len > 0 && clean->str[0] == '.')
    g_string_erase (clean, 0, 1);

  if (clean->len == 0)
    append_field (clean, _("Statement"));

  if (format == RST_EXPORT_READING_PDF)
    {
      g_string_append_c (clean, '-');
      /* Translators: ends the reading copy's file name; no spaces */
      append_field (clean, _("Reading copy"));
    }

  g_string_append_printf (clean, ".%s", formats[format].extension);

  return g_string_free (g_steal_pointer (&clean), FALSE);
}
