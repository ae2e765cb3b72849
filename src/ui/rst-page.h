/* rst-page.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-document.h"
#include "rst-search-bar.h"
#include "rst-sidebar.h"

G_BEGIN_DECLS

#define RST_TYPE_PAGE (rst_page_get_type ())

G_DECLARE_FINAL_TYPE (RstPage, rst_page, RST, PAGE, AdwBin)

RstPage     *rst_page_new             (void);
RstDocument *rst_page_get_document    (RstPage          *self);
GtkWidget   *rst_page_get_view        (RstPage          *self);
GtkWidget   *rst_page_get_map         (RstPage          *self);
char        *rst_page_dup_title       (RstPage          *self);
gboolean     rst_page_get_modified    (RstPage          *self);
gboolean     rst_page_is_pristine     (RstPage          *self);
void         rst_page_load_file       (RstPage          *self,
                                       GFile            *file);
void         rst_page_save_async      (RstPage             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void         rst_page_save_as_async   (RstPage             *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean     rst_page_save_finish     (RstPage             *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* Live checking (ui-live) */
RstSidebar  *rst_page_get_sidebar          (RstPage          *self);
gboolean     rst_page_get_sidebar_visible  (RstPage          *self);
void         rst_page_set_sidebar_visible  (RstPage          *self,
                                            gboolean          visible);
/* Find and replace, go to line */
RstSearchBar *rst_page_get_search_bar      (RstPage          *self);
void          rst_page_begin_go_to_line    (RstPage          *self);
GtkPopover   *rst_page_get_go_to_line      (RstPage          *self);

G_END_DECLS
