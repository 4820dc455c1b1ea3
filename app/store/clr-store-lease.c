/* clr-store-lease.c — what the store's two leases share: case holds and
 * review claims
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lease is a row naming who holds something (a display name and the
 * user), since when and until when; it ends by itself when its time is up.
 * Its table and its rules (who may take it over) are its owner's.
 */

#include "config.h"

#include "clr-store-audit.h"
#include "clr-store-private.h"

ClrDbStmt *
_clr_store_lease_find (ClrStore    *self,
                       const char  *sql,
                       gint64       id,
                       const char  *what,
                       gboolean    *failed,
                       GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, sql, error);
  g_autofree char *now = _clr_store_now_iso ();
  ClrDbStep step;

  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_int64 (stmt, 1, id);
  clr_db_stmt_bind_text (stmt, 2, now);
  step = clr_db_stmt_step (stmt);
  if (step == CLR_DB_STEP_ROW)
    return g_steal_pointer (&stmt);
  if (step != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      *failed = TRUE;
    }
  return NULL;
}

void
_clr_store_lease_bind (ClrStore   *self,
                       ClrDbStmt  *stmt,
                       int         first,
                       const char *holder,
                       int         seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_seconds (now, seconds);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *until_text = g_date_time_format (until, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *display = holder != NULL ? g_strdup (holder) : clr_store_audit_dup_reviewer (self);

  clr_db_stmt_bind_text (stmt, first, display);
  clr_db_stmt_bind_text (stmt, first + 1, _clr_store_get_user (self));
  clr_db_stmt_bind_text (stmt, first + 2, now_text);
  clr_db_stmt_bind_text (stmt, first + 3, until_text);
}
