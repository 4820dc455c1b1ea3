/* clr-review-page-private.h — what the tests reach inside the Review page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-review-page.h"

G_BEGIN_DECLS

ClrReviewQueue *clr_review_page_get_queue       (ClrReviewPage   *self);
/* Selects (and shows) item @id when the current filters show it. */
gboolean        clr_review_page_select_item     (ClrReviewPage   *self,
                                                 gint64           id);
/* The queue's search text (the party filter). */
const char     *clr_review_page_get_search      (ClrReviewPage   *self);
/* The item shown on the right, or 0. */
gint64          clr_review_page_get_shown_id    (ClrReviewPage   *self);
/* Sets the reason (index by ClrReviewReason; NONE = "choose") and note of
 * the decision form. */
void            clr_review_page_set_reason      (ClrReviewPage   *self,
                                                 ClrReviewReason  reason,
                                                 const char      *note);
/* What the decision buttons do: FALSE (and a message on the page) when no
 * item is shown, no reason is chosen or a decision is being stored. */
gboolean        clr_review_page_decide          (ClrReviewPage   *self,
                                                 ClrReviewStatus  status);
/* What the decision toast's Undo does: a new audited decision putting the
 * items of the last decision back as they were (status, reason, note).
 * FALSE when there is nothing to undo or a decision is being stored. */
gboolean        clr_review_page_undo            (ClrReviewPage   *self);
/* The feedback line under the decision buttons ("" when hidden). */
const char     *clr_review_page_get_feedback    (ClrReviewPage   *self);

G_END_DECLS
