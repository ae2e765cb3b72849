/* rst-file-filter.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-file-filter.h"

/**
 * rst_file_filter_new_for_statements:
 *
 * The files Open and the template chooser offer: Markdown and plain text
 * statements and templates.
 *
 * Returns: (transfer full): the filter
 */
GtkFileFilter *
rst_file_filter_new_for_statements (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Statements"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "txt");

  return filter;
}

/**
 * rst_file_filter_new_for_open:
 *
 * The files Open offers: statements, and the Word, OpenDocument, PDF and
 * HTML files that are imported into one (last session's statement is
 * most often a .docx, or the PDF the secretariat posted). Save keeps to
 * rst_file_filter_new_for_statements(): Rostrum writes Markdown only.
 *
 * Returns: (transfer full): the filter
 */
GtkFileFilter *
rst_file_filter_new_for_open (void)
{
  static const char *mime_types[] = {
    "text/markdown",
    "text/plain",
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
  };
  static const char *suffixes[] = {
    "md", "txt", "docx", "odt", "fodt", "pdf", "html", "htm",
  };
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Statements and Documents"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);

  return filter;
}
