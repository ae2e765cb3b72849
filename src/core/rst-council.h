/* rst-council.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

#define RST_COUNCIL_ERROR (rst_council_error_quark ())

typedef enum
{
  RST_COUNCIL_ERROR_INVALID,
  RST_COUNCIL_ERROR_NOT_FOUND,
} RstCouncilError;

/* The words of a profile that a statement's language changes (Name[fr],
 * DeliveryMark[zh] …).
 */
typedef enum
{
  RST_COUNCIL_TEXT_NAME,
  RST_COUNCIL_TEXT_SHORT_NAME,
  RST_COUNCIL_TEXT_CHAIR_TITLE,
  RST_COUNCIL_TEXT_CHAIR_FORM,
  RST_COUNCIL_TEXT_CHAIR_ADDRESS,
  RST_COUNCIL_TEXT_HEADING_PATTERN,
  RST_COUNCIL_TEXT_DELIVERY_MARK,
  RST_COUNCIL_N_TEXTS
} RstCouncilText;

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
void        rst_council_get_paper_size_mm      (RstCouncil  *self,
                                                double      *width,
                                                double      *height);
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
const char *rst_council_get_text_for           (RstCouncil     *self,
                                                RstCouncilText  text,
                                                const char     *lang);
double      rst_council_get_pace_for           (RstCouncil  *self,
                                                const char  *lang);
const char * const *
            rst_council_get_recognize          (RstCouncil  *self);
const char * const *
            rst_council_get_recognize_folded   (RstCouncil  *self);
guint       rst_council_find_session           (RstCouncil  *self,
                                                const char  *text,
                                                gsize        len);

/* Like rst_council_new_from_key_file(), for a .council file: the id is the
 * file's basename without ".council", errors name the file.
 */
RstCouncil *rst_council_new_from_file          (GFile       *file,
                                                GError     **error);
/* TRUE for a profile that ships with Rostrum (in GResource). */
gboolean    rst_council_is_builtin             (RstCouncil  *self);
/* Where user profiles live: $XDG_DATA_HOME/rostrum/councils. */
char       *rst_council_dup_user_dir           (void);
/* The profile of a statement that names no council Rostrum knows. */
#define RST_COUNCIL_GENERIC_ID "generic"

gboolean    rst_council_is_generic             (RstCouncil  *self);
/* Whether @named (an id, short name or name, in any case) means it. */
gboolean    rst_council_answers_to             (RstCouncil  *self,
                                                const char  *named);
G_END_DECLS
