/* rst-search-bar.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define RST_TYPE_SEARCH_BAR (rst_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (RstSearchBar, rst_search_bar, RST, SEARCH_BAR, GtkWidget)

GtkWidget               *rst_search_bar_new                (void);
GtkSourceView           *rst_search_bar_get_view           (RstSearchBar  *self);
void                     rst_search_bar_set_view           (RstSearchBar  *self,
                                                            GtkSourceView *view);
GtkSourceSearchSettings *rst_search_bar_get_settings       (RstSearchBar  *self);
GtkSourceSearchContext  *rst_search_bar_get_context        (RstSearchBar  *self);
gboolean                 rst_search_bar_get_revealed       (RstSearchBar  *self);
void                     rst_search_bar_begin              (RstSearchBar  *self,
                                                            gboolean       replace);
void                     rst_search_bar_close              (RstSearchBar  *self);
gboolean                 rst_search_bar_move_next          (RstSearchBar  *self);
gboolean                 rst_search_bar_move_previous      (RstSearchBar  *self);
gboolean                 rst_search_bar_replace            (RstSearchBar  *self);
guint                    rst_search_bar_replace_all        (RstSearchBar  *self);
const char              *rst_search_bar_get_position_text  (RstSearchBar  *self);

G_END_DECLS
