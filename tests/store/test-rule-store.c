/* test-rule-store.c — rule packs in the store: first use installs the bundled
 * pack, imports validate first and never replace a working pack with a broken
 * one, versions only move forward; store-level evaluation (sync and async).
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-store-rules.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

/* Writes the bundled pack with @version and, optionally, a broken rule date. */
static char *
write_pack (Fixture    *f,
            const char *name,
            const char *version,
            gboolean    broken)
{
  g_autoptr(GBytes) bytes = clr_rule_pack_get_bundled_data ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "version", version);
  if (broken)
    {
      JsonObject *rule = json_array_get_object_element (json_object_get_array_member (root, "rules"), 3);

      json_object_set_string_member (json_object_get_object_member (rule, "effective"), "from", "2025-13-01");
    }
  data = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return path;
}

static char *
active_sha (ClrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = clr_store_load_rule_pack (store, &error);

  g_assert_no_error (error);
  return g_strdup (clr_rule_pack_get_sha256 (pack));
}

static void
test_first_use (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = clr_store_load_rule_pack (f->store, &error);
  g_autoptr(ClrRulePack) bundled = clr_rule_pack_new_bundled (NULL);
  g_autoptr(JsonNode) packs = NULL;
  JsonObject *row;

  g_assert_no_error (error);
  g_assert_cmpstr (clr_rule_pack_get_sha256 (pack), ==, clr_rule_pack_get_sha256 (bundled));
  packs = clr_store_list_rule_packs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (packs)), ==, 1);
  row = json_array_get_object_element (json_node_get_array (packs), 0);
  g_assert_true (json_object_get_boolean_member (row, "active"));
  g_assert_cmpstr (json_object_get_string_member (row, "origin"), ==, "bundled");
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==, clr_rule_pack_get_sha256 (bundled));

  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    ClrTestAsync wait = { loop, NULL };
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(ClrRulePack) async = NULL;

    clr_store_load_rule_pack_async (f->store, NULL, clr_test_async_ready, &wait);
    result = clr_test_async_wait (&wait);
    async = clr_store_load_rule_pack_finish (f->store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (clr_rule_pack_get_sha256 (async), ==, clr_rule_pack_get_sha256 (bundled));
  }
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = active_sha (f->store);
  g_autofree char *broken = write_pack (f, "broken.json", "9999.1", TRUE);
  g_autofree char *newer = write_pack (f, "newer.json", "9999.1", FALSE);
  g_autofree char *older = write_pack (f, "older.json", "2000.1", FALSE);
  g_autofree char *after_broken = NULL;
  g_autofree char *after_newer = NULL;
  g_auto(ClrRulePackImportResult) result = { 0 };
  g_auto(ClrRulePackImportResult) again = { 0 };

  g_assert_true (clr_rule_pack_file_is_pack (newer));
  g_assert_false (clr_store_import_rule_pack (f->store, broken, FALSE, NULL, &error));
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, "effective.from"));
  g_clear_error (&error);
  after_broken = active_sha (f->store);
  g_assert_cmpstr (after_broken, ==, before);  /* a broken pack never replaces a working one */

  g_assert_true (clr_store_import_rule_pack (f->store, newer, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.version, ==, "9999.1");
  g_assert_nonnull (result.previous_version);
  g_assert_false (result.unchanged);
  after_newer = active_sha (f->store);
  g_assert_cmpstr (after_newer, ==, result.sha256);
  g_assert_cmpstr (after_newer, !=, before);

  g_assert_true (clr_store_import_rule_pack (f->store, newer, FALSE, &again, &error));
  g_assert_true (again.unchanged);

  g_assert_false (clr_store_import_rule_pack (f->store, older, FALSE, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, "not newer");
  g_assert_true (clr_store_import_rule_pack (f->store, older, TRUE, NULL, &error));
  g_assert_no_error (error);
}

static JsonNode *
shipment (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser,
    "{\"date\": \"2024-06-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"3A090.a\", \"tpp\": 15832,"
    " \"performance_density\": 19.6, \"datacenter\": true}], \"parties\": [{\"role\": \"end_user\","
    " \"name\": \"Example\", \"headquarters_country\": \"CN\"}]}", -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_evaluate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) s = shipment ();
  g_autoptr(JsonNode) sync = clr_store_evaluate_shipment (f->store, s, NULL, "cfr-text", TRUE, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) async = NULL;
  g_autoptr(JsonNode) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sync), "verdict"), ==, "license_required");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sync), "posture"), ==, "cfr-text");
  g_assert_true (json_object_has_member (json_node_get_object (sync), "trace"));

  clr_store_evaluate_shipment_async (f->store, s, "2022-01-01", NULL, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  async = clr_store_evaluate_shipment_finish (f->store, result, &error);
  g_assert_no_error (error);
  /* before 3A090 existed, with no lists loaded: screening is the open question */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (async), "verdict"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (async), "as_of"), ==, "2022-01-01");

  bad = clr_store_evaluate_shipment (f->store, s, NULL, "lenient", FALSE, &error);
  g_assert_null (bad);
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/rule-store/first-use", test_first_use),
  CLR_TEST ("/rule-store/import", test_import),
  CLR_TEST ("/rule-store/evaluate", test_evaluate),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
