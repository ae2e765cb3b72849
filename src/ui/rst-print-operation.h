/* rst-print-operation.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rst-analysis.h"
#include "rst-layout.h"

G_BEGIN_DECLS

#define RST_TYPE_PRINT_OPERATION (rst_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (RstPrintOperation, rst_print_operation, RST, PRINT_OPERATION, GtkPrintOperation)

RstPrintOperation *rst_print_operation_new        (RstAnalysis       *analysis,
                                                   RstLayoutKind      kind);
RstAnalysis       *rst_print_operation_get_analysis (RstPrintOperation *self);
RstLayoutKind      rst_print_operation_get_kind   (RstPrintOperation *self);
void               rst_print_operation_set_kind   (RstPrintOperation *self,
                                                   RstLayoutKind      kind);
RstLayout         *rst_print_operation_get_layout (RstPrintOperation *self);
/* Runs the print dialog over @parent, with the settings of the last
 * print; GtkPrintOperation::done tells how it ended unless it failed at
 * once (%GTK_PRINT_OPERATION_RESULT_ERROR).
 */
GtkPrintOperationResult
                   rst_print_operation_run_dialog (RstPrintOperation *self,
                                                   GtkWindow         *parent,
                                                   GError           **error);

G_END_DECLS
