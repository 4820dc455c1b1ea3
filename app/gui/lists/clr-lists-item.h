/* clr-lists-item.h — one row of What changed or of Search on the Lists page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "clr-match-hit.h"
#include "clr-store-lists.h"

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_ITEM (clr_lists_item_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsItem, clr_lists_item, CLR, LISTS_ITEM, GObject)

/* A changed entry of a list update, or a search result, with the words its
 * row shows as read-only properties the rows' .ui binds: title, subtitle;
 * for a change also badge (its kind: Added, Removed, Changed) and
 * badge-classes (the badge's tint); for a result explanation (the
 * matcher's). The record and what the filters read are properties too:
 * change or hit, list-code, countries. */
ClrListsItem        *clr_lists_item_new_change     (const ClrListChange *change);
ClrListsItem        *clr_lists_item_new_hit        (ClrHit              *hit);
/* The change, or NULL for a search result. */
const ClrListChange *clr_lists_item_get_change     (ClrListsItem        *self);
/* The search result, or NULL for a change. */
ClrHit              *clr_lists_item_get_hit        (ClrListsItem        *self);

/* What the list and country filters read. */
const char          *clr_lists_item_get_list_code  (ClrListsItem        *self);
const char * const  *clr_lists_item_get_countries  (ClrListsItem        *self);

G_END_DECLS
