/* test-store.c — opening, migrating and refusing databases
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "clr-store.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  /* The store makes its folder: the database lies one level down. */
  clr_store_test_make_dir (f);
  g_free (f->path);
  f->path = g_build_filename (f->dir, "sub", "clearance.db", NULL);
}

static int
pragma_int (const char *path,
            const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  int value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  clr_test_sql_exec (path, sql);
}

static void
test_create_and_migrate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClrStore) store = clr_store_new (f->path);
  g_autoptr(GError) error = NULL;
  int latest = clr_store_get_latest_schema_version ();

  g_assert_cmpint (latest, >=, 1);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_is_open (store));
  g_assert_cmpint (clr_store_get_schema_version (store), ==, latest);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* The file on disk carries the version, and reopening is a no-op. */
  g_assert_cmpint (pragma_int (f->path, "user_version"), ==, latest);
  store = clr_store_new (f->path);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clr_store_get_schema_version (store), ==, latest);
}

static void
test_upgrade_from_older (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *sql = NULL;
  int latest = clr_store_get_latest_schema_version ();
  sqlite3 *db = NULL;

  if (latest < 2)
    {
      g_test_skip ("only one migration exists");
      return;
    }

  /* A database as the first release left it: only migration 1 applied,
   * with a row of its own that the upgrade must keep. */
  first = g_resources_lookup_data ("/dev/clearance/Clearance/store/sql/0001-core.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO meta VALUES ('kept', 'yes'); PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = clr_store_new (f->path);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clr_store_get_schema_version (store), ==, latest);
  g_clear_object (&store);
  g_assert_cmpint (pragma_int (f->path, "user_version"), ==, latest);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'kept'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "yes");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ClrStore) store = clr_store_new (f->path);
  g_autoptr(GError) error = NULL;
  int latest = clr_store_get_latest_schema_version ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;

  g_assert_true (clr_store_open (store, &error));
  g_clear_object (&store);
  set_user_version (f->path, latest + 5);
  g_assert_true (g_file_get_contents (f->path, &before, &len_before, NULL));

  store = clr_store_new (f->path);
  g_assert_false (clr_store_open (store, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NEWER_SCHEMA, f->path);
  g_assert_false (clr_store_is_open (store));
  g_clear_object (&store);

  /* Never altered. */
  g_assert_cmpint (pragma_int (f->path, "user_version"), ==, latest + 5);
  g_assert_true (g_file_get_contents (f->path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

/* A newer Clearance's database in rollback-journal mode (as an older
 * SQLite tool or a restore may leave it): refused before anything writes to
 * it, so not even the header changes (journal_mode = WAL used to run before
 * the version check and rewrite it). */
static void
test_newer_schema_rollback_untouched (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(ClrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gsize len_before, len_after;
  g_autofree char *sub = g_path_get_dirname (f->path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; "
                                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); "
                                 "INSERT INTO meta VALUES ('from', 'the future'); "
                                 "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (f->path, &before, &len_before, NULL));

  store = clr_store_new (f->path);
  g_assert_false (clr_store_open (store, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NEWER_SCHEMA, "not changed");
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (f->path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *moved = NULL;
  g_autofree char *contents = NULL;
  const char junk[] = "This is not a database, it is a shopping list: milk, eggs.\n";

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (f->path, junk, -1, NULL));

  store = clr_store_new (f->path);
  g_assert_false (clr_store_open (store, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT, f->path);

  /* The file is untouched, and moving it aside keeps it. */
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
  g_clear_pointer (&contents, g_free);

  moved = clr_store_move_aside (f->path, &error);
  g_clear_error (&error);
  g_assert_nonnull (moved);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);

  /* A fresh database can be created in its place. */
  g_clear_object (&store);
  store = clr_store_new (f->path);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
}

static void
test_truncated_database (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClrStore) store = clr_store_new (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (clr_store_open (store, &error));
  g_clear_object (&store);
  /* Overwrite the middle of the file: header intact, pages garbage. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  for (gsize i = 100; i < len; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  store = clr_store_new (f->path);
  g_assert_false (clr_store_open (store, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT);
}

typedef struct
{
  const char *path;
  gboolean    ok;
} OpenJob;

static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;
  g_autoptr(ClrStore) store = clr_store_new (job->path);
  g_autoptr(GError) error = NULL;

  job->ok = clr_store_open (store, &error);
  if (error != NULL)
    g_printerr ("# concurrent open: %s\n", error->message);

  return NULL;
}

static void
test_concurrent_open (Fixture       *f,
                      gconstpointer  data)
{
  OpenJob jobs[6];
  GThread *threads[G_N_ELEMENTS (jobs)];

  /* Several processes (here: connections) creating and migrating the same
   * new database at once must all succeed, and migrate exactly once. */
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].path = f->path;
      jobs[i].ok = FALSE;
      threads[i] = g_thread_new ("open", open_thread, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (jobs[i].ok);
    }

  g_assert_cmpint (pragma_int (f->path, "user_version"), ==, clr_store_get_latest_schema_version ());
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ClrStore) store = clr_store_new (f->path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  g_autoptr(GError) error = NULL;
  GAsyncResult *result;

  clr_store_open_async (store, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_true (clr_store_open_finish (store, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (clr_store_is_open (store));

  /* The worker thread drops its reference to the task (and so to the store)
   * shortly after the callback; then the store must go away with ours. */
  while (G_OBJECT (store)->ref_count > 1)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("CLEARANCE_DB", "/tmp/somewhere/else.db", TRUE);
  path = clr_store_dup_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/somewhere/else.db");
  g_clear_pointer (&path, g_free);

  g_unsetenv ("CLEARANCE_DB");
  path = clr_store_dup_default_path ();
  g_assert_true (g_str_has_suffix (path, "/clearance/clearance.db"));
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/store/open/create-and-migrate", test_create_and_migrate),
  CLR_TEST ("/clearance/store/open/upgrade", test_upgrade_from_older),
  CLR_TEST ("/clearance/store/open/newer-schema", test_newer_schema_refused),
  CLR_TEST ("/clearance/store/open/newer-schema-rollback-untouched", test_newer_schema_rollback_untouched),
  CLR_TEST ("/clearance/store/open/corrupt", test_corrupt_file),
  CLR_TEST ("/clearance/store/open/truncated", test_truncated_database),
  CLR_TEST ("/clearance/store/open/concurrent", test_concurrent_open),
  CLR_TEST ("/clearance/store/open/async", test_open_async),
  CLR_TEST_FUNC ("/clearance/store/default-path", test_default_path),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_setup, clr_store_test_tear_down)
