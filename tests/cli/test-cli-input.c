/* test-cli-input.c — input that must be refused, not believed (issue 16 §2):
 * JSON nested 100,000 deep, two documents in a file, NUL inside a string,
 * blank or punctuation-only party names, names and descriptions over 4,096
 * bytes, integers that do not fit, "schema_version": "1", and --db "".
 * Every JSON reader (evaluate, case import, CSL JSON import, rule-pack
 * import and --rule-pack) says which file, line and field, exits 1 and
 * leaves the database as it was.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "clr-cli-test.h"

/* Line 2: schema_version; line 7: the item; line 11: the second party. */
#define SHIPMENT \
  "{\n" \
  " \"schema_version\": %s,\n" \
  " \"reference\": \"PO-1\",\n" \
  " \"date\": \"2025-10-01\",\n" \
  " \"destination\": \"DE\",\n" \
  " \"items\": [\n" \
  "  {\"description\": \"%s\", \"eccn\": \"EAR99\", \"quantity\": %s}\n" \
  " ],\n" \
  " \"parties\": [\n" \
  "  {\"role\": \"end_user\", \"name\": \"Muster GmbH\", \"country\": \"DE\"},\n" \
  "  {\"role\": \"purchaser\", \"name\": \"%s\", \"country\": \"DE\"}\n" \
  " ]\n" \
  "}\n"

typedef ClrCliTest Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;

  clr_cli_test_set_up (f, data);
  run = clr_cli_run_va ("--db", f->db, "info", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
}

/* Every table and its row count: what "the database is unchanged" means here. */
static char *
db_summary (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *count = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &count, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s=%lld ", sqlite3_column_text (tables, 0),
                              (long long) sqlite3_column_int64 (count, 0));
      sqlite3_finalize (count);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
shipment (const char *schema,
          const char *description,
          const char *quantity,
          const char *name)
{
  return g_strdup_printf (SHIPMENT, schema, description, quantity, name);
}

static char *
nested (const char *open,
        const char *close,
        guint       levels)
{
  GString *s = g_string_sized_new (levels * 2);

  for (guint i = 0; i < levels; i++)
    g_string_append (s, open);
  for (guint i = 0; i < levels; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

/* Runs one command on @path: exit 1, every @expect in the message, the database unchanged. */
static void
assert_refused (Fixture            *f,
                const char * const *args,   /* the command, before the file */
                const char         *path,
                const char * const *expect)
{
  g_autofree char *before = db_summary (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(ClrCliRun) run = NULL;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, NULL);
  run = clr_cli_run ((const char * const *) argv->pdata);

  if (run->exit_code != 1)
    g_error ("%s %s: exit %d, expected 1: %s", args[0], path, run->exit_code, run->err);
  g_assert_nonnull (strstr (run->err, path));
  for (guint i = 0; expect[i] != NULL; i++)
    if (strstr (run->err, expect[i]) == NULL)
      g_error ("%s %s: “%s” not in: %s", args[0], path, expect[i], run->err);
  after = db_summary (f->db);
  g_assert_cmpstr (after, ==, before);
}

static const char * const evaluate_args[] = { "evaluate", NULL };
static const char * const case_import_args[] = { "case", "import", NULL };
static const char * const import_args[] = { "import", NULL };

static void
assert_shipment_refused (Fixture            *f,
                         const char         *path,
                         const char * const *expect)
{
  assert_refused (f, evaluate_args, path, expect);
  assert_refused (f, case_import_args, path, expect);
}

static void
test_base_is_accepted (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = shipment ("1", "office chairs", "2", "Beispiel AG");
  g_autofree char *path = clr_cli_test_write (f->dir, "good.json", text);
  g_autoptr(ClrCliRun) eval = clr_cli_run_va ("--db", f->db, "evaluate", path, NULL);
  g_autoptr(ClrCliRun) import = clr_cli_run_va ("--db", f->db, "case", "import", path, NULL);

  /* The template the other tests change one field of is good as it is. */
  g_assert_cmpint (eval->exit_code, ==, 0);
  g_assert_cmpint (import->exit_code, ==, 0);
}

static void
test_nul_in_string (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = shipment ("1", "office chairs", "2", "A\\u0000Huawei Technologies Co., Ltd.");
  g_autofree char *path = clr_cli_test_write (f->dir, "nul.json", text);
  const char * const expect[] = { ":11:", "parties[1].name", "NUL", NULL };

  /* json-glib would keep "A" and the party would be screened Clear. */
  assert_shipment_refused (f, path, expect);
}

static void
test_two_documents (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *one = shipment ("1", "office chairs", "2", "Beispiel AG");
  g_autofree char *text = g_strconcat (one, "{\"destination\": \"CN\"}\n", NULL);
  g_autofree char *path = clr_cli_test_write (f->dir, "two.json", text);
  const char * const expect[] = { ":14:", "more than one JSON document", NULL };

  assert_shipment_refused (f, path, expect);
}

static void
test_party_names (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[] = { "", "   ", "-.-", "“…”", "\\t" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = shipment ("1", "office chairs", "2", names[i]);
      g_autofree char *file = g_strdup_printf ("name-%u.json", i);
      g_autofree char *path = clr_cli_test_write (f->dir, file, text);
      const char * const expect[] = { ":11:", "parties[1].name", "blank", NULL };

      assert_shipment_refused (f, path, expect);
    }
}

static void
test_long_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *limit = g_strnfill (4096, 'A');
  g_autofree char *over = g_strnfill (4097, 'A');
  g_autofree char *at_limit = shipment ("1", limit, "2", limit);
  g_autofree char *long_name = shipment ("1", "office chairs", "2", over);
  g_autofree char *long_description = shipment ("1", over, "2", "Beispiel AG");
  g_autofree char *ok_path = clr_cli_test_write (f->dir, "limit.json", at_limit);
  g_autofree char *name_path = clr_cli_test_write (f->dir, "long-name.json", long_name);
  g_autofree char *description_path = clr_cli_test_write (f->dir, "long-description.json", long_description);
  const char * const name_expect[] = { ":11:", "parties[1].name", "4097 bytes", "4096", NULL };
  const char * const description_expect[] = { ":7:", "items[0].description", "4097 bytes", NULL };
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "case", "import", ok_path, NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  assert_shipment_refused (f, name_path, name_expect);
  assert_shipment_refused (f, description_path, description_expect);
}

static void
test_integers (Fixture       *f,
               gconstpointer  data)
{
  const char *numbers[] = { "18446744073709551615", "9223372036854775808", "-9223372036854775809" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = shipment ("1", "office chairs", numbers[i], "Beispiel AG");
      g_autofree char *file = g_strdup_printf ("int-%u.json", i);
      g_autofree char *path = clr_cli_test_write (f->dir, file, text);
      const char * const expect[] = { ":7:", "items[0].quantity", numbers[i], "does not fit", NULL };

      /* 2^64−1 must not become −1 */
      assert_shipment_refused (f, path, expect);
    }
}

static void
test_schema_version_type (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = shipment ("\"1\"", "office chairs", "2", "Beispiel AG");
  g_autofree char *path = clr_cli_test_write (f->dir, "schema.json", text);
  const char * const expect[] = { ":2:", "schema_version", "number 1", NULL };

  assert_shipment_refused (f, path, expect);
}

static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *deep = nested ("[", "]", 100000);
  g_autofree char *text = shipment ("1", "office chairs", deep, "Beispiel AG");
  g_autofree char *path = clr_cli_test_write (f->dir, "deep.json", text);
  g_autofree char *csl = g_strdup_printf ("{\"results\": [\n{\"name\": \"Huawei\", \"source\": "
                                          "\"Entity List (EL) - Bureau of Industry and Security\", "
                                          "\"alt_names\": %s}]}\n", deep);
  g_autofree char *csl_path = clr_cli_test_write (f->dir, "csl-deep.json", csl);
  g_autofree char *pack = g_strdup_printf ("{\"format\": \"clearance-rule-pack\",\n\"countries\": %s}\n", deep);
  g_autofree char *pack_path = clr_cli_test_write (f->dir, "pack-deep.json", pack);
  g_autofree char *ok = shipment ("1", "office chairs", "2", "Beispiel AG");
  g_autofree char *ok_path = clr_cli_test_write (f->dir, "ok.json", ok);
  const char * const expect[] = { ":7:", "deeper than 64 levels", NULL };
  const char * const csl_expect[] = { ":2:", "deeper than 64 levels", NULL };
  const char * const pack_expect[] = { ":2:", "deeper than 64 levels", NULL };
  const char * const rule_pack_args[] = { "evaluate", ok_path, "--rule-pack", NULL };

  /* Each of the four JSON readers crashed here (SIGSEGV, no message). */
  assert_shipment_refused (f, path, expect);
  assert_refused (f, import_args, csl_path, csl_expect);
  assert_refused (f, import_args, pack_path, pack_expect);
  assert_refused (f, rule_pack_args, pack_path, pack_expect);
}

static void
test_csl_json (Fixture       *f,
               gconstpointer  data)
{
  static const char record[] =
    "{\"results\": [\n"
    "{\"name\": \"Beispiel AG\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\"},\n"
    "{\"name\": \"%s\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\", \"id\": %s}\n"
    "]}\n";
  g_autofree char *nul = g_strdup_printf (record, "A\\u0000Huawei Technologies Co., Ltd.", "\"x\"");
  g_autofree char *big = g_strdup_printf (record, "Huawei", "18446744073709551615");
  g_autofree char *nul_path = clr_cli_test_write (f->dir, "csl-nul.json", nul);
  g_autofree char *big_path = clr_cli_test_write (f->dir, "csl-big.json", big);
  g_autofree char *good = g_strdup_printf (record, "Huawei", "\"x\"");
  g_autofree char *good_path = clr_cli_test_write (f->dir, "csl-good.json", good);
  const char * const nul_expect[] = { ":3:", "name", "NUL", NULL };
  const char * const big_expect[] = { ":3:", "id", "does not fit", NULL };
  g_autoptr(ClrCliRun) run = NULL;

  assert_refused (f, import_args, nul_path, nul_expect);
  assert_refused (f, import_args, big_path, big_expect);
  run = clr_cli_run_va ("--db", f->db, "import", good_path, NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
}

static void
test_rule_pack_two_documents (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = clr_cli_test_write (f->dir, "pack-two.json",
                                              "{\"format\": \"clearance-rule-pack\"}\n{\"format\": \"clearance-rule-pack\"}\n");
  const char * const expect[] = { ":2:", "more than one JSON document", NULL };

  assert_refused (f, import_args, path, expect);
}

static void
test_empty_db_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = shipment ("1", "office chairs", "2", "Beispiel AG");
  g_autofree char *path = clr_cli_test_write (f->dir, "case.json", text);
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", "", "case", "import", path, NULL);
  g_autoptr(ClrCliRun) eq = clr_cli_run_va ("--db=", "info", NULL);

  /* SQLite would open "" as a throw-away database: the import would "succeed" and vanish. */
  g_assert_cmpint (run->exit_code, ==, 1);
  g_assert_nonnull (strstr (run->err, "--db"));
  g_assert_nonnull (strstr (run->err, "empty"));
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpint (eq->exit_code, ==, 1);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/input/base-is-accepted", test_base_is_accepted),
  CLR_TEST ("/cli/input/nul-in-string", test_nul_in_string),
  CLR_TEST ("/cli/input/two-documents", test_two_documents),
  CLR_TEST ("/cli/input/party-names", test_party_names),
  CLR_TEST ("/cli/input/long-text", test_long_text),
  CLR_TEST ("/cli/input/integers", test_integers),
  CLR_TEST ("/cli/input/schema-version-type", test_schema_version_type),
  CLR_TEST ("/cli/input/deep-nesting", test_deep_nesting),
  CLR_TEST ("/cli/input/csl-json", test_csl_json),
  CLR_TEST ("/cli/input/rule-pack-two-documents", test_rule_pack_two_documents),
  CLR_TEST ("/cli/input/empty-db-path", test_empty_db_path),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, clr_cli_test_tear_down)
