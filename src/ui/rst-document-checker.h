/* rst-document-checker.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-analysis.h"

G_BEGIN_DECLS

/* GtkSourceMark categories of the gutter icons, one per severity. */
#define RST_DOCUMENT_CHECKER_MARK_ERROR   "rostrum-diagnostic-error"
#define RST_DOCUMENT_CHECKER_MARK_WARNING "rostrum-diagnostic-warning"
#define RST_DOCUMENT_CHECKER_MARK_INFO    "rostrum-diagnostic-info"

/* How long the text must rest before it is checked again. */
#define RST_DOCUMENT_CHECKER_DELAY_MS 200

#define RST_TYPE_DOCUMENT_CHECKER (rst_document_checker_get_type ())

G_DECLARE_FINAL_TYPE (RstDocumentChecker, rst_document_checker, RST, DOCUMENT_CHECKER, GObject)

RstDocumentChecker *rst_document_checker_new                  (GtkSourceBuffer    *buffer);
GListModel         *rst_document_checker_get_diagnostics      (RstDocumentChecker *self);
GListModel         *rst_document_checker_get_outline          (RstDocumentChecker *self);
RstAnalysis        *rst_document_checker_get_analysis         (RstDocumentChecker *self);
gboolean            rst_document_checker_get_up_to_date       (RstDocumentChecker *self);
void                rst_document_checker_check_now            (RstDocumentChecker *self);
void                rst_document_checker_queue_check          (RstDocumentChecker *self);
void                rst_document_checker_set_context          (RstDocumentChecker *self,
                                                               RstAnalysisContext *context);
void                rst_document_checker_set_front_matter     (RstDocumentChecker *self,
                                                               const char         *front_matter);
gboolean            rst_document_checker_get_iter_at_offset   (RstDocumentChecker *self,
                                                               gsize               offset,
                                                               GtkTextIter        *iter);
gboolean            rst_document_checker_get_bounds           (RstDocumentChecker *self,
                                                               gpointer            item,
                                                               GtkTextIter        *begin,
                                                               GtkTextIter        *end);
GPtrArray          *rst_document_checker_list_at_iter         (RstDocumentChecker *self,
                                                               const GtkTextIter  *iter);
GtkTextTag         *rst_document_checker_get_structure_tag    (RstDocumentChecker *self,
                                                               RstElementKind      kind);
gboolean            rst_document_checker_apply_fix            (RstDocumentChecker *self,
                                                               RstDiagnostic      *diagnostic,
                                                               guint               fix_index);
/* Microseconds the main loop spent applying the last result. */
gint64              rst_document_checker_get_last_apply_usec  (RstDocumentChecker *self);

G_END_DECLS
