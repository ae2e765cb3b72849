/* rst-key-file.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rst_key_file_value_ends_in_escape (const char  *raw);
gboolean  rst_key_file_find_broken_escape   (GKeyFile    *key_file,
                                             const char  *group,
                                             char       **key);
char     *rst_key_file_get_string           (GKeyFile    *key_file,
                                             const char  *group,
                                             const char  *key);

G_END_DECLS
