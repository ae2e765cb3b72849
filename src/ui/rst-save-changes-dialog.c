/* rst-save-changes-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-page.h"
#include "rst-save-changes-dialog.h"

/* The one question asked before unsaved text could go: closing a tab,
 * closing a window, quitting. It names every modified statement and
 * answers for all of them at once, as GNOME Text Editor's does: Save
 * saves them one after the other (one never saved asks for a name in its
 * turn), Discard lets them go, Cancel keeps everything open. The caller
 * closes what it asked about once the task says so, and only then.
 */

typedef struct
{
  GPtrArray *pages;
  guint      next;
} SaveChanges;

static void
save_changes_free (SaveChanges *state)
{
  g_clear_pointer (&state->pages, g_ptr_array_unref);
  g_free (state);
}

static void rst_save_changes_dialog_save_next (GTask *task);

/* The answer is given: the pages are the caller's again, to close. The
 * dialog may outlive the answer, and must not keep them alive.
 */
static void
rst_save_changes_dialog_return (GTask  *task,
                                GError *error)
{
  SaveChanges *state = g_task_get_task_data (task);

  g_ptr_array_set_size (state->pages, 0);
  state->next = 0;

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
rst_save_changes_dialog_saved_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* A save that failed was explained by the page, and one cancelled was
   * the drafter's choice: either way nothing closes.
   */
  if (!rst_page_save_finish (RST_PAGE (object), result, &error))
    {
      rst_save_changes_dialog_return (task, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         "%s", error->message));
      return;
    }

  rst_save_changes_dialog_save_next (g_steal_pointer (&task));
}

static void
rst_save_changes_dialog_save_next (GTask *task)
{
  SaveChanges *state = g_task_get_task_data (task);

  /* Saved meanwhile (or undone), nothing to do for it. */
  while (state->next < state->pages->len &&
         !rst_page_get_modified (g_ptr_array_index (state->pages, state->next)))
    state->next++;

  if (state->next == state->pages->len)
    {
      rst_save_changes_dialog_return (task, NULL);
      g_object_unref (task);
      return;
    }

  rst_page_save_async (g_ptr_array_index (state->pages, state->next++),
                       g_task_get_cancellable (task),
                       rst_save_changes_dialog_saved_cb, task);
}

static void
rst_save_changes_dialog_response (AdwMessageDialog *dialog,
                                  const char       *response,
                                  GTask            *task)
{
  if (g_str_equal (response, "save"))
    rst_save_changes_dialog_save_next (g_object_ref (task));
  else if (g_str_equal (response, "discard"))
    rst_save_changes_dialog_return (task, NULL);
  else
    rst_save_changes_dialog_return (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                               "The drafter kept the statements open"));
}

static AdwMessageDialog *
rst_save_changes_dialog_new (GtkWindow  *parent,
                             const char *heading,
                             GPtrArray  *pages)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading ? heading : _("Save Changes?"), NULL));

  if (pages->len == 1)
    {
      g_autofree char *title = rst_page_dup_title (g_ptr_array_index (pages, 0));

      adw_message_dialog_format_body (dialog,
                                      _("“%s” has unsaved changes. Changes that are not saved will be lost."),
                                      title);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < pages->len; i++)
        {
          g_autofree char *title = rst_page_dup_title (g_ptr_array_index (pages, i));

          g_string_append_printf (names, "\n• %s", title);
        }
      adw_message_dialog_format_body (dialog,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "This statement has unsaved changes:%s",
                                                   "These statements have unsaved changes:%s",
                                                   pages->len),
                                      names->str);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard All"),
                                        "save", _("_Save All"),
                                        NULL);
    }

  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/**
 * rst_save_changes_dialog_run_async:
 * @parent: (nullable): the window the dialog is modal for
 * @heading: (nullable): the question, or %NULL for "Save Changes?"
 * @pages: (element-type RstPage): the statements that would lose text
 *
 * Asks what becomes of the unsaved text of @pages. An empty @pages asks
 * nothing.
 */
void
rst_save_changes_dialog_run_async (GtkWindow           *parent,
                                   const char          *heading,
                                   GPtrArray           *pages,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AdwMessageDialog *dialog;
  SaveChanges *state;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (pages != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_save_changes_dialog_run_async);

  if (pages->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  state = g_new0 (SaveChanges, 1);
  state->pages = g_ptr_array_new_full (pages->len, g_object_unref);
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (state->pages, g_object_ref (g_ptr_array_index (pages, i)));
  g_task_set_task_data (task, state, (GDestroyNotify)save_changes_free);

  dialog = rst_save_changes_dialog_new (parent, heading, pages);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rst_save_changes_dialog_response),
                         g_steal_pointer (&task), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rst_save_changes_dialog_run_finish:
 *
 * Returns: %TRUE when every statement was saved or the drafter chose to
 *   discard them: the caller closes them now. %FALSE with
 *   %G_IO_ERROR_CANCELLED when the drafter cancelled, or a save failed
 *   or was cancelled: nothing may close.
 */
gboolean
rst_save_changes_dialog_run_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
