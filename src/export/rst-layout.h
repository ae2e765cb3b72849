/* rst-layout.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rst-manuscript.h"

G_BEGIN_DECLS

typedef enum
{
  /* The council copy: the profile's page, font, size and spacing. */
  RST_LAYOUT_PRINT,
  /* The speaker's reading copy: large type, wide spacing, the top two
   * thirds of each page only, no sentence across a page break.
   */
  RST_LAYOUT_READING,
} RstLayoutKind;

/* One line of text as placed on a page, in points from the page's top
 * left corner. text_start/text_end index rst_layout_get_paragraph_text().
 */
typedef struct
{
  guint        paragraph;
  guint        line;
  guint        n_lines;
  RstBlockKind kind;
  double       x;
  double       y;
  double       width;
  double       height;
  guint        text_start;
  guint        text_end;
} RstLayoutLine;

#define RST_TYPE_LAYOUT (rst_layout_get_type ())

G_DECLARE_FINAL_TYPE (RstLayout, rst_layout, RST, LAYOUT, GObject)

RstLayout           *rst_layout_new                 (RstAnalysis   *analysis,
                                                     RstLayoutKind  kind);
RstLayoutKind        rst_layout_get_kind            (RstLayout     *self);
const RstManuscript *rst_layout_get_manuscript      (RstLayout     *self);
guint                rst_layout_get_n_pages         (RstLayout     *self);
void                 rst_layout_get_page_size       (RstLayout     *self,
                                                     double        *width,
                                                     double        *height);
void                 rst_layout_get_text_area       (RstLayout     *self,
                                                     double        *x,
                                                     double        *y,
                                                     double        *width,
                                                     double        *height);
double               rst_layout_get_font_size       (RstLayout     *self);
guint                rst_layout_get_n_paragraphs    (RstLayout     *self);
const char          *rst_layout_get_paragraph_text  (RstLayout     *self,
                                                     guint          paragraph);
const RstLayoutLine *rst_layout_get_lines           (RstLayout     *self,
                                                     guint          page,
                                                     guint         *n_lines);
/* Characters no installed face has a glyph for: boxes on the page. */
guint                rst_layout_count_unknown_glyphs (RstLayout    *self);
void                 rst_layout_render_page         (RstLayout     *self,
                                                     cairo_t       *cr,
                                                     guint          page);

G_END_DECLS
