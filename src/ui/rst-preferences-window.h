/* rst-preferences-window.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RST_TYPE_PREFERENCES_WINDOW (rst_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RstPreferencesWindow, rst_preferences_window, RST, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The delegation profile, the editor, checking and drafts, all in
 * GSettings and in effect as they change. @parent may be %NULL.
 */
GtkWidget *rst_preferences_window_new (GtkWindow *parent);

G_END_DECLS
