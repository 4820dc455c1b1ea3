/* test-cli-review.c — clearance-cli review, audit, rescreen and evaluate
 * --save/--case end to end, against the real binary
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "clr-cli-test.h"

typedef struct
{
  ClrCliTest cli;
  char *shipment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  clr_cli_test_set_up (&f->cli, data);
  /* An EAR99 item to China for Huawei: only the Entity List hit can stop it. */
  f->shipment = clr_test_data_file ("cli", "po-77-huawei.json");
  clr_cli_test_import_data (f->cli.db, "cli", data != NULL ? data : "review-csl-v1.csv");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clr_cli_test_tear_down (&f->cli, data);
  g_free (f->shipment);
}

static gboolean
has_finding (JsonNode   *result,
             const char *rule_prefix)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (result), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (findings, i), "rule"),
                          rule_prefix))
      return TRUE;
  return FALSE;
}

/* evaluate --save: prints the case id; the hit is in the queue. */
static gint64
save_case (Fixture *f)
{
  gint64 case_id;
  g_autoptr(JsonNode) result = clr_cli_test_evaluate_save (f->cli.db, f->shipment, &case_id);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "verdict"), ==, "license_required");
  g_assert_true (has_finding (result, "screening"));
  return case_id;
}

static void
test_queue_decide_reevaluate (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) items = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *case_arg = NULL;
  g_autofree char *id_arg = NULL;
  JsonObject *item;
  gint64 case_id, id;

  clr_cli_assert_prints (CLR_MENTIONS ("No items"), "--db", f->cli.db, "review", "list", NULL);

  case_id = save_case (f);

  /* The queue, as a table and as JSON: a stable id, party, entry, score. */
  clr_cli_assert_prints (CLR_MENTIONS ("Huawei Technologies Co Ltd (CN) → EL: Huawei Technologies Co., Ltd.", "Open"),
                         "--db", f->cli.db, "review", "list", NULL);

  items = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (items)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (items), 0);
  id = json_object_get_int_member (item, "id");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "open");
  g_assert_cmpfloat (json_object_get_double_member (item, "score"), >=, 0.8);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "party"), "name"), ==,
                   "Huawei Technologies Co Ltd");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (item, "party"), "case_id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "entry"), "list"), ==, "EL");

  /* Not a match, with a reason and a note. */
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  clr_cli_assert_prints (CLR_MENTIONS ("Not a match"), "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                         "--reason", "different-entity", "--note", "A retailer in Hamburg", NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("Huawei Technologies Co Ltd"),
                         "--db", f->cli.db, "review", "list", "--status", "no-match", NULL);
  g_assert_cmpint (clr_cli_test_first_item (f->cli.db, "open"), ==, 0);

  clr_cli_assert_prints (CLR_MENTIONS ("A retailer in Hamburg", "Different entity"),
                         "--db", f->cli.db, "review", "show", id_arg, NULL);

  /* Re-evaluating the saved case: the Entity List finding is gone. */
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  result = clr_cli_run_json ("--db", f->cli.db, "evaluate", "--case", case_arg, "--json", NULL);
  g_assert_false (has_finding (result, "screening"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "verdict"), !=, "license_required");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "case_id"), ==, case_id);

  clr_cli_assert_prints (CLR_MENTIONS ("no_match", case_arg), "--db", f->cli.db, "evaluate", "--case", case_arg, NULL);
}

static void
test_decide_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id_arg = NULL;
  gint64 id;

  save_case (f);
  id = clr_cli_test_first_item (f->cli.db, "open");
  g_assert_cmpint (id, >, 0);
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* no decision, two decisions, no reason, an unknown reason, not an id */
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--reason", "other", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--match", "--no-match",
                      "--reason", "other", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--match", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--match", "--reason", "hunch", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "decide", "abc", "--match", "--reason", "other", NULL);
  /* an unknown item */
  clr_cli_assert_run (1, NULL, "--db", f->cli.db, "review", "decide", "4242", "--match", "--reason", "other", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "list", "--status", "maybe", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", "frobnicate", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "review", NULL);
  clr_cli_assert_run (1, NULL, "--db", f->cli.db, "evaluate", "--case", "4242", NULL);

  /* None of that changed anything. */
  g_assert_cmpint (clr_cli_test_first_item (f->cli.db, "open"), ==, id);

  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--escalate",
                      "--reason", "other", "--note", "Ask legal", NULL);
  g_assert_cmpint (clr_cli_test_first_item (f->cli.db, "escalated"), ==, id);
}

/* First wins: deciding a decided item again exits 1, names who decided it
 * and changes nothing; --change changes it (audited as a change). */
static void
test_decide_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *user = NULL;
  g_autoptr(ClrCliRun) again = NULL;
  g_autoptr(JsonNode) entries = NULL;
  g_autofree char *id_arg = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *decided_by = NULL;
  JsonArray *array;
  JsonObject *last;
  gint64 id;

  save_case (f);
  id = clr_cli_test_first_item (f->cli.db, "open");
  g_assert_cmpint (id, >, 0);
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                      "--reason", "different-entity", "--reviewer", "Alice Example", NULL);

  again = clr_cli_run_va ("--db", f->cli.db, "review", "decide", id_arg, "--match", "--reason",
                          "confirmed-by-documents", "--reviewer", "Bob Example", NULL);
  g_assert_cmpint (again->exit_code, ==, 1);
  user = clr_test_database_user (f->cli.db);
  refused = g_strdup_printf ("Item %s was already decided by Alice Example (%s) at ", id_arg, user);
  g_assert_nonnull (strstr (again->err, refused));
  g_assert_nonnull (strstr (again->err, ": Not a match. Nothing was changed; to change it, use review decide --change."));
  g_assert_cmpint (clr_cli_test_first_item (f->cli.db, "no-match"), ==, id);

  decided_by = g_strdup_printf ("Decided by Alice Example (%s) at ", user);
  clr_cli_assert_prints (CLR_MENTIONS (decided_by), "--db", f->cli.db, "review", "show", id_arg, NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("decided: Match"), "--db", f->cli.db, "review", "decide", id_arg, "--match",
                         "--reason", "confirmed-by-documents", "--reviewer", "Bob Example", "--change", NULL);
  g_assert_cmpint (clr_cli_test_first_item (f->cli.db, "match"), ==, id);
  clr_cli_assert_prints (CLR_MENTIONS ("Decided by Bob Example ("), "--db", f->cli.db, "review", "show", id_arg, NULL);

  /* two decisions in the trail, the second a change; the chain verifies */
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "audit", "verify", NULL);
  entries = clr_cli_run_json ("--db", f->cli.db, "audit", "export", "--format", "json", NULL);
  array = json_node_get_array (entries);
  last = json_array_get_object_element (array, json_array_get_length (array) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "review.decide");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (last, "after"), "change"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (last, "before"), "status"), ==,
                   "no_match");
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->cli.dir, "audit.json", NULL);
  g_autofree char *id_arg = NULL;
  g_autofree char *case_arg = NULL;
  JsonArray *entries;
  gint64 case_id;

  case_id = save_case (f);
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (f->cli.db, "open"));
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--match",
                      "--reason", "confirmed-by-documents", NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("intact"), "--db", f->cli.db, "audit", "verify", NULL);

  csv = clr_cli_run_out (0, "--db", f->cli.db, "audit", "export", NULL);
  g_assert_true (g_str_has_prefix (csv, "id,at,user,display_name,action,"));
  g_assert_nonnull (strstr (csv, "case.evaluate"));
  g_assert_nonnull (strstr (csv, "review.decide"));

  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "audit", "export", "--format", "json", "--output", out, NULL);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  /* The list import, the evaluation saved on the case, the decision. */
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "action"), ==,
                   "list.import");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "subject_id"), ==,
                   "csl");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 1), "action"), ==,
                   "case.evaluate");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "action"), ==,
                   "review.decide");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "display_name"), ==,
                   "CLI Test");

  /* A case's own history. */
  clr_cli_assert_prints (CLR_MENTIONS ("case.evaluate", "review.decide"),
                         "--db", f->cli.db, "audit", "log", "--case", case_arg, NULL);

  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "audit", "export", "--format", "xml", NULL);

  /* Rewrite the decision behind the application's back. */
  clr_test_sql_drop_audit_guards (f->cli.db);
  clr_test_sql_exec (f->cli.db, "UPDATE audit_log SET display_name = 'Someone else' WHERE id = 2");

  clr_cli_assert_run (1, CLR_MENTIONS ("entry 2"), "--db", f->cli.db, "audit", "verify", NULL);
}

static void
test_rescreen (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *id_arg = NULL;

  save_case (f);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "rescreen", NULL);

  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (f->cli.db, "open"));
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                      "--reason", "different-address", NULL);

  /* Huawei's entry changes in the new list version. */
  clr_cli_test_import_data (f->cli.db, "cli", "review-csl-v2.csv");
  clr_cli_assert_prints (CLR_MENTIONS ("0 new hits, 1 decision reopened, 0 entries you had matched were removed",
                                       "1 added, 1 changed, 1 removed"),
                         "--db", f->cli.db, "rescreen", NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("reopened", "Huawei"),
                         "--db", f->cli.db, "review", "list", "--status", "open", NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("No list has changed"), "--db", f->cli.db, "rescreen", NULL);

  summary = clr_cli_run_json ("--db", f->cli.db, "rescreen", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "new_hits"), ==, 0);
}

/* Batch screening: hits enter the queue once; decisions apply to the batch. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->cli.dir, "names.csv", NULL);
  g_autofree char *id_arg = NULL;
  g_autoptr(JsonNode) items = NULL;
  JsonArray *array;

  g_assert_true (g_file_set_contents (csv, "id,name,country\n"
                                           "1,Huawei Technologies Co Ltd,CN\n"
                                           "2,Pacific Resellers,SG\n"
                                           "3,Acme Trading,IR\n", -1, NULL));
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "screen", "--batch", csv, NULL);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "screen", "--batch", csv, NULL);

  items = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--json", NULL);
  array = json_node_get_array (items);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (item, "origin"), ==, "batch");
      g_assert_true (json_object_get_null_member (json_object_get_object_member (item, "party"), "case_id"));
    }

  /* A decision on a batch hit is reused by a later evaluation of a case. */
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (f->cli.db, "open"));
  {
    g_autoptr(JsonNode) result = NULL;
    g_autofree char *who = clr_cli_run_out (0, "--db", f->cli.db, "review", "show", id_arg, NULL);

    if (strstr (who, "Huawei") == NULL)
      {
        g_free (id_arg);
        id_arg = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  json_object_get_int_member (json_array_get_object_element (array, 1), "id"));
      }
    clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                        "--reason", "name-coincidence", NULL);
    result = clr_cli_run_json ("--db", f->cli.db, "evaluate", "--json", f->shipment, NULL);
    g_assert_false (has_finding (result, "screening"));
  }
}

static void
test_case_command (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (f->cli.dir, "exported.json", NULL);
  g_autofree char *case_arg = NULL;
  g_autofree char *copy_arg = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *open = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonParser) a = json_parser_new ();
  g_autoptr(JsonParser) b = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  imported = clr_cli_run_out (0, "--db", f->cli.db, "case", "import", f->shipment, NULL);
  g_assert_true (g_str_has_prefix (imported, "Case: "));
  case_id = g_ascii_strtoll (imported + strlen ("Case: "), NULL, 10);
  g_assert_cmpint (case_id, >, 0);
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  clr_cli_assert_prints (CLR_MENTIONS ("PO-77", "not evaluated"),
                         "--db", f->cli.db, "case", "list", "--search", "huawei", NULL);

  /* Export gives back the same document. */
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "case", "export", case_arg, exported, NULL);
  json_parser_load_from_file (a, f->shipment, &error);
  json_parser_load_from_file (b, exported, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (a), json_parser_get_root (b)));

  /* Evaluate it by id: the verdict shows in the list, the history has it. */
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "evaluate", "--case", case_arg, NULL);
  clr_cli_assert_prints (CLR_MENTIONS ("license_required"), "--db", f->cli.db, "case", "list", NULL);
  clr_cli_assert_prints (CLR_MENTIONS ("case.evaluate"), "--db", f->cli.db, "case", "history", case_arg, NULL);

  duplicate = clr_cli_run_out (0, "--db", f->cli.db, "case", "duplicate", case_arg, NULL);
  copy_arg = g_strdup (duplicate + strlen ("Case: "));
  g_strstrip (copy_arg);

  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "case", "archive", case_arg, NULL);
  open = clr_cli_run_out (0, "--db", f->cli.db, "case", "list", NULL);
  g_assert_nonnull (strstr (open, "PO-77 (copy)"));
  g_assert_null (strstr (open, "[archived]"));

  shown = clr_cli_run_json ("--db", f->cli.db, "case", "show", case_arg, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "status"), ==, "archived");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "verdict"), ==, "license_required");

  clr_cli_assert_run (1, NULL, "--db", f->cli.db, "case", "show", "999", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "case", "archive", "x", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "case", "burn", "1", NULL);
}

/* A shipment to a subsidiary owned 100 % by Huawei, after the affiliates
 * rule was reimposed (2026-11-10): only the parent's Entity List hit can
 * stop it, so the parent's hit must be decidable like a party's. */
static const char *subsidiary_shipment =
  "{\"reference\": \"PO-78\", \"date\": \"2026-11-20\", \"destination\": \"CN\", \"exported_from\": \"US\",\n"
  " \"items\": [{\"description\": \"Network switch\", \"eccn\": \"EAR99\", \"quantity\": 2, \"unit_value\": 1000}],\n"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Pearl River Cable Works\", \"country\": \"CN\",\n"
  "   \"ultimate_parent\": {\"name\": \"Huawei Technologies Co Ltd\", \"headquarters_country\": \"CN\",\n"
  "                        \"ownership_percent\": 100}}]}\n";

static void
test_parent_hit_decided (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *shipment = g_build_filename (f->cli.dir, "po-78.json", NULL);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) items = NULL;
  g_autoptr(JsonNode) reevaluated = NULL;
  g_autofree char *case_arg = NULL;
  g_autofree char *id_arg = NULL;
  JsonObject *item;
  JsonObject *party;
  gint64 case_id;

  g_assert_true (g_file_set_contents (shipment, subsidiary_shipment, -1, NULL));
  result = clr_cli_test_evaluate_save (f->cli.db, shipment, &case_id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "verdict"), ==, "license_required");
  g_assert_true (has_finding (result, "affiliates-50-2026"));

  /* The parent's hit is in the queue, as the parent, on the case. */
  items = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (items)), ==, 1);
  item = json_array_get_object_element (json_node_get_array (items), 0);
  party = json_object_get_object_member (item, "party");
  g_assert_cmpstr (json_object_get_string_member (party, "name"), ==, "Huawei Technologies Co Ltd");
  g_assert_cmpstr (json_object_get_string_member (party, "role"), ==, "ultimate_parent");
  g_assert_cmpint (json_object_get_int_member (party, "case_id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "entry"), "list"), ==, "EL");

  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (item, "id"));
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                      "--reason", "different-entity", NULL);

  /* "Not a match" on the parent's hit: the affiliates rule no longer applies. */
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  reevaluated = clr_cli_run_json ("--db", f->cli.db, "evaluate", "--case", case_arg, "--json", NULL);
  g_assert_false (has_finding (reevaluated, "affiliates-50"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reevaluated), "verdict"), !=,
                   "license_required");
}

static gint64
find_item (JsonArray  *items,
           const char *party,
           const char *entry)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (item, "party"), "name"), party) == 0 &&
          g_strcmp0 (json_object_get_string_member (json_object_get_object_member (item, "entry"), "name"), entry) == 0)
        return json_object_get_int_member (item, "id");
    }
  g_error ("no review item %s → %s", party, entry);
  return 0;
}

/* A party's hits on one list family are listed together, the member in the
 * party's country first; --family decides every open member, each audited.
 * The Yangon query hits its subsidiary, the parent and the parent's affiliate
 * (× 0.97), never the sibling subsidiary in Bolivia, a different entity. */
#define BEIJING_AFFILIATE "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: " \
                          "Huawei Technologies Co., Ltd., Beijing Research Institute"

static void
test_family (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->cli.dir, "families.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) items = NULL;
  g_autoptr(JsonNode) open_items = NULL;
  g_autoptr(JsonNode) trail = NULL;
  g_autofree char *head_arg = NULL;
  JsonArray *array;
  const char *yangon_party = "Huawei Technologies (Yangon) Company Limited";
  gint64 yangon, parent, affiliate, other_parent, other_affiliate;
  guint decides = 0;

  g_assert_true (g_file_set_contents (batch, "id,name,country\n"
                                             "1,Huawei Technologies (Yangon) Company Limited,MM\n"
                                             "2,Huawei Technologies Co Ltd,CN\n", -1, NULL));
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "screen", "--batch", batch, NULL);

  items = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--json", NULL);
  array = json_node_get_array (items);
  yangon = find_item (array, yangon_party, "Huawei Technologies (Yangon) Co., Ltd.");
  parent = find_item (array, yangon_party, "Huawei Technologies Co., Ltd. (Huawei)");
  affiliate = find_item (array, yangon_party, BEIJING_AFFILIATE);
  other_parent = find_item (array, "Huawei Technologies Co Ltd", "Huawei Technologies Co., Ltd. (Huawei)");
  other_affiliate = find_item (array, "Huawei Technologies Co Ltd", BEIJING_AFFILIATE);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *party = json_object_get_string_member (json_object_get_object_member (item, "party"), "name");
      const char *entry = json_object_get_string_member (json_object_get_object_member (item, "entry"), "name");

      if (g_str_has_prefix (entry, "Huawei Technologies"))
        {
          /* the sibling subsidiary in Bolivia is a different entity: no hit */
          g_assert_cmpstr (entry, !=, "Huawei Technologies (Bolivia) S.R.L.");
          /* one family per party, headed by the entity in the party's country:
           * Yangon, parent, affiliate for the Yangon party; parent, affiliate for the parent's */
          g_assert_cmpint (json_object_get_int_member (item, "family_size"), ==,
                           g_strcmp0 (party, yangon_party) == 0 ? 3 : 2);
          g_assert_cmpint (json_object_get_int_member (item, "family_head"), ==,
                           g_strcmp0 (party, yangon_party) == 0 ? yangon : other_parent);
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "entry"), "family"),
                           ==, "huawei tech");
        }
    }

  text = clr_cli_run_out (0, "--db", f->cli.db, "review", "list", NULL);
  head_arg = g_strdup_printf ("%" G_GINT64_FORMAT, yangon);
  {
    g_autofree char *head_line = g_strdup_printf ("%s (MM) → EL: Huawei Technologies (Yangon) Co., Ltd.", yangon_party);
    g_autofree char *hint = g_strdup_printf ("family of 3 listed entries (same base name); decide them all with "
                                             "“review decide %s --family”", head_arg);
    const char *at_head = strstr (text, head_line);

    g_assert_nonnull (at_head);
    g_assert_nonnull (strstr (at_head, hint));
    /* the members follow their head, indented */
    g_assert_nonnull (strstr (at_head, "↳ EL: Huawei Technologies Co., Ltd. (Huawei)"));
    g_assert_nonnull (strstr (at_head, "↳ EL: " BEIJING_AFFILIATE));
  }

  clr_cli_assert_prints (CLR_MENTIONS (BEIJING_AFFILIATE ") decided: Not a match"), "--db", f->cli.db,
                         "review", "decide", head_arg, "--no-match", "--reason", "different-entity", "--family", NULL);

  /* the other party's family is untouched: its two items stay open */
  open_items = clr_cli_run_json ("--db", f->cli.db, "review", "list", "--status", "open", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (open_items)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (json_node_get_array (open_items), i), "id");

      g_assert_true (id != yangon && id != parent && id != affiliate);
      g_assert_true (id == other_parent || id == other_affiliate);
    }

  /* one audited decision per member */
  trail = clr_cli_run_json ("--db", f->cli.db, "audit", "export", "--format", "json", NULL);
  {
    JsonNode *root = trail;
    JsonArray *entries = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root)
                                                     : json_object_get_array_member (json_node_get_object (root), "entries");

    for (guint i = 0; i < json_array_get_length (entries); i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (entries, i), "action"),
                     "review.decide") == 0)
        decides++;
  }
  g_assert_cmpuint (decides, ==, 3);
}

#define NEAR_DENIED_SHIPMENT \
  "{\"reference\": \"PO-88\", \"date\": \"2026-03-01\", \"destination\": \"AE\", \"exported_from\": \"US\",\n" \
  " \"items\": [{\"description\": \"Office chairs\", \"eccn\": \"EAR99\", \"quantity\": 10, \"unit_value\": 100}],\n" \
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"%s\", \"country\": \"AE\"}]}\n"

static JsonNode *
evaluate_party (Fixture    *f,
                const char *party,
                gint64     *case_id)
{
  g_autofree char *path = g_build_filename (f->cli.dir, "po-88.json", NULL);
  g_autofree char *text = g_strdup_printf (NEAR_DENIED_SHIPMENT, party);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return clr_cli_test_evaluate_save (f->cli.db, path, case_id);
}

static const char *
screening_outcome (JsonNode *result)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (result), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "rule"), "screening-lists") == 0)
        return json_object_get_string_member (finding, "outcome");
    }
  return NULL;
}

/* A potential Denied Persons match puts the shipment on hold; a reviewer's
 * Match makes it Prohibited, and so does the exact listed name. */
static void
test_on_hold (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) near = NULL;
  g_autoptr(JsonNode) exact = NULL;
  g_autoptr(JsonNode) confirmed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *case_arg = NULL;
  g_autofree char *id_arg = NULL;
  JsonObject *r;
  gint64 case_id, exact_case;

  near = evaluate_party (f, "Harbour Compute Trading Co", &case_id);
  r = json_node_get_object (near);
  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "review");
  g_assert_true (json_object_get_boolean_member (r, "on_hold"));
  g_assert_cmpint (json_object_get_int_member (r, "open_matches"), ==, 1);
  g_assert_cmpstr (screening_outcome (near), ==, "review");
  {
    g_autofree char *all = json_to_string (near, FALSE);

    g_assert_nonnull (strstr (all, "potential Denied Persons match — if confirmed, prohibited"));
  }

  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  text = clr_cli_run_out (0, "--db", f->cli.db, "evaluate", "--case", case_arg, NULL);
  g_assert_true (g_str_has_prefix (text, "Needs review — as of 2026-03-01"));
  g_assert_nonnull (strstr (text, "On hold until 1 potential match is decided"));

  /* the reviewer confirms it: the list's consequence applies */
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, clr_cli_test_first_item (f->cli.db, "open"));
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--match", "--reason",
                      "confirmed-by-documents", NULL);
  confirmed = clr_cli_run_json ("--db", f->cli.db, "evaluate", "--case", case_arg, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (confirmed), "verdict"), ==, "prohibited");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (confirmed), "on_hold"));
  g_assert_cmpstr (screening_outcome (confirmed), ==, "prohibited");

  /* the exact listed name needs no decision */
  exact = evaluate_party (f, "Harbour Compute Trading LLC", &exact_case);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (exact), "verdict"), ==, "prohibited");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (exact), "on_hold"));
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/review/queue-decide-reevaluate", test_queue_decide_reevaluate),
  CLR_TEST ("/cli/review/decide-usage", test_decide_usage),
  CLR_TEST ("/cli/review/decide-twice", test_decide_twice),
  CLR_TEST ("/cli/review/audit", test_audit),
  CLR_TEST ("/cli/review/rescreen", test_rescreen),
  CLR_TEST ("/cli/review/batch", test_batch),
  CLR_TEST ("/cli/review/case-command", test_case_command),
  CLR_TEST ("/cli/review/parent-hit-decided", test_parent_hit_decided),
  CLR_TEST_DATA ("/cli/review/family", test_family, "csl-families.csv"),
  CLR_TEST_DATA ("/cli/review/on-hold", test_on_hold, "csl-families.csv"),
};

CLR_TEST_MAIN ("CLI Test", tests, Fixture, fixture_set_up, fixture_tear_down)
