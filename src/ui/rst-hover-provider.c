/* rst-hover-provider.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-hover-provider.h"

struct _RstHoverProvider
{
  GObject             parent_instance;
  RstDocumentChecker *checker;
};

static void hover_provider_iface_init (GtkSourceHoverProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RstHoverProvider, rst_hover_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_HOVER_PROVIDER, hover_provider_iface_init))

static void
fix_clicked_cb (GtkButton        *button,
                RstHoverProvider *self)
{
  RstDiagnostic *diagnostic = g_object_get_data (G_OBJECT (button), "rst-diagnostic");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rst-fix-index"));
  GtkWidget *popover;

  if (self->checker != NULL)
    rst_document_checker_apply_fix (self->checker, diagnostic, index);

  /* The text under the hover changed: what it says no longer applies. */
  popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
create_diagnostic_widget (RstHoverProvider *self,
                          RstDiagnostic    *diagnostic)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon;
  GtkWidget *label = gtk_label_new (rst_diagnostic_get_message (diagnostic));
  GPtrArray *fixes = rst_diagnostic_get_fixes (diagnostic);
  RstSeverity severity = rst_diagnostic_get_severity (diagnostic);

  icon = gtk_image_new_from_icon_name (rst_severity_get_icon_name (severity));
  gtk_widget_add_css_class (icon, severity == RST_SEVERITY_ERROR ? "error"
                                  : severity == RST_SEVERITY_WARNING ? "warning" : "accent");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (box), top);

  for (guint i = 0; fixes != NULL && i < fixes->len; i++)
    {
      RstFix *fix = g_ptr_array_index (fixes, i);
      GtkWidget *button = gtk_button_new_with_label (fix->label ? fix->label : _("Fix"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_start (button, 25);
      g_object_set_data_full (G_OBJECT (button), "rst-diagnostic", g_object_ref (diagnostic), g_object_unref);
      g_object_set_data (G_OBJECT (button), "rst-fix-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, G_CONNECT_DEFAULT);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static gboolean
rst_hover_provider_populate (GtkSourceHoverProvider  *provider,
                             GtkSourceHoverContext   *context,
                             GtkSourceHoverDisplay   *display,
                             GError                 **error)
{
  RstHoverProvider *self = RST_HOVER_PROVIDER (provider);
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  if (self->checker == NULL || !gtk_source_hover_context_get_iter (context, &iter))
    goto nothing;

  found = rst_document_checker_list_at_iter (self->checker, &iter);
  if (found->len == 0)
    goto nothing;

  for (guint i = 0; i < found->len; i++)
    gtk_source_hover_display_append (display, create_diagnostic_widget (self, g_ptr_array_index (found, i)));

  return TRUE;

nothing:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No diagnostic here");
  return FALSE;
}

/* The checker is fast and in memory: the answer is ready at once. */
static void
rst_hover_provider_populate_async (GtkSourceHoverProvider *provider,
                                   GtkSourceHoverContext  *context,
                                   GtkSourceHoverDisplay  *display,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, rst_hover_provider_populate_async);
  if (rst_hover_provider_populate (provider, context, display, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
rst_hover_provider_populate_finish (GtkSourceHoverProvider  *provider,
                                    GAsyncResult            *result,
                                    GError                 **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hover_provider_iface_init (GtkSourceHoverProviderInterface *iface)
{
  iface->populate = rst_hover_provider_populate;
  iface->populate_async = rst_hover_provider_populate_async;
  iface->populate_finish = rst_hover_provider_populate_finish;
}

static void
rst_hover_provider_finalize (GObject *object)
{
  RstHoverProvider *self = (RstHoverProvider *)object;

  g_clear_weak_pointer (&self->checker);

  G_OBJECT_CLASS (rst_hover_provider_parent_class)->finalize (object);
}

static void
rst_hover_provider_class_init (RstHoverProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_hover_provider_finalize;
}

static void
rst_hover_provider_init (RstHoverProvider *self)
{
}

/**
 * rst_hover_provider_new:
 * @checker: the checker of the view's document; not kept alive
 *
 * Returns: (transfer full): a provider for gtk_source_hover_add_provider()
 */
RstHoverProvider *
rst_hover_provider_new (RstDocumentChecker *checker)
{
  RstHoverProvider *self;

  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (checker), NULL);

  self = g_object_new (RST_TYPE_HOVER_PROVIDER, NULL);
  g_set_weak_pointer (&self->checker, checker);
  return self;
}
