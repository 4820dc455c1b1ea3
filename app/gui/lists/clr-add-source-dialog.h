/* clr-add-source-dialog.h — asks for a custom list source: id, name, address
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLR_TYPE_ADD_SOURCE_DIALOG (clr_add_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClrAddSourceDialog, clr_add_source_dialog, CLR, ADD_SOURCE_DIALOG, AdwMessageDialog)

/* Responses: "cancel", "add". Modal over @parent's window. */
GtkWidget  *clr_add_source_dialog_new       (GtkWidget          *parent);
const char *clr_add_source_dialog_get_id    (ClrAddSourceDialog *self);
const char *clr_add_source_dialog_get_label (ClrAddSourceDialog *self);
/* The download address, or NULL when left empty. */
const char *clr_add_source_dialog_get_url   (ClrAddSourceDialog *self);

G_END_DECLS
