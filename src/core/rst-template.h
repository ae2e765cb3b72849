/* rst-template.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-council.h"

G_BEGIN_DECLS

#define RST_TEMPLATE_ERROR (rst_template_error_quark ())

typedef enum
{
  RST_TEMPLATE_ERROR_INVALID_UTF8,
  RST_TEMPLATE_ERROR_FRONT_MATTER,
  RST_TEMPLATE_ERROR_PLACEHOLDER,
  RST_TEMPLATE_ERROR_NOT_FOUND,
  RST_TEMPLATE_ERROR_READ_ONLY,
  RST_TEMPLATE_ERROR_EXISTS,
  RST_TEMPLATE_ERROR_INVALID_ID,
} RstTemplateError;

typedef enum
{
  RST_TEMPLATE_ORIGIN_BUILTIN,
  RST_TEMPLATE_ORIGIN_USER,
  /* The delegation's shared folder (Preferences), the same file format. */
  RST_TEMPLATE_ORIGIN_SHARED,
} RstTemplateOrigin;

/* The front-matter keys that say what a template is; they are dropped
 * when a template is filled into a statement.
 */
#define RST_TEMPLATE_KEY_NAME        "template-name"
#define RST_TEMPLATE_KEY_DESCRIPTION "template-description"

#define RST_TYPE_TEMPLATE (rst_template_get_type ())

G_DECLARE_FINAL_TYPE (RstTemplate, rst_template, RST, TEMPLATE, GObject)

GQuark              rst_template_error_quark             (void);

/* Never fails: a malformed template becomes an entry whose
 * rst_template_get_error() says what is wrong.
 */
RstTemplate        *rst_template_new                     (const char         *id,
                                                          RstTemplateOrigin   origin,
                                                          GFile              *file,
                                                          const char         *data,
                                                          gsize               length);
const char         *rst_template_get_id                  (RstTemplate        *self);
/* The file name without ".md"; differs from the id when a user template
 * had to be renamed because a built-in has the same id.
 */
const char         *rst_template_get_file_id             (RstTemplate        *self);
const char         *rst_template_get_name                (RstTemplate        *self);
const char         *rst_template_get_description         (RstTemplate        *self);
/* NULL when the template is malformed. */
const char         *rst_template_get_text                (RstTemplate        *self);
RstTemplateOrigin   rst_template_get_origin              (RstTemplate        *self);
const char         *rst_template_origin_to_string        (RstTemplateOrigin   origin);
/* The user's or the delegation's file, NULL for built-ins. */
GFile              *rst_template_get_file                (RstTemplate        *self);
const GError       *rst_template_get_error               (RstTemplate        *self);
/* Something the user should know that does not stop the template from
 * being used (a user template that shares a built-in's id), or NULL.
 */
const char         *rst_template_get_note                (RstTemplate        *self);
const char         *rst_template_get_lang                (RstTemplate        *self);

/* Filling (rst-template-fill.c). @values maps field names ("speaker") to
 * values (rst-template-values.h); derived fields (session_ordinal,
 * chair_address, year) are computed when absent. Free slots and known
 * fields without a value stay as {{…}}.
 */
char               *rst_template_fill                    (RstTemplate        *self,
                                                          GHashTable         *values,
                                                          GError            **error);
char               *rst_template_fill_text               (const char         *text,
                                                          GHashTable         *values);

/* Save as template: the literal values of known fields become {{field}}
 * again, so that rst_template_fill_text() of the result with the same
 * values gives @text back (front-matter quoting aside).
 */
char               *rst_template_from_statement          (const char         *text,
                                                          GHashTable         *known_values);

G_END_DECLS
