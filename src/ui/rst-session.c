/* rst-session.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-save-changes-dialog.h"
#include "rst-session-private.h"

/* The session, as in GNOME Text Editor: it follows every tab of every
 * window, gives each document an autosave (rst-autosave.c) and a watch on
 * its file (rst-file-watch.c), and keeps a session file naming the open
 * tabs and their drafts, from which the next start brings them back
 * (rst-session-restore.c).
 *
 * It also owns what concerns all windows at once: quitting with one
 * dialog for every modified statement, inhibiting logout while there is
 * unsaved text, reopening closed tabs, and telling the drafter about
 * files that another program changed or deleted.
 */

#define MAX_CLOSED_TABS 20

G_DEFINE_FINAL_TYPE (RstSession, rst_session, G_TYPE_OBJECT)

static void rst_session_update_inhibit (RstSession *self);

static void
rst_session_page_free (RstSessionPage *state)
{
  if (state->document != NULL)
    g_signal_handlers_disconnect_by_data (state->document, state);
  if (state->watch != NULL)
    g_signal_handlers_disconnect_by_data (state->watch, state);
  if (state->autosave != NULL)
    g_signal_handlers_disconnect_by_data (state->autosave, state);
  g_clear_object (&state->watch);
  g_clear_object (&state->autosave);
  g_clear_object (&state->document);
  g_free (state);
}

/* The window the session speaks in when no page is concerned. */
RstWindow *
_rst_session_get_window (RstSession *self)
{
  GtkWindow *window = gtk_application_get_active_window (self->application);

  if (RST_IS_WINDOW (window))
    return RST_WINDOW (window);

  for (const GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (RST_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A draft that cannot be written is text that a crash would lose: the
 * drafter hears of it, once until a draft is written again.
 */
static void
rst_session_draft_write_failed (RstDraftStore *store,
                                const char    *draft_id,
                                const char    *message,
                                RstSession    *self)
{
  GtkWindow *window = gtk_application_get_active_window (self->application);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_message ("Could not write a draft: %s", message);
  if (self->told_write_failure || !RST_IS_WINDOW (window))
    return;

  self->told_write_failure = TRUE;
  /* The toast's title is markup; the message may hold a path. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new_format (_("Unsaved text cannot be kept as a draft: %s. Save your statements."), escaped);
  adw_toast_set_timeout (toast, 0);
  rst_window_add_toast (RST_WINDOW (window), toast);
}

static void
rst_session_draft_written (RstDraftStore *store,
                           const char    *draft_id,
                           RstSession    *self)
{
  self->told_write_failure = FALSE;
}

static void rst_session_reload_file          (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);
static void rst_session_open_uri             (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);
static void rst_session_reopen_closed_action (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);
static void rst_session_window_added         (GtkApplication *application,
                                              GtkWindow      *window,
                                              RstSession     *self);
static void rst_session_window_removed       (GtkApplication *application,
                                              GtkWindow      *window,
                                              RstSession     *self);

static const GActionEntry session_actions[] = {
  { "reload-file", rst_session_reload_file, "s" },
  { "open-uri", rst_session_open_uri, "s" },
  { "reopen-closed-tab", rst_session_reopen_closed_action },
};

RstSession *
rst_session_new (GtkApplication *application,
                 RstDraftStore  *store,
                 GSettings      *settings)
{
  RstSession *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RST_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RST_TYPE_SESSION, NULL);
  /* The application owns the session. */
  self->application = application;
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (store, "draft-written",
                           G_CALLBACK (rst_session_draft_written), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (store, "write-failed",
                           G_CALLBACK (rst_session_draft_write_failed), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (application, "window-added",
                           G_CALLBACK (rst_session_window_added), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (application, "window-removed",
                           G_CALLBACK (rst_session_window_removed), self, G_CONNECT_DEFAULT);
  g_action_map_add_action_entries (G_ACTION_MAP (application), session_actions,
                                   G_N_ELEMENTS (session_actions), self);

  return self;
}

RstDraftStore *
rst_session_get_draft_store (RstSession *self)
{
  g_return_val_if_fail (RST_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * rst_session_get_draft_id:
 *
 * Returns: (nullable): the id of the draft that holds @page's unsaved text
 */
const char *
rst_session_get_draft_id (RstSession *self,
                          RstPage    *page)
{
  RstSessionPage *state;

  g_return_val_if_fail (RST_IS_SESSION (self), NULL);

  state = g_hash_table_lookup (self->pages, page);
  return state ? rst_autosave_get_draft_id (state->autosave) : NULL;
}

static RstWindow *
rst_session_get_page_window (RstPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return RST_IS_WINDOW (root) ? RST_WINDOW (root) : NULL;
}

static AdwTabPage *
rst_session_get_tab (RstPage *page)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TAB_VIEW);

  return view ? adw_tab_view_get_page (ADW_TAB_VIEW (view), GTK_WIDGET (page)) : NULL;
}

/* Outside changes ------------------------------------------------------ */

static void
rst_session_show_missing (RstSessionPage *state)
{
  AdwTabPage *tab = rst_session_get_tab (state->page);

  if (tab == NULL)
    return;

  if (rst_file_watch_get_missing (state->watch))
    {
      g_autoptr(GIcon) icon = g_themed_icon_new ("dialog-warning-symbolic");

      adw_tab_page_set_indicator_icon (tab, icon);
      adw_tab_page_set_indicator_tooltip (tab, _("The file was deleted or moved. Save to write it again."));
    }
  else
    {
      adw_tab_page_set_indicator_icon (tab, NULL);
      adw_tab_page_set_indicator_tooltip (tab, "");
    }
}

/* The drafter's text stays until they choose to reload. */
static void
rst_session_changed_outside (RstSessionPage *state)
{
  RstWindow *window = rst_session_get_page_window (state->page);
  GFile *location = rst_document_get_file (state->document);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (window == NULL || location == NULL)
    return;

  title = rst_page_dup_title (state->page);
  /* The toast's title is markup; a file name may hold "&". */
  escaped = g_markup_escape_text (title, -1);
  uri = g_file_get_uri (location);
  toast = adw_toast_new_format (_("“%s” was changed by another program"), escaped);
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "app.reload-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rst_window_add_toast (window, toast);
}

/* Pages ---------------------------------------------------------------- */

static void
rst_session_page_finalized (gpointer  user_data,
                            GObject  *where_the_page_was)
{
  RstSessionPage *state = user_data;
  RstSession *self = state->session;
  GFile *location = rst_document_get_file (state->document);

  /* The tab was closed, its text saved or discarded. */
  rst_autosave_discard (state->autosave);

  if (location != NULL && !self->shutting_down)
    {
      g_ptr_array_add (self->closed, g_file_get_uri (location));
      if (self->closed->len > MAX_CLOSED_TABS)
        g_ptr_array_remove_index (self->closed, 0);
    }

  g_hash_table_remove (self->pages, where_the_page_was);
  _rst_session_queue_write (self);
  rst_session_update_inhibit (self);
}

static void
rst_session_page_modified_changed (RstSessionPage *state)
{
  _rst_session_queue_write (state->session);
  rst_session_update_inhibit (state->session);
}

RstSessionPage *
_rst_session_track_page (RstSession *self,
                         RstPage    *page)
{
  RstSessionPage *state = g_hash_table_lookup (self->pages, page);

  if (state != NULL)
    return state;

  state = g_new0 (RstSessionPage, 1);
  state->session = self;
  state->page = page;
  state->document = g_object_ref (rst_page_get_document (page));
  state->autosave = rst_autosave_new (state->document, self->store, self->settings);
  state->watch = rst_file_watch_new (state->document);
  g_hash_table_insert (self->pages, page, state);
  g_object_weak_ref (G_OBJECT (page), rst_session_page_finalized, state);

  /* Whether a tab is modified, or has a draft, is in the session file. */
  g_signal_connect_swapped (state->document, "modified-changed",
                            G_CALLBACK (rst_session_page_modified_changed), state);
  g_signal_connect_swapped (state->document, "notify::file",
                            G_CALLBACK (_rst_session_queue_write), self);
  g_signal_connect_swapped (state->autosave, "notify::has-draft",
                            G_CALLBACK (_rst_session_queue_write), self);
  g_signal_connect_swapped (state->watch, "notify::missing",
                            G_CALLBACK (rst_session_show_missing), state);
  g_signal_connect_swapped (state->watch, "changed-outside",
                            G_CALLBACK (rst_session_changed_outside), state);

  _rst_session_queue_write (self);

  return state;
}

static void
rst_session_page_attached (AdwTabView *view,
                           AdwTabPage *tab,
                           int         position,
                           RstSession *self)
{
  GtkWidget *child = adw_tab_page_get_child (tab);
  RstSessionPage *state;

  if (!RST_IS_PAGE (child))
    return;

  state = _rst_session_track_page (self, RST_PAGE (child));
  /* A tab moved to another window keeps its deleted-file mark. */
  if (rst_file_watch_get_missing (state->watch))
    rst_session_show_missing (state);
  _rst_session_queue_write (self);
}

/* Logout --------------------------------------------------------------- */

/**
 * rst_session_list_pages:
 *
 * Returns: (transfer container) (element-type RstPage): the pages of
 *   every window
 */
GPtrArray *
rst_session_list_pages (RstSession *self)
{
  GPtrArray *pages = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer page;

  g_return_val_if_fail (RST_IS_SESSION (self), NULL);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &page, NULL))
    g_ptr_array_add (pages, page);

  return pages;
}

/**
 * rst_session_list_modified:
 *
 * Returns: (transfer container) (element-type RstPage): the pages with
 *   unsaved changes, in every window
 */
GPtrArray *
rst_session_list_modified (RstSession *self)
{
  GPtrArray *modified = g_ptr_array_new ();

  g_return_val_if_fail (RST_IS_SESSION (self), NULL);

  for (const GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    {
      AdwTabView *view;
      guint n_pages;

      if (!RST_IS_WINDOW (l->data))
        continue;

      view = rst_window_get_tab_view (l->data);
      n_pages = adw_tab_view_get_n_pages (view);
      for (guint i = 0; i < n_pages; i++)
        {
          GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (view, i));

          if (RST_IS_PAGE (child) && rst_page_get_modified (RST_PAGE (child)))
            g_ptr_array_add (modified, child);
        }
    }

  return modified;
}

/* The session manager asks before logging out while text is unsaved; the
 * drafts keep it if the drafter logs out all the same.
 */
static void
rst_session_update_inhibit (RstSession *self)
{
  g_autoptr(GPtrArray) modified = NULL;

  if (self->shutting_down)
    return;

  modified = rst_session_list_modified (self);
  if (modified->len > 0 && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (self->application,
                                                    gtk_application_get_active_window (self->application),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are unsaved statements"));
  else if (modified->len == 0 && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* Windows -------------------------------------------------------------- */

static gboolean
rst_session_window_close_request (GtkWindow  *window,
                                  RstSession *self)
{
  guint n_windows = 0;

  /* Connected after the window's own handler: the window will close. When
   * it is the last one, the application quits with it.
   */
  for (const GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (RST_IS_WINDOW (l->data))
      n_windows++;

  if (n_windows <= 1)
    _rst_session_write_final (self);

  return GDK_EVENT_PROPAGATE;
}

static AdwTabView *
rst_session_create_window (AdwTabView *view,
                           RstSession *self)
{
  RstWindow *window = rst_window_new (RST_APPLICATION (self->application));
  AdwTabView *new_view = rst_window_get_tab_view (window);

  /* The new window comes with an empty tab; the dragged one replaces it. */
  while (adw_tab_view_get_n_pages (new_view) > 0)
    adw_tab_view_close_page (new_view, adw_tab_view_get_nth_page (new_view, 0));

  gtk_window_present (GTK_WINDOW (window));

  return new_view;
}

static void
rst_session_window_added (GtkApplication *application,
                          GtkWindow      *window,
                          RstSession     *self)
{
  AdwTabView *view;
  guint n_pages;

  if (!RST_IS_WINDOW (window))
    return;

  view = rst_window_get_tab_view (RST_WINDOW (window));
  n_pages = adw_tab_view_get_n_pages (view);
  for (guint i = 0; i < n_pages; i++)
    rst_session_page_attached (view, adw_tab_view_get_nth_page (view, i), i, self);

  g_signal_connect_object (view, "page-attached", G_CALLBACK (rst_session_page_attached),
                           self, G_CONNECT_DEFAULT);
  g_signal_connect_object (view, "notify::selected-page", G_CALLBACK (_rst_session_queue_write),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "create-window", G_CALLBACK (rst_session_create_window),
                           self, G_CONNECT_DEFAULT);
  g_signal_connect_object (window, "close-request", G_CALLBACK (rst_session_window_close_request),
                           self, G_CONNECT_AFTER);
}

static void
rst_session_window_removed (GtkApplication *application,
                            GtkWindow      *window,
                            RstSession     *self)
{
  _rst_session_queue_write (self);
}

/* Quitting ------------------------------------------------------------- */

static void
rst_session_close_all (RstSession *self)
{
  g_autoptr(GList) windows = NULL;

  _rst_session_write_final (self);

  windows = g_list_copy (gtk_application_get_windows (self->application));
  for (const GList *l = windows; l != NULL; l = l->next)
    if (RST_IS_WINDOW (l->data))
      rst_window_close_without_asking (l->data);
}

/* After the dialog that asked finished its response. */
static gboolean
rst_session_close_all_cb (gpointer user_data)
{
  rst_session_close_all (user_data);
  return G_SOURCE_REMOVE;
}

static void
rst_session_quit_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RstSession) self = user_data;

  if (rst_save_changes_dialog_run_finish (result, NULL))
    g_idle_add_full (G_PRIORITY_DEFAULT, rst_session_close_all_cb,
                     g_object_ref (self), g_object_unref);
}

/**
 * rst_session_request_quit:
 *
 * Quits, after one dialog that lists every modified statement of every
 * window and offers to save them all, discard them all or stay.
 */
void
rst_session_request_quit (RstSession *self)
{
  g_autoptr(GPtrArray) modified = NULL;

  g_return_if_fail (RST_IS_SESSION (self));

  modified = rst_session_list_modified (self);
  if (modified->len == 0)
    {
      rst_session_close_all (self);
      return;
    }

  rst_save_changes_dialog_run_async (gtk_application_get_active_window (self->application),
                                     _("Save Changes Before Quitting?"), modified, NULL,
                                     rst_session_quit_cb, g_object_ref (self));
}

/* Closed tabs, reload -------------------------------------------------- */

static void
rst_session_open_in_active_window (RstSession *self,
                                   GFile      *file)
{
  GtkWindow *active = gtk_application_get_active_window (self->application);

  if (!RST_IS_WINDOW (active))
    active = GTK_WINDOW (rst_window_new (RST_APPLICATION (self->application)));

  rst_window_open_file (RST_WINDOW (active), file);
  gtk_window_present (active);
}

void
rst_session_reopen_closed (RstSession *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (RST_IS_SESSION (self));

  if (self->closed->len == 0)
    return;

  uri = g_ptr_array_steal_index (self->closed, self->closed->len - 1);
  file = g_file_new_for_uri (uri);
  rst_session_open_in_active_window (self, file);
}

static void
rst_session_reload_file (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  RstSession *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GHashTableIter iter;
  RstSessionPage *state;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&state))
    {
      GFile *location = rst_document_get_file (state->document);

      if (location != NULL && g_file_equal (location, file))
        {
          rst_page_load_file (state->page, file);
          return;
        }
    }
}

/* Recent statements, from the start screen and the primary menu. */
static void
rst_session_open_uri (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  rst_session_open_in_active_window (RST_SESSION (user_data), file);
}

static void
rst_session_reopen_closed_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  rst_session_reopen_closed (RST_SESSION (user_data));
}

/* Called from the application's shutdown: the windows are gone. */
void
rst_session_shutdown (RstSession *self)
{
  g_return_if_fail (RST_IS_SESSION (self));

  _rst_session_write_final (self);
  if (self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  rst_draft_store_flush (self->store);
}

static void
rst_session_dispose (GObject *object)
{
  RstSession *self = (RstSession *)object;
  GHashTableIter iter;
  gpointer page, state;

  g_clear_handle_id (&self->write_source, g_source_remove);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &page, &state))
    g_object_weak_unref (page, rst_session_page_finalized, state);
  g_hash_table_remove_all (self->pages);

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  self->application = NULL;

  if (self->store != NULL)
    rst_draft_store_flush (self->store);

  G_OBJECT_CLASS (rst_session_parent_class)->dispose (object);
}

static void
rst_session_finalize (GObject *object)
{
  RstSession *self = (RstSession *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->closed, g_ptr_array_unref);
  g_clear_pointer (&self->restore_failures, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rst_session_parent_class)->finalize (object);
}

static void
rst_session_class_init (RstSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rst_session_dispose;
  object_class->finalize = rst_session_finalize;
}

static void
rst_session_init (RstSession *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)rst_session_page_free);
  self->closed = g_ptr_array_new_with_free_func (g_free);
  self->restore_failures = g_ptr_array_new_with_free_func (g_free);
}
