/* clr-review-approval.c — four-eyes release in the review detail: who cleared
 * an item that waits for approval, and the Approve button for another reviewer
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "audit/clr-audit-event.h"
#include "clr-store-review-approval.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-widget.h"

#include "clr-review-approval.h"

struct _ClrReviewApproval
{
  AdwBin        parent_instance;

  /* template */
  GtkLabel     *heading_label;
  GtkLabel     *detail_label;
  GtkButton    *approve_button;
  GtkLabel     *feedback_label;

  ClrStore     *store;
  GCancellable *cancellable;
  gint64        item_id;
};

G_DEFINE_FINAL_TYPE (ClrReviewApproval, clr_review_approval, ADW_TYPE_BIN)

/**
 * ClrReviewApproval:store:
 *
 * Where the approval is stored, and whose user may not approve.
 */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_OBJECT ("store", ClrReviewApproval, store, clr_store_get_type, G_PARAM_READWRITE),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

void
clr_review_approval_set_item (ClrReviewApproval   *self,
                              const ClrReviewItem *item)
{
  gboolean awaiting;
  gboolean own;

  g_return_if_fail (CLR_IS_REVIEW_APPROVAL (self));
  g_return_if_fail (item != NULL);

  if (self->item_id != item->id)
    clr_widget_show_feedback (self->feedback_label, NULL, FALSE);
  self->item_id = item->id;
  awaiting = clr_review_item_is_awaiting_approval (item);
  gtk_widget_set_visible (GTK_WIDGET (self), awaiting || clr_review_item_is_approved (item));
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), awaiting);

  if (awaiting)
    {
      g_autofree char *when = clr_audit_format_time (item->decided_at);
      g_autofree char *text = NULL;

      own = self->store != NULL && g_strcmp0 (clr_store_get_user (self->store), item->decided_by_user) == 0;
      gtk_label_set_text (self->heading_label, _("Awaiting Approval"));
      /* Translators: the reviewer's name, their user name, a date and time */
      text = g_strdup_printf (_("Cleared as not a match by %s (%s) on %s. Four-eyes release: another reviewer "
                                "must approve it before it clears the hit."),
                              item->decided_by != NULL ? item->decided_by : _("unknown"),
                              item->decided_by_user != NULL ? item->decided_by_user : "?", when);
      if (own)
        {
          g_autofree char *with_own = g_strdup_printf ("%s\n%s", text,
                                                       _("You decided this item; another reviewer must approve it."));
          gtk_label_set_text (self->detail_label, with_own);
        }
      else
        gtk_label_set_text (self->detail_label, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->approve_button), self->store != NULL && !own);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->approve_button),
                                   own ? _("You decided this item; another reviewer must approve it")
                                       : _("Approve this clearance: the hit is cleared from now on"));
    }
  else if (clr_review_item_is_approved (item))
    {
      g_autofree char *when = clr_audit_format_time (item->approved_at);
      g_autofree char *text = NULL;

      gtk_label_set_text (self->heading_label, _("Approved"));
      /* Translators: approver, their user name, date and time, the reviewer who decided */
      text = g_strdup_printf (_("Approved by %s (%s) on %s; cleared by %s."),
                              item->approved_by != NULL ? item->approved_by : _("unknown"),
                              item->approved_by_user != NULL ? item->approved_by_user : "?", when,
                              item->decided_by != NULL ? item->decided_by : _("unknown"));
      gtk_label_set_text (self->detail_label, text);
    }
}

static void
approved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClrReviewApproval) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_review_approve_finish (CLR_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is why, e.g. "You decided this item; another reviewer must approve it" */
      message = g_strdup_printf (_("Not approved: %s"), error->message);
      clr_widget_show_feedback (self->feedback_label, message, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->approve_button), TRUE);
      return;
    }

  clr_widget_show_feedback (self->feedback_label, _("Approved: the hit is cleared"), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "review.reload", NULL);
}

static void
approve_clicked_cb (ClrReviewApproval *self)
{
  if (self->store == NULL || self->item_id <= 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->approve_button), FALSE);
  /* NULL: the store's reviewer (the name set in Preferences). */
  clr_store_review_approve_async (self->store, self->item_id, NULL, self->cancellable, approved_cb,
                                  g_object_ref (self));
}

static void
clr_review_approval_dispose (GObject *object)
{
  ClrReviewApproval *self = CLR_REVIEW_APPROVAL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_APPROVAL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (clr_review_approval_parent_class)->dispose (object);
}

static void
clr_review_approval_class_init (ClrReviewApprovalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_approval_dispose;
  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/review/clr-review-approval.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewApproval, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewApproval, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewApproval, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewApproval, feedback_label);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
}

static void
clr_review_approval_init (ClrReviewApproval *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
