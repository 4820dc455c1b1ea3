/* clr-file-chooser.h — the app's file choosers: modal, over the window of
 * the widget that asks, starting in the dialog folder
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal GtkFileChooserNative (it goes through the file chooser portal in
 * a sandbox; GtkFileDialog needs GTK 4.10) over @widget's window, with
 * @accept_label and Cancel, opened in clr_application_dup_dialog_folder(). */
GtkFileChooserNative *clr_file_chooser_new          (GtkWidget            *widget,
                                                     const char           *title,
                                                     GtkFileChooserAction  action,
                                                     const char           *accept_label);
/* Offers the files matching @pattern ("*.json") under @name. */
void                  clr_file_chooser_add_filter   (GtkFileChooserNative *chooser,
                                                     const char           *name,
                                                     const char           *pattern);
/* The file @response accepted in @dialog (transfer full), or NULL. */
GFile                *clr_file_chooser_get_accepted (GtkNativeDialog      *dialog,
                                                     int                   response);
/* Disconnects @handler_data's handlers from the chooser in *@slot, destroys
 * it and clears *@slot; nothing when it is NULL. */
void                  clr_file_chooser_drop         (GtkFileChooserNative **slot,
                                                     gpointer               handler_data);

G_END_DECLS
