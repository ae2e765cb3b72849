/* rst-structure-tags.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-statement.h"

G_BEGIN_DECLS

typedef struct _RstStructureTags RstStructureTags;

RstStructureTags *rst_structure_tags_new           (GtkSourceBuffer   *buffer);
void              rst_structure_tags_free          (RstStructureTags  *self);
void              rst_structure_tags_update_styles (RstStructureTags  *self);
void              rst_structure_tags_clear         (RstStructureTags  *self);
void              rst_structure_tags_add           (RstStructureTags  *self,
                                                    RstElementKind     kind,
                                                    const GtkTextIter *begin,
                                                    const GtkTextIter *end);
GtkTextTag       *rst_structure_tags_get_tag       (RstStructureTags  *self,
                                                    RstElementKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstStructureTags, rst_structure_tags_free)

G_END_DECLS
