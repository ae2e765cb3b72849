/* rst-file-watch.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-document.h"

G_BEGIN_DECLS

#define RST_TYPE_FILE_WATCH (rst_file_watch_get_type ())

G_DECLARE_FINAL_TYPE (RstFileWatch, rst_file_watch, RST, FILE_WATCH, GObject)

RstFileWatch *rst_file_watch_new         (RstDocument  *document);
gboolean      rst_file_watch_get_missing (RstFileWatch *self);

G_END_DECLS
