/* test-cli-access.c — a busy database and a read-only one (issue 16 §4)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clr-cli-test.h"

typedef struct
{
  ClrCliTest cli;
  char *shipment;
} Fixture;

static char *
data_file (const char *name)
{
  g_autofree char *path = g_build_filename ("shipments", name, NULL);

  return clr_test_data_file ("engine", path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  clr_cli_test_set_up (&f->cli, data);
  f->shipment = data_file ("chairs-to-germany-clean.json");
  clr_cli_test_import_data (f->cli.db, "engine", "shipments/csl-fixture.csv");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->cli.dir, 0700);
  clr_cli_test_tear_down (&f->cli, data);
  g_free (f->shipment);
}

/* Another process holds the write lock: a write waits the busy time
 * ($CLEARANCE_BUSY_TIMEOUT, 1 s here) and then says so plainly, exit 1. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ClrCliRun) write = NULL;
  g_autoptr(ClrCliRun) read = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->cli.db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_setenv ("CLEARANCE_BUSY_TIMEOUT", "1", TRUE);
  write = clr_cli_run_va ("--db", f->cli.db, "case", "import", f->shipment, NULL);
  read = clr_cli_run_va ("--db", f->cli.db, "case", "list", NULL);
  g_unsetenv ("CLEARANCE_BUSY_TIMEOUT");
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  g_assert_cmpint (write->exit_code, ==, 1);
  g_assert_nonnull (strstr (write->err, "another Clearance is writing to this database; try again"));
  g_assert_null (strstr (write->err, "database is locked"));
  /* Readers are not blocked by a writer (WAL). */
  g_assert_cmpint (read->exit_code, ==, 0);
}

static void
drop_to_nobody (gpointer user_data)
{
  if (geteuid () == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (99);
    }
}

/* Runs the CLI unable to write the database: as root, permissions do not
 * apply, so the child drops to nobody. */
static ClrCliRun *
run_read_only (const char *first,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  ClrCliRun *run = g_new0 (ClrCliRun, 1);
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CLEARANCE_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, drop_to_nobody, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "HOME", "/nonexistent", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", "/nonexistent", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", "/nonexistent", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->exit_code = g_subprocess_get_exit_status (proc);
  g_assert_cmpint (run->exit_code, !=, 99);
  if (g_test_verbose ())
    g_printerr ("# exit %d\n# stdout: %s\n# stderr: %s\n", run->exit_code, run->out, run->err);

  return run;
}

/* A database the user may read but not write: everything that only reads
 * works; every write says "read-only", exit 1, and the file is unchanged. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  const char *suffixes[] = { "", "-wal", "-shm" };

  /* The files readable by all, writable by none but root. */
  g_assert_cmpint (g_chmod (f->cli.dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->cli.db, suffixes[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    }
  g_assert_true (g_file_get_contents (f->cli.db, &before, &len_before, NULL));

  {
    g_autoptr(ClrCliRun) info = run_read_only ("--db", f->cli.db, "info", NULL);
    g_autoptr(ClrCliRun) lists = run_read_only ("--db", f->cli.db, "lists", NULL);
    g_autoptr(ClrCliRun) screen = run_read_only ("--db", f->cli.db, "screen", "Kestrel Telecom Equipment", NULL);
    g_autoptr(ClrCliRun) evaluate = run_read_only ("--db", f->cli.db, "evaluate", f->shipment, NULL);
    g_autoptr(ClrCliRun) save = run_read_only ("--db", f->cli.db, "evaluate", "--save", f->shipment, NULL);
    g_autoptr(ClrCliRun) import = run_read_only ("--db", f->cli.db, "case", "import", f->shipment, NULL);

    g_assert_cmpint (info->exit_code, ==, 0);
    g_assert_nonnull (strstr (info->out, "read-only"));
    g_assert_cmpint (lists->exit_code, ==, 0);
    g_assert_cmpint (screen->exit_code, ==, 0);
    g_assert_nonnull (strstr (screen->out, "Kestrel Telecom Equipment Co., Ltd."));
    g_assert_cmpint (evaluate->exit_code, ==, 0);
    g_assert_cmpint (save->exit_code, ==, 1);
    g_assert_nonnull (strstr (save->err, "read-only"));
    g_assert_cmpint (import->exit_code, ==, 1);
    g_assert_nonnull (strstr (import->err, "read-only"));
  }

  g_assert_true (g_file_get_contents (f->cli.db, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

/* evaluate --save is one transaction: when the last step (its audit entry)
 * fails, no case is left without its result (a retry used to make a
 * duplicate). The failure is injected with a trigger. */
static void
test_evaluate_save_atomic (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ClrCliRun) failed = NULL;
  g_autoptr(ClrCliRun) saved = NULL;

  clr_test_sql_exec (f->cli.db, "CREATE TRIGGER inject_failure BEFORE INSERT ON audit_log "
                   "WHEN NEW.action = 'case.evaluate' BEGIN SELECT RAISE (ABORT, 'injected'); END");
  failed = clr_cli_run_va ("--db", f->cli.db, "evaluate", "--save", f->shipment, NULL);
  g_assert_cmpint (failed->exit_code, !=, 0);
  g_assert_nonnull (strstr (failed->err, "injected"));
  g_assert_cmpint (clr_test_sql_int64 (f->cli.db, "SELECT count(*) FROM cases"), ==, 0);

  clr_test_sql_exec (f->cli.db, "DROP TRIGGER inject_failure");
  saved = clr_cli_run_va ("--db", f->cli.db, "evaluate", "--save", f->shipment, NULL);
  g_assert_cmpint (saved->exit_code, ==, 0);
  g_assert_nonnull (strstr (saved->out, "Case: 1\n"));
  g_assert_cmpint (clr_test_sql_int64 (f->cli.db, "SELECT count(*) FROM cases WHERE result IS NOT NULL"), ==, 1);
  g_assert_cmpint (clr_test_sql_int64 (f->cli.db, "SELECT count(*) FROM cases"), ==, 1);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/access/busy", test_busy),
  CLR_TEST ("/cli/access/read-only", test_read_only),
  CLR_TEST ("/cli/access/evaluate-save-atomic", test_evaluate_save_atomic),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
