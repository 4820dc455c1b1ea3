/* clr-review-claim-card.h — claiming a review item in the review detail, so
 * two reviewers of a team database do not work on the same hit
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-review.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_CLAIM_CARD (clr_review_claim_card_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewClaimCard, clr_review_claim_card, CLR, REVIEW_CLAIM_CARD, AdwBin)

/* Shows who reviews @item: hidden unless it is open. Its claim is read from
 * the "store" property off the main thread; nobody's: Claim for 15 Minutes;
 * this user's: until when, and Release; another user's: who and until when.
 * ::changed is emitted whenever the claim read changes hands. */
void        clr_review_claim_card_set_item         (ClrReviewClaimCard  *self,
                                                    const ClrReviewItem *item);
/* TRUE while another user holds the shown item: a decision would be refused. */
gboolean    clr_review_claim_card_get_held_by_other (ClrReviewClaimCard *self);
/* Who holds the shown item and until when ("" when nobody does). */
const char *clr_review_claim_card_get_text         (ClrReviewClaimCard  *self);

G_END_DECLS
