/* clr-store-private.h — shared by the store's own files, never by its users
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "clr-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* One connection per ClrStore, serialised by a mutex: take the lock around
 * every use of the handle, from whatever thread. */
sqlite3      *_clr_store_get_db     (ClrStore      *self);
void          _clr_store_lock       (ClrStore      *self);
void          _clr_store_unlock     (ClrStore      *self);

/* Records, inside a write transaction, a short description of what it
 * does ("review.decide review 12"): named to the user if the commit turns
 * out to have gone into a WAL file another program deleted. */
void          _clr_store_note_action (ClrStore     *self,
                                      const char   *description);

/* Records, inside a write transaction, that review item @review_id was
 * decided: ClrStore::review-decided is emitted for it once the transaction
 * commits (nothing if it rolls back). */
void          _clr_store_note_review_decided (ClrStore   *self,
                                              gint64      case_id,
                                              gint64      review_id,
                                              const char *decision);

/* Sets @error from the connection's last error, prefixed with @what. */
void          _clr_store_set_error  (ClrStore      *self,
                                     GError       **error,
                                     const char    *what);
gboolean      _clr_store_exec       (ClrStore      *self,
                                     const char    *sql,
                                     GError       **error);
sqlite3_stmt *_clr_store_prepare    (ClrStore      *self,
                                     const char    *sql,
                                     GError       **error);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; rollback never fails loudly. */
gboolean      _clr_store_begin      (ClrStore      *self,
                                     GError       **error);
gboolean      _clr_store_commit     (ClrStore      *self,
                                     GError       **error);
void          _clr_store_rollback   (ClrStore      *self);

/* Text column helper: a copy of column @col or NULL. */
char         *_clr_stmt_dup_text    (sqlite3_stmt  *stmt,
                                     int            col);

/* The summary of an evaluation result that its case.evaluate audit entry
 * records as "after" (verdict, as of, posture, reference, findings, data). */
JsonNode     *_clr_store_case_result_summary (JsonNode *result);

/* Current UTC time as ISO 8601 ("2026-11-28T15:18:44Z"). */
char         *_clr_store_now_iso    (void);

G_END_DECLS
