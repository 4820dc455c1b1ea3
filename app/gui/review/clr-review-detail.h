/* clr-review-detail.h — one review queue item: the party beside the listed
 * entry, why they matched, the decision form, what changed and the case history
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-review.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_DETAIL (clr_review_detail_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewDetail, clr_review_detail, CLR, REVIEW_DETAIL, AdwBin)

/* Shows @item (its list family @family, or NULL); the case history and, for
 * a reopened item, the entry's changed fields are read from the "store"
 * property off the main thread. A new item starts scrolled to the top; the
 * same item shown again with the same decision (a reload after someone
 * else's change) keeps the reason and note being typed. The
 * decision buttons activate review.match, review.not-a-match and
 * review.escalate on an ancestor. A decided item shows its decision
 * read-only and, instead of those buttons, Change Decision (which activates
 * review.change-decision). */
void             clr_review_detail_show_item         (ClrReviewDetail     *self,
                                                      const ClrReviewItem *item,
                                                      ClrReviewFamily     *family);
void             clr_review_detail_scroll_to_top     (ClrReviewDetail     *self);
/* Change Decision: the decided item's form and decision buttons again,
 * until another item (or this one again) is shown. */
void             clr_review_detail_begin_change      (ClrReviewDetail     *self);
/* TRUE while a decided item's decision is being changed: the next decision
 * is an explicit change (ClrReviewDecision.change). */
gboolean         clr_review_detail_get_changing      (ClrReviewDetail     *self);
/* TRUE when the shown item is decided and not being changed: the decision
 * buttons are hidden behind Change Decision. */
gboolean         clr_review_detail_get_locked        (ClrReviewDetail     *self);

/* The decision form: returns the chosen reason (NONE when none is); sets
 * @note and @recipient (who an escalation goes to) to the texts typed ("" for
 * none; owned by the form) and @family to whether the open members of the
 * item's list family are decided with it. */
ClrReviewReason  clr_review_detail_get_form          (ClrReviewDetail     *self,
                                                      const char         **note,
                                                      const char         **recipient,
                                                      gboolean            *family);
void             clr_review_detail_set_reason        (ClrReviewDetail     *self,
                                                      ClrReviewReason      reason,
                                                      const char          *note);
void             clr_review_detail_focus_reason      (ClrReviewDetail     *self);
/* The line under the decision buttons: hidden when @text is NULL or "". */
void             clr_review_detail_set_feedback      (ClrReviewDetail     *self,
                                                      const char          *text,
                                                      gboolean             is_error);
const char      *clr_review_detail_get_feedback      (ClrReviewDetail     *self);

G_END_DECLS
