/* clr-add-source-dialog.c — asks for a custom list source: id, name, address
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-add-source-dialog.h"

struct _ClrAddSourceDialog
{
  AdwMessageDialog parent_instance;

  GtkEditable     *id_row;
  GtkEditable     *label_row;
  GtkEditable     *url_row;
};

G_DEFINE_FINAL_TYPE (ClrAddSourceDialog, clr_add_source_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
clr_add_source_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_ADD_SOURCE_DIALOG);

  G_OBJECT_CLASS (clr_add_source_dialog_parent_class)->dispose (object);
}

static void
clr_add_source_dialog_class_init (ClrAddSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_add_source_dialog_dispose;

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
clr_add_source_dialog_new (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return g_object_new (CLR_TYPE_ADD_SOURCE_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
}

const char *
clr_add_source_dialog_get_id (ClrAddSourceDialog *self)
{
  g_return_val_if_fail (CLR_IS_ADD_SOURCE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->id_row);
}

const char *
clr_add_source_dialog_get_label (ClrAddSourceDialog *self)
{
  g_return_val_if_fail (CLR_IS_ADD_SOURCE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->label_row);
}

const char *
clr_add_source_dialog_get_url (ClrAddSourceDialog *self)
{
  const char *url;

  g_return_val_if_fail (CLR_IS_ADD_SOURCE_DIALOG (self), NULL);

  url = gtk_editable_get_text (self->url_row);
  return url[0] != '\0' ? url : NULL;
}
