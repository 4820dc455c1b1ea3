/* clr-test.h — small helpers every test program may use: scratch folders,
 * JSON literals and the shared real list files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A fresh folder under $TMPDIR named @prefix-XXXXXX; asserts it was made. */
char     *clr_test_tmpdir     (const char *prefix);
/* Removes @path and everything below it (links are removed, not followed). */
void      clr_test_rmtree     (const char *path);
/* Parses @text, asserting it is valid JSON; a copy of the root. */
JsonNode *clr_test_parse      (const char *text);
/* tests/@folder/data/@name in the source tree (after g_test_init). */
char     *clr_test_data_file  (const char *folder,
                               const char *name);
/* Shared data: $CLEARANCE_SHARED_DATA/@relative, or NULL with the test skipped
 * when absent. Files ending in .gz / .xz are unpacked into @tmpdir as
 * @unpacked_name first (NULL and skipped when xz is not installed); a plain file
 * is copied there when both are given, else returned in place. */
char     *clr_test_shared_file (const char *relative,
                                const char *tmpdir,
                                const char *unpacked_name);

/* The end-use questions of the bundled rule pack (end_use_categories with a
 * "question"), NULL-terminated. */
extern const char * const clr_test_end_use_questions[];
/* Answers "no" (end_use.answers.ID = false) for each of the pack's end-use
 * questions @shipment neither answers nor states in end_use.categories: the
 * meaning such documents had before unanswered questions became missing facts. */
void      clr_test_answer_end_use_no (JsonNode *shipment);

/* The engine the store-level tests run on: $CLEARANCE_TEST_ENGINE,
 * "sqlite" (the default) or "postgresql" (meson runs the store, review and
 * audit suites once per engine). */
const char *clr_test_engine         (void);
/* TRUE when the tests run on SQLite files: tests of what only a file has
 * (its WAL, its permissions, damaged bytes) skip themselves otherwise. */
gboolean  clr_test_engine_is_sqlite (void);

/* A new, empty database on the test PostgreSQL server: its libpq address
 * (postgresql://…). The server is $CLEARANCE_TEST_PG, the address of its
 * maintenance database (tests/pg/clr-pg-run.sh and .ci/run set it); without
 * it the test is skipped and NULL returned. Drop it with
 * clr_test_pg_database_drop(). */
char     *clr_test_pg_database_new  (void);
void      clr_test_pg_database_drop (const char *location);
/* @location as user @user would open it: on PostgreSQL the address with
 * that login role (made, with the test server's rights, if missing); an
 * SQLite path as it is (set the user with clr_store_set_local_user()). */
char     *clr_test_database_as      (const char *location,
                                     const char *user);
/* The user a program opening @location records: the login role of a
 * PostgreSQL address; for a file $CLEARANCE_USER, else the OS user. */
char     *clr_test_database_user    (const char *location);
/* A new database for a test that runs on @engine ("sqlite": @dir/@name;
 * "postgresql": clr_test_pg_database_new()); NULL when skipped. */
char     *clr_test_database_new     (const char *engine,
                                     const char *dir,
                                     const char *name);
void      clr_test_database_drop    (const char *location);

/* Runs @sql on the database @path (an SQLite file, or a postgresql://
 * address) over a connection of its own (as another process would, waiting
 * up to 5 s for its lock); the test fails with the database's message when
 * it does not succeed. */
void      clr_test_sql_exec  (const char *path,
                              const char *sql);
/* Runs @sql on @path as clr_test_sql_exec() does, but asserts that it
 * fails: the database's message. */
char     *clr_test_sql_error (const char *path,
                              const char *sql);
/* The first column of every row @sql returns from @path (text). */
GPtrArray *clr_test_sql_strings (const char *path,
                                 const char *sql);
/* What a forger with the database's owner rights does first: the audit
 * trail's append-only triggers off (SQLite: dropped; PostgreSQL: disabled). */
void      clr_test_sql_drop_audit_guards (const char *path);

/* The first column of the first row @sql returns from the database @path
 * (as above), over a connection of its own; asserts there is a row. */
gint64    clr_test_sql_int64 (const char *path,
                              const char *sql);

/* Asserts that *@error is set, is @code of @domain and its message contains
 * @mentions (unless NULL); the failure names what it was instead. Clears
 * *@error, so the next call can set it again. */
void      clr_test_assert_error (GError     **error,
                                 GQuark       domain,
                                 gint         code,
                                 const char  *mentions);

/* The first element of @array (of pointers to structures) whose string member
 * at @offset (G_STRUCT_OFFSET) equals @value; the test fails when there is
 * none, naming @what and @value. */
gpointer  clr_test_find_by_string (GPtrArray  *array,
                                   gsize       offset,
                                   const char *value,
                                   const char *what);

/* Waiting for one asynchronous call in a test: pass clr_test_async_ready and a
 * ClrTestAsync (with a main loop) as its callback and data, then
 * clr_test_async_wait () runs the loop until the call is done. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} ClrTestAsync;

void          clr_test_async_ready (GObject       *source,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
/* The result of the call (owned), taken from @wait. */
GAsyncResult *clr_test_async_wait  (ClrTestAsync  *wait);

/* One test of a table: its GTest path, its function and the data passed to
 * it. A fixture test (func takes the fixture and @data) unless @plain: then
 * func is a test function of no fixture, as g_test_add_func () (or
 * g_test_add_data_func () with @data) takes. */
typedef struct
{
  const char       *path;
  GTestFixtureFunc  func;
  gconstpointer     data;
  gboolean          plain;
} ClrTestCase;

/* Through void (*) (void), as GLib does for g_test_add_data_func (). */
#define CLR_TEST_FIXTURE_FUNC(func) ((GTestFixtureFunc) (void (*) (void)) (func))
#define CLR_TEST(path, func)                 { (path), CLR_TEST_FIXTURE_FUNC (func), NULL, FALSE }
#define CLR_TEST_DATA(path, func, data)      { (path), CLR_TEST_FIXTURE_FUNC (func), (data), FALSE }
#define CLR_TEST_FUNC(path, func)            { (path), CLR_TEST_FIXTURE_FUNC (func), NULL, TRUE }
#define CLR_TEST_FUNC_DATA(path, func, data) { (path), CLR_TEST_FIXTURE_FUNC (func), (data), TRUE }

/* A program's table of tests and the fixture its fixture tests share:
 * @fixture_size bytes made by @set_up and undone by @tear_down (either may
 * be NULL). With @nonfatal, clr_test_main () makes assertions non-fatal: a
 * test reports every check that fails, not only the first. */
typedef struct
{
  const ClrTestCase *cases;
  gsize              n_cases;
  gsize              fixture_size;
  GTestFixtureFunc   set_up;
  GTestFixtureFunc   tear_down;
  gboolean           nonfatal;
} ClrTestTable;

#define CLR_TEST_TABLE(cases, Fixture, set_up, tear_down)                          \
  (&(const ClrTestTable) { (cases), G_N_ELEMENTS (cases), sizeof (Fixture),        \
                           (GTestFixtureFunc) (set_up), (GTestFixtureFunc) (tear_down), FALSE })
#define CLR_TEST_TABLE_FUNCS(cases)                                                \
  (&(const ClrTestTable) { (cases), G_N_ELEMENTS (cases), 0, NULL, NULL, FALSE })
#define CLR_TEST_TABLE_FUNCS_NONFATAL(cases)                                       \
  (&(const ClrTestTable) { (cases), G_N_ELEMENTS (cases), 0, NULL, NULL, TRUE })

/* Adds the tests of @table in order. */
void          clr_test_add_cases   (const ClrTestTable *table);
#define CLR_TEST_ADD_CASES(cases, Fixture, set_up, tear_down)                      \
  clr_test_add_cases (CLR_TEST_TABLE (cases, Fixture, set_up, tear_down))
#define CLR_TEST_ADD_FUNCS(cases) clr_test_add_cases (CLR_TEST_TABLE_FUNCS (cases))

/* The main () of a program that is a table of tests: $CLEARANCE_REVIEWER set
 * to @reviewer unless NULL (before g_test_init, so before any thread),
 * g_test_init, the tests of @table and g_test_run. */
int           clr_test_main        (int                *argc,
                                    char             ***argv,
                                    const char         *reviewer,
                                    const ClrTestTable *table);
/* A main () that returns @main_func (&argc, &argv, @first, @table). */
#define CLR_TEST_MAIN_WITH(main_func, first, table)                                \
  int main (int argc, char **argv) { return main_func (&argc, &argv, (first), (table)); }
#define CLR_TEST_MAIN(reviewer, cases, Fixture, set_up, tear_down)                 \
  CLR_TEST_MAIN_WITH (clr_test_main, reviewer, CLR_TEST_TABLE (cases, Fixture, set_up, tear_down))
#define CLR_TEST_MAIN_FUNCS(cases)                                                 \
  CLR_TEST_MAIN_WITH (clr_test_main, NULL, CLR_TEST_TABLE_FUNCS (cases))

G_END_DECLS
