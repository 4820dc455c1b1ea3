/* clr-shipment-page.h — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-page.h"

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_PAGE (clr_shipment_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, CLR, SHIPMENT_PAGE, ClrPage)

/* The page works on @store (construct-only "store") with @settings
 * ("settings": the exporter's country, the screening threshold, the
 * reviewer's name); the window creates it. */
GtkWidget   *clr_shipment_page_new              (ClrStore        *store,
                                                 ClrSettings     *settings);
/* TRUE once the rule pack is loaded and the form offers its catalog
 * (notify::ready). */
gboolean     clr_shipment_page_get_ready        (ClrShipmentPage *self);

/* Opens a shipment JSON file (`clearance FILE.json`): imported as a new case
 * and shown; errors name the file and appear as a toast. */
void         clr_shipment_page_open_file        (ClrShipmentPage *self,
                                                 GFile           *file);
/* Opens case @case_id from the store. */
void         clr_shipment_page_open_case        (ClrShipmentPage *self,
                                                 gint64           case_id);
/* Starts a new, empty case (Ctrl+N). */
void         clr_shipment_page_new_case         (ClrShipmentPage *self);
/* Evaluates the form off the main thread (Ctrl+Return). */
void         clr_shipment_page_evaluate         (ClrShipmentPage *self);
/* Writes any unsaved change now (also done on close). */
gboolean     clr_shipment_page_flush            (ClrShipmentPage *self,
                                                 GError         **error);
/* The open case's id (0 before its first save). */
gint64       clr_shipment_page_get_case_id      (ClrShipmentPage *self);
/* Busy evaluating (notify::evaluating). */
gboolean     clr_shipment_page_get_evaluating   (ClrShipmentPage *self);

G_END_DECLS
