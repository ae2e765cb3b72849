/* rst-template-store.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-template.h"

G_BEGIN_DECLS

#define RST_TYPE_TEMPLATE_STORE (rst_template_store_get_type ())

G_DECLARE_FINAL_TYPE (RstTemplateStore, rst_template_store, RST, TEMPLATE_STORE, GObject)

/* A GListModel of RstTemplate: the built-ins from GResource
 * (/io/github/rostrum/Rostrum/templates/ID/LANG.md), one item per id
 * (its English version; the others through
 * rst_template_store_lookup_language()), sorted by id, then the user's
 * from the .md files of $XDG_DATA_HOME/rostrum/templates/, sorted by id. A user template
 * whose file has a built-in's id is kept beside it as "user:ID", with a
 * note. Malformed files are entries with an error, never dropped.
 */
RstTemplateStore *rst_template_store_new                (void);
RstTemplateStore *rst_template_store_new_for_directory  (GFile             *user_directory);
/* With the shared folder of Preferences (GSettings), when there is one. */
RstTemplateStore *rst_template_store_new_default        (void);
/* Reads everything again, for files changed behind our back. */
void              rst_template_store_reload             (RstTemplateStore  *self);
/* Also finds a user template as "user:ID" when it has no conflict. */
RstTemplate      *rst_template_store_lookup             (RstTemplateStore  *self,
                                                         const char        *id);
/* Built-ins come in the six languages under one id; the listed item is
 * the English one.
 */
RstTemplate      *rst_template_store_lookup_language    (RstTemplateStore  *self,
                                                         const char        *id,
                                                         const char        *lang);
char            **rst_template_store_dup_languages      (RstTemplateStore  *self,
                                                         const char        *id);

/* These change user files (written atomically) and return a new reference
 * to the resulting template. @id NULL saves a new template under an id
 * made from @name; an existing user id is overwritten; a built-in id
 * fails with RST_TEMPLATE_ERROR_READ_ONLY. @name and @description are
 * written into the front matter.
 */
RstTemplate      *rst_template_store_save               (RstTemplateStore  *self,
                                                         const char        *id,
                                                         const char        *name,
                                                         const char        *description,
                                                         const char        *text,
                                                         GError           **error);
/* "Save as template" of a filled statement (rst_template_from_statement). */
RstTemplate      *rst_template_store_save_statement     (RstTemplateStore  *self,
                                                         const char        *statement,
                                                         GHashTable        *known_values,
                                                         const char        *name,
                                                         const char        *description,
                                                         GError           **error);
/* Changes the name a user template is listed with; its id stays. */
RstTemplate      *rst_template_store_rename             (RstTemplateStore  *self,
                                                         const char        *id,
                                                         const char        *name,
                                                         GError           **error);
/* A user copy of any template, built-ins included, "NAME (copy)". */
RstTemplate      *rst_template_store_duplicate          (RstTemplateStore  *self,
                                                         const char        *id,
                                                         GError           **error);
gboolean          rst_template_store_delete             (RstTemplateStore  *self,
                                                         const char        *id,
                                                         GError           **error);
/* Copies a template file into the user folder; refuses malformed ones. */
RstTemplate      *rst_template_store_import             (RstTemplateStore  *self,
                                                         GFile             *file,
                                                         GError           **error);
gboolean          rst_template_store_export             (RstTemplateStore  *self,
                                                         const char        *id,
                                                         GFile             *destination,
                                                         GError           **error);

/* The delegation's shared folder (Preferences): its templates are listed
 * after the built-in and the user's, with RST_TEMPLATE_ORIGIN_SHARED.
 */
void              rst_template_store_set_shared_directory (RstTemplateStore *self,
                                                           GFile            *directory);
GFile            *rst_template_store_get_shared_directory (RstTemplateStore *self);
const GError     *rst_template_store_get_shared_error     (RstTemplateStore *self);
gboolean          rst_template_store_get_shared_writable  (RstTemplateStore *self);
RstTemplate      *rst_template_store_save_statement_shared (RstTemplateStore *self,
                                                            const char       *statement,
                                                            GHashTable       *known_values,
                                                            const char       *name,
                                                            const char       *description,
                                                            GError          **error);
gboolean          rst_template_store_probe_folder         (GFile            *directory,
                                                           gboolean         *writable,
                                                           GError          **error);

G_END_DECLS
