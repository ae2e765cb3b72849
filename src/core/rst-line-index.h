/* rst-line-index.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where each line of a text starts, and how many characters come before
 * any byte: turns the byte offsets of the analysis into the 1-based line
 * and column (in characters) that diagnostics, the command line and the
 * editor report. A line ends at "\n", "\r\n" or a lone "\r", as GTK's
 * text buffer and every editor read them. Built once in one pass; each
 * look-up costs O(log lines) plus at most one block of bytes, however
 * long the line, so that a line holding 40 000 diagnostics is reported
 * in linear time.
 */
typedef struct _RstLineIndex RstLineIndex;

RstLineIndex *rst_line_index_new          (const char         *text,
                                           gsize               length);
void          rst_line_index_free         (RstLineIndex       *self);
guint         rst_line_index_get_n_lines  (const RstLineIndex *self);
gsize         rst_line_index_get_line_start (const RstLineIndex *self,
                                           guint               line);
void          rst_line_index_locate       (const RstLineIndex *self,
                                           gsize               offset,
                                           guint              *line,
                                           guint              *column);
gsize         rst_line_index_get_offset   (const RstLineIndex *self,
                                           guint               line,
                                           guint               column);

/* The line that starts at @start: where its text ends (before the line
 * break) and, in @next, where the next line starts; the same three line
 * breaks as the index.
 */
gsize         rst_line_end                (const char         *text,
                                           gsize               length,
                                           gsize               start,
                                           gsize              *next);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstLineIndex, rst_line_index_free)

G_END_DECLS
