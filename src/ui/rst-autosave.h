/* rst-autosave.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-document.h"
#include "rst-draft-store.h"

G_BEGIN_DECLS

#define RST_TYPE_AUTOSAVE (rst_autosave_get_type ())

G_DECLARE_FINAL_TYPE (RstAutosave, rst_autosave, RST, AUTOSAVE, GObject)

RstAutosave *rst_autosave_new         (RstDocument   *document,
                                       RstDraftStore *store,
                                       GSettings     *settings);
const char  *rst_autosave_get_draft_id (RstAutosave  *self);
gboolean     rst_autosave_has_draft   (RstAutosave   *self);
void         rst_autosave_recover     (RstAutosave   *self,
                                       const char    *draft_id);
void         rst_autosave_flush       (RstAutosave   *self);
void         rst_autosave_discard     (RstAutosave   *self);

G_END_DECLS
