/* rst-zoom-control.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-zoom-control.h"

/* The zoom row of the main menu: out, the level (which resets it) and
 * in. The buttons run the window's zoom actions; the level follows the
 * "zoom" setting, whoever changes it.
 */
struct _RstZoomControl
{
  GtkWidget  parent_instance;

  GSettings *settings;

  /* Template widgets */
  GtkLabel  *level_label;
};

G_DEFINE_FINAL_TYPE (RstZoomControl, rst_zoom_control, GTK_TYPE_WIDGET)

/* "100%", as the locale writes a percentage. */
char *
rst_zoom_control_dup_level (double zoom)
{
  /* Translators: the editor's zoom level, "100%"; write a percentage as
   * your language does ("100 %", "%100")
   */
  return g_strdup_printf (_("%d%%"), (int) (zoom * 100 + 0.5));
}

static void
rst_zoom_control_update (RstZoomControl *self)
{
  g_autofree char *level = rst_zoom_control_dup_level (g_settings_get_double (self->settings, "zoom"));

  gtk_label_set_text (self->level_label, level);
}

const char *
rst_zoom_control_get_label (RstZoomControl *self)
{
  g_return_val_if_fail (RST_IS_ZOOM_CONTROL (self), NULL);

  return gtk_label_get_text (self->level_label);
}

GtkWidget *
rst_zoom_control_new (void)
{
  return g_object_new (RST_TYPE_ZOOM_CONTROL, NULL);
}

static void
rst_zoom_control_dispose (GObject *object)
{
  RstZoomControl *self = (RstZoomControl *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_ZOOM_CONTROL);
  /* The box is no bound child: dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rst_zoom_control_parent_class)->dispose (object);
}

static void
rst_zoom_control_class_init (RstZoomControlClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_zoom_control_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-zoom-control.ui");
  gtk_widget_class_bind_template_child (widget_class, RstZoomControl, level_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rst_zoom_control_init (RstZoomControl *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The window is built before it has its application, so the control
   * reads the setting itself, as every view does.
   */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (rst_zoom_control_update), self, G_CONNECT_SWAPPED);
  rst_zoom_control_update (self);
}
