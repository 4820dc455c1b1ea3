/* clr-shipment-session-hold.c — ClrShipmentSession: holding the open case, so
 * that a case open in two apps is edited in one (clr-store-case-hold.h)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a case takes its hold and renews it every
 * CLR_CASE_HOLD_RENEW_SECONDS while it is open (a lease, not polling for
 * data); switching cases, a new case and closing give it up. When another
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

static gboolean
renew_cb (gpointer user_data)
{
  ClrShipmentSession *self = user_data;

  /* Taking it again re-arms the renewal. */
  self->hold_renew_id = 0;
  _clr_shipment_session_hold_take (self, self->held_case_id);
  return G_SOURCE_REMOVE;
}

void
_clr_shipment_session_hold_take (ClrShipmentSession *self,
                                 gint64              case_id)
{
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || case_id == 0)
    {
      set_held_by (self, NULL);
      return;
    }

  if (clr_store_case_hold (self->store, case_id, NULL, &other, &error))
    {
      self->held_case_id = case_id;
      if (self->hold_renew_id == 0)
        self->hold_renew_id = g_timeout_add_seconds (CLR_CASE_HOLD_RENEW_SECONDS, renew_cb, self);
      set_held_by (self, NULL);
      return;
    }

  if (other != NULL)
    {
      /* Another program has it (ours had lapsed, if we held it). */
      self->held_case_id = 0;
      g_clear_handle_id (&self->hold_renew_id, g_source_remove);
      set_held_by (self, g_steal_pointer (&other));
      return;
    }

  /* A database that cannot record holds (opened read-only: its own errors
   * tell the user when a save fails), or a server out of reach for a
   * moment: a hold of ours is renewed again later. */
  g_debug ("Could not take case %" G_GINT64_FORMAT " for editing: %s", case_id, error->message);
  if (self->held_case_id == case_id && self->hold_renew_id == 0)
    self->hold_renew_id = g_timeout_add_seconds (CLR_CASE_HOLD_RENEW_SECONDS, renew_cb, self);
  set_held_by (self, NULL);
}

void
_clr_shipment_session_hold_drop (ClrShipmentSession *self)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = self->held_case_id;

  g_clear_handle_id (&self->hold_renew_id, g_source_remove);
  self->held_case_id = 0;
  set_held_by (self, NULL);
  if (case_id != 0 && self->store != NULL && !clr_store_case_release (self->store, case_id, &error))
    g_debug ("Could not release case %" G_GINT64_FORMAT ": %s (it ends by itself)", case_id, error->message);
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
