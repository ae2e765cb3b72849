/* rst-details-panel.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define RST_TYPE_DETAILS_PANEL (rst_details_panel_get_type ())

G_DECLARE_FINAL_TYPE (RstDetailsPanel, rst_details_panel, RST, DETAILS_PANEL, AdwBin)

/* The view whose document's details the panel edits. */
GtkSourceView *rst_details_panel_get_view         (RstDetailsPanel *self);
void           rst_details_panel_set_view         (RstDetailsPanel *self,
                                                   GtkSourceView   *view);
/* Whether the details can be edited: not while the front matter cannot
 * be read.
 */
gboolean       rst_details_panel_get_editable     (RstDetailsPanel *self);
/* The row that edits @key (an AdwEntryRow, or an AdwComboRow for the
 * council and language, an AdwActionRow for the session and date), or
 * %NULL for a key the panel does not edit.
 */
GtkWidget     *rst_details_panel_get_row          (RstDetailsPanel *self,
                                                   const char      *key);
GtkSpinButton *rst_details_panel_get_session_spin (RstDetailsPanel *self);
GtkCalendar   *rst_details_panel_get_calendar     (RstDetailsPanel *self);
/* The "Use" button of what the heading suggests for @key (council,
 * session), visible while there is a suggestion.
 */
GtkWidget     *rst_details_panel_get_use_button   (RstDetailsPanel *self,
                                                   const char      *key);

G_END_DECLS
