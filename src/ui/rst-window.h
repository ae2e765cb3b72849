/* rst-window.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-application.h"
#include "rst-document.h"
#include "rst-page.h"

G_BEGIN_DECLS

#define RST_TYPE_WINDOW (rst_window_get_type ())

G_DECLARE_FINAL_TYPE (RstWindow, rst_window, RST, WINDOW, AdwApplicationWindow)

RstWindow   *rst_window_new              (RstApplication *application);
RstPage     *rst_window_add_page         (RstWindow      *self);
RstPage     *rst_window_get_current_page (RstWindow      *self);
AdwTabView  *rst_window_get_tab_view     (RstWindow      *self);
void         rst_window_open_file        (RstWindow      *self,
                                          GFile          *file);
void         rst_window_close_without_asking
                                         (RstWindow      *self);
void         rst_window_add_toast        (RstWindow      *self,
                                          AdwToast       *toast);
/* Shorthands for the current page, used by actions and tests. */
RstDocument *rst_window_get_document     (RstWindow      *self);
GtkWidget   *rst_window_get_view         (RstWindow      *self);

G_END_DECLS
