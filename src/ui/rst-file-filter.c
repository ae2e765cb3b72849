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
