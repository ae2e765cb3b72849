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

G_END_DECLS
