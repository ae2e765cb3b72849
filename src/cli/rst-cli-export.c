/* rst-cli-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-cli-private.h"
#include "rst-export.h"
#include "rst-file-writer.h"

/* rostrum --export FILE --to FORMAT [--council ID] [--output PATH] */
int
rst_cli_export (const char *path,
                const char *format_name,
                const char *council_named,
                const char *output)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RstExportFormat format;
  GFile *protect[2] = { NULL, NULL };
  int status;

  if (format_name == NULL)
    return rst_cli_bad_input (_("--export needs --to FORMAT (pdf, reading-pdf, docx, odt or txt)"));
  if (!rst_export_format_from_string (format_name, &format))
    return rst_cli_bad_input (_("unknown export format “%s”; use pdf, reading-pdf, docx, odt or txt"),
                              format_name);

  rst_analysis_context_set_councils (context, councils);
  if (council_named != NULL)
    {
      RstCouncil *council = rst_cli_lookup_council (councils, council_named, &status);

      if (council == NULL)
        return status;
      rst_analysis_context_set_council (context, council);
    }

  analysis = rst_cli_load_statement (path, context, &input, &status);
  if (analysis == NULL)
    return status;

  if (output != NULL)
    file = g_file_new_for_commandline_arg (output);
  else
    {
      g_autofree char *name = rst_export_propose_file_name (analysis, format);
      g_autoptr(GFile) folder = g_file_get_parent (input);

      file = g_file_get_child (folder, name);
    }

  /* Whatever path names it, the statement itself is never written over:
   * the writer compares files, not names.
   */
  protect[0] = input;
  if (!rst_export_to_file (analysis, format, file, protect, NULL, &error))
    {
      if (g_error_matches (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED))
        {
          g_autofree char *display = g_file_get_parse_name (file);

          return rst_cli_bad_input (_("cannot export “%s” onto itself; choose another --output"), display);
        }
      return rst_cli_bad_input ("%s", error->message);
    }

  return EXIT_SUCCESS;
}
