/* rst-document.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-document-checker.h"

G_BEGIN_DECLS

#define RST_TYPE_DOCUMENT (rst_document_get_type ())

G_DECLARE_FINAL_TYPE (RstDocument, rst_document, RST, DOCUMENT, GtkSourceBuffer)

RstDocument *rst_document_new          (void);
GFile       *rst_document_get_file     (RstDocument          *self);
char        *rst_document_dup_title    (RstDocument          *self);
gboolean     rst_document_get_busy     (RstDocument          *self);
GFile       *rst_document_get_import_source (RstDocument     *self);
void         rst_document_set_import_source (RstDocument     *self,
                                             GFile           *source);
void         rst_document_load_async   (RstDocument          *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
void         rst_document_load_with_encoding_async
                                       (RstDocument             *self,
                                        GFile                   *file,
                                        const GtkSourceEncoding *encoding,
                                        gboolean                 replace_invalid,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data);
gboolean     rst_document_load_finish  (RstDocument          *self,
                                        GAsyncResult         *result,
                                        GError              **error);
void         rst_document_save_async   (RstDocument          *self,
                                        GFile                *file,
                                        GFile               **protect,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean     rst_document_save_finish  (RstDocument          *self,
                                        GAsyncResult         *result,
                                        GError              **error);
/* Live checking (ui-live) */
RstDocumentChecker *rst_document_get_checker (RstDocument      *self);

/* The details (front matter), kept apart from the text the buffer holds */
RstDetails  *rst_document_get_details       (RstDocument          *self);
void         rst_document_set_details       (RstDocument          *self,
                                             RstDetails           *details);
void         rst_document_set_detail        (RstDocument          *self,
                                             const char           *key,
                                             const char           *value);
const char  *rst_document_get_front_matter  (RstDocument          *self);
char        *rst_document_dup_text          (RstDocument          *self);
void         rst_document_set_statement     (RstDocument          *self,
                                             const char           *text,
                                             gssize                length,
                                             gboolean              undoable);
gboolean     rst_document_take_front_matter (RstDocument          *self);

G_END_DECLS
