/* clr-add-source-dialog.c — asks for a custom list source: id, name, address
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-lists-tasks.h"

#include "clr-add-source-dialog.h"

struct _ClrAddSourceDialog
{
  AdwMessageDialog parent_instance;

  GtkEditable     *id_row;
  GtkEditable     *label_row;
  GtkEditable     *url_row;

  ClrStore        *store;
};

G_DEFINE_FINAL_TYPE (ClrAddSourceDialog, clr_add_source_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_SOURCE_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrAddSourceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (clr_lists_write_finish (result, &error))
    message = g_strdup (_("Source added. Download it, or import a file in the Consolidated Screening List "
                          "layout."));
  else
    /* Translators: %s is the reason. */
    message = g_strdup_printf (_("The source was not added: %s"), error->message);
  g_signal_emit (self, signals[SIGNAL_SOURCE_ADDED], 0, error == NULL, message);
}

static void
clr_add_source_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  ClrAddSourceDialog *self = CLR_ADD_SOURCE_DIALOG (dialog);
  const char *url = gtk_editable_get_text (self->url_row);

  if (g_strcmp0 (response, "add") == 0 && self->store != NULL)
    clr_lists_add_source_async (self->store, gtk_editable_get_text (self->id_row),
                                gtk_editable_get_text (self->label_row), url[0] != '\0' ? url : NULL,
                                source_added_cb, g_object_ref (self));
}

static void
clr_add_source_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_ADD_SOURCE_DIALOG);
  g_clear_object (&CLR_ADD_SOURCE_DIALOG (object)->store);

  G_OBJECT_CLASS (clr_add_source_dialog_parent_class)->dispose (object);
}

static void
clr_add_source_dialog_class_init (ClrAddSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = clr_add_source_dialog_dispose;
  dialog_class->response = clr_add_source_dialog_response;

  signals[SIGNAL_SOURCE_ADDED] =
    g_signal_new ("source-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lists/clr-add-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrAddSourceDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, ClrAddSourceDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, ClrAddSourceDialog, url_row);
}

static void
clr_add_source_dialog_init (ClrAddSourceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_add_source_dialog_new (GtkWidget *parent,
                           ClrStore  *store)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  ClrAddSourceDialog *self;

  g_return_val_if_fail (store == NULL || CLR_IS_STORE (store), NULL);

  self = g_object_new (CLR_TYPE_ADD_SOURCE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  return GTK_WIDGET (self);
}
