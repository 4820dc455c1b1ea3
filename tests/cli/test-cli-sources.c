/* test-cli-sources.c — clearance-cli sources: list, add (file or address),
 * enable and disable, against the real binary
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"

typedef ClrCliTest Fixture;

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "tests", "cli", "data", name, NULL);
}

/* The source @id as `sources --json` prints it, or NULL. */
static JsonObject *
find_source (Fixture    *f,
             const char *id)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "sources", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_cmpint (run->exit_code, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *source = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (source, "id"), id) == 0)
        return json_object_ref (source);
    }
  return NULL;
}

/* Screens @name and says whether any hit names @list_entry. */
static gboolean
screen_finds (Fixture    *f,
              const char *name,
              const char *list_entry)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->db, "screen", "--json", name, NULL);

  g_assert_cmpint (run->exit_code, ==, 0);
  return strstr (run->out, list_entry) != NULL;
}

static void
test_list_builtin (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClrCliRun) text = clr_cli_run_va ("--db", f->db, "sources", NULL);
  g_autoptr(JsonObject) csl = NULL;

  g_assert_cmpint (text->exit_code, ==, 0);
  g_assert_nonnull (strstr (text->out, "ofac-sdn"));
  g_assert_nonnull (strstr (text->out, "https://www.bis.doc.gov/dpl/dpl.txt"));
  g_assert_nonnull (strstr (text->out, "never loaded"));

  csl = find_source (f, "csl");
  g_assert_nonnull (csl);
  g_assert_true (json_object_get_boolean_member (csl, "enabled"));
  g_assert_false (json_object_get_boolean_member (csl, "custom"));
  g_assert_cmpstr (json_object_get_string_member (csl, "freshness"), ==, "never-loaded");
}

static void
test_add_file_disable_enable (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *csv = data_file ("review-csl-v1.csv");
  g_autofree char *dpl = g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "tests", "importers", "data", "dpl",
                                           "dpl.txt", NULL);
  g_autoptr(ClrCliRun) other = NULL;
  g_autoptr(ClrCliRun) add = NULL;
  g_autoptr(ClrCliRun) disable = NULL;
  g_autoptr(ClrCliRun) enable = NULL;
  g_autoptr(ClrCliRun) text = NULL;
  g_autoptr(JsonObject) source = NULL;
  g_autoptr(JsonObject) disabled = NULL;

  /* Another list stays loaded, so screening still runs once ours is off. */
  other = clr_cli_run_va ("--db", f->db, "import", dpl, NULL);
  g_assert_cmpint (other->exit_code, ==, 0);
  add = clr_cli_run_va ("--db", f->db, "sources", "add", "our-list", "--label", "Our own list", "--file", csv, NULL);
  g_assert_cmpint (add->exit_code, ==, 0);
  g_assert_nonnull (strstr (add->out, "our-list"));
  g_assert_nonnull (strstr (add->out, "3 records"));

  source = find_source (f, "our-list");
  g_assert_nonnull (source);
  g_assert_true (json_object_get_boolean_member (source, "custom"));
  g_assert_true (json_object_get_boolean_member (source, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (source, "label"), ==, "Our own list");
  g_assert_true (json_object_get_null_member (source, "url"));
  g_assert_cmpstr (json_object_get_string_member (source, "freshness"), ==, "current");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (source, "current"), "records"), >, 0);
  g_assert_true (screen_finds (f, "Huawei Technologies Co Ltd", "Huawei Technologies Co., Ltd."));

  /* Disabled: kept, but no longer screened. */
  disable = clr_cli_run_va ("--db", f->db, "sources", "disable", "our-list", NULL);
  g_assert_cmpint (disable->exit_code, ==, 0);
  g_assert_nonnull (strstr (disable->out, "disabled"));
  disabled = find_source (f, "our-list");
  g_assert_false (json_object_get_boolean_member (disabled, "enabled"));
  g_assert_false (screen_finds (f, "Huawei Technologies Co Ltd", "Huawei Technologies Co., Ltd."));
  text = clr_cli_run_va ("--db", f->db, "sources", NULL);
  g_assert_nonnull (strstr (text->out, "disabled"));
  g_assert_nonnull (strstr (text->out, "Our own list"));

  enable = clr_cli_run_va ("--db", f->db, "sources", "enable", "our-list", NULL);
  g_assert_cmpint (enable->exit_code, ==, 0);
  g_assert_true (screen_finds (f, "Huawei Technologies Co Ltd", "Huawei Technologies Co., Ltd."));
}

static void
test_add_url (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ClrCliRun) add = NULL;
  g_autoptr(ClrCliRun) ftp = NULL;
  g_autoptr(JsonObject) source = NULL;

  add = clr_cli_run_va ("--db", f->db, "sources", "add", "partner", "--label", "Partner list",
                        "--url", "https://lists.example.com/partner.csv", NULL);
  g_assert_cmpint (add->exit_code, ==, 0);
  source = find_source (f, "partner");
  g_assert_nonnull (source);
  g_assert_cmpstr (json_object_get_string_member (source, "url"), ==, "https://lists.example.com/partner.csv");
  g_assert_cmpstr (json_object_get_string_member (source, "freshness"), ==, "never-loaded");

  clr_cli_assert_run (1, CLR_MENTIONS ("already"), "--db", f->db, "sources", "add", "partner", "--label", "Again",
                      "--url", "https://lists.example.com/other.csv", NULL);

  ftp = clr_cli_run_va ("--db", f->db, "sources", "add", "ftp-list", "--label", "FTP",
                        "--url", "ftp://example.com/x.csv", NULL);
  g_assert_cmpint (ftp->exit_code, ==, 1);
  g_assert_nonnull (strstr (ftp->err, "ftp://example.com/x.csv"));
  g_assert_null (find_source (f, "ftp-list"));
}

/* A file that fails to import adds nothing. */
static void
test_add_broken_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *broken = data_file ("csl-broken.csv");
  g_autoptr(ClrCliRun) add = NULL;

  add = clr_cli_run_va ("--db", f->db, "sources", "add", "broken", "--label", "Broken", "--file", broken, NULL);
  g_assert_cmpint (add->exit_code, ==, 1);
  g_assert_nonnull (strstr (add->err, "csl-broken.csv:7:"));
  g_assert_null (find_source (f, "broken"));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *csv = data_file ("review-csl-v1.csv");

  clr_cli_assert_run (2, CLR_MENTIONS ("--label"), "--db", f->db, "sources", "add", "x", "--file", csv, NULL);
  clr_cli_assert_run (2, NULL, "--db", f->db, "sources", "add", "x", "--label", "X", "--file", csv,
                      "--url", "https://example.com/x.csv", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->db, "sources", "add", "x", "--label", "X", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("rename"), "--db", f->db, "sources", "rename", "x", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->db, "sources", "disable", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("no-such-source"), "--db", f->db, "sources", "enable", "no-such-source", NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("not a valid source id"), "--db", f->db, "sources", "add", "Bad Id", "--label", "X", "--file", csv, NULL);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/sources/list-builtin", test_list_builtin),
  CLR_TEST ("/cli/sources/add-file-disable-enable", test_add_file_disable_enable),
  CLR_TEST ("/cli/sources/add-url", test_add_url),
  CLR_TEST ("/cli/sources/add-broken-file", test_add_broken_file),
  CLR_TEST ("/cli/sources/usage", test_usage),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_cli_test_set_up, clr_cli_test_tear_down)
