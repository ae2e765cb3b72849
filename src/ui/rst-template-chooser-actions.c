/* rst-template-chooser-actions.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-file-filter.h"
#include "rst-template-chooser-private.h"
#include "rst-template-name-dialog.h"

/* What the drafter does to user templates from a row's menu (chooser.*:
 * rename, duplicate, export, delete) and the chooser's import buttons,
 * as GNOME Text Editor's editor-*-actions.c: each action asks what it
 * needs and hands the work to the template store.
 */

static void
rst_template_chooser_show_error (GtkWindow    *parent,
                                 const char   *heading,
                                 const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_with_name (gpointer    owner,
                  const char *name,
                  gpointer    data)
{
  RstTemplateChooser *self = owner;
  g_autoptr(RstTemplate) renamed = NULL;
  g_autoptr(GError) error = NULL;

  renamed = rst_template_store_rename (self->store, data, name, &error);
  if (renamed == NULL)
    rst_template_chooser_show_error (GTK_WINDOW (self), _("Could Not Rename the Template"), error);
}

static void
rst_template_chooser_rename (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  RstTemplateChooser *self = RST_TEMPLATE_CHOOSER (widget);
  const char *id = g_variant_get_string (param, NULL);
  RstTemplate *template = rst_template_store_lookup (self->store, id);

  if (template == NULL)
    return;

  rst_template_name_dialog_ask (GTK_WINDOW (self), G_OBJECT (self), _("Rename Template"), NULL,
                                rst_template_get_name (template), _("_Rename"), NULL,
                                rename_with_name, NULL, id);
}

static void
rst_template_chooser_duplicate (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  RstTemplateChooser *self = RST_TEMPLATE_CHOOSER (widget);
  g_autoptr(RstTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = rst_template_store_duplicate (self->store, g_variant_get_string (param, NULL), &error);
  if (copy == NULL)
    {
      rst_template_chooser_show_error (GTK_WINDOW (self), _("Could Not Duplicate the Template"), error);
      return;
    }

  rst_template_chooser_select_template (self, rst_template_get_id (copy));
}

static void
delete_response (AdwMessageDialog   *dialog,
                 const char         *response,
                 RstTemplateChooser *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "template-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !rst_template_store_delete (self->store, id, &error))
    rst_template_chooser_show_error (GTK_WINDOW (self), _("Could Not Delete the Template"), error);
}

static void
rst_template_chooser_delete (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  RstTemplateChooser *self = RST_TEMPLATE_CHOOSER (widget);
  const char *id = g_variant_get_string (param, NULL);
  RstTemplate *template = rst_template_store_lookup (self->store, id);
  AdwMessageDialog *dialog;

  if (template == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Template?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” will be deleted from your templates."),
                                  rst_template_get_name (template));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "template-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(RstTemplateChooser) self = user_data;
  const char *id = g_object_get_data (G_OBJECT (chooser), "template-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!rst_template_store_export (self->store, id, file, &error))
        rst_template_chooser_show_error (GTK_WINDOW (self), _("Could Not Export the Template"), error);
    }

  g_object_unref (chooser);
}

static void
rst_template_chooser_export (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  RstTemplateChooser *self = RST_TEMPLATE_CHOOSER (widget);
  const char *id = g_variant_get_string (param, NULL);
  RstTemplate *template = rst_template_store_lookup (self->store, id);
  g_autoptr(GtkFileFilter) filter = rst_file_filter_new_for_statements ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (template == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Template"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strconcat (rst_template_get_file_id (template), ".md", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "template-id", g_strdup (id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(RstTemplateChooser) self = user_data;
  gboolean statement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "from-statement"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(RstTemplate) template = NULL;
      g_autoptr(GError) error = NULL;

      if (statement)
        template = rst_template_chooser_import_statement (self, file, &error);
      else
        template = rst_template_store_import (self->store, file, &error);

      if (template == NULL)
        rst_template_chooser_show_error (GTK_WINDOW (self), _("Could Not Import the Template"), error);
      else
        rst_template_chooser_select_template (self, rst_template_get_id (template));
    }

  g_object_unref (chooser);
}

static void
rst_template_chooser_import (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  RstTemplateChooser *self = RST_TEMPLATE_CHOOSER (widget);
  gboolean statement = g_str_equal (action_name, "chooser.from-statement");
  g_autoptr(GtkFileFilter) filter = rst_file_filter_new_for_statements ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (statement ? _("Start from a Previous Statement")
                                                   : _("Import Template"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "from-statement", GINT_TO_POINTER (statement));
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_rst_template_chooser_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chooser.import", NULL, rst_template_chooser_import);
  gtk_widget_class_install_action (widget_class, "chooser.from-statement", NULL, rst_template_chooser_import);
  gtk_widget_class_install_action (widget_class, "chooser.rename", "s", rst_template_chooser_rename);
  gtk_widget_class_install_action (widget_class, "chooser.duplicate", "s", rst_template_chooser_duplicate);
  gtk_widget_class_install_action (widget_class, "chooser.export", "s", rst_template_chooser_export);
  gtk_widget_class_install_action (widget_class, "chooser.delete", "s", rst_template_chooser_delete);
}
