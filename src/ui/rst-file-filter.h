/* rst-file-filter.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileFilter *rst_file_filter_new_for_statements (void);
GtkFileFilter *rst_file_filter_new_for_open       (void);

G_END_DECLS
