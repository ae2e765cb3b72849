/* rst-display-name.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-display-name.h"

/**
 * rst_display_name_dup_folder:
 * @file: a statement's file
 *
 * The folder of @file as the title bar and the recent list show it:
 * "~/Statements" reads better than "/home/drafter/Statements". Only the
 * home folder itself and what is inside it are shortened: /home/anna is
 * not "~a" for the user ann.
 *
 * Returns: (transfer full) (nullable): the folder's name, %NULL for a
 *   file without a folder
 */
char *
rst_display_name_dup_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return NULL;

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL && strcmp (g_get_home_dir (), "/") != 0)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_strconcat ("~" G_DIR_SEPARATOR_S, display, NULL);
    }

  return g_file_get_parse_name (parent);
}

/**
 * rst_display_name_dup_imported:
 * @source: a Word, OpenDocument, PDF or HTML file
 *
 * The name of the statement imported from @source, and the name its
 * first save proposes: "Statement 2025.docx" gives "Statement 2025.md".
 * A name without an extension ("README", ".docx") only gains one.
 *
 * Returns: (transfer full): the statement's file name
 */
char *
rst_display_name_dup_imported (GFile *source)
{
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (source), NULL);

  basename = g_file_get_basename (source);
  if (basename == NULL)
    return g_strdup (_("Statement.md"));

  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_strconcat (basename, ".md", NULL);
}
