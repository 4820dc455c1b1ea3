/* clr-pick-item.h — one choice of a searchable picker (a country, an ECCN)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CLR_TYPE_PICK_ITEM (clr_pick_item_get_type ())

G_DECLARE_FINAL_TYPE (ClrPickItem, clr_pick_item, CLR, PICK_ITEM, GObject)

/* @keywords: every other word the item is found by (aliases, codes), space-separated. */
ClrPickItem *clr_pick_item_new          (const char  *id,
                                         const char  *title,
                                         const char  *subtitle,
                                         const char  *keywords);
const char  *clr_pick_item_get_id       (ClrPickItem *self);
const char  *clr_pick_item_get_title    (ClrPickItem *self);
const char  *clr_pick_item_get_subtitle (ClrPickItem *self);
/* @query case-folded and split into its words (never NULL). */
char       **clr_pick_item_split_query  (const char  *query);
/* TRUE when every word of @words (from clr_pick_item_split_query()) occurs in
 * the id, title, subtitle or keywords; clr_pick_item_matches() splits @query. */
gboolean     clr_pick_item_matches_words (ClrPickItem        *self,
                                          const char * const *words);
gboolean     clr_pick_item_matches      (ClrPickItem *self,
                                         const char  *query);
/* How closely @self answers @words: 0 when each is a whole word of its id or
 * title ("h20" for "NVIDIA H20"), 1 otherwise. */
int          clr_pick_item_rank         (ClrPickItem        *self,
                                         const char * const *words);

G_END_DECLS
