/* clr-review-queue-item.h — one row of the review queue: a ClrReviewItem and
 * the words its row shows, as properties a list item template binds
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "clr-store-review.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_QUEUE_ITEM (clr_review_queue_item_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewQueueItem, clr_review_queue_item, CLR, REVIEW_QUEUE_ITEM, GObject)

/* @item in list family @family (NULL when it has none). Read-only
 * properties: title (the party, "↳ party" for a family's later member),
 * badge ("Open · 92 %"), badge-classes (the badge's style classes, by
 * status), subtitle ("EL · listed name", with the family size on its first
 * member), indent (pixels: a family's later members sit under its first),
 * header (the party group: "Huawei … (CN) · End user · Case 3 · PO-2291")
 * and header-visible (TRUE on the first row of a party's group; the queue
 * sets it). */
ClrReviewQueueItem *clr_review_queue_item_new      (ClrReviewItem      *item,
                                                    ClrReviewFamily    *family);
/* The item (borrowed). */
ClrReviewItem      *clr_review_queue_item_get_item (ClrReviewQueueItem *self);
const char         *clr_review_queue_item_get_header (ClrReviewQueueItem *self);
/* The case as the header names it ("Case 3 · PO-2291"); NULL: the number only. */
void                clr_review_queue_item_set_case_label (ClrReviewQueueItem *self,
                                                          const char         *case_label);
gboolean            clr_review_queue_item_get_header_visible (ClrReviewQueueItem *self);
void                clr_review_queue_item_set_header_visible (ClrReviewQueueItem *self,
                                                              gboolean            visible);

/* The translated name of a party role of the queue ("end_user" → "End user",
 * "ultimate_parent" → "Ultimate parent"); NULL for none. */
const char         *clr_review_role_get_label      (const char         *role);

G_END_DECLS
