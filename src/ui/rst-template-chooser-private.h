/* rst-template-chooser-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-template-chooser.h"

G_BEGIN_DECLS

/* New from Template: the templates, the details to fill in and a live
 * preview. It gets the statement the drafter is working on (for the next
 * session of the same council) and the context (the delegation profile,
 * the council profiles), and answers with the new statement's text
 * through rst_template_chooser_run_finish(): opening it is the window's
 * business. Templates are listed, previewed and filled in one language at
 * a time (the delegation's, else the current statement's): a built-in in
 * its version of that language, with the council's words in it.
 */
struct _RstTemplateChooser
{
  AdwWindow           parent_instance;

  RstAnalysis        *current;
  RstAnalysisContext *context;
  GTask              *run;
  RstTemplateStore   *store;
  RstCouncilList     *councils;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;
  /* The template to select again when the list is rebuilt. */
  char               *selected_id;
  /* "ar" … "zh": the language listed and written. */
  const char         *lang;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *language_dropdown;
  GtkListBox         *list_box;
  AdwComboRow        *council_row;
  AdwActionRow       *session_row;
  GtkSpinButton      *session_spin;
  AdwEntryRow        *date_row;
  AdwEntryRow        *agenda_row;
  GtkStack           *preview_stack;
  GtkSourceView      *preview_view;
  AdwStatusPage      *empty_page;
};

void _rst_template_chooser_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
