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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RstApplication) app = NULL;

  /* Before GTK's own set-up: the command-line modes speak the user's
   * language too.
   */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rst_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
