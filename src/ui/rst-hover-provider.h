/* rst-hover-provider.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "rst-document-checker.h"

G_BEGIN_DECLS

#define RST_TYPE_HOVER_PROVIDER (rst_hover_provider_get_type ())

G_DECLARE_FINAL_TYPE (RstHoverProvider, rst_hover_provider, RST, HOVER_PROVIDER, GObject)

/* Shows the diagnostics under the pointer with a button per fix. */
RstHoverProvider *rst_hover_provider_new (RstDocumentChecker *checker);

G_END_DECLS
