/* main.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rst-application.h"
#include "rst-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RstApplication) app = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GPtrArray) args = NULL;
  int status;

  /* Before anything speaks: the command line speaks the user's language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --check, --export, --new … run here, without a display or D-Bus. */
  status = rst_cli_run (argc, argv, &files);
  if (status >= 0)
    return status;

  /* What is left is files to open: GApplication hands them to the
   * primary instance, which may already be running.
   */
  args = g_ptr_array_new ();
  g_ptr_array_add (args, argv[0]);
  if (files != NULL && files[0] != NULL)
    {
      g_ptr_array_add (args, (char *) "--");
      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (args, files[i]);
    }
  g_ptr_array_add (args, NULL);

  /* GSettings aborts on a schema it cannot find: say what to do instead,
   * as a program run from the build folder without `meson devenv` meets it.
   */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (source != NULL)
      schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
    if (schema == NULL)
      {
        g_printerr (_("rostrum: the settings schema %s is not installed; install Rostrum, "
                      "or run it from its build folder with “meson devenv -C _build rostrum”\n"),
                    APP_ID);
        return 1;
      }
  }

  app = rst_application_new ();

  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}
