/* clr-review-approval.h — four-eyes release in the review detail: who cleared
 * an item that waits for approval, and the Approve button for another reviewer
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-review.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_APPROVAL (clr_review_approval_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewApproval, clr_review_approval, CLR, REVIEW_APPROVAL, AdwBin)

/* Shows @item's approval state: hidden unless it was cleared under
 * four-eyes release. While it waits, Approve is enabled only for a user
 * other than the one who decided it (the "store" property's user); an
 * approval is stored off the main thread, then review.reload is activated
 * on an ancestor. */
void        clr_review_approval_set_item      (ClrReviewApproval   *self,
                                               const ClrReviewItem *item);

G_END_DECLS
