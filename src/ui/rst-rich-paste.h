/* rst-rich-paste.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Paste in @view takes the rich text (text/html) a word processor or a
 * web page puts on the clipboard as clean paragraphs, and the plain text
 * otherwise.
 */
void rst_rich_paste_attach (GtkTextView *view);

G_END_DECLS
