/* test-db.c — the store's connection API (clr-db.h), the same cases on both
 * engines: an SQLite file in a scratch folder and a fresh PostgreSQL
 * database on the server $CLEARANCE_TEST_PG names (skipped when unset;
 * tests/pg/clr-pg-run.sh starts a private one)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-db.h"
#include "clr-test.h"

typedef struct
{
  ClrDbEngine  engine;
  char        *dir;       /* SQLite: the scratch folder */
  char        *location;  /* the file, or the server database's address */
  ClrDb       *db;        /* NULL when the engine's test is skipped */
} Fixture;

/* Both engines read and write these types the same way (PostgreSQL's
 * INTEGER and REAL are 32-bit: a 64-bit column is BIGINT, a double DOUBLE
 * PRECISION, names SQLite takes too). */
#define TABLE_SQL "CREATE TABLE t (name TEXT UNIQUE, n BIGINT, score DOUBLE PRECISION)"

static ClrDb *
open_db (Fixture *f,
         int      busy_timeout_ms)
{
  ClrDb *db = clr_db_open (f->location, FALSE, busy_timeout_ms);

  g_assert_true (clr_db_is_connected (db));
  g_assert_cmpint (clr_db_get_engine (db), ==, f->engine);
  return db;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->engine = GPOINTER_TO_INT (data);
  if (f->engine == CLR_DB_ENGINE_SQLITE)
    {
      f->dir = clr_test_tmpdir ("clearance-db");
      f->location = g_build_filename (f->dir, "test.db", NULL);
    }
  else if ((f->location = clr_test_pg_database_new ()) == NULL)
    return;  /* skipped: no server */
  f->db = open_db (f, 5000);
  g_assert_true (clr_db_exec (f->db, TABLE_SQL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->db != NULL)
    clr_db_close (g_steal_pointer (&f->db), FALSE);
  if (f->engine == CLR_DB_ENGINE_POSTGRESQL)
    clr_test_pg_database_drop (f->location);
  if (f->dir != NULL)
    clr_test_rmtree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->location, g_free);
}

#define SKIP_WITHOUT_DB(f) G_STMT_START { if ((f)->db == NULL) return; } G_STMT_END

static ClrDbStmt *
prepare (ClrDb      *db,
         const char *sql)
{
  ClrDbStmt *stmt = clr_db_prepare (db, sql);

  if (stmt == NULL)
    g_error ("%s: %s", sql, clr_db_get_message (db));
  return stmt;
}

static void
step_row (ClrDbStmt *stmt)
{
  g_assert_cmpint (clr_db_stmt_step (stmt), ==, CLR_DB_STEP_ROW);
}

static void
step_done (ClrDbStmt *stmt)
{
  g_assert_cmpint (clr_db_stmt_step (stmt), ==, CLR_DB_STEP_DONE);
}

/* The single integer @sql returns. */
static gint64
query_int64 (ClrDb      *db,
             const char *sql)
{
  g_autoptr(ClrDbStmt) stmt = prepare (db, sql);
  gint64 value;

  step_row (stmt);
  value = clr_db_stmt_column_int64 (stmt, 0);
  step_done (stmt);
  return value;
}

/* The first column of @stmt's first row, run again with @text bound to ?1. */
static gint64
rerun_int64 (ClrDbStmt  *stmt,
             const char *text)
{
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_text (stmt, 1, text);
  step_row (stmt);
  return clr_db_stmt_column_int64 (stmt, 0);
}

static void
insert_row (ClrDb      *db,
            const char *name,
            gint64      n)
{
  g_autoptr(ClrDbStmt) stmt = prepare (db, "INSERT INTO t (name, n) VALUES (?1, ?2)");

  clr_db_stmt_bind_text (stmt, 1, name);
  clr_db_stmt_bind_int64 (stmt, 2, n);
  step_done (stmt);
  g_assert_cmpint (clr_db_changes (db), ==, 1);
}

/* "?N" reused, bare "?" numbered after the largest so far, and "?" in a
 * string literal, a quoted name and a comment left alone. */
static void
test_placeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  stmt = prepare (f->db, "SELECT ?1 || '-' || ?1, ?, 'why?' AS \"who?\", ? -- or ?9\n");
  clr_db_stmt_bind_text (stmt, 1, "ab");
  clr_db_stmt_bind_text (stmt, 2, "second");
  clr_db_stmt_bind_int64 (stmt, 3, 3);
  step_row (stmt);
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, "ab-ab");
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 1), ==, "second");
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 2), ==, "why?");
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 3), ==, 3);
  step_done (stmt);

  /* reset keeps the bindings; clear_bindings makes them all NULL. */
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_text (stmt, 2, "again");
  step_row (stmt);
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, "ab-ab");
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 1), ==, "again");
  clr_db_stmt_reset (stmt);
  clr_db_stmt_clear_bindings (stmt);
  step_row (stmt);
  g_assert_true (clr_db_stmt_column_is_null (stmt, 0));
  g_assert_true (clr_db_stmt_column_is_null (stmt, 1));
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 2), ==, "why?");
}

/* NULL binds in the store's "?1 IS NULL OR column = ?1" filters on text,
 * integer and real columns, and NULL read as NULL, 0 and 0.0. */
static void
test_null (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(ClrDbStmt) insert = NULL;

  SKIP_WITHOUT_DB (f);
  insert = prepare (f->db, "INSERT INTO t (name, n, score) VALUES (?1, ?2, ?3)");
  clr_db_stmt_bind_text (insert, 1, "one");
  clr_db_stmt_bind_int64 (insert, 2, 1);
  clr_db_stmt_bind_double (insert, 3, 0.5);
  step_done (insert);
  clr_db_stmt_reset (insert);
  clr_db_stmt_bind_text (insert, 1, NULL);
  clr_db_stmt_bind_null (insert, 2);
  clr_db_stmt_bind_null (insert, 3);
  step_done (insert);

  stmt = prepare (f->db, "SELECT count(*) FROM t WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR n = ?2) "
                         "AND (?3 IS NULL OR score >= ?3)");
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 2);
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_text (stmt, 1, "one");
  clr_db_stmt_bind_int64 (stmt, 2, 1);
  clr_db_stmt_bind_double (stmt, 3, 0.25);
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 1);
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_int64 (stmt, 2, 2);
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 0);
  g_clear_pointer (&stmt, clr_db_stmt_free);

  stmt = prepare (f->db, "SELECT name, n, score, coalesce (?1, 'none'), ?2 FROM t WHERE name IS NULL");
  clr_db_stmt_bind_null (stmt, 1);
  step_row (stmt);
  for (int column = 0; column < 3; column++)
    {
      g_assert_true (clr_db_stmt_column_is_null (stmt, column));
      g_assert_null (clr_db_stmt_column_text (stmt, column));
      g_assert_cmpint (clr_db_stmt_column_int64 (stmt, column), ==, 0);
      g_assert_cmpfloat (clr_db_stmt_column_double (stmt, column), ==, 0.0);
    }
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 3), ==, "none");
  g_assert_true (clr_db_stmt_column_is_null (stmt, 4));  /* never bound */
  step_done (stmt);
  g_clear_pointer (&stmt, clr_db_stmt_free);

  /* A parameter only tested for NULL, and one of CASE WHEN. */
  stmt = prepare (f->db, "SELECT CASE WHEN ?1 IS NULL THEN 'null' ELSE 'set' END, (?2 IS NOT NULL)");
  clr_db_stmt_bind_text (stmt, 1, "x");
  step_row (stmt);
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, "set");
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 1), ==, 0);
}

/* Text stored in and compared with an integer column reads as the number
 * (SQLite's affinity; the store binds "0" and "1" for flags). */
static void
test_text_as_integer (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClrDbStmt) update = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "flag", 1);
  update = prepare (f->db, "UPDATE t SET n = ?2 WHERE name = ?1");
  clr_db_stmt_bind_text (update, 1, "flag");
  clr_db_stmt_bind_text (update, 2, "0");
  step_done (update);
  g_assert_cmpint (clr_db_changes (f->db), ==, 1);
  stmt = prepare (f->db, "SELECT n + 1 FROM t WHERE (?1 IS NULL OR n = ?1) AND name = ?2");
  clr_db_stmt_bind_text (stmt, 1, "0");
  clr_db_stmt_bind_text (stmt, 2, "flag");
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 1);
}

static void
test_int64_extremes (Fixture       *f,
                     gconstpointer  data)
{
  const gint64 values[] = { G_MAXINT64, G_MININT64, 0, -1, G_GINT64_CONSTANT (4294967296) };
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("v%u", i);

      insert_row (f->db, name, values[i]);
    }
  stmt = prepare (f->db, "SELECT n, ?1 FROM t WHERE n = ?1");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);

      clr_db_stmt_reset (stmt);
      clr_db_stmt_bind_int64 (stmt, 1, values[i]);
      step_row (stmt);
      g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, values[i]);
      g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 1), ==, values[i]);
      g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, text);
      step_done (stmt);
    }
}

static void
test_doubles (Fixture       *f,
              gconstpointer  data)
{
  const double values[] = { 0.1, -2.5, 1e300, 5e-324, 0.0, 1.0 / 3.0 };
  g_autoptr(ClrDbStmt) insert = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  insert = prepare (f->db, "INSERT INTO t (name, score) VALUES (?1, ?2)");
  stmt = prepare (f->db, "SELECT score, ?2, score * 2 FROM t WHERE name = ?1");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("d%u", i);

      clr_db_stmt_reset (insert);
      clr_db_stmt_bind_text (insert, 1, name);
      clr_db_stmt_bind_double (insert, 2, values[i]);
      step_done (insert);

      clr_db_stmt_reset (stmt);
      clr_db_stmt_bind_text (stmt, 1, name);
      clr_db_stmt_bind_double (stmt, 2, values[i]);
      step_row (stmt);
      g_assert_cmpfloat (clr_db_stmt_column_double (stmt, 0), ==, values[i]);
      g_assert_cmpfloat (clr_db_stmt_column_double (stmt, 1), ==, values[i]);
      if (values[i] < 1e300)
        g_assert_cmpfloat (clr_db_stmt_column_double (stmt, 2), ==, values[i] * 2);
      step_done (stmt);
    }

  /* A real number read as an integer is cut to its integer part. */
  g_assert_cmpint (query_int64 (f->db, "SELECT score FROM t WHERE name = 'd1'"), ==, -2);
}

/* A comparison reads as 1 or 0 (PostgreSQL's boolean is 't' or 'f'). */
static void
test_booleans (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  stmt = prepare (f->db, "SELECT 1 = 1, 1 = 2, ?1 > 0");
  clr_db_stmt_bind_int64 (stmt, 1, 5);
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 1), ==, 0);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 2), ==, 1);
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, "1");
  g_assert_cmpstr (clr_db_stmt_column_text (stmt, 1), ==, "0");
  g_assert_cmpfloat (clr_db_stmt_column_double (stmt, 0), ==, 1.0);
  step_done (stmt);
}

/* LIKE ignores ASCII case on both (the store's searches rely on it); the
 * word "like" in a string is data, not the operator. */
static void
test_like_ignores_case (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(ClrDbStmt) literal = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "Acme Trading", 1);
  insert_row (f->db, "Other_Co", 2);
  stmt = prepare (f->db, "SELECT count(*) FROM t WHERE name like ?1 ESCAPE '\\'");
  g_assert_cmpint (rerun_int64 (stmt, "%ACME trad%"), ==, 1);
  g_assert_cmpint (rerun_int64 (stmt, "%r\\_c%"), ==, 1);  /* an escaped "_" is itself */
  g_assert_cmpint (rerun_int64 (stmt, "%e\\_t%"), ==, 0);

  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t WHERE name NOT LIKE 'acme%'"), ==, 1);
  literal = prepare (f->db, "SELECT 'a LIKE b', \"name\" FROM t WHERE name = 'Other_Co'");
  step_row (literal);
  g_assert_cmpstr (clr_db_stmt_column_text (literal, 0), ==, "a LIKE b");
  g_assert_cmpstr (clr_db_stmt_column_text (literal, 1), ==, "Other_Co");
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ClrDbStmt) update = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "a", 1);
  insert_row (f->db, "b", 2);
  insert_row (f->db, "c", 3);
  update = prepare (f->db, "UPDATE t SET score = 1.5 WHERE n > ?1");
  clr_db_stmt_bind_int64 (update, 1, 1);
  step_done (update);
  g_assert_cmpint (clr_db_changes (f->db), ==, 2);
  /* A query changes nothing, and leaves the count of the last change. */
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 3);
  g_assert_cmpint (clr_db_changes (f->db), ==, 2);
  g_assert_true (clr_db_exec (f->db, "DELETE FROM t WHERE n < 3"));
  g_assert_cmpint (clr_db_changes (f->db), ==, 2);
  g_assert_true (clr_db_exec (f->db, "UPDATE t SET n = 4 WHERE name = 'nobody'"));
  g_assert_cmpint (clr_db_changes (f->db), ==, 0);
}

static void
test_unique_violation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "dup", 1);
  stmt = prepare (f->db, "INSERT INTO t (name, n) VALUES (?1, 2)");
  clr_db_stmt_bind_text (stmt, 1, "dup");
  g_assert_cmpint (clr_db_stmt_step (stmt), ==, CLR_DB_STEP_ERROR);
  g_assert_cmpint (clr_db_get_failure (f->db), ==, CLR_DB_FAILURE_CONSTRAINT);
  g_assert_nonnull (strstr (clr_db_get_message (f->db), f->engine == CLR_DB_ENGINE_SQLITE ? "UNIQUE" : "unique"));
  if (f->engine == CLR_DB_ENGINE_POSTGRESQL)  /* with its detail */
    g_assert_nonnull (strstr (clr_db_get_message (f->db), "(name)=(dup) already exists"));
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 1);
}

/* SQLite's "x IS ?N" and "x IS NOT ?N" compare NULL with NULL as equal. */
static void
test_is_null_safe (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "named", 1);
  g_assert_true (clr_db_exec (f->db, "INSERT INTO t (name, n) VALUES (NULL, 2)"));
  stmt = prepare (f->db, "SELECT count(*), sum (CASE WHEN name IS NOT ?1 THEN 1 ELSE 0 END) FROM t WHERE name is ?1");
  g_assert_cmpint (rerun_int64 (stmt, NULL), ==, 1);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 1), ==, 0);
  g_assert_cmpint (rerun_int64 (stmt, "named"), ==, 1);
  g_clear_pointer (&stmt, clr_db_stmt_free);

  stmt = prepare (f->db, "SELECT n FROM t WHERE name IS NOT ?1 AND name IS NULL");
  clr_db_stmt_bind_text (stmt, 1, "named");
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 2);
  step_done (stmt);
}

/* A negative LIMIT is none, a negative OFFSET 0 (the store's "all rows"). */
static void
test_negative_limit (Fixture       *f,
                     gconstpointer  data)
{
  const gint64 cases[][3] = { /* limit, offset, rows */
    { -1, 0, 3 }, { 2, 0, 2 }, { -1, 1, 2 }, { 1, -5, 1 }, { 0, 0, 0 },
  };
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "a", 1);
  insert_row (f->db, "b", 2);
  insert_row (f->db, "c", 3);
  stmt = prepare (f->db, "SELECT count(*) FROM (SELECT n FROM t ORDER BY n LIMIT ?1 OFFSET ?2) AS page");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      clr_db_stmt_reset (stmt);
      clr_db_stmt_bind_int64 (stmt, 1, cases[i][0]);
      clr_db_stmt_bind_int64 (stmt, 2, cases[i][1]);
      step_row (stmt);
      g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, cases[i][2]);
    }
}

/* A row's columns: how many, their names and what each holds. */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  const char *names[] = { "i", "r", "s", "z", "b" };
  const ClrDbColumnKind kinds[] = { CLR_DB_COLUMN_INTEGER, CLR_DB_COLUMN_FLOAT, CLR_DB_COLUMN_TEXT,
                                    CLR_DB_COLUMN_NULL, CLR_DB_COLUMN_INTEGER };
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  stmt = prepare (f->db, "SELECT 7 AS i, 2.5 AS r, 'x' AS s, NULL AS z, 1 = 1 AS b");
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_count (stmt), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (clr_db_stmt_column_name (stmt, i), ==, names[i]);
      g_assert_cmpint (clr_db_stmt_column_kind (stmt, i), ==, kinds[i]);
    }
}

/* After rows with explicit ids, the next id the database gives is above them. */
static void
test_id_sequence (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  g_assert_true (clr_db_exec (f->db, f->engine == CLR_DB_ENGINE_SQLITE
                                       ? "CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT)"
                                       : "CREATE TABLE s (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)"));
  g_assert_true (clr_db_exec (f->db, "INSERT INTO s (id, v) VALUES (10, 'copied'), (12, 'copied')"));
  g_assert_true (clr_db_sync_id_sequence (f->db, "s"));
  stmt = prepare (f->db, "INSERT INTO s (v) VALUES (?1) RETURNING id");
  clr_db_stmt_bind_text (stmt, 1, "new");
  step_row (stmt);
  g_assert_cmpint (clr_db_stmt_column_int64 (stmt, 0), ==, 13);
  step_done (stmt);
  g_assert_cmpint (clr_db_changes (f->db), ==, 1);
}

/* A trigger that refuses a write (RAISE) is a constraint failure too. */
static void
test_trigger_refuses (Fixture       *f,
                      gconstpointer  data)
{
  SKIP_WITHOUT_DB (f);
  if (f->engine == CLR_DB_ENGINE_SQLITE)
    g_assert_true (clr_db_exec (f->db, "CREATE TRIGGER t_no_delete BEFORE DELETE ON t "
                                       "BEGIN SELECT RAISE (ABORT, 'rows of t are kept'); END"));
  else
    g_assert_true (clr_db_exec (f->db, "CREATE FUNCTION t_keep () RETURNS trigger LANGUAGE plpgsql AS $$ "
                                       "BEGIN RAISE EXCEPTION 'rows of t are kept'; END $$; "
                                       "CREATE TRIGGER t_no_delete BEFORE DELETE ON t "
                                       "FOR EACH ROW EXECUTE FUNCTION t_keep ()"));
  insert_row (f->db, "kept", 1);
  g_assert_false (clr_db_exec (f->db, "DELETE FROM t"));
  g_assert_cmpint (clr_db_get_failure (f->db), ==, CLR_DB_FAILURE_CONSTRAINT);
  g_assert_cmpstr (clr_db_get_message (f->db), ==, "rows of t are kept");
}

/* A statement the engine cannot run fails as SQL (PostgreSQL only knows
 * when it first runs). */
static void
test_bad_statement (Fixture       *f,
                    gconstpointer  data)
{
  ClrDbStmt *stmt;

  SKIP_WITHOUT_DB (f);
  stmt = clr_db_prepare (f->db, "SELECT * FROM nowhere");
  if (stmt != NULL)
    {
      g_assert_cmpint (clr_db_stmt_step (stmt), ==, CLR_DB_STEP_ERROR);
      clr_db_stmt_free (stmt);
    }
  g_assert_cmpint (clr_db_get_failure (f->db), ==, CLR_DB_FAILURE_SQL);
  g_assert_nonnull (strstr (clr_db_get_message (f->db), "nowhere"));
  /* The connection goes on working. */
  g_assert_cmpint (query_int64 (f->db, "SELECT 7"), ==, 7);
}

/* The writers' lock: a second writer waits its busy timeout and fails BUSY
 * while the first holds it, a reader does not wait, and after the commit
 * the second writer gets it. */
static void
test_begin_write_serialises (Fixture       *f,
                             gconstpointer  data)
{
  ClrDb *other;

  SKIP_WITHOUT_DB (f);
  other = open_db (f, 100);
  g_assert_true (clr_db_begin_write (f->db));
  g_assert_true (clr_db_in_transaction (f->db));
  insert_row (f->db, "first", 1);

  g_assert_false (clr_db_begin_write (other));
  g_assert_cmpint (clr_db_get_failure (other), ==, CLR_DB_FAILURE_BUSY);
  g_assert_false (clr_db_in_transaction (other));
  g_assert_cmpint (query_int64 (other, "SELECT count(*) FROM t"), ==, 0);

  g_assert_true (clr_db_commit (f->db));
  g_assert_false (clr_db_in_transaction (f->db));
  g_assert_true (clr_db_begin_write (other));
  g_assert_cmpint (query_int64 (other, "SELECT count(*) FROM t"), ==, 1);
  insert_row (other, "second", 2);
  g_assert_true (clr_db_commit (other));
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 2);
  clr_db_close (other, FALSE);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  SKIP_WITHOUT_DB (f);
  g_assert_false (clr_db_in_transaction (f->db));
  g_assert_true (clr_db_begin_write (f->db));
  insert_row (f->db, "gone", 1);
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 1);
  clr_db_rollback (f->db);
  g_assert_false (clr_db_in_transaction (f->db));
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 0);
  clr_db_rollback (f->db);  /* nothing open: quiet */
  g_assert_false (clr_db_in_transaction (f->db));
}

static void
test_schema_version (Fixture       *f,
                     gconstpointer  data)
{
  ClrDb *other;

  SKIP_WITHOUT_DB (f);
  g_assert_cmpint (clr_db_get_schema_version (f->db), ==, 0);
  g_assert_true (clr_db_begin_write (f->db));
  g_assert_true (clr_db_set_schema_version (f->db, 3));
  g_assert_cmpint (clr_db_get_schema_version (f->db), ==, 3);
  g_assert_true (clr_db_commit (f->db));
  g_assert_true (clr_db_begin_write (f->db));
  g_assert_true (clr_db_set_schema_version (f->db, 4));
  clr_db_rollback (f->db);

  other = open_db (f, 1000);
  g_assert_cmpint (clr_db_get_schema_version (other), ==, 3);
  clr_db_close (other, FALSE);
  g_assert_cmpstr (clr_db_get_migrations_dialect (f->db), ==,
                   f->engine == CLR_DB_ENGINE_POSTGRESQL ? "postgresql" : NULL);
}

/* What the database refuses to write is READ_ONLY: an SQLite file opened
 * read-only, a PostgreSQL session that may not write. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  ClrDb *reader;

  SKIP_WITHOUT_DB (f);
  if (f->engine == CLR_DB_ENGINE_SQLITE)
    {
      reader = clr_db_open (f->location, TRUE, 1000);
      g_assert_true (clr_db_is_connected (reader));
    }
  else
    {
      reader = open_db (f, 1000);
      g_assert_true (clr_db_exec (reader, "SET default_transaction_read_only = on"));
    }
  g_assert_false (clr_db_exec (reader, "INSERT INTO t (name) VALUES ('x')"));
  g_assert_cmpint (clr_db_get_failure (reader), ==, CLR_DB_FAILURE_READ_ONLY);
  clr_db_close (reader, FALSE);
}

/* A database that cannot be reached: not connected, an IO failure. */
static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *location = NULL;
  ClrDb *db;

  SKIP_WITHOUT_DB (f);
  if (f->engine == CLR_DB_ENGINE_SQLITE)
    location = g_build_filename (f->dir, "no-such-folder", "test.db", NULL);
  else
    location = g_strdup_printf ("postgresql:///postgres?host=%s/no-such-folder", g_get_tmp_dir ());
  db = clr_db_open (location, FALSE, 1000);
  g_assert_false (clr_db_is_connected (db));
  g_assert_cmpint (clr_db_get_failure (db), ==, CLR_DB_FAILURE_IO);
  g_assert_cmpstr (clr_db_get_message (db), !=, "");
  if (f->engine == CLR_DB_ENGINE_POSTGRESQL)  /* and stays so */
    {
      g_assert_false (clr_db_exec (db, "SELECT 1"));
      g_assert_cmpint (clr_db_get_failure (db), ==, CLR_DB_FAILURE_IO);
    }
  clr_db_close (db, FALSE);
}

/* No message from a failed connection holds the password, even when libpq
 * quotes the address it could not read (no server needed). */
static void
test_message_hides_password (void)
{
  const char *locations[] = {
    "postgresql://clearance_test:Sec%72et-pw@/postgres?host=/nonexistent-clearance-dir",
    "postgresql://clearance_test:Secret-pw%zz@/postgres?host=/nonexistent-clearance-dir",
    "postgresql://clearance_test:Secret-pw@/postgres?host=/nonexistent-clearance-dir&port=not-a-port",
    "postgresql://clearance_test@/postgres?password=Secret-pw&host=/nonexistent-clearance-dir&sslmode=bogus",
  };

  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      ClrDb *db = clr_db_open (locations[i], FALSE, 1000);

      g_assert_false (clr_db_is_connected (db));
      g_assert_cmpint (clr_db_get_failure (db), ==, CLR_DB_FAILURE_IO);
      g_assert_cmpstr (clr_db_get_message (db), !=, "");
      g_test_message ("%s: %s", locations[i], clr_db_get_message (db));
      g_assert_null (strstr (clr_db_get_message (db), "Secret-pw"));
      g_assert_null (strstr (clr_db_get_message (db), "Sec%72et-pw"));
      clr_db_close (db, FALSE);
    }
}

/* PostgreSQL: each connection's settings (times in UTC, text in UTF-8,
 * lock waits as long as the busy timeout, no notices). */
static void
test_session_settings (Fixture       *f,
                       gconstpointer  data)
{
  const char *expected[][2] = {
    { "SHOW TimeZone", "UTC" },
    { "SHOW client_encoding", "UTF8" },
    { "SHOW lock_timeout", "250ms" },
    { "SHOW client_min_messages", "warning" },
    { "SELECT to_char (TIMESTAMPTZ '2026-03-01 12:00:00+02', 'HH24:MI')", "10:00" },
  };
  ClrDb *db;

  SKIP_WITHOUT_DB (f);
  db = open_db (f, 250);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ClrDbStmt) stmt = prepare (db, expected[i][0]);

      step_row (stmt);
      g_assert_cmpstr (clr_db_stmt_column_text (stmt, 0), ==, expected[i][1]);
    }
  clr_db_close (db, FALSE);
}

/* PostgreSQL: a connection the server ends fails as IO. */
static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClrDbStmt) pid = NULL;
  g_autofree char *kill = NULL;
  ClrDb *other;

  SKIP_WITHOUT_DB (f);
  pid = prepare (f->db, "SELECT pg_backend_pid ()");
  step_row (pid);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%s, 5000)", clr_db_stmt_column_text (pid, 0));
  other = open_db (f, 1000);
  g_assert_cmpint (query_int64 (other, kill), ==, 1);
  clr_db_close (other, FALSE);

  g_assert_false (clr_db_exec (f->db, "SELECT 1"));
  g_assert_cmpint (clr_db_get_failure (f->db), ==, CLR_DB_FAILURE_IO);
  g_assert_false (clr_db_in_transaction (f->db));
}

static void
heard_cb (const char *payload,
          gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (payload));
}

/* Waits (running the main loop) until @heard holds @n payloads, at most 20 s. */
static void
wait_heard (GPtrArray *heard,
            guint      n)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (heard->len < n && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  g_assert_cmpuint (heard->len, ==, n);
}

/* A watch hears announcements; when its connection is cut it connects
 * again (in a worker thread) and hears the next ones. */
static void
test_watch_reconnects (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClrDbWatch) watch = NULL;
  gint64 until;

  SKIP_WITHOUT_DB (f);
  /* It connects in a worker thread: not yet listening when it returns. */
  watch = clr_db_watch_new (f->location, "clr_test", NULL, heard_cb, heard);
  g_assert_nonnull (watch);
  g_assert_false (clr_db_watch_is_listening (watch));
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!clr_db_watch_is_listening (watch) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (clr_db_watch_is_listening (watch));
  g_assert_true (clr_db_notify (f->db, "clr_test", "one"));
  wait_heard (heard, 1);
  g_assert_cmpstr (g_ptr_array_index (heard, 0), ==, "one");

  g_assert_cmpint (query_int64 (f->db, "SELECT count (pg_terminate_backend (pid, 5000)) FROM pg_stat_activity "
                                       "WHERE query LIKE 'LISTEN%' AND datname = current_database () "
                                       "AND pid <> pg_backend_pid ()"), ==, 1);
  /* Announce until the reconnected watch hears one. */
  for (int tries = 0; tries < 200 && heard->len < 2; tries++)
    {
      g_assert_true (clr_db_notify (f->db, "clr_test", "two"));
      for (int i = 0; i < 10; i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
    }
  g_assert_cmpuint (heard->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (heard, 1), ==, "two");

  /* A file has nothing to watch. */
  g_assert_null (clr_db_watch_new ("/tmp/x.db", "clr_test", NULL, heard_cb, heard));
}

/* PostgreSQL ends a transaction at its first failed statement (SQLite goes
 * on): the COMMIT that follows must fail, not report the rollback as done. */
static void
test_commit_after_failure (Fixture       *f,
                           gconstpointer  data)
{
  SKIP_WITHOUT_DB (f);
  insert_row (f->db, "dup", 1);
  g_assert_true (clr_db_begin_write (f->db));
  insert_row (f->db, "new", 2);
  g_assert_false (clr_db_exec (f->db, "INSERT INTO t (name) VALUES ('dup')"));
  g_assert_false (clr_db_commit (f->db));
  g_assert_cmpint (clr_db_get_failure (f->db), ==, CLR_DB_FAILURE_SQL);
  g_assert_false (clr_db_in_transaction (f->db));
  g_assert_cmpint (query_int64 (f->db, "SELECT count(*) FROM t"), ==, 1);
}

#define SQLITE     GINT_TO_POINTER (CLR_DB_ENGINE_SQLITE)
#define POSTGRESQL GINT_TO_POINTER (CLR_DB_ENGINE_POSTGRESQL)
#define BOTH(name, func)                             \
  CLR_TEST_DATA ("/db/sqlite/" name, func, SQLITE),  \
  CLR_TEST_DATA ("/db/postgresql/" name, func, POSTGRESQL)

static const ClrTestCase tests[] = {
  BOTH ("placeholders", test_placeholders),
  BOTH ("null", test_null),
  BOTH ("text-as-integer", test_text_as_integer),
  BOTH ("int64-extremes", test_int64_extremes),
  BOTH ("doubles", test_doubles),
  BOTH ("booleans", test_booleans),
  BOTH ("like-ignores-case", test_like_ignores_case),
  BOTH ("changes", test_changes),
  BOTH ("unique-violation", test_unique_violation),
  BOTH ("is-null-safe", test_is_null_safe),
  BOTH ("negative-limit", test_negative_limit),
  BOTH ("columns", test_columns),
  BOTH ("id-sequence", test_id_sequence),
  BOTH ("trigger-refuses", test_trigger_refuses),
  BOTH ("bad-statement", test_bad_statement),
  BOTH ("begin-write-serialises", test_begin_write_serialises),
  BOTH ("rollback", test_rollback),
  BOTH ("schema-version", test_schema_version),
  BOTH ("read-only", test_read_only),
  BOTH ("unreachable", test_unreachable),
  CLR_TEST_FUNC ("/db/postgresql/message-hides-password", test_message_hides_password),
  CLR_TEST_DATA ("/db/postgresql/session-settings", test_session_settings, POSTGRESQL),
  CLR_TEST_DATA ("/db/postgresql/connection-lost", test_connection_lost, POSTGRESQL),
  CLR_TEST_DATA ("/db/postgresql/watch-reconnects", test_watch_reconnects, POSTGRESQL),
  CLR_TEST_DATA ("/db/postgresql/commit-after-failure", test_commit_after_failure, POSTGRESQL),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
