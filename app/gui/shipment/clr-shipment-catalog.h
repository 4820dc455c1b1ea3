/* clr-shipment-catalog.h — what the shipment form offers: the rule pack's countries
 * (with their groups as of a date), ECCNs, end-use categories and red flags
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "clr-classify.h"
#include "clr-rule-pack.h"

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_CATALOG (clr_shipment_catalog_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentCatalog, clr_shipment_catalog, CLR, SHIPMENT_CATALOG, GObject)

/* @pack NULL gives an empty catalog (no pack loaded yet): nothing resolves. */
ClrShipmentCatalog *clr_shipment_catalog_new               (ClrRulePack        *pack);
ClrRulePack        *clr_shipment_catalog_get_pack          (ClrShipmentCatalog *self);

/* Country groups change over time: sets the date the groups are shown for
 * (YYYY-MM-DD; NULL = today) and emits ::changed when they were rebuilt. */
void                clr_shipment_catalog_set_date          (ClrShipmentCatalog *self,
                                                            const char         *date);
const char         *clr_shipment_catalog_get_date          (ClrShipmentCatalog *self);

/* ClrPickItem models for the pickers (borrowed). */
GListModel         *clr_shipment_catalog_get_countries     (ClrShipmentCatalog *self);
GListModel         *clr_shipment_catalog_get_eccns         (ClrShipmentCatalog *self);

/* An ISO code, English or localized name, or alias ("PRC", "Hong Kong",
 * "Macao") → the pack's ISO-2 code (borrowed), or NULL when unknown. */
const char         *clr_shipment_catalog_resolve_country   (ClrShipmentCatalog *self,
                                                            const char         *text);
/* "China · D:1 D:3 D:4 D:5" for a resolved code (localized name). */
char               *clr_shipment_catalog_describe_country  (ClrShipmentCatalog *self,
                                                            const char         *code);
/* Normalises the case of a typed ECCN ("3a090.A" → "3A090.a", "ear99" →
 * "EAR99"); returns NULL when the pack's CCL does not have it. */
char               *clr_shipment_catalog_resolve_eccn      (ClrShipmentCatalog *self,
                                                            const char         *text);
/* "Advanced computing ICs … · RS AT" for a resolved ECCN. */
char               *clr_shipment_catalog_describe_eccn     (ClrShipmentCatalog *self,
                                                            const char         *eccn);
/* Does the rule pack ask for item fact @fact ("tpp", "performance_density",
 * "memory_bandwidth_gbps", "datacenter") for an item classified @eccn? From
 * the pack's "item_parameters"; FALSE without a pack. */
gboolean            clr_shipment_catalog_eccn_has_parameter (ClrShipmentCatalog *self,
                                                             const char         *fact,
                                                             const char         *eccn);
/* The classification help (paragraphs, product words, models), or NULL
 * without a pack (borrowed). */
ClrClassifyHelp    *clr_shipment_catalog_get_classify_help (ClrShipmentCatalog *self);
/* [{"id", "label"}] and [{"id", "question", "citation"}] (borrowed; never NULL). */
JsonArray          *clr_shipment_catalog_get_end_uses      (ClrShipmentCatalog *self);
JsonArray          *clr_shipment_catalog_get_red_flags     (ClrShipmentCatalog *self);

G_END_DECLS
