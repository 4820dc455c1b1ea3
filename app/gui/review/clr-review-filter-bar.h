/* clr-review-filter-bar.h — the Review page's filters: search, status, score band, list, country
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "review/clr-review-queue.h"

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_FILTER_BAR (clr_review_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewFilterBar, clr_review_filter_bar, CLR, REVIEW_FILTER_BAR, GtkBox)

/* The bar sets @queue's filters as the user chooses them (property "queue"). */
void        clr_review_filter_bar_set_queue      (ClrReviewFilterBar *self,
                                                  ClrReviewQueue     *queue);
/* Refills the list and country choices from the queue's loaded items,
 * keeping what is chosen, and applies every filter to the queue. */
void        clr_review_filter_bar_refill         (ClrReviewFilterBar *self);
/* Every status, any score, list and country, and @search (NULL: none),
 * applied at once (not after the entry's typing delay). */
void        clr_review_filter_bar_reset          (ClrReviewFilterBar *self,
                                                  const char         *search);
/* The status shown: a ClrReviewStatus, or -1 for every status. */
int         clr_review_filter_bar_get_status     (ClrReviewFilterBar *self);
const char *clr_review_filter_bar_get_search     (ClrReviewFilterBar *self);
void        clr_review_filter_bar_focus_search   (ClrReviewFilterBar *self);

G_END_DECLS
