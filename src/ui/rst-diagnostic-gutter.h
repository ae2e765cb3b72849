/* rst-diagnostic-gutter.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define RST_TYPE_DIAGNOSTIC_GUTTER (rst_diagnostic_gutter_get_type ())

G_DECLARE_FINAL_TYPE (RstDiagnosticGutter, rst_diagnostic_gutter, RST, DIAGNOSTIC_GUTTER, GtkSourceGutterRenderer)

/* Draws the worst diagnostic of each line as its severity's symbolic icon,
 * in the colour the style scheme gives that severity's underline.
 */
GtkSourceGutterRenderer *rst_diagnostic_gutter_new (void);

G_END_DECLS
