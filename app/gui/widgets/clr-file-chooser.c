/* clr-file-chooser.c — the app's file choosers: modal, over the window of
 * the widget that asks, starting in the dialog folder
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-application.h"
#include "clr-widget.h"

#include "clr-file-chooser.h"

GtkFileChooserNative *
clr_file_chooser_new (GtkWidget            *widget,
                      const char           *title,
                      GtkFileChooserAction  action,
                      const char           *accept_label)
{
  g_autoptr(GFile) folder = clr_application_dup_dialog_folder ();
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  chooser = gtk_file_chooser_native_new (title, clr_widget_get_window (widget), action,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}

void
clr_file_chooser_add_filter (GtkFileChooserNative *chooser,
                             const char           *name,
                             const char           *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

GFile *
clr_file_chooser_get_accepted (GtkNativeDialog *dialog,
                               int              response)
{
  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (dialog), NULL);

  return response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
}

void
clr_file_chooser_drop (GtkFileChooserNative **slot,
                       gpointer               handler_data)
{
  g_return_if_fail (slot != NULL);

  if (*slot == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*slot, handler_data);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}
