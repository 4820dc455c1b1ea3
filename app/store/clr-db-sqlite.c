/* clr-db-sqlite.c — the SQLite engine of clr-db.h: a database file
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "clr-db-private.h"

typedef struct
{
  ClrDb    parent;
  sqlite3 *handle;
  gboolean read_only;
} ClrDbSqlite;

typedef struct
{
  ClrDbStmt     parent;
  sqlite3_stmt *stmt;
} ClrDbSqliteStmt;

#define HANDLE(db)   (((ClrDbSqlite *) (db))->handle)
#define STMT(stmt)   (((ClrDbSqliteStmt *) (stmt))->stmt)

static void
keep_failure (ClrDb *db,
              int    code)
{
  ClrDbFailure failure;

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      failure = CLR_DB_FAILURE_BUSY;
      break;
    case SQLITE_READONLY:
      failure = CLR_DB_FAILURE_READ_ONLY;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      failure = CLR_DB_FAILURE_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
      failure = ((ClrDbSqlite *) db)->read_only ? CLR_DB_FAILURE_READ_ONLY : CLR_DB_FAILURE_IO;
      break;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      failure = CLR_DB_FAILURE_IO;
      break;
    case SQLITE_CONSTRAINT:
      failure = CLR_DB_FAILURE_CONSTRAINT;
      break;
    default:
      failure = CLR_DB_FAILURE_SQL;
    }

  _clr_db_set_failure (db, failure, HANDLE (db) != NULL ? sqlite3_errmsg (HANDLE (db)) : sqlite3_errstr (code));
}

static void
sqlite_close (ClrDb    *db,
              gboolean  checkpoint)
{
  sqlite3 *handle = HANDLE (db);

  if (handle == NULL)
    return;
  if (db->connected && checkpoint && !sqlite3_db_readonly (handle, "main"))
    {
      sqlite3_busy_timeout (handle, 0);
      sqlite3_wal_checkpoint_v2 (handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
  sqlite3_close (handle);
}

static gboolean
sqlite_exec (ClrDb      *db,
             const char *sql)
{
  int rc = sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      keep_failure (db, rc);
      return FALSE;
    }
  db->changes = sqlite3_changes (HANDLE (db));
  return TRUE;
}

static ClrDbStmt *
sqlite_prepare (ClrDb      *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  ClrDbSqliteStmt *self;
  int rc = sqlite3_prepare_v2 (HANDLE (db), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      keep_failure (db, rc);
      return NULL;
    }

  self = g_new0 (ClrDbSqliteStmt, 1);
  self->parent.db = db;
  self->stmt = stmt;
  return &self->parent;
}

static gboolean
sqlite_in_transaction (ClrDb *db)
{
  return !sqlite3_get_autocommit (HANDLE (db));
}

static gboolean
sqlite_begin_write (ClrDb *db)
{
  return sqlite_exec (db, "BEGIN IMMEDIATE");
}

/* The first column of @pragma's one row, as text: NULL with the failure
 * kept when it cannot be read. */
static char *
read_pragma (ClrDb      *db,
             const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (HANDLE (db), pragma, -1, &stmt, NULL);
  char *value = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    keep_failure (db, rc);
  sqlite3_finalize (stmt);
  return value;
}

static int
sqlite_get_schema_version (ClrDb *db)
{
  g_autofree char *version = read_pragma (db, "PRAGMA user_version");

  return version != NULL ? atoi (version) : -1;
}

static gboolean
sqlite_set_schema_version (ClrDb *db,
                           int    version)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  return sqlite_exec (db, pragma);
}

static gboolean
sqlite_check_integrity (ClrDb  *db,
                        char  **problem)
{
  g_autofree char *result = read_pragma (db, "PRAGMA quick_check");

  if (result == NULL)
    *problem = g_strdup (clr_db_get_message (db));
  else if (strcmp (result, "ok") != 0)
    *problem = g_steal_pointer (&result);
  return *problem == NULL;
}

static gboolean
sqlite_sync_id_sequence (ClrDb      *db,
                         const char *table)
{
  /* An explicit rowid above the others moves SQLite's next id (and
   * sqlite_sequence, for AUTOINCREMENT tables) by itself. */
  return TRUE;
}

static gboolean
sqlite_notify (ClrDb      *db,
               const char *channel,
               const char *payload)
{
  /* A file has no listeners: two programs on it see each other's changes
   * on their next read. */
  return TRUE;
}

static void
sqlite_bind_text (ClrDbStmt  *stmt,
                  int         index,
                  const char *value)
{
  sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_int64 (ClrDbStmt *stmt,
                   int        index,
                   gint64     value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (ClrDbStmt *stmt,
                    int        index,
                    double     value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_null (ClrDbStmt *stmt,
                  int        index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static ClrDbStep
sqlite_step (ClrDbStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return CLR_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    {
      stmt->db->changes = sqlite3_changes (HANDLE (stmt->db));
      return CLR_DB_STEP_DONE;
    }
  keep_failure (stmt->db, rc);
  return CLR_DB_STEP_ERROR;
}

static const char *
sqlite_column_text (ClrDbStmt *stmt,
                    int        column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (ClrDbStmt *stmt,
                     int        column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (ClrDbStmt *stmt,
                      int        column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (ClrDbStmt *stmt,
                       int        column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static int
sqlite_column_count (ClrDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (ClrDbStmt *stmt,
                    int        column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static ClrDbColumnKind
sqlite_column_kind (ClrDbStmt *stmt,
                    int        column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_INTEGER:
      return CLR_DB_COLUMN_INTEGER;
    case SQLITE_FLOAT:
      return CLR_DB_COLUMN_FLOAT;
    case SQLITE_NULL:
      return CLR_DB_COLUMN_NULL;
    default:
      return CLR_DB_COLUMN_TEXT;
    }
}

static void
sqlite_reset (ClrDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear_bindings (ClrDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_stmt_free (ClrDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static const ClrDbEngineFuncs sqlite_funcs = {
  .engine = CLR_DB_ENGINE_SQLITE,
  .migrations_dialect = NULL,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .in_transaction = sqlite_in_transaction,
  .begin_write = sqlite_begin_write,
  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .check_integrity = sqlite_check_integrity,
  .sync_id_sequence = sqlite_sync_id_sequence,
  .notify = sqlite_notify,
  .bind_text = sqlite_bind_text,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_text = sqlite_column_text,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_is_null = sqlite_column_is_null,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_kind = sqlite_column_kind,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .stmt_free = sqlite_stmt_free,
};

ClrDb *
_clr_db_sqlite_open (const char *path,
                     gboolean    read_only,
                     int         busy_timeout_ms)
{
  ClrDbSqlite *self = g_new0 (ClrDbSqlite, 1);
  ClrDb *db = &self->parent;
  int persist_wal = 1;
  int rc;

  db->funcs = &sqlite_funcs;
  db->busy_timeout_ms = busy_timeout_ms;
  self->read_only = read_only;

  rc = sqlite3_open_v2 (path, &self->handle,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                        SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      keep_failure (db, rc);
      return db;
    }

  sqlite3_extended_result_codes (self->handle, 0);
  sqlite3_busy_timeout (self->handle, busy_timeout_ms);

  /* Never delete the WAL (or the -shm index) on close. A process that
   * opens and closes the database file outside SQLite (the app's file
   * dialogs: GIO sniffs content types) silently drops that process's POSIX
   * locks, so another connection may believe it is the last one and delete
   * the WAL the first still writes into (SQLite, "How To Corrupt" §2.2). Either setting alone
   * prevents it (tests/cli/test-cli-wal.c); clr_db_close() checkpoints
   * safely instead. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist_wal);

  db->connected = TRUE;
  return db;
}

struct sqlite3 *
clr_db_get_sqlite (ClrDb *db)
{
  return db->funcs == &sqlite_funcs ? HANDLE (db) : NULL;
}
