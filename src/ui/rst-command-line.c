/* rst-command-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rst-check-report.h"
#include "rst-command-line.h"
#include "rst-council.h"
#include "rst-timing.h"

/* DESIGN.md "Command line": 0 nothing at error severity, 1 errors found,
 * 2 bad input or usage.
 */
#define EXIT_ERRORS_FOUND 1
#define EXIT_BAD_INPUT    2

/* This file must not use GTK: these modes run without a display and
 * return from handle-local-options before the application registers on
 * the session bus.
 */

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the statements and print what needs attention"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --check, print one JSON document"), NULL },
  { "council", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the profile of this council instead of the one the file names"), N_("ID") },
  { "list-councils", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the council profiles and exit"), NULL },
  /* No description: the application's parameter string already says
   * [FILE…] in --help.
   */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, NULL },
  { NULL }
};

const GOptionEntry *
rst_command_line_get_entries (void)
{
  return entries;
}

/* Exactly one line on stderr, then status 2. */
G_GNUC_PRINTF (1, 2)
static int
bad_input (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* A message from elsewhere could hold a line break; keep it one line. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("rostrum: %s\n", message);

  return EXIT_BAD_INPUT;
}

/* Reports are UTF-8 and go out as bytes; JSON must not be recoded. */
static void
write_stdout (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static int
list_councils (void)
{
  g_autoptr(GListModel) councils = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  guint n;

  councils = rst_council_list_load_full (&problems, &error);
  if (councils == NULL)
    return bad_input ("%s", error->message);

  /* Broken user profiles do not stop the listing, but the user should
   * learn why theirs is missing from it.
   */
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      g_printerr (_("rostrum: warning: %s\n"), problem->message);
    }

  out = g_string_new (NULL);
  n = g_list_model_get_n_items (councils);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (councils, i);
      guint limit = rst_council_get_time_limit_seconds (council);
      g_autofree char *limit_text = NULL;

      limit_text = limit > 0 ? rst_timing_format (limit) : g_strdup (_("no limit"));
      g_string_append_printf (out, "%s\t%s\t%s\n",
                              rst_council_get_id (council),
                              rst_council_get_name (council),
                              limit_text);
    }

  write_stdout (out->str);
  return EXIT_SUCCESS;
}

static int
check_files (const char * const *paths,
             const char         *council_id,
             gboolean            json)
{
  g_autoptr(RstCheckReport) report = NULL;
  g_autofree char *output = NULL;

  if (paths == NULL || paths[0] == NULL)
    return bad_input (_("--check needs at least one FILE"));

  report = rst_check_report_new ();

  if (council_id != NULL)
    {
      g_autoptr(RstCouncil) council = NULL;
      g_autoptr(GError) error = NULL;

      council = rst_council_lookup (council_id, &error);
      if (council == NULL)
        {
          if (g_error_matches (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND))
            return bad_input (_("unknown council “%s”; rostrum --list-councils shows the known ones"),
                              council_id);
          return bad_input ("%s", error->message);
        }

      rst_check_report_set_council (report, council);
    }

  /* Every file is read before anything is printed, so that bad input
   * leaves stdout empty rather than half a report.
   */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;

      if (!rst_check_report_add_file (report, paths[i], file, &error))
        return bad_input ("%s", error->message);
    }

  if (json)
    {
      g_autofree char *document = rst_check_report_to_json_string (report);

      output = g_strconcat (document, "\n", NULL);
    }
  else
    {
      output = rst_check_report_to_text (report);
    }

  write_stdout (output);

  return rst_check_report_has_errors (report) ? EXIT_ERRORS_FOUND : EXIT_SUCCESS;
}

int
rst_command_line_handle (GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  const char *council_id = NULL;
  gboolean check;
  gboolean json;
  gboolean list;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rostrum %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  check = g_variant_dict_contains (options, "check");
  json = g_variant_dict_contains (options, "json");
  list = g_variant_dict_contains (options, "list-councils");
  g_variant_dict_lookup (options, "council", "&s", &council_id);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  if (json && !check)
    return bad_input (_("--json only goes with --check"));

  if (list)
    {
      if (check)
        return bad_input (_("--list-councils and --check cannot be used together"));
      if (paths != NULL && paths[0] != NULL)
        return bad_input (_("--list-councils takes no FILE"));
      return list_councils ();
    }

  if (check)
    return check_files (paths, council_id, json);

  return -1;
}
