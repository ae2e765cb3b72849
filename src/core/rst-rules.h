/* rst-rules.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rst-fold.h"
#include "rst-statement.h"
#include "rst-timing.h"
#include "rst-word.h"

G_BEGIN_DECLS

/* The word lists of one language (data/rules/<lang>.ini in GResource) and
 * the matchers built on them: the parser, the checker, the timing and the
 * exporters (sentence ends, session ordinals, the words an export prints)
 * all ask here, so a language is data and its rules exist once.
 */
typedef struct _RstRules RstRules;

/* A line is only matched as a salutation, closing or delivery mark when it
 * is at most this long, in bytes: longer lines are prose.
 */
#define RST_RULES_LINE_MAX 240

/* Announced counts are made early in a paragraph; what comes later of a
 * very long one is not looked at, so that hostile input stays linear.
 * A paragraph folded this far serves every matcher below.
 */
#define RST_RULES_COUNT_SPAN 4000
/* Openings say what they are in the first 2000 bytes, a priority marker
 * in the first 200.
 */
#define RST_RULES_OPENING_SPAN 2000
#define RST_RULES_PRIORITY_SPAN 200

/* An address found in a salutation or closing, relative to the line. */
typedef struct
{
  gsize    start;
  gsize    end;
  gboolean found;
} RstAddress;

const RstRules *rst_rules_get                 (const char      *lang);
gboolean        rst_rules_has_language        (const char      *lang);
const char     *rst_rules_get_language        (const RstRules  *rules);
const char     *rst_rules_get_autonym         (const RstRules  *rules);
gboolean        rst_rules_is_rtl              (const RstRules  *rules);
const char     *rst_rules_get_dictionary      (const RstRules  *rules);
gboolean        rst_rules_get_spaces          (const RstRules  *rules);
RstTimingUnit   rst_rules_get_timing_unit     (const RstRules  *rules);
double          rst_rules_get_per_minute      (const RstRules  *rules);
guint           rst_rules_get_long_sentence   (const RstRules  *rules);
const char     *rst_rules_get_default_delivery_mark (const RstRules *rules);
/* @text in the form rules match in (data/rules/README.md, "How matching
 * works"): for comparing what a drafter wrote with what a rule file lists.
 */
char           *rst_rules_fold                (const RstRules  *rules,
                                               const char      *text,
                                               gssize           length);
char           *rst_rules_dup_address         (const RstRules  *rules,
                                               const char      *form,
                                               const char      *title);
gboolean        rst_rules_is_recognition_word (const RstRules  *rules,
                                               const char      *word,
                                               gsize            len);
const char    **rst_rules_dup_recognition_words (const RstRules *rules);
gboolean        rst_rules_is_recognition_folded (const RstRules *rules,
                                               const char      *word,
                                               gsize            len);

/* A cheap test before the three below: can @line be one at all? */
gboolean        rst_rules_may_stand_alone     (const RstRules  *rules,
                                               const char      *line,
                                               gsize            len);
gboolean        rst_rules_match_delivery_mark (const RstRules  *rules,
                                               const char      *line,
                                               gsize            len);
gboolean        rst_rules_match_salutation    (const RstRules  *rules,
                                               const char      *line,
                                               gsize            len,
                                               RstAddress      *chair);
/* A salutation that opens a paragraph which goes on ("Mr. President, I
 * have the honour …"): @end receives the end of the salutation, relative
 * to @text, its ending punctuation included.
 */
gboolean        rst_rules_match_salutation_start (const RstRules *rules,
                                               const char      *text,
                                               gsize            len,
                                               gsize           *end);
/* Whether two addresses name the chair the same way, once folded. */
gboolean        rst_rules_same_address        (const RstRules  *rules,
                                               const char      *a,
                                               gsize            a_len,
                                               const char      *b,
                                               gsize            b_len);
gboolean        rst_rules_match_closing       (const RstRules  *rules,
                                               const char      *line,
                                               gsize            len,
                                               gboolean        *has_stop,
                                               RstAddress      *chair);
gboolean        rst_rules_match_heading       (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len);
gboolean        rst_rules_is_basmala          (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len);
gboolean        rst_rules_match_opening       (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len);
/* The three above for a paragraph the caller folded once
 * (rst_rules_fold_paragraph()), as the statement reader does.
 */
RstFolded      *rst_rules_fold_paragraph      (const RstRules  *rules,
                                               RstFolded       *out,
                                               const char      *text,
                                               gsize            len,
                                               gsize            span);
gboolean        rst_rules_match_opening_folded (const RstRules *rules,
                                               const RstFolded *folded);
gboolean        rst_rules_match_priority_folded (const RstRules *rules,
                                               const char      *text,
                                               gsize            len,
                                               const RstFolded *folded,
                                               gsize           *marker_start,
                                               gsize           *marker_end,
                                               guint           *value,
                                               RstOrdinalStyle *style);
gboolean        rst_rules_find_announced_count_folded (const RstRules *rules,
                                               const RstFolded *folded,
                                               gsize           *start,
                                               gsize           *end,
                                               gsize           *marker_start,
                                               gsize           *marker_end,
                                               guint           *value);
/* A priority marker at the start of @text: returns its range relative to
 * @text, its value (0 for Finally) and style.
 */
gboolean        rst_rules_match_priority      (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len,
                                               gsize           *marker_start,
                                               gsize           *marker_end,
                                               guint           *value,
                                               RstOrdinalStyle *style);
/* The first "three points" / "the following points" in @text. */
gboolean        rst_rules_find_announced_count (const RstRules *rules,
                                               const char      *text,
                                               gsize            len,
                                               gsize           *start,
                                               gsize           *end,
                                               gsize           *marker_start,
                                               gsize           *marker_end,
                                               guint           *value);
gboolean        rst_rules_is_abbreviation     (const RstRules  *rules,
                                               const char      *word,
                                               gsize            len);
/* Sentences, as the checker's long-sentence rule, the reading copy and
 * the rehearsal view cut them.
 */
gsize           rst_rules_sentence_stop       (const RstRules  *rules,
                                               const char      *text,
                                               gsize            word_start,
                                               gsize            word_end,
                                               gsize            end);
gboolean        rst_rules_ends_sentence       (const RstRules  *rules,
                                               const char      *text,
                                               gsize            start,
                                               gsize            end);
gboolean        rst_rules_ends_clause         (const RstRules  *rules,
                                               const char      *text,
                                               gsize            start,
                                               gsize            end);

/* Replacements, in the case of @like ("FIFTH" → "FOURTH"). NULL when the
 * language has no word for @value in @style. Free with g_free().
 */
char           *rst_rules_ordinal_for         (const RstRules  *rules,
                                               RstOrdinalStyle  style,
                                               guint            value,
                                               const char      *like,
                                               gsize            like_len);
char           *rst_rules_count_word_for      (const RstRules  *rules,
                                               guint            value,
                                               const char      *like,
                                               gsize            like_len);
const char     *rst_rules_ordinal_suffix      (const RstRules  *rules,
                                               guint64          n);
gboolean        rst_rules_is_ordinal_suffix   (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len);
const char     *rst_rules_get_default_closing (const RstRules  *rules);
guint           rst_rules_find_session        (const RstRules  *rules,
                                               const char      *text,
                                               gsize            len);
char           *rst_rules_format_session_ordinal (const RstRules *rules,
                                               guint            n);

G_END_DECLS
