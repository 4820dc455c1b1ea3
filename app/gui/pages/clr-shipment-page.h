/* clr-shipment-page.h — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_PAGE (clr_shipment_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, CLR, SHIPMENT_PAGE, AdwBin)

/* The page takes the application's store when it is created inside a
 * ClrApplication; tests give it one with set_store. */
GtkWidget   *clr_shipment_page_new              (void);
void         clr_shipment_page_set_store        (ClrShipmentPage *self,
                                                 ClrStore        *store);
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

GtkWidget   *clr_shipment_page_get_form         (ClrShipmentPage *self);
GtkWidget   *clr_shipment_page_get_result_pane  (ClrShipmentPage *self);
GtkListBox  *clr_shipment_page_get_case_list    (ClrShipmentPage *self);
/* The first-run banner (revealed while no restricted-party list is loaded). */
GtkRevealer *clr_shipment_page_get_lists_banner (ClrShipmentPage *self);

G_END_DECLS
