/* clr-change-item.h — one entry of What changed, as a list item with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-lists-item.h"
#include "clr-store-lists.h"

G_BEGIN_DECLS

#define CLR_TYPE_CHANGE_ITEM (clr_change_item_get_type ())

G_DECLARE_FINAL_TYPE (ClrChangeItem, clr_change_item, CLR, CHANGE_ITEM, ClrListsItem)

/* Properties (read-only, for the row in ui/lists/clr-lists-changes-view.ui):
 * kind (a ClrListChangeKind); of ClrListsItem: title (the entry's name,
 * else its key), subtitle (list code, countries and the fields that
 * changed). */
ClrChangeItem       *clr_change_item_new        (const ClrListChange *change);
/* The change (borrowed). */
const ClrListChange *clr_change_item_get_change (ClrChangeItem       *self);
/* "Added", "Removed", "Changed"; the badge's CSS classes (transfer full). */
const char          *clr_change_item_kind_label (ClrListChangeKind    kind);
GStrv                clr_change_item_kind_classes (ClrListChangeKind  kind);

G_END_DECLS
