/* rst-diagnostic-gutter.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-diagnostic.h"
#include "rst-diagnostic-gutter.h"
#include "rst-document-checker.h"

/* GtkSourceView's own mark renderer paints symbolic icons grey. This one
 * paints them in the severity's colour, as GNOME Builder does, taken from
 * the diagnostic tags so that it follows the light and dark schemes.
 */
struct _RstDiagnosticGutter
{
  GtkSourceGutterRenderer  parent_instance;
  GtkSourceBuffer         *buffer;
  gulong                   marks_handler;
};

G_DEFINE_FINAL_TYPE (RstDiagnosticGutter, rst_diagnostic_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

#define ICON_SIZE 16

static const struct {
  const char *category;
  const char *tag_name;
} severities[] = {
  [RST_SEVERITY_INFO] = { RST_DOCUMENT_CHECKER_MARK_INFO, "diagnostic-info" },
  [RST_SEVERITY_WARNING] = { RST_DOCUMENT_CHECKER_MARK_WARNING, "diagnostic-warning" },
  [RST_SEVERITY_ERROR] = { RST_DOCUMENT_CHECKER_MARK_ERROR, "diagnostic-error" },
};

GtkSourceGutterRenderer *
rst_diagnostic_gutter_new (void)
{
  return g_object_new (RST_TYPE_DIAGNOSTIC_GUTTER, NULL);
}

/* The worst severity with a mark on @line, or -1. */
static int
worst_severity_at_line (GtkSourceBuffer *buffer,
                        guint            line)
{
  for (int severity = RST_SEVERITY_ERROR; severity >= RST_SEVERITY_INFO; severity--)
    {
      GSList *marks = gtk_source_buffer_get_source_marks_at_line (buffer, line, severities[severity].category);
      gboolean found = marks != NULL;

      g_slist_free (marks);
      if (found)
        return severity;
    }

  return -1;
}

static void
rst_diagnostic_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                     GtkSnapshot             *snapshot,
                                     GtkSourceGutterLines    *lines,
                                     guint                    line)
{
  GtkSourceBuffer *buffer = gtk_source_gutter_renderer_get_buffer (renderer);
  GtkWidget *widget = GTK_WIDGET (renderer);
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkTextTag *tag;
  GdkRGBA colors[4];
  GdkRGBA *underline = NULL;
  int severity, y, height;
  double x;

  if (buffer == NULL || (severity = worst_severity_at_line (buffer, line)) < 0)
    return;

  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     rst_severity_get_icon_name (severity), NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);

  /* Foreground, error, warning, success: all the severity's colour. */
  colors[0] = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)),
                                   severities[severity].tag_name);
  if (tag != NULL)
    g_object_get (tag, "underline-rgba", &underline, NULL);
  if (underline != NULL)
    {
      colors[0] = *underline;
      gdk_rgba_free (underline);
    }
  colors[1] = colors[2] = colors[3] = colors[0];

  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_FIRST,
                                           &y, &height);
  x = (gtk_widget_get_width (widget) - ICON_SIZE) / 2.0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (height - ICON_SIZE) / 2.0));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

/* The message of the diagnostics on the line under the pointer. */
static gboolean
rst_diagnostic_gutter_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  GtkSourceGutterRenderer *renderer = GTK_SOURCE_GUTTER_RENDERER (widget);
  GtkSourceBuffer *buffer = gtk_source_gutter_renderer_get_buffer (renderer);
  GtkSourceView *view = gtk_source_gutter_renderer_get_view (renderer);
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  double vx, vy;
  int bx, by;

  if (buffer == NULL || view == NULL ||
      !gtk_widget_translate_coordinates (widget, GTK_WIDGET (view), x, y, &vx, &vy))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, (int)vx, (int)vy, &bx, &by);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &iter, by, NULL);

  for (int severity = RST_SEVERITY_ERROR; severity >= RST_SEVERITY_INFO; severity--)
    {
      GSList *marks = gtk_source_buffer_get_source_marks_at_line (buffer, gtk_text_iter_get_line (&iter),
                                                                  severities[severity].category);

      for (GSList *l = marks; l != NULL; l = l->next)
        {
          RstDiagnostic *diagnostic = g_object_get_data (l->data, "rst-diagnostic");

          if (diagnostic == NULL)
            continue;
          if (text == NULL)
            text = g_string_new (NULL);
          else
            g_string_append_c (text, '\n');
          g_string_append (text, rst_diagnostic_get_message (diagnostic));
        }
      g_slist_free (marks);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
rst_diagnostic_gutter_change_buffer (GtkSourceGutterRenderer *renderer,
                                     GtkSourceBuffer         *old_buffer)
{
  RstDiagnosticGutter *self = RST_DIAGNOSTIC_GUTTER (renderer);

  if (self->buffer != NULL)
    g_clear_signal_handler (&self->marks_handler, self->buffer);
  g_set_weak_pointer (&self->buffer, gtk_source_gutter_renderer_get_buffer (renderer));
  if (self->buffer != NULL)
    self->marks_handler = g_signal_connect_object (self->buffer, "source-mark-updated",
                                                   G_CALLBACK (gtk_widget_queue_draw), self,
                                                   G_CONNECT_SWAPPED);
}

static void
rst_diagnostic_gutter_dispose (GObject *object)
{
  RstDiagnosticGutter *self = (RstDiagnosticGutter *)object;

  if (self->buffer != NULL)
    g_clear_signal_handler (&self->marks_handler, self->buffer);
  g_clear_weak_pointer (&self->buffer);

  G_OBJECT_CLASS (rst_diagnostic_gutter_parent_class)->dispose (object);
}

static void
rst_diagnostic_gutter_class_init (RstDiagnosticGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = rst_diagnostic_gutter_dispose;
  widget_class->query_tooltip = rst_diagnostic_gutter_query_tooltip;
  renderer_class->snapshot_line = rst_diagnostic_gutter_snapshot_line;
  renderer_class->change_buffer = rst_diagnostic_gutter_change_buffer;
}

static void
rst_diagnostic_gutter_init (RstDiagnosticGutter *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), ICON_SIZE + 8, -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
