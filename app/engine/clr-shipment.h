/* clr-shipment.h — the shipment document: parse and validate
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-date.h"
#include "clr-json-reader.h"
#include "clr-rule-pack.h"

G_BEGIN_DECLS

/* Party roles a shipment may name. */
extern const char * const clr_shipment_party_roles[];  /* NULL-terminated */

/* Longest party name or description, in bytes (as for listed names). */
#define CLR_SHIPMENT_MAX_TEXT 4096

/* Reads a shipment file through the guarded JSON reader (clr-json-reader.h)
 * and clr_shipment_check_document(). Errors name the file, the line and the
 * field ("s.json:7: parties[1].name: …"). */
JsonNode *clr_shipment_load_file (const char   *path,
                                  GError      **error);

/* What needs no rule pack, so that even a draft is refused with it:
 * schema_version is the integer 1; party names (and their ultimate
 * parents') are not blank or only punctuation; names and descriptions are
 * at most CLR_SHIPMENT_MAX_TEXT bytes. With @lines (from the reader) and
 * @file, the error starts with “FILE:LINE: ”. */
gboolean  clr_shipment_check_document (JsonNode     *shipment,
                                       const char   *file,
                                       ClrJsonLines *lines,
                                       GError      **error);

/* Validates @shipment against the schema and @pack: required fields
 * (date, destination, items[].eccn, one party), known fields only, real
 * dates, known ISO-2 countries, ECCNs on the pack's CCL (or EAR99), numbers
 * where numbers belong, end-use categories and red-flag ids from the pack.
 * The error names the field ("items[0].eccn: unknown ECCN “3A999”"). */
gboolean  clr_shipment_validate  (ClrRulePack  *pack,
                                  JsonNode     *shipment,
                                  GError      **error);

G_END_DECLS
