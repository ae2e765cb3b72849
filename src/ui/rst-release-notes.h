/* rst-release-notes.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rst_release_notes_dup (const char *metainfo,
                             gssize      length,
                             const char *version);

G_END_DECLS
