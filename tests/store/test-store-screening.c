/* test-store-screening.c — a matcher over the store's current list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "clr-store-lists.h"
#include "clr-store-rules.h"
#include "clr-store-rules-private.h"
#include "clr-store-screening.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static JsonNode *
zhipu_shipment (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser,
    "{\"date\": \"2025-06-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Zhipu AI\", \"country\": \"CN\"}]}", -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

/* The hits clr_store_screen_shipment_parties() gives the one party. */
static guint
zhipu_hits (Fixture  *f,
            JsonNode *shipment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) lists = NULL;
  g_autoptr(JsonArray) screening = clr_store_screen_shipment_parties (f->store, shipment, &lists, &error);

  g_assert_no_error (error);
  g_assert_nonnull (screening);
  g_assert_cmpuint (json_array_get_length (screening), ==, 1);
  return json_array_get_length (json_object_get_array_member (json_array_get_object_element (screening, 0), "hits"));
}

/* issue 17 §7: the app's Evaluate reuses one matcher and one parsed pack
 * (built once, also by the page's background load) until a list import
 * changes the lists; then it is rebuilt and the new name is found. */
static void
test_shared_matcher (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = zhipu_shipment ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(ClrMatcher) warm = NULL;
  g_autoptr(ClrMatcher) again = NULL;
  g_autoptr(ClrRulePack) pack1 = NULL;
  g_autoptr(ClrRulePack) pack2 = NULL;

  clr_store_test_import_data (f->store, "csl-v1.csv");
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 0);

  /* the page's start: the background load warms the store's matcher */
  clr_store_load_matcher_async (f->store, NULL, clr_test_async_ready, &wait);
  loaded = clr_test_async_wait (&wait);
  warm = clr_store_load_matcher_finish (f->store, loaded, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warm);
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 1);

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(JsonNode) result = clr_store_evaluate_shipment (f->store, shipment, NULL, NULL, TRUE, &error);

      g_assert_no_error (error);
      g_assert_nonnull (result);
    }
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 1);
  again = clr_store_get_shared_matcher (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (again == warm);
  pack1 = clr_store_load_rule_pack (f->store, &error);
  g_assert_no_error (error);
  pack2 = clr_store_load_rule_pack (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (pack1 == pack2);
  g_assert_cmpuint (zhipu_hits (f, shipment), ==, 0);
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 1);

  /* an import that adds the name: the cache is stale, the next use rebuilds */
  clr_store_test_import_data (f->store, "csl-v2.csv");
  g_assert_cmpuint (zhipu_hits (f, shipment), >, 0);
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 2);
  {
    g_autoptr(JsonNode) result = clr_store_evaluate_shipment (f->store, shipment, NULL, NULL, FALSE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (result);
  }
  g_assert_cmpuint (_clr_store_get_matcher_builds (f->store), ==, 2);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher (f->store, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (matcher);
  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 0);
  hits = clr_matcher_screen (matcher, "Huawei", NULL, 0.0, 0);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_loaded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(ClrEntry) stored = NULL;
  ClrHit *hit;

  clr_store_test_import_data (f->store, "csl-v1.csv");
  matcher = clr_store_load_matcher (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 10);

  hits = clr_matcher_screen (matcher, "华为技术有限公司", NULL, clr_matcher_get_default_threshold (), 5);
  g_assert_cmpuint (hits->len, >=, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->entry->name, ==, "Huawei Technologies Co., Ltd.");
  /* The hit's entry_id is the store row: the same entry comes back from it. */
  stored = clr_store_get_entry (f->store, hit->entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, hit->entry->name);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ClrMatcher *matcher = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  clr_store_test_import_data (f->store, "csl-v1.csv");
  clr_store_load_matcher_async (f->store, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  matcher = clr_store_load_matcher_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matcher);

  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 10);
  hits = clr_matcher_screen (matcher, "Hik Vision", "CN", clr_matcher_get_default_threshold (), 5);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((ClrHit *) hits->pdata[0])->entry->name, ==, "Hangzhou Hikvision Digital Technology Co., Ltd.");
  g_object_unref (matcher);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/screening/empty", test_empty),
  CLR_TEST ("/store/screening/loaded", test_loaded),
  CLR_TEST ("/store/screening/async", test_async),
  CLR_TEST ("/store/screening/shared-matcher", test_shared_matcher),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
