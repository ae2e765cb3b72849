/* rst-council-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-council.h"

G_BEGIN_DECLS

#define RST_COUNCIL_SUFFIX ".council"

/* "iom.council" → "iom"; NULL for a name that is no profile's. */
char *_rst_council_id_from_basename (const char *basename);

G_END_DECLS
