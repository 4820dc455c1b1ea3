/* test-cli-review-claim.c — review claim / release: a claimed item is
 * left to its reviewer, the others are told whose it is (exit 1)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-cli-test.h"

static void
insert_item (const char *db)
{
  clr_cli_assert_run (0, NULL, "--db", db, "info", NULL);
  clr_test_sql_exec (db, "INSERT INTO review_items (id, party_key, party_name, origin, list_code, entry_key, "
                         "score, first_seen_at, last_seen_at) VALUES (7, 'sugon', 'Sugon', 'batch', 'EL', 'el-7', "
                         "0.93, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')");
}

static void
test_claim_and_release (ClrCliTest    *t,
                        gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;
  /* Two reviewers: two login roles of a server; a file's user comes from
   * $CLEARANCE_USER. */
  g_autofree char *anna = clr_test_database_as (t->db, "anna");
  g_autofree char *ben = clr_test_database_as (t->db, "ben");

  insert_item (t->db);

  g_setenv ("CLEARANCE_USER", "anna", TRUE);
  run = clr_cli_run_va ("--db", anna, "review", "claim", "7", "--reviewer", "Anna Albers", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->out, "Item 7 is yours until 20"));

  g_setenv ("CLEARANCE_USER", "ben", TRUE);
  clr_cli_assert_run (1, CLR_MENTIONS ("Item 7 is being reviewed by Anna Albers (anna) until"),
                      "--db", ben, "review", "claim", "7", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("being reviewed by Anna Albers"),
                      "--db", ben, "review", "decide", "7", "--no-match", "--reason", "other", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("being reviewed by Anna Albers"),
                      "--db", ben, "review", "release", "7", NULL);

  g_setenv ("CLEARANCE_USER", "anna", TRUE);
  clr_cli_assert_run (0, NULL, "--db", anna, "review", "release", "7", NULL);
  g_setenv ("CLEARANCE_USER", "ben", TRUE);
  clr_cli_assert_run (0, NULL, "--db", ben, "review", "decide", "7", "--no-match", "--reason", "other", NULL);
  g_assert_cmpint (clr_test_sql_int64 (t->db, "SELECT count(*) FROM review_items WHERE status = 'no_match'"), ==, 1);

  clr_cli_assert_run (2, CLR_MENTIONS ("review claim needs one item ID"), "--db", t->db, "review", "claim", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("from 1 to 480 minutes"),
                      "--db", t->db, "review", "claim", "7", "--minutes", "0", NULL);
  g_unsetenv ("CLEARANCE_USER");
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/review/claim-and-release", test_claim_and_release),
};

CLR_TEST_MAIN (NULL, tests, ClrCliTest, clr_cli_test_set_up, clr_cli_test_tear_down)
