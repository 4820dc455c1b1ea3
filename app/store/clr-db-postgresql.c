/* clr-db-postgresql.c — the PostgreSQL engine of clr-db.h, over libpq
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's SQL is written once for both engines with SQLite's "?N"
 * parameters; a statement keeps its text split at the parameters and runs
 * with PQexecParams when it is first stepped (results as text). A bound
 * value is sent as a parameter "$N": int8, float8, or text left untyped
 * for the server to read as the column it meets (SQLite stores "1" in an
 * integer column). A NULL is written into the text as the literal NULL,
 * which the server types from each place it is used (a typed NULL would
 * break "case_id = ?8": no bigint = text), and "?N IS NULL" is answered
 * from the binding as TRUE or FALSE (the server cannot type a parameter
 * used both there and in a comparison).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "clr-db-postgresql-private.h"
#include "clr-db-private.h"

/* The key of the transaction-level advisory lock every writer takes
 * (clr_db_begin_write): the bytes of "CLEARNCE" in ASCII, so that it is
 * unlikely to meet another application's advisory lock in a shared
 * database. Never change it: writers of two versions must exclude each other. */
#define CLR_DB_PG_WRITER_LOCK_KEY "4849327045627233093"  /* 0x434C4541524E4345 */

/* When neither the address nor PGCONNECT_TIMEOUT says how long to wait for
 * an unreachable server, give up after this many seconds (libpq waits for
 * the system's TCP timeout, minutes). */
#define CLR_DB_PG_CONNECT_TIMEOUT "10"

/* libpq's type numbers (pg_type.dat), for the parameters and result columns. */
#define BOOLOID    16
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define TEXTOID    25
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700
#define UNKNOWNOID 0      /* for the server to infer */

typedef struct
{
  ClrDb   parent;
  PGconn *conn;
} ClrDbPg;

typedef struct
{
  ClrDbStmt  parent;
  char      *text;     /* the SQL without its parameters */
  GArray    *refs;     /* ClrDbPgParamRef, in order */
  int        n_params;
  char     **values;   /* n_params values as text, NULL for NULL */
  Oid       *types;    /* n_params */
  PGresult  *result;   /* after the first step */
  int        row;      /* the current row of @result */
  gboolean   done;     /* stepped to DONE or ERROR */
} ClrDbPgStmt;

static const ClrDbEngineFuncs postgresql_funcs;

static inline PGconn *
conn_of (ClrDb *db)
{
  return ((ClrDbPg *) db)->conn;
}

/* Failures --------------------------------------------------------------- */

static ClrDbFailure
failure_of_sqlstate (const char *state)
{
  if (state == NULL)
    return CLR_DB_FAILURE_SQL;
  if (g_str_has_prefix (state, "23") || g_str_equal (state, "P0001"))
    return CLR_DB_FAILURE_CONSTRAINT;
  if (g_str_equal (state, "55P03") || g_str_equal (state, "40P01") || g_str_equal (state, "40001"))
    return CLR_DB_FAILURE_BUSY;
  if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    return CLR_DB_FAILURE_READ_ONLY;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P") || g_str_has_prefix (state, "53"))
    return CLR_DB_FAILURE_IO;
  return CLR_DB_FAILURE_SQL;
}

/* Keeps the failure of @result (NULL: libpq had none to give) as @db's. */
static void
set_result_failure (ClrDb    *db,
                    PGresult *result)
{
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  ClrDbFailure failure = failure_of_sqlstate (result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL);
  g_autofree char *message = NULL;

  if (PQstatus (conn_of (db)) == CONNECTION_BAD)
    failure = CLR_DB_FAILURE_IO;
  if (primary != NULL && detail != NULL)
    message = g_strdup_printf ("%s: %s", primary, detail);
  else if (primary != NULL)
    message = g_strdup (primary);
  else
    message = g_strchomp (g_strdup (result && *PQresultErrorMessage (result) ? PQresultErrorMessage (result)
                                                                           : PQerrorMessage (conn_of (db))));
  _clr_db_set_failure (db, failure, message);
}

static gboolean
is_change_command (PGresult *result)
{
  const char *status = PQcmdStatus (result);

  return g_str_has_prefix (status, "INSERT ") || g_str_has_prefix (status, "UPDATE ") ||
         g_str_has_prefix (status, "DELETE ") || g_str_has_prefix (status, "MERGE ");
}

/* TRUE when @db may run a statement; else the failure is kept (an open
 * that failed has kept its own). */
static gboolean
check_connected (ClrDb *db)
{
  g_autofree char *message = NULL;

  if (!db->connected)
    {
      if (db->failure == CLR_DB_FAILURE_NONE)
        _clr_db_set_failure (db, CLR_DB_FAILURE_IO, _("The database server is not connected"));
      return FALSE;
    }
  if (PQstatus (conn_of (db)) == CONNECTION_OK)
    return TRUE;
  message = g_strchomp (g_strdup (PQerrorMessage (conn_of (db))));
  _clr_db_set_failure (db, CLR_DB_FAILURE_IO, message);
  return FALSE;
}

/* Connection ---------------------------------------------------------------- */

static void
notice_receiver (void           *data,
                 const PGresult *result)
{
  g_debug ("PostgreSQL: %s", PQresultErrorMessage (result));
}

ClrDb *
_clr_db_postgresql_open (const char *conninfo,
                         int         busy_timeout_ms)
{
  ClrDbPg *self = g_new0 (ClrDbPg, 1);
  ClrDb *db = (ClrDb *) self;
  /* The address is expanded in place of "dbname"; the settings before it
   * are defaults it may override. */
  const char *keywords[4] = { "fallback_application_name", NULL, NULL, NULL };
  const char *values[4] = { "clearance", NULL, NULL, NULL };
  g_autofree char *settings = NULL;
  PGresult *result;
  int n = 1;

  db->funcs = &postgresql_funcs;
  db->busy_timeout_ms = busy_timeout_ms;
  if (g_getenv ("PGCONNECT_TIMEOUT") == NULL)
    {
      keywords[n] = "connect_timeout";
      values[n++] = CLR_DB_PG_CONNECT_TIMEOUT;
    }
  keywords[n] = "dbname";
  values[n] = conninfo;
  self->conn = PQconnectdbParams (keywords, values, TRUE);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = _clr_db_pg_scrub_password (self->conn ? PQerrorMessage (self->conn)
                                                                       : "out of memory", conninfo);

      _clr_db_set_failure (db, CLR_DB_FAILURE_IO, message);
      return db;
    }
  PQsetNoticeReceiver (self->conn, notice_receiver, NULL);
  db->connected = TRUE;

  /* SQLite's busy timeout 0 fails at once; PostgreSQL's lock_timeout 0 waits forever. */
  settings = g_strdup_printf ("SET client_min_messages = warning; SET lock_timeout = %d; "
                              "SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'",
                              MAX (busy_timeout_ms, 1));
  result = PQexec (self->conn, settings);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      set_result_failure (db, result);
      db->connected = FALSE;
    }
  PQclear (result);
  return db;
}

static void
postgresql_close (ClrDb    *db,
                  gboolean  checkpoint)
{
  ClrDbPg *self = (ClrDbPg *) db;

  /* clr_db_close () frees the rest. */
  g_clear_pointer (&self->conn, PQfinish);
}

static gboolean
postgresql_exec (ClrDb      *db,
                 const char *sql)
{
  g_autofree char *rewritten = NULL;
  PGresult *result;
  ExecStatusType status;
  gboolean was_aborted;

  if (!check_connected (db))
    return FALSE;
  rewritten = _clr_db_pg_rewrite_sql (sql, NULL, NULL, NULL);
  was_aborted = PQtransactionStatus (conn_of (db)) == PQTRANS_INERROR;
  result = PQexec (conn_of (db), rewritten);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    {
      set_result_failure (db, result);
      PQclear (result);
      return FALSE;
    }
  /* A COMMIT of a transaction an earlier statement failed in rolls it
   * back and says so only in its command tag: a COMMIT that did not. */
  if (was_aborted && g_str_equal (PQcmdStatus (result), "ROLLBACK") &&
      g_ascii_strncasecmp (g_strchug (rewritten), "ROLLBACK", 8) != 0)
    {
      _clr_db_set_failure (db, CLR_DB_FAILURE_SQL,
                           _("The transaction was rolled back: a statement in it had failed"));
      PQclear (result);
      return FALSE;
    }
  if (is_change_command (result))
    db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return TRUE;
}

static gboolean
postgresql_in_transaction (ClrDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (conn_of (db));

  /* PQTRANS_UNKNOWN is a lost connection: nothing is open any more. */
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gboolean
postgresql_begin_write (ClrDb *db)
{
  if (!check_connected (db))
    return FALSE;
  if (postgresql_in_transaction (db))
    {
      _clr_db_set_failure (db, CLR_DB_FAILURE_SQL, _("A transaction is already open"));
      return FALSE;
    }
  if (!postgresql_exec (db, "BEGIN"))
    return FALSE;
  /* Waits at most lock_timeout (the busy timeout) for the writer before. */
  if (!postgresql_exec (db, "SELECT pg_advisory_xact_lock(" CLR_DB_PG_WRITER_LOCK_KEY ")"))
    {
      PQclear (PQexec (conn_of (db), "ROLLBACK"));
      return FALSE;
    }
  return TRUE;
}

/* The single value @sql returns, or NULL with the failure kept. */
static char *
query_value (ClrDb      *db,
             const char *sql)
{
  PGresult *result = PQexec (conn_of (db), sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    set_result_failure (db, result);
  else
    value = g_strdup (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) ? PQgetvalue (result, 0, 0) : "0");
  PQclear (result);
  return value;
}

static int
postgresql_get_schema_version (ClrDb *db)
{
  g_autofree char *exists = NULL;
  g_autofree char *version = NULL;

  if (!check_connected (db))
    return -1;
  exists = query_value (db, "SELECT to_regclass ('clearance_schema') IS NOT NULL");
  if (exists == NULL)
    return -1;
  if (!g_str_equal (exists, "t"))
    return 0;
  version = query_value (db, "SELECT max (version) FROM clearance_schema");
  return version != NULL ? atoi (version) : -1;
}

static gboolean
postgresql_set_schema_version (ClrDb *db,
                               int    version)
{
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS clearance_schema (version integer NOT NULL); "
                                          "DELETE FROM clearance_schema; "
                                          "INSERT INTO clearance_schema (version) VALUES (%d)", version);

  return postgresql_exec (db, sql);
}

static gboolean
postgresql_check_integrity (ClrDb  *db,
                            char  **problem)
{
  /* The server checks its own pages (and checksums, when enabled). */
  if (problem != NULL)
    *problem = NULL;
  return TRUE;
}

/* NOTIFY, delivered when the open transaction commits (at once outside one). */
static gboolean
postgresql_notify (ClrDb      *db,
                   const char *channel,
                   const char *payload)
{
  g_autoptr(ClrDbStmt) stmt = clr_db_prepare (db, "SELECT pg_notify (?1, ?2)");

  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, channel);
  clr_db_stmt_bind_text (stmt, 2, payload);
  return clr_db_stmt_step (stmt) == CLR_DB_STEP_ROW;
}

static gboolean
postgresql_sync_id_sequence (ClrDb      *db,
                             const char *table)
{
  g_autofree char *sql = NULL;
  char *name;
  char *literal;
  PGresult *result;
  gboolean ok;

  if (!check_connected (db))
    return FALSE;
  name = PQescapeIdentifier (conn_of (db), table, strlen (table));
  literal = name != NULL ? PQescapeLiteral (conn_of (db), name, strlen (name)) : NULL;
  if (literal == NULL)
    {
      _clr_db_set_failure (db, CLR_DB_FAILURE_SQL, PQerrorMessage (conn_of (db)));
      PQfreemem (name);
      return FALSE;
    }
  /* The next id is one above the largest (a table without an identity
   * column has no sequence: setval of NULL does nothing). */
  sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence (%s, 'id'), coalesce (max (id), 0) + 1, false) "
                         "FROM %s", literal, name);
  PQfreemem (literal);
  PQfreemem (name);
  result = PQexec (conn_of (db), sql);
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    set_result_failure (db, result);
  PQclear (result);
  return ok;
}

/* Statements ------------------------------------------------------------------ */

static ClrDbStmt *
postgresql_prepare (ClrDb      *db,
                    const char *sql)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (ClrDbPgParamRef));
  g_autofree char *problem = NULL;
  ClrDbPgStmt *stmt;
  char *text;
  int n_params = 0;

  if (!check_connected (db))
    return NULL;
  text = _clr_db_pg_rewrite_sql (sql, refs, &n_params, &problem);
  if (text == NULL)
    {
      _clr_db_set_failure (db, CLR_DB_FAILURE_SQL, problem);
      return NULL;
    }

  stmt = g_new0 (ClrDbPgStmt, 1);
  stmt->parent.db = db;
  stmt->text = text;
  stmt->refs = g_steal_pointer (&refs);
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, n_params + 1);
  stmt->types = g_new0 (Oid, n_params + 1);
  for (int i = 0; i < n_params; i++)
    stmt->types[i] = TEXTOID;
  return (ClrDbStmt *) stmt;
}

static void
set_param (ClrDbStmt *stmt,
           int        index,
           char      *value,
           Oid        type)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  if (index < 1 || index > self->n_params)
    {
      g_free (value);
      g_return_if_reached ();
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
  self->types[index - 1] = type;
}

static void
postgresql_bind_text (ClrDbStmt  *stmt,
                      int         index,
                      const char *value)
{
  /* Untyped: the server reads it as what it is compared with or stored in
   * ("enabled = ?2" on an integer column), text where nothing says. */
  set_param (stmt, index, g_strdup (value), UNKNOWNOID);
}

static void
postgresql_bind_int64 (ClrDbStmt *stmt,
                       int        index,
                       gint64     value)
{
  set_param (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
}

static void
postgresql_bind_double (ClrDbStmt *stmt,
                        int        index,
                        double     value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_param (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), FLOAT8OID);
}

static void
postgresql_bind_null (ClrDbStmt *stmt,
                      int        index)
{
  set_param (stmt, index, NULL, TEXTOID);
}

/* The statement's text with "$N" for each bound parameter, NULL for each
 * NULL one and each "?N IS [NOT] NULL" answered (see the top of the file);
 * the types to send in @types: a parameter the text does not use is sent
 * as text (the server cannot infer an unused one's type). */
static char *
expand_params (ClrDbPgStmt *self,
               Oid         *types)
{
  g_autoptr(GString) sql = g_string_sized_new (strlen (self->text) + 8 * self->refs->len);
  gsize copied = 0;

  for (int i = 0; i < self->n_params; i++)
    types[i] = TEXTOID;
  for (guint i = 0; i < self->refs->len; i++)
    {
      const ClrDbPgParamRef *ref = &g_array_index (self->refs, ClrDbPgParamRef, i);
      gboolean is_null = self->values[ref->index - 1] == NULL;

      g_string_append_len (sql, self->text + copied, ref->offset - copied);
      copied = ref->offset;
      if (ref->kind != CLR_DB_PG_REF_VALUE)
        g_string_append (sql, is_null == (ref->kind == CLR_DB_PG_REF_IS_NULL) ? "TRUE" : "FALSE");
      else if (is_null)
        g_string_append (sql, "NULL");
      else
        {
          g_string_append_printf (sql, "$%d", ref->index);
          types[ref->index - 1] = self->types[ref->index - 1];
        }
    }
  g_string_append (sql, self->text + copied);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
postgresql_reset (ClrDbStmt *stmt)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  g_clear_pointer (&self->result, PQclear);
  self->row = 0;
  self->done = FALSE;
}

static ClrDbStep
postgresql_step (ClrDbStmt *stmt)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;
  ClrDb *db = stmt->db;
  g_autofree char *sql = NULL;
  g_autofree Oid *types = NULL;

  /* As SQLite does, a statement stepped after its end runs again. */
  if (self->done)
    postgresql_reset (stmt);
  if (self->result != NULL)
    {
      if (++self->row < PQntuples (self->result))
        return CLR_DB_STEP_ROW;
      self->done = TRUE;
      if (is_change_command (self->result))
        db->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
      return CLR_DB_STEP_DONE;
    }

  if (!check_connected (db))
    {
      self->done = TRUE;
      return CLR_DB_STEP_ERROR;
    }
  types = g_new (Oid, self->n_params + 1);
  sql = expand_params (self, types);
  self->result = PQexecParams (conn_of (db), sql, self->n_params, types,
                               (const char * const *) self->values, NULL, NULL, 0);
  self->row = 0;
  switch (PQresultStatus (self->result))
    {
    case PGRES_TUPLES_OK:
      if (PQntuples (self->result) > 0)
        return CLR_DB_STEP_ROW;
      G_GNUC_FALLTHROUGH;
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
      self->done = TRUE;
      if (is_change_command (self->result))
        db->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
      return CLR_DB_STEP_DONE;
    default:
      set_result_failure (db, self->result);
      g_clear_pointer (&self->result, PQclear);
      self->done = TRUE;
      return CLR_DB_STEP_ERROR;
    }
}

/* TRUE when the current row has a column @column to read. */
static gboolean
has_value (ClrDbPgStmt *self,
           int          column)
{
  return self->result != NULL && !self->done && self->row < PQntuples (self->result) &&
         column >= 0 && column < PQnfields (self->result) &&
         !PQgetisnull (self->result, self->row, column);
}

static const char *
postgresql_column_text (ClrDbStmt *stmt,
                        int        column)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;
  const char *value;

  if (!has_value (self, column))
    return NULL;
  value = PQgetvalue (self->result, self->row, column);
  /* A boolean reads as SQLite's comparisons do: 1 or 0. */
  if (PQftype (self->result, column) == BOOLOID)
    return value[0] == 't' ? "1" : "0";
  return value;
}

static gint64
postgresql_column_int64 (ClrDbStmt *stmt,
                         int        column)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;
  const char *value;
  Oid type;

  if (!has_value (self, column))
    return 0;
  value = PQgetvalue (self->result, self->row, column);
  type = PQftype (self->result, column);
  if (type == BOOLOID)
    return value[0] == 't' ? 1 : 0;
  /* A real number is cut to its integer part, as SQLite does. */
  if (type == FLOAT8OID || type == FLOAT4OID || type == NUMERICOID)
    {
      double number = g_ascii_strtod (value, NULL);

      return number >= (double) G_MAXINT64 ? G_MAXINT64 : number <= (double) G_MININT64 ? G_MININT64
                                                                                          : (gint64) number;
    }
  return g_ascii_strtoll (value, NULL, 10);
}

static double
postgresql_column_double (ClrDbStmt *stmt,
                          int        column)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  if (!has_value (self, column))
    return 0.0;
  if (PQftype (self->result, column) == BOOLOID)
    return postgresql_column_int64 (stmt, column);
  return g_ascii_strtod (PQgetvalue (self->result, self->row, column), NULL);
}

static gboolean
postgresql_column_is_null (ClrDbStmt *stmt,
                           int        column)
{
  return !has_value ((ClrDbPgStmt *) stmt, column);
}

static int
postgresql_column_count (ClrDbStmt *stmt)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  return self->result != NULL ? PQnfields (self->result) : 0;
}

static const char *
postgresql_column_name (ClrDbStmt *stmt,
                        int        column)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  return self->result != NULL ? PQfname (self->result, column) : NULL;
}

static ClrDbColumnKind
postgresql_column_kind (ClrDbStmt *stmt,
                        int        column)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  if (!has_value (self, column))
    return CLR_DB_COLUMN_NULL;
  switch (PQftype (self->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
      return CLR_DB_COLUMN_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return CLR_DB_COLUMN_FLOAT;
    default:
      return CLR_DB_COLUMN_TEXT;
    }
}

static void
postgresql_clear_bindings (ClrDbStmt *stmt)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  for (int i = 0; i < self->n_params; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      self->types[i] = TEXTOID;
    }
}

static void
postgresql_stmt_free (ClrDbStmt *stmt)
{
  ClrDbPgStmt *self = (ClrDbPgStmt *) stmt;

  postgresql_reset (stmt);
  postgresql_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->types);
  g_array_unref (self->refs);
  g_free (self->text);
  g_free (self);
}

static const ClrDbEngineFuncs postgresql_funcs = {
  .engine = CLR_DB_ENGINE_POSTGRESQL,
  .migrations_dialect = "postgresql",
  .close = postgresql_close,
  .exec = postgresql_exec,
  .prepare = postgresql_prepare,
  .in_transaction = postgresql_in_transaction,
  .begin_write = postgresql_begin_write,
  .get_schema_version = postgresql_get_schema_version,
  .set_schema_version = postgresql_set_schema_version,
  .check_integrity = postgresql_check_integrity,
  .sync_id_sequence = postgresql_sync_id_sequence,
  .notify = postgresql_notify,
  .bind_text = postgresql_bind_text,
  .bind_int64 = postgresql_bind_int64,
  .bind_double = postgresql_bind_double,
  .bind_null = postgresql_bind_null,
  .step = postgresql_step,
  .column_text = postgresql_column_text,
  .column_int64 = postgresql_column_int64,
  .column_double = postgresql_column_double,
  .column_is_null = postgresql_column_is_null,
  .column_count = postgresql_column_count,
  .column_name = postgresql_column_name,
  .column_kind = postgresql_column_kind,
  .reset = postgresql_reset,
  .clear_bindings = postgresql_clear_bindings,
  .stmt_free = postgresql_stmt_free,
};
