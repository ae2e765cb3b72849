/* rst-cli-check.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-check-report.h"
#include "rst-cli-private.h"
#include "rst-timing.h"

/* rostrum --check FILE… [--council ID] [--json] */
int
rst_cli_check (const char * const *paths,
               const char         *council_named,
               gboolean            json)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  g_autoptr(RstCheckReport) report = NULL;
  g_autofree char *output = NULL;

  if (paths == NULL || paths[0] == NULL)
    return rst_cli_bad_input (_("--check needs at least one FILE"));

  rst_analysis_context_set_councils (context, councils);
  if (council_named != NULL)
    {
      RstCouncil *council;
      int status;

      council = rst_cli_lookup_council (councils, council_named, &status);
      if (council == NULL)
        return status;
      rst_analysis_context_set_council (context, council);
    }

  report = rst_check_report_new ();

  /* Every file is read before anything is printed, so that bad input
   * leaves stdout empty rather than half a report.
   */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(RstAnalysis) analysis = NULL;
      int status;

      analysis = rst_cli_load_statement (paths[i], context, NULL, &status);
      if (analysis == NULL)
        return status;
      rst_check_report_add (report, paths[i], analysis);
    }

  if (json)
    {
      g_autofree char *document = rst_check_report_to_json_string (report);

      output = g_strconcat (document, "\n", NULL);
    }
  else
    output = rst_check_report_to_text (report);

  rst_cli_write_stdout (output);

  return rst_check_report_has_errors (report) ? RST_CLI_EXIT_ERRORS_FOUND : EXIT_SUCCESS;
}

/* rostrum --list-councils: ID<TAB>NAME<TAB>LIMIT */
int
rst_cli_list_councils (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *problems = rst_council_list_get_problems (councils);
  guint n;

  /* Broken user profiles do not stop the listing, but the user should
   * learn why theirs is missing from it.
   */
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = rst_cli_sanitize_field (problem->message);

      g_printerr (_("rostrum: warning: %s\n"), message);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (councils));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (G_LIST_MODEL (councils), i);
      guint limit = rst_council_get_time_limit_seconds (council);
      g_autofree char *limit_text = NULL;
      g_autofree char *id = rst_cli_sanitize_field (rst_council_get_id (council));
      g_autofree char *name = rst_cli_sanitize_field (rst_council_get_name (council));

      limit_text = limit > 0 ? rst_timing_format (limit) : g_strdup (_("no limit"));
      g_string_append_printf (out, "%s\t%s\t%s\n", id, name, limit_text);
    }

  rst_cli_write_stdout (out->str);
  return EXIT_SUCCESS;
}
