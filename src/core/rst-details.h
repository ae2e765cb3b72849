/* rst-details.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What is known about a statement beyond its words: the "key: value"
 * pairs of its front matter, in file order (council, session, speaker,
 * time-limit, lang …). Shared between threads once built, so that is
 * how it is used: build, then only read; rst_details_copy() to change.
 */
typedef struct _RstDetails RstDetails;

#define RST_TYPE_DETAILS (rst_details_get_type ())

/* The keys of DESIGN.md. */
#define RST_DETAIL_TITLE         "title"
#define RST_DETAIL_COUNCIL       "council"
#define RST_DETAIL_SESSION       "session"
#define RST_DETAIL_DELEGATION    "delegation"
#define RST_DETAIL_SPEAKER       "speaker"
#define RST_DETAIL_CHAIR         "chair"
#define RST_DETAIL_CHAIR_FORM    "chair-form"
#define RST_DETAIL_DATE          "date"
#define RST_DETAIL_AGENDA_ITEM   "agenda-item"
#define RST_DETAIL_DELIVERY_MARK "delivery-mark"
#define RST_DETAIL_TIME_LIMIT    "time-limit"
#define RST_DETAIL_LANG          "lang"

/* A front matter with more keys than this is not one a drafter wrote. */
#define RST_DETAILS_MAX_KEYS 256

GType               rst_details_get_type  (void) G_GNUC_CONST;
RstDetails         *rst_details_new       (void);
RstDetails         *rst_details_ref       (RstDetails       *self);
void                rst_details_unref     (RstDetails       *self);
RstDetails         *rst_details_copy      (const RstDetails *self);
guint               rst_details_get_size  (const RstDetails *self);
const char         *rst_details_get_key   (const RstDetails *self,
                                           guint             index);
const char         *rst_details_get_value (const RstDetails *self,
                                           guint             index);
const char         *rst_details_lookup    (const RstDetails *self,
                                           const char       *key);
const char         *rst_details_get       (const RstDetails *self,
                                           const char       *key);
gboolean            rst_details_set       (RstDetails       *self,
                                           const char       *key,
                                           const char       *value);
gboolean            rst_details_remove    (RstDetails       *self,
                                           const char       *key);
gboolean            rst_details_equal     (const RstDetails *a,
                                           const RstDetails *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstDetails, rst_details_unref)

G_END_DECLS
