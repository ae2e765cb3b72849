/* rst-writing.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rst-rules.h"

G_BEGIN_DECLS

/* How a language is written on paper: the words an export prints around
 * the statement (page numbers, the session line, dates), its typography,
 * its direction and faces, and its dictionary. Read from the [Export],
 * [Dates], [Typography], [Script] and [Spelling] groups of the language's
 * rule file (data/rules/README.md), so that a language is data: the
 * exporters ask here and write no language's words themselves.
 */
typedef struct _RstWriting RstWriting;

/* Which of the three font and language slots of DOCX and ODT (w:ascii,
 * w:eastAsia, w:cs; fo:, style:…-asian, style:…-complex) the language
 * takes: [Script] Class.
 */
typedef enum
{
  RST_SCRIPT_CLASS_WESTERN,
  RST_SCRIPT_CLASS_ASIAN,
  RST_SCRIPT_CLASS_COMPLEX,
} RstScriptClass;

/* What a page footer prints besides its words. */
typedef enum
{
  RST_PAGE_FIELD_NONE,
  RST_PAGE_FIELD_PAGE,
  RST_PAGE_FIELD_PAGES,
} RstPageField;

const RstWriting   *rst_writing_get                (const char       *lang);
const char         *rst_writing_get_language       (const RstWriting *self);

char               *rst_writing_format_page_number (const RstWriting *self,
                                                    guint             page,
                                                    guint             pages);
gboolean            rst_writing_next_page_number_piece
                                                   (const RstWriting *self,
                                                    gsize            *position,
                                                    const char      **literal,
                                                    gsize            *literal_len,
                                                    RstPageField     *field);
char               *rst_writing_format_session     (const RstWriting *self,
                                                    const RstRules   *rules,
                                                    guint             n);
const char         *rst_writing_get_separator      (const RstWriting *self);
char               *rst_writing_format_date        (const RstWriting *self,
                                                    guint             year,
                                                    guint             month,
                                                    guint             day);
char               *rst_writing_format_iso_date    (const RstWriting *self,
                                                    const char       *date);

gboolean            rst_writing_is_rtl             (const RstWriting *self);
RstScriptClass      rst_writing_get_script_class   (const RstWriting *self);
const char * const *rst_writing_get_fonts          (const RstWriting *self,
                                                    gboolean          serif);
const char         *rst_writing_get_pango_language (const RstWriting *self);
const char         *rst_writing_get_locale         (const RstWriting *self);
const char         *rst_writing_get_dictionary     (const RstWriting *self);
const char         *rst_writing_get_autonym        (const RstWriting *self);

const char         *rst_writing_get_quote_open     (const RstWriting *self);
const char         *rst_writing_get_quote_close    (const RstWriting *self);
gboolean            rst_writing_has_italic         (const RstWriting *self);
char               *rst_writing_apply_typography   (const RstWriting *self,
                                                    const char       *text,
                                                    gssize            len);
/* The same, and where each byte offset of @text, 0 to its length, went
 * in the result, for text whose ranges must follow (runs of a block).
 */
char               *rst_writing_apply_typography_mapped
                                                   (const RstWriting *self,
                                                    const char       *text,
                                                    gssize            len,
                                                    GArray          **offsets);

G_END_DECLS
