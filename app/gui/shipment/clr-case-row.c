/* clr-case-row.c — one case in the Shipment page's case list
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-case-row.h"
#include "clr-verdict.h"
#include "clr-verdict-style.h"
#include "widgets/clr-widget.h"

struct _ClrCaseRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkLabel      *pill;
  GtkWidget     *stale_mark;

  gint64         case_id;
};

G_DEFINE_FINAL_TYPE (ClrCaseRow, clr_case_row, GTK_TYPE_LIST_BOX_ROW)

static void
clr_case_row_class_init (ClrCaseRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  clr_widget_class_set_template (widget_class, RESOURCE_BASE "/shipment/clr-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrCaseRow, title);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseRow, pill);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseRow, stale_mark);
}

static void
clr_case_row_init (ClrCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_case_row_new (ClrCase *item)
{
  ClrCaseRow *self;
  ClrVerdict verdict;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (CLR_TYPE_CASE_ROW, NULL);
  self->case_id = item->id;
  verdict = clr_verdict_from_string (item->verdict);
  gtk_label_set_text (self->title, item->reference && *item->reference ? item->reference
                                                                       : _("Untitled shipment"));
  /* Translators: case list line: destination, export date, status */
  subtitle = g_strdup_printf (_("%s · %s%s"),
                              item->destination ? item->destination : "—",
                              item->date ? item->date : "—",
                              item->status == CLR_CASE_STATUS_ARCHIVED ? _(" · archived") : "");
  gtk_label_set_text (self->subtitle, subtitle);
  if (item->verdict != NULL)
    {
      gtk_label_set_text (self->pill, clr_verdict_get_label (verdict));
      gtk_widget_add_css_class (GTK_WIDGET (self->pill), clr_verdict_get_style (verdict));
      gtk_widget_set_visible (GTK_WIDGET (self->pill), TRUE);
    }
  accessible = g_strdup_printf ("%s, %s%s%s", gtk_label_get_text (self->title), subtitle,
                                item->verdict ? ", " : "",
                                item->verdict ? clr_verdict_get_label (verdict) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  clr_case_row_set_stale (self, item->result != NULL && item->evaluated_at != NULL && item->updated_at != NULL
                                && g_strcmp0 (item->updated_at, item->evaluated_at) > 0);
  return GTK_WIDGET (self);
}

void
clr_case_row_set_stale (ClrCaseRow *self,
                        gboolean    stale)
{
  g_return_if_fail (CLR_IS_CASE_ROW (self));

  gtk_widget_set_visible (self->stale_mark, stale);
  if (stale)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("The result is out of date: evaluate again"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

gboolean
clr_case_row_get_stale (ClrCaseRow *self)
{
  g_return_val_if_fail (CLR_IS_CASE_ROW (self), FALSE);
  return gtk_widget_get_visible (self->stale_mark);
}

gint64
clr_case_row_get_case_id (ClrCaseRow *self)
{
  g_return_val_if_fail (CLR_IS_CASE_ROW (self), 0);
  return self->case_id;
}
