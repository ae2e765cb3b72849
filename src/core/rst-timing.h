/* rst-timing.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pace interpreters ask speakers to keep (100–120 words a minute);
 * used when neither the document nor the council says otherwise.
 */
#define RST_TIMING_DEFAULT_WORDS_PER_MINUTE 120.0

/* What the speaking time is counted in: words, or characters for
 * Chinese, which is written without spaces.
 */
typedef enum
{
  RST_TIMING_UNIT_WORDS,
  RST_TIMING_UNIT_CHARACTERS,
} RstTimingUnit;

guint     rst_timing_units_allowed    (guint        limit_seconds,
                                       double       units_per_minute);
guint     rst_timing_estimate_seconds (guint        words,
                                       double       words_per_minute);
char     *rst_timing_format           (guint        seconds);
gboolean  rst_timing_parse            (const char  *text,
                                       guint       *seconds);

G_END_DECLS
