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
#include "rst-file-writer.h"
#include "rst-template-values.h"
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
 * @analysis: the statement's analysis: its text, details and council
 *
 * Writes the statement in @format to @stream, which the caller closes.
 */
gboolean
rst_export_to_stream (RstAnalysis      *analysis,
                      RstExportFormat   format,
                      GOutputStream    *stream,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case RST_EXPORT_PDF:
    case RST_EXPORT_READING_PDF:
      {
        g_autoptr(RstLayout) layout = NULL;

        layout = rst_layout_new (analysis, format == RST_EXPORT_PDF ? RST_LAYOUT_PRINT : RST_LAYOUT_READING);
        return rst_pdf_export_write (layout, stream, cancellable, error);
      }

    case RST_EXPORT_DOCX:
    case RST_EXPORT_ODT:
    case RST_EXPORT_TXT:
      {
        g_autoptr(RstManuscript) manuscript = rst_manuscript_new (analysis);

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

/**
 * rst_export_to_file:
 * @protect: (nullable) (array zero-terminated=1): files never to be
 *   written over, such as the statement's own file
 *
 * Writes the statement through rst_file_writer_new(): to a temporary file
 * beside @output, renamed over it when complete, so that a failed or
 * cancelled export never leaves a partial file nor damages an earlier
 * one, and a device, a FIFO or the statement itself is never written.
 */
gboolean
rst_export_to_file (RstAnalysis      *analysis,
                    RstExportFormat   format,
                    GFile            *output,
                    GFile           **protect,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(RstFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) format >= G_N_ELEMENTS (formats))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown export format %d"), format);
      return FALSE;
    }

  writer = rst_file_writer_new (output, RST_FILE_WRITE_REPLACE, protect, error);
  if (writer == NULL)
    return FALSE;

  if (!rst_export_to_stream (analysis, format, rst_file_writer_get_stream (writer),
                             cancellable, &local_error))
    {
      rst_file_writer_abort (writer);
      display = g_file_get_parse_name (output);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Cannot export to “%s”: the disk is full"), display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot export to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return rst_file_writer_commit (writer, cancellable, error);
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

/**
 * rst_export_propose_file_name:
 *
 * Expands the council profile's FileNamePattern with the template fields
 * of the statement (its details, what its heading tells, its council),
 * "IOM-C114-China-General-Debate.pdf"; fields without a value drop out.
 */
char *
rst_export_propose_file_name (RstAnalysis     *analysis,
                              RstExportFormat  format)
{
  g_autoptr(GHashTable) values = NULL;
  const char *pattern;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) clean = g_string_new (NULL);

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  values = rst_template_values_new_for_analysis (analysis);
  pattern = rst_council_get_file_name_pattern (rst_analysis_get_council (analysis));
  if (pattern == NULL || *pattern == '\0')
    pattern = DEFAULT_FILE_NAME_PATTERN;

  for (const char *p = pattern; *p; )
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *field = g_strndup (p + 1, close - p - 1);
          append_field (name, g_hash_table_lookup (values, g_strstrip (field)));
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
