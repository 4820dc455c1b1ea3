/* test-cli-case-hold.c — case show names the app that has a case open for
 * editing; case archive of such a case is refused (exit 1)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-cli-test.h"
#include "clr-store-audit.h"
#include "clr-store-case-hold.h"

static void
test_show_and_refuse (ClrCliTest    *t,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) app = NULL;
  g_autoptr(ClrCliRun) run = NULL;
  g_autofree char *file = g_build_filename (t->dir, "held.json", NULL);

  g_assert_true (g_file_set_contents (file, "{\"reference\": \"PO-HELD\", \"destination\": \"DE\"}", -1, NULL));
  clr_cli_assert_run (0, NULL, "--db", t->db, "case", "import", file, NULL);

  /* An app has case 1 open. */
  app = clr_store_new (t->db);
  g_assert_true (clr_store_open (app, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_case_hold (app, 1, "Anna Albers", NULL, &error));
  g_assert_no_error (error);

  run = clr_cli_run_va ("--db", t->db, "case", "show", "1", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, "Being edited by Anna Albers ("));
  g_clear_pointer (&run, clr_cli_run_free);
  run = clr_cli_run_va ("--db", t->db, "case", "show", "1", "--json", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, "\"held_by\""));
  g_assert_nonnull (strstr (run->out, "\"Anna Albers\""));
  clr_cli_assert_run (1, CLR_MENTIONS ("Case 1 is being edited by Anna Albers"),
                      "--db", t->db, "case", "archive", "1", NULL);

  /* Released: nobody is named, and the case is archived. */
  g_assert_true (clr_store_case_release (app, 1, &error));
  g_clear_pointer (&run, clr_cli_run_free);
  run = clr_cli_run_va ("--db", t->db, "case", "show", "1", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_null (strstr (run->out, "Being edited"));
  clr_cli_assert_run (0, NULL, "--db", t->db, "case", "archive", "1", NULL);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/case/hold/show-and-refuse", test_show_and_refuse),
};

CLR_TEST_MAIN (NULL, tests, ClrCliTest, clr_cli_test_set_up, clr_cli_test_tear_down)
