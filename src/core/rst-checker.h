/* rst-checker.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-details.h"
#include "rst-diagnostic.h"
#include "rst-statement.h"
#include "rst-timing.h"

G_BEGIN_DECLS

/* What the checker needs to know beyond the structure, as the analysis
 * resolved it: the details (for the fixes that write the title or the
 * chair's address) and the timing against the limit; zero means
 * "unknown" or "none".
 */
typedef struct
{
  const RstDetails *details;
  RstTimingUnit     unit;
  guint             units;
  double            units_per_minute;
  guint             speaking_seconds;
  guint             time_limit_seconds;
} RstCheckOptions;

/* Runs every rule over a statement. Returns the diagnostics
 * (RstDiagnostic*) sorted by start offset. Only the analysis calls it.
 */
GPtrArray *rst_check_statement (RstStatement          *statement,
                                const RstCheckOptions *options);

G_END_DECLS
