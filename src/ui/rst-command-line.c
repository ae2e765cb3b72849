/* rst-command-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rst-command-line.h"

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

const GOptionEntry *
rst_command_line_get_entries (void)
{
  return entries;
}

int
rst_command_line_handle (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rostrum %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}
