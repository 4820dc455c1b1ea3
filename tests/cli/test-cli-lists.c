/* test-cli-lists.c — clearance-cli import / lists / diff / update / info, run as a user would
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"
#include "clr-test-server.h"

static ClrTestServer *server;

typedef ClrCliTest Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  memset (run, 0, sizeof *run);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cli", "data", name, NULL);
}

/* Runs clearance-cli --db DB ARGS… (NULL-terminated). */
static void
run_cli (Fixture    *fixture,
         Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(ClrCliRun) done = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, fixture->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  done = clr_cli_run ((const char * const *) args->pdata);
  run->status = done->exit_code;
  run->out = g_steal_pointer (&done->out);
  run->err = g_steal_pointer (&done->err);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_info_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *sources;

  run_cli (fixture, &run, "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, fixture->db));
  g_assert_nonnull (strstr (run.out, "Schema version:"));
  g_assert_nonnull (strstr (run.out, "never loaded"));
  g_assert_nonnull (strstr (run.out, "screening is not possible"));
  run_clear (&run);

  run_cli (fixture, &run, "info", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "database"), ==, fixture->db);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), >=, 6);
  sources = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "freshness"),
                   ==, "never-loaded");
  run_clear (&run);

  run_cli (fixture, &run, "info", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_import_lists_diff (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *v2 = data_file ("csl-v2.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *source, *current;
  JsonArray *array;
  gboolean saw_zhipu = FALSE, saw_hisilicon = FALSE;

  run_cli (fixture, &run, "import", v1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "imported as version"));
  g_assert_nonnull (strstr (run.out, "10 records"));
  run_clear (&run);

  /* The same file again: a no-op that says so. */
  run_cli (fixture, &run, "import", v1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "unchanged"));
  run_clear (&run);

  run_cli (fixture, &run, "import", "--json", v2, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "csl");
  g_assert_false (json_object_get_boolean_member (root, "unchanged"));
  g_assert_cmpint (json_object_get_int_member (root, "records"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "changed"), ==, 1);
  array = json_object_get_array_member (root, "lists");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "list"), ==, "EL");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "records"), ==, 5);
  run_clear (&run);

  run_cli (fixture, &run, "lists", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  array = json_object_get_array_member (root, "sources");
  source = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (source, "id"), ==, "csl");
  g_assert_cmpstr (json_object_get_string_member (source, "freshness"), ==, "current");
  current = json_object_get_object_member (source, "current");
  g_assert_cmpint (json_object_get_int_member (current, "records"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (current, "names"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (current, "file_name"), ==, "csl-v2.csv");
  g_assert_cmpuint (strlen (json_object_get_string_member (current, "sha256")), ==, 64);
  g_assert_nonnull (json_object_get_string_member (current, "imported_at"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "history")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (source, "history"), 1), "status"), ==, "previous");
  run_clear (&run);

  run_cli (fixture, &run, "lists", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "History:"));
  g_assert_nonnull (strstr (run.out, "csl-v1.csv"));
  run_clear (&run);

  run_cli (fixture, &run, "diff", "csl", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "changed"), ==, 1);
  array = json_object_get_array_member (root, "changes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *change = json_array_get_object_element (array, i);
      const char *name = json_object_get_string_member (change, "name");

      if (g_strcmp0 (name, "Zhipu AI") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "added");
          g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "countries"), 0),
                           ==, "CN");
          saw_zhipu = TRUE;
        }
      else if (g_str_has_prefix (name, "HiSilicon"))
        {
          g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "changed");
          g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "fields"), 0),
                           ==, "addresses");
          saw_hisilicon = TRUE;
        }
    }
  g_assert_true (saw_zhipu);
  g_assert_true (saw_hisilicon);
  run_clear (&run);

  run_cli (fixture, &run, "diff", "csl", "--list", "EL", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "+ EL       Zhipu AI [CN]"));
  g_assert_nonnull (strstr (run.out, "- EL       Sugon"));
  g_assert_nonnull (strstr (run.out, ": addresses"));
  run_clear (&run);

  run_cli (fixture, &run, "diff", "bis-dpl", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "bis-dpl"));
  run_clear (&run);

  run_cli (fixture, &run, "diff", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *broken = data_file ("csl-broken.csv");
  g_autofree char *shrunk = data_file ("csl-shrunk.csv");
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-file.csv", NULL);
  g_autofree char *before = NULL;
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "import", v1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (fixture, &run, "lists", "--json", NULL);
  before = g_steal_pointer (&run.out);
  run_clear (&run);

  /* Fails halfway: names file and line, changes nothing. */
  run_cli (fixture, &run, "import", broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "csl-broken.csv:7"));
  g_assert_nonnull (strstr (run.err, "unchanged"));
  run_clear (&run);
  run_cli (fixture, &run, "lists", "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);

  /* The 20 % guard, then --force. */
  run_cli (fixture, &run, "import", shrunk, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "from 5 to 3"));
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);
  run_cli (fixture, &run, "lists", "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_clear (&run);
  run_cli (fixture, &run, "import", "--force", shrunk, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 removed"));
  run_clear (&run);

  run_cli (fixture, &run, "import", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-file.csv"));
  run_clear (&run);

  run_cli (fixture, &run, "import", "--format", "bogus", v1, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (fixture, &run, "import", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *v2 = data_file ("csl-v2.csv");
  g_autofree char *url = clr_test_server_url (server, "/cli/consolidated.csv");
  g_autofree char *missing = clr_test_server_url (server, "/cli/missing.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *entry;

  clr_test_server_set_file (server, "/cli/consolidated.csv", v1);
  clr_test_server_set_route (server, "/cli/missing.csv", CLR_TEST_ROUTE_STATUS, 404, NULL);

  /* Plain http is refused without --allow-http, and nothing is loaded. */
  run_cli (fixture, &run, "update", "--url", url, "csl", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "plain http"));
  g_assert_nonnull (strstr (run.err, "--allow-http"));
  g_assert_cmpuint (clr_test_server_get_hits (server, "/cli/consolidated.csv"), ==, 0);
  run_clear (&run);

  run_cli (fixture, &run, "update", "--allow-http", "--url", url, "csl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "csl: updated"));
  g_assert_nonnull (strstr (run.out, "fetched without TLS"));
  run_clear (&run);

  /* … and the version says how it arrived. */
  run_cli (fixture, &run, "lists", NULL);
  g_assert_nonnull (strstr (run.out, "Fetched without TLS"));
  g_assert_nonnull (strstr (run.out, "(fetched without TLS)"));
  run_clear (&run);
  run_cli (fixture, &run, "lists", "--json", NULL);
  root = parse_object (parser, run.out);
  entry = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (entry, "current"),
                                                 "fetched_without_tls"));
  run_clear (&run);

  run_cli (fixture, &run, "update", "--allow-http", "--url", url, "csl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "csl: unchanged"));
  g_assert_nonnull (strstr (run.out, "not modified"));
  run_clear (&run);

  clr_test_server_set_file (server, "/cli/consolidated.csv", v2);
  run_cli (fixture, &run, "update", "--allow-http", "--json", "--url", url, "csl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "failed"), ==, 0);
  entry = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, "updated");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (entry, "import"), "added"), ==, 1);
  run_clear (&run);

  run_cli (fixture, &run, "update", "--allow-http", "--url", missing, "csl", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "csl: failed"));
  g_assert_nonnull (strstr (run.err, "404"));
  g_assert_nonnull (strstr (run.err, missing));
  run_clear (&run);

  /* The failure is remembered on the source; the version stays. */
  run_cli (fixture, &run, "lists", "--json", NULL);
  root = parse_object (parser, run.out);
  entry = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "last_error"), "404"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "current"), "file_name"),
                   ==, "consolidated.csv");
  run_clear (&run);

  run_cli (fixture, &run, "update", "--url", url, "csl", "bis-dpl", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (fixture, &run, "update", "no-such-source", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-source"));
}

static void
test_rule_pack (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pack = g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "data", "rules", "ear-pack.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *rule_pack;

  /* import recognises a rule pack and hands it to the rules store. */
  run_cli (fixture, &run, "import", "--json", pack, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "rule-pack");
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "clearance-ear");
  run_clear (&run);

  run_cli (fixture, &run, "info", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  rule_pack = json_object_get_object_member (root, "rule_pack");
  g_assert_nonnull (rule_pack);
  g_assert_cmpstr (json_object_get_string_member (rule_pack, "id"), ==, "clearance-ear");
  g_assert_true (json_object_get_boolean_member (rule_pack, "active"));
  run_clear (&run);

  run_cli (fixture, &run, "info", NULL);
  g_assert_nonnull (strstr (run.out, "Rule pack: clearance-ear"));
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/lists/info-empty", test_info_empty),
  CLR_TEST ("/cli/lists/import-lists-diff", test_import_lists_diff),
  CLR_TEST ("/cli/lists/import-errors", test_import_errors),
  CLR_TEST ("/cli/lists/update", test_update),
  CLR_TEST ("/cli/lists/rule-pack", test_rule_pack),
};

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CLEARANCE_CLI") == NULL)
    {
      g_printerr ("CLEARANCE_CLI is not set\n");
      return 1;
    }

  server = clr_test_server_new ();
  CLR_TEST_ADD_CASES (tests, Fixture, clr_cli_test_set_up, clr_cli_test_tear_down);

  result = g_test_run ();
  clr_test_server_free (server);
  return result;
}
