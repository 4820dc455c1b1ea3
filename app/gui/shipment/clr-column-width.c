/* clr-column-width.c — a column of the Shipment page that asks for a given
 * natural width: the page shares its width between the form and the result
 * in that proportion
 *
 * A layout manager (a widget with one makes GTK ignore its measure vfunc):
 * the widget's children laid out as GtkBinLayout does, its natural width the
 * one installed for its type.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-column-width.h"

#define CLR_TYPE_COLUMN_LAYOUT (clr_column_layout_get_type ())

G_DECLARE_FINAL_TYPE (ClrColumnLayout, clr_column_layout, CLR, COLUMN_LAYOUT, GtkLayoutManager)

struct _ClrColumnLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (ClrColumnLayout, clr_column_layout, GTK_TYPE_LAYOUT_MANAGER)

static GQuark
natural_width_quark (void)
{
  return g_quark_from_static_string ("clr-column-natural-width");
}

static void
clr_column_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, GPOINTER_TO_INT (g_type_get_qdata (G_OBJECT_TYPE (widget),
                                                                 natural_width_quark ())));
}

static void
clr_column_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
clr_column_layout_class_init (ClrColumnLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = clr_column_layout_measure;
  manager_class->allocate = clr_column_layout_allocate;
}

static void
clr_column_layout_init (ClrColumnLayout *self)
{
}

void
clr_column_width_install (GtkWidgetClass *widget_class,
                          int             natural_width)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), natural_width_quark (), GINT_TO_POINTER (natural_width));
  gtk_widget_class_set_layout_manager_type (widget_class, CLR_TYPE_COLUMN_LAYOUT);
}
