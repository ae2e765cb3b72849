/* rst-word.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rst_next_word         (const char *text,
                                gsize      *pos,
                                gsize       end,
                                gsize      *word_start,
                                gsize      *word_end);
gboolean rst_word_is_ideograph (gunichar    c);

G_END_DECLS
