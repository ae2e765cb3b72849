/* rst-rehearsal.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-analysis.h"

G_BEGIN_DECLS

/* No outline entry: a statement without any structure. */
#define RST_REHEARSAL_NO_PART G_MAXUINT

/* One sentence as the rehearsal view shows it. Offsets are bytes into
 * rst_analysis_get_text(), end exclusive; the estimate is in whole
 * seconds at the analysis' pace, so that the sentences of a part add up
 * to the part's time in the outline and all of them to the gauge's.
 */
typedef struct
{
  gsize start;
  gsize end;
  /* The paragraph (rst_statement_get_paragraphs()) and the number of
   * words (characters in Chinese) before the sentence in it, so that a
   * view can find the sentence in the paragraph as the reading copy
   * sets it.
   */
  guint paragraph;
  guint first_word;
  guint units;
  /* Its index in rst_analysis_get_outline(), or RST_REHEARSAL_NO_PART. */
  guint part;
  /* When it starts and how long it takes, read at the council's pace. */
  guint start_seconds;
  guint seconds;
} RstRehearsalSentence;

#define RST_TYPE_REHEARSAL (rst_rehearsal_get_type ())

G_DECLARE_FINAL_TYPE (RstRehearsal, rst_rehearsal, RST, REHEARSAL, GObject)

RstRehearsal               *rst_rehearsal_new                   (RstAnalysis  *analysis);
RstAnalysis                *rst_rehearsal_get_analysis          (RstRehearsal *self);
guint                       rst_rehearsal_get_n_sentences       (RstRehearsal *self);
const RstRehearsalSentence *rst_rehearsal_get_sentence          (RstRehearsal *self,
                                                                 guint         index);
guint                       rst_rehearsal_find_sentence         (RstRehearsal *self,
                                                                 gsize         offset);

/* What a rehearsal learns: the time the speaker spent on each sentence. */
void                        rst_rehearsal_add_time              (RstRehearsal *self,
                                                                 guint         index,
                                                                 double        seconds);
void                        rst_rehearsal_clear_times           (RstRehearsal *self);
gboolean                    rst_rehearsal_has_times             (RstRehearsal *self);
double                      rst_rehearsal_get_time              (RstRehearsal *self,
                                                                 guint         index);
double                      rst_rehearsal_get_part_time         (RstRehearsal *self,
                                                                 guint         part);
double                      rst_rehearsal_get_units_per_minute  (RstRehearsal *self);

G_END_DECLS
