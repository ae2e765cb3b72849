/* test-zoom-control.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoom: Ctrl+plus, Ctrl+minus and Ctrl+0 run the window's zoom actions,
 * which change the "zoom" setting; the editor font of every page grows
 * and shrinks with it, and the main menu's zoom row shows the level.
 */

#include "config.h"

#include "rst-test-ui.h"
#include "rst-view-settings.h"
#include "rst-window.h"
#include "rst-zoom-control.h"

static RstApplication *app;

static void
iterate (void)
{
  /* Style changes reach the Pango context once the CSS is recomputed. */
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The size the view lays its text out in. */
static double
view_font_size (GtkWidget *view)
{
  const PangoFontDescription *desc = pango_context_get_font_description (gtk_widget_get_pango_context (view));

  return (double) pango_font_description_get_size (desc) / PANGO_SCALE;
}

static void
test_zoom_css (void)
{
  g_autofree char *custom = rst_view_settings_zoomed_font_to_css ("Noto Serif 10", 1.5);
  g_autofree char *system = rst_view_settings_zoomed_font_to_css (NULL, 1.2);
  g_autofree char *one = rst_view_settings_zoomed_font_to_css (NULL, 1.0);
  g_autofree char *clamped = rst_view_settings_zoomed_font_to_css ("Sans 10", 100.0);

  g_assert_nonnull (strstr (custom, "font-size: 15.0pt;"));
  g_assert_nonnull (strstr (custom, "font-family: \"Noto Serif\";"));
  g_assert_nonnull (strstr (system, "font-size: 120%;"));
  g_assert_null (strstr (one, "font-size"));
  g_assert_nonnull (strstr (clamped, "font-size: 40.0pt;"));

  /* Steps from 100 %, and the bounds of the schema. */
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (1.0, 1), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (1.0, -1), 0.9, 0.001);
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (1.05, 1), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (4.0, 1), 4.0, 0.001);
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (0.3, -1), 0.3, 0.001);
  g_assert_cmpfloat_with_epsilon (rst_view_settings_zoom_step (2.7, 0), 1.0, 0.001);
}

static void
test_zoom_accels (void)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "win.zoom-in", "<Control>plus" },
    { "win.zoom-in", "<Control>equal" },
    { "win.zoom-out", "<Control>minus" },
    { "win.zoom-one", "<Control>0" },
    { "win.find", "<Control>f" },
    { "win.find-replace", "<Control>h" },
    { "win.find-next", "<Control>g" },
    { "win.find-previous", "<Control><Shift>g" },
    { "win.go-to-line", "<Control>i" },
  };

  RST_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);
      guint expected_key, key;
      GdkModifierType expected_mods, mods;
      gboolean found = FALSE;

      /* Compared parsed: "<Shift><Control>g" is "<Control><Shift>g". */
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &expected_key, &expected_mods));
      for (guint j = 0; accels[j] != NULL && !found; j++)
        found = gtk_accelerator_parse (accels[j], &key, &mods) && key == expected_key && mods == expected_mods;
      if (!found)
        g_error ("%s is not on %s", expected[i].action, expected[i].accel);
    }
}

static void
test_zoom_font_and_setting (void)
{
  GSettings *settings = rst_application_get_settings (app);
  RstWindow *window;
  RstPage *second;
  GtkWidget *view;
  GtkWidget *control;
  double base, zoomed;

  RST_TEST_REQUIRE_DISPLAY ();

  g_settings_reset (settings, "zoom");
  g_settings_set_boolean (settings, "use-system-font", FALSE);
  g_settings_set_string (settings, "custom-font", "Sans 12");

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  view = rst_window_get_view (window);
  iterate ();
  base = view_font_size (view);
  /* 12 pt, as GTK lays it out in pixels: 16 at 96 dpi. */
  g_assert_cmpfloat (base, >, 0);

  /* The main menu's row shows the level, once the menu is opened. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (rst_test_ui_find_primary_menu_button (GTK_WIDGET (window))));
  control = rst_test_ui_find_descendant (GTK_WIDGET (window), RST_TYPE_ZOOM_CONTROL);
  g_assert_nonnull (control);
  g_assert_cmpstr (rst_zoom_control_get_label (RST_ZOOM_CONTROL (control)), ==, "100%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  iterate ();
  /* Remembered, and every page follows it: the one open and a new one. */
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.2, 0.001);
  zoomed = view_font_size (view);
  g_assert_cmpfloat_with_epsilon (zoomed, 1.2 * base, 0.06);
  second = rst_window_add_page (window);
  iterate ();
  g_assert_cmpfloat_with_epsilon (view_font_size (rst_page_get_view (second)), zoomed, 0.01);
  g_assert_cmpstr (rst_zoom_control_get_label (RST_ZOOM_CONTROL (control)), ==, "120%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  iterate ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 0.001);

  /* Never below the schema's bound, however often. */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 0.3, 0.001);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-one", NULL));
  iterate ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (view_font_size (view), base, 0.01);

  /* The system font grows too. */
  g_settings_set_boolean (settings, "use-system-font", TRUE);
  iterate ();
  base = view_font_size (view);
  g_settings_set_double (settings, "zoom", 2.0);
  iterate ();
  g_assert_cmpfloat_with_epsilon (view_font_size (view), 2 * base, 0.06);

  g_settings_reset (settings, "zoom");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/zoom-control/css", test_zoom_css);
  g_test_add_func ("/zoom-control/accels", test_zoom_accels);
  g_test_add_func ("/zoom-control/font-and-setting", test_zoom_font_and_setting);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
