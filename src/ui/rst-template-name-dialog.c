/* rst-template-name-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-template-name-dialog.h"

/* The name of a template, asked for when one is renamed or a statement
 * is saved as a template.
 */

typedef struct
{
  GObject                 *owner;
  GtkEditable             *entry;
  RstTemplateNameCallback  callback;
  RstTemplateNameCallback  cancelled;
  char                    *data;
} TemplateNameRequest;

static void
name_request_response (AdwMessageDialog    *dialog,
                       const char          *response,
                       TemplateNameRequest *request)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (request->entry)));

  if (g_str_equal (response, "save") && name[0] != '\0')
    request->callback (request->owner, name, request->data);
  else if (g_str_equal (response, RST_TEMPLATE_NAME_SHARED) && name[0] != '\0')
    request->callback (request->owner, name, (gpointer) RST_TEMPLATE_NAME_SHARED);
  else if (request->cancelled != NULL)
    request->cancelled (request->owner, NULL, request->data);

  g_object_unref (request->owner);
  g_free (request->data);
  g_free (request);
}

static void
name_request_entry_changed (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
  if (adw_message_dialog_has_response (dialog, RST_TEMPLATE_NAME_SHARED))
    adw_message_dialog_set_response_enabled (dialog, RST_TEMPLATE_NAME_SHARED, name[0] != '\0');
}

/**
 * rst_template_name_dialog_ask:
 * @parent: the window it is modal for
 * @owner: kept alive until the answer, and given to @callback
 * @body: (nullable): what the name is for
 * @initial: (nullable): the name proposed
 * @accept: the label of the button that takes the name
 * @accept_shared: (nullable): the label of a second way to save, "Save
 *   for the Delegation": @callback then gets %RST_TEMPLATE_NAME_SHARED as
 *   its data
 * @callback: called with the name, stripped and never empty
 * @cancelled: (nullable): called when the drafter cancels
 * @data: (nullable): a string given to @callback, such as a template id
 *
 * Asks for a template's name in a message dialog with an entry.
 */
void
rst_template_name_dialog_ask (GtkWindow               *parent,
                              GObject                 *owner,
                              const char              *heading,
                              const char              *body,
                              const char              *initial,
                              const char              *accept,
                              const char              *accept_shared,
                              RstTemplateNameCallback  callback,
                              RstTemplateNameCallback  cancelled,
                              const char              *data)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  TemplateNameRequest *request = g_new0 (TemplateNameRequest, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (accept_shared != NULL)
    adw_message_dialog_add_response (dialog, RST_TEMPLATE_NAME_SHARED, accept_shared);
  adw_message_dialog_add_response (dialog, "save", accept);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_request_entry_changed), dialog, 0);
  name_request_entry_changed (GTK_EDITABLE (entry), dialog);

  request->owner = g_object_ref (owner);
  request->entry = GTK_EDITABLE (entry);
  request->callback = callback;
  request->cancelled = cancelled;
  request->data = g_strdup (data);
  g_signal_connect (dialog, "response", G_CALLBACK (name_request_response), request);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
