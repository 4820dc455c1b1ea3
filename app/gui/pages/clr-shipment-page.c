/* clr-shipment-page.c — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-shipment-page.h"

struct _ClrShipmentPage
{
  AdwBin          parent_instance;

  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, ADW_TYPE_BIN)

static void
clr_shipment_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_SHIPMENT_PAGE);

  G_OBJECT_CLASS (clr_shipment_page_parent_class)->dispose (object);
}

static void
clr_shipment_page_class_init (ClrShipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_shipment_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-shipment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, status_page);
  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_shipment_page_init (ClrShipmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_shipment_page_new (void)
{
  return g_object_new (CLR_TYPE_SHIPMENT_PAGE, NULL);
}
