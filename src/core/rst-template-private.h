/* rst-template-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-template.h"

G_BEGIN_DECLS

/* The fields whose values are distinctive enough to be recognized
 * anywhere in a statement by Save as Template.
 */
extern const char * const _rst_template_text_fields[];

/* A value that is set and not empty, else NULL. */
const char  *_rst_template_values_lookup            (GHashTable        *values,
                                                     const char        *field);
GHashTable  *_rst_template_values_copy_and_complete (GHashTable        *values,
                                                     const char        *lang);

/* An entry for a file that could not even be read. */
RstTemplate *_rst_template_new_for_error  (const char        *id,
                                           RstTemplateOrigin  origin,
                                           GFile             *file,
                                           const GError      *error);
/* @text with its template-name and template-description set (front matter
 * added when it has none); NULL @description removes the key.
 */
char        *_rst_template_set_identity   (const char        *text,
                                           const char        *name,
                                           const char        *description);

/* The store lists a user template that shares a built-in's id apart. */
void         _rst_template_set_id         (RstTemplate       *self,
                                           const char        *id);
void         _rst_template_set_note       (RstTemplate       *self,
                                           const char        *note);

G_END_DECLS
