/* test-cli-db.c — `db copy --to`: a desktop database moved into a new
 * database (the team server, or a file) arrives whole, its audit trail
 * verifies there, and a database that already holds data is refused
 *
 * Each test runs once per engine of the target: "sqlite" (a new file) and
 * "postgresql" (a new database on $CLEARANCE_TEST_PG; skipped without it).
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"

typedef struct
{
  ClrCliTest cli;
  char      *target;   /* NULL when the engine's server is missing (skipped) */
  gint64     item;
} Fixture;

/* A source database with a list, a saved case and a decided review item:
 * the audit trail has the import, the evaluation and the decision. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *shipment = clr_test_data_file ("cli", "po-77-huawei.json");
  g_autofree char *id_arg = NULL;

  clr_cli_test_set_up (&f->cli, data);
  f->target = clr_test_database_new (data, f->cli.dir, "team.db");
  if (f->target == NULL)
    return;

  clr_cli_test_import_data (f->cli.db, "cli", "review-csl-v1.csv");
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "evaluate", "--save", shipment, NULL);
  f->item = clr_cli_test_first_item (f->cli.db, NULL);
  g_assert_cmpint (f->item, >, 0);
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->item);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                      "--reason", "different-entity", "--note", "Shenzhen, not Beijing", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clr_test_database_drop (f->target);
  g_free (f->target);
  clr_cli_test_tear_down (&f->cli, data);
}

/* What a user relies on after the move: the same queue with the same
 * decisions, the same cases, the same lists, and a trail that verifies. */
static void
test_copy_whole (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) review_before = NULL;
  g_autoptr(JsonNode) review_after = NULL;
  g_autoptr(JsonNode) decided_before = NULL;
  g_autoptr(JsonNode) decided_after = NULL;
  g_autofree char *lists_text = NULL;
  g_autoptr(JsonNode) cases_before = NULL;
  g_autoptr(JsonNode) cases_after = NULL;
  g_autoptr(JsonNode) lists_after = NULL;
  g_autofree char *id_arg = NULL;

  if (f->target == NULL)
    return;

  clr_cli_assert_prints (CLR_MENTIONS ("review_items", "audit_log", "The audit trail verifies", "3 entries"),
                         "--db", f->cli.db, "db", "copy", "--to", f->target, NULL);
  clr_cli_assert_prints (CLR_MENTIONS ("Audit trail intact: 3 entries verified"),
                         "--db", f->target, "audit", "verify", NULL);

  review_before = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--json", NULL);
  review_after = clr_cli_run_json ("--db", f->target, "review", "list", "--json", NULL);
  g_assert_true (json_node_equal (review_before, review_after));
  decided_before = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--status", "no-match", "--json", NULL);
  decided_after = clr_cli_run_json ("--db", f->target, "review", "list", "--status", "no-match", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (decided_after)), ==, 1);
  g_assert_true (json_node_equal (decided_before, decided_after));
  cases_before = clr_cli_run_json ("--db", f->cli.db, "case", "list", "--json", NULL);
  cases_after = clr_cli_run_json ("--db", f->target, "case", "list", "--json", NULL);
  g_assert_true (json_node_equal (cases_before, cases_after));
  lists_after = clr_cli_run_json ("--db", f->target, "lists", "--json", NULL);
  lists_text = json_to_string (lists_after, FALSE);
  g_assert_nonnull (strstr (lists_text, "review-csl-v1.csv"));

  /* The copy goes on working: a new decision extends the trail, new ids
   * come after the copied ones. The copied decision stands (first wins):
   * deciding the item again is refused there too, and changed with --change. */
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->item);
  clr_cli_assert_run (1, CLR_MENTIONS ("was already decided by"), "--db", f->target, "review", "decide", id_arg,
                      "--match", "--reason", "confirmed-by-documents", NULL);
  clr_cli_assert_run (0, NULL, "--db", f->target, "review", "decide", id_arg, "--match",
                      "--reason", "confirmed-by-documents", "--change", NULL);
  clr_cli_assert_prints (CLR_MENTIONS ("Audit trail intact: 4 entries verified"),
                         "--db", f->target, "audit", "verify", NULL);
}

/* A target that already holds data is refused and left as it was. */
static void
test_copy_refuses_non_empty (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *shipment = clr_test_data_file ("cli", "po-77-huawei.json");

  if (f->target == NULL)
    return;

  clr_cli_assert_run (0, NULL, "--db", f->target, "evaluate", "--save", shipment, NULL);
  g_assert_cmpint (clr_test_sql_int64 (f->target, "SELECT count(*) FROM audit_log"), ==, 1);

  clr_cli_assert_run (1, CLR_MENTIONS ("is not empty", "cases: 1", "nothing was copied"),
                      "--db", f->cli.db, "db", "copy", "--to", f->target, NULL);
  g_assert_cmpint (clr_test_sql_int64 (f->target, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (clr_test_sql_int64 (f->target, "SELECT count(*) FROM list_version"), ==, 0);

  /* A second copy into a copy: refused too. */
  clr_test_database_drop (f->target);
  g_free (f->target);
  f->target = clr_test_database_new (data, f->cli.dir, "team2.db");
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "db", "copy", "--to", f->target, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("is not empty", "audit entries: 3"),
                      "--db", f->cli.db, "db", "copy", "--to", f->target, NULL);
}

static void
test_copy_usage (void)
{
  clr_cli_assert_run (2, CLR_MENTIONS ("--to"), "db", "copy", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("Unknown db command"), "db", "move", NULL);
}

static const ClrTestCase tests[] = {
  CLR_TEST_DATA ("/cli/db/copy/sqlite", test_copy_whole, "sqlite"),
  CLR_TEST_DATA ("/cli/db/copy/postgresql", test_copy_whole, "postgresql"),
  CLR_TEST_DATA ("/cli/db/refuses-non-empty/sqlite", test_copy_refuses_non_empty, "sqlite"),
  CLR_TEST_DATA ("/cli/db/refuses-non-empty/postgresql", test_copy_refuses_non_empty, "postgresql"),
  CLR_TEST_FUNC ("/cli/db/usage", test_copy_usage),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
