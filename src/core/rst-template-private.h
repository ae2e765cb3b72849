/* rst-template-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-template.h"

G_BEGIN_DECLS

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
