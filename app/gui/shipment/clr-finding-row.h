/* clr-finding-row.h — one finding of a determination, expandable to its trace
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLR_TYPE_FINDING_ROW (clr_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrFindingRow, clr_finding_row, CLR, FINDING_ROW, AdwExpanderRow)

/* @finding: an element of the result's "findings"; @shipment: the document that was
 * evaluated (to name the items and parties); @trace: the rule's trace entry or NULL. */
GtkWidget  *clr_finding_row_new         (JsonObject *finding,
                                         JsonObject *shipment,
                                         JsonNode   *trace);
const char *clr_finding_row_get_rule    (ClrFindingRow *self);

G_END_DECLS
