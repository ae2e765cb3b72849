/* rst-display-name.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *rst_display_name_dup_folder   (GFile *file);
char *rst_display_name_dup_imported (GFile *source);

G_END_DECLS
