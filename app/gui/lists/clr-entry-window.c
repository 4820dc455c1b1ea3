/* clr-entry-window.c — one listed entry, every published field, in its own window
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-a11y.h"
#include "clr-entry-view.h"

#include "widgets/clr-widget.h"

#include "clr-entry-window.h"

struct _ClrEntryWindow
{
  AdwWindow     parent_instance;

  GtkLabel     *note_label;
  ClrEntryView *entry_view;
};

G_DEFINE_FINAL_TYPE (ClrEntryWindow, clr_entry_window, ADW_TYPE_WINDOW)

static void
clr_entry_window_class_init (ClrEntryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CLR_TYPE_ENTRY_VIEW);
  clr_widget_class_set_template (widget_class, RESOURCE_BASE "/lists/clr-entry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrEntryWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryWindow, entry_view);
}

static void
clr_entry_window_init (ClrEntryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  clr_a11y_close_on_escape (GTK_WINDOW (self));
}

GtkWindow *
clr_entry_window_new (GtkWidget      *parent,
                      const ClrEntry *entry,
                      const char     *note)
{
  ClrEntryWindow *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (CLR_TYPE_ENTRY_WINDOW, NULL);
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  if (entry->name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), entry->name);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  clr_entry_view_set_entry (self->entry_view, entry, NULL);
  return GTK_WINDOW (self);
}
