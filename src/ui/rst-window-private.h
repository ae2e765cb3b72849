/* rst-window-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-window.h"

G_BEGIN_DECLS

struct _RstWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwTabView           *tab_view;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  GtkWidget            *start_template_button;
  GMenu                *recent_menu;

  /* The tab whose context menu is open. */
  AdwTabPage           *menu_tab;

  /* The page whose title the window shows, and its signal handlers. */
  RstPage              *tracked_page;
  gulong                tracked_title_handler;
  gulong                tracked_file_handler;

  /* Imports under way (rst-window-import.c), cancelled with the window. */
  GCancellable         *import_cancellable;

  /* Set once the drafter chose to close without saving, or saved. */
  guint                 close_confirmed : 1;
};

void _rst_window_class_actions_init (RstWindowClass *klass);
void _rst_window_actions_init       (RstWindow      *self);

/* Word, OpenDocument, PDF and HTML files (rst-window-import.c) */
gboolean _rst_window_is_import      (GFile          *file);
void     _rst_window_import_file    (RstWindow      *self,
                                     GFile          *file);
void     _rst_window_import_init    (RstWindow      *self);
void     _rst_window_import_dispose (RstWindow      *self);

G_END_DECLS
