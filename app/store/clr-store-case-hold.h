/* clr-store-case-hold.h — which program has a case open for editing, so
 * that a case open in two apps is edited in one only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-store.h"

G_BEGIN_DECLS

/* How long a hold lasts unless renewed: 2 minutes. An app renews it every
 * CLR_CASE_HOLD_RENEW_SECONDS while the case is open. */
#define CLR_CASE_HOLD_SECONDS 120
#define CLR_CASE_HOLD_RENEW_SECONDS 60

/* Who holds a case. */
typedef struct
{
  char     *held_by;       /* display name */
  char     *held_by_user;  /* user (the database role on a server) */
  char     *since;         /* ISO 8601 UTC: when that program took it */
  char     *expires_at;    /* ISO 8601 UTC */
  gboolean  own;           /* held by this store (this program) */
} ClrCaseHold;

void         clr_case_hold_free     (ClrCaseHold *hold);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrCaseHold, clr_case_hold_free)

/* Takes, or renews, this store's hold on case @case_id for
 * CLR_CASE_HOLD_SECONDS, as @holder (a display name; NULL: the store's
 * reviewer). The holder is this store (this program), not the user: two
 * apps of one user exclude each other too. When another store holds an
 * unexpired hold, returns FALSE without setting @error and sets
 * *@held_by_other (when not NULL) to it. Errors: CLR_STORE_ERROR_NOT_FOUND
 * for an unknown case. Announced as "case.hold" on a team database when
 * taken (not when renewed). */
gboolean     clr_store_case_hold    (ClrStore     *self,
                                     gint64        case_id,
                                     const char   *holder,
                                     ClrCaseHold **held_by_other,
                                     GError      **error);
/* Gives up this store's hold on @case_id (nothing when it has none);
 * announced as "case.release" on a team database. */
gboolean     clr_store_case_release (ClrStore     *self,
                                     gint64        case_id,
                                     GError      **error);
/* clr_store_case_hold() in a worker thread, for a program's main thread;
 * the _finish returns what it would, *@held_by_other included. */
void         clr_store_case_hold_async     (ClrStore            *self,
                                            gint64               case_id,
                                            const char          *holder,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     clr_store_case_hold_finish    (ClrStore            *self,
                                            GAsyncResult        *result,
                                            ClrCaseHold        **held_by_other,
                                            GError             **error);
/* clr_store_case_release() in a worker thread. */
void         clr_store_case_release_async  (ClrStore            *self,
                                            gint64               case_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     clr_store_case_release_finish (ClrStore            *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* The unexpired hold on @case_id, anyone's: NULL when there is none (not
 * an error). */
ClrCaseHold *clr_store_case_get_hold (ClrStore    *self,
                                      gint64       case_id,
                                      GError     **error);

/* clr-store-cases.c: FALSE (CLR_STORE_ERROR_NOT_FOUND) unless case @id
 * exists; the lock is held. */
gboolean     _clr_store_case_exists  (ClrStore  *self,
                                      gint64     id,
                                      GError   **error);

/* Inside a write (the lock held): FALSE with CLR_STORE_ERROR_CLAIMED,
 * naming the holder, when another store holds case @case_id. Every edit
 * of a case (its shipment document, archiving) calls it or checks the same
 * in its statement; storing an evaluation's result does not: it is not an
 * edit (clearance-cli evaluate --case re-evaluates a case open in an app). */
gboolean     _clr_store_case_check_hold (ClrStore  *self,
                                         gint64     case_id,
                                         GError   **error);

/* The SQL condition "no other store holds case ?CASE": for a case's
 * single-statement writes, with the case id at @case_param, the current
 * time at @now_param and this store's id (_clr_store_get_instance_id()) at
 * @holder_param. Free with g_free(). */
char        *_clr_store_case_not_held_sql (guint case_param,
                                           guint now_param,
                                           guint holder_param);

G_END_DECLS
