/* rst-application.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-analysis-context.h"
#include "rst-session.h"

G_BEGIN_DECLS

#define RST_TYPE_APPLICATION (rst_application_get_type ())

G_DECLARE_FINAL_TYPE (RstApplication, rst_application, RST, APPLICATION, AdwApplication)

RstApplication *rst_application_new          (void);
GSettings      *rst_application_get_settings (RstApplication *self);
RstAnalysisContext *rst_application_get_analysis_context (RstApplication *self);
RstSession     *rst_application_get_session  (RstApplication *self);

G_END_DECLS
