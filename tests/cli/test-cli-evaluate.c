/* test-cli-evaluate.c — clearance-cli evaluate end to end: a CSL fixture
 * imported through the store, shipments screened and evaluated, bad input
 * refused naming the field; and the real 2026 CSL when the shared data exists.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"

static char *
shipment_file (const char *name)
{
  g_autofree char *path = g_build_filename ("shipments", name, NULL);

  return clr_test_data_file ("engine", path);
}

static JsonObject *
parse_result (ClrCliRun   *run,
              JsonParser  *parser)
{
  g_autoptr(GError) error = NULL;

  if (run->exit_code != 0)
    g_error ("exit %d: %s", run->exit_code, run->err);
  g_assert_true (json_parser_load_from_data (parser, run->out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
has_finding (JsonObject *result,
             const char *rule,
             const char *outcome,
             const char *citation_part)
{
  JsonArray *findings = json_object_get_array_member (result, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (f, "rule"), rule) == 0 &&
          g_strcmp0 (json_object_get_string_member (f, "outcome"), outcome) == 0 &&
          (citation_part == NULL || strstr (json_object_get_string_member (f, "citation"), citation_part) != NULL))
        return TRUE;
    }
  return FALSE;
}

typedef ClrCliTest Fixture;

/* `evaluate --json` (optionally `--as-of @as_of`) of the shipment @name, the
 * result parsed by @parser; exit 0 asserted. */
static JsonObject *
evaluate_json (Fixture    *f,
               const char *name,
               const char *as_of,
               JsonParser *parser)
{
  g_autofree char *path = shipment_file (name);
  g_autoptr(ClrCliRun) run = as_of != NULL
                             ? clr_cli_run_va ("--db", f->db, "evaluate", "--json", "--as-of", as_of, path, NULL)
                             : clr_cli_run_va ("--db", f->db, "evaluate", "--json", path, NULL);

  return parse_result (run, parser);
}

static void
test_entity_list_footnote_4 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *r = evaluate_json (f, "h100-to-listed-supercomputer-center.json", NULL, parser);
  JsonObject *data_obj = json_object_get_object_member (r, "data");

  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "license_required");
  g_assert_cmpstr (json_object_get_string_member (r, "posture"), ==, "enforcement");
  g_assert_cmpstr (json_object_get_string_member (r, "as_of"), ==, "2025-06-01");
  g_assert_true (has_finding (r, "screening-lists", "license_required", "734.9(e)(2)"));
  g_assert_true (has_finding (r, "ac-a-d145", "license_required", "742.6(a)(6)(iii)"));
  g_assert_true (has_finding (r, "supercomputer-744-23", "license_required", "744.23(a)(1)"));
  /* the data versions used are part of the result */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data_obj, "rule_pack"), "id"), ==, "clearance-ear");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data_obj, "lists")), ==, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (data_obj, "lists"), 0), "sha256")), ==, 64);
}

static void
test_entity_list_footnote_1 (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *r = evaluate_json (f, "router-to-footnote-1-entity.json", NULL, parser);

  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "license_required");
  g_assert_true (has_finding (r, "screening-lists", "license_required", "734.9(e)(1)"));
}

static void
test_denied_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = shipment_file ("chairs-to-denied-person.json");
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "evaluate", path, NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Prohibited — as of 2025-06-01, enforcement posture"));
  g_assert_nonnull (strstr (run->out, "Denied Persons List"));
  g_assert_nonnull (strstr (run->out, "736.2(b)(4)"));
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *r = evaluate_json (f, "chairs-to-germany-clean.json", NULL, parser);

  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "clear");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "findings")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "screening")), ==, 1);
}

static void
test_affiliate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *r1 = evaluate_json (f, "affiliate-of-listed-parent.json", NULL, p1);
  JsonObject *r2 = evaluate_json (f, "affiliate-of-listed-parent.json", "2026-01-10", p2);

  g_assert_cmpstr (json_object_get_string_member (r1, "verdict"), ==, "license_required");
  g_assert_true (has_finding (r1, "affiliates-50-2025", "license_required", "90 FR 47201"));
  g_assert_cmpstr (json_object_get_string_member (r2, "verdict"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (r2, "as_of"), ==, "2026-01-10");
  g_assert_true (has_finding (r2, "affiliates-50-suspended", "review", NULL));
}

static void
test_posture_and_trace (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = shipment_file ("chairs-to-germany-clean.json");
  g_autoptr(ClrCliRun) trace = clr_cli_run_va ("--db", f->db, "evaluate", "--trace", "--posture", "cfr-text", path, NULL);

  g_assert_cmpint (trace->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (trace->out, "Clear — as of 2025-06-01, CFR text posture"));
  g_assert_nonnull (strstr (trace->out, "Trace:"));
  g_assert_nonnull (strstr (trace->out, "ac-a-worldwide-cfr"));
  g_assert_nonnull (strstr (trace->out, "not_in_force"));
  clr_cli_assert_run (2, CLR_MENTIONS ("lenient"), "--db", f->db, "evaluate", "--posture", "lenient", path, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("--as-of"), "--db", f->db, "evaluate", "--as-of", "2025-02-30", path, NULL);
  clr_cli_assert_run (2, NULL, "--db", f->db, "evaluate", NULL);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *file; const char *says; } cases[] = {
    { "bad-malformed.json", "not valid JSON" },
    { "bad-unknown-eccn.json", "items[0].eccn: unknown ECCN “3A099”" },
    { "bad-unknown-country.json", "destination: unknown country “ZZ”" },
    { "bad-future-field.json", "items[0].export_license_number: unknown field" },
    { "bad-date.json", "date: “2025-02-30” is not a valid date" },
    { "no-such-file.json", "no-such-file.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = shipment_file (cases[i].file);
      g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "evaluate", "--json", path, NULL);

      g_assert_cmpint (run->exit_code, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      if (strstr (run->err, cases[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].file, run->err, cases[i].says);
      g_assert_nonnull (strstr (run->err, cases[i].file));
    }
}

static void
test_no_lists (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = shipment_file ("chairs-to-germany-clean.json");
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "evaluate", "--json", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *r = parse_result (run, parser);

  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "review");
  g_assert_true (has_finding (r, "screening-lists", "review", NULL));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (r, "screening")));
  g_assert_nonnull (strstr (run->out, "Screening was not possible"));
}

/* `import PACK.json` installs a newer, valid pack; a broken one is refused
 * (naming the rule) and the working pack stays. */
static void
test_import_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *src = g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "data", "rules", "ear-pack.json", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer-pack.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken-pack.json", NULL);
  g_autofree char *shipment = shipment_file ("chairs-to-germany-clean.json");
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GRegex) version = g_regex_new ("\"version\": \"[0-9.]+\"", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("\"from\": \"2023-01-17\"", 0, 0, NULL);
  g_autoptr(ClrCliRun) bad = NULL;
  g_autoptr(ClrCliRun) good = NULL;
  g_autoptr(ClrCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *r;

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  edited = g_regex_replace_literal (version, contents, -1, 0, "\"version\": \"9999.1\"", G_REGEX_MATCH_DEFAULT, NULL);
  g_assert_true (g_file_set_contents (newer, edited, -1, NULL));
  g_free (edited);
  edited = g_regex_replace_literal (date, contents, -1, 0, "\"from\": \"2023-02-30\"", G_REGEX_MATCH_DEFAULT, NULL);
  g_assert_true (g_file_set_contents (broken, edited, -1, NULL));

  bad = clr_cli_run_va ("--db", f->db, "import", broken, NULL);
  g_assert_cmpint (bad->exit_code, ==, 1);
  g_assert_nonnull (strstr (bad->err, "rule “ac-2023-macau”"));
  g_assert_nonnull (strstr (bad->err, "2023-02-30"));

  good = clr_cli_run_va ("--db", f->db, "import", newer, NULL);
  g_assert_cmpint (good->exit_code, ==, 0);
  run = clr_cli_run_va ("--db", f->db, "evaluate", "--json", shipment, NULL);
  r = parse_result (run, parser);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (r, "data"), "rule_pack"), "version"), ==, "9999.1");
}

/* The real Entity List rows of the Consolidated Screening List of 2026-07-31
 * (compact re-encoding). */
/* evaluate --batch: one result line per shipment line, in order; a bad line
 * gives an error line naming the line and the field, the others still run,
 * and the exit code is 1; each result is what evaluate FILE says. */
static char *
one_line (const char *name)
{
  g_autofree char *path = shipment_file (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  static const char *const files[] = { "h100-to-listed-supercomputer-center.json", "chairs-to-denied-person.json",
                                       "bad-unknown-eccn.json", NULL, "chairs-to-germany-clean.json" };
  g_autofree char *batch = g_build_filename (f->dir, "shipments.jsonl", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ClrCliRun) run = NULL;
  g_autoptr(ClrCliRun) plain = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *missing_path = g_build_filename (f->dir, "none.jsonl", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *line = files[i] != NULL ? one_line (files[i]) : g_strdup ("{\"date\": \"2025-06-01\",");

      g_string_append_printf (text, "%s\n", line);
      if (i == 1)
        g_string_append (text, "\n");  /* a blank line is skipped but counted */
      if (i == 3)
        g_string_append (text, "{\"reference\": \"\xff\xfe\"}\n");  /* not UTF-8: an error line, the rest runs */
    }
  g_assert_true (g_file_set_contents (batch, text->str, -1, NULL));

  run = clr_cli_run_va ("--db", f->db, "evaluate", "--batch", batch, "--json", NULL);
  g_assert_cmpint (run->exit_code, ==, 1);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      static const guint line_no[] = { 1, 2, 4, 5, 6, 7 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (o, "line"), ==, line_no[i]);
      if (i == 2)
        {
          g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, "items[0].eccn");
          g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), "3A099"));
        }
      else if (i == 3 || i == 4)
        {
          g_assert_true (json_object_get_null_member (o, "field"));
          g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), i == 3 ? "not valid JSON" : "not valid UTF-8"));
        }
      else
        {
          /* the same determination as evaluate FILE */
          g_autofree char *path = shipment_file (files[i < 2 ? i : 4]);  /* lines 1, 2 and 7 */
          g_autoptr(ClrCliRun) single = clr_cli_run_va ("--db", f->db, "evaluate", "--json", path, NULL);
          g_autoptr(JsonParser) sp = json_parser_new ();
          JsonObject *so = parse_result (single, sp);

          g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==,
                           json_object_get_string_member (so, "verdict"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "findings")), ==,
                            json_array_get_length (json_object_get_array_member (so, "findings")));
        }
    }
  g_assert_nonnull (strstr (run->err, "3 shipments evaluated, 3 bad lines"));

  /* the readable form: one line per shipment, the errors among them */
  plain = clr_cli_run_va ("--db", f->db, "evaluate", "--batch", batch, NULL);
  g_assert_cmpint (plain->exit_code, ==, 1);
  g_assert_nonnull (strstr (plain->out, "line 2: "));
  g_assert_nonnull (strstr (plain->out, "Prohibited"));
  g_assert_nonnull (strstr (plain->out, "line 4: error: items[0].eccn: "));
  g_assert_nonnull (strstr (plain->out, "line 5: error: not valid JSON"));

  /* only good lines: exit 0 */
  {
    g_autofree char *good = one_line (files[4]);

    g_assert_true (g_file_set_contents (batch, good, -1, NULL));
  }
  g_clear_pointer (&run, clr_cli_run_free);
  run = clr_cli_run_va ("--db", f->db, "evaluate", "--batch", batch, "--json", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);

  clr_cli_assert_run (2, NULL, "--db", f->db, "evaluate", "--batch", batch, batch, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("none.jsonl"), "--db", f->db, "evaluate", "--batch", missing_path, NULL);
}

static void
test_real_lists (void)
{
  const char *shared = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *xz = shared ? g_build_filename (shared, "csl", "2026-07-31_compact", "consolidated-rebuilt.csv.xz", NULL) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  g_autofree char *shipment = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCliRun) import = NULL;
  g_autoptr(ClrCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  /* every Huawei/HiSilicon row and every 8th other Entity List row (one
   * record per line in this re-encoding): real entries, small enough for the
   * sanitizer run */
  const char *argv[] = { "sh", "-c",
                         "xz -dc \"$0\" | awk 'NR == 1 || (/^,\"?Entity List \\(EL\\)/ && (/Huawei|HiSilicon/ || n++ % 8 == 0))'",
                         NULL, NULL };
  JsonObject *r;
  gsize length;

  if (xz == NULL || !g_file_test (xz, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("CLEARANCE_SHARED_DATA has no csl/2026-07-31_compact");
      return;
    }
  argv[3] = xz;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &contents, NULL, NULL, &error))
    {
      g_test_skip ("xz is not available");
      return;
    }
  length = strlen (contents);
  g_assert_cmpuint (length, >, 50000);
  dir = clr_test_tmpdir ("clearance-cli");
  csv = g_build_filename (dir, "consolidated.csv", NULL);
  db = g_build_filename (dir, "c.db", NULL);
  shipment = g_build_filename (dir, "huawei.json", NULL);
  g_assert_true (g_file_set_contents (csv, contents, length, NULL));
  g_assert_true (g_file_set_contents (shipment,
    "{\"reference\": \"PO-HW\", \"date\": \"2025-06-01\", \"destination\": \"CN\", \"exported_from\": \"US\","
    " \"items\": [{\"description\": \"router\", \"eccn\": \"5A991.b\"}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co., Ltd.\", \"country\": \"CN\","
    " \"headquarters_country\": \"CN\"}]}", -1, NULL));

  import = clr_cli_run_va ("--db", db, "import", csv, NULL);
  g_assert_cmpint (import->exit_code, ==, 0);
  run = clr_cli_run_va ("--db", db, "evaluate", "--json", shipment, NULL);
  r = parse_result (run, parser);
  /* Huawei is on the Entity List with footnote 1 (734.9(e)(1)) */
  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "license_required");
  g_assert_true (has_finding (r, "screening-lists", "license_required", "734.9(e)(1)"));
  clr_test_rmtree (dir);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  clr_cli_test_set_up (f, data);
  if (data == NULL)  /* else "no lists" */
    clr_cli_test_import_data (f->db, "engine", "shipments/csl-fixture.csv");
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/evaluate/entity-list-footnote-4", test_entity_list_footnote_4),
  CLR_TEST ("/cli/evaluate/entity-list-footnote-1", test_entity_list_footnote_1),
  CLR_TEST ("/cli/evaluate/denied-person", test_denied_person),
  CLR_TEST ("/cli/evaluate/clean", test_clean),
  CLR_TEST ("/cli/evaluate/affiliate", test_affiliate),
  CLR_TEST ("/cli/evaluate/posture-and-trace", test_posture_and_trace),
  CLR_TEST ("/cli/evaluate/bad-input", test_bad_input),
  CLR_TEST_DATA ("/cli/evaluate/no-lists", test_no_lists, "no lists"),
  CLR_TEST ("/cli/evaluate/batch", test_batch),
  CLR_TEST_DATA ("/cli/evaluate/import-pack", test_import_pack, "no lists"),
  CLR_TEST_FUNC ("/cli/evaluate/real-lists", test_real_lists),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, clr_cli_test_tear_down)
