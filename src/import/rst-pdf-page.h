/* rst-pdf-page.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

#include "rst-import-document.h"

G_BEGIN_DECLS

/* One line of a page as it is printed, in reading order, with where it
 * stands: what rst-pdf-reader.c makes paragraphs of.
 */
typedef struct
{
  guint          page;
  double         x1, y1, x2, y2;
  double         size;
  double         first_word;    /* width of its first word */
  gboolean       rtl;
  gboolean       row;           /* cells of a table row */
  GString       *text;
  GArray        *styles;        /* RstImportStyle per byte of text */
  gboolean       dropped;
} RstPdfLine;

void     rst_pdf_page_read_lines (PopplerPage   *page,
                                  guint          index,
                                  GPtrArray     *lines);
void     rst_pdf_line_free       (RstPdfLine    *line);

gunichar rst_pdf_last_char       (const GString *text);
gboolean rst_pdf_is_wide         (gunichar       c);
double   rst_pdf_median          (GArray        *values,
                                  double         fallback);

G_END_DECLS
