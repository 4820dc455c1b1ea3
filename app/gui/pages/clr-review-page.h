/* clr-review-page.h — the Review page: possible list matches waiting for a reviewer's decision
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-page.h"
#include "clr-store-review.h"
#include "review/clr-review-queue.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_PAGE (clr_review_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewPage, clr_review_page, CLR, REVIEW_PAGE, ClrPage)

/* The page shows @store's review queue and records decisions in it, under
 * the reviewer name of @settings (construct-only properties "store" and
 * "settings"; the window sets them).
 *
 * Signals: ::loaded () after every reload of the queue finished (with or
 * without error); ::decided (gint64 id, int status) after a decision was
 * stored. Actions: review.match (Alt+M), review.not-a-match (Alt+N),
 * review.escalate (Alt+E), review.search (Ctrl+F), review.reload (F5),
 * review.back. */
GtkWidget      *clr_review_page_new             (ClrStore        *store,
                                                 ClrSettings     *settings);
/* Reloads the queue from the store, off the main thread. */
void            clr_review_page_reload          (ClrReviewPage   *self);
/* Shows the queue item of one screening hit: item @review_id when it is not 0,
 * else party @party_name (compared as the queue's normalised party identity)
 * on the entry @entry_key of list @list_code, preferring the item last seen in
 * case @case_id. Clears the filters, reloads and selects it. When the queue
 * has no such item (the hit was never recorded), the queue is filtered to the
 * party's name instead and a toast says why. */
void            clr_review_page_show_hit        (ClrReviewPage   *self,
                                                 gint64           case_id,
                                                 const char      *party_name,
                                                 const char      *list_code,
                                                 const char      *entry_key,
                                                 gint64           review_id);

G_END_DECLS
