/* clr-end-use-row.h — one end-use question of the rule pack: Yes / No / Not known
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLR_TYPE_END_USE_ROW (clr_end_use_row_get_type ())
G_DECLARE_FINAL_TYPE (ClrEndUseRow, clr_end_use_row, CLR, END_USE_ROW, AdwActionRow)

/* @label names the question (the row's title and the toggles' accessible
 * names), @citation is its subtitle. No toggle is active until answered. */
GtkWidget  *clr_end_use_row_new        (const char   *id,
                                        const char   *label,
                                        const char   *citation);
const char *clr_end_use_row_get_id     (ClrEndUseRow *self);
/* The answer as the shipment document has it: true, false, "unknown", or
 * NULL when not answered. */
JsonNode   *clr_end_use_row_get_answer (ClrEndUseRow *self);
/* @answer: a boolean, the string "unknown", or NULL (not answered). */
void        clr_end_use_row_set_answer (ClrEndUseRow *self,
                                        JsonNode     *answer);

G_END_DECLS
