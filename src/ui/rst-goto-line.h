/* rst-goto-line.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    rst_goto_line_parse        (const char  *text,
                                        guint       *line);
void        rst_goto_line_move_to      (GtkTextView *view,
                                        guint        line);
GtkPopover *rst_goto_line_popover_new  (GtkTextView *view);
void        rst_goto_line_popup        (GtkPopover  *popover);

G_END_DECLS
