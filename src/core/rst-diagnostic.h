/* rst-diagnostic.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RST_SEVERITY_INFO,
  RST_SEVERITY_WARNING,
  RST_SEVERITY_ERROR,
} RstSeverity;

/* A fix replaces the byte range [start, end) of the checked text. */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *replacement;
  char  *label;
} RstFix;

#define RST_TYPE_FIX (rst_fix_get_type ())
#define RST_TYPE_DIAGNOSTIC (rst_diagnostic_get_type ())

G_DECLARE_FINAL_TYPE (RstDiagnostic, rst_diagnostic, RST, DIAGNOSTIC, GObject)

GType          rst_fix_get_type               (void) G_GNUC_CONST;
RstFix        *rst_fix_new                    (gsize          start,
                                               gsize          end,
                                               const char    *replacement,
                                               const char    *label);
RstFix        *rst_fix_copy                   (const RstFix  *fix);
void           rst_fix_free                   (RstFix        *fix);

RstDiagnostic *rst_diagnostic_new             (const char    *code,
                                               RstSeverity    severity,
                                               gsize          start,
                                               gsize          end,
                                               const char    *message);
void           rst_diagnostic_add_fix         (RstDiagnostic *self,
                                               RstFix        *fix);
const char    *rst_diagnostic_get_code        (RstDiagnostic *self);
RstSeverity    rst_diagnostic_get_severity    (RstDiagnostic *self);
gsize          rst_diagnostic_get_start       (RstDiagnostic *self);
gsize          rst_diagnostic_get_end         (RstDiagnostic *self);
const char    *rst_diagnostic_get_message     (RstDiagnostic *self);
/* Element type: RstFix*, owned by the diagnostic. */
GPtrArray     *rst_diagnostic_get_fixes       (RstDiagnostic *self);
const char    *rst_severity_to_string         (RstSeverity    severity);
const char    *rst_severity_get_icon_name     (RstSeverity    severity);
const char    *rst_severity_get_label         (RstSeverity    severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstFix, rst_fix_free)

int            rst_diagnostic_compare          (gconstpointer  a,
                                                gconstpointer  b);

G_END_DECLS
