/* rst-outline.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-diagnostic.h"
#include "rst-line-index.h"
#include "rst-statement.h"

G_BEGIN_DECLS

/* How an outline entry fares: the worst severity of the diagnostics that
 * fall in its part of the statement, or fine.
 */
typedef enum
{
  RST_OUTLINE_STATUS_FINE,
  RST_OUTLINE_STATUS_INFO,
  RST_OUTLINE_STATUS_WARNING,
  RST_OUTLINE_STATUS_ERROR,
} RstOutlineStatus;

#define RST_TYPE_OUTLINE_ITEM (rst_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (RstOutlineItem, rst_outline_item, RST, OUTLINE_ITEM, GObject)

/* One entry per structure element a drafter navigates by: heading,
 * delivery mark, salutation, opening, each priority, return salutation,
 * closing. Offsets are bytes into the text the statement was parsed from;
 * the section runs from the element to the next entry (so a priority's
 * continuation paragraphs belong to it).
 */
RstElementKind    rst_outline_item_get_kind             (RstOutlineItem *self);
const char       *rst_outline_item_get_label            (RstOutlineItem *self);
RstOutlineStatus  rst_outline_item_get_status           (RstOutlineItem *self);
guint             rst_outline_item_get_n_diagnostics    (RstOutlineItem *self);
gsize             rst_outline_item_get_start            (RstOutlineItem *self);
gsize             rst_outline_item_get_end              (RstOutlineItem *self);
gsize             rst_outline_item_get_section_end      (RstOutlineItem *self);
guint             rst_outline_item_get_line             (RstOutlineItem *self);
guint             rst_outline_item_get_units            (RstOutlineItem *self);
guint             rst_outline_item_get_speaking_seconds (RstOutlineItem *self);
/* "First: error", for screen readers; translated. */
char             *rst_outline_item_dup_accessible_name  (RstOutlineItem *self);

/* Builds the outline of @statement with the status each entry gets from
 * @diagnostics (RstDiagnostic*, may be NULL) and its share of the speaking
 * time at @units_per_minute. Returns RstOutlineItem*.
 */
GPtrArray        *rst_outline_build                     (RstStatement       *statement,
                                                         GPtrArray          *diagnostics,
                                                         const RstLineIndex *lines,
                                                         double              units_per_minute);
const char       *rst_outline_status_to_string          (RstOutlineStatus status);
/* A symbolic icon name for @status. */
const char       *rst_outline_status_get_icon_name      (RstOutlineStatus status);

G_END_DECLS
