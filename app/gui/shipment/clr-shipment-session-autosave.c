/* clr-shipment-session-autosave.c — ClrShipmentSession: autosave of the open case,
 * debounced, off the main thread, never losing the newest document (close and
 * crash safe)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-shipment-session-private.h"

/* Autosave after this long without typing. */
#define SAVE_DELAY_MS 400

#define properties _clr_shipment_session_properties
#define signals    _clr_shipment_session_signals

typedef struct
{
  gint64   case_id;
  gboolean created;
  gboolean wrote;
} WriteResult;

/* Called with lock held. */
static gboolean
write_pending_locked (ClrShipmentSession *self,
                      WriteResult        *out,
                      GError            **error)
{
  g_autoptr(JsonNode) document = g_steal_pointer (&self->pending);

  out->case_id = self->case_id;
  out->created = FALSE;
  out->wrote = FALSE;
  if (document == NULL)
    return TRUE;

  if (self->case_id == 0)
    {
      gint64 id = clr_store_create_case (self->store, document, error);

      if (id == 0)
        {
          self->pending = g_steal_pointer (&document);
          return FALSE;
        }
      self->case_id = id;
      out->created = TRUE;
    }
  else if (!clr_store_save_case (self->store, self->case_id, document, error))
    {
      /* Keep it for the next attempt, unless something newer arrived meanwhile. */
      if (self->pending == NULL)
        self->pending = g_steal_pointer (&document);
      return FALSE;
    }
  out->case_id = self->case_id;
  out->wrote = TRUE;
  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ClrShipmentSession *self = source_object;
  WriteResult *result = g_new0 (WriteResult, 1);
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = write_pending_locked (self, result, &error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    {
      g_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, g_free);
}

static void
saved (ClrShipmentSession *self,
       WriteResult        *result)
{
  if (!result->wrote)
    return;
  if (result->created)
    {
      _clr_shipment_session_hold_take (self, result->case_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[SESSION_PROP_CASE_ID]);
    }
  g_signal_emit (self, signals[SESSION_CASES_CHANGED], 0, result->created);
  if (self->unsaved_result != NULL)
    {
      g_autoptr(JsonNode) unsaved = g_steal_pointer (&self->unsaved_result);

      _clr_shipment_session_store_result (self, unsaved);
    }
}

static void
save_failed (ClrShipmentSession *self,
             const char         *message)
{
  /* Translators: autosave failed; the reason follows */
  g_autofree char *text = g_strdup_printf (_("Could not save the case: %s"), message);

  _clr_shipment_session_say (self, text);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  ClrShipmentSession *self = CLR_SHIPMENT_SESSION (object);
  g_autoptr(GError) error = NULL;
  g_autofree WriteResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    save_failed (self, error->message);
  else
    saved (self, result);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  ClrShipmentSession *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, write_done_cb, NULL);

  self->save_timeout_id = 0;
  g_task_set_source_tag (task, save_timeout_cb);
  g_task_run_in_thread (task, write_thread);
  return G_SOURCE_REMOVE;
}

gboolean
clr_shipment_session_flush (ClrShipmentSession  *self,
                            GError             **error)
{
  WriteResult result;
  gboolean ok;

  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), FALSE);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (self->store == NULL)
    return TRUE;
  g_mutex_lock (&self->lock);
  ok = write_pending_locked (self, &result, error);
  g_mutex_unlock (&self->lock);
  if (ok)
    saved (self, &result);
  return ok;
}

gboolean
clr_shipment_session_save_now (ClrShipmentSession *self)
{
  g_autoptr(GError) error = NULL;

  if (clr_shipment_session_flush (self, &error))
    return TRUE;
  save_failed (self, error->message);
  return FALSE;
}

/* Switches to case @case_id (flushed before). */
void
_clr_shipment_session_set_case_id (ClrShipmentSession *self,
             gint64              case_id)
{
  g_mutex_lock (&self->lock);
  if (self->pending != NULL)
    g_warning ("Switching cases with an unsaved document: flush first");
  g_clear_pointer (&self->pending, json_node_unref);
  self->case_id = case_id;
  g_mutex_unlock (&self->lock);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[SESSION_PROP_CASE_ID]);
}

void
clr_shipment_session_edit (ClrShipmentSession *self,
                           JsonNode           *document)
{
  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (document != NULL);

  self->generation++;
  clr_shipment_session_mark_outdated (self, _("The shipment was edited"));
  /* Another program has the case: nothing is saved over its edits. */
  if (self->store == NULL || self->held_by != NULL)
    return;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, json_node_unref);
  self->pending = json_node_copy (document);
  g_mutex_unlock (&self->lock);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

gint64
clr_shipment_session_get_case_id (ClrShipmentSession *self)
{
  gint64 id;

  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), 0);

  g_mutex_lock (&self->lock);
  id = self->case_id;
  g_mutex_unlock (&self->lock);
  return id;
}

gboolean
clr_shipment_session_get_has_case (ClrShipmentSession *self)
{
  gboolean has_case;

  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), FALSE);

  g_mutex_lock (&self->lock);
  has_case = self->store != NULL && (self->case_id != 0 || self->pending != NULL);
  g_mutex_unlock (&self->lock);
  return has_case;
}

