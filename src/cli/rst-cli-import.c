/* rst-cli-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-cli-private.h"
#include "rst-file-writer.h"
#include "rst-import.h"

/* rostrum --import FILE [--output PATH]
 *
 * The statement goes to stdout, or to PATH through the file writer
 * (atomic, regular files only), which never writes over FILE itself
 * however PATH spells it. On any failure nothing is written.
 */
int
rst_cli_import (const char *path,
                const char *output)
{
  g_autoptr(GFile) input = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GFile *protect[2] = { NULL, NULL };
  char *markdown;

  markdown = rst_import_file (input, NULL, &error);
  if (markdown == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return rst_cli_bad_input (_("%s: no such file"), display);
      return rst_cli_bad_input ("%s: %s", display, error->message);
    }

  if (output == NULL)
    {
      rst_cli_write_stdout (markdown);
      g_free (markdown);
      return EXIT_SUCCESS;
    }

  bytes = g_bytes_new_take (markdown, strlen (markdown));
  file = g_file_new_for_commandline_arg (output);
  protect[0] = input;
  if (!rst_file_write_bytes (file, bytes, RST_FILE_WRITE_REPLACE, protect, NULL, &error))
    {
      if (g_error_matches (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED))
        return rst_cli_bad_input (_("cannot import “%s” onto itself; choose another --output"), display);
      return rst_cli_bad_input ("%s", error->message);
    }

  return EXIT_SUCCESS;
}
