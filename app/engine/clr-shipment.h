/* clr-shipment.h — the shipment document: parse and validate
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-rule-pack.h"

G_BEGIN_DECLS

/* Party roles a shipment may name. */
extern const char * const clr_shipment_party_roles[];  /* NULL-terminated */

/* Reads a shipment file (JSON). Errors name the file. */
JsonNode *clr_shipment_load_file (const char   *path,
                                  GError      **error);

/* Validates @shipment against the schema and @pack: required fields
 * (date, destination, items[].eccn, one party), known fields only, real
 * dates, known ISO-2 countries, ECCNs on the pack's CCL (or EAR99), numbers
 * where numbers belong, end-use categories and red-flag ids from the pack.
 * The error names the field ("items[0].eccn: unknown ECCN “3A999”"). */
gboolean  clr_shipment_validate  (ClrRulePack  *pack,
                                  JsonNode     *shipment,
                                  GError      **error);

/* Checks a YYYY-MM-DD date (a real calendar day). */
gboolean  clr_date_is_valid      (const char   *text);

G_END_DECLS
