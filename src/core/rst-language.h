/* rst-language.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The six official languages of the United Nations, in which statements
 * are delivered: "ar", "en", "es", "fr", "ru", "zh".
 */
const char * const *rst_language_get_all       (void);
const char         *rst_language_normalize     (const char *tag);
char               *rst_language_dup_primary   (const char *tag);
const char         *rst_language_recognize     (const char *text,
                                                gsize       start,
                                                gsize       end);

G_END_DECLS
