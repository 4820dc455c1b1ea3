/* clr-review-queue.h — the review queue as a filtered, sorted list model
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clr-store-review.h"
#include "review/clr-review-queue-item.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_SCORE_BAND_ANY,
  CLR_SCORE_BAND_STRONG,    /* ≥ 0.95 */
  CLR_SCORE_BAND_MEDIUM,    /* 0.85 ≤ score < 0.95 */
  CLR_SCORE_BAND_WEAK,      /* < 0.85 */
} ClrScoreBand;

/* The band a score falls in, and its translated label ("Strong", …). */
ClrScoreBand  clr_score_band_for_score (double        score);
const char   *clr_score_band_get_label (ClrScoreBand  band);

#define CLR_TYPE_REVIEW_QUEUE (clr_review_queue_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewQueue, clr_review_queue, CLR, REVIEW_QUEUE, GObject)

/* Items are ClrReviewQueueItem. The model shown is the
 * items that pass every filter, grouped by party (the party whose newest,
 * strongest item is newest and strongest first), a party's list families
 * together; the first row of each party's group shows its header.
 *
 * Properties: status (int, a ClrReviewStatus, CLR_REVIEW_QUEUE_AWAITING_APPROVAL
 * or -1 for any; default OPEN),
 * list-code, country (string, NULL for any), band (ClrScoreBand as int),
 * search (string: party name, listed name or matched name, any case,
 * accents ignored), n-items (shown), n-total (loaded). */
ClrReviewQueue *clr_review_queue_new            (void);
/* Replaces the items with @items (ClrReviewItem *; copied by reference). */
void            clr_review_queue_set_items      (ClrReviewQueue *self,
                                                 GPtrArray      *items);
/* The filtered, sorted model (borrowed). */
GListModel     *clr_review_queue_get_model      (ClrReviewQueue *self);
/* The item with @id among the loaded ones, or NULL. */
ClrReviewItem  *clr_review_queue_lookup         (ClrReviewQueue *self,
                                                 gint64          id);
/* The list family (of two or more loaded items: the same party, list and
 * base name) item @id belongs to, or NULL. Borrowed. The model keeps a
 * family's rows together, its first member (the entity) first. */
ClrReviewFamily *clr_review_queue_get_family    (ClrReviewQueue *self,
                                                 gint64          id);
/* Distinct list codes / party countries of the loaded items, sorted. */
GStrv           clr_review_queue_dup_list_codes (ClrReviewQueue *self);
GStrv           clr_review_queue_dup_countries  (ClrReviewQueue *self);

/* The "status" of a view of the clearances that wait for a second
 * reviewer's approval (four-eyes release). */
#define CLR_REVIEW_QUEUE_AWAITING_APPROVAL (CLR_REVIEW_STATUS_ESCALATED + 1)

void            clr_review_queue_set_status     (ClrReviewQueue *self,
                                                 int             status);
void            clr_review_queue_set_list_code  (ClrReviewQueue *self,
                                                 const char     *list_code);
void            clr_review_queue_set_country    (ClrReviewQueue *self,
                                                 const char     *country);
void            clr_review_queue_set_band       (ClrReviewQueue *self,
                                                 ClrScoreBand    band);
void            clr_review_queue_set_search     (ClrReviewQueue *self,
                                                 const char     *search);
/* The case labels of the group headers: @labels maps a case id (gint64 *)
 * to "Case 3 · PO-2291". */
void            clr_review_queue_set_case_labels (ClrReviewQueue *self,
                                                  GHashTable     *labels);
guint           clr_review_queue_get_n_items    (ClrReviewQueue *self);
guint           clr_review_queue_get_n_total    (ClrReviewQueue *self);

G_END_DECLS
