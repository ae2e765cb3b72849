/* rst-council-list.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-council.h"

G_BEGIN_DECLS

#define RST_TYPE_COUNCIL_LIST (rst_council_list_get_type ())

G_DECLARE_FINAL_TYPE (RstCouncilList, rst_council_list, RST, COUNCIL_LIST, GObject)

/* The council profiles Rostrum knows: the built-ins from GResource and
 * the user's from $XDG_DATA_HOME/rostrum/councils/, which override
 * built-ins by id. A GListModel of RstCouncil sorted by id, "generic"
 * last. A list never changes once loaded, so threads share it; when the
 * user's profiles change, a new list is loaded.
 */
RstCouncilList *rst_council_list_new               (const char      *user_dir);
RstCouncilList *rst_council_list_get_default       (void);
void            rst_council_list_reload_default    (void);
GPtrArray      *rst_council_list_get_problems      (RstCouncilList  *self);
RstCouncil     *rst_council_list_lookup            (RstCouncilList  *self,
                                                    const char      *id,
                                                    GError         **error);
RstCouncil     *rst_council_list_resolve           (RstCouncilList  *self,
                                                    const char      *named);
RstCouncil     *rst_council_list_get_generic       (RstCouncilList  *self);
guint           rst_council_list_find              (RstCouncilList  *self,
                                                    const char      *named);

G_END_DECLS
