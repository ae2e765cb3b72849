/* rst-placeholder.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one scanner of template placeholders, "{{speaker}}" and
 * "{{first priority, in a short sentence}}": Tab between slots, the
 * checker's placeholder-unfilled, template filling and the exporters all
 * see the same ones. A placeholder opens with "{{" and closes with "}}"
 * on the same line, holds no "{", and is at most
 * RST_PLACEHOLDER_MAX_LENGTH bytes long, so that scanning stays linear
 * however the braces are strewn.
 */

#define RST_PLACEHOLDER_MAX_LENGTH 200

/* Byte offsets: [start, end) covers the braces, [name_start, name_end)
 * the name between them without surrounding blanks. An unclosed "{{" is
 * reported with @closed FALSE and @end just past it.
 */
typedef struct
{
  gsize    start;
  gsize    end;
  gsize    name_start;
  gsize    name_end;
  gboolean closed;
} RstPlaceholder;

gboolean  rst_placeholder_next     (const char     *text,
                                    gsize           length,
                                    gsize          *pos,
                                    RstPlaceholder *out);
char     *rst_placeholder_dup_name (const char     *text,
                                    const RstPlaceholder *placeholder);
GArray   *rst_placeholder_find_all (const char     *text,
                                    gsize           from,
                                    gsize           length);
gboolean  rst_placeholder_in       (const char     *text);

G_END_DECLS
