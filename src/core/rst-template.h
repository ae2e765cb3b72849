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
} RstTemplateOrigin;

/* A placeholder in a template: [start, end) covers the braces,
 * [name_start, name_end) the trimmed name between them. Byte offsets into
 * the text given to rst_template_find_slots().
 */
typedef struct
{
  gsize    start;
  gsize    end;
  gsize    name_start;
  gsize    name_end;
  gboolean known;
} RstTemplateSlot;

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
/* The user file, NULL for built-ins. */
GFile              *rst_template_get_file                (RstTemplate        *self);
const GError       *rst_template_get_error               (RstTemplate        *self);
/* Something the user should know that does not stop the template from
 * being used (a user template that shares a built-in's id), or NULL.
 */
const char         *rst_template_get_note                (RstTemplate        *self);

/* Filling. @values maps field names ("speaker") to values; derived
 * fields (session_ordinal, chair_address, year) are computed when absent.
 * Free slots and known fields without a value stay as {{…}}.
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

/* The session after the one @text is for (its "session" detail, or the
 * "114th Session" of its heading), or 0 when it names none.
 */
guint               rst_template_propose_next_session    (const char         *text);

/* Every {{…}} of @text, in order (element type RstTemplateSlot), front
 * matter included: an editor that shows only the body skips those before
 * rst_statement_get_body_offset(). Unclosed ones are not slots.
 */
GArray             *rst_template_find_slots              (const char         *text,
                                                          gssize              length);

/* Known fields and values. */
const char * const *rst_template_get_known_fields        (void);
gboolean            rst_template_is_known_field          (const char         *field);
/* "1st", "112th", "115th". */
char               *rst_template_format_ordinal          (guint               number);
/* A string → string table for rst_template_fill(). */
GHashTable         *rst_template_values_new              (void);
/* Sets @field unless it already has a non-empty value: callers add the
 * most specific values first (explicit, then delegation profile, then
 * council profile).
 */
void                rst_template_values_set_default      (GHashTable         *values,
                                                          const char         *field,
                                                          const char         *value);
/* Adds council, council_short, council_id, chair_title, chair_form,
 * delivery_mark and time_limit from @council where they are not set.
 */
void                rst_template_values_add_council      (GHashTable         *values,
                                                          RstCouncil         *council);
/* Adds session_ordinal, chair_address, year where they can be derived. */
void                rst_template_values_complete         (GHashTable         *values);

/* Writes @file through a temporary file in the same folder renamed into
 * place, so a crash never leaves half a file. Unless @replace, fails with
 * G_IO_ERROR_EXISTS when @file exists, without a window for a race.
 */
gboolean            rst_template_write_file              (GFile              *file,
                                                          const char         *contents,
                                                          gsize               length,
                                                          gboolean            replace,
                                                          GError            **error);

G_END_DECLS
