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
 * member), indent (pixels: a family's later members sit under its first). */
ClrReviewQueueItem *clr_review_queue_item_new      (ClrReviewItem      *item,
                                                    ClrReviewFamily    *family);
/* The item (borrowed). */
ClrReviewItem      *clr_review_queue_item_get_item (ClrReviewQueueItem *self);

G_END_DECLS
