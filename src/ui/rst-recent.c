/* rst-recent.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rst-display-name.h"
#include "rst-recent.h"

/* The statements Rostrum opened or saved lately, from GtkRecentManager
 * (rst-session.c adds them), for the start screen and the primary menu.
 * Files other applications opened are not statements: they stay out.
 */

#define MENU_ITEMS 10

static gint
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  GDateTime *da = gtk_recent_info_get_modified (*(GtkRecentInfo **)a);
  GDateTime *db = gtk_recent_info_get_modified (*(GtkRecentInfo **)b);

  return g_date_time_compare (db, da);
}

/**
 * rst_recent_list_uris:
 * @max_items: how many at most
 *
 * Returns: (transfer full) (element-type utf8): the URIs of the statements
 *   Rostrum opened lately that still exist, the most recent first
 */
GPtrArray *
rst_recent_list_uris (guint max_items)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  GPtrArray *uris = g_ptr_array_new_with_free_func (g_free);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_group (info, "rostrum") && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_modified);
  for (guint i = 0; i < infos->len && i < max_items; i++)
    g_ptr_array_add (uris, g_strdup (gtk_recent_info_get_uri (g_ptr_array_index (infos, i))));

  return uris;
}

/* Only what Rostrum opened or saved becomes a recent statement. */
void
rst_recent_add (GFile *file)
{
  static char *groups[] = { (char *)"rostrum", NULL };
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  data.mime_type = (char *)"text/markdown";
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"rostrum %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
rst_recent_menu_update (GMenu *menu)
{
  g_autoptr(GPtrArray) uris = rst_recent_list_uris (MENU_ITEMS);

  g_menu_remove_all (menu);
  for (guint i = 0; i < uris->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_ptr_array_index (uris, i));
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.open-uri", "s", g_ptr_array_index (uris, i));
      g_menu_append_item (menu, item);
    }
}

/**
 * rst_recent_menu_new:
 *
 * Returns: (transfer full): a menu of the recent statements that follows
 *   the recent manager
 */
GMenuModel *
rst_recent_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rst_recent_menu_update), menu, G_CONNECT_SWAPPED);
  rst_recent_menu_update (menu);

  return G_MENU_MODEL (menu);
}

/* Rows that open the statement when activated; the list hides when
 * there is none.
 */
void
rst_recent_fill_list_box (GtkListBox *list_box,
                          guint       max_items)
{
  g_autoptr(GPtrArray) uris = rst_recent_list_uris (max_items);
  GtkWidget *child;
  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);

  for (guint i = 0; i < uris->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_ptr_array_index (uris, i));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *where = rst_display_name_dup_folder (file);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-uri");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", g_ptr_array_index (uris, i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (list_box, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (list_box), uris->len > 0);
}
