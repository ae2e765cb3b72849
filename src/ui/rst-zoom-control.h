/* rst-zoom-control.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RST_TYPE_ZOOM_CONTROL (rst_zoom_control_get_type ())

G_DECLARE_FINAL_TYPE (RstZoomControl, rst_zoom_control, RST, ZOOM_CONTROL, GtkWidget)

GtkWidget  *rst_zoom_control_new        (void);
const char *rst_zoom_control_get_label  (RstZoomControl *self);
char       *rst_zoom_control_dup_level  (double          zoom);

G_END_DECLS
