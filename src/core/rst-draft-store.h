/* rst-draft-store.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One tab of the session file. */
typedef struct
{
  /* The draft holding the unsaved text, or %NULL when the tab has none. */
  char     *draft_id;
  /* Where the statement is saved, or %NULL for one never saved. */
  char     *uri;
  /* Tabs of the same window share this number, counted from 0. */
  guint     window;
  gboolean  selected;
  gboolean  modified;
  /* For a statement imported and never saved: the URI of the document it
   * came from, which names it and its first save. %NULL for others.
   */
  char     *imported_from;
} RstSessionTab;

/* However many tabs a session file claims, no more are opened again: a
 * damaged or hostile file must not keep the start-up busy for ever.
 */
#define RST_SESSION_MAX_TABS 64
/* A session file names at most RST_SESSION_MAX_TABS tabs of a few lines
 * each: anything larger is not one of ours.
 */
#define RST_SESSION_MAX_SIZE (256 * 1024)

#define RST_TYPE_SESSION_TAB (rst_session_tab_get_type ())

GType          rst_session_tab_get_type (void) G_GNUC_CONST;
RstSessionTab *rst_session_tab_new      (const char          *draft_id,
                                         const char          *uri,
                                         guint                window,
                                         gboolean             selected,
                                         gboolean             modified);
RstSessionTab *rst_session_tab_copy     (const RstSessionTab *tab);
void           rst_session_tab_free     (RstSessionTab       *tab);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstSessionTab, rst_session_tab_free)

#define RST_TYPE_DRAFT_STORE (rst_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (RstDraftStore, rst_draft_store, RST, DRAFT_STORE, GObject)

RstDraftStore *rst_draft_store_new              (const char     *directory);
const char    *rst_draft_store_get_directory    (RstDraftStore  *self);
char          *rst_draft_store_dup_draft_path   (RstDraftStore  *self,
                                                 const char     *draft_id);
char          *rst_draft_store_new_draft_id     (void);
void           rst_draft_store_write_draft      (RstDraftStore  *self,
                                                 const char     *draft_id,
                                                 GBytes         *contents);
void           rst_draft_store_remove_draft     (RstDraftStore  *self,
                                                 const char     *draft_id);
GBytes        *rst_draft_store_read_draft       (RstDraftStore  *self,
                                                 const char     *draft_id,
                                                 GError        **error);
GBytes        *rst_draft_store_recover_draft    (RstDraftStore  *self,
                                                 const char     *draft_id,
                                                 char          **backup_path,
                                                 GError        **error);
char         **rst_draft_store_list_drafts      (RstDraftStore  *self);
void           rst_draft_store_write_session    (RstDraftStore  *self,
                                                 GPtrArray      *tabs,
                                                 gboolean        clean_exit);
GPtrArray     *rst_draft_store_read_session     (RstDraftStore  *self,
                                                 gboolean       *clean_exit,
                                                 GError        **error);
GPtrArray     *rst_draft_store_parse_session    (RstDraftStore  *self,
                                                 const char     *data,
                                                 gsize           length,
                                                 gboolean       *clean_exit,
                                                 GError        **error);
void           rst_draft_store_remove_orphans   (RstDraftStore  *self,
                                                 GPtrArray      *tabs);
void           rst_draft_store_flush            (RstDraftStore  *self);
guint          rst_draft_store_get_pending      (RstDraftStore  *self);

G_END_DECLS
