/* rst-sidebar.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "rst-rehearsal.h"

G_BEGIN_DECLS

#define RST_TYPE_SIDEBAR (rst_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (RstSidebar, rst_sidebar, RST, SIDEBAR, AdwBin)

/* The view whose document the sidebar shows, and which it scrolls. */
GtkSourceView *rst_sidebar_get_view            (RstSidebar    *self);
void           rst_sidebar_set_view            (RstSidebar    *self,
                                                GtkSourceView *view);
/* "outline", "issues" or "details" */
void           rst_sidebar_show_page           (RstSidebar    *self,
                                                const char    *name);
/* Moves the cursor to the outline entry or selects the issue, and scrolls. */
void           rst_sidebar_activate_outline    (RstSidebar    *self,
                                                guint          position);
void           rst_sidebar_activate_issue      (RstSidebar    *self,
                                                guint          position);
GtkLabel      *rst_sidebar_get_timing_label    (RstSidebar    *self);
GtkLabel      *rst_sidebar_get_over_label      (RstSidebar    *self);
GtkListView   *rst_sidebar_get_outline_view    (RstSidebar    *self);
GtkListView   *rst_sidebar_get_issues_view     (RstSidebar    *self);
void           rst_sidebar_set_rehearsal       (RstSidebar    *self,
                                                RstRehearsal  *rehearsal);

G_END_DECLS
