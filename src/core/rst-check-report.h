/* rst-check-report.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rst-checker.h"
#include "rst-council.h"

G_BEGIN_DECLS

/* What `rostrum --check` reports (DESIGN.md, "Command line"): one entry
 * per file with its statement, the options it was checked with and the
 * diagnostics, as text lines or as one JSON document. It lives in core,
 * apart from the command line, so that tests build reports directly.
 */

/* Added to the checker's codes: the front matter names a council that has
 * no profile, so the generic one's limit and pace were used.
 */
#define RST_CHECK_REPORT_CODE_COUNCIL_UNKNOWN "council-unknown"

#define RST_TYPE_CHECK_REPORT (rst_check_report_get_type ())

G_DECLARE_FINAL_TYPE (RstCheckReport, rst_check_report, RST, CHECK_REPORT, GObject)

RstCheckReport *rst_check_report_new              (void);
/* Checks every file with @council instead of the one its front matter
 * names (--council). NULL goes back to the front matter's.
 */
void            rst_check_report_set_council      (RstCheckReport  *self,
                                                   RstCouncil      *council);
/* Reads, parses and checks @file; @path is how it is named in the report
 * (as given on the command line). Bad input (missing, a directory, binary,
 * invalid UTF-8 with its line, broken front matter) is an error whose
 * one-line message starts with @path; nothing is added then.
 */
gboolean        rst_check_report_add_file         (RstCheckReport  *self,
                                                   const char      *path,
                                                   GFile           *file,
                                                   GError         **error);
/* Checks an already parsed @statement. */
void            rst_check_report_add_statement    (RstCheckReport  *self,
                                                   const char      *path,
                                                   RstStatement    *statement);
guint           rst_check_report_get_n_files      (RstCheckReport  *self);
/* Whether any file has a diagnostic at error severity (exit status 1). */
gboolean        rst_check_report_has_errors       (RstCheckReport  *self);
/* "PATH:LINE:COL: SEVERITY: MESSAGE [CODE]\n" per diagnostic. */
char           *rst_check_report_to_text          (RstCheckReport  *self);
/* {"files":[…]} as DESIGN.md gives it. */
JsonNode       *rst_check_report_to_json          (RstCheckReport  *self);
char           *rst_check_report_to_json_string   (RstCheckReport  *self);

/* An element's text as a reader sees it: markup and surrounding space
 * removed, inner runs of white space (line breaks too) made one space.
 */
char           *rst_check_report_element_text     (RstStatement     *statement,
                                                   const RstElement *element);
/* Reads a statement file for checking, with the errors described above. */
RstStatement   *rst_check_report_load_file        (const char      *path,
                                                   GFile           *file,
                                                   GError         **error);

G_END_DECLS
