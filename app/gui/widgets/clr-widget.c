/* clr-widget.c — small helpers the app's widgets share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-widget.h"

/* The class is final: the instance's type is the one with the template. */
static void
template_dispose (GObject *object)
{
  GObjectClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));

  parent_class->dispose (object);
}

void
clr_widget_class_set_template (GtkWidgetClass *widget_class,
                               const char     *resource)
{
  g_return_if_fail (G_TYPE_IS_FINAL (G_TYPE_FROM_CLASS (widget_class)));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  G_OBJECT_CLASS (widget_class)->dispose = template_dispose;
}

void
clr_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
clr_widget_show_message (GtkLabel   *label,
                         const char *text,
                         gboolean    is_error)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

void
clr_widget_show_feedback (GtkLabel   *label,
                          const char *text,
                          gboolean    is_error)
{
  clr_widget_show_message (label, text, is_error);
  if (is_error)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "success");
}

void
clr_widget_list_box_remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

GtkWindow *
clr_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

AdwMessageDialog *
clr_widget_message_dialog_new (GtkWidget  *widget,
                               const char *heading,
                               const char *body,
                               const char *first_id,
                               ...)
{
  AdwMessageDialog *dialog;
  va_list args;

  g_return_val_if_fail (first_id != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (clr_widget_get_window (widget), heading, body));
  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    adw_message_dialog_add_response (dialog, id, va_arg (args, const char *));
  va_end (args);
  adw_message_dialog_set_default_response (dialog, first_id);
  adw_message_dialog_set_close_response (dialog, first_id);
  return dialog;
}
