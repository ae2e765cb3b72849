/* rst-save-changes-dialog.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     rst_save_changes_dialog_run_async  (GtkWindow            *parent,
                                             const char           *heading,
                                             GPtrArray            *pages,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean rst_save_changes_dialog_run_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
