/* rst-session.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-session.h"
#include "rst-window.h"

/* The session, as in GNOME Text Editor: it watches every tab of every
 * window, writes the unsaved text of each as a draft a few seconds after
 * the last edit, and keeps a session file naming the open tabs and their
 * drafts. At the next start it brings the tabs back: always after a crash,
 * after a normal quit when restore-session is on.
 *
 * It also owns what concerns all windows at once: quitting with one
 * dialog for every modified statement, inhibiting logout while there is
 * unsaved text, reopening closed tabs, and noticing files that another
 * program changed or deleted.
 */

/* However long the drafter types without a pause, a draft is written at
 * least this often.
 */
#define MAX_DRAFT_INTERVAL_USEC (30 * G_USEC_PER_SEC)
#define MAX_CLOSED_TABS         20

struct _RstSession
{
  GObject         parent_instance;

  GtkApplication *application;
  RstDraftStore  *store;
  GSettings      *settings;

  /* RstPage → PageState, for every page of every window. */
  GHashTable     *pages;
  /* URIs of closed tabs, most recent last. */
  GPtrArray      *closed;

  guint           write_source;
  guint           inhibit_cookie;
  /* The final session file is written: nothing changes it any more. */
  guint           shutting_down : 1;
  guint           told_write_failure : 1;
};

G_DEFINE_FINAL_TYPE (RstSession, rst_session, G_TYPE_OBJECT)

typedef struct
{
  RstSession   *session;
  RstPage      *page;
  RstDocument  *document;
  char         *draft_id;
  guint         autosave_source;
  gint64        pending_since;
  /* A draft of this page may be on disk (written or queued). */
  gboolean      has_draft;
  /* The draft came back after a crash and is the only copy of its text
   * until it is saved to the file or written again: loading the file
   * under it, or undoing it away, must not delete it.
   */
  gboolean      recovered;

  GFileMonitor *monitor;
  char         *etag;
  gboolean      missing;
} PageState;

static void rst_session_queue_write   (RstSession *self);
static void rst_session_update_inhibit (RstSession *self);

static void
page_state_free (PageState *state)
{
  g_clear_handle_id (&state->autosave_source, g_source_remove);
  if (state->monitor != NULL)
    {
      g_file_monitor_cancel (state->monitor);
      g_signal_handlers_disconnect_by_data (state->monitor, state);
      g_clear_object (&state->monitor);
    }
  if (state->document != NULL)
    g_signal_handlers_disconnect_by_data (state->document, state);
  g_clear_object (&state->document);
  g_free (state->draft_id);
  g_free (state->etag);
  g_free (state);
}

static void rst_session_window_added         (GtkApplication *application,
                                              GtkWindow      *window,
                                              RstSession     *self);
static void rst_session_window_removed       (GtkApplication *application,
                                              GtkWindow      *window,
                                              RstSession     *self);
static void rst_session_reload_file          (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);
static void rst_session_reopen_closed_action (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);

static void rst_session_open_uri             (GSimpleAction  *action,
                                              GVariant       *parameter,
                                              gpointer        user_data);

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
  AdwToast *toast;

  g_message ("Could not write a draft: %s", message);
  if (self->told_write_failure || !RST_IS_WINDOW (window))
    return;

  self->told_write_failure = TRUE;
  toast = adw_toast_new_format (_("Unsaved text cannot be kept as a draft: %s. Save your statements."), message);
  adw_toast_set_timeout (toast, 0);
  rst_window_add_toast (RST_WINDOW (window), toast);
}

static void
rst_session_draft_written (RstDraftStore *store,
                           const char    *draft_id,
                           RstSession    *self)
{
  GHashTableIter iter;
  PageState *state;

  self->told_write_failure = FALSE;

  /* The recovered text is on disk again, written from the buffer: from
   * now on the draft follows the buffer like any other.
   */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&state))
    if (state->recovered && g_strcmp0 (state->draft_id, draft_id) == 0)
      state->recovered = FALSE;
}

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
  PageState *state;

  g_return_val_if_fail (RST_IS_SESSION (self), NULL);

  state = g_hash_table_lookup (self->pages, page);
  return state ? state->draft_id : NULL;
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

/* Drafts ----------------------------------------------------------------- */

static void
rst_session_write_draft (PageState *state)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (state->document);
  g_autoptr(GBytes) contents = NULL;
  GtkTextIter begin, end;
  char *text;

  g_clear_handle_id (&state->autosave_source, g_source_remove);
  state->pending_since = 0;

  if (!gtk_text_buffer_get_modified (buffer) || rst_document_get_busy (state->document))
    return;

  /* A recovered draft holds text; an empty buffer means it did not get
   * in, and writing would destroy the only copy.
   */
  if (state->recovered && gtk_text_buffer_get_char_count (buffer) == 0)
    return;

  /* One copy of the text, handed to the store's thread. */
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
  contents = g_bytes_new_take (text, strlen (text));
  rst_draft_store_write_draft (state->session->store, state->draft_id, contents);

  if (!state->has_draft)
    {
      state->has_draft = TRUE;
      rst_session_queue_write (state->session);
    }
}

static gboolean
rst_session_autosave_cb (gpointer user_data)
{
  PageState *state = user_data;

  state->autosave_source = 0;
  rst_session_write_draft (state);

  return G_SOURCE_REMOVE;
}

/* Each edit restarts the delay, so the draft is written once the drafter
 * pauses; the store writes it in its own thread.
 */
static void
rst_session_document_changed (PageState *state)
{
  guint delay;
  gint64 now;

  if (rst_document_get_busy (state->document) ||
      !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (state->document)))
    return;

  now = g_get_monotonic_time ();
  if (state->pending_since == 0)
    state->pending_since = now;
  else if (now - state->pending_since > MAX_DRAFT_INTERVAL_USEC && state->autosave_source != 0)
    return;

  delay = g_settings_get_uint (state->session->settings, "autosave-delay");
  g_clear_handle_id (&state->autosave_source, g_source_remove);
  state->autosave_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (delay, 1),
                                                       rst_session_autosave_cb, state, NULL);
}

static void
rst_session_document_modified_changed (PageState *state)
{
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (state->document)))
    {
      /* Saved, or undone back to the saved text: the draft has served,
       * unless it is a recovered one that nothing else holds yet.
       */
      g_clear_handle_id (&state->autosave_source, g_source_remove);
      state->pending_since = 0;
      if (state->has_draft && !state->recovered)
        {
          rst_draft_store_remove_draft (state->session->store, state->draft_id);
          state->has_draft = FALSE;
        }
    }
  else
    rst_session_document_changed (state);

  rst_session_queue_write (state->session);
  rst_session_update_inhibit (state->session);
}

/* The text is in the file: whatever the draft held is safe. */
static void
rst_session_document_saved (PageState *state)
{
  g_clear_handle_id (&state->autosave_source, g_source_remove);
  state->pending_since = 0;
  state->recovered = FALSE;
  if (state->has_draft && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (state->document)))
    {
      rst_draft_store_remove_draft (state->session->store, state->draft_id);
      state->has_draft = FALSE;
    }

  rst_session_queue_write (state->session);
}

/* Outside changes ---------------------------------------------------------- */

static char *
rst_session_query_etag (GFile    *file,
                        gboolean *exists)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  *exists = info != NULL;
  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
rst_session_set_missing (PageState *state,
                         gboolean   missing)
{
  AdwTabPage *tab = rst_session_get_tab (state->page);

  state->missing = missing;
  if (tab == NULL)
    return;

  if (missing)
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

static void
rst_session_file_changed (GFileMonitor      *monitor,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event,
                          PageState         *state)
{
  GFile *location = rst_document_get_file (state->document);
  g_autofree char *etag = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  RstWindow *window;
  AdwToast *toast;
  gboolean exists;

  /* Our own saves and loads are no outside change. */
  if (location == NULL || rst_document_get_busy (state->document))
    return;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGED)
    return;

  etag = rst_session_query_etag (location, &exists);
  if (!exists)
    {
      if (!state->missing)
        rst_session_set_missing (state, TRUE);
      return;
    }

  if (state->missing)
    rst_session_set_missing (state, FALSE);

  if (g_strcmp0 (etag, state->etag) == 0)
    return;

  g_free (state->etag);
  state->etag = g_steal_pointer (&etag);

  window = rst_session_get_page_window (state->page);
  if (window == NULL)
    return;

  /* The drafter's text stays until they choose to reload. */
  title = rst_page_dup_title (state->page);
  uri = g_file_get_uri (location);
  toast = adw_toast_new_format (_("“%s” was changed by another program"), title);
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "app.reload-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rst_window_add_toast (window, toast);
}

static void
rst_session_watch_file (PageState *state)
{
  GFile *location = rst_document_get_file (state->document);
  gboolean exists = FALSE;

  if (state->monitor != NULL)
    {
      g_file_monitor_cancel (state->monitor);
      g_signal_handlers_disconnect_by_data (state->monitor, state);
      g_clear_object (&state->monitor);
    }
  g_clear_pointer (&state->etag, g_free);

  if (location == NULL)
    return;

  state->etag = rst_session_query_etag (location, &exists);
  state->monitor = g_file_monitor_file (location, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (state->monitor != NULL)
    g_signal_connect (state->monitor, "changed", G_CALLBACK (rst_session_file_changed), state);
}

/* A load or save just finished: what is on disk is what we know now. */
static void
rst_session_document_busy_changed (PageState *state)
{
  GFile *location = rst_document_get_file (state->document);
  gboolean exists = FALSE;

  if (rst_document_get_busy (state->document) || location == NULL)
    return;

  g_free (state->etag);
  state->etag = rst_session_query_etag (location, &exists);
  rst_session_set_missing (state, !exists);
}

static void
rst_session_document_file_changed (PageState *state)
{
  rst_session_watch_file (state);
  rst_session_queue_write (state->session);
}

/* Pages --------------------------------------------------------------------- */

static void
rst_session_page_finalized (gpointer  user_data,
                            GObject  *where_the_page_was)
{
  PageState *state = user_data;
  RstSession *self = state->session;
  GFile *location = rst_document_get_file (state->document);

  /* The tab was closed, its text saved or discarded. */
  if (state->has_draft)
    rst_draft_store_remove_draft (self->store, state->draft_id);

  if (location != NULL && !self->shutting_down)
    {
      g_ptr_array_add (self->closed, g_file_get_uri (location));
      if (self->closed->len > MAX_CLOSED_TABS)
        g_ptr_array_remove_index (self->closed, 0);
    }

  g_hash_table_remove (self->pages, where_the_page_was);
  rst_session_queue_write (self);
  rst_session_update_inhibit (self);
}

static PageState *
rst_session_track_page (RstSession *self,
                        RstPage    *page)
{
  PageState *state = g_hash_table_lookup (self->pages, page);

  if (state != NULL)
    return state;

  state = g_new0 (PageState, 1);
  state->session = self;
  state->page = page;
  state->document = g_object_ref (rst_page_get_document (page));
  state->draft_id = rst_draft_store_new_draft_id ();
  g_hash_table_insert (self->pages, page, state);
  g_object_weak_ref (G_OBJECT (page), rst_session_page_finalized, state);

  g_signal_connect_swapped (state->document, "changed",
                            G_CALLBACK (rst_session_document_changed), state);
  g_signal_connect_swapped (state->document, "modified-changed",
                            G_CALLBACK (rst_session_document_modified_changed), state);
  g_signal_connect_swapped (state->document, "notify::file",
                            G_CALLBACK (rst_session_document_file_changed), state);
  g_signal_connect_swapped (state->document, "notify::busy",
                            G_CALLBACK (rst_session_document_busy_changed), state);
  g_signal_connect_swapped (state->document, "saved",
                            G_CALLBACK (rst_session_document_saved), state);

  rst_session_watch_file (state);
  rst_session_queue_write (self);

  return state;
}

static void
rst_session_page_attached (AdwTabView *view,
                           AdwTabPage *tab,
                           int         position,
                           RstSession *self)
{
  GtkWidget *child = adw_tab_page_get_child (tab);
  PageState *state;

  if (!RST_IS_PAGE (child))
    return;

  state = rst_session_track_page (self, RST_PAGE (child));
  /* A tab moved to another window keeps its deleted-file mark. */
  if (state->missing)
    rst_session_set_missing (state, TRUE);
  rst_session_queue_write (self);
}

/* The session file ---------------------------------------------------------- */

static GPtrArray *
rst_session_collect_tabs (RstSession *self,
                          gboolean    final)
{
  GPtrArray *tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
  guint window_index = 0;

  for (const GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    {
      AdwTabView *view;
      AdwTabPage *selected;
      guint n_pages;
      gboolean any = FALSE;

      if (!RST_IS_WINDOW (l->data))
        continue;

      view = rst_window_get_tab_view (l->data);
      selected = adw_tab_view_get_selected_page (view);
      n_pages = adw_tab_view_get_n_pages (view);

      for (guint i = 0; i < n_pages; i++)
        {
          AdwTabPage *tab = adw_tab_view_get_nth_page (view, i);
          GtkWidget *child = adw_tab_page_get_child (tab);
          PageState *state;
          GFile *location;
          g_autofree char *uri = NULL;
          gboolean modified;

          if (!RST_IS_PAGE (child) || (state = g_hash_table_lookup (self->pages, child)) == NULL)
            continue;

          location = rst_document_get_file (state->document);
          uri = location ? g_file_get_uri (location) : NULL;
          modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (state->document));

          /* At a normal quit every text was saved or discarded. */
          if (final)
            {
              if (uri != NULL)
                g_ptr_array_add (tabs, rst_session_tab_new (NULL, uri, window_index, tab == selected, FALSE));
            }
          else if (uri != NULL || modified || state->has_draft)
            g_ptr_array_add (tabs, rst_session_tab_new (modified || state->has_draft ? state->draft_id : NULL,
                                                        uri, window_index, tab == selected, modified));
          else
            continue;

          any = TRUE;
        }

      if (any)
        window_index++;
    }

  return tabs;
}

static gboolean
rst_session_write_cb (gpointer user_data)
{
  RstSession *self = user_data;
  g_autoptr(GPtrArray) tabs = NULL;

  self->write_source = 0;
  if (self->shutting_down)
    return G_SOURCE_REMOVE;

  tabs = rst_session_collect_tabs (self, FALSE);
  rst_draft_store_write_session (self->store, tabs, FALSE);

  return G_SOURCE_REMOVE;
}

/* Tabs open and close in bursts (a restore, a window closing): one write
 * for the burst.
 */
static void
rst_session_queue_write (RstSession *self)
{
  if (self->write_source == 0 && !self->shutting_down)
    self->write_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 200,
                                             rst_session_write_cb, self, NULL);
}

/* The last words of a normal quit: the tabs with their files, no drafts. */
static void
rst_session_write_final (RstSession *self)
{
  g_autoptr(GPtrArray) tabs = NULL;

  if (self->shutting_down)
    return;

  g_clear_handle_id (&self->write_source, g_source_remove);
  tabs = rst_session_collect_tabs (self, TRUE);
  rst_draft_store_write_session (self->store, tabs, TRUE);
  self->shutting_down = TRUE;
}

/**
 * rst_session_flush:
 *
 * Writes every pending draft and the session file now, and waits until
 * they are on disk: before the session goes away, and in tests.
 */
void
rst_session_flush (RstSession *self)
{
  GHashTableIter iter;
  PageState *state;

  g_return_if_fail (RST_IS_SESSION (self));

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&state))
    if (state->autosave_source != 0)
      rst_session_write_draft (state);

  if (self->write_source != 0)
    {
      g_clear_handle_id (&self->write_source, g_source_remove);
      rst_session_write_cb (self);
    }

  rst_draft_store_flush (self->store);
}

/* Logout ---------------------------------------------------------------------- */

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

/* Windows ------------------------------------------------------------------- */

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
    rst_session_write_final (self);

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
  g_signal_connect_object (view, "notify::selected-page", G_CALLBACK (rst_session_queue_write),
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
  rst_session_queue_write (self);
}

/* Restoring ------------------------------------------------------------------ */

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

/* The draft goes in as one undoable edit over the file's text: undo shows
 * what is on disk.
 */
static void
rst_session_apply_draft (RstPage *page,
                         GBytes  *draft)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  GtkTextIter begin, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  gtk_text_buffer_delete (buffer, &begin, &end);
  gtk_text_buffer_insert (buffer, &begin, g_bytes_get_data (draft, NULL), g_bytes_get_size (draft));
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_select_range (buffer, &begin, &begin);
  gtk_text_buffer_set_modified (buffer, TRUE);
}

static void
rst_session_restore_load_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  RestoreData *data = user_data;
  g_autoptr(GError) error = NULL;

  /* A file gone or unreadable still gets its unsaved text back. */
  if (!rst_document_load_finish (RST_DOCUMENT (object), result, &error))
    g_debug ("Restoring a draft without its file: %s", error->message);

  if (data->draft != NULL)
    rst_session_apply_draft (data->page, data->draft);

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
  PageState *state;
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
  state = rst_session_track_page (self, page);
  if (draft != NULL)
    {
      g_free (state->draft_id);
      state->draft_id = g_strdup (tab->draft_id);
      state->has_draft = TRUE;
      /* Kept on disk through the load below and until it is saved or
       * written again: a second crash meanwhile still finds it.
       */
      state->recovered = TRUE;
    }

  if (file != NULL)
    {
      RestoreData *data = g_new0 (RestoreData, 1);

      data->self = g_object_ref (self);
      data->page = g_object_ref (page);
      data->draft = g_steal_pointer (&draft);
      rst_document_load_async (rst_page_get_document (page), file, NULL,
                               rst_session_restore_load_cb, data);
    }
  else
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
      GtkTextIter begin;

      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, g_bytes_get_data (draft, NULL), g_bytes_get_size (draft));
      gtk_text_buffer_end_irreversible_action (buffer);
      gtk_text_buffer_get_start_iter (buffer, &begin);
      gtk_text_buffer_select_range (buffer, &begin, &begin);
      gtk_text_buffer_set_modified (buffer, TRUE);
    }

  if (tab->selected)
    adw_tab_view_set_selected_page (rst_window_get_tab_view (window),
                                    adw_tab_view_get_page (rst_window_get_tab_view (window), GTK_WIDGET (page)));

  return result;
}

static gboolean
rst_session_add_recovered_toast (gpointer user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  AdwToast *toast = g_object_steal_data (G_OBJECT (window), "rst-recovered-toast");

  if (toast != NULL && gtk_widget_get_mapped (window))
    rst_window_add_toast (RST_WINDOW (window), toast);
  else
    g_clear_object (&toast);

  return G_SOURCE_REMOVE;
}

static void
rst_session_show_recovered_toast (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, rst_session_show_recovered_toast, NULL);
  /* After the first frame: the overlay has its size by then. */
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 100, rst_session_add_recovered_toast,
                      g_object_ref (window), NULL);
}

/**
 * rst_session_restore:
 *
 * Opens the windows and tabs of the last session: after a crash always,
 * with their unsaved text, and says so; after a normal quit when the
 * restore-session key is on. Drafts nobody names any more are removed.
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
  RstWindow *first_window = NULL;
  g_autofree char *first_backup = NULL;
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
    {
      AdwToast *toast;

      if (repaired == 0)
        toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                   "Rostrum did not quit normally: the unsaved text of %u statement was recovered",
                                                   "Rostrum did not quit normally: the unsaved text of %u statements was recovered",
                                                   recovered),
                                      recovered);
      else
        {
          /* The toast's title is markup. */
          g_autofree char *where = g_filename_display_name (first_backup);
          g_autofree char *escaped = g_markup_escape_text (where, -1);

          toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                     "Unsaved text was recovered, but %u draft could not be read in full: "
                                                     "what could not be read shows as �. The draft as it was is kept in “%s”.",
                                                     "Unsaved text was recovered, but %u drafts could not be read in full: "
                                                     "what could not be read shows as �. The first as it was is kept in “%s”.",
                                                     repaired),
                                        repaired, escaped);
        }
      /* One to read to the end: it tells where the bytes are kept. */
      adw_toast_set_timeout (toast, repaired > 0 ? 0 : 10);
      /* Shown once the window is on screen, where the drafter sees it. */
      g_object_set_data_full (G_OBJECT (first_window), "rst-recovered-toast", toast, g_object_unref);
      if (gtk_widget_get_mapped (GTK_WIDGET (first_window)))
        rst_session_show_recovered_toast (GTK_WIDGET (first_window));
      else
        g_signal_connect (first_window, "map", G_CALLBACK (rst_session_show_recovered_toast), NULL);
    }

  /* From now on the session file says the application is running. */
  rst_session_queue_write (self);

  return restored;
}

/* Quitting ------------------------------------------------------------------- */

static void
rst_session_close_all (RstSession *self)
{
  g_autoptr(GList) windows = NULL;

  rst_session_write_final (self);

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

static void rst_session_save_next (RstSession *self);

static void
rst_session_saved_for_quit (RstPage  *page,
                            gpointer  user_data)
{
  RstSession *self = user_data;

  rst_session_save_next (self);
  g_object_unref (self);
}

/* One save at a time: statements never saved ask for a name in turn. A
 * save that fails or is cancelled stops the quit.
 */
static void
rst_session_save_next (RstSession *self)
{
  g_autoptr(GPtrArray) modified = rst_session_list_modified (self);

  if (modified->len == 0)
    {
      rst_session_close_all (self);
      return;
    }

  rst_page_save (g_ptr_array_index (modified, 0), rst_session_saved_for_quit, g_object_ref (self));
}

static void
rst_session_quit_response (AdwMessageDialog *dialog,
                           const char       *response,
                           RstSession       *self)
{
  if (g_str_equal (response, "save"))
    rst_session_save_next (self);
  else if (g_str_equal (response, "discard"))
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
  AdwMessageDialog *dialog;

  g_return_if_fail (RST_IS_SESSION (self));

  modified = rst_session_list_modified (self);
  if (modified->len == 0)
    {
      rst_session_close_all (self);
      return;
    }

  dialog = rst_page_new_save_changes_dialog (gtk_application_get_active_window (self->application),
                                             _("Save Changes Before Quitting?"), modified);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rst_session_quit_response),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closed tabs, reload --------------------------------------------------------- */

void
rst_session_reopen_closed (RstSession *self)
{
  GtkWindow *active;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (RST_IS_SESSION (self));

  if (self->closed->len == 0)
    return;

  uri = g_ptr_array_steal_index (self->closed, self->closed->len - 1);
  file = g_file_new_for_uri (uri);
  active = gtk_application_get_active_window (self->application);
  if (!RST_IS_WINDOW (active))
    active = GTK_WINDOW (rst_window_new (RST_APPLICATION (self->application)));

  rst_window_open_file (RST_WINDOW (active), file);
  gtk_window_present (active);
}

static void
rst_session_reload_file (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  RstSession *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GHashTableIter iter;
  PageState *state;

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
  RstSession *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GtkWindow *active = gtk_application_get_active_window (self->application);

  if (!RST_IS_WINDOW (active))
    active = GTK_WINDOW (rst_window_new (RST_APPLICATION (self->application)));

  rst_window_open_file (RST_WINDOW (active), file);
  gtk_window_present (active);
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

  rst_session_write_final (self);
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
  gpointer page;

  g_clear_handle_id (&self->write_source, g_source_remove);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &page, NULL))
    g_object_weak_unref (page, rst_session_page_finalized, g_hash_table_lookup (self->pages, page));
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)page_state_free);
  self->closed = g_ptr_array_new_with_free_func (g_free);
}
