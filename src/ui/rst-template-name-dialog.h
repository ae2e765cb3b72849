/* rst-template-name-dialog.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The data rst_template_name_dialog_ask()'s callback gets when the
 * drafter chose its second way to save, for the delegation.
 */
#define RST_TEMPLATE_NAME_SHARED "shared"

typedef void (*RstTemplateNameCallback) (gpointer    owner,
                                         const char *name,
                                         gpointer    data);

void rst_template_name_dialog_ask (GtkWindow               *parent,
                                   GObject                 *owner,
                                   const char              *heading,
                                   const char              *body,
                                   const char              *initial,
                                   const char              *accept,
                                   const char              *accept_shared,
                                   RstTemplateNameCallback  callback,
                                   RstTemplateNameCallback  cancelled,
                                   const char              *data);

G_END_DECLS
