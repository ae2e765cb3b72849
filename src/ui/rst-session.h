/* rst-session.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-draft-store.h"
#include "rst-page.h"

G_BEGIN_DECLS

#define RST_TYPE_SESSION (rst_session_get_type ())

G_DECLARE_FINAL_TYPE (RstSession, rst_session, RST, SESSION, GObject)

RstSession    *rst_session_new               (GtkApplication *application,
                                              RstDraftStore  *store,
                                              GSettings      *settings);
RstDraftStore *rst_session_get_draft_store   (RstSession     *self);
const char    *rst_session_get_draft_id      (RstSession     *self,
                                              RstPage        *page);
guint          rst_session_restore           (RstSession     *self);
void           rst_session_flush             (RstSession     *self);
void           rst_session_request_quit      (RstSession     *self);
void           rst_session_reopen_closed     (RstSession     *self);
GPtrArray     *rst_session_list_pages        (RstSession     *self);
GPtrArray     *rst_session_list_modified     (RstSession     *self);
void           rst_session_shutdown          (RstSession     *self);

G_END_DECLS
