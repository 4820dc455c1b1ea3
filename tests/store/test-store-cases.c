/* test-store-cases.c — shipment cases: create, autosave, list, duplicate,
 * archive, JSON import/export, async
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-cases.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static const char *h100_shipment =
  "{\"reference\": \"PO-4711\", \"date\": \"2025-06-01\", \"destination\": \"CN\", "
  "\"exported_from\": \"US\", "
  "\"items\": [{\"description\": \"GPU\", \"eccn\": \"3A090.a\", \"quantity\": 8, \"tpp\": 15832}], "
  "\"parties\": [{\"role\": \"end_user\", \"name\": \"Shanghai Cloud Compute Co., Ltd.\", \"country\": \"CN\"}, "
  "{\"role\": \"purchaser\", \"name\": \"Pacific Resellers Pte\", \"country\": \"SG\"}]}";

static void
test_create_and_get (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (h100_shipment);
  g_autoptr(ClrCase) c = NULL;
  g_autoptr(ClrCase) empty = NULL;
  gint64 id, empty_id;

  id = clr_store_create_case (f->store, shipment, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  c = clr_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->id, ==, id);
  g_assert_cmpstr (c->reference, ==, "PO-4711");
  g_assert_cmpstr (c->destination, ==, "CN");
  g_assert_cmpstr (c->date, ==, "2025-06-01");
  g_assert_cmpstr (c->party_names, ==, "Shanghai Cloud Compute Co., Ltd.; Pacific Resellers Pte");
  g_assert_cmpint (c->status, ==, CLR_CASE_STATUS_OPEN);
  g_assert_cmpint (c->revision, ==, 1);
  g_assert_null (c->result);
  g_assert_null (c->verdict);
  g_assert_nonnull (c->created_at);
  g_assert_true (json_node_equal (c->shipment, shipment));

  /* A new, empty form is a case too. */
  empty_id = clr_store_create_case (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty_id, !=, id);
  empty = clr_store_get_case (f->store, empty_id, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (empty->shipment));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (empty->shipment)), ==, 0);
  g_assert_null (empty->reference);

  /* Unknown ids are NOT_FOUND. */
  g_assert_null (clr_store_get_case (f->store, 9999, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (h100_shipment);
  g_autoptr(JsonNode) array = clr_test_parse ("[1, 2]");
  g_autoptr(ClrCase) c = NULL;
  g_autoptr(ClrStore) reopened = NULL;
  gint64 id;

  id = clr_store_create_case (f->store, NULL, &error);
  g_assert_no_error (error);

  /* Each keystroke pause saves the whole document. */
  g_assert_true (clr_store_save_case (f->store, id, shipment, &error));
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (shipment), "reference", "PO-4712");
  g_assert_true (clr_store_save_case (f->store, id, shipment, &error));
  g_assert_no_error (error);
  /* Saving the same document again changes nothing. */
  g_assert_true (clr_store_save_case (f->store, id, shipment, &error));
  g_assert_no_error (error);

  c = clr_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->reference, ==, "PO-4712");
  g_assert_cmpint (c->revision, ==, 3);

  /* Bad calls change nothing and say why. */
  g_assert_false (clr_store_save_case (f->store, 12345, shipment, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND, NULL);
  g_assert_false (clr_store_save_case (f->store, id, array, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);

  /* Nothing typed is lost when the app closes: a new connection sees it. */
  g_clear_object (&f->store);
  reopened = clr_store_new (f->path);
  clr_store_open (reopened, &error);
  g_assert_no_error (error);
  g_clear_pointer (&c, clr_case_unref);
  c = clr_store_get_case (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->reference, ==, "PO-4712");
  g_assert_true (json_node_equal (c->shipment, shipment));
  f->store = g_steal_pointer (&reopened);
}

static gint64
create_with (ClrStore   *store,
             const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = clr_test_parse (json);
  gint64 id = clr_store_create_case (store, node, &error);

  g_assert_no_error (error);
  return id;
}

static GStrv
references (GPtrArray *cases)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < cases->len; i++)
    {
      ClrCase *c = g_ptr_array_index (cases, i);
      g_strv_builder_add (builder, c->reference ? c->reference : "(none)");
    }
  return g_strv_builder_end (builder);
}

static void
assert_refs (GPtrArray  *cases,
             const char *expected)
{
  g_auto(GStrv) refs = references (cases);
  g_autofree char *joined = g_strjoinv (",", refs);

  g_assert_cmpstr (joined, ==, expected);
}

/* The cases the store lists for @search, @status and @limit, asserting
 * their references are @expected (comma-separated, in order). */
static GPtrArray *
list_refs (ClrStore      *store,
           const char    *search,
           ClrCaseStatus  status,
           guint          limit,
           const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = clr_store_list_cases (store, search, status, limit, &error);

  g_assert_no_error (error);
  assert_refs (cases, expected);
  return g_steal_pointer (&cases);
}

static void
test_list_search_archive (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonNode) result = clr_test_parse ("{\"verdict\": \"license_required\", \"as_of\": \"2025-06-01\", "
                                      "\"findings\": [{\"rule\": \"ai-chips-cn\", \"outcome\": \"license_required\"}]}");
  static const struct { const char *search, *refs; } searches[] = {
    { "po-1", "PO-1" }, { "huawei", "PO-2" }, { "2023-06", "PO-1" },
    { "DE", "RMA_9%" }, { "9%", "RMA_9%" }, { "_", "RMA_9%" },
  };
  gint64 a, b, c;

  a = create_with (f->store, "{\"reference\": \"PO-1\", \"destination\": \"VN\", \"date\": \"2023-06-01\", "
                             "\"parties\": [{\"name\": \"Hanoi Servers JSC\", \"country\": \"VN\"}]}");
  b = create_with (f->store, "{\"reference\": \"PO-2\", \"destination\": \"CN\", \"date\": \"2025-01-20\", "
                             "\"parties\": [{\"name\": \"Huawei Technologies Co., Ltd.\", \"country\": \"CN\"}]}");
  c = create_with (f->store, "{\"reference\": \"RMA_9%\", \"destination\": \"DE\", \"date\": \"2026-02-02\"}");

  /* Most recently saved first. */
  g_ptr_array_unref (list_refs (f->store, NULL, CLR_CASE_STATUS_ANY, 0, "RMA_9%,PO-2,PO-1"));
  g_ptr_array_unref (list_refs (f->store, NULL, CLR_CASE_STATUS_ANY, 2, "RMA_9%,PO-2"));

  /* Search: reference, destination, date, party name, verdict; case-insensitive;
   * LIKE wildcards are literal. */
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    g_ptr_array_unref (list_refs (f->store, searches[i].search, CLR_CASE_STATUS_ANY, 0, searches[i].refs));

  g_assert_true (clr_store_save_case_result (f->store, b, result, &error));
  g_assert_no_error (error);
  cases = list_refs (f->store, "license_required", CLR_CASE_STATUS_ANY, 0, "PO-2");
  g_assert_cmpstr (((ClrCase *) g_ptr_array_index (cases, 0))->verdict, ==, "license_required");
  g_assert_nonnull (((ClrCase *) g_ptr_array_index (cases, 0))->evaluated_at);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* Archive: gone from the open list, still there, and back again. */
  g_assert_true (clr_store_set_case_archived (f->store, a, TRUE, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (list_refs (f->store, NULL, CLR_CASE_STATUS_OPEN, 0, "RMA_9%,PO-2"));
  cases = list_refs (f->store, NULL, CLR_CASE_STATUS_ARCHIVED, 0, "PO-1");
  g_assert_cmpint (((ClrCase *) g_ptr_array_index (cases, 0))->status, ==, CLR_CASE_STATUS_ARCHIVED);
  g_clear_pointer (&cases, g_ptr_array_unref);
  g_assert_true (clr_store_set_case_archived (f->store, a, FALSE, &error));
  cases = clr_store_list_cases (f->store, NULL, CLR_CASE_STATUS_OPEN, 0, &error);
  g_assert_cmpuint (cases->len, ==, 3);
  g_clear_pointer (&cases, g_ptr_array_unref);

  g_assert_false (clr_store_set_case_archived (f->store, 777, TRUE, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
  (void) c;
}

static void
test_result_and_history (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (h100_shipment);
  g_autoptr(JsonNode) first = clr_test_parse ("{\"verdict\": \"review\", \"as_of\": \"2025-06-01\", \"posture\": \"enforcement\", "
                                     "\"findings\": [{\"rule\": \"missing-hq\", \"outcome\": \"review\"}]}");
  g_autoptr(JsonNode) second = clr_test_parse ("{\"verdict\": \"license_required\", \"as_of\": \"2025-06-01\", "
                                      "\"posture\": \"enforcement\", \"findings\": []}");
  g_autoptr(JsonNode) bad = clr_test_parse ("\"clear\"");
  g_autoptr(ClrCase) c = NULL;
  g_autoptr(GPtrArray) history = NULL;
  ClrAuditEntry *entry;
  gint64 id, other;

  id = clr_store_create_case (f->store, shipment, &error);
  other = clr_store_create_case (f->store, shipment, &error);
  g_assert_no_error (error);

  g_assert_true (clr_store_save_case_result (f->store, id, first, &error));
  g_assert_true (clr_store_save_case_result (f->store, id, second, &error));
  g_assert_true (clr_store_save_case_result (f->store, other, second, &error));
  g_assert_no_error (error);
  g_assert_false (clr_store_save_case_result (f->store, id, bad, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_false (clr_store_save_case_result (f->store, 4242, second, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND, NULL);

  c = clr_store_get_case (f->store, id, &error);
  g_assert_cmpstr (c->verdict, ==, "license_required");
  g_assert_true (json_node_equal (c->result, second));

  /* The case shows its own history: two evaluations, the second saying
   * what the verdict was before. */
  history = clr_store_audit_list_for_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->action, ==, CLR_AUDIT_CASE_EVALUATE);
  g_assert_null (entry->before);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "verdict"), ==, "review");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->before), "verdict"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "verdict"), ==,
                   "license_required");
  g_assert_cmpint (entry->case_id, ==, id);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (h100_shipment);
  g_autoptr(JsonNode) result = clr_test_parse ("{\"verdict\": \"clear\"}");
  g_autoptr(ClrCase) copy = NULL;
  g_autoptr(ClrCase) original = NULL;
  JsonObject *copy_object;
  gint64 id, copy_id;

  id = clr_store_create_case (f->store, shipment, &error);
  g_assert_true (clr_store_save_case_result (f->store, id, result, &error));
  g_assert_no_error (error);

  copy_id = clr_store_duplicate_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, id);

  copy = clr_store_get_case (f->store, copy_id, &error);
  g_assert_cmpstr (copy->reference, ==, "PO-4711 (copy)");
  g_assert_null (copy->result);
  g_assert_null (copy->verdict);
  g_assert_cmpint (copy->status, ==, CLR_CASE_STATUS_OPEN);
  copy_object = json_node_get_object (copy->shipment);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (copy_object, "parties")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (copy_object, "destination"), ==, "CN");

  /* The original is untouched. */
  original = clr_store_get_case (f->store, id, &error);
  g_assert_cmpstr (original->reference, ==, "PO-4711");
  g_assert_true (json_node_equal (original->shipment, shipment));

  g_assert_cmpint (clr_store_duplicate_case (f->store, 999, &error), ==, 0);
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static guint
count_cases (ClrStore *store)
{
  g_autoptr(GPtrArray) cases = clr_store_list_cases (store, NULL, CLR_CASE_STATUS_ANY, 0, NULL);

  return cases->len;
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in = g_build_filename (f->dir, "shipment.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "exported.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *list = g_build_filename (f->dir, "list.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) original = clr_test_parse (h100_shipment);
  gint64 id;

  g_assert_true (g_file_set_contents (in, h100_shipment, -1, NULL));
  id = clr_store_import_case (f->store, in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (clr_store_export_case (f->store, id, out, &error));
  g_assert_no_error (error);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (parser), original));

  /* Re-importing the export gives the same document. */
  {
    g_autoptr(ClrCase) again = NULL;
    gint64 id2 = clr_store_import_case (f->store, out, &error);

    g_assert_no_error (error);
    again = clr_store_get_case (f->store, id2, &error);
    g_assert_true (json_node_equal (again->shipment, original));
  }

  /* Bad files: the error names the file (and the line), nothing is stored. */
  g_assert_cmpuint (count_cases (f->store), ==, 2);
  g_assert_true (g_file_set_contents (broken, "{\n  \"reference\": \"PO-1\",\n  \"date\": \n}\n", -1, NULL));
  g_assert_cmpint (clr_store_import_case (f->store, broken, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, ":4"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (list, "[{\"reference\": \"PO-1\"}]", -1, NULL));
  g_assert_cmpint (clr_store_import_case (f->store, list, &error), ==, 0);
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, "list.json");

  g_assert_cmpint (clr_store_import_case (f->store, missing, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  g_assert_cmpuint (count_cases (f->store), ==, 2);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (h100_shipment);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  g_autoptr(ClrCase) c = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  GAsyncResult *result;
  gint64 id, copy;

  clr_store_create_case_async (f->store, NULL, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  id = clr_store_create_case_finish (f->store, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The caller may change its document right after the call. */
  clr_store_save_case_async (f->store, id, shipment, NULL, clr_test_async_ready, &wait);
  json_object_set_string_member (json_node_get_object (shipment), "reference", "changed after the call");
  result = clr_test_async_wait (&wait);
  g_assert_true (clr_store_save_case_finish (f->store, result, &error));
  g_object_unref (result);
  g_assert_no_error (error);

  clr_store_get_case_async (f->store, id, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  c = clr_store_get_case_finish (f->store, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_cmpstr (c->reference, ==, "PO-4711");

  clr_store_duplicate_case_async (f->store, id, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  copy = clr_store_duplicate_case_finish (f->store, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);

  clr_store_set_case_archived_async (f->store, copy, TRUE, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_true (clr_store_set_case_archived_finish (f->store, result, &error));
  g_object_unref (result);

  clr_store_list_cases_async (f->store, "PO-4711", CLR_CASE_STATUS_OPEN, 0, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  cases = clr_store_list_cases_finish (f->store, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  assert_refs (cases, "PO-4711");

  clr_store_get_case_async (f->store, 31337, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_null (clr_store_get_case_finish (f->store, result, &error));
  g_object_unref (result);
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/cases/create-and-get", test_create_and_get),
  CLR_TEST ("/store/cases/autosave", test_autosave),
  CLR_TEST ("/store/cases/list-search-archive", test_list_search_archive),
  CLR_TEST ("/store/cases/result-and-history", test_result_and_history),
  CLR_TEST ("/store/cases/duplicate", test_duplicate),
  CLR_TEST ("/store/cases/json-round-trip", test_json_round_trip),
  CLR_TEST ("/store/cases/async", test_async),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
