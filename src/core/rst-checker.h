/* rst-checker.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-diagnostic.h"
#include "rst-statement.h"

G_BEGIN_DECLS

/* What the checker needs to know beyond the text. The caller resolves it
 * from the document's details and its council profile
 * (rst_council_get_check_options() or by hand); zero means "unknown".
 */
typedef struct
{
  guint  time_limit_seconds;
  double words_per_minute;
} RstCheckOptions;

/* Runs every rule over a parsed statement. Returns the diagnostics
 * (RstDiagnostic*) sorted by start offset.
 */
GPtrArray *rst_check_statement (RstStatement          *statement,
                                const RstCheckOptions *options);

G_END_DECLS
