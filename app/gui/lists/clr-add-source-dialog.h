/* clr-add-source-dialog.h — asks for a custom list source: id, name, address
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_ADD_SOURCE_DIALOG (clr_add_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClrAddSourceDialog, clr_add_source_dialog, CLR, ADD_SOURCE_DIALOG, AdwMessageDialog)

/* Modal over @parent's window. Its "add" response adds the source to
 * @store off the main thread, then emits ::source-added (gboolean ok,
 * const char *message: what to tell the user). */
GtkWidget  *clr_add_source_dialog_new (GtkWidget *parent,
                                       ClrStore  *store);

G_END_DECLS
