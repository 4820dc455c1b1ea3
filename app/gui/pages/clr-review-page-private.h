/* clr-review-page-private.h — the Review page inside: its parts and what the tests reach
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "review/clr-review-detail.h"
#include "review/clr-review-filter-bar.h"

#include "clr-review-page.h"

G_BEGIN_DECLS

/* The page is split over clr-review-page.c (the queue, its loading and the
 * actions) and clr-review-page-decide.c (storing and undoing decisions). */
struct _ClrReviewPage
{
  ClrPage              parent_instance;

  /* template */
  AdwLeaflet          *leaflet;
  ClrReviewFilterBar  *filter_bar;
  GtkLabel            *count_label;
  GtkStack            *queue_stack;
  GtkListView         *queue_view;
  AdwStatusPage       *empty_status;
  GtkStack            *detail_stack;
  ClrReviewDetail     *detail;

  ClrReviewQueue      *queue;
  GtkSingleSelection  *selection;
  GCancellable        *cancellable;

  gint64               shown_id;
  gint64               select_after_load;
  /* the item the "Decision saved" line is about; moving on clears it */
  gint64               saved_id;
  /* the items of the last decision as they were before it (ClrReviewItem *): Undo */
  GPtrArray           *undo_items;
  /* the items of a decision the store refused because someone decided one
   * of them meanwhile (ClrReviewItem *, as they were): reported once the
   * queue is read again */
  GPtrArray           *refused;

  /* A hit to show once the queue is loaded (clr_review_page_show_hit). */
  gboolean             has_target;
  gint64               target_case_id;
  gint64               target_id;
  char                *target_party_name;
  char                *target_list;
  char                *target_entry;
  /* a reload after other programs' changes (a team database), pending */
  guint                live_reload_id;
  guint                loading : 1;
  guint                busy : 1;
};

/* clr-review-page.c: the decision actions follow the shown item, busy and
 * the store. */
void       _clr_review_page_update_actions (ClrReviewPage   *self);
/* clr-review-page-decide.c: after the queue is read again, says who decided
 * the item of a refused decision (toast and feedback line). */
void       _clr_review_page_report_refused (ClrReviewPage   *self);

/* What the tests reach: */

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
