/* rst-pdf-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "rst-pdf-export.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void                *user_data,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamClosure *closure = user_data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (closure->stream, data, length, NULL,
                                  closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t     *surface,
              cairo_pdf_metadata_t key,
              const char          *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (surface, key, value);
}

/**
 * rst_pdf_export_write:
 *
 * Writes every page of @layout as PDF. cairo embeds the fonts as subsets
 * and keeps the text as text, in the order the layout draws it.
 */
gboolean
rst_pdf_export_write (RstLayout      *layout,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  const RstManuscript *ms;
  StreamClosure closure = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (RST_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ms = rst_layout_get_manuscript (layout);
  rst_layout_get_page_size (layout, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, width, height);
  /* cairo stamps the time of the export unless told otherwise: the
   * statement's date, or the epoch when it has none, so that the same
   * statement always gives the same file.
   */
  if (ms->created != NULL)
    date = g_date_time_format (ms->created, "%Y-%m-%dT%H:%M:%SZ");
  else
    date = g_strdup ("1970-01-01T00:00:00Z");
  creator = g_strdup_printf ("Rostrum %s", PACKAGE_VERSION);

  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ms->title);
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, ms->author);
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, ms->subject);
  /* cairo 1.16 has no way to write the catalogue's /Lang: the language
   * reaches the PDF only through Pango's shaping (see RstLayout).
   */
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  for (guint i = 0; i < rst_layout_get_n_pages (layout); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rst_layout_render_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
