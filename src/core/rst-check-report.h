/* rst-check-report.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rst-analysis.h"

G_BEGIN_DECLS

/* What `rostrum --check` prints (DESIGN.md, "Command line"): one entry
 * per file with its analysis, as compiler-style lines or as one JSON
 * document. It lives in core, apart from the command line, so that tests
 * build reports directly and the editor's tests compare against it.
 */

#define RST_TYPE_CHECK_REPORT (rst_check_report_get_type ())

G_DECLARE_FINAL_TYPE (RstCheckReport, rst_check_report, RST, CHECK_REPORT, GObject)

RstCheckReport *rst_check_report_new              (void);
void            rst_check_report_add              (RstCheckReport  *self,
                                                   const char      *path,
                                                   RstAnalysis     *analysis);
guint           rst_check_report_get_n_files      (RstCheckReport  *self);
gboolean        rst_check_report_has_errors       (RstCheckReport  *self);
char           *rst_check_report_to_text          (RstCheckReport  *self);
JsonNode       *rst_check_report_to_json          (RstCheckReport  *self);
char           *rst_check_report_to_json_string   (RstCheckReport  *self);

G_END_DECLS
