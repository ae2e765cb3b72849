/* rst-document-checker.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-diagnostic.h"
#include "rst-outline.h"
#include "rst-statement.h"

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
RstStatement       *rst_document_checker_get_statement        (RstDocumentChecker *self);
gboolean            rst_document_checker_get_up_to_date       (RstDocumentChecker *self);
void                rst_document_checker_check_now            (RstDocumentChecker *self);
double              rst_document_checker_get_words_per_minute (RstDocumentChecker *self);
void                rst_document_checker_set_words_per_minute (RstDocumentChecker *self,
                                                               double              words_per_minute);
guint               rst_document_checker_get_word_count       (RstDocumentChecker *self);
guint               rst_document_checker_get_speaking_seconds (RstDocumentChecker *self);
guint               rst_document_checker_get_time_limit       (RstDocumentChecker *self);
char               *rst_document_checker_dup_timing_text      (RstDocumentChecker *self);
gboolean            rst_document_checker_get_bounds           (RstDocumentChecker *self,
                                                               gpointer            item,
                                                               GtkTextIter        *begin,
                                                               GtkTextIter        *end);
GPtrArray          *rst_document_checker_list_at_iter         (RstDocumentChecker *self,
                                                               const GtkTextIter  *iter);
gboolean            rst_document_checker_apply_fix            (RstDocumentChecker *self,
                                                               RstDiagnostic      *diagnostic,
                                                               guint               fix_index);
/* Microseconds the main loop spent applying the last result. */
gint64              rst_document_checker_get_last_apply_usec  (RstDocumentChecker *self);

G_END_DECLS
