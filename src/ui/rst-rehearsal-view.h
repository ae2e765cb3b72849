/* rst-rehearsal-view.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rst-rehearsal.h"

G_BEGIN_DECLS

#define RST_TYPE_REHEARSAL_VIEW (rst_rehearsal_view_get_type ())

G_DECLARE_FINAL_TYPE (RstRehearsalView, rst_rehearsal_view, RST, REHEARSAL_VIEW, AdwWindow)

/* Monotonic time in microseconds, as g_get_monotonic_time() gives it. */
typedef gint64 (*RstRehearsalClockFunc) (gpointer user_data);

RstRehearsalView *rst_rehearsal_view_new              (GtkWindow             *parent,
                                                       RstRehearsal          *rehearsal);
RstRehearsal     *rst_rehearsal_view_get_rehearsal    (RstRehearsalView      *self);

gboolean          rst_rehearsal_view_get_running      (RstRehearsalView      *self);
void              rst_rehearsal_view_set_running      (RstRehearsalView      *self,
                                                       gboolean               running);
void              rst_rehearsal_view_reset            (RstRehearsalView      *self);
guint             rst_rehearsal_view_get_current      (RstRehearsalView      *self);
void              rst_rehearsal_view_set_current      (RstRehearsalView      *self,
                                                       guint                  index);
double            rst_rehearsal_view_get_elapsed      (RstRehearsalView      *self);
/* The sentence the view highlights, as it shows it. */
char             *rst_rehearsal_view_dup_current_text (RstRehearsalView      *self);
GtkLabel         *rst_rehearsal_view_get_clock_label  (RstRehearsalView      *self);
GtkTextView      *rst_rehearsal_view_get_text_view    (RstRehearsalView      *self);

/* For tests: a clock to read instead of the monotonic one, and reading
 * it now rather than at the next whole second.
 */
void              rst_rehearsal_view_set_clock_func   (RstRehearsalView      *self,
                                                       RstRehearsalClockFunc  func,
                                                       gpointer               user_data);
void              rst_rehearsal_view_tick             (RstRehearsalView      *self);

G_END_DECLS
