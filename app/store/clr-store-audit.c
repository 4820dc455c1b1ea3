/* clr-store-audit.c — the append-only, hash-chained audit trail
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-csv-out.h"
#include "clr-store-audit.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define REVIEWER_KEY "clr-audit-reviewer"
/* meta key holding "SEQ HASH" of the newest entry. */
#define HEAD_KEY "audit_head"


static GMutex reviewer_mutex;

/* The columns of SELECT_COLUMNS. */
static const ClrStoreColumn entry_columns[] = {
  CLR_STORE_COLUMN (INT64, ClrAuditEntry, id),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, at),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, user),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, display_name),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, action),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, subject_type),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, subject_id),
  CLR_STORE_COLUMN (ID, ClrAuditEntry, case_id),
  CLR_STORE_COLUMN (JSON_OR_TEXT, ClrAuditEntry, before),
  CLR_STORE_COLUMN (JSON_OR_TEXT, ClrAuditEntry, after),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, prev_hash),
  CLR_STORE_COLUMN (TEXT, ClrAuditEntry, hash),
};

static void
clr_audit_entry_clear (ClrAuditEntry *self)
{
  _clr_store_clear_columns (self, entry_columns, G_N_ELEMENTS (entry_columns));
}

CLR_STORE_DEFINE_RECORD (ClrAuditEntry, clr_audit_entry, clr_audit_entry_clear)

JsonNode *
clr_audit_entry_to_json (const ClrAuditEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  _clr_store_add_columns_json (builder, self, entry_columns, G_N_ELEMENTS (entry_columns));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
default_reviewer (ClrStore *self)
{
  const char *env = g_getenv ("CLEARANCE_REVIEWER");
  const char *real = g_get_real_name ();

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (_clr_store_get_user (self));
}

void
clr_store_audit_set_reviewer (ClrStore   *self,
                              const char *display_name)
{
  g_return_if_fail (CLR_IS_STORE (self));

  g_mutex_lock (&reviewer_mutex);
  if (display_name != NULL && *display_name != '\0')
    g_object_set_data_full (G_OBJECT (self), REVIEWER_KEY, g_strdup (display_name), g_free);
  else
    g_object_set_data (G_OBJECT (self), REVIEWER_KEY, NULL);
  g_mutex_unlock (&reviewer_mutex);
}

char *
clr_store_audit_dup_reviewer (ClrStore *self)
{
  char *name;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  g_mutex_lock (&reviewer_mutex);
  name = g_strdup (g_object_get_data (G_OBJECT (self), REVIEWER_KEY));
  g_mutex_unlock (&reviewer_mutex);

  return name != NULL ? name : default_reviewer (self);
}

/* Audit text that is not JSON (older entries) comes back as a string. */
static JsonNode *
text_to_node (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = clr_json_from_text (text, &error);

  /* Text that is not JSON is kept as a string. */
  if (error != NULL)
    node = json_node_init_string (json_node_alloc (), text);
  return node;
}

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  /* Length-prefixed, so no value can forge a field boundary; NULL differs
   * from "". */
  if (value == NULL)
    g_string_append_printf (out, "%s:-\n", name);
  else
    g_string_append_printf (out, "%s:%" G_GSIZE_FORMAT ":%s\n", name, strlen (value), value);
}

/* SHA-256 over the previous hash and the row's canonical content: every
 * stored column but the hashes, in a fixed order. */
static char *
compute_hash (const char *prev_hash,
              gint64      id,
              const char *at,
              const char *user,
              const char *display_name,
              const char *action,
              const char *subject_type,
              const char *subject_id,
              gint64      case_id,
              const char *before,
              const char *after)
{
  g_autoptr(GString) canonical = g_string_new ("clearance-audit-v1\n");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  append_field (canonical, "prev", prev_hash);
  append_field (canonical, "id", id_text);
  append_field (canonical, "at", at);
  append_field (canonical, "user", user);
  append_field (canonical, "display_name", display_name);
  append_field (canonical, "action", action);
  append_field (canonical, "subject_type", subject_type);
  append_field (canonical, "subject_id", subject_id);
  append_field (canonical, "case_id", case_text);
  append_field (canonical, "before", before);
  append_field (canonical, "after", after);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) canonical->str, canonical->len);
}

gint64
clr_store_audit_append_unlocked (ClrStore    *self,
                                 const char  *display_name,
                                 const char  *action,
                                 const char  *subject_type,
                                 const char  *subject_id,
                                 gint64       case_id,
                                 JsonNode    *before,
                                 JsonNode    *after,
                                 GError     **error)
{
  g_autoptr(ClrDbStmt) last = NULL;
  g_autoptr(ClrDbStmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *at = _clr_store_now_iso ();
  g_autofree char *before_text = _clr_json_to_text (before);
  g_autofree char *after_text = _clr_json_to_text (after);
  g_autofree char *hash = NULL;
  const char *user = _clr_store_get_user (self);
  gint64 id = 1;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);
  g_return_val_if_fail (action != NULL && subject_type != NULL, 0);

  if (subject_id == NULL)
    subject_id = "";
  if (display_name == NULL || *display_name == '\0')
    display_name = reviewer = clr_store_audit_dup_reviewer (self);

  last = _clr_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return 0;
  switch (clr_db_stmt_step (last))
    {
    case CLR_DB_STEP_ROW:
      id = clr_db_stmt_column_int64 (last, 0) + 1;
      prev_hash = _clr_stmt_dup_text (last, 1);
      break;
    case CLR_DB_STEP_DONE:
      prev_hash = g_strdup (GENESIS_HASH);
      break;
    default:
      _clr_store_set_error (self, error, _("Reading the audit trail"));
      return 0;
    }

  hash = compute_hash (prev_hash, id, at, user, display_name, action, subject_type,
                       subject_id, case_id, before_text, after_text);

  insert = _clr_store_prepare (self,
                               "INSERT INTO audit_log (id, at, \"user\", display_name, action, "
                               "subject_type, subject_id, case_id, before, after, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return 0;
  clr_db_stmt_bind_int64 (insert, 1, id);
  clr_db_stmt_bind_text (insert, 2, at);
  clr_db_stmt_bind_text (insert, 3, user);
  clr_db_stmt_bind_text (insert, 4, display_name);
  clr_db_stmt_bind_text (insert, 5, action);
  clr_db_stmt_bind_text (insert, 6, subject_type);
  clr_db_stmt_bind_text (insert, 7, subject_id);
  clr_db_stmt_bind_int64 (insert, 8, case_id);
  clr_db_stmt_bind_text (insert, 9, before_text);
  clr_db_stmt_bind_text (insert, 10, after_text);
  clr_db_stmt_bind_text (insert, 11, prev_hash);
  clr_db_stmt_bind_text (insert, 12, hash);

  {
    g_autofree char *description = g_strdup_printf ("%s %s %s (%s)", action, subject_type,
                                                     subject_id, at);
    _clr_store_note_action (self, description);
    /* A decision is announced with its outcome (_clr_store_note_review_decided). */
    if (g_strcmp0 (action, CLR_AUDIT_REVIEW_DECIDE) != 0)
      _clr_store_note_change (self, action, case_id, subject_id, NULL);
  }

  if (!_clr_store_step_done (self, insert, _("Writing the audit trail"), error))
    return 0;

  /* The head, outside the table too (same transaction). */
  {
    g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, hash);

    if (!_clr_store_set_meta (self, HEAD_KEY, value, _("Writing the audit trail"), error))
      return 0;
  }

  return id;
}

gint64
clr_store_audit_append (ClrStore    *self,
                        const char  *action,
                        const char  *subject_type,
                        const char  *subject_id,
                        gint64       case_id,
                        JsonNode    *before,
                        JsonNode    *after,
                        GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);

  if (!_clr_store_write_begin (self, error))
    return 0;
  id = clr_store_audit_append_unlocked (self, NULL, action, subject_type, subject_id,
                                        case_id, before, after, error);
  if (!_clr_store_write_end (self, id != 0, error))
    return 0;

  return id;
}

#define SELECT_COLUMNS \
  "SELECT id, at, \"user\", display_name, action, subject_type, subject_id, case_id, " \
  "before, after, prev_hash, hash FROM audit_log "

static ClrAuditEntry *
entry_from_stmt (ClrDbStmt *stmt)
{
  ClrAuditEntry *entry = g_new0 (ClrAuditEntry, 1);

  entry->ref_count = 1;
  _clr_store_read_columns (entry, entry_columns, G_N_ELEMENTS (entry_columns), stmt);
  return entry;
}

static GPtrArray *
list_entries (ClrStore    *self,
              gint64       case_id,
              GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  if (case_id > 0)
    stmt = _clr_store_prepare (self, SELECT_COLUMNS "WHERE case_id = ? ORDER BY id", error);
  else
    stmt = _clr_store_prepare (self, SELECT_COLUMNS "ORDER BY id", error);
  if (stmt != NULL && case_id > 0)
    clr_db_stmt_bind_int64 (stmt, 1, case_id);
  entries = _clr_store_collect_rows (self, stmt, (ClrStoreRowFunc) entry_from_stmt,
                                     (GDestroyNotify) clr_audit_entry_unref, _("Reading the audit trail"), error);
  _clr_store_unlock (self);

  return entries;
}

GPtrArray *
clr_store_audit_list (ClrStore  *self,
                      GError   **error)
{
  return list_entries (self, 0, error);
}

GPtrArray *
clr_store_audit_list_for_case (ClrStore  *self,
                               gint64     case_id,
                               GError   **error)
{
  g_return_val_if_fail (case_id > 0, NULL);

  return list_entries (self, case_id, error);
}

static gboolean verify_head_unlocked (ClrStore    *self,
                                      gint64       last_id,
                                      const char  *last_hash,
                                      GError     **error);
static gboolean verify_live_unlocked (ClrStore    *self,
                                      GError     **error);

gboolean
clr_store_audit_verify (ClrStore  *self,
                        gint64    *n_checked,
                        gint64    *bad_id,
                        GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  gint64 checked = 0;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (n_checked != NULL)
    *n_checked = 0;
  if (bad_id != NULL)
    *bad_id = 0;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             "SELECT id, at, \"user\", display_name, action, subject_type, subject_id, "
                             "case_id, before, after, prev_hash, hash FROM audit_log ORDER BY id",
                             error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }

  while (ok && (rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      gint64 id = clr_db_stmt_column_int64 (stmt, 0);
      const char *prev_hash = clr_db_stmt_column_text (stmt, 10);
      const char *hash = clr_db_stmt_column_text (stmt, 11);
      g_autofree char *recomputed = NULL;

      if (id != expected_id)
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                       _("Audit entry %" PRId64 " is missing (the next entry is %" PRId64
                         "): the trail was tampered with"), expected_id, id);
          if (bad_id != NULL)
            *bad_id = expected_id;
          ok = FALSE;
          break;
        }

      if (g_strcmp0 (prev_hash, expected_prev) != 0)
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                       _("Audit entry %" PRId64 " does not follow entry %" PRId64
                         ": its previous-hash does not match (the trail was tampered with)"),
                       id, id - 1);
          if (bad_id != NULL)
            *bad_id = id;
          ok = FALSE;
          break;
        }

      recomputed = compute_hash (prev_hash, id,
                                 clr_db_stmt_column_text (stmt, 1),
                                 clr_db_stmt_column_text (stmt, 2),
                                 clr_db_stmt_column_text (stmt, 3),
                                 clr_db_stmt_column_text (stmt, 4),
                                 clr_db_stmt_column_text (stmt, 5),
                                 clr_db_stmt_column_text (stmt, 6),
                                 clr_db_stmt_column_int64 (stmt, 7),
                                 clr_db_stmt_column_text (stmt, 8),
                                 clr_db_stmt_column_text (stmt, 9));
      if (g_strcmp0 (recomputed, hash) != 0)
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                       _("Audit entry %" PRId64 " was altered: its content does not match its hash"),
                       id);
          if (bad_id != NULL)
            *bad_id = id;
          ok = FALSE;
          break;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
      expected_id = id + 1;
      checked++;
    }

  if (ok && rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the audit trail"));
      ok = FALSE;
    }

  /* The chain holds; is it all of it, and is it what the data says? */
  if (ok)
    ok = verify_head_unlocked (self, expected_id - 1, expected_prev, error) &&
         verify_live_unlocked (self, error);
  _clr_store_unlock (self);

  if (n_checked != NULL)
    *n_checked = checked;

  return ok;
}

/* Lock held. "SEQ HASH" from meta, or FALSE (no error) when absent. */
static gboolean
read_head_unlocked (ClrStore  *self,
                    gint64    *seq,
                    char     **hash,
                    GError   **error)
{
  g_autofree char *value = NULL;

  *seq = 0;
  *hash = NULL;
  if (!_clr_store_get_meta (self, HEAD_KEY, &value, _("Reading the audit trail"), error))
    return FALSE;
  if (value != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, " ", 2);

      if (g_strv_length (parts) == 2)
        {
          *seq = g_ascii_strtoll (parts[0], NULL, 10);
          *hash = g_strdup (parts[1]);
          return TRUE;
        }
      *seq = -1;
      return TRUE;
    }

  return FALSE;
}

/* The trail ends where the database's own record of its head says. */
static gboolean
verify_head_unlocked (ClrStore    *self,
                      gint64       last_id,
                      const char  *last_hash,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *head_hash = NULL;
  gint64 head_seq = 0;

  if (!read_head_unlocked (self, &head_seq, &head_hash, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (last_id == 0)
        return TRUE;   /* no entry yet, no head yet */
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("The audit trail has %" PRId64 " entries but the database's record of its "
                     "head is missing: it was removed outside Clearance"), last_id);
      return FALSE;
    }

  if (head_seq == last_id && g_strcmp0 (head_hash, last_hash) == 0)
    return TRUE;

  if (head_seq > last_id)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                 _("The audit trail ends at entry %" PRId64 " but its head was entry %" PRId64
                   ": the newest entries were removed"), last_id, head_seq);
  else
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                 _("The audit trail's newest entry (%" PRId64 ") is not the head the database recorded "
                   "(entry %" PRId64 ", sha256 %.12s…): the trail was rewritten"),
                 last_id, head_seq, head_hash ? head_hash : "?");
  return FALSE;
}

typedef struct
{
  gint64  entry_id;
  char   *action;
  char   *after;
} LastEntry;

static void
last_entry_free (gpointer data)
{
  LastEntry *last = data;

  g_free (last->action);
  g_free (last->after);
  g_free (last);
}

static const char *
after_member (JsonNode   *after,
              const char *member)
{
  if (after == NULL || !JSON_NODE_HOLDS_OBJECT (after))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (after), member, NULL);
}

/* Item @id's approval (by @user at @at, both NULL when it has none) is
 * the one the trail's @last entry for it (whose "after" is @after)
 * records, and a clearance that waits for one (@required) was recorded
 * as such: an approval written with SQL, one removed, or a requirement
 * dropped is found. */
static gboolean
verify_approval (const LastEntry  *last,
                 JsonNode         *after,
                 gint64            id,
                 const char       *user,
                 const char       *at,
                 gboolean          required,
                 GError          **error)
{
  gboolean approve = g_strcmp0 (last->action, CLR_AUDIT_REVIEW_APPROVE) == 0;

  if (g_strcmp0 (last->action, CLR_AUDIT_REVIEW_DECIDE) == 0 && after_member (after, "status") != NULL &&
      strcmp (after_member (after, "status"), "no_match") == 0 &&
      json_object_get_boolean_member_with_default (json_node_get_object (after), "approval_required", FALSE)
      != required)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Review item %" PRId64 "’s need for a four-eyes approval is not what the audit trail "
                     "recorded (entry %" PRId64 "): it was changed outside Clearance"), id, last->entry_id);
      return FALSE;
    }
  if (at == NULL && !approve)
    return TRUE;
  if (at != NULL && !approve)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Review item %" PRId64 " is marked approved by %s at %s but the audit trail has no "
                     "approval for it (its last entry, %" PRId64 ", is a %s): the approval was made "
                     "outside Clearance"), id, user ? user : "?", at, last->entry_id, last->action);
      return FALSE;
    }
  if (g_strcmp0 (after_member (after, "approved_at"), at) != 0 ||
      g_strcmp0 (after_member (after, "approved_by_user"), user) != 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Review item %" PRId64 "’s approval (by %s at %s) is not the one the audit trail "
                     "recorded (entry %" PRId64 ", by %s at %s): it was changed outside Clearance"),
                   id, user ? user : "?", at ? at : "?", last->entry_id,
                   after_member (after, "approved_by_user") ? after_member (after, "approved_by_user") : "?",
                   after_member (after, "approved_at") ? after_member (after, "approved_at") : "?");
      return FALSE;
    }
  return TRUE;
}

/* Checks row @stmt of subject @id against @last, the trail's last entry
 * for it (NULL when it has none). */
typedef gboolean (*VerifyRowFunc) (ClrDbStmt        *stmt,
                                   gint64            id,
                                   const LastEntry  *last,
                                   GError          **error);

/* A decided review item (SELECT of verify_live_unlocked()): its decision is
 * the one the trail's last entry for it records. */
static gboolean
verify_decided_item (ClrDbStmt        *stmt,
                     gint64            id,
                     const LastEntry  *last,
                     GError          **error)
{
  const char *status = clr_db_stmt_column_text (stmt, 1);
  const char *reason = clr_db_stmt_column_text (stmt, 2);
  const char *note = clr_db_stmt_column_text (stmt, 3);
  g_autoptr(JsonNode) after = NULL;
  gboolean same;

  if (last == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Review item %" PRId64 " is decided (“%s”) but the audit trail has no entry "
                     "for it: the decision was made outside Clearance, or the trail was emptied"),
                   id, status);
      return FALSE;
    }
  after = text_to_node (last->after);
  same = g_strcmp0 (after_member (after, "status"), status) == 0;
  if (same && (g_strcmp0 (last->action, CLR_AUDIT_REVIEW_DECIDE) == 0 ||
               g_strcmp0 (last->action, CLR_AUDIT_REVIEW_APPROVE) == 0))
    same = g_strcmp0 (after_member (after, "reason"), reason) == 0 &&
           g_strcmp0 (after_member (after, "note"), note) == 0;
  /* four-eyes: an approval is the trail's last word on the item, and
   * says who approved it and when */
  if (same && !verify_approval (last, after, id, clr_db_stmt_column_text (stmt, 5),
                                clr_db_stmt_column_text (stmt, 6),
                                g_strcmp0 (status, "no_match") == 0 && clr_db_stmt_column_int64 (stmt, 7) != 0,
                                error))
    return FALSE;
  if (!same)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Review item %" PRId64 " says “%s” but the audit trail’s last entry for it "
                     "(entry %" PRId64 ") says “%s”: the decision was changed outside Clearance"),
                   id, status, last->entry_id, after_member (after, "status") ? after_member (after, "status") : "?");
      return FALSE;
    }
  return TRUE;
}

/* A case with a saved result (SELECT of verify_live_unlocked()): the
 * result's summary is the one the trail's last evaluation recorded. */
static gboolean
verify_saved_case (ClrDbStmt        *stmt,
                   gint64            id,
                   const LastEntry  *last,
                   GError          **error)
{
  const char *verdict = clr_db_stmt_column_text (stmt, 1);
  g_autoptr(JsonNode) result_node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *summary_text = NULL;

  if (last == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Case %" PRId64 " has a saved result but the audit trail has no evaluation "
                     "for it: the result was stored outside Clearance, or the trail was emptied"), id);
      return FALSE;
    }
  result_node = text_to_node (clr_db_stmt_column_text (stmt, 2));
  if (result_node != NULL && JSON_NODE_HOLDS_OBJECT (result_node))
    {
      summary = _clr_store_case_result_summary (result_node);
      summary_text = _clr_json_to_text (summary);
    }
  if (g_strcmp0 (verdict, summary != NULL ? clr_json_get_string (json_node_get_object (summary), "verdict")
                                          : NULL) != 0 ||
      g_strcmp0 (summary_text, last->after) != 0)
    {
      g_autoptr(JsonNode) after = text_to_node (last->after);

      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Case %" PRId64 "’s saved result (verdict “%s”) is not the one the audit trail "
                     "recorded (entry %" PRId64 ", verdict “%s”): it was changed outside Clearance"),
                   id, verdict ? verdict : "?", last->entry_id,
                   after_member (after, "verdict") ? after_member (after, "verdict") : "?");
      return FALSE;
    }
  return TRUE;
}

/* Checks every row of @sql (whose first column is the subject's id) with
 * @check against @trail's last entry for that subject. */
static gboolean
verify_rows (ClrStore       *self,
             const char     *sql,
             GHashTable     *trail,
             VerifyRowFunc   check,
             const char     *what,
             GError        **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      gint64 id = clr_db_stmt_column_int64 (stmt, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (!check (stmt, id, g_hash_table_lookup (trail, key), error))
        return FALSE;
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

/* Every current decision in the review queue and every saved result is
 * what the trail's last entry for it says: a change made with SQL, not
 * through Clearance, is found. */
static gboolean
verify_live_unlocked (ClrStore  *self,
                      GError   **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, last_entry_free);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, last_entry_free);
  g_autoptr(ClrDbStmt) trail = NULL;
  int rc;

  trail = _clr_store_prepare (self,
                              "SELECT id, subject_type, subject_id, action, after FROM audit_log "
                              "WHERE action IN ('" CLR_AUDIT_REVIEW_DECIDE "', '" CLR_AUDIT_REVIEW_REOPEN "', '"
                              CLR_AUDIT_REVIEW_APPROVE "', '" CLR_AUDIT_CASE_EVALUATE "') ORDER BY id", error);
  if (trail == NULL)
    return FALSE;
  while ((rc = clr_db_stmt_step (trail)) == CLR_DB_STEP_ROW)
    {
      LastEntry *last = g_new0 (LastEntry, 1);
      const char *type = clr_db_stmt_column_text (trail, 1);

      last->entry_id = clr_db_stmt_column_int64 (trail, 0);
      last->action = _clr_stmt_dup_text (trail, 3);
      last->after = _clr_stmt_dup_text (trail, 4);
      g_hash_table_replace (g_strcmp0 (type, "case") == 0 ? cases : items,
                            _clr_stmt_dup_text (trail, 2), last);
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the audit trail"));
      return FALSE;
    }

  return verify_rows (self,
                      "SELECT id, status, reason, note, decided_hash, approved_by_user, "
                      "CASE WHEN status = 'no_match' AND approval_required <> 0 THEN approved_at END, "
                      "approval_required FROM review_items "
                      "WHERE status <> 'open' OR decided_at IS NOT NULL ORDER BY id",
                      items, verify_decided_item, _("Reading the review queue"), error) &&
         verify_rows (self,
                      "SELECT id, verdict, result FROM cases WHERE result IS NOT NULL OR verdict IS NOT NULL "
                      "ORDER BY id",
                      cases, verify_saved_case, _("Reading the saved cases"), error);
}

gboolean
clr_store_audit_get_head (ClrStore  *self,
                          gint64    *seq,
                          char     **hash,
                          GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (seq != NULL && hash != NULL, FALSE);

  *seq = 0;
  *hash = NULL;
  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    {
      *seq = clr_db_stmt_column_int64 (stmt, 0);
      *hash = _clr_stmt_dup_text (stmt, 1);
    }
  else if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the audit trail"));
      _clr_store_unlock (self);
      return FALSE;
    }
  _clr_store_unlock (self);

  return TRUE;
}

gboolean
clr_store_audit_check_anchor (ClrStore    *self,
                              const char  *anchor,
                              gint64      *found_seq,
                              GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  const char *colon;
  gint64 want_seq = 0;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  /* "HASH" or "SEQ:HASH" (what audit anchor prints). */
  colon = strchr (anchor, ':');
  if (colon != NULL)
    {
      g_autofree char *seq_text = g_strndup (anchor, (gsize) (colon - anchor));
      char *end = NULL;

      want_seq = g_ascii_strtoll (seq_text, &end, 10);
      if (end == seq_text || *end != '\0' || want_seq <= 0)
        want_seq = -1;
      anchor = colon + 1;
    }
  hash = g_ascii_strdown (anchor, -1);
  if (want_seq < 0 || strlen (hash) != 64 || strspn (hash, "0123456789abcdef") != 64)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("“%s” is not an audit head: expected the 64 hexadecimal digits that “audit anchor” "
                     "printed, optionally preceded by the entry number and a colon"), anchor);
      return FALSE;
    }

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT id FROM audit_log WHERE hash = ? ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }
  clr_db_stmt_bind_text (stmt, 1, hash);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW && (want_seq == 0 || clr_db_stmt_column_int64 (stmt, 0) == want_seq))
    {
      if (found_seq != NULL)
        *found_seq = clr_db_stmt_column_int64 (stmt, 0);
      _clr_store_unlock (self);
      return TRUE;
    }
  if (rc != CLR_DB_STEP_ROW && rc != CLR_DB_STEP_DONE)
    _clr_store_set_error (self, error, _("Reading the audit trail"));
  else
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                 _("The anchored head %.12s… is not in the audit trail: the entries up to it were removed or "
                   "rewritten since it was taken"), hash);
  _clr_store_unlock (self);

  return FALSE;
}

/* One cell, neutralised against spreadsheet formulas (clr-csv-out.h). */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  clr_csv_append_text (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_number (GString    *out,
            const char *value)
{
  clr_csv_append_number (out, value);
  g_string_append_c (out, ',');
}

gboolean
clr_store_audit_export (ClrStore        *self,
                        ClrAuditFormat   format,
                        GOutputStream   *stream,
                        GError         **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  entries = clr_store_audit_list (self, error);
  if (entries == NULL)
    return FALSE;

  if (format == CLR_AUDIT_FORMAT_JSON)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (entries->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < entries->len; i++)
        json_array_add_element (array, clr_audit_entry_to_json (g_ptr_array_index (entries, i)));
      json_node_set_array (root, array);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, "id,at,user,display_name,action,subject_type,subject_id,case_id,"
                            "before,after,prev_hash,hash\r\n");
      for (guint i = 0; i < entries->len; i++)
        {
          ClrAuditEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
          g_autofree char *case_id = entry->case_id ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->case_id) : NULL;
          g_autofree char *before = _clr_json_to_text (entry->before);
          g_autofree char *after = _clr_json_to_text (entry->after);

          csv_number (out, id);
          csv_field (out, entry->at, FALSE);
          csv_field (out, entry->user, FALSE);
          csv_field (out, entry->display_name, FALSE);
          csv_field (out, entry->action, FALSE);
          csv_field (out, entry->subject_type, FALSE);
          csv_field (out, entry->subject_id, FALSE);
          csv_number (out, case_id);
          csv_field (out, before, FALSE);
          csv_field (out, after, FALSE);
          csv_field (out, entry->prev_hash, FALSE);
          csv_field (out, entry->hash, TRUE);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}
