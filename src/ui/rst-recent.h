/* rst-recent.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        rst_recent_add            (GFile      *file);
GPtrArray  *rst_recent_list_uris      (guint       max_items);
GMenuModel *rst_recent_menu_new       (void);
void        rst_recent_fill_list_box  (GtkListBox *list_box,
                                       guint       max_items);

G_END_DECLS
