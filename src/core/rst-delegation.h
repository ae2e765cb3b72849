/* rst-delegation.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-details.h"

G_BEGIN_DECLS

/* The delegation profile of Preferences (GSettings): who the drafter
 * writes for, as details with the front matter's keys (delegation,
 * speaker, speaker-title, council, lang). The editor, the template
 * chooser and `rostrum --new` read it here, one way.
 */
RstDetails *rst_delegation_load         (GSettings *settings);
RstDetails *rst_delegation_load_default (void);

G_END_DECLS
