/* test-shortcuts.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Keyboard Shortcuts window lists every action that has an
 * accelerator, the accelerators are the ones GNOME users expect, and the
 * actions of the primary menu all exist.
 */

#include "config.h"

#include "rst-test-ui.h"
#include "rst-window.h"
#include "rst-zoom-control.h"

static RstApplication *app;

/* The action names of the Keyboard Shortcuts window. */
static GPtrArray *
load_overlay_actions (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/rst-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_free);

  for (const GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, NULL);
      if (action != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action));
    }
  /* A toplevel outlives its builder. */
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  return actions;
}

static void
test_shortcuts_overlay_lists_every_accel (void)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_auto(GStrv) described = NULL;
  guint n_with_accels = 0;

  RST_TEST_REQUIRE_DISPLAY ();

  listed = load_overlay_actions ();
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);

      if (accels[0] == NULL)
        continue;
      n_with_accels++;
      if (!g_ptr_array_find_with_equal_func (listed, described[i], g_str_equal, NULL))
        g_error ("%s (%s) is not in the Keyboard Shortcuts window", described[i], accels[0]);
    }

  g_assert_cmpuint (n_with_accels, >=, 10);
}

/* What GNOME applications use for the same actions. */
static void
test_shortcuts_expected_accels (void)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "app.new", "<Control>n" },
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Control><Shift>s" },
    { "win.print", "<Control>p" },
    { "win.close-page", "<Control>w" },
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
    { "app.new-window", "<Control><Alt>n" },
    { "app.reopen-closed-tab", "<Control><Shift>t" },
  };

  RST_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      guint key, expected_key;
      GdkModifierType mods, expected_mods;

      g_assert_nonnull (accels[0]);
      /* Compared parsed: "<Shift><Control>s" is "<Control><Shift>s". */
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &expected_key, &expected_mods));
      if (key != expected_key || mods != expected_mods)
        g_error ("%s is on %s, not %s", expected[i].action, accels[0], expected[i].accel);
    }
}

/* Actions installed with gtk_widget_class_install_action() are not in
 * the window's GActionMap.
 */
static gboolean
window_class_has_action (GtkWidget  *window,
                         const char *action)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property_name); i++)
    if (g_str_equal (name, action))
      return TRUE;

  return FALSE;
}

/* Every item of the primary menu names an action the window can run, so
 * that nothing in it is greyed out or reachable only by mouse.
 */
static void
check_menu_actions (GtkWidget  *window,
                    GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          const char *dot = strchr (action, '.');

          g_assert_nonnull (dot);
          if (g_str_has_prefix (action, "app."))
            {
              if (!g_action_group_has_action (G_ACTION_GROUP (app), dot + 1))
                g_error ("The menu names %s, which the application does not have", action);
            }
          else if (g_str_has_prefix (action, "win."))
            {
              if (!g_action_group_has_action (G_ACTION_GROUP (window), dot + 1) &&
                  !window_class_has_action (window, action))
                g_error ("The menu names %s, which the window does not have", action);
            }
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          check_menu_actions (window, link);
          g_object_unref (link);
        }
    }
}

static void
test_shortcuts_menu_actions (void)
{
  RstWindow *window;
  GtkWidget *button;
  GMenuModel *menu = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* The primary menu button, the one F10 opens. */
  button = rst_test_ui_find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  /* The menu is made when it first opens, with the zoom row on top. */
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
  g_assert_nonnull (rst_test_ui_find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), RST_TYPE_ZOOM_CONTROL));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  check_menu_actions (GTK_WIDGET (window), menu);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_shortcuts_windows (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      n += GTK_IS_SHORTCUTS_WINDOW (toplevel);
    }

  return n;
}

/* Every shortcut named by its action shows that action's accelerator. */
static guint
check_shown_accels (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;

      g_object_get (widget, "action-name", &action, NULL);
      if (action != NULL)
        {
          GtkShortcutLabel *label = (GtkShortcutLabel *) rst_test_ui_find_descendant (widget, GTK_TYPE_SHORTCUT_LABEL);
          const char *accel = label ? gtk_shortcut_label_get_accelerator (label) : NULL;

          if (accel == NULL || *accel == '\0')
            g_error ("The Keyboard Shortcuts window shows no keys for %s", action);
          n++;
        }
      return n;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_shown_accels (child);

  return n;
}

/* Built on first use, once per window, and gone with its window. */
static void
test_shortcuts_window_on_demand (void)
{
  RstWindow *window;
  GtkWindow *shortcuts;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (count_shortcuts_windows (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_cmpuint (check_shown_accels (GTK_WIDGET (shortcuts)), >=, 10);

  /* Closing hides it; asking again shows the same one. */
  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_shortcuts_windows (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/shortcuts/overlay-lists-every-accel", test_shortcuts_overlay_lists_every_accel);
  g_test_add_func ("/shortcuts/expected-accels", test_shortcuts_expected_accels);
  g_test_add_func ("/shortcuts/menu-actions", test_shortcuts_menu_actions);
  g_test_add_func ("/shortcuts/window-on-demand", test_shortcuts_window_on_demand);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
