/* clr-review-claim-card.c — claiming a review item in the review detail, so
 * two reviewers of a team database do not work on the same hit
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "audit/clr-audit-event.h"
#include "clr-store-review-claim.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-widget.h"

#include "clr-review-claim-card.h"

typedef enum
{
  HOLDER_UNKNOWN,
  HOLDER_NOBODY,
  HOLDER_ME,
  HOLDER_OTHER,
} Holder;

struct _ClrReviewClaimCard
{
  AdwBin        parent_instance;

  /* template */
  GtkLabel     *claim_label;
  GtkButton    *claim_button;
  GtkButton    *release_button;
  GtkLabel     *feedback_label;

  ClrStore     *store;
  /* the claim read and the claim or release being stored */
  GCancellable *read_cancellable;
  GCancellable *write_cancellable;
  gint64        item_id;
  Holder        holder;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrReviewClaimCard, clr_review_claim_card, ADW_TYPE_BIN)

/**
 * ClrReviewClaimCard:store:
 *
 * Where the claim is read and stored, and whose user "I" am.
 */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_OBJECT ("store", ClrReviewClaimCard, store, clr_store_get_type, G_PARAM_READWRITE),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

static void
set_holder (ClrReviewClaimCard   *self,
            Holder                holder,
            const ClrReviewClaim *claim)
{
  g_autofree char *until = claim != NULL ? clr_audit_format_time (claim->expires_at) : NULL;
  g_autofree char *text = NULL;

  self->holder = holder;
  switch (holder)
    {
    case HOLDER_ME:
      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("You are reviewing this item until %s"), until);
      break;
    case HOLDER_OTHER:
      /* Translators: a reviewer's name, their user name, a date and time */
      text = g_strdup_printf (_("%s (%s) is reviewing this item until %s"),
                              claim->claimed_by != NULL ? claim->claimed_by : _("unknown"),
                              claim->claimed_by_user != NULL ? claim->claimed_by_user : "?", until);
      break;
    case HOLDER_NOBODY:
      text = g_strdup (_("Nobody is reviewing this item. Claim it so that no one else works on it meanwhile."));
      break;
    case HOLDER_UNKNOWN:
    default:
      text = g_strdup ("");
      break;
    }
  gtk_label_set_text (self->claim_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->claim_label), text[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->claim_button), holder == HOLDER_NOBODY);
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), holder == HOLDER_ME);
  gtk_widget_set_sensitive (GTK_WIDGET (self->claim_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
claim_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ClrReviewClaimCard) self = user_data;
  g_autoptr(ClrReviewClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  claim = clr_store_review_get_claim_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      set_holder (self, HOLDER_UNKNOWN, NULL);
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Who is reviewing this item could not be read: %s"), error->message);
      clr_widget_show_message (self->feedback_label, message, TRUE);
      return;
    }
  if (claim == NULL)
    set_holder (self, HOLDER_NOBODY, NULL);
  else if (g_strcmp0 (claim->claimed_by_user, clr_store_get_user (CLR_STORE (object))) == 0)
    set_holder (self, HOLDER_ME, claim);
  else
    set_holder (self, HOLDER_OTHER, claim);
}

static void
read_claim (ClrReviewClaimCard *self)
{
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  if (self->store == NULL || self->item_id <= 0)
    return;
  self->read_cancellable = g_cancellable_new ();
  clr_store_review_get_claim_async (self->store, self->item_id, self->read_cancellable, claim_read_cb,
                                    g_object_ref (self));
}

void
clr_review_claim_card_set_item (ClrReviewClaimCard  *self,
                                const ClrReviewItem *item)
{
  gboolean open;

  g_return_if_fail (CLR_IS_REVIEW_CLAIM_CARD (self));
  g_return_if_fail (item != NULL);

  open = item->status == CLR_REVIEW_STATUS_OPEN;
  if (self->item_id != item->id || !open)
    {
      /* Another item: what this one's claim was is not known yet. */
      g_cancellable_cancel (self->write_cancellable);
      g_clear_object (&self->write_cancellable);
      clr_widget_show_message (self->feedback_label, NULL, TRUE);
      set_holder (self, HOLDER_UNKNOWN, NULL);
    }
  self->item_id = item->id;
  gtk_widget_set_visible (GTK_WIDGET (self), open && self->store != NULL);
  if (open)
    read_claim (self);
  else
    {
      g_cancellable_cancel (self->read_cancellable);
      g_clear_object (&self->read_cancellable);
    }
}

gboolean
clr_review_claim_card_get_held_by_other (ClrReviewClaimCard *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_CLAIM_CARD (self), FALSE);

  return self->holder == HOLDER_OTHER;
}

const char *
clr_review_claim_card_get_text (ClrReviewClaimCard *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_CLAIM_CARD (self), NULL);

  return self->holder == HOLDER_ME || self->holder == HOLDER_OTHER ? gtk_label_get_text (self->claim_label) : "";
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ClrReviewClaimCard) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean claimed = g_async_result_is_tagged (result, clr_store_review_claim_async);
  gboolean ok;

  ok = claimed ? clr_store_review_claim_finish (CLR_STORE (object), result, &error)
               : clr_store_review_release_finish (CLR_STORE (object), result, &error);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!ok)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, e.g. "Item 4 is being reviewed by Ben (ben) until …" */
      message = g_strdup_printf (claimed ? _("Not claimed: %s") : _("Not released: %s"), error->message);
      clr_widget_show_message (self->feedback_label, message, TRUE);
    }
  else
    clr_widget_show_message (self->feedback_label, NULL, TRUE);
  /* Whoever holds it now, as the store says. */
  read_claim (self);
}

static void
begin_write (ClrReviewClaimCard *self)
{
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->write_cancellable);
  self->write_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->claim_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), FALSE);
}

static void
claim_clicked_cb (ClrReviewClaimCard *self)
{
  if (self->store == NULL || self->item_id <= 0)
    return;
  begin_write (self);
  clr_store_review_claim_async (self->store, self->item_id, CLR_REVIEW_CLAIM_DEFAULT_MINUTES,
                                self->write_cancellable, written_cb, g_object_ref (self));
}

static void
release_clicked_cb (ClrReviewClaimCard *self)
{
  if (self->store == NULL || self->item_id <= 0)
    return;
  begin_write (self);
  clr_store_review_release_async (self->store, self->item_id, self->write_cancellable, written_cb,
                                  g_object_ref (self));
}

static void
clr_review_claim_card_dispose (GObject *object)
{
  ClrReviewClaimCard *self = CLR_REVIEW_CLAIM_CARD (object);

  g_cancellable_cancel (self->read_cancellable);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->read_cancellable);
  g_clear_object (&self->write_cancellable);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_CLAIM_CARD);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (clr_review_claim_card_parent_class)->dispose (object);
}

static void
clr_review_claim_card_class_init (ClrReviewClaimCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_claim_card_dispose;
  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);

  /**
   * ClrReviewClaimCard::changed:
   *
   * The claim on the shown item was read again (or is no longer known).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/review/clr-review-claim-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewClaimCard, claim_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewClaimCard, claim_button);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewClaimCard, release_button);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewClaimCard, feedback_label);
  gtk_widget_class_bind_template_callback (widget_class, claim_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, release_clicked_cb);
}

static void
clr_review_claim_card_init (ClrReviewClaimCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
