/* rst-import-list.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* List numbers as a word processor counts them, so that "1." "2." "3."
 * before the priorities survive the import: formats and templates per
 * level ("%1.", "(%2)"), a counter per list, deeper levels restarting.
 * DOCX links each numbering instance to its abstract definition; ODT
 * names list styles, which are both.
 */
#define RST_IMPORT_LIST_LEVELS 10

typedef enum
{
  RST_IMPORT_LIST_DECIMAL,
  RST_IMPORT_LIST_LOWER_LETTER,
  RST_IMPORT_LIST_UPPER_LETTER,
  RST_IMPORT_LIST_LOWER_ROMAN,
  RST_IMPORT_LIST_UPPER_ROMAN,
  RST_IMPORT_LIST_CHINESE,
  RST_IMPORT_LIST_BULLET,
  RST_IMPORT_LIST_NONE,
} RstImportListFormat;

typedef struct _RstImportLists RstImportLists;

RstImportLists      *rst_import_lists_new              (void);
void                 rst_import_lists_free             (RstImportLists      *self);
void                 rst_import_lists_link             (RstImportLists      *self,
                                                        const char          *instance,
                                                        const char          *definition);
void                 rst_import_lists_set_start        (RstImportLists      *self,
                                                        const char          *id,
                                                        guint                level,
                                                        int                  start);
void                 rst_import_lists_set_format       (RstImportLists      *self,
                                                        const char          *id,
                                                        guint                level,
                                                        RstImportListFormat  format);
void                 rst_import_lists_set_template     (RstImportLists      *self,
                                                        const char          *id,
                                                        guint                level,
                                                        const char          *template);
gboolean             rst_import_lists_has              (RstImportLists      *self,
                                                        const char          *id);
void                 rst_import_lists_restart          (RstImportLists      *self,
                                                        const char          *instance);
void                 rst_import_lists_restart_at       (RstImportLists      *self,
                                                        const char          *instance,
                                                        guint                level,
                                                        int                  value);
char                *rst_import_lists_next_label       (RstImportLists      *self,
                                                        const char          *instance,
                                                        guint                level);

RstImportListFormat  rst_import_list_format_from_ooxml (const char          *value);
RstImportListFormat  rst_import_list_format_from_odf   (const char          *value);
char                *rst_import_list_format_number     (RstImportListFormat  format,
                                                        int                  n);

G_END_DECLS
