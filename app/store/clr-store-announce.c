/* clr-store-announce.c — a team database's live updates: what a store
 * announces when it commits, and what it hears from the others
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change another program should see — a review decision, a case
 * saved or evaluated, lists or rules imported, a re-screening — is noted
 * inside its transaction (_clr_store_note_change()) and announced with
 * NOTIFY as part of the commit, so it is heard exactly when (and only if)
 * it is committed. A store that watches (clr_store_watch()) LISTENs on a
 * connection of its own whose socket the main loop watches: no polling.
 */

#include "config.h"

#include "clr-json.h"
#include "clr-store-audit.h"
#include "clr-store-private.h"

char *
_clr_store_change_to_payload (const char *from,
                              const char *by,
                              const char *action,
                              gint64      case_id,
                              const char *subject,
                              const char *decision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "from", from);
  clr_json_add_string (builder, "by", by);
  clr_json_add_string (builder, "action", action);
  clr_json_add_int (builder, "case_id", case_id);
  clr_json_add_string (builder, "subject", subject);
  clr_json_add_string (builder, "decision", decision);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
_clr_store_note_change_of (ClrStore   *self,
                           const char *action,
                           gint64      case_id,
                           gint64      id,
                           const char *decision)
{
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  _clr_store_note_change (self, action, case_id, subject, decision);
}

/* Who made the change being signalled (main thread only). */
#define CHANGE_AUTHOR_KEY "clr-change-author"

static void
heard_cb (const char *payload,
          gpointer    user_data)
{
  ClrStore *self = user_data;
  g_autoptr(JsonNode) node = clr_json_from_text (payload, NULL);
  JsonObject *change;
  const char *action;
  const char *subject;
  gint64 case_id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Ignoring an announcement that is not Clearance's: %s", payload);
      return;
    }
  change = json_node_get_object (node);
  /* Our own changes were signalled when we made them. */
  if (g_strcmp0 (clr_json_get_string (change, "from"), _clr_store_get_instance_id (self)) == 0)
    return;

  action = clr_json_get_string (change, "action");
  subject = clr_json_get_string (change, "subject");
  case_id = json_object_get_int_member_with_default (change, "case_id", 0);
  if (action == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self), CHANGE_AUTHOR_KEY,
                          g_strdup (clr_json_get_string (change, "by")), g_free);
  if (g_strcmp0 (action, CLR_AUDIT_REVIEW_DECIDE) == 0 && subject != NULL)
    g_signal_emit_by_name (self, "review-decided", case_id, g_ascii_strtoll (subject, NULL, 10),
                           clr_json_get_string (change, "decision"));
  g_signal_emit_by_name (self, "external-change", action, case_id, subject);
  g_object_set_data (G_OBJECT (self), CHANGE_AUTHOR_KEY, NULL);
}

const char *
clr_store_get_change_author (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  return g_object_get_data (G_OBJECT (self), CHANGE_AUTHOR_KEY);
}

void
clr_store_watch (ClrStore *self)
{
  ClrDbWatch **slot;

  g_return_if_fail (CLR_IS_STORE (self));

  slot = _clr_store_get_watch_slot (self);
  if (*slot != NULL || !clr_store_is_server (self))
    return;

  *slot = clr_db_watch_new (clr_store_get_path (self), CLR_STORE_CHANNEL,
                            _clr_store_get_owner_context (self), heard_cb, self);
}

gboolean
clr_store_is_watching (ClrStore *self)
{
  ClrDbWatch **slot;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  slot = _clr_store_get_watch_slot (self);
  return *slot != NULL && clr_db_watch_is_listening (*slot);
}
