/* rst-council.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-checker.h"

G_BEGIN_DECLS

#define RST_COUNCIL_ERROR (rst_council_error_quark ())

typedef enum
{
  RST_COUNCIL_ERROR_INVALID,
  RST_COUNCIL_ERROR_NOT_FOUND,
} RstCouncilError;

#define RST_TYPE_COUNCIL (rst_council_get_type ())

G_DECLARE_FINAL_TYPE (RstCouncil, rst_council, RST, COUNCIL, GObject)

GQuark      rst_council_error_quark            (void);
/* Reads a profile (GKeyFile, DESIGN.md "Council profiles"). */
RstCouncil *rst_council_new_from_key_file      (const char  *id,
                                                GKeyFile    *key_file,
                                                GError     **error);
const char *rst_council_get_id                 (RstCouncil  *self);
const char *rst_council_get_name               (RstCouncil  *self);
const char *rst_council_get_short_name         (RstCouncil  *self);
const char *rst_council_get_chair_title        (RstCouncil  *self);
const char *rst_council_get_chair_form         (RstCouncil  *self);
guint       rst_council_get_time_limit_seconds (RstCouncil  *self);
double      rst_council_get_words_per_minute   (RstCouncil  *self);
const char *rst_council_get_heading_pattern    (RstCouncil  *self);
const char *rst_council_get_delivery_mark      (RstCouncil  *self);
const char *rst_council_get_paper              (RstCouncil  *self);
/* Margins in millimetres: top, right, bottom, left. */
void        rst_council_get_margins_mm         (RstCouncil  *self,
                                                double      *top,
                                                double      *right,
                                                double      *bottom,
                                                double      *left);
const char *rst_council_get_font               (RstCouncil  *self);
double      rst_council_get_font_size          (RstCouncil  *self);
double      rst_council_get_line_spacing       (RstCouncil  *self);
const char *rst_council_get_file_name_pattern  (RstCouncil  *self);
const char *rst_council_get_origin             (RstCouncil  *self);

/* The built-in profiles from GResource and the user's from
 * $XDG_DATA_HOME/rostrum/councils/, which override built-ins by id.
 * Returns a new reference; the list is sorted by id, "generic" last.
 */
GListModel *rst_council_list_load              (GError     **error);
/* What a front matter's `council` may say: an id, a short name or a name,
 * in any case. Returns the council it means; when it means none, sets
 * @error and returns the generic profile (NULL only if even that is gone).
 */
RstCouncil *rst_council_resolve                (const char  *named,
                                                GError     **error);
gboolean    rst_council_answers_to             (RstCouncil  *self,
                                                const char  *named);
/* The position in @councils of the one @named means, or G_MAXUINT. */
guint       rst_council_list_find              (GListModel  *councils,
                                                const char  *named);
RstCouncil *rst_council_lookup                 (const char  *id,
                                                GError     **error);

/* Like rst_council_new_from_key_file(), for a .council file: the id is the
 * file's basename without ".council", errors name the file.
 */
RstCouncil *rst_council_new_from_file          (GFile       *file,
                                                GError     **error);
/* TRUE for a profile that ships with Rostrum (in GResource). */
gboolean    rst_council_is_builtin             (RstCouncil  *self);
/* Where user profiles live: $XDG_DATA_HOME/rostrum/councils. */
char       *rst_council_dup_user_dir           (void);
/* rst_council_list_load() that also says which profiles it skipped:
 * @problems receives a new array of GError* (RST_COUNCIL_ERROR_INVALID,
 * the message names the file and key), empty when all loaded. A broken
 * user profile is skipped and never hides the built-in of the same id.
 */
GListModel *rst_council_list_load_full         (GPtrArray  **problems,
                                                GError     **error);
/* The limit and pace of the profile alone. */
void        rst_council_get_check_options      (RstCouncil      *self,
                                                RstCheckOptions *out);
/* The options to check @statement with: the council's limit and pace,
 * where the document's "time-limit" detail (M:SS or seconds) beats the
 * council's limit. @council and @statement may be NULL.
 */
void        rst_council_resolve_check_options  (RstCouncil      *council,
                                                RstStatement    *statement,
                                                RstCheckOptions *out);

G_END_DECLS
