/* rst-command-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rst-check-report.h"
#include "rst-command-line.h"
#include "rst-council.h"
#include "rst-export.h"
#include "rst-template-store.h"
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
  { "list-templates", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the statement templates and exit"), NULL },
  { "new", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write a new statement from a template"), NULL },
  { "template", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --new, the template to start from"), N_("ID") },
  { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --new, fill a field of the template (speaker, session, date…)"), N_("KEY=VALUE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the statement FILE in the council’s format"), N_("FILE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, the format: pdf, reading-pdf, docx, odt or txt"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("PATH") },
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

static int
list_templates (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (store), i);
      const GError *error = rst_template_get_error (template);
      const char *note = rst_template_get_note (template);

      g_string_append_printf (out, "%s\t%s\t%s",
                              rst_template_get_id (template),
                              rst_template_get_name (template),
                              rst_template_origin_to_string (rst_template_get_origin (template)));
      /* A broken file stays listed, so that its author learns why. */
      if (error != NULL)
        {
          g_autofree char *message = g_strdelimit (g_strdup (error->message), "\t\r\n", ' ');

          g_string_append_printf (out, "\t%s %s", _("error:"), message);
        }
      g_string_append_c (out, '\n');

      if (note != NULL)
        g_printerr (_("rostrum: warning: %s\n"), note);
    }

  write_stdout (out->str);
  return EXIT_SUCCESS;
}

static char *
known_fields_list (void)
{
  return g_strjoinv (", ", (char **) rst_template_get_known_fields ());
}

/* The delegation profile of the preferences, when the schema is there:
 * a build-tree run without installed schemas must not abort.
 */
static void
add_delegation_profile (GHashTable  *values,
                        const char **default_council)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  static const struct {
    const char *key;
    const char *field;
  } keys[] = {
    { "delegation", "delegation" },
    { "speaker", "speaker" },
    { "speaker-title", "speaker_title" },
  };

  *default_council = NULL;

  if (source == NULL)
    return;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "default-council"))
    return;

  settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = g_settings_get_string (settings, keys[i].key);

      rst_template_values_set_default (values, keys[i].field, value);
    }

  {
    g_autofree char *council = g_settings_get_string (settings, "default-council");

    if (council[0] != '\0')
      *default_council = g_intern_string (council);
  }
}

static int
new_statement (const char         *template_id,
               const char * const *assignments,
               const char         *council_id,
               const char         *output)
{
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(RstTemplateStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *default_council = NULL;
  RstTemplate *template;

  if (template_id == NULL)
    return bad_input (_("--new needs --template ID; rostrum --list-templates shows them"));
  if (output == NULL)
    return bad_input (_("--new needs --output PATH"));

  /* Explicit values first: the profiles below only fill what is unset. */
  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      const char *eq = strchr (assignments[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL || eq == assignments[i])
        return bad_input (_("malformed --set “%s”: expected KEY=VALUE"), assignments[i]);

      /* Front-matter spelling (agenda-item) is accepted as well. */
      key = g_strdelimit (g_strndup (assignments[i], eq - assignments[i]), "-", '_');
      if (!rst_template_is_known_field (key))
        {
          g_autofree char *known = known_fields_list ();

          return bad_input (_("unknown field “%s” in --set; the fields are %s"), key, known);
        }

      if (g_str_equal (key, "session") &&
          !g_ascii_string_to_unsigned (eq + 1, 10, 1, G_MAXUINT - 1, NULL, NULL))
        return bad_input (_("malformed --set “%s”: the session is a number, as in session=115"),
                          assignments[i]);

      g_hash_table_replace (values, g_steal_pointer (&key), g_strdup (eq + 1));
    }

  add_delegation_profile (values, &default_council);

  if (council_id == NULL)
    council_id = g_hash_table_lookup (values, "council_id");
  if (council_id == NULL)
    council_id = default_council;

  if (council_id != NULL)
    {
      g_autoptr(RstCouncil) council = rst_council_lookup (council_id, &error);

      if (council == NULL)
        {
          if (g_error_matches (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND))
            return bad_input (_("unknown council “%s”; rostrum --list-councils shows the known ones"),
                              council_id);
          return bad_input ("%s", error->message);
        }

      rst_template_values_add_council (values, council);
    }

  store = rst_template_store_new ();
  template = rst_template_store_lookup (store, template_id);
  if (template == NULL)
    return bad_input (_("unknown template “%s”; rostrum --list-templates shows them"), template_id);

  text = rst_template_fill (template, values, &error);
  if (text == NULL)
    return bad_input ("%s", error->message);

  file = g_file_new_for_commandline_arg (output);
  folder = g_file_get_parent (file);
  if (folder == NULL ||
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = folder ? g_file_get_parse_name (folder) : g_strdup (output);

      return bad_input (_("cannot write “%s”: the folder “%s” does not exist"), output, name);
    }

  /* Never clobber: a statement someone worked on may have that name. */
  if (!rst_template_write_file (file, text, strlen (text), FALSE, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return bad_input (_("“%s” already exists; choose another --output"), output);
      return bad_input ("%s", error->message);
    }

  return EXIT_SUCCESS;
}

/* The profile a statement is exported with: the one asked for, else the
 * one its details name (ids are lower case; "IOM" means "iom"), else the
 * generic profile.
 */
static int
resolve_export_council (RstStatement  *statement,
                        const char    *council_id,
                        RstCouncil   **council)
{
  g_autoptr(GError) error = NULL;
  const char *named;

  if (council_id != NULL)
    {
      *council = rst_council_lookup (council_id, &error);
      if (*council != NULL)
        return EXIT_SUCCESS;
      if (g_error_matches (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND))
        return bad_input (_("unknown council “%s”; rostrum --list-councils shows the known ones"),
                          council_id);
      return bad_input ("%s", error->message);
    }

  named = rst_statement_get_detail (statement, "council");
  if (named != NULL && named[0] != '\0')
    {
      g_autofree char *id = g_strstrip (g_ascii_strdown (named, -1));

      *council = rst_council_lookup (id, NULL);
      if (*council != NULL)
        return EXIT_SUCCESS;
    }

  /* A statement for a council without a profile still exports. */
  *council = rst_council_lookup ("generic", NULL);
  return EXIT_SUCCESS;
}

static int
export_statement (const char *path,
                  const char *format_name,
                  const char *council_id,
                  const char *output)
{
  g_autoptr(RstStatement) statement = NULL;
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  RstExportFormat format;
  GFileType type;
  int status;

  if (format_name == NULL)
    return bad_input (_("--export needs --to FORMAT (pdf, reading-pdf, docx, odt or txt)"));
  if (!rst_export_format_from_string (format_name, &format))
    return bad_input (_("unknown export format “%s”; use pdf, reading-pdf, docx, odt or txt"),
                      format_name);

  input = g_file_new_for_commandline_arg (path);
  statement = rst_statement_new_from_file (input, NULL, &error);
  if (statement == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (input);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return bad_input (_("cannot read “%s”: no such file"), name);
      return bad_input (_("cannot read “%s”: %s"), name, error->message);
    }

  status = resolve_export_council (statement, council_id, &council);
  if (status != EXIT_SUCCESS)
    return status;

  if (output != NULL)
    {
      file = g_file_new_for_commandline_arg (output);
    }
  else
    {
      g_autofree char *name = rst_export_propose_file_name (statement, council, format);
      g_autoptr(GFile) input_folder = g_file_get_parent (input);

      file = g_file_get_child (input_folder, name);
    }
  display = g_file_get_parse_name (file);

  /* Checked here as well as by the exporter so that the message names
   * the folder the drafter typed.
   */
  folder = g_file_get_parent (file);
  type = folder != NULL ? g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL)
                        : G_FILE_TYPE_UNKNOWN;
  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : g_strdup (display);

      return bad_input (_("cannot write “%s”: the folder “%s” does not exist"), display, where);
    }

  /* The exporter replaces what is there: never the statement itself. */
  if (g_file_equal (file, input))
    return bad_input (_("cannot export “%s” onto itself; choose another --output"), display);

  if (!rst_export_to_file (statement, council, format, file, &error))
    return bad_input ("%s", error->message);

  return EXIT_SUCCESS;
}

int
rst_command_line_handle (GVariantDict *options)
{
  const char *export_path = NULL;
  const char *format_name = NULL;
  g_autofree const char **paths = NULL;
  g_autofree const char **assignments = NULL;
  const char *council_id = NULL;
  const char *template_id = NULL;
  const char *output = NULL;
  gboolean check;
  gboolean json;
  gboolean list;
  gboolean list_templates_mode;
  gboolean new_mode;

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
  list_templates_mode = g_variant_dict_contains (options, "list-templates");
  new_mode = g_variant_dict_contains (options, "new");
  g_variant_dict_lookup (options, "template", "&s", &template_id);
  g_variant_dict_lookup (options, "set", "^a&s", &assignments);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "to", "&s", &format_name);

  if (export_path != NULL)
    {
      if (check || list || list_templates_mode || new_mode || json)
        return bad_input (_("--export cannot be used with --check, --new or the listings"));
      if (template_id != NULL || assignments != NULL)
        return bad_input (_("--template and --set only go with --new"));
      if (paths != NULL && paths[0] != NULL)
        return bad_input (_("--export takes exactly one FILE"));
      return export_statement (export_path, format_name, council_id, output);
    }

  if (format_name != NULL)
    return bad_input (_("--to only goes with --export FILE"));

  if (list_templates_mode || new_mode)
    {
      if (check || list || (list_templates_mode && new_mode))
        return bad_input (_("--list-templates, --new, --list-councils and --check cannot be used together"));
      if (paths != NULL && paths[0] != NULL)
        return bad_input (_("--list-templates and --new take no FILE"));
      if (list_templates_mode)
        return list_templates ();
      return new_statement (template_id, assignments, council_id, output);
    }

  if (template_id != NULL || assignments != NULL)
    return bad_input (_("--template and --set only go with --new"));

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
