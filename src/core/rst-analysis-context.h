/* rst-analysis-context.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rst-council-list.h"
#include "rst-details.h"

G_BEGIN_DECLS

/* What an analysis needs to know that is not in the text: the profiles to
 * resolve councils with, a council forced from outside (--council), the
 * drafter's pace, the info-level codes the drafter chose not to see and
 * the delegation profile of Preferences. Set it up, then share it: once
 * handed to rst_analysis_new() it is only read, from any thread.
 */
typedef struct _RstAnalysisContext RstAnalysisContext;

#define RST_TYPE_ANALYSIS_CONTEXT (rst_analysis_context_get_type ())

GType               rst_analysis_context_get_type          (void) G_GNUC_CONST;
RstAnalysisContext *rst_analysis_context_new               (void);
RstAnalysisContext *rst_analysis_context_ref               (RstAnalysisContext       *self);
void                rst_analysis_context_unref             (RstAnalysisContext       *self);
RstAnalysisContext *rst_analysis_context_copy              (const RstAnalysisContext *self);

void                rst_analysis_context_set_councils      (RstAnalysisContext       *self,
                                                            RstCouncilList           *councils);
RstCouncilList     *rst_analysis_context_get_councils      (const RstAnalysisContext *self);
void                rst_analysis_context_set_council       (RstAnalysisContext       *self,
                                                            RstCouncil               *council);
RstCouncil         *rst_analysis_context_get_council       (const RstAnalysisContext *self);
void                rst_analysis_context_set_words_per_minute (RstAnalysisContext    *self,
                                                            double                    words_per_minute);
double              rst_analysis_context_get_words_per_minute (const RstAnalysisContext *self);
void                rst_analysis_context_set_characters_per_minute (RstAnalysisContext       *self,
                                                                 double                    characters_per_minute);
double              rst_analysis_context_get_characters_per_minute (const RstAnalysisContext *self);
void                rst_analysis_context_set_hidden_codes  (RstAnalysisContext       *self,
                                                            const char * const       *codes);
gboolean            rst_analysis_context_is_hidden         (const RstAnalysisContext *self,
                                                            const char               *code);
void                rst_analysis_context_set_delegation    (RstAnalysisContext       *self,
                                                            RstDetails               *delegation);
RstDetails         *rst_analysis_context_get_delegation    (const RstAnalysisContext *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstAnalysisContext, rst_analysis_context_unref)

G_END_DECLS
