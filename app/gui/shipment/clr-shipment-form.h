/* clr-shipment-form.h — the shipment form: general facts, items, parties, end use, red flags
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "clr-party-row.h"
#include "clr-shipment-catalog.h"

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_FORM (clr_shipment_form_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentForm, clr_shipment_form, CLR, SHIPMENT_FORM, AdwBin)

/* Signals:
 *   ::changed — the user changed something (not emitted by set_document)
 *   ::party-changed (ClrPartyRow *) — a party's name or country changed: screen it */
void        clr_shipment_form_set_catalog      (ClrShipmentForm    *self,
                                                ClrShipmentCatalog *catalog);
ClrShipmentCatalog *clr_shipment_form_get_catalog (ClrShipmentForm *self);
/* Loads a shipment document (a JSON object; NULL = empty form). Members the form
 * does not show are kept. */
void        clr_shipment_form_set_document     (ClrShipmentForm    *self,
                                                JsonNode           *shipment);
/* The shipment document as the form shows it (transfer full). */
JsonNode   *clr_shipment_form_get_document     (ClrShipmentForm    *self);
/* The number of fields with an error; *first (nullable) gets the first one. */
guint       clr_shipment_form_count_errors     (ClrShipmentForm    *self,
                                                GtkWidget         **first);
/* Flags empty required fields too (after an Evaluate attempt). */
void        clr_shipment_form_set_show_missing (ClrShipmentForm    *self,
                                                gboolean            show_missing);
/* The party rows, in order (borrowed). */
GPtrArray  *clr_shipment_form_get_party_rows   (ClrShipmentForm    *self);
GPtrArray  *clr_shipment_form_get_item_rows    (ClrShipmentForm    *self);
void        clr_shipment_form_add_item         (ClrShipmentForm    *self);
void        clr_shipment_form_add_party        (ClrShipmentForm    *self);
/* Moves item @index by @delta places (reorder); FALSE when it cannot move. */
gboolean    clr_shipment_form_move_item        (ClrShipmentForm    *self,
                                                guint               index,
                                                int                 delta);
/* Expands every item and party (a new case shows its empty rows open). */
void        clr_shipment_form_expand_all       (ClrShipmentForm    *self);
void        clr_shipment_form_focus_reference  (ClrShipmentForm    *self);

G_END_DECLS
