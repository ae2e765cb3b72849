/* rst-cli.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rst-cli.h"
#include "rst-cli-private.h"
#include "rst-text-file.h"

/* This library must not use GTK: these modes run without a display, and
 * main() hands them over before an application registers on the bus.
 */

typedef struct
{
  gboolean   version;
  gboolean   check;
  gboolean   json;
  gboolean   list_councils;
  gboolean   list_templates;
  gboolean   new_mode;
  char      *council;
  char      *template_id;
  char     **assignments;
  char      *export_path;
  char      *import_path;
  char      *format;
  char      *output;
  char     **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->council);
  g_free (options->template_id);
  g_strfreev (options->assignments);
  g_free (options->export_path);
  g_free (options->import_path);
  g_free (options->format);
  g_free (options->output);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/**
 * rst_cli_bad_input:
 *
 * Exactly one line on stderr, "rostrum: …", then status 2.
 *
 * Returns: %RST_CLI_EXIT_BAD_INPUT
 */
int
rst_cli_bad_input (const char *format,
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

  return RST_CLI_EXIT_BAD_INPUT;
}

/* Reports are UTF-8 and go out as bytes; JSON must not be recoded. */
void
rst_cli_write_stdout (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

/**
 * rst_cli_sanitize_field:
 *
 * What a listing prints of a name someone else wrote: tabs and line
 * breaks would break its columns, escapes would drive the terminal.
 *
 * Returns: (transfer full): @text with control characters as spaces
 */
char *
rst_cli_sanitize_field (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * rst_cli_lookup_council:
 * @named: what --council or `--set council=` says: an id in any case, a
 *   short name or a name
 * @status: (out): 2 when @named means no usable profile
 *
 * Returns: (transfer none) (nullable): the profile
 */
RstCouncil *
rst_cli_lookup_council (RstCouncilList *councils,
                        const char     *named,
                        int            *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  RstCouncil *council;

  *status = EXIT_SUCCESS;

  council = rst_council_list_resolve (councils, named);
  if (council != NULL)
    return council;

  /* A user profile of that id that is broken: say what is wrong. */
  id = g_strstrip (g_ascii_strdown (named, -1));
  if (rst_council_list_lookup (councils, id, &error) == NULL &&
      !g_error_matches (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND))
    *status = rst_cli_bad_input ("%s", error->message);
  else
    *status = rst_cli_bad_input (_("unknown council “%s”; rostrum --list-councils shows the known ones"),
                                 named);
  return NULL;
}

/**
 * rst_cli_load_statement:
 * @path: as given on the command line
 * @file: (out) (optional): the file @path names
 * @status: (out): 2 for bad input, with the line printed
 *
 * Reads a statement the way every mode does: regular files only, the one
 * size limit, no binary, UTF-8 with the line that is not.
 *
 * Returns: (transfer full) (nullable): its analysis
 */
RstAnalysis *
rst_cli_load_statement (const char          *path,
                        RstAnalysisContext  *context,
                        GFile              **file,
                        int                 *status)
{
  g_autoptr(GFile) input = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  *status = EXIT_SUCCESS;

  bytes = rst_text_file_load (input, NULL, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        *status = rst_cli_bad_input (_("%s: no such file"), display);
      else if (g_error_matches (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8))
        {
          /* Compilers' FILE:LINE: form, so that editors jump to it. */
          gsize where = 0;
          gsize length;
          const char *data;
          g_autoptr(GBytes) raw = rst_text_file_read (input, RST_TEXT_FILE_MAX_SIZE, NULL, NULL);

          data = raw != NULL ? g_bytes_get_data (raw, &length) : NULL;
          if (data != NULL)
            rst_text_sniff (data, length, &where);
          *status = rst_cli_bad_input ("%s:%u: %s", display,
                                       data != NULL ? rst_text_count_lines (data, where) : 1,
                                       error->message);
        }
      else
        *status = rst_cli_bad_input ("%s: %s", display, error->message);
      return NULL;
    }

  if (file != NULL)
    *file = g_steal_pointer (&input);

  return rst_analysis_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), context);
}

static gboolean
parse_options (int       argc,
               char    **argv,
               Options  *options,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options->check,
      N_("Check the statements and print what needs attention"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      N_("With --check, print one JSON document"), NULL },
    { "council", 0, 0, G_OPTION_ARG_STRING, &options->council,
      N_("Use the profile of this council instead of the one the file names"), N_("ID") },
    { "list-councils", 0, 0, G_OPTION_ARG_NONE, &options->list_councils,
      N_("List the council profiles and exit"), NULL },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &options->list_templates,
      N_("List the statement templates and exit"), NULL },
    { "new", 0, 0, G_OPTION_ARG_NONE, &options->new_mode,
      N_("Write a new statement from a template"), NULL },
    { "template", 0, 0, G_OPTION_ARG_STRING, &options->template_id,
      N_("With --new, the template to start from"), N_("ID") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->assignments,
      N_("With --new, fill a field of the template (speaker, session, date, lang…)"), N_("KEY=VALUE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Export the statement FILE in the council’s format"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &options->import_path,
      N_("Make a statement of a Word, OpenDocument, PDF, HTML or text FILE"), N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("With --export, the format: pdf, reading-pdf, docx, odt or txt"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The file to write"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files,
      NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;

  context = g_option_context_new (_("[FILE…]"));
  g_option_context_set_summary (context, _("Write and check statements for council sessions."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* A copy: the application may still need the original. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  return g_option_context_parse_strv (context, &args, error);
}

static int
dispatch (Options *o)
{
  gboolean has_files = o->files != NULL && o->files[0] != NULL;

  if (o->version)
    {
      g_print ("rostrum %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (o->import_path != NULL)
    {
      if (o->export_path != NULL || o->check || o->list_councils || o->list_templates || o->new_mode || o->json)
        return rst_cli_bad_input (_("--import cannot be used with --check, --export, --new or the listings"));
      if (o->template_id != NULL || o->assignments != NULL)
        return rst_cli_bad_input (_("--template and --set only go with --new"));
      if (o->format != NULL)
        return rst_cli_bad_input (_("--to only goes with --export FILE"));
      if (o->council != NULL)
        return rst_cli_bad_input (_("--council only goes with --check, --export or --new"));
      if (has_files)
        return rst_cli_bad_input (_("--import takes exactly one FILE"));
      return rst_cli_import (o->import_path, o->output);
    }

  if (o->export_path != NULL)
    {
      if (o->check || o->list_councils || o->list_templates || o->new_mode || o->json)
        return rst_cli_bad_input (_("--export cannot be used with --check, --new or the listings"));
      if (o->template_id != NULL || o->assignments != NULL)
        return rst_cli_bad_input (_("--template and --set only go with --new"));
      if (has_files)
        return rst_cli_bad_input (_("--export takes exactly one FILE"));
      return rst_cli_export (o->export_path, o->format, o->council, o->output);
    }

  if (o->format != NULL)
    return rst_cli_bad_input (_("--to only goes with --export FILE"));

  if (o->list_templates || o->new_mode)
    {
      if (o->check || o->list_councils || (o->list_templates && o->new_mode))
        return rst_cli_bad_input (_("--list-templates, --new, --list-councils and --check cannot be used together"));
      if (has_files)
        return rst_cli_bad_input (_("--list-templates and --new take no FILE"));
      if (o->list_templates)
        return rst_cli_list_templates ();
      return rst_cli_new (o->template_id, (const char * const *) o->assignments, o->council, o->output);
    }

  if (o->template_id != NULL || o->assignments != NULL)
    return rst_cli_bad_input (_("--template and --set only go with --new"));

  if (o->json && !o->check)
    return rst_cli_bad_input (_("--json only goes with --check"));

  if (o->list_councils)
    {
      if (o->check)
        return rst_cli_bad_input (_("--list-councils and --check cannot be used together"));
      if (has_files)
        return rst_cli_bad_input (_("--list-councils takes no FILE"));
      return rst_cli_list_councils ();
    }

  if (o->check)
    return rst_cli_check ((const char * const *) o->files, o->council, o->json);

  if (o->council != NULL)
    return rst_cli_bad_input (_("--council only goes with --check, --export or --new"));
  if (o->output != NULL)
    return rst_cli_bad_input (_("--output only goes with --export, --import or --new"));

  return -1;
}

/**
 * rst_cli_run:
 * @files: (out) (transfer full): when the editor is to open, the files
 *   the command line names
 *
 * Returns: the exit status of a command-line job, or -1 when the editor
 *   should start instead
 */
int
rst_cli_run (int     argc,
             char  **argv,
             char ***files)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  g_return_val_if_fail (files != NULL, RST_CLI_EXIT_BAD_INPUT);

  *files = NULL;

  if (!parse_options (argc, argv, &options, &error))
    return rst_cli_bad_input (_("%s; rostrum --help lists the options"), error->message);

  status = dispatch (&options);
  if (status < 0)
    *files = g_steal_pointer (&options.files);

  return status;
}
