/* rst-slot-navigator.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tab and Shift+Tab select the next or previous {{slot}} of a template in
 * @view; without slots they keep their usual meaning.
 */
void     rst_slot_navigator_attach      (GtkTextView *view);
/* Selects the slot after (or before) the selection, wrapping around.
 * Returns FALSE, changing nothing, when the text has no slot.
 */
gboolean rst_slot_navigator_move        (GtkTextView *view,
                                         gboolean     forward);
/* Selects the first slot at or after @char_offset (wrapping around). */
gboolean rst_slot_navigator_select_from (GtkTextView *view,
                                         int          char_offset);

G_END_DECLS
