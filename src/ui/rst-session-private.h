/* rst-session-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-autosave.h"
#include "rst-file-watch.h"
#include "rst-session.h"
#include "rst-window.h"

G_BEGIN_DECLS

struct _RstSession
{
  GObject         parent_instance;

  GtkApplication *application;
  RstDraftStore  *store;
  GSettings      *settings;

  /* RstPage → RstSessionPage, for every page of every window. */
  GHashTable     *pages;
  /* URIs of closed tabs, most recent last. */
  GPtrArray      *closed;

  /* Restored tabs whose file is still loading, and the files of the
   * last session that could not be opened again, told in one toast.
   */
  guint           restoring;
  GPtrArray      *restore_failures;

  guint           write_source;
  guint           inhibit_cookie;
  /* The final session file is written: nothing changes it any more. */
  guint           shutting_down : 1;
  guint           told_write_failure : 1;
};

/* What the session keeps for one page. */
typedef struct
{
  RstSession   *session;
  RstPage      *page;
  RstDocument  *document;
  RstAutosave  *autosave;
  RstFileWatch *watch;
} RstSessionPage;

RstSessionPage *_rst_session_track_page  (RstSession *self,
                                          RstPage    *page);
void            _rst_session_queue_write (RstSession *self);
void            _rst_session_write_final (RstSession *self);
RstWindow      *_rst_session_get_window  (RstSession *self);

G_END_DECLS
