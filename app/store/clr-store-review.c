/* clr-store-review.c — the review queue: reading items, deciding them, list updates
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "clr-entry.h"
#include "clr-family.h"
#include "clr-match-hit.h"
#include "clr-store-audit.h"
#include "clr-store-lists-private.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-task.h"
#include "clr-store-review.h"
#include "clr-store-review-claim.h"
#include "clr-store-review-private.h"

/* ---- reading items ---- */

static void
bind_filter (ClrDbStmt             *stmt,
             const ClrReviewFilter *filter,
             const char            *country,
             const char            *pattern,
             const char            *folded)
{
  clr_db_stmt_bind_text (stmt, 1, filter->status == CLR_REVIEW_STATUS_ANY ? NULL
                                        : clr_review_status_to_string (filter->status));
  clr_db_stmt_bind_text (stmt, 2, (filter->list_code && *filter->list_code) ? filter->list_code : NULL);
  if (filter->min_score > 0)
    clr_db_stmt_bind_double (stmt, 3, filter->min_score);
  if (filter->max_score > 0)
    clr_db_stmt_bind_double (stmt, 4, filter->max_score);
  clr_db_stmt_bind_text (stmt, 5, country);
  clr_db_stmt_bind_text (stmt, 6, pattern);
  clr_db_stmt_bind_text (stmt, 7, folded);
  if (filter->case_id > 0)
    clr_db_stmt_bind_int64 (stmt, 8, filter->case_id);
  clr_db_stmt_bind_int64 (stmt, 9, filter->reopened_only ? 1 : 0);
  clr_db_stmt_bind_int64 (stmt, 10, filter->limit > 0 ? (gint64) filter->limit : -1);
  clr_db_stmt_bind_int64 (stmt, 11, filter->awaiting_approval_only ? 1 : 0);
}

GPtrArray *
clr_store_review_list (ClrStore               *self,
                       const ClrReviewFilter  *filter,
                       GError                **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *country = NULL;
  ClrReviewFilter all;
  GPtrArray *items;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (filter == NULL)
    {
      clr_review_filter_init (&all);
      filter = &all;
    }

  if (filter->search != NULL && *filter->search != '\0')
    {
      g_autofree char *normalized = clr_review_normalize_party_name (filter->search);

      pattern = _clr_store_like_pattern (filter->search);
      if (*normalized != '\0')
        folded = _clr_store_like_pattern (normalized);
    }
  if (filter->country != NULL && *filter->country != '\0')
    country = g_ascii_strup (filter->country, -1);

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             CLR_REVIEW_ITEM_COLUMNS
                             "WHERE (?1 IS NULL OR status = ?1) "
                             "AND (?2 IS NULL OR list_code = ?2) "
                             "AND (?3 IS NULL OR score >= ?3) "
                             "AND (?4 IS NULL OR score <= ?4) "
                             "AND (?5 IS NULL OR party_country = ?5) "
                             "AND (?6 IS NULL OR party_name LIKE ?6 ESCAPE '\\' OR party_key LIKE ?7 ESCAPE '\\' "
                             "     OR entry_name LIKE ?6 ESCAPE '\\' OR matched_name LIKE ?6 ESCAPE '\\' "
                             "     OR entry_key LIKE ?6 ESCAPE '\\') "
                             "AND (?8 IS NULL OR case_id = ?8 OR id IN (SELECT item_id FROM review_sightings WHERE case_id = ?8)) "
                             "AND (?9 = 0 OR reopened = 1) "
                             "AND (?11 = 0 OR " CLR_REVIEW_AWAITING_APPROVAL_SQL ") "
                             "ORDER BY last_seen_at DESC, score DESC, id DESC LIMIT ?10", error);
  if (stmt != NULL)
    bind_filter (stmt, filter, country, pattern, folded);
  items = _clr_store_collect_rows (self, stmt, (ClrStoreRowFunc) _clr_review_item_new_from_stmt,
                                   (GDestroyNotify) clr_review_item_unref, _("Reading the review queue"), error);
  _clr_store_unlock (self);

  return items;
}

static ClrReviewItem *
get_item_unlocked (ClrStore  *self,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_get_row (self, CLR_REVIEW_ITEM_COLUMNS "WHERE id = ?", id,
                                                  _("Reading the review queue"), error,
                                                  _("There is no review item %" PRId64), id);

  return stmt != NULL ? _clr_review_item_new_from_stmt (stmt) : NULL;
}

/* For clr-store-review-approval.c */
ClrReviewItem *
_clr_store_review_get_unlocked (ClrStore  *self,
                                gint64     id,
                                GError   **error)
{
  return get_item_unlocked (self, id, error);
}

ClrReviewItem *
clr_store_review_get (ClrStore  *self,
                      gint64     id,
                      GError   **error)
{
  ClrReviewItem *item;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  item = get_item_unlocked (self, id, error);
  _clr_store_unlock (self);

  return item;
}

gboolean
clr_store_review_result_is_current (ClrStore  *self,
                                    JsonNode  *result,
                                    gboolean  *is_current,
                                    GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  JsonNode *screening;
  gboolean ok = TRUE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_current != NULL, FALSE);

  *is_current = TRUE;
  screening = result != NULL && JSON_NODE_HOLDS_OBJECT (result)
              ? json_object_get_member (json_node_get_object (result), "screening") : NULL;
  if (screening == NULL || !JSON_NODE_HOLDS_ARRAY (screening))
    return TRUE;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT " CLR_REVIEW_DECISION_SQL " FROM review_items WHERE id = ?",
                             error);
  if (stmt == NULL)
    ok = FALSE;
  for (guint i = 0; ok && *is_current && i < json_array_get_length (json_node_get_array (screening)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (screening), i);
      JsonNode *hits = JSON_NODE_HOLDS_OBJECT (element)
                       ? json_object_get_member (json_node_get_object (element), "hits") : NULL;
      JsonArray *array = hits != NULL && JSON_NODE_HOLDS_ARRAY (hits) ? json_node_get_array (hits) : NULL;

      for (guint h = 0; ok && *is_current && array != NULL && h < json_array_get_length (array); h++)
        {
          JsonNode *node = json_array_get_element (array, h);
          JsonObject *hit = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *id = hit != NULL ? json_object_get_member (hit, "review_id") : NULL;
          JsonNode *decision = hit != NULL ? json_object_get_member (hit, "decision") : NULL;
          int rc;

          if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64)
            continue;
          clr_db_stmt_reset (stmt);
          clr_db_stmt_bind_int64 (stmt, 1, json_node_get_int (id));
          rc = clr_db_stmt_step (stmt);
          if (rc == CLR_DB_STEP_ROW)
            {
              const char *now = clr_db_stmt_column_text (stmt, 0);
              const char *then = decision != NULL && JSON_NODE_HOLDS_VALUE (decision)
                                 && json_node_get_value_type (decision) == G_TYPE_STRING
                                 ? json_node_get_string (decision) : NULL;
              if (g_strcmp0 (now, then) != 0)
                *is_current = FALSE;
            }
          else if (rc != CLR_DB_STEP_DONE)
            {
              _clr_store_set_error (self, error, _("Reading the review queue"));
              ok = FALSE;
            }
        }
    }
  _clr_store_unlock (self);

  if (!ok)
    *is_current = TRUE;
  return ok;
}

gboolean
clr_store_review_count (ClrStore  *self,
                        guint      counts[4],
                        GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  memset (counts, 0, 4 * sizeof (guint));

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT status, count(*) FROM review_items GROUP BY status", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      ClrReviewStatus status;

      if (clr_review_status_from_string (clr_db_stmt_column_text (stmt, 0), &status))
        counts[status] = (guint) clr_db_stmt_column_int64 (stmt, 1);
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      _clr_store_unlock (self);
      return FALSE;
    }
  _clr_store_unlock (self);

  return TRUE;
}

/* ---- deciding ---- */

static JsonNode *
decision_json (ClrReviewStatus  status,
               ClrReviewReason  reason,
               const char      *note,
               const char      *content_hash)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "status", clr_review_status_to_string (status));
  clr_json_add_string (builder, "reason", clr_review_reason_to_string (reason));
  clr_json_add_string (builder, "note", note);
  if (content_hash != NULL)
    clr_json_add_string (builder, "content_hash", content_hash);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The refusal of a decision on @item, which someone decided already. */
static void
set_already_decided (GError              **error,
                     const ClrReviewItem  *item)
{
  const char *name = item->decided_by != NULL ? item->decided_by : _("unknown");
  const char *when = item->decided_at != NULL ? item->decided_at : "?";
  const char *decision = clr_review_status_get_label (item->status);

  if (item->decided_by_user != NULL)
    /* Translators: item number, display name, user name, date and time, decision such as "Not a match" */
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED,
                 _("Item %" PRId64 " was already decided by %s (%s) at %s: %s. Nothing was changed; "
                   "to change it, use review decide --change."),
                 item->id, name, item->decided_by_user, when, decision);
  else
    /* Translators: item number, display name, date and time, decision such as "Not a match" */
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED,
                 _("Item %" PRId64 " was already decided by %s at %s: %s. Nothing was changed; "
                   "to change it, use review decide --change."),
                 item->id, name, when, decision);
}

/* Decides one item; the caller holds the lock inside a write transaction,
 * so what is read here is what the write replaces (first wins). An item no
 * longer open is refused (CLR_STORE_ERROR_ALREADY_DECIDED) unless @change
 * or @restoring. @recipient (escalations), @restoring (an undo: the item as
 * it was before a decision, whose reopened mark comes back too) and a change
 * of a decided item are recorded in the audit entry's "after". */
static gboolean
decide_unlocked (ClrStore         *self,
                 gint64            id,
                 ClrReviewStatus   status,
                 ClrReviewReason   reason,
                 const char       *note,
                 const char       *recipient,
                 const ClrReviewItem *restoring,
                 gboolean          change,
                 const char       *display_name,
                 const char       *now,
                 GError          **error)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  JsonObject *after_object;

  item = get_item_unlocked (self, id, error);
  if (item == NULL)
    return FALSE;
  if (restoring == NULL && !change && item->status != CLR_REVIEW_STATUS_OPEN)
    {
      set_already_decided (error, item);
      return FALSE;
    }
  /* Another reviewer working on it keeps it; a decision ends its claim. */
  if (!_clr_store_review_check_and_end_claim (self, id, error))
    return FALSE;

  before = decision_json (item->status, item->reason, item->note, item->content_hash);
  after = decision_json (status, reason, note, item->content_hash);
  after_object = json_node_get_object (after);
  json_object_set_string_member (after_object, "party", item->party_name);
  if (item->party_country != NULL)
    json_object_set_string_member (after_object, "party_country", item->party_country);
  if (item->list_code != NULL)
    json_object_set_string_member (after_object, "list", item->list_code);
  json_object_set_string_member (after_object, "entry_key", item->entry_key);
  if (item->entry_name != NULL)
    json_object_set_string_member (after_object, "entry_name", item->entry_name);
  if (recipient != NULL)
    json_object_set_string_member (after_object, "recipient", recipient);
  if (restoring != NULL)
    json_object_set_boolean_member (after_object, "undo", TRUE);
  else if (change && item->status != CLR_REVIEW_STATUS_OPEN)
    json_object_set_boolean_member (after_object, "change", TRUE);

  stmt = _clr_store_prepare (self,
                             "UPDATE review_items SET status = ?, reason = ?, note = ?, decided_by = ?, "
                             "decided_by_user = ?, decided_at = ?, decided_hash = content_hash, "
                             "reopened = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, clr_review_status_to_string (status));
  clr_db_stmt_bind_text (stmt, 2, clr_review_reason_to_string (reason));
  clr_db_stmt_bind_text (stmt, 3, note);
  clr_db_stmt_bind_text (stmt, 4, display_name);
  clr_db_stmt_bind_text (stmt, 5, _clr_store_get_user (self));
  clr_db_stmt_bind_text (stmt, 6, now);
  clr_db_stmt_bind_int64 (stmt, 7, restoring != NULL && restoring->reopened);
  clr_db_stmt_bind_int64 (stmt, 8, id);
  if (!_clr_store_step_done (self, stmt, _("Saving a decision"), error))
    return FALSE;
  _clr_store_note_review_decided (self, item->case_id, id, clr_review_status_to_string (status));
  if (!_clr_store_review_approval_decided (self, id, status, recipient, restoring != NULL, after_object, error))
    return FALSE;

  return clr_store_audit_append_unlocked (self, display_name, CLR_AUDIT_REVIEW_DECIDE, "review", subject,
                                          item->case_id, before, after, error) != 0;
}

/* The note as stored: an escalation's recipient leads it ("→ NAME"). */
static char *
compose_note (const char *note,
              const char *recipient)
{
  if (recipient == NULL)
    return g_strdup (note);
  return note != NULL ? g_strdup_printf ("→ %s\n%s", recipient, note) : g_strdup_printf ("→ %s", recipient);
}

static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

static char *
dup_display_name (ClrStore   *self,
                  const char *reviewer)
{
  return (reviewer != NULL && *reviewer != '\0') ? g_strdup (reviewer) : clr_store_audit_dup_reviewer (self);
}

gboolean
clr_store_review_decide_full (ClrStore                *self,
                              const gint64            *ids,
                              guint                    n_ids,
                              const ClrReviewDecision *decision,
                              const char              *reviewer,
                              GError                 **error)
{
  ClrReviewStatus status = decision->status;
  ClrReviewReason reason = decision->reason;
  const char *note = decision->note;
  const char *recipient = decision->recipient;
  g_autofree char *display_name = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  g_autofree char *stored_note = NULL;
  g_autofree char *stripped = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (status != CLR_REVIEW_STATUS_MATCH && status != CLR_REVIEW_STATUS_NO_MATCH &&
      status != CLR_REVIEW_STATUS_ESCALATED)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A decision is Match, Not a match or Escalate"));
      return FALSE;
    }
  if (reason == CLR_REVIEW_REASON_NONE || clr_review_reason_to_string (reason) == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A decision needs a reason: different-entity, different-country, "
                     "different-address, name-coincidence, confirmed-by-documents or other"));
      return FALSE;
    }
  if (note != NULL && *note == '\0')
    note = NULL;
  if (!check_text (note, _("The note is not valid UTF-8 text"), error) ||
      !check_text (recipient, _("The recipient is not valid UTF-8 text"), error))
    return FALSE;
  if (recipient != NULL)
    {
      stripped = g_strstrip (g_strdup (recipient));
      recipient = stripped[0] != '\0' ? stripped : NULL;
    }
  if (recipient != NULL && status != CLR_REVIEW_STATUS_ESCALATED)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("Only an escalation names a recipient"));
      return FALSE;
    }

  display_name = dup_display_name (self, reviewer);
  stored_note = compose_note (note, recipient);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_ids; i++)
    ok = decide_unlocked (self, ids[i], status, reason, stored_note, recipient, NULL, decision->change,
                         display_name, now, error);
  return _clr_store_write_end (self, ok, error);
}

gboolean
clr_store_review_decide_many (ClrStore         *self,
                              const gint64     *ids,
                              guint             n_ids,
                              ClrReviewStatus   status,
                              ClrReviewReason   reason,
                              const char       *note,
                              const char       *reviewer,
                              GError          **error)
{
  ClrReviewDecision decision = { status, reason, note, NULL, FALSE };

  return clr_store_review_decide_full (self, ids, n_ids, &decision, reviewer, error);
}

gboolean
clr_store_review_restore (ClrStore   *self,
                          GPtrArray  *previous,
                          const char *reviewer,
                          GError    **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  gboolean ok = TRUE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (previous != NULL, FALSE);

  for (guint i = 0; i < previous->len; i++)
    {
      const ClrReviewItem *item = g_ptr_array_index (previous, i);

      if ((guint) item->status > CLR_REVIEW_STATUS_ESCALATED
          || (item->status != CLR_REVIEW_STATUS_OPEN && clr_review_reason_to_string (item->reason) == NULL))
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                       _("Review item %" PRId64 " cannot be restored: its earlier decision has no reason"),
                       item->id);
          return FALSE;
        }
    }

  display_name = dup_display_name (self, reviewer);
  if (!_clr_store_write_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < previous->len; i++)
    {
      const ClrReviewItem *item = g_ptr_array_index (previous, i);
      gboolean open = item->status == CLR_REVIEW_STATUS_OPEN;

      ok = decide_unlocked (self, item->id, item->status, open ? CLR_REVIEW_REASON_NONE : item->reason,
                            open ? NULL : item->note, NULL, item, FALSE, display_name, now, error);
    }
  return _clr_store_write_end (self, ok, error);
}

gboolean
clr_store_review_decide (ClrStore         *self,
                         gint64            id,
                         ClrReviewStatus   status,
                         ClrReviewReason   reason,
                         const char       *note,
                         const char       *reviewer,
                         GError          **error)
{
  return clr_store_review_decide_many (self, &id, 1, status, reason, note, reviewer, error);
}

GPtrArray *
clr_store_review_list_family (ClrStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  item = get_item_unlocked (self, id, error);
  if (item == NULL)
    goto fail;
  stmt = _clr_store_prepare (self,
                             CLR_REVIEW_ITEM_COLUMNS "WHERE party_key = ?1 AND party_country = ?2 AND list_code = ?3 "
                             "ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  clr_db_stmt_bind_text (stmt, 1, item->party_key);
  clr_db_stmt_bind_text (stmt, 2, item->party_country ? item->party_country : "");
  clr_db_stmt_bind_text (stmt, 3, item->list_code ? item->list_code : "");
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      ClrReviewItem *other = _clr_review_item_new_from_stmt (stmt);

      if (other->id == item->id || _clr_review_same_family (item, other))
        g_ptr_array_add (items, other);
      else
        clr_review_item_unref (other);
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      goto fail;
    }
  _clr_store_unlock (self);
  g_ptr_array_sort (items, _clr_review_compare_members);
  return g_steal_pointer (&items);

fail:
  _clr_store_unlock (self);
  return NULL;
}

/* ---- reopening a decision whose entry changed ---- */

GStrv
_clr_review_diff_against_snapshot (const char *old_entry_json,
                                   ClrEntry   *new_entry)
{
  g_autoptr(JsonNode) node = clr_json_from_text (old_entry_json, NULL);
  g_autoptr(ClrEntry) old_entry = NULL;

  if (node != NULL && new_entry != NULL)
    old_entry = clr_entry_from_json (node, NULL);
  if (old_entry == NULL || new_entry == NULL)
    return g_new0 (char *, 1);

  return clr_entry_diff_fields (old_entry, new_entry);
}

/* Reopens item @id (decided on @decided_hash) because its entry now reads
 * @new_hash. Caller holds the lock inside a transaction. */
gboolean
_clr_store_review_reopen_item (ClrStore            *self,
                               gint64               id,
                               const char          *status,
                               const char          *reason,
                               const char          *decided_hash,
                               const char          *new_hash,
                               const char * const  *fields,
                               gint64               case_id,
                               GError             **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *fields_text = _clr_json_text_from_strv (fields);
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  stmt = _clr_store_prepare (self,
                             "UPDATE review_items SET previous_status = status, previous_reason = reason, "
                             "previous_hash = decided_hash, status = 'open', reason = NULL, reopened = 1, "
                             "changed_fields = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, fields_text);
  clr_db_stmt_bind_int64 (stmt, 2, id);
  if (!_clr_store_step_done (self, stmt, _("Reopening a decision"), error))
    return FALSE;

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "status", status);
  clr_json_add_string (builder, "reason", reason);
  clr_json_add_string (builder, "content_hash", decided_hash);
  json_builder_end_object (builder);
  before = json_builder_get_root (builder);

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  clr_json_add_string (builder, "status", "open");
  clr_json_add_string (builder, "content_hash", new_hash);
  json_builder_set_member_name (builder, "changed_fields");
  json_builder_begin_array (builder);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    json_builder_add_string_value (builder, fields[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_REVIEW_REOPEN, "review", subject,
                                          case_id, before, after, error) != 0;
}

/* ---- changes from a list update (used by re-screening) ---- */

/* The entry behind items (list code + @old_key, or stored row @old_row) now
 * reads @new_entry (row @new_row). Caller holds the lock in a transaction. */
gboolean
_clr_store_review_entry_changed (ClrStore    *self,
                                 const char  *list_code,
                                 const char  *old_key,
                                 gint64       old_row,
                                 gint64       new_row,
                                 ClrEntry    *new_entry,
                                 guint       *n_reopened,
                                 GError     **error)
{
  g_autoptr(ClrDbStmt) find = NULL;
  g_autofree char *new_hash = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *entry_json = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  find = _clr_store_prepare (self,
                             "SELECT id, status, reason, decided_hash, " ENTRY_JSON ", case_id FROM review_items "
                             "WHERE (list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3)", error);
  if (find == NULL)
    return FALSE;
  clr_db_stmt_bind_text (find, 1, list_code ? list_code : "");
  clr_db_stmt_bind_text (find, 2, old_key ? old_key : "");
  clr_db_stmt_bind_int64 (find, 3, old_row);

  while ((rc = clr_db_stmt_step (find)) == CLR_DB_STEP_ROW)
    {
      gint64 id = clr_db_stmt_column_int64 (find, 0);
      const char *status = clr_db_stmt_column_text (find, 1);
      const char *decided_hash = clr_db_stmt_column_text (find, 3);

      if (new_hash == NULL)
        {
          g_autoptr(JsonNode) entry_node = clr_entry_to_json (new_entry);

          new_hash = clr_entry_content_hash (new_entry);
          new_key = new_row > 0 ? _clr_store_dup_entry_key_unlocked (self, new_row) : NULL;
          if (new_key == NULL)
            new_key = _clr_list_entry_base_key (new_entry);
          entry_json = _clr_json_to_text (entry_node);
        }

      g_array_append_val (ids, id);
      if (g_strcmp0 (status, "open") != 0 && decided_hash != NULL && strcmp (decided_hash, new_hash) != 0)
        {
          g_auto(GStrv) fields = _clr_review_diff_against_snapshot (clr_db_stmt_column_text (find, 4), new_entry);
          g_autofree char *status_copy = g_strdup (status);
          g_autofree char *reason_copy = _clr_stmt_dup_text (find, 2);
          g_autofree char *hash_copy = g_strdup (decided_hash);

          if (!_clr_store_review_reopen_item (self, id, status_copy, reason_copy, hash_copy, new_hash,
                            (const char * const *) fields, clr_db_stmt_column_int64 (find, 5), error))
            return FALSE;
          if (n_reopened != NULL)
            (*n_reopened)++;
        }
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ClrDbStmt) update = NULL;

      /* Should the party already have an item under the new key, that one
       * stands and this one keeps the old key. */
      update = _clr_store_prepare (self,
                                   "UPDATE review_items SET entry_key = ?1, entry_row = ?2, "
                                   "content_hash = ?3, entry_json = ?4, entry_snapshot = NULL, entry_name = ?5, entry_removed = 0 "
                                   "WHERE id = ?6 AND NOT EXISTS (SELECT 1 FROM review_items other "
                                   "WHERE other.party_key = review_items.party_key "
                                   "AND other.party_country = review_items.party_country "
                                   "AND other.list_code = review_items.list_code AND other.entry_key = ?1)", error);
      if (update == NULL)
        return FALSE;
      clr_db_stmt_bind_text (update, 1, new_key);
      clr_db_stmt_bind_int64 (update, 2, new_row);
      clr_db_stmt_bind_text (update, 3, new_hash);
      clr_db_stmt_bind_text (update, 4, entry_json);
      clr_db_stmt_bind_text (update, 5, new_entry->name);
      clr_db_stmt_bind_int64 (update, 6, g_array_index (ids, gint64, i));
      if (!_clr_store_step_done (self, update, _("Updating the review queue"), error))
        return FALSE;
    }

  return TRUE;
}

/* The entry left its list. Caller holds the lock in a transaction. */
gboolean
_clr_store_review_entry_removed (ClrStore    *self,
                                 const char  *list_code,
                                 const char  *key,
                                 gint64       old_row,
                                 guint       *n_matched,
                                 GError     **error)
{
  g_autoptr(ClrDbStmt) count = NULL;
  g_autoptr(ClrDbStmt) update = NULL;

  count = _clr_store_prepare (self,
                              "SELECT count(*) FROM review_items WHERE status = 'match' AND entry_removed = 0 "
                              "AND ((list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3))", error);
  if (count == NULL)
    return FALSE;
  update = _clr_store_prepare (self,
                               "UPDATE review_items SET entry_removed = 1 "
                               "WHERE (list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3)", error);
  if (update == NULL)
    return FALSE;

  clr_db_stmt_bind_text (count, 1, list_code ? list_code : "");
  clr_db_stmt_bind_text (count, 2, key ? key : "");
  clr_db_stmt_bind_int64 (count, 3, old_row);
  clr_db_stmt_bind_text (update, 1, list_code ? list_code : "");
  clr_db_stmt_bind_text (update, 2, key ? key : "");
  clr_db_stmt_bind_int64 (update, 3, old_row);
  if (clr_db_stmt_step (count) != CLR_DB_STEP_ROW || clr_db_stmt_step (update) != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Updating the review queue"));
      return FALSE;
    }
  if (n_matched != NULL && clr_db_stmt_column_int64 (count, 0) > 0)
    (*n_matched)++;

  return TRUE;
}
