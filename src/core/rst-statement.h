/* rst-statement.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The structure elements of DESIGN.md, in the order a statement has them. */
typedef enum
{
  RST_ELEMENT_HEADING,
  RST_ELEMENT_DELIVERY_MARK,
  RST_ELEMENT_SALUTATION,
  RST_ELEMENT_OPENING,
  RST_ELEMENT_ANNOUNCED_COUNT,
  RST_ELEMENT_PRIORITY,
  RST_ELEMENT_PARAGRAPH,
  RST_ELEMENT_RETURN_SALUTATION,
  RST_ELEMENT_CLOSING,
} RstElementKind;

/* How a priority is numbered: "First," "Firstly," "1." "Our first priority" */
typedef enum
{
  RST_ORDINAL_STYLE_NONE,
  RST_ORDINAL_STYLE_WORD,
  RST_ORDINAL_STYLE_LY,
  RST_ORDINAL_STYLE_NUMBER,
  RST_ORDINAL_STYLE_PHRASE,
  RST_ORDINAL_STYLE_FINALLY,
  /* A language's third to eighth series of markers (data/rules Series3…):
   * "En premier lieu" after "Premièrement", "一是" after "第一".
   */
  RST_ORDINAL_STYLE_SERIES3,
  RST_ORDINAL_STYLE_SERIES4,
  RST_ORDINAL_STYLE_SERIES5,
  RST_ORDINAL_STYLE_SERIES6,
  RST_ORDINAL_STYLE_SERIES7,
  RST_ORDINAL_STYLE_SERIES8,
} RstOrdinalStyle;

/* All offsets are byte offsets into the whole text the analysis was
 * made from, front matter included, end exclusive.
 */
typedef struct
{
  RstElementKind  kind;
  gsize           start;
  gsize           end;
  /* Priorities: the byte range of the ordinal marker ("Second", "2.")
   * and its value (Second = 2, Finally = 0). Announced counts: the
   * range of the number word and its value (0 for "the following").
   */
  gsize           marker_start;
  gsize           marker_end;
  guint           value;
  RstOrdinalStyle style;
} RstElement;

typedef struct
{
  gsize start;
  gsize end;
} RstParagraph;

#define RST_TYPE_STATEMENT (rst_statement_get_type ())

G_DECLARE_FINAL_TYPE (RstStatement, rst_statement, RST, STATEMENT, GObject)

const char         *rst_statement_get_text             (RstStatement  *self);
gsize               rst_statement_get_length           (RstStatement  *self);
gsize               rst_statement_get_body_offset      (RstStatement  *self);
const RstParagraph *rst_statement_get_paragraphs       (RstStatement  *self,
                                                        guint         *n_paragraphs);
const RstElement   *rst_statement_get_elements         (RstStatement  *self,
                                                        guint         *n_elements);
guint               rst_statement_get_word_count       (RstStatement  *self);
gboolean            rst_statement_get_word             (RstStatement  *self,
                                                        guint          n,
                                                        gsize         *start,
                                                        gsize         *end);
guint               rst_statement_count_words_before   (RstStatement  *self,
                                                        gsize          offset);
const char         *rst_element_kind_to_string         (RstElementKind kind);

G_END_DECLS
