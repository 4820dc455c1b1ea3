/* clr-review-page-decide.c — the Review page's decisions: store one (for a
 * whole list family when asked), move on, and undo it
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "audit/clr-audit-event.h"
#include "widgets/clr-widget.h"

#include "clr-review-page-private.h"

typedef struct
{
  ClrReviewPage   *self;      /* a reference */
  gint64           id;
  ClrReviewStatus  status;    /* OPEN: an undo */
  GPtrArray       *previous;  /* ClrReviewItem *, as before the decision */
} DecideData;

static void
decide_data_free (DecideData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->previous, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DecideData, decide_data_free)

static void
undo_clicked_cb (AdwToast      *toast,
                 ClrReviewPage *self)
{
  clr_review_page_undo (self);
}

/* The toast of a stored decision, with Undo. */
static void
show_decision_toast (ClrReviewPage *self,
                     const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  clr_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DecideData) data = user_data;
  ClrReviewPage *self = data->self;
  g_autoptr(GError) error = NULL;
  ClrReviewStatus status = data->status;
  gint64 id = data->id;
  g_autofree char *message = NULL;

  self->busy = FALSE;
  _clr_review_page_update_actions (self);

  if (!clr_store_review_decide_finish (CLR_STORE (object), result, &error))
    {
      if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED) && data->previous != NULL)
        {
          /* Someone decided meanwhile: nothing was stored. Read the queue
           * again and show the item as it is now, with who decided it. */
          g_clear_pointer (&self->refused, g_ptr_array_unref);
          self->refused = g_steal_pointer (&data->previous);
          self->select_after_load = id;
          clr_review_page_reload (self);
          return;
        }
      /* Translators: %s is the reason. */
      message = g_strdup_printf (status == CLR_REVIEW_STATUS_OPEN ? _("The decision was not undone: %s")
                                                                  : _("The decision was not saved: %s"),
                                 error->message);
      clr_review_detail_set_feedback (self->detail, message, TRUE);
      if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED))
        {
          /* Another reviewer holds it: say so, and show their claim. */
          clr_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
          self->select_after_load = id;
          clr_review_page_reload (self);
        }
      return;
    }

  if (status == CLR_REVIEW_STATUS_OPEN)
    {
      /* Undone: show the item again, with what it had before. */
      message = g_strdup (_("Decision undone"));
      clr_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
      g_clear_pointer (&self->undo_items, g_ptr_array_unref);
      self->select_after_load = id;
      clr_review_page_reload (self);
      self->saved_id = id;
      clr_review_detail_set_feedback (self->detail, message, FALSE);
      g_signal_emit_by_name (self, "decided", id, (int) status);
      return;
    }

  /* Translators: %s is a decision such as "Not a match". */
  message = g_strdup_printf (_("Decision saved: %s"), clr_review_status_get_label (status));
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  self->undo_items = g_steal_pointer (&data->previous);
  show_decision_toast (self, message);

  /* Move on to the next item of the same view, the fast way through a queue. */
  {
    guint position = gtk_single_selection_get_selected (self->selection);
    GListModel *model = G_LIST_MODEL (self->selection);
    guint n = g_list_model_get_n_items (model);
    int filter_status = clr_review_filter_bar_get_status (self->filter_bar);

    self->select_after_load = id;
    /* The decided item leaves a view of another status: show its successor. */
    if (position != GTK_INVALID_LIST_POSITION && filter_status != -1
        && filter_status != (int) status && n > 1)
      {
        g_autoptr(ClrReviewQueueItem) next = g_list_model_get_item (model, position + 1 < n ? position + 1
                                                                                          : position - 1);
        self->select_after_load = clr_review_queue_item_get_item (next)->id;
      }
  }

  g_signal_emit_by_name (self, "decided", id, (int) status);
  clr_review_page_reload (self);
  self->saved_id = id;
  clr_review_detail_set_feedback (self->detail, message, FALSE);
}

/* The page is busy until decided_cb. The reviewer recorded is the store's
 * (the application gives it the Reviewer Name preference, see apply_reviewer()). */
static DecideData *
begin_decision (ClrReviewPage    *self,
                gint64            id,
                ClrReviewStatus   status)
{
  DecideData *data = g_new0 (DecideData, 1);

  self->busy = TRUE;
  _clr_review_page_update_actions (self);
  data->self = g_object_ref (self);
  data->id = id;
  data->status = status;
  return data;
}

void
_clr_review_page_report_refused (ClrReviewPage *self)
{
  g_autoptr(GPtrArray) refused = g_steal_pointer (&self->refused);
  ClrReviewItem *decided = NULL;
  g_autofree char *message = NULL;
  g_autofree char *when = NULL;
  const char *name;

  /* the first of them someone decided (the page sent them as open) */
  for (guint i = 0; decided == NULL && i < refused->len; i++)
    {
      ClrReviewItem *now = clr_review_queue_lookup (self->queue, ((ClrReviewItem *) g_ptr_array_index (refused, i))->id);

      if (now != NULL && now->status != CLR_REVIEW_STATUS_OPEN)
        decided = now;
    }
  if (decided == NULL)
    {
      message = g_strdup (_("Someone else decided this item meanwhile. Nothing was changed."));
    }
  else
    {
      when = clr_audit_format_time (decided->decided_at);
      name = decided->decided_by != NULL ? decided->decided_by : _("unknown");
      if (decided->decided_by_user != NULL)
        /* Translators: item number, display name, user name, date and time, decision such as "Not a match" */
        message = g_strdup_printf (_("Item %" PRId64 " was already decided by %s (%s) at %s: %s. Nothing was changed."),
                                   decided->id, name, decided->decided_by_user, when,
                                   clr_review_status_get_label (decided->status));
      else
        /* Translators: item number, display name, date and time, decision such as "Not a match" */
        message = g_strdup_printf (_("Item %" PRId64 " was already decided by %s at %s: %s. Nothing was changed."),
                                   decided->id, name, when, clr_review_status_get_label (decided->status));
    }
  clr_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
  clr_review_detail_set_feedback (self->detail, message, TRUE);
}

gboolean
clr_review_page_undo (ClrReviewPage *self)
{
  DecideData *data;

  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), FALSE);

  if (self->undo_items == NULL || clr_page_get_store (CLR_PAGE (self)) == NULL || self->busy)
    return FALSE;
  data = begin_decision (self, ((ClrReviewItem *) g_ptr_array_index (self->undo_items, 0))->id,
                         CLR_REVIEW_STATUS_OPEN);
  /* A new audited decision that puts back each item's earlier one. */
  clr_store_review_restore_async (clr_page_get_store (CLR_PAGE (self)), self->undo_items, NULL, NULL,
                                  decided_cb, data);
  return TRUE;
}

gboolean
clr_review_page_decide (ClrReviewPage   *self,
                        ClrReviewStatus  status)
{
  ClrReviewReason reason;
  g_autoptr(GArray) ids = NULL;
  ClrReviewFamily *family;
  ClrReviewItem *shown;
  ClrReviewDecision decision = { 0 };
  DecideData *data;
  const char *note, *recipient;
  gboolean whole_family;

  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (status != CLR_REVIEW_STATUS_OPEN, FALSE);

  shown = self->shown_id != 0 ? clr_review_queue_lookup (self->queue, self->shown_id) : NULL;
  if (shown == NULL || clr_page_get_store (CLR_PAGE (self)) == NULL)
    {
      clr_review_detail_set_feedback (self->detail, _("Select an item in the queue first."), TRUE);
      return FALSE;
    }
  if (self->busy)
    return FALSE;

  reason = clr_review_detail_get_form (self->detail, &note, &recipient, &whole_family);
  if (reason == CLR_REVIEW_REASON_NONE || reason > CLR_REVIEW_REASON_OTHER)
    {
      clr_review_detail_set_feedback (self->detail, _("Choose a reason for the decision first."), TRUE);
      clr_review_detail_focus_reason (self->detail);
      return FALSE;
    }

  data = begin_decision (self, self->shown_id, status);
  data->previous = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);

  /* the shown item, and with the family switch on every open member */
  family = whole_family ? clr_review_queue_get_family (self->queue, self->shown_id) : NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, self->shown_id);
  g_ptr_array_add (data->previous, clr_review_item_ref (shown));
  for (guint i = 0; family != NULL && i < family->members->len; i++)
    {
      ClrReviewItem *member = g_ptr_array_index (family->members, i);

      if (member->id != self->shown_id && member->status == CLR_REVIEW_STATUS_OPEN)
        {
          g_array_append_val (ids, member->id);
          g_ptr_array_add (data->previous, clr_review_item_ref (member));
        }
    }
  decision.status = status;
  decision.reason = reason;
  decision.note = note[0] != '\0' ? note : NULL;
  decision.recipient = status == CLR_REVIEW_STATUS_ESCALATED ? recipient : NULL;
  /* after Change Decision on a decided item: an explicit change; else the
   * store refuses an item someone decided meanwhile */
  decision.change = clr_review_detail_get_changing (self->detail);
  clr_store_review_decide_full_async (clr_page_get_store (CLR_PAGE (self)), (const gint64 *) ids->data, ids->len, &decision,
                                      NULL, NULL, decided_cb, data);
  return TRUE;
}
