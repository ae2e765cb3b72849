/* rst-import-document.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-details.h"

G_BEGIN_DECLS

/* What every reader (DOCX, ODT, PDF, HTML) makes of its file: blocks of
 * styled text and the file's metadata. One builder for all of them, so
 * that whitespace, markup, escapes, the heading and the size limit are
 * the same whatever the source; only this file writes Markdown.
 */
typedef struct _RstImportDocument RstImportDocument;

typedef enum
{
  RST_IMPORT_STYLE_BOLD   = 1 << 0,
  RST_IMPORT_STYLE_ITALIC = 1 << 1,
} RstImportStyle;

typedef enum
{
  RST_IMPORT_ALIGN_START,
  RST_IMPORT_ALIGN_CENTER,
  RST_IMPORT_ALIGN_END,
  RST_IMPORT_ALIGN_JUSTIFY,
} RstImportAlign;

/* The metadata keys a reader may set: the front matter's, and pandoc's
 * `author` (the file's author is the drafter, rarely the speaker).
 */
#define RST_IMPORT_META_AUTHOR "author"

RstImportDocument *rst_import_document_new          (void);
void               rst_import_document_free         (RstImportDocument  *self);

void               rst_import_document_begin_block  (RstImportDocument  *self,
                                                     RstImportAlign      align,
                                                     gboolean            outline);
gboolean           rst_import_document_add_text     (RstImportDocument  *self,
                                                     const char         *text,
                                                     gssize              length,
                                                     RstImportStyle      style,
                                                     GError            **error);
void               rst_import_document_add_break    (RstImportDocument  *self);
void               rst_import_document_set_label    (RstImportDocument  *self,
                                                     const char         *label);
void               rst_import_document_end_block    (RstImportDocument  *self);
gboolean           rst_import_document_in_block     (RstImportDocument  *self);
guint              rst_import_document_get_n_blocks (RstImportDocument  *self);

void               rst_import_document_set_meta     (RstImportDocument  *self,
                                                     const char         *key,
                                                     const char         *value);
const char        *rst_import_document_get_meta     (RstImportDocument  *self,
                                                     const char         *key);

char              *rst_import_document_to_body      (RstImportDocument  *self);
char              *rst_import_document_to_statement (RstImportDocument  *self,
                                                     GError            **error);

char              *rst_import_normalize_date        (const char         *value);
char              *rst_import_statement_from_text   (const char         *text,
                                                     gsize               length,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstImportDocument, rst_import_document_free)

G_END_DECLS
