/* clr-store-review-claim.c — claiming a review item for a while
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim is a lease, not a lock: it ends by itself when its time is up
 * (a reviewer who closes the app, or whose program is killed, holds
 * nothing for long), and every check runs inside the store's write
 * transaction, which serialises writers on both engines, so two reviewers
 * claiming at once cannot both win.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "clr-store-private.h"
#include "clr-store-review-claim.h"
#include "clr-store-task.h"

#define MAX_MINUTES 480

static const ClrStoreColumn claim_columns[] = {
  CLR_STORE_COLUMN (TEXT, ClrReviewClaim, claimed_by),
  CLR_STORE_COLUMN (TEXT, ClrReviewClaim, claimed_by_user),
  CLR_STORE_COLUMN (TEXT, ClrReviewClaim, claimed_at),
  CLR_STORE_COLUMN (TEXT, ClrReviewClaim, expires_at),
};

void
clr_review_claim_free (ClrReviewClaim *claim)
{
  _clr_store_free_columns (claim, claim_columns, G_N_ELEMENTS (claim_columns));
}

/* The unexpired claim on @id, or NULL; *@failed on a database error. The
 * lock is held. */
static ClrReviewClaim *
read_claim (ClrStore  *self,
            gint64     id,
            gboolean  *failed,
            GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrReviewClaim *claim;

  stmt = _clr_store_lease_find (self, "SELECT claimed_by, claimed_by_user, claimed_at, expires_at "
                                      "FROM review_claims WHERE item_id = ?1 AND expires_at > ?2",
                                id, _("Reading a review claim"), failed, error);
  if (stmt == NULL)
    return NULL;
  claim = g_new0 (ClrReviewClaim, 1);
  _clr_store_read_columns (claim, claim_columns, G_N_ELEMENTS (claim_columns), stmt);
  return claim;
}

static void
set_claimed_error (GError               **error,
                   gint64                 id,
                   const ClrReviewClaim  *claim)
{
  g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED,
               /* Translators: item number, reviewer name, user, time (ISO 8601 UTC). */
               _("Item %" PRId64 " is being reviewed by %s (%s) until %s"),
               id, claim->claimed_by, claim->claimed_by_user, claim->expires_at);
}

/* FALSE (CLR_STORE_ERROR_CLAIMED) when another user holds @id. */
static gboolean
check_not_claimed_by_other (ClrStore  *self,
                            gint64     id,
                            GError   **error)
{
  g_autoptr(ClrReviewClaim) claim = NULL;
  gboolean failed;

  claim = read_claim (self, id, &failed, error);
  if (failed)
    return FALSE;
  if (claim != NULL && g_strcmp0 (claim->claimed_by_user, _clr_store_get_user (self)) != 0)
    {
      set_claimed_error (error, id, claim);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_claim (ClrStore  *self,
              gint64     id,
              GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, "DELETE FROM review_claims WHERE item_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (stmt, 1, id);
  return _clr_store_step_done (self, stmt, _("Ending a review claim"), error);
}

/* FALSE unless item @id exists and is open. */
static gboolean
check_open (ClrStore  *self,
            gint64     id,
            GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_get_row (self, "SELECT status FROM review_items WHERE id = ?1", id,
                                                  _("Reading the review queue"), error,
                                                  _("There is no review item %" PRId64), id);

  if (stmt == NULL)
    return FALSE;
  if (g_strcmp0 (clr_db_stmt_column_text (stmt, 0), "open") != 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("Item %" PRId64 " is already decided; there is nothing to claim"), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_claim (ClrStore    *self,
             gint64       id,
             guint        minutes,
             const char  *reviewer,
             GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  stmt = _clr_store_prepare (self,
                             "INSERT INTO review_claims (item_id, claimed_by, claimed_by_user, claimed_at, expires_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (item_id) DO UPDATE SET "
                             "claimed_by = excluded.claimed_by, claimed_by_user = excluded.claimed_by_user, "
                             "claimed_at = excluded.claimed_at, expires_at = excluded.expires_at",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (stmt, 1, id);
  _clr_store_lease_bind (self, stmt, 2, reviewer, (int) minutes * 60);
  return _clr_store_step_done (self, stmt, _("Claiming a review item"), error);
}

gboolean
clr_store_review_claim (ClrStore    *self,
                        gint64       id,
                        guint        minutes,
                        const char  *reviewer,
                        GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > MAX_MINUTES)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A claim lasts from 1 to %d minutes, not %u"), MAX_MINUTES, minutes);
      return FALSE;
    }

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  ok = check_open (self, id, error) &&
       check_not_claimed_by_other (self, id, error) &&
       write_claim (self, id, minutes, reviewer, error);
  if (ok)
    _clr_store_note_change_of (self, "review.claim", 0, id, NULL);
  return _clr_store_write_end (self, ok, error);
}

gboolean
clr_store_review_release (ClrStore  *self,
                          gint64     id,
                          GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  ok = _clr_store_review_check_and_end_claim (self, id, error);
  if (ok)
    _clr_store_note_change_of (self, "review.release", 0, id, NULL);
  return _clr_store_write_end (self, ok, error);
}

ClrReviewClaim *
clr_store_review_get_claim (ClrStore  *self,
                            gint64     id,
                            GError   **error)
{
  ClrReviewClaim *claim;
  gboolean failed;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  claim = read_claim (self, id, &failed, error);
  _clr_store_unlock (self);
  return claim;
}

gboolean
_clr_store_review_check_and_end_claim (ClrStore  *self,
                                       gint64     id,
                                       GError   **error)
{
  return check_not_claimed_by_other (self, id, error) && delete_claim (self, id, error);
}

typedef struct
{
  gint64 id;
  guint  minutes;
} ClaimData;

CLR_STORE_TASK_FUNC (claim_func, ClaimData,
                     GINT_TO_POINTER (clr_store_review_claim (self, data->id, data->minutes, NULL, error)))
CLR_STORE_TASK_FUNC (release_func, ClaimData,
                     GINT_TO_POINTER (clr_store_review_release (self, data->id, error)))
CLR_STORE_TASK_FUNC (get_claim_func, ClaimData, clr_store_review_get_claim (self, data->id, error))

static void
run_claim_task (ClrStore            *self,
                gpointer             tag,
                ClrStoreTaskFlags    flags,
                ClrStoreTaskFunc     func,
                gint64               id,
                guint                minutes,
                GDestroyNotify       result_free,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  ClaimData *data = g_new0 (ClaimData, 1);

  data->id = id;
  data->minutes = minutes;
  _clr_store_task_run (self, tag, flags, func, data, g_free, result_free, cancellable, callback, user_data);
}

void
clr_store_review_claim_async (ClrStore            *self,
                              gint64               id,
                              guint                minutes,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  run_claim_task (self, clr_store_review_claim_async, CLR_STORE_TASK_REPORT_DONE, claim_func, id, minutes,
                  NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_review_claim_finish, ClrStore, boolean)

void
clr_store_review_release_async (ClrStore            *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  run_claim_task (self, clr_store_review_release_async, CLR_STORE_TASK_REPORT_DONE, release_func, id, 0,
                  NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_review_release_finish, ClrStore, boolean)

void
clr_store_review_get_claim_async (ClrStore            *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  run_claim_task (self, clr_store_review_get_claim_async, CLR_STORE_TASK_SKIP_CANCELLED, get_claim_func, id, 0,
                  (GDestroyNotify) clr_review_claim_free, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (ClrReviewClaim *, clr_store_review_get_claim_finish, ClrStore, pointer)
