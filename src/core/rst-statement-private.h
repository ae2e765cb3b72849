/* rst-statement-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-rules.h"
#include "rst-statement.h"

G_BEGIN_DECLS

RstStatement   *_rst_statement_new      (GBytes         *bytes,
                                         gsize           body_offset,
                                         const RstRules *rules);
const RstRules *rst_statement_get_rules (RstStatement   *self);

G_END_DECLS
