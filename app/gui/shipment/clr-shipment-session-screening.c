/* clr-shipment-session-screening.c — ClrShipmentSession: inline screening of the
 * parties, recording an inline hit for review, and review decisions that
 * outdate the result
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-shipment-session-private.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"

#define signals _clr_shipment_session_signals

/* ---- The screening lists ----------------------------------------------- */

static void
matcher_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher_finish (CLR_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (matcher == NULL)
    {
      _clr_shipment_session_set_flag (self, SESSION_PROP_LISTS_LOADING, FALSE);
      _clr_shipment_session_report_error (self, error);
      return;
    }
  /* Lists imported since the result was made: it may miss new hits. */
  if (self->matcher != NULL && self->matcher != matcher)
    clr_shipment_session_mark_outdated (self, _("Lists updated since this result"));
  g_set_object (&self->matcher, matcher);
  /* First run: nothing to screen against until lists are loaded. */
  _clr_shipment_session_set_flag (self, SESSION_PROP_LISTS_EMPTY, clr_matcher_get_n_entries (matcher) == 0);
  _clr_shipment_session_set_flag (self, SESSION_PROP_LISTS_LOADING, FALSE);
}

void
clr_shipment_session_load_lists (ClrShipmentSession *self)
{
  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  if (self->store == NULL || self->flags[SESSION_PROP_LISTS_LOADING])
    return;
  /* The store's shared matcher is built at start (seconds on the full lists);
   * Evaluate then reuses it. */
  _clr_shipment_session_set_flag (self, SESSION_PROP_LISTS_LOADING, TRUE);
  clr_store_load_matcher_async (self->store, self->cancellable, matcher_loaded_cb, g_object_ref (self));
}

/* ---- Inline screening -------------------------------------------------- */

static void
screen_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClrSessionJob *screen = task_data;
  g_autoptr(GPtrArray) hits = clr_matcher_screen (CLR_MATCHER (screen->object), screen->text[0],
                                                  screen->text[1], screen->threshold, 1);

  if (hits->len == 0)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, clr_hit_to_json (g_ptr_array_index (hits, 0)),
                           (GDestroyNotify) json_node_unref);
}

const char *
clr_shipment_session_screening_blocker (ClrShipmentSession *self,
                                        const char         *name)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);

  if (name == NULL)
    return _("Type a name to screen it");
  if (self->matcher == NULL)
    return _("Loading the screening lists…");
  if (clr_matcher_get_n_entries (self->matcher) == 0)
    return _("No screening lists loaded");
  return NULL;
}

void
clr_shipment_session_screen_async (ClrShipmentSession  *self,
                                   const char          *name,
                                   const char          *country,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ClrSessionJob *screen;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (clr_shipment_session_screening_blocker (self, name) == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_shipment_session_screen_async);
  screen = _clr_shipment_session_job_new (task);
  screen->object = g_object_ref (G_OBJECT (self->matcher));
  screen->text[0] = g_strdup (name);
  screen->text[1] = g_strdup (country);
  screen->threshold = self->settings != NULL ? clr_settings_get_screening_threshold (self->settings)
                                             : clr_matcher_get_default_threshold ();
  g_task_run_in_thread (task, screen_thread);
}

JsonNode *
clr_shipment_session_screen_finish (ClrShipmentSession  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Recording an inline hit for review -------------------------------- */

/* The inline hit comes from the session's own matcher and is not in the
 * review queue until the shipment is evaluated; a reviewer who asks to decide
 * it expects to find it there, so it is recorded now, on this case. The queue
 * annotates the hit with the item it is. */
static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClrSessionJob *record = task_data;
  g_autoptr(JsonArray) screening = json_array_new ();
  JsonObject *element = json_object_new ();
  JsonArray *hits = json_array_new ();
  GError *error = NULL;

  json_array_add_element (hits, json_node_ref (record->hit));
  json_object_set_int_member (element, "party", record->party);
  json_object_set_array_member (element, "hits", hits);
  json_array_add_object_element (screening, element);
  if (!clr_store_review_annotate_screening_full (CLR_STORE (record->object), screening,
                                                 json_node_get_array (record->node),
                                                 record->number, "case", &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, json_object_get_int_member_with_default (json_node_get_object (record->hit),
                                                                      "review_id", 0));
}

void
clr_shipment_session_record_hit_async (ClrShipmentSession  *self,
                                       JsonNode            *document,
                                       guint                party,
                                       JsonObject          *hit,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  JsonNode *parties = json_object_get_member (json_node_get_object (document), "parties");
  g_autoptr(JsonNode) shallow = json_node_init_object (json_node_alloc (), hit);
  g_autoptr(GTask) task = NULL;
  ClrSessionJob *record;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_shipment_session_record_hit_async);
  if (self->store == NULL)
    {
      /* No database: nothing to record. */
      g_task_return_int (task, 0);
      return;
    }
  record = _clr_shipment_session_job_new (task);
  record->object = g_object_ref (G_OBJECT (self->store));
  /* Deep copies: the worker annotates them in place, the caller keeps its own. */
  record->node = parties != NULL && JSON_NODE_HOLDS_ARRAY (parties)
                 ? clr_json_node_deep_copy (parties) : json_node_init_array (json_node_alloc (), json_array_new ());
  record->hit = clr_json_node_deep_copy (shallow);
  record->party = party;
  record->number = clr_shipment_session_get_case_id (self);
  g_task_run_in_thread (task, record_thread);
}

gint64
clr_shipment_session_record_hit_finish (ClrShipmentSession  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

/* ---- Review decisions -------------------------------------------------- */

/* Does @result rest on a decision other than @decision for review item
 * @review_id? With @decision NULL: does it use that item at all? */
static gboolean
result_uses_item (JsonNode   *result,
                  gint64      review_id,
                  const char *decision)
{
  JsonNode *screening = result != NULL && JSON_NODE_HOLDS_OBJECT (result)
                        ? json_object_get_member (json_node_get_object (result), "screening") : NULL;
  JsonArray *elements;

  if (screening == NULL || !JSON_NODE_HOLDS_ARRAY (screening))
    return FALSE;
  elements = json_node_get_array (screening);
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode *element = json_array_get_element (elements, i);
      JsonNode *hits = JSON_NODE_HOLDS_OBJECT (element)
                       ? json_object_get_member (json_node_get_object (element), "hits") : NULL;

      for (guint h = 0; hits != NULL && JSON_NODE_HOLDS_ARRAY (hits)
                        && h < json_array_get_length (json_node_get_array (hits)); h++)
        {
          JsonNode *node = json_array_get_element (json_node_get_array (hits), h);
          JsonObject *hit = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *id = hit != NULL ? json_object_get_member (hit, "review_id") : NULL;

          if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64
              || json_node_get_int (id) != review_id)
            continue;
          if (decision == NULL || g_strcmp0 (clr_json_get_string (hit, "decision"), decision) != 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
decision_changed_cb (ClrShipmentSession *self,
                     gint64              case_id,
                     gint64              review_id,
                     const char         *decision)
{
  gint64 current = clr_shipment_session_get_case_id (self);

  if (self->result == NULL)
    return;
  /* Only the result that rests on this hit (or belongs to the case it was
   * decided for) is out of date; any other case's result is not. */
  if (result_uses_item (self->result, review_id, decision)
      || (case_id != 0 && case_id == current && !result_uses_item (self->result, review_id, NULL)))
    clr_shipment_session_mark_outdated (self, _("A review decision changed a hit of this case"));
}

/* The one place the session learns of review decisions: the store's
 * ::review-decided (case_id, review_id, decision), whoever made them. */
void
_clr_shipment_session_watch_decisions (ClrShipmentSession *self)
{
  if (self->store != NULL)
    g_signal_connect_object (self->store, "review-decided",
                             G_CALLBACK (decision_changed_cb), self, G_CONNECT_SWAPPED);
}
