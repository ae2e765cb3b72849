/* rst-template-chooser.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-statement.h"
#include "rst-template-store.h"
#include "rst-window.h"

G_BEGIN_DECLS

#define RST_TYPE_TEMPLATE_CHOOSER (rst_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (RstTemplateChooser, rst_template_chooser, RST, TEMPLATE_CHOOSER, AdwWindow)

/* "New from Template": the built-in and user templates, the details to
 * fill in and a live preview; Create opens the statement in @window.
 */
RstTemplateChooser *rst_template_chooser_new                 (RstWindow           *window);
RstTemplateStore   *rst_template_chooser_get_store           (RstTemplateChooser  *self);
/* FALSE when no usable template has that id. */
gboolean            rst_template_chooser_select_template     (RstTemplateChooser  *self,
                                                              const char          *template_id);
RstTemplate        *rst_template_chooser_get_selected        (RstTemplateChooser  *self);
gboolean            rst_template_chooser_set_council         (RstTemplateChooser  *self,
                                                              const char          *council_id);
/* 0 for none. */
void                rst_template_chooser_set_session         (RstTemplateChooser  *self,
                                                              guint                session);
guint               rst_template_chooser_get_session         (RstTemplateChooser  *self);
void                rst_template_chooser_set_date            (RstTemplateChooser  *self,
                                                              const char          *date);
void                rst_template_chooser_set_agenda_item     (RstTemplateChooser  *self,
                                                              const char          *agenda_item);
void                rst_template_chooser_set_search          (RstTemplateChooser  *self,
                                                              const char          *search);
/* The statement the preview shows, NULL without a usable template. */
char               *rst_template_chooser_dup_text            (RstTemplateChooser  *self);
/* Opens the statement in a new tab, closes the chooser, and returns the
 * page (NULL without a usable template).
 */
RstPage            *rst_template_chooser_create              (RstTemplateChooser  *self);
/* "From a previous statement": keeps @statement_file as a user template
 * and proposes the session after its own.
 */
RstTemplate        *rst_template_chooser_import_statement    (RstTemplateChooser  *self,
                                                              GFile               *statement_file,
                                                              GError             **error);

/* The known values of a statement (its details, the delegation profile of
 * @settings, its council's profile) for "Save as Template". @settings
 * may be NULL.
 */
GHashTable         *rst_template_chooser_collect_values      (RstStatement        *statement,
                                                              GSettings           *settings);
/* "Save as Template…" of the statement in @window's selected tab: asks
 * for a name, then saves it in the user's templates.
 */
void                rst_template_chooser_save_as_template    (RstWindow           *window);

G_END_DECLS
