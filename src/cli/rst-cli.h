/* rst-cli.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line of DESIGN.md ("Command line"): --check, --export,
 * --import, --new and the listings, without a display or D-Bus. main()
 * calls it before any GtkApplication exists.
 */
int rst_cli_run (int     argc,
                 char  **argv,
                 char ***files);

G_END_DECLS
