/* clr-party-row.h — one party of the shipment, with its best screening hit inline
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "clr-form-row.h"

G_BEGIN_DECLS

#define CLR_TYPE_PARTY_ROW (clr_party_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrPartyRow, clr_party_row, CLR, PARTY_ROW, ClrFormRow)

/* Signals: ::changed (any field), ::name-changed (name or country: screen again),
 * ::remove-requested. */
GtkWidget  *clr_party_row_new              (ClrShipmentCatalog *catalog);
void        clr_party_row_set_party        (ClrPartyRow        *self,
                                            JsonObject         *party);
JsonNode   *clr_party_row_to_json          (ClrPartyRow        *self);
/* What to screen: the typed name (NULL when empty) and country code (nullable). */
const char *clr_party_row_get_name         (ClrPartyRow        *self);
const char *clr_party_row_get_country      (ClrPartyRow        *self);
/* Shows the best hit (a hit object as `screen --json` prints it), or when @hit is
 * NULL the @status text ("No potential match", "Screening…"). */
void        clr_party_row_set_hit          (ClrPartyRow        *self,
                                            JsonObject         *hit,
                                            const char         *status);
/* The hit shown inline (borrowed), or NULL. Its Review button activates
 * "shipment.review-hit" with the row's index ("u"). */
JsonObject *clr_party_row_get_hit          (ClrPartyRow        *self);

G_END_DECLS
