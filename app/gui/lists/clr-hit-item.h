/* clr-hit-item.h — one search result of the Lists page, as a list item with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-lists-item.h"
#include "clr-match-hit.h"

G_BEGIN_DECLS

#define CLR_TYPE_HIT_ITEM (clr_hit_item_get_type ())

G_DECLARE_FINAL_TYPE (ClrHitItem, clr_hit_item, CLR, HIT_ITEM, ClrListsItem)

/* Properties (read-only, for the row in ui/lists/clr-lists-search-view.ui):
 * explanation (the matcher's); of ClrListsItem: title (the entry's name),
 * subtitle (list code, score and the alias that matched). */
ClrHitItem *clr_hit_item_new     (ClrHit     *hit);
/* The hit (borrowed). */
ClrHit     *clr_hit_item_get_hit (ClrHitItem *self);

G_END_DECLS
