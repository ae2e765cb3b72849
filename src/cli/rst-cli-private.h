/* rst-cli-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-analysis.h"

G_BEGIN_DECLS

/* DESIGN.md: 0 nothing at error severity, 1 errors found, 2 bad input or
 * usage.
 */
#define RST_CLI_EXIT_ERRORS_FOUND 1
#define RST_CLI_EXIT_BAD_INPUT    2

int           rst_cli_bad_input      (const char          *format,
                                      ...) G_GNUC_PRINTF (1, 2);
void          rst_cli_write_stdout   (const char          *text);
RstCouncil   *rst_cli_lookup_council (RstCouncilList      *councils,
                                      const char          *named,
                                      int                 *status);
RstAnalysis  *rst_cli_load_statement (const char          *path,
                                      RstAnalysisContext  *context,
                                      GFile              **file,
                                      int                 *status);
char         *rst_cli_sanitize_field (const char          *text);

int           rst_cli_check          (const char * const  *paths,
                                      const char          *council,
                                      gboolean             json);
int           rst_cli_list_councils  (void);
int           rst_cli_export         (const char          *path,
                                      const char          *format,
                                      const char          *council,
                                      const char          *output);
int           rst_cli_import         (const char          *path,
                                      const char          *output);
int           rst_cli_list_templates (void);
int           rst_cli_new            (const char          *template_id,
                                      const char * const  *assignments,
                                      const char          *council,
                                      const char          *output);

G_END_DECLS
