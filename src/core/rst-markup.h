/* rst-markup.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A run of markup characters: byte offsets, end exclusive. */
typedef struct
{
  gsize start;
  gsize end;
} RstMarkupRun;

GArray   *rst_markup_find_runs  (const char *text,
                                 gsize       length);
gboolean  rst_markup_is_escape  (const char *text,
                                 gsize       length,
                                 gsize       at);

G_END_DECLS
