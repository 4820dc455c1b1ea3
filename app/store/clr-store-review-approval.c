/* clr-store-review-approval.c — four-eyes release: the team setting and a second reviewer's approval
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

#include "clr-json.h"
#include "clr-store-audit.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-review-private.h"
#include "clr-store-task.h"
#include "clr-store-review-approval.h"

/* The meta keys of the setting (0009-four-eyes.sql gives their defaults). */
#define KEY_ENABLED   "four_eyes"
#define KEY_MIN_SCORE "four_eyes_min_score"
#define KEY_LISTS     "four_eyes_lists"

#define AUDIT_TEAM_FOUR_EYES "team.four_eyes"

void
clr_four_eyes_clear (ClrFourEyes *setting)
{
  g_return_if_fail (setting != NULL);

  g_clear_pointer (&setting->lists, g_strfreev);
  setting->enabled = FALSE;
  setting->min_score = 0;
}

/* "DPL,SDN" → { "DPL", "SDN" }: upper case, each once, empties dropped. */
static GStrv
split_lists (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *code = g_ascii_strup (g_strstrip (parts[i]), -1);

      if (*code == '\0' || g_hash_table_contains (seen, code))
        continue;
      g_strv_builder_add (builder, code);
      g_hash_table_add (seen, g_steal_pointer (&code));
    }
  return g_strv_builder_end (builder);
}

static void
set_missing_score_error (GError **error)
{
  g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
               /* Translators: %s is a key of the database's meta table. */
               _("The four-eyes setting’s minimum score (%s) is missing or not a number between 0 "
                 "and 1 in this database; an administrator can set it again with "
                 "clearance-cli team four-eyes --min-score"), KEY_MIN_SCORE);
}

/* The caller holds the lock. The defaults are migration 0010's rows, not
 * values here: a minimum score that is missing or not a number between 0
 * and 1 is an error naming its key, except with @repairing (the setting
 * is being written: min_score is then NAN, written as null in the audit). */
static gboolean
read_setting_unlocked (ClrStore     *self,
                       ClrFourEyes  *setting,
                       gboolean      repairing,
                       GError      **error)
{
  g_autofree char *enabled = NULL;
  g_autofree char *min_score = NULL;
  g_autofree char *lists = NULL;
  const char *what = _("Reading the four-eyes setting");
  char *end = NULL;

  if (!_clr_store_get_meta (self, KEY_ENABLED, &enabled, what, error) ||
      !_clr_store_get_meta (self, KEY_MIN_SCORE, &min_score, what, error) ||
      !_clr_store_get_meta (self, KEY_LISTS, &lists, what, error))
    return FALSE;

  setting->enabled = g_strcmp0 (enabled, "1") == 0;
  setting->min_score = min_score != NULL ? g_ascii_strtod (min_score, &end) : NAN;
  if (min_score == NULL || *min_score == '\0' || *end != '\0'
      || !(setting->min_score >= 0 && setting->min_score <= 1))
    {
      setting->min_score = NAN;
      if (!repairing)
        {
          set_missing_score_error (error);
          return FALSE;
        }
    }
  setting->lists = split_lists (lists);
  return TRUE;
}

gboolean
clr_store_get_four_eyes (ClrStore     *self,
                         ClrFourEyes  *setting,
                         GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (setting != NULL, FALSE);

  memset (setting, 0, sizeof *setting);
  _clr_store_lock (self);
  ok = read_setting_unlocked (self, setting, TRUE, error);
  _clr_store_unlock (self);
  if (!ok)
    clr_four_eyes_clear (setting);
  else if (isnan (setting->min_score))
    {
      /* The rest is kept, so that setting a score repairs it. */
      set_missing_score_error (error);
      return FALSE;
    }
  return ok;
}

static gboolean
valid_list_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean team_role_allows (ClrStore    *self,
                                  const char  *role,
                                  gboolean    *allowed,
                                  GError     **error);

static JsonNode *
setting_json (const ClrFourEyes *setting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  clr_json_add_boolean (builder, "enabled", setting->enabled);
  json_builder_set_member_name (builder, "min_score");
  if (isnan (setting->min_score))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, setting->min_score);
  clr_json_add_strv (builder, "lists", (const char * const *) setting->lists);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
clr_store_set_four_eyes (ClrStore           *self,
                         const ClrFourEyes  *setting,
                         GError            **error)
{
  g_auto(ClrFourEyes) before = { 0 };
  g_auto(ClrFourEyes) after = { 0 };
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autofree char *lists_text = NULL;
  char score_text[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean admin = TRUE;
  const char *what = _("Saving the four-eyes setting");
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (setting != NULL, FALSE);

  if (!(setting->min_score >= 0 && setting->min_score <= 1))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The four-eyes minimum score must be between 0 and 1, not %g"), setting->min_score);
      return FALSE;
    }
  for (guint i = 0; setting->lists != NULL && setting->lists[i] != NULL; i++)
    {
      g_autofree char *code = g_strstrip (g_strdup (setting->lists[i]));

      if (!valid_list_code (code))
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                       _("“%s” is not a list code (letters, digits and “-”, such as SDN or DPL)"),
                       setting->lists[i]);
          return FALSE;
        }
    }

  after.enabled = setting->enabled;
  after.min_score = setting->min_score;
  {
    g_autofree char *joined = setting->lists != NULL ? g_strjoinv (",", setting->lists) : g_strdup ("");

    after.lists = split_lists (joined);
  }
  lists_text = g_strjoinv (",", after.lists);
  g_ascii_dtostr (score_text, sizeof score_text, after.min_score);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  /* On a team server with its roles, a team setting is the administrators' */
  ok = team_role_allows (self, "clearance_admin", &admin, error);
  if (ok && !admin)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s may not change four-eyes release: on this team database it is set by members "
                     "of clearance_admin"), _clr_store_get_user (self));
      ok = FALSE;
    }
  ok = ok && read_setting_unlocked (self, &before, TRUE, error) &&
       _clr_store_set_meta (self, KEY_ENABLED, after.enabled ? "1" : "0", what, error) &&
       _clr_store_set_meta (self, KEY_MIN_SCORE, score_text, what, error) &&
       _clr_store_set_meta (self, KEY_LISTS, lists_text, what, error);
  if (ok)
    {
      before_json = setting_json (&before);
      after_json = setting_json (&after);
      ok = clr_store_audit_append_unlocked (self, NULL, AUDIT_TEAM_FOUR_EYES, "team", "four_eyes", 0,
                                            before_json, after_json, error) != 0;
    }
  return _clr_store_write_end (self, ok, error);
}

gboolean
clr_four_eyes_applies (const ClrFourEyes *setting,
                       double             score,
                       const char        *list_code)
{
  g_return_val_if_fail (setting != NULL, FALSE);

  if (!setting->enabled)
    return FALSE;
  if (score >= setting->min_score)
    return TRUE;
  for (guint i = 0; list_code != NULL && setting->lists != NULL && setting->lists[i] != NULL; i++)
    if (g_ascii_strcasecmp (setting->lists[i], list_code) == 0)
      return TRUE;
  return FALSE;
}

gboolean
clr_review_item_is_awaiting_approval (const ClrReviewItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->status == CLR_REVIEW_STATUS_NO_MATCH && item->approval_required && item->approved_at == NULL;
}

gboolean
clr_review_item_is_approved (const ClrReviewItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->status == CLR_REVIEW_STATUS_NO_MATCH && item->approval_required && item->approved_at != NULL;
}

/* ---- hooks of the decide and annotate paths ---- */

gboolean
_clr_store_review_approval_decided (ClrStore         *self,
                                    gint64            id,
                                    ClrReviewStatus   status,
                                    const char       *recipient,
                                    gboolean          restoring,
                                    JsonObject       *audit_after,
                                    GError          **error)
{
  g_auto(ClrFourEyes) setting = { 0 };
  g_autoptr(ClrDbStmt) read = NULL;
  g_autoptr(ClrDbStmt) update = NULL;
  gboolean required = FALSE;

  if (!read_setting_unlocked (self, &setting, FALSE, error))
    return FALSE;
  if (setting.enabled && status == CLR_REVIEW_STATUS_ESCALATED && recipient == NULL && !restoring)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("Four-eyes release is on: an escalation names the approver who should decide "
                     "item %" PRId64 " (a recipient)"), id);
      return FALSE;
    }

  if (status == CLR_REVIEW_STATUS_NO_MATCH && setting.enabled)
    {
      read = _clr_store_prepare (self, "SELECT score, list_code FROM review_items WHERE id = ?", error);
      if (read == NULL)
        return FALSE;
      clr_db_stmt_bind_int64 (read, 1, id);
      if (clr_db_stmt_step (read) != CLR_DB_STEP_ROW)
        {
          _clr_store_set_error (self, error, _("Reading the review queue"));
          return FALSE;
        }
      required = clr_four_eyes_applies (&setting, clr_db_stmt_column_double (read, 0),
                                        clr_db_stmt_column_text (read, 1));
    }

  if (required)
    json_object_set_boolean_member (audit_after, "approval_required", TRUE);

  /* A new decision starts without an approval. */
  update = _clr_store_prepare (self,
                               "UPDATE review_items SET approval_required = ?1, approved_by = NULL, "
                               "approved_by_user = NULL, approved_at = NULL, approved_hash = NULL "
                               "WHERE id = ?2", error);
  if (update == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (update, 1, required ? 1 : 0);
  clr_db_stmt_bind_int64 (update, 2, id);
  return _clr_store_step_done (self, update, _("Saving a decision"), error);
}

const char *
_clr_store_review_decision_word (ClrStore         *self,
                                 gint64            id,
                                 ClrReviewStatus   status,
                                 GError          **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  if (status != CLR_REVIEW_STATUS_NO_MATCH)
    return clr_review_status_to_string (status);

  stmt = _clr_store_prepare (self, "SELECT " CLR_REVIEW_AWAITING_APPROVAL_SQL " FROM review_items WHERE id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_int64 (stmt, 1, id);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    return clr_db_stmt_column_int64 (stmt, 0) != 0 ? CLR_REVIEW_DECISION_AWAITING_APPROVAL
                                                   : clr_review_status_to_string (status);
  if (rc == CLR_DB_STEP_DONE)
    return clr_review_status_to_string (status);
  _clr_store_set_error (self, error, _("Reading the review queue"));
  return NULL;
}

/* ---- approving ---- */

/* On a team server whose roles script ran (data/postgresql/clearance-roles.sql),
 * whether the session's user is a member of @role (a constant of ours);
 * TRUE on a file, which has no roles, and on a server without them. The
 * caller holds the lock. */
static gboolean
team_role_allows (ClrStore    *self,
                  const char  *role,
                  gboolean    *allowed,
                  GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  *allowed = TRUE;
  if (!clr_store_is_server (self))
    return TRUE;
  sql = g_strdup_printf ("SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') "
                         "THEN CASE WHEN pg_has_role (session_user, '%s', 'USAGE') THEN 1 ELSE 0 END "
                         "ELSE -1 END", role, role);
  stmt = _clr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (self, error, _("Reading the team’s roles"));
      return FALSE;
    }
  *allowed = clr_db_stmt_column_int64 (stmt, 0) != 0;
  return TRUE;
}

static gboolean
check_approver_unlocked (ClrStore  *self,
                         GError   **error)
{
  gboolean allowed;

  if (!team_role_allows (self, "clearance_approver", &allowed, error))
    return FALSE;
  if (!allowed)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                 _("%s may not approve: on this team database approvals are given by members of "
                   "clearance_approver (ask an administrator to grant it)"), _clr_store_get_user (self));
  return allowed;
}

/* Why @item, which is not awaiting approval, cannot be approved. */
static void
set_not_awaiting (GError              **error,
                  const ClrReviewItem  *item)
{
  if (clr_review_item_is_approved (item))
    /* Translators: item number, the approver's name, date and time */
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                 _("Item %" PRId64 " was already approved by %s at %s"), item->id,
                 item->approved_by != NULL ? item->approved_by : "?", item->approved_at);
  else if (item->status == CLR_REVIEW_STATUS_OPEN && item->reopened &&
           item->previous_status == CLR_REVIEW_STATUS_NO_MATCH)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                 _("The listed entry of item %" PRId64 " changed after it was cleared, so the decision "
                   "was reopened: it must be decided again, then approved"), item->id);
  else
    /* Translators: item number, its decision such as "Match" */
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                 _("Item %" PRId64 " is not awaiting approval (%s): only a “Not a match” decision that "
                   "four-eyes release holds is approved"), item->id, clr_review_status_get_label (item->status));
}

static gboolean
approve_unlocked (ClrStore    *self,
                  gint64       id,
                  const char  *display_name,
                  const char  *user,
                  const char  *now,
                  GError     **error)
{
  g_autoptr(ClrReviewItem) item = _clr_store_review_get_unlocked (self, id, error);
  g_autoptr(ClrDbStmt) update = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (item == NULL)
    return FALSE;
  if (!clr_review_item_is_awaiting_approval (item))
    {
      set_not_awaiting (error, item);
      return FALSE;
    }
  if (g_strcmp0 (item->decided_hash, item->content_hash) != 0)
    {
      /* Translators: item number, list code, entry name, the name of who decided */
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                   _("The listed entry of item %" PRId64 " (%s: %s) changed since %s cleared it: "
                     "it must be decided again, then approved"),
                   id, item->list_code != NULL ? item->list_code : "?",
                   item->entry_name != NULL ? item->entry_name : item->entry_key,
                   item->decided_by != NULL ? item->decided_by : "?");
      return FALSE;
    }
  if (g_strcmp0 (item->decided_by_user, user) == 0)
    {
      g_set_error_literal (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                           _("You decided this item; another reviewer must approve it"));
      return FALSE;
    }
  if (!check_approver_unlocked (self, error))
    return FALSE;

  update = _clr_store_prepare (self,
                               "UPDATE review_items SET approved_by = ?1, approved_by_user = ?2, approved_at = ?3, "
                               "approved_hash = content_hash WHERE id = ?4 AND " CLR_REVIEW_AWAITING_APPROVAL_SQL
                               " AND decided_hash IS NOT DISTINCT FROM content_hash", error);
  if (update == NULL)
    return FALSE;
  clr_db_stmt_bind_text (update, 1, display_name);
  clr_db_stmt_bind_text (update, 2, user);
  clr_db_stmt_bind_text (update, 3, now);
  clr_db_stmt_bind_int64 (update, 4, id);
  if (!_clr_store_step_done (self, update, _("Saving an approval"), error))
    return FALSE;
  if (clr_db_changes (_clr_store_get_db (self)) != 1)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL,
                   _("Item %" PRId64 " changed while it was being approved; nothing was approved"), id);
      return FALSE;
    }
  _clr_store_note_review_decided (self, item->case_id, id, clr_review_status_to_string (item->status));

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "status", CLR_REVIEW_DECISION_AWAITING_APPROVAL);
  clr_json_add_string (builder, "decided_by", item->decided_by);
  clr_json_add_string (builder, "decided_by_user", item->decided_by_user);
  clr_json_add_string (builder, "decided_at", item->decided_at);
  clr_json_add_string (builder, "content_hash", item->decided_hash);
  json_builder_end_object (builder);
  before = json_builder_get_root (builder);

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  clr_json_add_string (builder, "status", clr_review_status_to_string (item->status));
  clr_json_add_string (builder, "reason", clr_review_reason_to_string (item->reason));
  clr_json_add_string (builder, "note", item->note);
  clr_json_add_string (builder, "approved_by", display_name);
  clr_json_add_string (builder, "approved_by_user", user);
  clr_json_add_string (builder, "approved_at", now);
  clr_json_add_string (builder, "content_hash", item->content_hash);
  clr_json_add_string (builder, "party", item->party_name);
  clr_json_add_string (builder, "list", item->list_code);
  clr_json_add_string (builder, "entry_key", item->entry_key);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return clr_store_audit_append_unlocked (self, display_name, CLR_AUDIT_REVIEW_APPROVE, "review", subject,
                                          item->case_id, before, after, error) != 0;
}

gboolean
clr_store_review_approve (ClrStore    *self,
                          gint64       id,
                          const char  *approver,
                          GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (approver != NULL && !g_utf8_validate (approver, -1, NULL))
    {
      g_set_error_literal (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                           _("The approver’s name is not valid UTF-8 text"));
      return FALSE;
    }
  display_name = approver != NULL && *approver != '\0' ? g_strdup (approver) : clr_store_audit_dup_reviewer (self);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  ok = approve_unlocked (self, id, display_name, _clr_store_get_user (self), now, error);
  return _clr_store_write_end (self, ok, error);
}

/* ---- async ---- */

typedef struct
{
  gint64  id;
  char   *approver;
} ApproveData;

static void
approve_data_free (ApproveData *data)
{
  g_free (data->approver);
  g_free (data);
}

CLR_STORE_TASK_FUNC (approve_func, ApproveData,
                     GINT_TO_POINTER (clr_store_review_approve (self, data->id, data->approver, error)))

void
clr_store_review_approve_async (ClrStore            *self,
                                gint64               id,
                                const char          *approver,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ApproveData *data;

  g_return_if_fail (CLR_IS_STORE (self));

  data = g_new0 (ApproveData, 1);
  data->id = id;
  data->approver = g_strdup (approver);
  _clr_store_task_run (self, clr_store_review_approve_async, CLR_STORE_TASK_REPORT_DONE, approve_func,
                       data, (GDestroyNotify) approve_data_free, NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_review_approve_finish, ClrStore, boolean)
