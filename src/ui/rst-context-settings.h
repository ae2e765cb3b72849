/* rst-context-settings.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rst-analysis-context.h"

G_BEGIN_DECLS

#define RST_TYPE_CONTEXT_SETTINGS (rst_context_settings_get_type ())

G_DECLARE_FINAL_TYPE (RstContextSettings, rst_context_settings, RST, CONTEXT_SETTINGS, GObject)

/* Preferences as an analysis context: the drafter's pace, the hints they
 * turned off and the delegation profile. The "context" property is a new
 * RstAnalysisContext whenever one of them changes, for the live checker
 * to bind to.
 */
RstContextSettings *rst_context_settings_new         (GSettings          *settings);
RstAnalysisContext *rst_context_settings_get_context (RstContextSettings *self);

G_END_DECLS
