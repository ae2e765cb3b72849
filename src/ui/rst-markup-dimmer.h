/* rst-markup-dimmer.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RST_MARKUP_DIMMER_TAG "rst-markup-dim"

void   rst_markup_dimmer_attach                (GtkTextView *view);
void   rst_markup_dimmer_flush                 (GtkTextView *view);
guint  rst_markup_dimmer_get_n_scanned_lines   (GtkTextView *view);

G_END_DECLS
