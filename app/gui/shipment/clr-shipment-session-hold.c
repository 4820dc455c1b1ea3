/* clr-shipment-session-hold.c — ClrShipmentSession: holding the open case, so
 * that a case open in two apps is edited in one (clr-store-case-hold.h)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a case takes its hold and renews it every
 * CLR_CASE_HOLD_RENEW_SECONDS while it is open (a lease, not polling for
 * data); switching cases, a new case and closing give it up. Every take,
 * renewal and release runs in a worker thread (a team server may be slow
 * or out of reach), one at a time; only closing the window releases at
 * once, beside the last save. When another
 * program holds the case, the session is read-only: it shows the case,
 * keeps no edits and stores no result, until the hold is free again — when
 * that program announces the release on a team database
 * (ClrStore::external-change "case.release"), or when the user tries again
 * (clr_shipment_session_try_again()).
 */

#include "config.h"

#include "clr-shipment-session-private.h"

#define properties _clr_shipment_session_properties

static void
set_held_by (ClrShipmentSession *self,
             ClrCaseHold        *hold)
{
  gboolean was = self->held_by != NULL;

  g_clear_pointer (&self->held_by, clr_case_hold_free);
  self->held_by = hold;
  if (was != (hold != NULL) || hold != NULL)
    {
      self->flags[SESSION_PROP_READ_ONLY] = hold != NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[SESSION_PROP_READ_ONLY]);
    }
}

/* The one hold operation in flight at a time: takes and releases run in
 * worker threads in any order, so the session runs them one after the
 * other, towards the case it wants held (hold_sync()). */
typedef struct
{
  ClrShipmentSession *self;
  gint64              case_id;
} HoldOp;

static void hold_sync (ClrShipmentSession *self);

static HoldOp *
hold_op_new (ClrShipmentSession *self,
             gint64              case_id)
{
  HoldOp *op = g_new0 (HoldOp, 1);

  op->self = g_object_ref (self);
  op->case_id = case_id;
  self->hold_busy = TRUE;
  self->hold_op_case_id = case_id;
  return op;
}

static void
hold_op_free (HoldOp *op)
{
  op->self->hold_busy = FALSE;
  op->self->hold_op_case_id = 0;
  hold_sync (op->self);
  g_object_unref (op->self);
  g_free (op);
}

static gboolean
renew_cb (gpointer user_data)
{
  ClrShipmentSession *self = user_data;

  self->hold_renew_id = 0;
  self->hold_renew_due = TRUE;
  hold_sync (self);
  return G_SOURCE_REMOVE;
}

static void
arm_renewal (ClrShipmentSession *self)
{
  if (self->hold_renew_id == 0)
    self->hold_renew_id = g_timeout_add_seconds (CLR_CASE_HOLD_RENEW_SECONDS, renew_cb, self);
}

static void
taken_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HoldOp *op = user_data;
  ClrShipmentSession *self = op->self;
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(GError) error = NULL;
  gboolean taken = clr_store_case_hold_finish (CLR_STORE (object), result, &other, &error);
  gboolean wanted = op->case_id == self->want_case_id;

  if (taken)
    {
      self->held_case_id = op->case_id;
      if (wanted)
        {
          arm_renewal (self);
          set_held_by (self, NULL);
        }
    }
  else if (other != NULL)
    {
      /* Another program has it (ours had lapsed, if we held it). */
      if (self->held_case_id == op->case_id)
        self->held_case_id = 0;
      if (wanted)
        {
          g_clear_handle_id (&self->hold_renew_id, g_source_remove);
          set_held_by (self, g_steal_pointer (&other));
        }
    }
  else
    {
      /* A database that cannot record holds (opened read-only: its own
       * errors tell the user when a save fails), or a server out of reach
       * for a moment: a hold of ours is renewed again later. */
      g_debug ("Could not take case %" G_GINT64_FORMAT " for editing: %s", op->case_id, error->message);
      if (wanted && self->held_case_id == op->case_id)
        arm_renewal (self);
      if (wanted)
        set_held_by (self, NULL);
    }
  hold_op_free (op);
}

static void
released_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HoldOp *op = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_case_release_finish (CLR_STORE (object), result, &error))
    g_debug ("Could not release case %" G_GINT64_FORMAT ": %s (it ends by itself)", op->case_id, error->message);
  hold_op_free (op);
}

/* Starts the next operation towards holding want_case_id (0: nothing):
 * give up the case held, then take (or renew) the one wanted when
 * hold_renew_due says so. */
static void
hold_sync (ClrShipmentSession *self)
{
  if (self->hold_busy || self->hold_closed || self->store == NULL)
    return;

  if (self->held_case_id != 0 && self->held_case_id != self->want_case_id)
    {
      gint64 case_id = self->held_case_id;

      /* Given up whatever the database answers: it ends by itself. */
      self->held_case_id = 0;
      clr_store_case_release_async (self->store, case_id, NULL, released_cb, hold_op_new (self, case_id));
      return;
    }
  /* Taken when asked (opening, Try Again) and when due for renewal; not
   * again and again while another program has it. */
  if (self->want_case_id != 0 && self->hold_renew_due)
    {
      self->hold_renew_due = FALSE;
      clr_store_case_hold_async (self->store, self->want_case_id, NULL, NULL, taken_cb,
                                 hold_op_new (self, self->want_case_id));
    }
}

void
_clr_shipment_session_hold_take (ClrShipmentSession *self,
                                 gint64              case_id)
{
  if (self->store == NULL || case_id == 0)
    {
      _clr_shipment_session_hold_drop (self);
      return;
    }

  /* Taking it again (a reopened case, Try Again) asks the database anew. */
  self->want_case_id = case_id;
  self->hold_renew_due = TRUE;
  hold_sync (self);
}

void
_clr_shipment_session_hold_drop (ClrShipmentSession *self)
{
  g_clear_handle_id (&self->hold_renew_id, g_source_remove);
  self->want_case_id = 0;
  self->hold_renew_due = FALSE;
  set_held_by (self, NULL);
  hold_sync (self);
}

void
_clr_shipment_session_hold_release_now (ClrShipmentSession *self)
{
  gint64 cases[2] = { self->held_case_id, self->hold_op_case_id };

  g_clear_handle_id (&self->hold_renew_id, g_source_remove);
  self->want_case_id = 0;
  self->hold_renew_due = FALSE;
  self->hold_closed = TRUE;
  set_held_by (self, NULL);
  self->held_case_id = 0;
  if (self->store == NULL)
    return;

  /* The case held, and the one a take in flight is for: that take may
   * have committed already (its answer not yet heard). One still waiting
   * for the database would hold the case until its lease ends. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (cases[i] == 0 || (i > 0 && cases[i] == cases[0]))
        continue;
      if (!clr_store_case_release (self->store, cases[i], &error))
        g_debug ("Could not release case %" G_GINT64_FORMAT ": %s (it ends by itself)", cases[i], error->message);
    }
}

static void
external_change_cb (ClrShipmentSession *self,
                    const char         *action,
                    gint64              case_id,
                    const char         *subject)
{
  if (self->held_by != NULL && g_strcmp0 (action, "case.release") == 0
      && case_id == clr_shipment_session_get_case_id (self))
    clr_shipment_session_try_again (self);
}

void
_clr_shipment_session_hold_watch (ClrShipmentSession *self)
{
  if (self->store != NULL)
    g_signal_connect_object (self->store, "external-change",
                             G_CALLBACK (external_change_cb), self, G_CONNECT_SWAPPED);
}

gboolean
clr_shipment_session_get_read_only (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), FALSE);
  return self->held_by != NULL;
}

const ClrCaseHold *
clr_shipment_session_get_held_by (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);
  return self->held_by;
}

void
clr_shipment_session_try_again (ClrShipmentSession *self)
{
  gint64 case_id;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  case_id = clr_shipment_session_get_case_id (self);
  /* Reloaded: the other program may have changed the case. Loading it
   * takes the hold when it is free. */
  if (self->held_by != NULL && case_id != 0)
    clr_shipment_session_open_case (self, case_id);
}
