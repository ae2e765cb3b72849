/* rst-front-matter.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rst-details.h"

G_BEGIN_DECLS

/* The one reader and writer of the YAML block at the top of a statement
 * or template (DESIGN.md, "The statement file"): "---" alone on the first
 * line (after a byte order mark), "key: value" lines, then "---" or "...".
 * Statements, templates, the spell checker, Save as Template and the
 * details panel all find it here, so they always agree on where it ends.
 */

#define RST_FRONT_MATTER_ERROR (rst_front_matter_error_quark ())

typedef enum
{
  RST_FRONT_MATTER_ERROR_UNCLOSED,
  RST_FRONT_MATTER_ERROR_SYNTAX,
  RST_FRONT_MATTER_ERROR_NOT_A_MAPPING,
  RST_FRONT_MATTER_ERROR_TOO_LARGE,
  /* rst_front_matter_replace() cannot rewrite keys written this way. */
  RST_FRONT_MATTER_ERROR_UNSUPPORTED,
} RstFrontMatterError;

/* Bounds on hostile input, checked before and while libyaml reads. */
#define RST_FRONT_MATTER_MAX_SIZE  (64 * 1024)
#define RST_FRONT_MATTER_MAX_DEPTH 16
/* A longer key is not a detail's (and not a "key: value" line's). */
#define RST_FRONT_MATTER_MAX_KEY_LENGTH 256

/* Byte offsets into the text. Without a front matter (or with one that is
 * never closed, which is then body text) @present is FALSE and @body is
 * where the text starts after a byte order mark.
 */
typedef struct
{
  gboolean present;
  /* A "---" first line with no closing line after it. */
  gboolean unclosed;
  gsize    start;
  gsize    yaml_start;
  gsize    yaml_end;
  gsize    body;
} RstFrontMatter;

GQuark      rst_front_matter_error_quark   (void);
void        rst_front_matter_locate        (const char            *text,
                                            gsize                  length,
                                            RstFrontMatter        *out);
RstDetails *rst_front_matter_read          (const char            *text,
                                            gsize                  length,
                                            const RstFrontMatter  *bounds,
                                            GPtrArray             *nested_keys,
                                            GError               **error);
RstDetails *rst_front_matter_split         (const char            *text,
                                            gsize                  length,
                                            char                 **front_matter,
                                            gsize                 *body);
gboolean    rst_front_matter_find_value    (const char            *text,
                                            const RstFrontMatter  *bounds,
                                            const char            *key,
                                            gsize                 *start,
                                            gsize                 *end);
gboolean    rst_front_matter_split_line    (const char            *line,
                                            gsize                  length,
                                            char                 **key,
                                            char                 **value,
                                            gsize                 *value_end);
void        rst_front_matter_append_scalar (GString               *out,
                                            const char            *value);
char       *rst_front_matter_write         (const RstDetails      *details);
char       *rst_front_matter_replace       (const char            *text,
                                            gsize                  length,
                                            const RstDetails      *details,
                                            GError               **error);
gboolean    rst_front_matter_opens_block   (const char            *text,
                                            gsize                  length,
                                            gsize                  body);

G_END_DECLS
