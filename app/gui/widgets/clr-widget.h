/* clr-widget.h — small helpers the app's widgets share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Sets the template of the final type @widget_class from @resource and its
 * dispose to one that disposes the template and chains up: for a class with
 * nothing else to drop there. */
void clr_widget_class_set_template (GtkWidgetClass *widget_class,
                                    const char     *resource);

/* Shows @toast (transfer full) in the nearest AdwToastOverlay above
 * @widget: the window's, for a page; dropped when there is none. */
void clr_widget_add_toast          (GtkWidget      *widget,
                                    AdwToast       *toast);

/* A status line: @label says @text (hidden when NULL or empty), in the
 * "error" style when @is_error. */
void clr_widget_show_message       (GtkLabel       *label,
                                    const char     *text,
                                    gboolean        is_error);
/* What an action did: as clr_widget_show_message(), and in the "success"
 * style when not @is_error. */
void clr_widget_show_feedback      (GtkLabel       *label,
                                    const char     *text,
                                    gboolean        is_error);

/* Removes the rows of @list, not its placeholder (gtk_list_box_remove_all()
 * is GTK 4.12). */
void clr_widget_list_box_remove_rows (GtkListBox *list);

/* The window @widget (nullable) is in, or NULL. */
GtkWindow *clr_widget_get_window   (GtkWidget      *widget);

/* An AdwMessageDialog over @widget's window (none when @widget is NULL or
 * not in one), with the responses @first_id, its label, and further id and
 * label pairs up to a NULL. The first is the close response (Escape) and
 * the default one. The caller connects ::response and presents it. */
AdwMessageDialog *clr_widget_message_dialog_new (GtkWidget  *widget,
                                                 const char *heading,
                                                 const char *body,
                                                 const char *first_id,
                                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
