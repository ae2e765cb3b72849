/* rst-view-settings.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/* Applies the editor preferences (font, style scheme, line numbers,
 * wrapping, current line, spelling) to @view and keeps them applied as
 * they change, for as long as @view lives. Attaches the spell checker.
 */
void                  rst_view_settings_attach       (GtkSourceView *view);
/* The scheme to show for @scheme_id in light or dark mode: its own dark
 * or light variant when it names one. Falls back to Rostrum's, then
 * Adwaita. (transfer none)
 */
GtkSourceStyleScheme *rst_view_settings_get_scheme   (const char    *scheme_id,
                                                      gboolean       dark);
/* CSS for a Pango font description ("Noto Serif Bold 14"). */
char                 *rst_view_settings_font_to_css  (const char    *font);

/* The zoom's bounds, as the "zoom" key of the schema has them. */
#define RST_VIEW_SETTINGS_ZOOM_MIN 0.3
#define RST_VIEW_SETTINGS_ZOOM_MAX 4.0

/* The same, its size scaled by @zoom. */
char                 *rst_view_settings_zoomed_font_to_css (const char *font,
                                                            double      zoom);
/* The next zoom level in or out (@direction > 0 or < 0) from @zoom;
 * 1.0 for 0.
 */
double                rst_view_settings_zoom_step    (double         zoom,
                                                      int            direction);

G_END_DECLS
