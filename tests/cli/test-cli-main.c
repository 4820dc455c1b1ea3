/* test-cli-main.c — clearance-cli's global behaviour: help, version, usage
 * errors, database selection, and refusing damaged or newer databases.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "clr-cli-test.h"

static void
test_help (void)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--help", NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, "Usage: clearance-cli"));
  /* Every command a script may rely on is listed. */
  g_assert_nonnull (strstr (run->out, "info"));
  g_assert_nonnull (strstr (run->out, "Exit codes"));
}

static void
test_version (void)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--version", NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "clearance-cli " PACKAGE_VERSION));
}

static void
test_usage_errors (void)
{
  clr_cli_assert_run (2, NULL, NULL, NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("frobnicate"), "frobnicate", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("--bogus"), "--bogus", "info", NULL);
  clr_cli_assert_run (2, NULL, "--db", NULL);
}

static void
test_info_fresh (ClrCliTest    *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new", "c.db", NULL);
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", path, "info", NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, path));
  g_assert_nonnull (strstr (run->out, "Schema version"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_info_env (ClrCliTest    *f,
               gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;

  g_setenv ("CLEARANCE_DB", f->db, TRUE);
  run = clr_cli_run_va ("info", NULL);
  g_unsetenv ("CLEARANCE_DB");

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, f->db));
  g_assert_true (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_info_corrupt (ClrCliTest    *f,
                   gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;
  g_autofree char *after = NULL;
  const char junk[] = "PK\003\004 definitely a zip file, not a database";

  g_assert_true (g_file_set_contents (f->db, junk, -1, NULL));
  run = clr_cli_run_va ("--db", f->db, "info", NULL);

  g_assert_cmpint (run->exit_code, ==, 1);
  g_assert_nonnull (strstr (run->err, f->db));
  g_assert_true (g_file_get_contents (f->db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
}

static void
test_info_newer (ClrCliTest    *f,
                 gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;

  clr_cli_assert_run (0, NULL, "--db", f->db, "info", NULL);
  clr_test_sql_exec (f->db, "PRAGMA user_version = 999");

  run = clr_cli_run_va ("--db", f->db, "info", NULL);
  g_assert_cmpint (run->exit_code, ==, 1);
  g_assert_nonnull (strstr (run->err, "newer version"));
  g_assert_nonnull (strstr (run->err, f->db));
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/cli/main/help", test_help),
  CLR_TEST_FUNC ("/clearance/cli/main/version", test_version),
  CLR_TEST_FUNC ("/clearance/cli/main/usage-errors", test_usage_errors),
  CLR_TEST ("/clearance/cli/main/info-fresh", test_info_fresh),
  CLR_TEST ("/clearance/cli/main/info-env", test_info_env),
  CLR_TEST ("/clearance/cli/main/info-corrupt", test_info_corrupt),
  CLR_TEST ("/clearance/cli/main/info-newer", test_info_newer),
};

CLR_TEST_MAIN (NULL, tests, ClrCliTest, clr_cli_test_set_up, clr_cli_test_tear_down)
