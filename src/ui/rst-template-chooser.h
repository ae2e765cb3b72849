/* rst-template-chooser.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-analysis.h"
#include "rst-template-store.h"

G_BEGIN_DECLS

#define RST_TYPE_TEMPLATE_CHOOSER (rst_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (RstTemplateChooser, rst_template_chooser, RST, TEMPLATE_CHOOSER, AdwWindow)

void                rst_template_chooser_run_async           (GtkWindow           *parent,
                                                              RstAnalysis         *current,
                                                              RstAnalysisContext  *context,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
char               *rst_template_chooser_run_finish          (GAsyncResult        *result,
                                                              GError             **error);
void                rst_template_chooser_save_as_template_async
                                                             (GtkWindow           *parent,
                                                              RstAnalysis         *analysis,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
RstTemplate        *rst_template_chooser_save_as_template_finish
                                                             (GAsyncResult        *result,
                                                              GError             **error);

RstTemplateChooser *rst_template_chooser_new                 (GtkWindow           *parent,
                                                              RstAnalysis         *current,
                                                              RstAnalysisContext  *context);
RstTemplateStore   *rst_template_chooser_get_store           (RstTemplateChooser  *self);
gboolean            rst_template_chooser_select_template     (RstTemplateChooser  *self,
                                                              const char          *template_id);
RstTemplate        *rst_template_chooser_get_selected        (RstTemplateChooser  *self);
gboolean            rst_template_chooser_set_council         (RstTemplateChooser  *self,
                                                              const char          *council_id);
void                rst_template_chooser_set_session         (RstTemplateChooser  *self,
                                                              guint                session);
guint               rst_template_chooser_get_session         (RstTemplateChooser  *self);
void                rst_template_chooser_set_date            (RstTemplateChooser  *self,
                                                              const char          *date);
void                rst_template_chooser_set_agenda_item     (RstTemplateChooser  *self,
                                                              const char          *agenda_item);
void                rst_template_chooser_set_search          (RstTemplateChooser  *self,
                                                              const char          *search);
const char         *rst_template_chooser_get_language        (RstTemplateChooser  *self);
gboolean            rst_template_chooser_set_language        (RstTemplateChooser  *self,
                                                              const char          *lang);
GtkTextView        *rst_template_chooser_get_preview         (RstTemplateChooser  *self);
char               *rst_template_chooser_dup_text            (RstTemplateChooser  *self);
char               *rst_template_chooser_create              (RstTemplateChooser  *self);
RstTemplate        *rst_template_chooser_import_statement    (RstTemplateChooser  *self,
                                                              GFile               *statement_file,
                                                              GError             **error);

G_END_DECLS
