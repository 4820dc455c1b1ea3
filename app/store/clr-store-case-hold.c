/* clr-store-case-hold.c — which program has a case open for editing
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hold is a lease, not a lock: the program that edits a case renews it
 * while the case is open, and it ends by itself when that program stops
 * renewing (closed, or killed). The holder is the store (a program
 * instance, _clr_store_get_instance_id()), so two apps of one user on one
 * case exclude each other as well. Every check runs inside the store's
 * write transaction, which serialises writers on both engines: two
 * programs taking a hold at once cannot both win.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "clr-store-case-hold.h"
#include "clr-store-private.h"
#include "clr-store-task.h"

#define ACTION_HOLD "case.hold"
#define ACTION_RELEASE "case.release"

static const ClrStoreColumn hold_columns[] = {
  CLR_STORE_COLUMN (TEXT, ClrCaseHold, held_by),
  CLR_STORE_COLUMN (TEXT, ClrCaseHold, held_by_user),
  CLR_STORE_COLUMN (TEXT, ClrCaseHold, since),
  CLR_STORE_COLUMN (TEXT, ClrCaseHold, expires_at),
};

void
clr_case_hold_free (ClrCaseHold *hold)
{
  _clr_store_free_columns (hold, hold_columns, G_N_ELEMENTS (hold_columns));
}

/* The unexpired hold on @case_id, or NULL; *@failed on a database error.
 * The lock is held. */
static ClrCaseHold *
read_hold (ClrStore    *self,
           gint64       case_id,
           gboolean    *failed,
           GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrCaseHold *hold;

  stmt = _clr_store_lease_find (self, "SELECT held_by, held_by_user, held_since, expires_at, holder "
                                      "FROM case_holds WHERE case_id = ?1 AND expires_at > ?2",
                                case_id, _("Reading who is editing a case"), failed, error);
  if (stmt == NULL)
    return NULL;
  hold = g_new0 (ClrCaseHold, 1);
  _clr_store_read_columns (hold, hold_columns, G_N_ELEMENTS (hold_columns), stmt);
  hold->own = g_strcmp0 (clr_db_stmt_column_text (stmt, 4), _clr_store_get_instance_id (self)) == 0;
  return hold;
}

static gboolean
write_hold (ClrStore    *self,
            gint64       case_id,
            const char  *holder,
            GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  /* A renewal keeps the time the hold was taken. */
  stmt = _clr_store_prepare (self,
                             "INSERT INTO case_holds (case_id, holder, held_by, held_by_user, held_since, expires_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id) DO UPDATE SET "
                             "held_since = CASE WHEN case_holds.holder = excluded.holder "
                             "AND case_holds.expires_at > excluded.held_since "
                             "THEN case_holds.held_since ELSE excluded.held_since END, "
                             "holder = excluded.holder, held_by = excluded.held_by, "
                             "held_by_user = excluded.held_by_user, expires_at = excluded.expires_at",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (stmt, 1, case_id);
  clr_db_stmt_bind_text (stmt, 2, _clr_store_get_instance_id (self));
  _clr_store_lease_bind (self, stmt, 3, holder, CLR_CASE_HOLD_SECONDS);
  return _clr_store_step_done (self, stmt, _("Taking a case for editing"), error);
}

gboolean
clr_store_case_hold (ClrStore     *self,
                     gint64        case_id,
                     const char   *holder,
                     ClrCaseHold **held_by_other,
                     GError      **error)
{
  g_autoptr(ClrCaseHold) hold = NULL;
  gboolean failed = FALSE;
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (held_by_other == NULL || *held_by_other == NULL, FALSE);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  ok = _clr_store_case_exists (self, case_id, error);
  if (ok)
    {
      hold = read_hold (self, case_id, &failed, error);
      ok = !failed && (hold == NULL || hold->own);
    }
  if (ok)
    ok = write_hold (self, case_id, holder, error);
  if (ok && hold == NULL)
    _clr_store_note_change_of (self, ACTION_HOLD, case_id, case_id, NULL);
  ok = _clr_store_write_end (self, ok, error);
  /* Held by another program: not an error. */
  if (!ok && hold != NULL && !hold->own && held_by_other != NULL)
    *held_by_other = g_steal_pointer (&hold);
  return ok;
}

gboolean
clr_store_case_release (ClrStore  *self,
                        gint64     case_id,
                        GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  stmt = _clr_store_prepare (self, "DELETE FROM case_holds WHERE case_id = ?1 AND holder = ?2", error);
  if (stmt != NULL)
    {
      clr_db_stmt_bind_int64 (stmt, 1, case_id);
      clr_db_stmt_bind_text (stmt, 2, _clr_store_get_instance_id (self));
      ok = _clr_store_step_done (self, stmt, _("Releasing a case"), error);
      if (ok && clr_db_changes (_clr_store_get_db (self)) > 0)
        _clr_store_note_change_of (self, ACTION_RELEASE, case_id, case_id, NULL);
    }
  return _clr_store_write_end (self, ok, error);
}

ClrCaseHold *
clr_store_case_get_hold (ClrStore  *self,
                         gint64     case_id,
                         GError   **error)
{
  ClrCaseHold *hold;
  gboolean failed;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  hold = read_hold (self, case_id, &failed, error);
  _clr_store_unlock (self);
  return hold;
}

gboolean
_clr_store_case_check_hold (ClrStore  *self,
                            gint64     case_id,
                            GError   **error)
{
  g_autoptr(ClrCaseHold) hold = NULL;
  gboolean failed;

  hold = read_hold (self, case_id, &failed, error);
  if (failed)
    return FALSE;
  if (hold != NULL && !hold->own)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED,
                   /* Translators: case number, name, user, time (ISO 8601 UTC). */
                   _("Case %" PRId64 " is being edited by %s (%s) since %s; "
                     "it cannot be changed until they close it"),
                   case_id, hold->held_by, hold->held_by_user, hold->since);
      return FALSE;
    }
  return TRUE;
}

char *
_clr_store_case_not_held_sql (guint case_param,
                              guint now_param,
                              guint holder_param)
{
  return g_strdup_printf ("NOT EXISTS (SELECT 1 FROM case_holds WHERE case_holds.case_id = ?%u "
                          "AND case_holds.holder <> ?%u AND case_holds.expires_at > ?%u)",
                          case_param, holder_param, now_param);
}

/* ---- Off the main thread ------------------------------------------------- */

typedef struct
{
  gint64  case_id;
  char   *holder;
} HoldData;

static void
hold_data_free (HoldData *data)
{
  g_free (data->holder);
  g_free (data);
}

/* What clr_store_case_hold() said: taken, or held by @other. */
typedef struct
{
  gboolean     taken;
  ClrCaseHold *other;
} HoldOutcome;

static void
hold_outcome_free (HoldOutcome *outcome)
{
  clr_case_hold_free (outcome->other);
  g_free (outcome);
}

static gpointer
hold_func (gpointer       self,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  HoldData *data = task_data;
  g_autoptr(ClrCaseHold) other = NULL;
  HoldOutcome *outcome;

  if (!clr_store_case_hold (self, data->case_id, data->holder, &other, error) && other == NULL)
    return NULL;
  outcome = g_new0 (HoldOutcome, 1);
  outcome->taken = other == NULL;
  outcome->other = g_steal_pointer (&other);
  return outcome;
}

CLR_STORE_TASK_FUNC (release_func, HoldData,
                     GINT_TO_POINTER (clr_store_case_release (self, data->case_id, error)))

static void
run_hold_task (ClrStore            *self,
               gpointer             tag,
               ClrStoreTaskFunc     func,
               gint64               case_id,
               const char          *holder,
               GDestroyNotify       result_free,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  HoldData *data = g_new0 (HoldData, 1);

  data->case_id = case_id;
  data->holder = g_strdup (holder);
  /* A hold taken or given up is reported even when cancelled meanwhile:
   * the caller must know what it holds. */
  _clr_store_task_run (self, tag, CLR_STORE_TASK_REPORT_DONE, func, data, (GDestroyNotify) hold_data_free,
                       result_free, cancellable, callback, user_data);
}

void
clr_store_case_hold_async (ClrStore            *self,
                           gint64               case_id,
                           const char          *holder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  run_hold_task (self, clr_store_case_hold_async, hold_func, case_id, holder,
                 (GDestroyNotify) hold_outcome_free, cancellable, callback, user_data);
}

gboolean
clr_store_case_hold_finish (ClrStore      *self,
                            GAsyncResult  *result,
                            ClrCaseHold  **held_by_other,
                            GError       **error)
{
  HoldOutcome *outcome;
  gboolean taken;

  g_return_val_if_fail (held_by_other == NULL || *held_by_other == NULL, FALSE);

  outcome = _clr_store_task_finish_pointer (self, result, error);
  if (outcome == NULL)
    return FALSE;
  taken = outcome->taken;
  if (held_by_other != NULL)
    *held_by_other = g_steal_pointer (&outcome->other);
  hold_outcome_free (outcome);
  return taken;
}

void
clr_store_case_release_async (ClrStore            *self,
                              gint64               case_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  run_hold_task (self, clr_store_case_release_async, release_func, case_id, NULL,
                 NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_case_release_finish, ClrStore, boolean)
