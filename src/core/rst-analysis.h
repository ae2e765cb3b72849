/* rst-analysis.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-analysis-context.h"
#include "rst-council.h"
#include "rst-details.h"
#include "rst-diagnostic.h"
#include "rst-outline.h"
#include "rst-rules.h"
#include "rst-statement.h"
#include "rst-timing.h"

G_BEGIN_DECLS

/* Codes the analysis adds to the checker's (DESIGN.md, "Diagnostics"). */
#define RST_CODE_COUNCIL_UNKNOWN      "council-unknown"
#define RST_CODE_FRONT_MATTER_INVALID "front-matter-invalid"
#define RST_CODE_TIME_LIMIT_INVALID   "time-limit-invalid"

#define RST_TYPE_ANALYSIS (rst_analysis_get_type ())

G_DECLARE_FINAL_TYPE (RstAnalysis, rst_analysis, RST, ANALYSIS, GObject)

/* Everything Rostrum knows about one text, made in one pass from text to
 * details, language, council, structure, diagnostics, outline and timing
 * (DESIGN.md, "One analysis"). The editor, the export dialog, the
 * template chooser, the spell checker and the command line all read it,
 * so that for one text they all show the same thing. Immutable: any
 * thread may read it.
 */
RstAnalysis        *rst_analysis_new                 (const char         *text,
                                                      gssize              length,
                                                      RstAnalysisContext *context);

const char         *rst_analysis_get_text            (RstAnalysis        *self);
gsize               rst_analysis_get_length          (RstAnalysis        *self);
gsize               rst_analysis_get_body_offset     (RstAnalysis        *self);
RstAnalysisContext *rst_analysis_get_context         (RstAnalysis        *self);

RstDetails         *rst_analysis_get_front_matter    (RstAnalysis        *self);
RstDetails         *rst_analysis_get_details         (RstAnalysis        *self);
const char         *rst_analysis_get_detail          (RstAnalysis        *self,
                                                      const char         *key);
gboolean            rst_analysis_is_from_heading     (RstAnalysis        *self,
                                                      const char         *key);

const char         *rst_analysis_get_language        (RstAnalysis        *self);
const RstRules     *rst_analysis_get_rules           (RstAnalysis        *self);
RstCouncil         *rst_analysis_get_council         (RstAnalysis        *self);
const char         *rst_analysis_get_council_id      (RstAnalysis        *self);
guint               rst_analysis_get_session         (RstAnalysis        *self);

RstStatement       *rst_analysis_get_statement       (RstAnalysis        *self);
GPtrArray          *rst_analysis_get_diagnostics     (RstAnalysis        *self);
GPtrArray          *rst_analysis_get_outline         (RstAnalysis        *self);
gboolean            rst_analysis_has_errors          (RstAnalysis        *self);
guint               rst_analysis_count_severity      (RstAnalysis        *self,
                                                      RstSeverity         severity);

RstTimingUnit       rst_analysis_get_timing_unit     (RstAnalysis        *self);
guint               rst_analysis_get_units           (RstAnalysis        *self);
double              rst_analysis_get_units_per_minute (RstAnalysis       *self);
guint               rst_analysis_get_speaking_seconds (RstAnalysis       *self);
guint               rst_analysis_get_time_limit      (RstAnalysis        *self);
guint               rst_analysis_get_units_over      (RstAnalysis        *self);
char               *rst_analysis_dup_over_text       (RstAnalysis        *self);
char               *rst_analysis_dup_timing_text     (RstAnalysis        *self);

void                rst_analysis_locate              (RstAnalysis        *self,
                                                      gsize               offset,
                                                      guint              *line,
                                                      guint              *column);
gsize               rst_analysis_get_offset          (RstAnalysis        *self,
                                                      guint               line,
                                                      guint               column);
char               *rst_analysis_dup_element_text    (RstAnalysis        *self,
                                                      const RstElement   *element);

G_END_DECLS
