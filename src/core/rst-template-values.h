/* rst-template-values.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rst-analysis.h"
#include "rst-council.h"
#include "rst-details.h"

G_BEGIN_DECLS

/* The values of a template's known fields ({{speaker}}, {{council}},
 * {{session_ordinal}} …): one mapping from a statement's details, the
 * delegation profile and the council profile, which New from Template,
 * Save as Template, Next Session, `--new` and the export file names all
 * use. A table of field name → value; callers add the most specific
 * values first (explicit, then the statement's, then the delegation's,
 * then the council's), because a field that has a value keeps it.
 */

const char * const *rst_template_get_known_fields       (void);
gboolean            rst_template_is_known_field         (const char   *field);
const char         *rst_template_field_for_detail       (const char   *key);

GHashTable         *rst_template_values_new             (void);
void                rst_template_values_set_default     (GHashTable   *values,
                                                         const char   *field,
                                                         const char   *value);
void                rst_template_values_add_details     (GHashTable   *values,
                                                         RstDetails   *details);
void                rst_template_values_add_delegation  (GHashTable   *values,
                                                         RstDetails   *delegation);
/* The council's words in @lang (the template's or statement's). */
void                rst_template_values_add_council     (GHashTable   *values,
                                                         RstCouncil   *council,
                                                         const char   *lang);
void                rst_template_values_complete        (GHashTable   *values,
                                                         const char   *lang);
GHashTable         *rst_template_values_new_for_analysis (RstAnalysis *analysis);

G_END_DECLS
