/* rst-command-line.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command-line modes of DESIGN.md ("Command line") that run without a
 * display and without D-Bus. They live apart from the application so that
 * they never touch GTK.
 */
const GOptionEntry *rst_command_line_get_entries (void);
/* Returns the exit status for a command-line mode, or -1 when @options ask
 * for the editor.
 */
int                 rst_command_line_handle      (GVariantDict *options);

G_END_DECLS
