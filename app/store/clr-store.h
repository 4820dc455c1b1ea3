/* clr-store.h — the local SQLite database of lists, rule packs, cases and decisions
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CLR_STORE_ERROR (clr_store_error_quark ())

typedef enum
{
  CLR_STORE_ERROR_CORRUPT,        /* not a SQLite database, or damaged */
  CLR_STORE_ERROR_NEWER_SCHEMA,   /* written by a newer Clearance: refused, never altered */
  CLR_STORE_ERROR_IO,             /* cannot create, open or write the file */
  CLR_STORE_ERROR_SQL,            /* an unexpected SQLite failure */
  CLR_STORE_ERROR_NOT_FOUND,
  CLR_STORE_ERROR_INVALID,        /* the caller's data is rejected (bad input) */
  CLR_STORE_ERROR_UNCHANGED,      /* nothing to do: e.g. the same list file imported again */
  CLR_STORE_ERROR_SANITY,         /* a guard refused the change (e.g. a list shrinking by > 20 %) */
  CLR_STORE_ERROR_BUSY,           /* another connection kept the write lock past the busy wait */
  CLR_STORE_ERROR_READ_ONLY,      /* the database file cannot be written: opened read-only */
  CLR_STORE_ERROR_CLAIMED,        /* another reviewer holds a claim on the review item */
  CLR_STORE_ERROR_ALREADY_DECIDED, /* a review item was decided by someone: not changed without an explicit change */
  CLR_STORE_ERROR_APPROVAL,       /* a four-eyes approval was refused: own decision, nothing to approve, entry changed */
} ClrStoreError;

GQuark clr_store_error_quark (void);

#define CLR_TYPE_STORE (clr_store_get_type ())

G_DECLARE_FINAL_TYPE (ClrStore, clr_store, CLR, STORE, GObject)

/* The database the CLI and the app use when none is named:
 * $CLEARANCE_DB, else $XDG_DATA_HOME/clearance/clearance.db. A path is an
 * SQLite file; "postgresql://…" (or "postgres://…") a team server. */
char         *clr_store_dup_default_path      (void);

ClrStore     *clr_store_new                   (const char           *path);
gboolean      clr_store_open                  (ClrStore             *self,
                                               GError              **error);
void          clr_store_open_async            (ClrStore             *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      clr_store_open_finish           (ClrStore             *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean      clr_store_is_open               (ClrStore             *self);
/* TRUE when the file could be read but not written: reads work, every
 * write fails with CLR_STORE_ERROR_READ_ONLY. */
gboolean      clr_store_is_read_only          (ClrStore             *self);
const char   *clr_store_get_path              (ClrStore             *self);
/* The path, or the server's address without its password: for messages. */
const char   *clr_store_get_display_path      (ClrStore             *self);
/* TRUE when the store is a PostgreSQL server (a team database). */
gboolean      clr_store_is_server             (ClrStore             *self);
/* The user recorded with decisions, claims and audit entries. On a team
 * server it is always the role the session logged in as; for a file it is
 * $CLEARANCE_USER, else the OS user name, or what this sets (NULL: back to
 * that default). FALSE, and nothing changes, on a server. */
gboolean      clr_store_set_local_user        (ClrStore             *self,
                                               const char           *user);
const char   *clr_store_get_user              (ClrStore             *self);
/* On a team database: hear the changes other programs commit, as
 * ::external-change (and ::review-decided) in the thread that made the
 * store. It connects in a worker thread (and again after a drop), so it
 * returns at once; clr_store_is_watching() says when changes are heard.
 * Nothing to do for a file. */
void          clr_store_watch                 (ClrStore             *self);
gboolean      clr_store_is_watching           (ClrStore             *self);
/* While ::external-change (or ::review-decided from another program) is
 * emitted: the reviewer's name the other program records (its Reviewer
 * Name, $CLEARANCE_REVIEWER or account name), or NULL; NULL otherwise. */
const char   *clr_store_get_change_author     (ClrStore             *self);
int           clr_store_get_schema_version    (ClrStore             *self);
int           clr_store_get_latest_schema_version (void);

/* Moves a damaged database (and its -wal/-shm files) aside to
 * PATH.damaged-YYYYMMDD-HHMMSS; returns the new path. Never deletes. */
char         *clr_store_move_aside            (const char           *path,
                                               GError              **error);

G_END_DECLS
