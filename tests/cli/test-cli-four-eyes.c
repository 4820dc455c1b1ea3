/* test-cli-four-eyes.c — team four-eyes and review approve: a hit one
 * reviewer cleared stays on hold until another approves it
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"

static void
test_setting (ClrCliTest    *t,
              gconstpointer  data)
{
  g_autofree char *shown = clr_cli_run_out (0, "--db", t->db, "team", "four-eyes", NULL);
  g_autofree char *changed = NULL;
  g_autoptr(JsonNode) json = NULL;

  g_assert_nonnull (strstr (shown, "Four-eyes release: off"));
  g_assert_nonnull (strstr (shown, "0.90"));
  g_assert_nonnull (strstr (shown, "DPL, SDN"));

  changed = clr_cli_run_out (0, "--db", t->db, "team", "four-eyes", "--on", "--min-score", "0.8", "--lists", "el,sdn", NULL);
  g_assert_nonnull (strstr (changed, "Four-eyes release: on"));
  g_assert_nonnull (strstr (changed, "0.80"));
  g_assert_nonnull (strstr (changed, "EL, SDN"));
  json = clr_cli_run_json ("--db", t->db, "team", "four-eyes", "--json", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (json), "enabled"));

  clr_cli_assert_run (1, CLR_MENTIONS ("--min-score", "“high”"),
                      "--db", t->db, "team", "four-eyes", "--min-score", "high", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("“S D N” is not a list code"),
                      "--db", t->db, "team", "four-eyes", "--lists", "S D N", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("--on or --off"), "--db", t->db, "team", "four-eyes", "--on", "--off", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("Unknown team command"), "--db", t->db, "team", "six-eyes", NULL);

  /* A damaged minimum score is named, not replaced by a default; giving
   * one repairs it and keeps the rest. */
  clr_test_sql_exec (t->db, "DELETE FROM meta WHERE key = 'four_eyes_min_score'");
  clr_cli_assert_run (1, CLR_MENTIONS ("four_eyes_min_score", "--min-score"), "--db", t->db, "team", "four-eyes", NULL);
  clr_cli_assert_prints (CLR_MENTIONS ("0.85", "EL, SDN"),
                         "--db", t->db, "team", "four-eyes", "--min-score", "0.85", NULL);
}

static const char *
verdict_of (JsonNode *result)
{
  return json_object_get_string_member (json_node_get_object (result), "verdict");
}

/* Alice clears the Huawei hit; the shipment stays held; she cannot approve
 * it; Bob can, and then the shipment goes and the trail verifies. */
static void
test_two_reviewers (ClrCliTest    *t,
                    gconstpointer  data)
{
  g_autofree char *shipment = clr_test_data_file ("cli", "po-77-huawei.json");
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) held = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) items = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *none = NULL;
  /* two reviewers: on a server two login roles, on a file two local users */
  g_autofree char *alice = clr_test_database_as (t->db, "alice");
  g_autofree char *bob = clr_test_database_as (t->db, "bob");

  clr_cli_test_import_data (t->db, "cli", "review-csl-v1.csv");
  clr_cli_assert_run (0, NULL, "--db", t->db, "team", "four-eyes", "--on", "--min-score", "0.5", NULL);
  first = clr_cli_run_json ("--db", t->db, "evaluate", "--json", shipment, NULL);
  g_assert_cmpstr (verdict_of (first), ==, "license_required");
  items = clr_cli_run_json ("--db", t->db, "review", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (items)), ==, 1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (t->db, NULL));

  g_setenv ("CLEARANCE_USER", "alice", TRUE);
  clr_cli_assert_run (0, NULL, "--db", alice, "review", "decide", id, "--no-match", "--reason", "different-entity",
                      "--reviewer", "Alice", NULL);
  shown = clr_cli_run_out (0, "--db", alice, "review", "show", id, NULL);
  g_assert_nonnull (strstr (shown, "Awaiting approval (decided by Alice, alice)"));
  waiting = clr_cli_run_out (0, "--db", alice, "review", "list", "--awaiting-approval", NULL);
  g_assert_nonnull (strstr (waiting, "Awaiting approval"));
  g_assert_nonnull (strstr (waiting, "1 item"));
  held = clr_cli_run_json ("--db", alice, "evaluate", "--json", shipment, NULL);
  g_assert_cmpstr (verdict_of (held), ==, "license_required");

  clr_cli_assert_run (1, CLR_MENTIONS ("You decided this item; another reviewer must approve it"),
                      "--db", alice, "review", "approve", id, NULL);

  g_setenv ("CLEARANCE_USER", "bob", TRUE);
  approved = clr_cli_run_out (0, "--db", bob, "review", "approve", id, "--reviewer", "Bob", NULL);
  g_assert_nonnull (strstr (approved, "approved by Bob"));
  g_free (shown);
  shown = clr_cli_run_out (0, "--db", bob, "review", "show", id, NULL);
  g_assert_nonnull (strstr (shown, "Approved by Bob (bob) at 20"));
  none = clr_cli_run_out (0, "--db", bob, "review", "list", "--awaiting-approval", NULL);
  g_assert_nonnull (strstr (none, "No items"));
  clr_cli_assert_run (1, CLR_MENTIONS ("already approved by Bob"), "--db", bob, "review", "approve", id, NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("review approve needs one item ID"), "--db", bob, "review", "approve", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("There is no review item 999"), "--db", bob, "review", "approve", "999", NULL);

  cleared = clr_cli_run_json ("--db", t->db, "evaluate", "--json", shipment, NULL);
  g_assert_cmpstr (verdict_of (cleared), !=, "license_required");
  clr_cli_assert_run (0, NULL, "--db", t->db, "audit", "verify", NULL);
  g_unsetenv ("CLEARANCE_USER");
}

/* With four-eyes on, an escalation names its approver (--to). */
static void
test_escalate_to (ClrCliTest    *t,
                  gconstpointer  data)
{
  g_autofree char *shipment = clr_test_data_file ("cli", "po-77-huawei.json");
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;

  clr_cli_test_import_data (t->db, "cli", "review-csl-v1.csv");
  g_free (clr_cli_run_out (0, "--db", t->db, "evaluate", shipment, NULL));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (t->db, NULL));
  clr_cli_assert_run (0, NULL, "--db", t->db, "team", "four-eyes", "--on", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("names the approver"),
                      "--db", t->db, "review", "decide", id, "--escalate", "--reason", "other", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("Only an escalation names a recipient"),
                      "--db", t->db, "review", "decide", id, "--match", "--reason", "other", "--to", "Carol", NULL);
  clr_cli_assert_run (0, NULL, "--db", t->db, "review", "decide", id, "--escalate", "--reason", "other",
                      "--to", "Carol", NULL);
  shown = clr_cli_run_out (0, "--db", t->db, "review", "show", id, NULL);
  g_assert_nonnull (strstr (shown, "→ Carol"));
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/four-eyes/setting", test_setting),
  CLR_TEST ("/cli/four-eyes/two-reviewers", test_two_reviewers),
  CLR_TEST ("/cli/four-eyes/escalate-to", test_escalate_to),
};

CLR_TEST_MAIN (NULL, tests, ClrCliTest, clr_cli_test_set_up, clr_cli_test_tear_down)
