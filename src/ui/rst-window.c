/* rst-window.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-display-name.h"
#include "rst-recent.h"
#include "rst-save-changes-dialog.h"
#include "rst-window-private.h"

/* A window of statements, one per tab, as GNOME Text Editor's: this file
 * builds it and keeps its state (the title of the current tab, the start
 * screen, closing); what the drafter asks of it is in
 * rst-window-actions.c.
 */

G_DEFINE_FINAL_TYPE (RstWindow, rst_window, ADW_TYPE_APPLICATION_WINDOW)

RstWindow *
rst_window_new (RstApplication *application)
{
  return g_object_new (RST_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * rst_window_get_tab_view:
 *
 * Returns: (transfer none): the tabs
 */
AdwTabView *
rst_window_get_tab_view (RstWindow *self)
{
  g_return_val_if_fail (RST_IS_WINDOW (self), NULL);

  return self->tab_view;
}

/**
 * rst_window_get_current_page:
 *
 * Returns: (transfer none) (nullable): the selected page
 */
RstPage *
rst_window_get_current_page (RstWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (RST_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page ? RST_PAGE (adw_tab_page_get_child (page)) : NULL;
}

/**
 * rst_window_get_document:
 *
 * Returns: (transfer none) (nullable): the statement in the selected tab
 */
RstDocument *
rst_window_get_document (RstWindow *self)
{
  RstPage *page = rst_window_get_current_page (self);

  return page ? rst_page_get_document (page) : NULL;
}

/**
 * rst_window_get_view:
 *
 * Returns: (transfer none) (nullable): the text view of the selected tab
 */
GtkWidget *
rst_window_get_view (RstWindow *self)
{
  RstPage *page = rst_window_get_current_page (self);

  return page ? rst_page_get_view (page) : NULL;
}

void
rst_window_add_toast (RstWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (RST_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "• name" for a statement with unsaved changes, as GNOME Text Editor marks it. */
static char *
rst_window_dup_page_label (RstPage *page)
{
  g_autofree char *title = rst_page_dup_title (page);

  return rst_page_get_modified (page) ? g_strdup_printf ("• %s", title) : g_steal_pointer (&title);
}

static void
rst_window_update_title (RstWindow *self)
{
  RstPage *page = rst_window_get_current_page (self);
  g_autofree char *label = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;

  if (page == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Rostrum"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Rostrum"));
      return;
    }

  label = rst_window_dup_page_label (page);
  adw_window_title_set_title (self->window_title, label);

  file = rst_document_get_file (rst_page_get_document (page));
  if (file != NULL)
    {
      g_autofree char *where = rst_display_name_dup_folder (file);

      adw_window_title_set_subtitle (self->window_title, where);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("Not saved"));

  /* Translators: the window title, "statement.md – Rostrum" */
  window_title = g_strdup_printf (_("%s – Rostrum"), label);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
rst_window_update_tab (RstPage    *page,
                       GParamSpec *pspec,
                       AdwTabPage *tab)
{
  g_autofree char *label = rst_window_dup_page_label (page);
  GFile *file = rst_document_get_file (rst_page_get_document (page));
  g_autofree char *where = file ? g_file_get_parse_name (file) : NULL;

  adw_tab_page_set_title (tab, label);
  /* Two statements may share a name; the tooltip tells them apart. */
  adw_tab_page_set_tooltip (tab, where ? where : label);
}

static void
rst_window_track_page (RstWindow *self)
{
  RstPage *page = rst_window_get_current_page (self);

  if (self->tracked_page != NULL)
    {
      g_clear_signal_handler (&self->tracked_title_handler, self->tracked_page);
      g_clear_signal_handler (&self->tracked_file_handler, rst_page_get_document (self->tracked_page));
      g_clear_weak_pointer (&self->tracked_page);
    }

  if (page != NULL)
    {
      g_set_weak_pointer (&self->tracked_page, page);
      self->tracked_title_handler =
        g_signal_connect_object (page, "notify::modified",
                                 G_CALLBACK (rst_window_update_title), self, G_CONNECT_SWAPPED);
      self->tracked_file_handler =
        g_signal_connect_object (rst_page_get_document (page), "notify::title",
                                 G_CALLBACK (rst_window_update_title), self, G_CONNECT_SWAPPED);
      /* Not while the window is destroyed and its tabs go one by one. */
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        gtk_widget_grab_focus (rst_page_get_view (page));
    }

  rst_window_update_title (self);
}

/* The sidebar (ui-live): F9 and the header-bar toggle act on the current
 * page, which remembers the choice for all pages.
 */
static void
rst_window_sync_sidebar_action (RstWindow *self)
{
  RstPage *page = rst_window_get_current_page (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-sidebar");

  if (action != NULL && page != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_boolean (rst_page_get_sidebar_visible (page)));
}

/**
 * rst_window_add_page:
 *
 * Adds an empty statement in a new tab and selects it.
 *
 * Returns: (transfer none): the new page
 */
RstPage *
rst_window_add_page (RstWindow *self)
{
  RstPage *page;
  AdwTabPage *tab;

  g_return_val_if_fail (RST_IS_WINDOW (self), NULL);

  page = rst_page_new ();
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));

  g_signal_connect_object (page, "notify::title", G_CALLBACK (rst_window_update_tab), tab, G_CONNECT_DEFAULT);
  g_signal_connect_object (page, "notify::modified", G_CALLBACK (rst_window_update_tab), tab, G_CONNECT_DEFAULT);
  g_signal_connect_object (page, "notify::sidebar-visible", G_CALLBACK (rst_window_sync_sidebar_action), self, G_CONNECT_SWAPPED);
  rst_window_update_tab (page, NULL, tab);

  adw_tab_view_set_selected_page (self->tab_view, tab);

  return page;
}

/**
 * rst_window_open_file:
 *
 * Opens @file in the selected tab when nobody has typed in it yet,
 * otherwise in a new tab; a file already open is only brought forward.
 * A Word, OpenDocument, PDF or HTML file is imported into a new unsaved
 * statement instead.
 */
void
rst_window_open_file (RstWindow *self,
                      GFile     *file)
{
  RstPage *page;
  guint n_pages;

  g_return_if_fail (RST_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (_rst_window_is_import (file))
    {
      _rst_window_import_file (self, file);
      return;
    }

  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < n_pages; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      GFile *location = rst_document_get_file (rst_page_get_document (RST_PAGE (adw_tab_page_get_child (tab))));

      if (location != NULL && g_file_equal (location, file))
        {
          adw_tab_view_set_selected_page (self->tab_view, tab);
          return;
        }
    }

  page = rst_window_get_current_page (self);
  if (page == NULL || !rst_page_is_pristine (page))
    page = rst_window_add_page (self);

  rst_page_load_file (page, file);
}

/* Closing one tab with unsaved changes: Save, Discard or Cancel. */
typedef struct
{
  RstWindow  *self;
  AdwTabPage *tab;
} ClosePage;

static void
close_page_free (ClosePage *close)
{
  g_object_unref (close->self);
  g_object_unref (close->tab);
  g_free (close);
}

static void
rst_window_close_page_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ClosePage *close = user_data;

  /* A failed or cancelled save keeps the tab. */
  adw_tab_view_close_page_finish (close->self->tab_view, close->tab,
                                  rst_save_changes_dialog_run_finish (result, NULL));
  close_page_free (close);
}

static gboolean
rst_window_close_page (AdwTabView *tab_view,
                       AdwTabPage *tab,
                       RstWindow  *self)
{
  RstPage *page = RST_PAGE (adw_tab_page_get_child (tab));
  g_autoptr(GPtrArray) pages = NULL;
  ClosePage *close;

  if (!rst_page_get_modified (page))
    {
      adw_tab_view_close_page_finish (tab_view, tab, TRUE);
      return GDK_EVENT_STOP;
    }

  pages = g_ptr_array_new ();
  g_ptr_array_add (pages, page);
  close = g_new0 (ClosePage, 1);
  close->self = g_object_ref (self);
  close->tab = g_object_ref (tab);
  rst_save_changes_dialog_run_async (GTK_WINDOW (self), NULL, pages, NULL,
                                     rst_window_close_page_cb, close);

  return GDK_EVENT_STOP;
}

/* Without statements the window shows the start screen rather than
 * closing: the drafter closed a tab, not the application.
 */
static void
rst_window_pages_changed (RstWindow *self)
{
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    {
      rst_recent_fill_list_box (self->recent_list, 8);
      gtk_stack_set_visible_child_name (self->stack, "start");
      gtk_widget_grab_focus (gtk_widget_get_visible (self->start_template_button)
                             ? self->start_template_button
                             : gtk_widget_get_next_sibling (self->start_template_button));
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "tabs");
}

static void
rst_window_setup_tab_menu (AdwTabView *view,
                           AdwTabPage *tab,
                           RstWindow  *self)
{
  /* NULL once the menu closed. */
  g_set_weak_pointer (&self->menu_tab, tab);
}

static GPtrArray *
rst_window_list_modified_pages (RstWindow *self)
{
  GPtrArray *modified = g_ptr_array_new ();
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    {
      RstPage *page = RST_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));

      if (rst_page_get_modified (page))
        g_ptr_array_add (modified, page);
    }

  return modified;
}

static void
rst_window_close_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;

  /* Saved or discarded, every one: the window may go. */
  if (rst_save_changes_dialog_run_finish (result, NULL))
    rst_window_close_without_asking (self);
}

static gboolean
rst_window_close_request (GtkWindow *window)
{
  RstWindow *self = RST_WINDOW (window);
  g_autoptr(GPtrArray) modified = NULL;

  if (self->close_confirmed)
    return GTK_WINDOW_CLASS (rst_window_parent_class)->close_request (window);

  modified = rst_window_list_modified_pages (self);
  if (modified->len == 0)
    return GTK_WINDOW_CLASS (rst_window_parent_class)->close_request (window);

  rst_save_changes_dialog_run_async (window, NULL, modified, NULL,
                                     rst_window_close_cb, g_object_ref (self));

  return TRUE;
}

/**
 * rst_window_close_without_asking:
 *
 * Closes the window once the drafter already chose what becomes of its
 * unsaved changes, when quitting.
 */
void
rst_window_close_without_asking (RstWindow *self)
{
  g_return_if_fail (RST_IS_WINDOW (self));

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
rst_window_constructed (GObject *object)
{
  RstWindow *self = (RstWindow *)object;
  GtkApplication *app;

  G_OBJECT_CLASS (rst_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (RST_IS_APPLICATION (app))
    {
      GSettings *settings = rst_application_get_settings (RST_APPLICATION (app));

      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

}

static void
rst_window_dispose (GObject *object)
{
  RstWindow *self = (RstWindow *)object;

  if (self->tracked_page != NULL)
    {
      g_clear_signal_handler (&self->tracked_title_handler, self->tracked_page);
      g_clear_signal_handler (&self->tracked_file_handler, rst_page_get_document (self->tracked_page));
      g_clear_weak_pointer (&self->tracked_page);
    }

  g_clear_weak_pointer (&self->menu_tab);
  _rst_window_import_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_WINDOW);

  G_OBJECT_CLASS (rst_window_parent_class)->dispose (object);
}

static void
rst_window_class_init (RstWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rst_window_constructed;
  object_class->dispose = rst_window_dispose;

  window_class->close_request = rst_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RstWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, start_template_button);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, recent_menu);

  _rst_window_class_actions_init (klass);
}

static void
rst_window_init (RstWindow *self)
{
  g_autoptr(GMenuModel) recent = rst_recent_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _rst_window_actions_init (self);
  _rst_window_import_init (self);

  g_menu_append_section (self->recent_menu, NULL, recent);
  g_signal_connect_object (self->tab_view, "setup-menu",
                           G_CALLBACK (rst_window_setup_tab_menu), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (rst_window_sync_sidebar_action), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (rst_window_track_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "close-page",
                           G_CALLBACK (rst_window_close_page), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->tab_view, "notify::n-pages",
                           G_CALLBACK (rst_window_pages_changed), self, G_CONNECT_SWAPPED);

  rst_window_add_page (self);
}
