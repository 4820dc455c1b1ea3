/* clr-db.h — the store's connection to its database engine: an SQLite file
 * (the default, no set-up) or a PostgreSQL server (a team database)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that differs between the two engines lives behind this header
 * (clr-db-sqlite.c, clr-db-postgresql.c): opening, errors, statements,
 * transactions that serialise writers, the schema version and where each
 * engine's migrations are. The store's files write one SQL text for both:
 * "?N" parameters, ON CONFLICT upserts, RETURNING ids, "<> 0" for flags.
 * The PostgreSQL side turns "?N" into "$N" and LIKE into ILIKE (SQLite's
 * LIKE ignores ASCII case; the store relies on that). A statement's
 * columns read the same on both: text, 64-bit integers (a boolean column
 * reads as 0 or 1), doubles, NULL.
 *
 * A ClrDb is not thread-safe: the store serialises every use of it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CLR_DB_ENGINE_SQLITE,
  CLR_DB_ENGINE_POSTGRESQL,
} ClrDbEngine;

/* What the connection's last failure was. */
typedef enum
{
  CLR_DB_FAILURE_NONE,
  CLR_DB_FAILURE_SQL,         /* anything else: a bad statement, a type error… */
  CLR_DB_FAILURE_BUSY,        /* another writer held the database for the whole wait */
  CLR_DB_FAILURE_READ_ONLY,   /* the database may not be written (file or role) */
  CLR_DB_FAILURE_CORRUPT,     /* not a database, or damaged */
  CLR_DB_FAILURE_IO,          /* cannot open or reach it, disk full, connection lost */
  CLR_DB_FAILURE_CONSTRAINT,  /* a unique, check or foreign key constraint, or a trigger, refused */
} ClrDbFailure;

typedef enum
{
  CLR_DB_STEP_ROW,   /* a row is there to read */
  CLR_DB_STEP_DONE,  /* the statement ran to its end */
  CLR_DB_STEP_ERROR, /* it failed: see clr_db_get_failure() */
} ClrDbStep;

/* What a column of the current row holds. */
typedef enum
{
  CLR_DB_COLUMN_NULL,
  CLR_DB_COLUMN_INTEGER,
  CLR_DB_COLUMN_FLOAT,
  CLR_DB_COLUMN_TEXT,
} ClrDbColumnKind;

typedef struct _ClrDb     ClrDb;
typedef struct _ClrDbStmt ClrDbStmt;

/* TRUE when @location names a PostgreSQL server ("postgresql://…",
 * "postgres://…"); anything else is an SQLite file's path. */
gboolean      clr_db_location_is_server   (const char  *location);
/* @location as it may be shown and logged: a server address without its
 * password; a path as it is. */
char         *clr_db_dup_display_location (const char  *location);

/* Opens @location. Never NULL: when opening fails the result is not
 * connected (clr_db_is_connected()) and says why; free it with
 * clr_db_close(). @read_only opens an SQLite file read-only (a server
 * decides by its grants). A write waits up to @busy_timeout_ms for another
 * writer. */
ClrDb        *clr_db_open                 (const char  *location,
                                           gboolean     read_only,
                                           int          busy_timeout_ms);
/* Closes @db. For SQLite, @checkpoint first copies the WAL into the file
 * when no other connection needs it (see clr-store.c). */
void          clr_db_close                (ClrDb       *db,
                                           gboolean     checkpoint);
gboolean      clr_db_is_connected         (ClrDb       *db);
ClrDbEngine   clr_db_get_engine           (ClrDb       *db);

ClrDbFailure  clr_db_get_failure          (ClrDb       *db);
const char   *clr_db_get_message          (ClrDb       *db);

/* Runs @sql, which may hold several statements and returns no rows. */
gboolean      clr_db_exec                 (ClrDb       *db,
                                           const char  *sql);
/* A statement of one SQL command; NULL when it cannot be prepared (the
 * failure is kept). PostgreSQL checks it only when it first runs. */
ClrDbStmt    *clr_db_prepare              (ClrDb       *db,
                                           const char  *sql);
/* Rows changed by the last INSERT, UPDATE or DELETE that ran to its end. */
gint64        clr_db_changes              (ClrDb       *db);
gboolean      clr_db_in_transaction       (ClrDb       *db);

/* Begins a write transaction that no other writer of the database runs
 * beside: SQLite's BEGIN IMMEDIATE; on PostgreSQL a transaction that first
 * takes the store's advisory lock (so the audit chain and first-wins
 * decisions see every earlier write). A read never waits for it. */
gboolean      clr_db_begin_write          (ClrDb       *db);
gboolean      clr_db_commit               (ClrDb       *db);
/* Rolls back an open transaction; never fails loudly. */
void          clr_db_rollback             (ClrDb       *db);

/* The schema version the migrations brought the database to (0 for an
 * empty database), or -1 with the failure kept. */
int           clr_db_get_schema_version   (ClrDb       *db);
/* Sets it, inside the migration's transaction. */
gboolean      clr_db_set_schema_version   (ClrDb       *db,
                                           int          version);
/* After rows with explicit ids were inserted into @table (a copy): the
 * next id the database gives is above them (PostgreSQL's identity
 * sequence; SQLite needs nothing). */
gboolean      clr_db_sync_id_sequence     (ClrDb       *db,
                                           const char  *table);
/* A quick structural check: FALSE with *@problem set (free it) when the
 * database is damaged; TRUE where the engine checks itself (PostgreSQL). */
gboolean      clr_db_check_integrity      (ClrDb       *db,
                                           char       **problem);
/* The resource folder (below the store's sql/) whose NNNN-name.sql files
 * replace the portable ones of the same name for this engine, or NULL. */
const char   *clr_db_get_migrations_dialect (ClrDb     *db);

/* Statements. A NULL text binds NULL. Indexes start at 1, columns at 0. */
void          clr_db_stmt_bind_text       (ClrDbStmt   *stmt,
                                           int          index,
                                           const char  *value);
void          clr_db_stmt_bind_int64      (ClrDbStmt   *stmt,
                                           int          index,
                                           gint64       value);
void          clr_db_stmt_bind_double     (ClrDbStmt   *stmt,
                                           int          index,
                                           double       value);
void          clr_db_stmt_bind_null       (ClrDbStmt   *stmt,
                                           int          index);
ClrDbStep     clr_db_stmt_step            (ClrDbStmt   *stmt);
/* The current row's column @column: NULL (text), 0 or 0.0 for SQL NULL. */
const char   *clr_db_stmt_column_text     (ClrDbStmt   *stmt,
                                           int          column);
gint64        clr_db_stmt_column_int64    (ClrDbStmt   *stmt,
                                           int          column);
double        clr_db_stmt_column_double   (ClrDbStmt   *stmt,
                                           int          column);
gboolean      clr_db_stmt_column_is_null  (ClrDbStmt   *stmt,
                                           int          column);
/* How many columns the statement's rows have, their names and what the
 * current row's column holds; valid once a step returned a row. */
int           clr_db_stmt_column_count    (ClrDbStmt   *stmt);
const char   *clr_db_stmt_column_name     (ClrDbStmt   *stmt,
                                           int          column);
ClrDbColumnKind clr_db_stmt_column_kind   (ClrDbStmt   *stmt,
                                           int          column);
/* Makes @stmt ready to run again; the bindings are kept. */
void          clr_db_stmt_reset           (ClrDbStmt   *stmt);
void          clr_db_stmt_clear_bindings  (ClrDbStmt   *stmt);
void          clr_db_stmt_free            (ClrDbStmt   *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrDbStmt, clr_db_stmt_free)

/* Announces @payload on @channel to every connection that watches it,
 * when the open transaction commits (PostgreSQL NOTIFY). On SQLite there is
 * nobody to tell: TRUE and nothing happens. */
gboolean      clr_db_notify               (ClrDb       *db,
                                           const char  *channel,
                                           const char  *payload);

/* Watching a server for announcements: a connection of its own that
 * listens on @channel; @func gets each payload in the thread of @context
 * (its socket is watched there, nothing polls). The connection is made in
 * a worker thread, at once and again every few seconds while it cannot be
 * made or after it drops; announcements made before it listens are not
 * heard (clr_db_watch_is_listening()). NULL for an SQLite location
 * (nothing to watch). */
typedef void (*ClrDbNotifyFunc) (const char *payload,
                                 gpointer    user_data);
typedef struct _ClrDbWatch ClrDbWatch;

ClrDbWatch   *clr_db_watch_new            (const char      *location,
                                           const char      *channel,
                                           GMainContext    *context,
                                           ClrDbNotifyFunc  func,
                                           gpointer         user_data);
/* Whether @watch hears announcements now: connected and listening. */
gboolean      clr_db_watch_is_listening   (ClrDbWatch      *watch);
void          clr_db_watch_free           (ClrDbWatch      *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrDbWatch, clr_db_watch_free)

/* For the SQLite engine only (NULL otherwise): the connection, for the
 * store's WAL safeguards in clr-store.c. */
struct sqlite3 *clr_db_get_sqlite         (ClrDb       *db);

G_END_DECLS
