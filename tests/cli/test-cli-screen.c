/* test-cli-screen.c — clearance-cli screen (single and --batch), run as a user would
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

typedef ClrCliTest Fixture;

static void
test_no_lists (Fixture       *f,
               gconstpointer  data)
{
  clr_cli_assert_run (1, CLR_MENTIONS ("no lists loaded"), "--db", f->db, "screen", "Huawei", NULL);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ClrCliRun) run = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *hit;
  JsonArray *hits;

  clr_cli_test_import_data (f->db, "cli", "csl-v1.csv");
  run = clr_cli_run_va ("--db", f->db, "screen", "--json", "--country", "cn", "华为技术有限公司", NULL);
  g_assert_cmpint (run->exit_code, ==, 0);
  root = clr_test_parse (run->out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "query"), ==, "华为技术有限公司");
  g_assert_cmpfloat (json_object_get_double_member (obj, "threshold"), >, 0.5);
  /* Numbers as a person would write them (json-glib alone prints 0.81999999999999995). */
  g_assert_nonnull (strstr (run->out, "\"threshold\" : 0.82,\n"));
  hits = json_object_get_array_member (obj, "hits");
  g_assert_cmpuint (json_array_get_length (hits), >=, 1);
  hit = json_array_get_object_element (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "name"), ==, "Huawei Technologies Co., Ltd.");
  g_assert_cmpstr (json_object_get_string_member (hit, "list"), ==, "EL");
  g_assert_cmpstr (json_object_get_string_member (hit, "federal_register"), ==, "84 FR 22961");
  g_assert_cmpstr (json_object_get_string_member (hit, "license_policy"), ==, "Presumption of denial.");
  g_assert_cmpfloat (json_object_get_double_member (hit, "score"), ==, 1.0);
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "explanation"), "huawei=huawei"));
  g_assert_true (json_object_has_member (hit, "entry_row"));
  g_assert_true (json_object_has_member (hit, "content_hash"));
}

static void
test_text_and_options (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ClrCliRun) text = NULL;
  g_autoptr(ClrCliRun) none = NULL;

  clr_cli_test_import_data (f->db, "cli", "csl-v1.csv");
  text = clr_cli_run_va ("--db", f->db, "screen", "Hik Vision", NULL);
  g_assert_cmpint (text->exit_code, ==, 0);
  g_assert_nonnull (strstr (text->out, "Hangzhou Hikvision Digital Technology Co., Ltd."));
  g_assert_nonnull (strstr (text->out, "hik+vision=hikvision"));

  none = clr_cli_run_va ("--db", f->db, "screen", "Toyota Motor Corporation", NULL);
  g_assert_cmpint (none->exit_code, ==, 0);
  g_assert_nonnull (strstr (none->out, "No hits"));

  clr_cli_assert_run (2, NULL, "--db", f->db, "screen", "--threshold", "2", "Huawei", NULL);
  clr_cli_assert_run (2, CLR_MENTIONS ("--threshold"), "--db", f->db, "screen", "--threshold=-0.5", "Huawei", NULL);
  clr_cli_assert_run (1, NULL, "--db", f->db, "screen", "--country", "China", "Huawei", NULL);
  clr_cli_assert_run (2, NULL, "--db", f->db, "screen", NULL);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = clr_cli_test_write (f->dir, "parties.csv",
                                              "id,name,country\n"
                                              "c1,\"Huawei Technologies Company Limited\",CN\n"
                                              "c2,Toyota Motor Corporation,JP\n"
                                              "c3,\"Semiconductor Manufacturing Intl Corp, Shanghai\",\n"
                                              "c4,Rosoboronexport JSC,RU\n");
  g_autoptr(ClrCliRun) json = NULL;
  g_autoptr(ClrCliRun) csv = NULL;
  g_auto(GStrv) lines = NULL;
  const char *expected_ids[] = { "c1", "c2", "c3", "c4" };
  const guint expected_hits[] = { 1, 0, 1, 1 };

  clr_cli_test_import_data (f->db, "cli", "csl-v1.csv");
  json = clr_cli_run_va ("--db", f->db, "screen", "--batch", path, "--json", "--jobs", "2", NULL);
  g_assert_cmpint (json->exit_code, ==, 0);
  lines = g_strsplit (g_strstrip (json->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(JsonNode) node = clr_test_parse (lines[i]);
      JsonObject *obj = json_node_get_object (node);
      JsonArray *hits = json_object_get_array_member (obj, "hits");

      /* In input order, whatever thread screened it. */
      g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, expected_ids[i]);
      if (expected_hits[i])
        g_assert_cmpuint (json_array_get_length (hits), >=, 1);
      else
        g_assert_cmpuint (json_array_get_length (hits), ==, 0);
    }

  csv = clr_cli_run_va ("--db", f->db, "screen", "--batch", path, "--csv", NULL);
  g_assert_cmpint (csv->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (csv->out, "id,query,country,score,list,entry_id,name,matched_name,countries,explanation\n"));
  g_assert_nonnull (strstr (csv->out, "c1,Huawei Technologies Company Limited,CN,1.000,EL,"));
  g_assert_null (strstr (csv->out, "\nc2,"));
}

static void
test_batch_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *no_name = clr_cli_test_write (f->dir, "a.csv", "id,company\n1,Huawei\n");
  g_autofree char *quote = clr_cli_test_write (f->dir, "b.csv", "name,country\nHuawei,CN\n\"Hikvision,CN\n");
  g_autofree char *fields = clr_cli_test_write (f->dir, "c.csv", "name,country\nHuawei,CN\nHikvision,CN,extra\n");
  g_autofree char *country = clr_cli_test_write (f->dir, "d.csv", "name,country\nHuawei,CN\nHikvision,China\n");
  g_autofree char *empty = clr_cli_test_write (f->dir, "e.csv", "");

  clr_cli_test_import_data (f->db, "cli", "csl-v1.csv");
  clr_cli_assert_run (1, CLR_MENTIONS ("a.csv:1:", "name"), "--db", f->db, "screen", "--batch", no_name, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("b.csv:3:"), "--db", f->db, "screen", "--batch", quote, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("c.csv:3:"), "--db", f->db, "screen", "--batch", fields, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("d.csv:3:", "China"), "--db", f->db, "screen", "--batch", country, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("empty"), "--db", f->db, "screen", "--batch", empty, NULL);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/screen/no-lists", test_no_lists),
  CLR_TEST ("/cli/screen/json", test_json),
  CLR_TEST ("/cli/screen/text-and-options", test_text_and_options),
  CLR_TEST ("/cli/screen/batch", test_batch),
  CLR_TEST ("/cli/screen/batch-errors", test_batch_errors),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_cli_test_set_up, clr_cli_test_tear_down)
