/* clr-store-review-async.c — the review queue's list and decide functions run in a worker thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-review.h"
#include "clr-store-task.h"

typedef struct
{
  ClrReviewFilter  filter;
  char            *list_code;
  char            *country;
  char            *search;
  GArray          *ids;           /* gint64 */
  ClrReviewStatus  status;
  ClrReviewReason  reason;
  char            *note;
  char            *recipient;
  gboolean         change;
  char            *reviewer;
  GPtrArray       *previous;      /* ClrReviewItem *: restore */
} ReviewTaskData;

static void
review_task_data_free (ReviewTaskData *data)
{
  g_free (data->list_code);
  g_free (data->country);
  g_free (data->search);
  g_free (data->note);
  g_free (data->reviewer);
  g_free (data->recipient);
  g_clear_pointer (&data->previous, g_ptr_array_unref);
  if (data->ids != NULL)
    g_array_unref (data->ids);
  g_free (data);
}

CLR_STORE_TASK_FUNC (list_func, ReviewTaskData,
                     clr_store_review_list (self, &data->filter, error))

void
clr_store_review_list_async (ClrStore              *self,
                             const ClrReviewFilter *filter,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  ReviewTaskData *data = g_new0 (ReviewTaskData, 1);

  g_return_if_fail (CLR_IS_STORE (self));

  if (filter != NULL)
    data->filter = *filter;
  else
    clr_review_filter_init (&data->filter);
  data->filter.list_code = data->list_code = g_strdup (data->filter.list_code);
  data->filter.country = data->country = g_strdup (data->filter.country);
  data->filter.search = data->search = g_strdup (data->filter.search);

  _clr_store_task_run (self, clr_store_review_list_async, CLR_STORE_TASK_SKIP_CANCELLED, list_func,
                       data, (GDestroyNotify) review_task_data_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (GPtrArray *, clr_store_review_list_finish, ClrStore, pointer)

static gpointer
decide_func (gpointer       self,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReviewTaskData *data = task_data;
  ClrReviewDecision decision = { data->status, data->reason, data->note, data->recipient, data->change };

  if (data->previous != NULL)
    return GINT_TO_POINTER (clr_store_review_restore (self, data->previous, data->reviewer, error));
  return GINT_TO_POINTER (clr_store_review_decide_full (self, (const gint64 *) data->ids->data, data->ids->len,
                                                        &decision, data->reviewer, error));
}

void
clr_store_review_decide_async (ClrStore            *self,
                               gint64               id,
                               ClrReviewStatus      status,
                               ClrReviewReason      reason,
                               const char          *note,
                               const char          *reviewer,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  clr_store_review_decide_many_async (self, &id, 1, status, reason, note, reviewer, cancellable, callback, user_data);
}

void
clr_store_review_decide_many_async (ClrStore            *self,
                                    const gint64        *ids,
                                    guint                n_ids,
                                    ClrReviewStatus      status,
                                    ClrReviewReason      reason,
                                    const char          *note,
                                    const char          *reviewer,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ClrReviewDecision decision = { status, reason, note, NULL, FALSE };

  clr_store_review_decide_full_async (self, ids, n_ids, &decision, reviewer, cancellable, callback, user_data);
}

static void
run_decide_task (ClrStore            *self,
                 ReviewTaskData      *data,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  _clr_store_task_run (self, clr_store_review_decide_async, CLR_STORE_TASK_DEFAULT, decide_func,
                       data, (GDestroyNotify) review_task_data_free, NULL,
                       cancellable, callback, user_data);
}

void
clr_store_review_decide_full_async (ClrStore                *self,
                                    const gint64            *ids,
                                    guint                    n_ids,
                                    const ClrReviewDecision *decision,
                                    const char              *reviewer,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  ReviewTaskData *data;

  g_return_if_fail (CLR_IS_STORE (self));

  data = g_new0 (ReviewTaskData, 1);
  data->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (data->ids, ids, n_ids);
  data->status = decision->status;
  data->reason = decision->reason;
  data->note = g_strdup (decision->note);
  data->recipient = g_strdup (decision->recipient);
  data->change = decision->change;
  data->reviewer = g_strdup (reviewer);
  run_decide_task (self, data, cancellable, callback, user_data);
}

void
clr_store_review_restore_async (ClrStore            *self,
                                GPtrArray           *previous,
                                const char          *reviewer,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ReviewTaskData *data;

  g_return_if_fail (CLR_IS_STORE (self));
  g_return_if_fail (previous != NULL);

  data = g_new0 (ReviewTaskData, 1);
  data->previous = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
  for (guint i = 0; i < previous->len; i++)
    g_ptr_array_add (data->previous, clr_review_item_ref (g_ptr_array_index (previous, i)));
  data->reviewer = g_strdup (reviewer);
  run_decide_task (self, data, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_review_decide_finish, ClrStore, boolean)
