/* rst-session-file.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-session-private.h"

/* What the session file says: the open tabs, window by window, each with
 * its file and its draft. It is written a moment after tabs change while
 * the application runs, saying it did not quit (so that the next start
 * recovers the drafts), and a last time at a normal quit with the files
 * only. The draft store reads and writes the file itself.
 */

static gboolean
rst_session_tab_has_draft (gconstpointer tab)
{
  return ((const RstSessionTab *)tab)->draft_id != NULL;
}

/* The next start reads RST_SESSION_MAX_TABS tabs at most: past that, the
 * tabs with unsaved text are the ones kept, in their order.
 */
static void
rst_session_cap_tabs (GPtrArray *tabs)
{
  guint with_draft = 0;
  guint room_without;
  guint kept_with = 0;
  guint kept_without = 0;

  if (tabs->len <= RST_SESSION_MAX_TABS)
    return;

  for (guint i = 0; i < tabs->len; i++)
    with_draft += rst_session_tab_has_draft (g_ptr_array_index (tabs, i));
  room_without = RST_SESSION_MAX_TABS - MIN (with_draft, RST_SESSION_MAX_TABS);

  for (guint i = 0; i < tabs->len;)
    {
      gboolean keep;

      if (rst_session_tab_has_draft (g_ptr_array_index (tabs, i)))
        keep = kept_with++ < RST_SESSION_MAX_TABS;
      else
        keep = kept_without++ < room_without;

      if (keep)
        i++;
      else
        g_ptr_array_remove_index (tabs, i);
    }
}

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
          RstSessionPage *state;
          GFile *location;
          g_autofree char *uri = NULL;
          gboolean modified;
          gboolean has_draft;

          if (!RST_IS_PAGE (child) || (state = g_hash_table_lookup (self->pages, child)) == NULL)
            continue;

          location = rst_document_get_file (state->document);
          uri = location ? g_file_get_uri (location) : NULL;
          modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (state->document));
          has_draft = rst_autosave_has_draft (state->autosave);

          /* At a normal quit every text was saved or discarded. */
          if (final)
            {
              if (uri != NULL)
                g_ptr_array_add (tabs, rst_session_tab_new (NULL, uri, window_index, tab == selected, FALSE));
            }
          else if (uri != NULL || modified || has_draft)
            {
              GFile *source = rst_document_get_import_source (state->document);
              RstSessionTab *session_tab;

              session_tab = rst_session_tab_new (modified || has_draft
                                                   ? rst_autosave_get_draft_id (state->autosave)
                                                   : NULL,
                                                 uri, window_index, tab == selected, modified);
              /* An import never saved keeps its name across a crash. */
              if (uri == NULL && source != NULL)
                session_tab->imported_from = g_file_get_uri (source);
              g_ptr_array_add (tabs, session_tab);
            }
          else
            continue;

          any = TRUE;
        }

      if (any)
        window_index++;
    }

  rst_session_cap_tabs (tabs);

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
 * for the burst. The store writes it behind the drafts already queued,
 * so the file never names a draft before the draft is on disk.
 */
void
_rst_session_queue_write (RstSession *self)
{
  if (self->write_source == 0 && !self->shutting_down)
    self->write_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 200,
                                             rst_session_write_cb, self, NULL);
}

/* The last words of a normal quit: the tabs with their files, no drafts. */
void
_rst_session_write_final (RstSession *self)
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
  RstSessionPage *state;

  g_return_if_fail (RST_IS_SESSION (self));

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&state))
    rst_autosave_flush (state->autosave);

  if (self->write_source != 0)
    {
      g_clear_handle_id (&self->write_source, g_source_remove);
      rst_session_write_cb (self);
    }

  rst_draft_store_flush (self->store);
}
