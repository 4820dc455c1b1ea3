/* test-store-review.c — the review queue: recording hits, decisions, their
 * reuse across cases, reopening when the listed entry changes
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-audit.h"
#include "clr-store-cases.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static const TestEntry version1[] = {
  { "EL", "el-huawei", "Huawei Technologies Co., Ltd.", "CN",
    "Bantian, Longgang District, Shenzhen, CN", NULL },
  { "SDN", "36", "ACME TRADING LLC", "IR", "Tehran, IR", NULL },
  { "EL", "el-sugon", "Sugon Information Industry Co., Ltd.", "CN", "Beijing, CN", "Dawning Information Industry" },
};

/* The 2nd version: Huawei's entry gained an address and an alias. */
static const TestEntry version2[] = {
  { "EL", "el-huawei", "Huawei Technologies Co., Ltd.", "CN",
    "Bantian, Longgang District, Shenzhen, Guangdong, CN", "Huawei" },
  { "SDN", "36", "ACME TRADING LLC", "IR", "Tehran, IR", NULL },
  { "EL", "el-sugon", "Sugon Information Industry Co., Ltd.", "CN", "Beijing, CN", "Dawning Information Industry" },
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  clr_store_test_set_up (f, data);
  clr_store_test_write_version (f->store, "v1", version1, G_N_ELEMENTS (version1));
}

/* Screens @parties_json with the current lists and records the hits for
 * @case_id; returns the annotated screening array. */
static JsonArray *
evaluate_parties (Fixture    *f,
                  const char *parties_json,
                  gint64      case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parties = clr_test_parse (parties_json);
  JsonArray *screening = clr_store_test_screen_parties (f->store, json_node_get_array (parties));

  g_assert_true (clr_store_review_annotate_screening_full (f->store, screening, json_node_get_array (parties),
                                                           case_id, "case", &error));
  g_assert_no_error (error);
  return screening;
}

static GPtrArray *
list_status (ClrStore        *store,
             ClrReviewStatus  status)
{
  return clr_store_test_review_list (store, status, NULL, NULL);
}

#define HUAWEI_CN "[{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co. Ltd\", \"country\": \"CN\"}, " \
                  "{\"role\": \"purchaser\", \"name\": \"Pacific Resellers Pte\", \"country\": \"SG\"}]"

static void
test_names (void)
{
  ClrReviewStatus status;
  ClrReviewReason reason;

  g_assert_cmpstr (clr_review_status_to_string (CLR_REVIEW_STATUS_NO_MATCH), ==, "no_match");
  g_assert_true (clr_review_status_from_string ("no-match", &status));
  g_assert_cmpint (status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_true (clr_review_status_from_string ("escalated", &status));
  g_assert_cmpint (status, ==, CLR_REVIEW_STATUS_ESCALATED);
  g_assert_false (clr_review_status_from_string ("maybe", &status));
  g_assert_cmpstr (clr_review_status_get_label (CLR_REVIEW_STATUS_NO_MATCH), ==, "Not a match");

  g_assert_true (clr_review_reason_from_string ("confirmed-by-documents", &reason));
  g_assert_cmpint (reason, ==, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS);
  g_assert_false (clr_review_reason_from_string ("gut-feeling", &reason));
  g_assert_false (clr_review_reason_from_string (NULL, &reason));
  g_assert_cmpstr (clr_review_reason_to_string (CLR_REVIEW_REASON_NAME_COINCIDENCE), ==, "name-coincidence");

  {
    g_autofree char *a = clr_review_normalize_party_name ("Huawei Technologies Co., Ltd.");
    g_autofree char *b = clr_review_normalize_party_name ("  HUAWEI   technologies co ltd ");
    g_autofree char *c = clr_review_normalize_party_name ("Société Générale");

    g_assert_cmpstr (a, ==, "huawei technologies co ltd");
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, "societe generale");
  }
}

static void
test_record_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(JsonArray) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonObject *hit;
  ClrReviewItem *item;
  gint64 id;

  screening = evaluate_parties (f, HUAWEI_CN, 11);

  /* The evaluator reads "decision": an undecided hit is open. */
  g_assert_cmpuint (json_array_get_length (clr_store_test_hits_of (screening, 0)), >=, 1);
  hit = json_array_get_object_element (clr_store_test_hits_of (screening, 0), 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "list"), ==, "EL");
  g_assert_cmpstr (json_object_get_string_member (hit, "decision"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (hit, "review_id"), >, 0);
  g_assert_cmpuint (json_array_get_length (clr_store_test_hits_of (screening, 1)), ==, 0);

  items = list_status (f->store, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->id, ==, json_object_get_int_member (hit, "review_id"));
  g_assert_cmpstr (item->party_name, ==, "Huawei Technologies Co. Ltd");
  g_assert_cmpstr (item->party_key, ==, "huawei technologies co ltd");
  g_assert_cmpstr (item->party_country, ==, "CN");
  g_assert_cmpstr (item->party_role, ==, "end_user");
  g_assert_cmpint (item->case_id, ==, 11);
  g_assert_cmpstr (item->list_code, ==, "EL");
  g_assert_cmpstr (item->entry_key, ==, "EL:el-huawei");
  g_assert_cmpstr (item->entry_name, ==, "Huawei Technologies Co., Ltd.");
  g_assert_cmpint (item->entry_row, >, 0);
  g_assert_cmpuint (strlen (item->content_hash), ==, 64);
  g_assert_nonnull (item->entry);
  g_assert_nonnull (item->hit);
  g_assert_nonnull (item->party);
  g_assert_cmpfloat (item->score, >=, clr_matcher_get_default_threshold ());
  g_assert_cmpstr (item->matched_name, ==, "Huawei Technologies Co., Ltd.");
  g_assert_nonnull (item->explanation);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_false (item->reopened);

  /* Evaluating the same case again does not add a second item. */
  id = item->id;
  again = evaluate_parties (f, HUAWEI_CN, 11);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = list_status (f->store, CLR_REVIEW_STATUS_ANY);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (clr_store_test_hits_of (again, 0), 0),
                                               "review_id"), ==, id);
}

static void
test_decision_reused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;
  g_autoptr(JsonArray) third = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) in_case2 = NULL;
  g_autoptr(GPtrArray) open = NULL;
  ClrAuditEntry *entry;
  ClrReviewFilter filter;
  JsonObject *hit;
  gint64 id;
  guint counts[4];

  first = evaluate_parties (f, HUAWEI_CN, 1);
  id = json_object_get_int_member (json_array_get_object_element (clr_store_test_hits_of (first, 0), 0), "review_id");

  g_assert_true (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY,
                                          "A repair shop of the same name; see the invoice", "Mei Chen", &error));
  g_assert_no_error (error);

  item = clr_store_review_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_cmpint (item->reason, ==, CLR_REVIEW_REASON_DIFFERENT_ENTITY);
  g_assert_cmpstr (item->note, ==, "A repair shop of the same name; see the invoice");
  g_assert_cmpstr (item->decided_by, ==, "Mei Chen");
  g_assert_cmpstr (item->decided_by_user, ==, clr_store_get_user (f->store));
  g_assert_nonnull (item->decided_at);

  /* The decision is in the audit trail, with before and after. */
  audit = clr_store_audit_list (f->store, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  /* (the list import first) */
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "list.import");
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->action, ==, "review.decide");
  g_assert_cmpint (entry->case_id, ==, 1);
  g_assert_cmpstr (entry->display_name, ==, "Mei Chen");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->before), "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "status"), ==, "no_match");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "reason"), ==,
                   "different-entity");

  /* The same party in another case, spelled differently: not asked again. */
  second = evaluate_parties (f, "[{\"role\": \"ultimate_consignee\", \"name\": \"HUAWEI TECHNOLOGIES CO LTD\", "
                                "\"country\": \"cn\"}]", 2);
  hit = json_array_get_object_element (clr_store_test_hits_of (second, 0), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "review_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (hit, "decision"), ==, "no_match");
  open = list_status (f->store, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (open->len, ==, 0);

  /* Case 2's queue shows the item it met. */
  clr_review_filter_init (&filter);
  filter.case_id = 2;
  in_case2 = clr_store_review_list (f->store, &filter, &error);
  g_assert_cmpuint (in_case2->len, ==, 1);

  /* A party with that name in another country is another party. */
  third = evaluate_parties (f, "[{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co., Ltd.\", "
                               "\"country\": \"DE\"}]", 3);
  hit = json_array_get_object_element (clr_store_test_hits_of (third, 0), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "review_id"), !=, id);
  g_assert_cmpstr (json_object_get_string_member (hit, "decision"), ==, "open");

  g_assert_true (clr_store_review_count (f->store, counts, &error));
  g_assert_cmpuint (counts[CLR_REVIEW_STATUS_OPEN], ==, 1);
  g_assert_cmpuint (counts[CLR_REVIEW_STATUS_NO_MATCH], ==, 1);
  g_assert_cmpuint (counts[CLR_REVIEW_STATUS_MATCH], ==, 0);
}

static void
test_decide_rejects (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  ClrReviewDecision change = { CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL, NULL, TRUE };
  gint64 id;

  screening = evaluate_parties (f, HUAWEI_CN, 1);
  id = json_object_get_int_member (json_array_get_object_element (clr_store_test_hits_of (screening, 0), 0), "review_id");

  g_assert_false (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_OPEN,
                                           CLR_REVIEW_REASON_OTHER, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_false (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_MATCH,
                                           CLR_REVIEW_REASON_NONE, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, "different-entity");
  g_assert_false (clr_store_review_decide (f->store, id + 100, CLR_REVIEW_STATUS_MATCH,
                                           CLR_REVIEW_REASON_OTHER, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND, NULL);

  /* Nothing changed, nothing audited. */
  item = clr_store_review_get (f->store, id, &error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (clr_store_test_audit_count (f->store, "review.decide"), ==, 0);

  /* Escalate, then change one's mind (an explicit change): both audited. */
  g_assert_true (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_ESCALATED,
                                          CLR_REVIEW_REASON_OTHER, "Ask legal", NULL, &error));
  g_assert_true (clr_store_review_decide_full (f->store, &id, 1, &change, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&item, clr_review_item_unref);
  item = clr_store_review_get (f->store, id, &error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_MATCH);
  g_assert_null (item->note);
  g_assert_cmpstr (item->decided_by, ==, "Test Reviewer");
  g_assert_cmpuint (clr_store_test_audit_count (f->store, "review.decide"), ==, 2);
  clr_store_test_verify_audit (f->store);
}

static void
test_reopen_on_entry_change (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) after_update = NULL;
  g_autoptr(JsonArray) after_decision = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrReviewItem) redecided = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *old_hash = NULL;
  ClrReviewFilter filter;
  JsonObject *hit;
  gint64 id;

  first = evaluate_parties (f, HUAWEI_CN, 1);
  id = json_object_get_int_member (json_array_get_object_element (clr_store_test_hits_of (first, 0), 0), "review_id");
  g_assert_true (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ADDRESS, NULL, NULL, &error));
  g_assert_no_error (error);
  item = clr_store_review_get (f->store, id, &error);
  old_hash = g_strdup (item->content_hash);
  g_clear_pointer (&item, clr_review_item_unref);

  /* A list update changes Huawei's entry: its decision is reopened the next
   * time the party is screened. */
  clr_store_test_write_version (f->store, "v2", version2, G_N_ELEMENTS (version2));
  after_update = evaluate_parties (f, HUAWEI_CN, 5);
  hit = json_array_get_object_element (clr_store_test_hits_of (after_update, 0), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "review_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (hit, "decision"), ==, "open");

  item = clr_store_review_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_true (item->reopened);
  g_assert_cmpint (item->previous_status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_cmpint (item->previous_reason, ==, CLR_REVIEW_REASON_DIFFERENT_ADDRESS);
  g_assert_cmpstr (item->previous_hash, ==, old_hash);
  g_assert_cmpstr (item->content_hash, !=, old_hash);
  g_assert_true (g_strv_contains ((const char * const *) item->changed_fields, "addresses"));
  g_assert_true (g_strv_contains ((const char * const *) item->changed_fields, "aliases"));
  g_assert_false (g_strv_contains ((const char * const *) item->changed_fields, "name"));
  g_assert_cmpuint (clr_store_test_audit_count (f->store, "review.reopen"), ==, 1);

  json = clr_review_item_to_json (item);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (json), "reopened"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "previous_status"), ==, "no_match");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json),
                                                                         "changed_fields")), ==,
                    g_strv_length (item->changed_fields));

  clr_review_filter_init (&filter);
  filter.reopened_only = TRUE;
  reopened = clr_store_review_list (f->store, &filter, &error);
  g_assert_cmpuint (reopened->len, ==, 1);

  /* Deciding again settles it on the new entry. */
  g_assert_true (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ADDRESS, NULL, NULL, &error));
  redecided = clr_store_review_get (f->store, id, &error);
  g_assert_false (redecided->reopened);
  after_decision = evaluate_parties (f, HUAWEI_CN, 6);
  hit = json_array_get_object_element (clr_store_test_hits_of (after_decision, 0), 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "decision"), ==, "no_match");
  g_assert_cmpuint (clr_store_test_audit_count (f->store, "review.reopen"), ==, 1);
}

/* Hits as another component (batch screening, an older evaluator) may give
 * them: no stored row, an entry id and a hash. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parties = clr_test_parse (
    "[{\"name\": \"Acme Trading L.L.C.\", \"country\": \"AE\", \"role\": \"purchaser\"},"
    " {\"name\": \"Orion Logistics\", \"country\": \"TR\", \"role\": \"forwarder\"},"
    " {\"name\": \"Nimbus Compute\", \"country\": \"AE\", \"role\": \"end_user\"}]");
  g_autoptr(JsonNode) screening = clr_test_parse (
    "[{\"party\": 0, \"hits\": [{\"list\": \"SDN\", \"entry_id\": \"36\", \"name\": \"ACME TRADING LLC\", "
    "  \"score\": 0.97, \"matched_name\": \"ACME TRADING LLC\", \"content_hash\": \"h-acme\"}]},"
    " {\"party\": 1, \"hits\": [{\"list\": \"EL\", \"entry_id\": \"el-orion\", \"name\": \"Orion Logistik\", "
    "  \"score\": 0.84, \"content_hash\": \"h-orion\"},"
    "  {\"list\": \"DPL\", \"entry_id\": \"dpl-9\", \"name\": \"Orion Air\", \"score\": 0.81}]},"
    " {\"party\": 2, \"hits\": [{\"list\": \"EL\", \"entry_id\": \"el-nimbus\", \"name\": \"Nimbus Computing FZE\", "
    "  \"score\": 0.90, \"content_hash\": \"h-nimbus\"}]}]");
  g_autoptr(GPtrArray) all = NULL;
  ClrReviewFilter filter;

  g_assert_true (clr_store_review_annotate_screening (f->store, json_node_get_array (screening),
                                                      json_node_get_array (parties), &error));
  g_assert_no_error (error);

  clr_review_filter_init (&filter);
  all = clr_store_review_list (f->store, &filter, &error);
  g_assert_cmpuint (all->len, ==, 4);
  /* Newest and strongest first (all seen at once: by score). */
  g_assert_cmpfloat (((ClrReviewItem *) g_ptr_array_index (all, 0))->score, ==, 0.97);
  g_assert_cmpfloat (((ClrReviewItem *) g_ptr_array_index (all, 3))->score, ==, 0.81);
  g_assert_cmpint (((ClrReviewItem *) g_ptr_array_index (all, 0))->case_id, ==, 0);

#define EXPECT(n) G_STMT_START { \
    g_autoptr(GPtrArray) got = clr_store_review_list (f->store, &filter, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (got->len, ==, (n)); \
    clr_review_filter_init (&filter); \
  } G_STMT_END

  filter.list_code = "EL";
  EXPECT (2);
  filter.country = "ae";
  EXPECT (2);
  filter.min_score = 0.85;
  EXPECT (2);
  filter.min_score = 0.80;
  filter.max_score = 0.85;
  EXPECT (2);
  filter.search = "orion";
  EXPECT (2);
  filter.search = "ACME-Trading";          /* via the normalised party name */
  EXPECT (1);
  filter.search = "Logistik";              /* the entry name */
  EXPECT (1);
  filter.search = "%";
  EXPECT (0);
  filter.status = CLR_REVIEW_STATUS_MATCH;
  EXPECT (0);
  filter.limit = 3;
  EXPECT (3);
#undef EXPECT
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) screening = evaluate_parties (f, HUAWEI_CN, 1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) decided = NULL;
  g_autofree char *search = g_strdup ("huawei");
  ClrTestAsync wait = { loop, NULL };
  ClrReviewFilter filter;
  gint64 id;

  clr_review_filter_init (&filter);
  filter.search = search;
  clr_store_review_list_async (f->store, &filter, NULL, clr_test_async_ready, &wait);
  /* The filter's strings are copied: the caller may free them now. */
  g_clear_pointer (&search, g_free);
  g_main_loop_run (loop);
  items = clr_store_review_list_finish (f->store, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  id = ((ClrReviewItem *) g_ptr_array_index (items, 0))->id;

  clr_store_review_decide_async (f->store, id, CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS,
                                 "Same address as the listing", "GUI user", NULL, clr_test_async_ready, &wait);
  g_main_loop_run (loop);
  g_assert_true (clr_store_review_decide_finish (f->store, wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  decided = list_status (f->store, CLR_REVIEW_STATUS_MATCH);
  g_assert_cmpuint (decided->len, ==, 1);
  g_assert_cmpstr (((ClrReviewItem *) g_ptr_array_index (decided, 0))->decided_by, ==, "GUI user");

  clr_store_review_decide_async (f->store, id, CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_NONE,
                                 NULL, NULL, NULL, clr_test_async_ready, &wait);
  g_main_loop_run (loop);
  g_assert_false (clr_store_review_decide_finish (f->store, wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID);
  (void) screening;
}

/* A case's stored result that rests on a hit decided since is out of date,
 * whenever the case is read again (another session, another process). */
static void
test_result_outdated_by_decision (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse ("{\"reference\": \"PO-7\", \"parties\": " HUAWEI_CN "}");
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(ClrCase) before = NULL;
  g_autoptr(ClrCase) after = NULL;
  g_autoptr(ClrCase) again = NULL;
  JsonObject *object = json_object_new ();
  gboolean current = FALSE;
  gint64 case_id, id;

  case_id = clr_store_create_case (f->store, shipment, &error);
  g_assert_no_error (error);
  screening = evaluate_parties (f, HUAWEI_CN, case_id);
  id = json_object_get_int_member (json_array_get_object_element (clr_store_test_hits_of (screening, 0), 0), "review_id");
  json_object_set_string_member (object, "verdict", "review");
  json_object_set_array_member (object, "screening", json_array_ref (screening));
  result = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  g_assert_true (clr_store_save_case_result (f->store, case_id, result, &error));
  g_assert_no_error (error);

  before = clr_store_get_case (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_false (before->decisions_changed);
  g_assert_true (clr_store_review_result_is_current (f->store, before->result, &current, &error));
  g_assert_true (current);

  g_assert_true (clr_store_review_decide (f->store, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, "Mei Chen", &error));
  g_assert_no_error (error);
  after = clr_store_get_case (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_true (after->decisions_changed);
  g_assert_true (clr_store_review_result_is_current (f->store, after->result, &current, &error));
  g_assert_false (current);

  /* Screened and saved again: the result carries the decision, current again. */
  {
    g_autoptr(JsonArray) rescreened = evaluate_parties (f, HUAWEI_CN, case_id);
    JsonObject *o = json_object_new ();
    g_autoptr(JsonNode) fresh = NULL;

    json_object_set_array_member (o, "screening", json_array_ref (rescreened));
    fresh = json_node_init_object (json_node_alloc (), o);
    json_object_unref (o);
    g_assert_true (clr_store_save_case_result (f->store, case_id, fresh, &error));
    g_assert_no_error (error);
  }
  again = clr_store_get_case (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_false (again->decisions_changed);

  /* A result without review annotations has nothing to be out of date with. */
  {
    g_autoptr(JsonNode) plain = clr_test_parse ("{\"verdict\": \"clear\", \"screening\": [{\"party\": 0, \"hits\": [{\"score\": 0.9}]}]}");
    g_assert_true (clr_store_review_result_is_current (f->store, plain, &current, &error));
    g_assert_true (current);
  }
}

/* Many parties hitting one entry (a batch): each item keeps the entry's
 * snapshot, key and hash, read once; the family decision is one transaction
 * with one audit entry per item, and stores nothing when an id is unknown. */
static void
test_many_parties_one_entry (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) still_open = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 bad[2];
  guint decides_before;

  screening = evaluate_parties (f, "[{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co. Ltd\", \"country\": \"CN\"},"
                                   " {\"role\": \"purchaser\", \"name\": \"Huawei Technologies Company Limited\", \"country\": \"CN\"},"
                                   " {\"role\": \"consignee\", \"name\": \"HUAWEI TECHNOLOGIES CO., LTD\", \"country\": \"HK\"}]", 0);
  items = list_status (f->store, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);
      ClrReviewItem *first = g_ptr_array_index (items, 0);
      g_autoptr(ClrEntry) snapshot = clr_entry_from_json (item->entry, NULL);

      g_assert_cmpstr (item->entry_key, ==, "EL:el-huawei");
      g_assert_cmpstr (item->content_hash, ==, first->content_hash);
      g_assert_nonnull (snapshot);
      g_assert_cmpstr (snapshot->name, ==, "Huawei Technologies Co., Ltd.");
      {
        g_autofree char *hash = clr_entry_content_hash (snapshot);

        g_assert_cmpstr (hash, ==, item->content_hash);
      }
      g_assert_cmpstr (item->family_key, ==, "huawei tech");
      g_array_append_val (ids, item->id);
    }

  /* an unknown id: nothing is decided */
  decides_before = clr_store_test_audit_count (f->store, CLR_AUDIT_REVIEW_DECIDE);
  bad[0] = g_array_index (ids, gint64, 0);
  bad[1] = 999999;
  g_assert_false (clr_store_review_decide_many (f->store, bad, 2, CLR_REVIEW_STATUS_NO_MATCH,
                                                CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (clr_store_test_audit_count (f->store, CLR_AUDIT_REVIEW_DECIDE), ==, decides_before);
  still_open = list_status (f->store, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (still_open->len, ==, 3);

  g_assert_true (clr_store_review_decide_many (f->store, (const gint64 *) ids->data, ids->len,
                                               CLR_REVIEW_STATUS_NO_MATCH, CLR_REVIEW_REASON_DIFFERENT_ENTITY,
                                               "resellers", "Mei", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (clr_store_test_audit_count (f->store, CLR_AUDIT_REVIEW_DECIDE), ==, decides_before + 3);
  g_clear_pointer (&still_open, g_ptr_array_unref);
  still_open = list_status (f->store, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (still_open->len, ==, 0);
}

static char *
node_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (node == NULL)
    return NULL;
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static GPtrArray *
all_items (ClrStore *store)
{
  return clr_store_test_review_list (store, CLR_REVIEW_STATUS_ANY, NULL, NULL);
}

static ClrReviewItem *
item_by_key (GPtrArray   *items,
             const char  *party_key,
             const char  *entry_key)
{
  for (guint i = 0; i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->party_key, party_key) && g_str_equal (item->entry_key, entry_key))
        return item;
    }
  return NULL;
}

/* `screen --batch` records the matcher's hits directly
 * (clr_store_review_record_hits()); the queue must read exactly as when the
 * same hits were recorded from their JSON: same items, snapshot, hit text. */
static void
test_batch_hits_as_json (Fixture       *f,
                         gconstpointer  data)
{
  const char *names[] = { "Huawei Technologies Co. Ltd", "ACME Trading", "Sugon Information",
                          "Dawning Information Industry", "Nobody In Particular", "Huawei Technologies" };
  const char *countries[] = { "CN", NULL, "cn", "", NULL, "HK" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher (f->store, &error);
  g_autofree char *path = g_build_filename (f->dir, "batch.db", NULL);
  g_autoptr(ClrStore) other = clr_store_new (path);
  g_autoptr(JsonArray) parties = json_array_new ();
  g_autoptr(JsonArray) screening = json_array_new ();
  GPtrArray *results[G_N_ELEMENTS (names)];
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_new = 0;

  g_assert_no_error (error);
  clr_store_open (other, &error);
  g_assert_no_error (error);
  clr_store_test_write_version (other, "v1", version1, G_N_ELEMENTS (version1));

  /* What clr_cli_screen_batch() recorded before: JSON parties and hits. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *party = json_object_new ();
      JsonObject *element = json_object_new ();
      JsonArray *hits = json_array_new ();

      results[i] = clr_matcher_screen (matcher, names[i], countries[i] != NULL && *countries[i] ? countries[i] : NULL,
                                       0.5, 10);
      json_object_set_string_member (party, "name", names[i]);
      if (countries[i] != NULL && *countries[i] != '\0')
        json_object_set_string_member (party, "country", countries[i]);
      json_array_add_object_element (parties, party);
      json_object_set_int_member (element, "party", i);
      for (guint h = 0; h < results[i]->len; h++)
        json_array_add_element (hits, clr_hit_to_json (g_ptr_array_index (results[i], h)));
      json_object_set_array_member (element, "hits", hits);
      json_array_add_object_element (screening, element);
    }
  g_assert_true (clr_store_review_annotate_screening_full (f->store, screening, parties, 0, "batch", &error));
  g_assert_no_error (error);

  /* Twice: the second pass updates the items it created. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_assert_true (clr_store_review_record_hits (other, G_N_ELEMENTS (names), names, countries,
                                                   results, "batch", &n_new, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_new, ==, 0);

  expected = all_items (f->store);
  items = all_items (other);
  g_assert_cmpuint (expected->len, >=, 5);
  g_assert_cmpuint (items->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      ClrReviewItem *want = g_ptr_array_index (expected, i);
      ClrReviewItem *got = item_by_key (items, want->party_key, want->entry_key);
      g_autofree char *want_party = node_text (want->party);
      g_autofree char *got_party = node_text (got->party);
      g_autofree char *want_entry = node_text (want->entry);
      g_autofree char *got_entry = node_text (got->entry);
      g_autofree char *want_hit = node_text (want->hit);
      g_autofree char *got_hit = node_text (got->hit);

      g_assert_nonnull (got);
      g_assert_cmpstr (got->party_name, ==, want->party_name);
      g_assert_cmpstr (got->party_country, ==, want->party_country);
      g_assert_cmpstr (got->party_role, ==, want->party_role);
      g_assert_cmpstr (got->origin, ==, "batch");
      g_assert_cmpstr (got_party, ==, want_party);
      g_assert_cmpstr (got->list_code, ==, want->list_code);
      g_assert_cmpint (got->entry_row, ==, want->entry_row);
      g_assert_cmpstr (got->content_hash, ==, want->content_hash);
      g_assert_cmpstr (got->entry_name, ==, want->entry_name);
      g_assert_nonnull (got_entry);
      g_assert_cmpstr (got_entry, ==, want_entry);
      g_assert_cmpfloat (got->score, ==, want->score);
      g_assert_cmpstr (got->matched_name, ==, want->matched_name);
      g_assert_cmpstr (got->explanation, ==, want->explanation);
      g_assert_nonnull (got_hit);
      g_assert_cmpstr (got_hit, ==, want_hit);
      g_assert_cmpint (got->status, ==, CLR_REVIEW_STATUS_OPEN);
      g_assert_cmpstr (got->family_key, ==, want->family_key);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_unref (results[i]);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/store/review/names", test_names),
  CLR_TEST ("/store/review/record-once", test_record_once),
  CLR_TEST ("/store/review/result-outdated-by-decision", test_result_outdated_by_decision),
  CLR_TEST ("/store/review/decision-reused", test_decision_reused),
  CLR_TEST ("/store/review/decide-rejects", test_decide_rejects),
  CLR_TEST ("/store/review/reopen-on-entry-change", test_reopen_on_entry_change),
  CLR_TEST ("/store/review/filters", test_filters),
  CLR_TEST ("/store/review/async", test_async),
  CLR_TEST ("/store/review/many-parties-one-entry", test_many_parties_one_entry),
  CLR_TEST ("/store/review/batch-hits-as-json", test_batch_hits_as_json),
};

CLR_TEST_MAIN ("Test Reviewer", tests, Fixture, fixture_setup, clr_store_test_tear_down)
