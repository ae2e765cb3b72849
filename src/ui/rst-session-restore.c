/* rst-session-restore.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-session-private.h"

/* Bringing back the last session's tabs at start: after a crash always,
 * with their unsaved text, and after a normal quit when restore-session
 * is on. A draft is the drafter's only copy of their text, so nothing
 * here deletes one: a recovered draft stays on disk until its text is
 * saved or written again (rst-autosave.c), one that is not UTF-8 has its
 * bytes kept (rst_draft_store_recover_draft()), and the drafts of tabs
 * not opened again are kept by the store.
 */

typedef struct
{
  RstSession *self;
  RstPage    *page;
  GBytes     *draft;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->page);
  g_clear_pointer (&data->draft, g_bytes_unref);
  g_free (data);
}

/* The toast waits until its window is on screen, where the drafter sees
 * it, and a frame more, when the overlay has its size.
 */
typedef struct
{
  GtkWidget *window;
  AdwToast  *toast;
} PendingToast;

static void
pending_toast_free (PendingToast *pending)
{
  g_clear_weak_pointer (&pending->window);
  g_clear_object (&pending->toast);
  g_free (pending);
}

static gboolean
rst_session_add_pending_toast (gpointer user_data)
{
  PendingToast *pending = user_data;

  if (pending->window == NULL)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_get_mapped (pending->window))
    return G_SOURCE_CONTINUE;

  rst_window_add_toast (RST_WINDOW (pending->window), g_steal_pointer (&pending->toast));
  return G_SOURCE_REMOVE;
}

static void
rst_session_add_toast_when_shown (RstWindow *window,
                                  AdwToast  *toast)
{
  PendingToast *pending = g_new0 (PendingToast, 1);

  g_set_weak_pointer (&pending->window, GTK_WIDGET (window));
  pending->toast = g_object_ref_sink (toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 100, rst_session_add_pending_toast,
                      pending, (GDestroyNotify)pending_toast_free);
}

/* Once every restored file has loaded: one message for those that could
 * not be opened again, each with its reason.
 */
static void
rst_session_report_failures (RstSession *self)
{
  RstWindow *window = _rst_session_get_window (self);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  guint n = self->restore_failures->len;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, i == 0 ? "%s" : "\n%s",
                            (const char *)g_ptr_array_index (self->restore_failures, i));
  g_ptr_array_set_size (self->restore_failures, 0);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), NULL, body->str));
  adw_message_dialog_format_heading (dialog,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "A Statement Was Not Opened Again",
                                                  "%u Statements Were Not Opened Again",
                                                  n),
                                     n);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The draft goes in as one undoable edit over the file's text: undo shows
 * what is on disk.
 */
static void
rst_session_apply_draft (RstPage *page,
                         GBytes  *draft)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  GtkTextIter begin;

  rst_document_set_statement (rst_page_get_document (page),
                              g_bytes_get_data (draft, NULL), g_bytes_get_size (draft), TRUE);
  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_select_range (buffer, &begin, &begin);
  gtk_text_buffer_set_modified (buffer, TRUE);
}

/* A file that cannot be opened again (gone, a FIFO, /dev/zero, too large,
 * no longer text) takes its tab with it, unless unsaved text came back
 * in it: that stays, and saving it says what is wrong with the file.
 */
static void
rst_session_restore_load_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  RestoreData *data = user_data;
  RstSession *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!rst_document_load_finish (RST_DOCUMENT (object), result, &error))
    {
      g_autofree char *title = rst_page_dup_title (data->page);

      g_message ("Could not open %s again: %s", title, error->message);
      if (data->draft == NULL)
        {
          GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (data->page), ADW_TYPE_TAB_VIEW);
          AdwTabPage *tab = view ? adw_tab_view_get_page (ADW_TAB_VIEW (view), GTK_WIDGET (data->page)) : NULL;

          /* Translators: a file of the last session, and why it was not opened */
          g_ptr_array_add (self->restore_failures,
                           g_strdup_printf (_("“%s”: %s"), title, error->message));
          if (tab != NULL)
            adw_tab_view_close_page (ADW_TAB_VIEW (view), tab);
        }
    }

  if (data->draft != NULL)
    rst_session_apply_draft (data->page, data->draft);

  if (--self->restoring == 0)
    rst_session_report_failures (self);

  restore_data_free (data);
}

/* 0: nothing to restore, 1: restored, 2: restored with unsaved text.
 * @backup is set when the draft was not valid UTF-8 and its bytes were
 * kept there.
 */
static guint
rst_session_restore_tab (RstSession          *self,
                         RstWindow           *window,
                         const RstSessionTab *tab,
                         char               **backup)
{
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GFile) file = NULL;
  RstSessionPage *state;
  RstPage *page;
  guint result;

  if (tab->draft_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      draft = rst_draft_store_recover_draft (self->store, tab->draft_id, backup, &error);
      if (draft == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_message ("Could not recover the draft %s: %s", tab->draft_id, error->message);
    }
  if (tab->uri != NULL)
    file = g_file_new_for_uri (tab->uri);

  /* Nothing left to show: a saved file that is gone, with no draft. */
  if (draft == NULL && (file == NULL || !g_file_query_exists (file, NULL)))
    return 0;
  result = draft != NULL ? 2 : 1;

  /* A new window's own empty tab takes the first restored statement. */
  page = rst_window_get_current_page (window);
  if (page == NULL || !rst_page_is_pristine (page) ||
      g_object_get_data (G_OBJECT (window), "rst-restoring") == NULL)
    page = rst_window_add_page (window);
  g_object_set_data (G_OBJECT (window), "rst-restoring", NULL);
  state = _rst_session_track_page (self, page);
  if (draft != NULL)
    rst_autosave_recover (state->autosave, tab->draft_id);

  if (file != NULL)
    {
      RestoreData *data = g_new0 (RestoreData, 1);

      data->self = g_object_ref (self);
      data->page = g_object_ref (page);
      data->draft = g_steal_pointer (&draft);
      self->restoring++;
      rst_document_load_async (rst_page_get_document (page), file, NULL,
                               rst_session_restore_load_cb, data);
    }
  else
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
      GtkTextIter begin;

      if (tab->imported_from != NULL)
        {
          g_autoptr(GFile) source = g_file_new_for_uri (tab->imported_from);

          rst_document_set_import_source (rst_page_get_document (page), source);
        }
      rst_document_set_statement (rst_page_get_document (page),
                                  g_bytes_get_data (draft, NULL), g_bytes_get_size (draft), FALSE);
      gtk_text_buffer_get_start_iter (buffer, &begin);
      gtk_text_buffer_select_range (buffer, &begin, &begin);
      gtk_text_buffer_set_modified (buffer, TRUE);
    }

  if (tab->selected)
    adw_tab_view_set_selected_page (rst_window_get_tab_view (window),
                                    adw_tab_view_get_page (rst_window_get_tab_view (window), GTK_WIDGET (page)));

  return result;
}

static AdwToast *
rst_session_new_recovered_toast (guint       recovered,
                                 guint       repaired,
                                 const char *backup)
{
  g_autofree char *where = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (repaired == 0)
    {
      toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                 "Rostrum did not quit normally: the unsaved text of %u statement was recovered",
                                                 "Rostrum did not quit normally: the unsaved text of %u statements was recovered",
                                                 recovered),
                                    recovered);
      adw_toast_set_timeout (toast, 10);
      return toast;
    }

  /* The toast's title is markup. */
  where = g_filename_display_name (backup);
  escaped = g_markup_escape_text (where, -1);
  toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                             "Unsaved text was recovered, but %u draft could not be read in full: "
                                             "what could not be read shows as �. The draft as it was is kept in “%s”.",
                                             "Unsaved text was recovered, but %u drafts could not be read in full: "
                                             "what could not be read shows as �. The first as it was is kept in “%s”.",
                                             repaired),
                                repaired, escaped);
  /* One to read to the end: it tells where the bytes are kept. */
  adw_toast_set_timeout (toast, 0);
  return toast;
}

/**
 * rst_session_restore:
 *
 * Opens the windows and tabs of the last session: after a crash always,
 * with their unsaved text, and says so; after a normal quit when the
 * restore-session key is on. Drafts nobody names any more are removed.
 * Files that cannot be opened again are not read (see
 * rst_document_load_async()) and are listed in one message.
 *
 * Returns: how many tabs came back
 */
guint
rst_session_restore (RstSession *self)
{
  g_autoptr(GPtrArray) tabs = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) windows = NULL;
  g_autofree char *first_backup = NULL;
  RstWindow *first_window = NULL;
  gboolean clean_exit = TRUE;
  guint restored = 0;
  guint recovered = 0;
  guint repaired = 0;

  g_return_val_if_fail (RST_IS_SESSION (self), 0);

  tabs = rst_draft_store_read_session (self->store, &clean_exit, &error);
  if (tabs == NULL)
    {
      g_warning ("Could not read the session file: %s", error->message);
      tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
    }

  if (clean_exit && !g_settings_get_boolean (self->settings, "restore-session"))
    g_ptr_array_set_size (tabs, 0);

  kept = g_ptr_array_new ();
  windows = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < tabs->len; i++)
    {
      const RstSessionTab *tab = g_ptr_array_index (tabs, i);
      RstWindow *window = g_hash_table_lookup (windows, GUINT_TO_POINTER (tab->window));
      gboolean new_window = window == NULL;
      g_autofree char *backup = NULL;
      guint result;

      if (new_window)
        {
          window = rst_window_new (RST_APPLICATION (self->application));
          g_object_set_data (G_OBJECT (window), "rst-restoring", GINT_TO_POINTER (TRUE));
        }

      result = rst_session_restore_tab (self, window, tab, &backup);
      if (backup != NULL)
        {
          repaired++;
          if (first_backup == NULL)
            first_backup = g_steal_pointer (&backup);
        }
      if (result == 0)
        {
          if (new_window)
            gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }

      if (new_window)
        {
          g_hash_table_insert (windows, GUINT_TO_POINTER (tab->window), window);
          gtk_window_present (GTK_WINDOW (window));
          if (first_window == NULL)
            first_window = window;
        }

      g_ptr_array_add (kept, (gpointer)tab);
      restored++;
      if (result == 2 && !clean_exit)
        recovered++;
    }

  rst_draft_store_remove_orphans (self->store, kept);

  if ((recovered > 0 || repaired > 0) && first_window != NULL)
    rst_session_add_toast_when_shown (first_window,
                                      rst_session_new_recovered_toast (recovered, repaired, first_backup));

  /* From now on the session file says the application is running. */
  _rst_session_queue_write (self);

  return restored;
}
