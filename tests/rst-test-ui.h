/* rst-test-ui.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every widget test shares: a display check that skips cleanly without
 * one, and an application instance that needs no session bus.
 */

#pragma once

#include <glib/gstdio.h>

#include "rst-application.h"
#include "rst-document.h"
#include "rst-page.h"
#include "rst-window.h"

G_BEGIN_DECLS

static gboolean rst_test_have_display;

#define RST_TEST_REQUIRE_DISPLAY()                                         \
  G_STMT_START {                                                           \
    if (!rst_test_have_display)                                            \
      {                                                                    \
        g_test_skip ("No display: widget tests run under Xvfb");           \
        return;                                                            \
      }                                                                    \
  } G_STMT_END

/* The user's folders point into a fresh temporary folder, as
 * G_TEST_OPTION_ISOLATE_DIRS would do, but the system data folders stay:
 * GTK, libadwaita and GtkSourceView read their icons, schemes and
 * languages from there. Call before anything reads the XDG folders.
 */
static inline void
rst_test_ui_init (int    *argc,
                  char ***argv)
{
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("rostrum-test-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *path = g_build_filename (root, user_dirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (user_dirs[i], path, TRUE);
    }
  g_setenv ("HOME", root, TRUE);

  g_test_init (argc, argv, NULL);
  rst_test_have_display = gtk_init_check ();
}

/* NON_UNIQUE: the application starts up without owning a bus name. */
static inline RstApplication *
rst_test_ui_create_application (void)
{
  RstApplication *app;
  g_autoptr(GError) error = NULL;

  if (!rst_test_have_display)
    return NULL;

  app = rst_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* The visible toplevel of @type that is transient for @parent (any when
 * %NULL), waiting a little for it to be shown; %NULL if none comes.
 */
static inline GtkWindow *
rst_test_ui_find_toplevel (GType      type,
                           GtkWindow *parent)
{
  for (guint tries = 0; tries < 500; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
              (parent == NULL || gtk_window_get_transient_for (window) == parent) &&
              gtk_widget_get_visible (GTK_WIDGET (window)))
            return window;  /* GTK's list of toplevels keeps it */
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return NULL;
}

/* Loaded, and the analysis published is of the text as it is now. A
 * stuck check fails through Meson's timeout rather than silently.
 */
static inline void
rst_test_ui_wait_checked (RstDocument *document)
{
  RstDocumentChecker *checker = rst_document_get_checker (document);

  while (rst_document_get_busy (document) || !rst_document_checker_get_up_to_date (checker) ||
         rst_document_checker_get_analysis (checker) == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Opens tests/corpus/@name in @window and waits for its analysis. */
static inline RstPage *
rst_test_ui_open_corpus (RstWindow  *window,
                         const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rst_window_open_file (window, file);
  rst_test_ui_wait_checked (rst_window_get_document (window));

  return rst_window_get_current_page (window);
}

typedef gboolean (*RstTestUiMatch) (GtkWidget     *widget,
                                    gconstpointer  data);

/* The first widget under @root (@root too), depth first, that @match
 * takes, or NULL.
 */
static inline GtkWidget *
rst_test_ui_find_widget (GtkWidget      *root,
                         RstTestUiMatch  match,
                         gconstpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rst_test_ui_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* How many widgets under @root (@root too) @match takes. */
static inline guint
rst_test_ui_count_widgets (GtkWidget      *root,
                           RstTestUiMatch  match,
                           gconstpointer   data)
{
  guint n = match (root, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rst_test_ui_count_widgets (child, match, data);

  return n;
}

static inline gboolean
rst_test_ui_is_of_type (GtkWidget     *widget,
                        gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root (@root too), or NULL. */
static inline GtkWidget *
rst_test_ui_find_descendant (GtkWidget *root,
                             GType      type)
{
  return rst_test_ui_find_widget (root, rst_test_ui_is_of_type, GSIZE_TO_POINTER (type));
}

static inline guint
rst_test_ui_count_descendants (GtkWidget *root,
                               GType      type)
{
  return rst_test_ui_count_widgets (root, rst_test_ui_is_of_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
rst_test_ui_is_primary_menu_button (GtkWidget     *widget,
                                    gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The header bar's main menu button, the one F10 opens. */
static inline GtkWidget *
rst_test_ui_find_primary_menu_button (GtkWidget *widget)
{
  return rst_test_ui_find_widget (widget, rst_test_ui_is_primary_menu_button, NULL);
}

G_END_DECLS
