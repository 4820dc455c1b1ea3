/* clr-item-row.h — one item of the shipment: description, ECCN, parameters, value
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

#define CLR_TYPE_ITEM_ROW (clr_item_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrItemRow, clr_item_row, CLR, ITEM_ROW, ClrFormRow)

/* Signals: ::changed (any field), ::remove-requested, ::move-requested (int delta). */
GtkWidget  *clr_item_row_new              (ClrShipmentCatalog *catalog);
/* Fills the fields from an item object of the shipment document; members the
 * form does not show are kept and written back by to_json. */
void        clr_item_row_set_item         (ClrItemRow         *self,
                                           JsonObject         *item);
/* The item object (transfer full). Invalid fields are left out. */
JsonNode   *clr_item_row_to_json          (ClrItemRow         *self);
/* Are the TPP / performance-density / bandwidth / data-center rows shown? */
gboolean    clr_item_row_get_parameters_visible (ClrItemRow   *self);

/* What the classification row says live ("meets 3A090.a", "meets neither —
 * 3A991 / 4A994 / 5A992 may apply"), or NULL when it is hidden. */
const char *clr_item_row_get_classification (ClrItemRow       *self);

/* Move Up / Move Down only where the item can go (not up from the first, not
 * down from the last); the form says so whenever the items change. */
void        clr_item_row_set_movable      (ClrItemRow         *self,
                                           gboolean            up,
                                           gboolean            down);
/* The Move Up (@delta < 0) or Move Down button (for the tests). */
GtkWidget  *clr_item_row_get_move_button  (ClrItemRow         *self,
                                           int                 delta);

G_END_DECLS
