/* clr-shipment-page.h — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_PAGE (clr_shipment_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, CLR, SHIPMENT_PAGE, AdwBin)

GtkWidget *clr_shipment_page_new (void);

G_END_DECLS
