/* test-store-review-approval.c — four-eyes release: a cleared hit waits for a
 * second, different reviewer's approval (issue 18 §3)
 *
 * Runs on the engine of clr_test_engine (): the reviewers are two
 * connections as two users (PostgreSQL login roles, or the file's local user).
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-review-approval.h"
#include "clr-store-rules.h"
#include "clr-store-test.h"

typedef struct
{
  ClrStoreTest t;
  ClrStore    *alice;   /* the first reviewer */
  ClrStore    *bob;     /* another */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  clr_store_test_set_up (&f->t, data);
  f->alice = clr_store_test_open_reviewer (&f->t, "alice", "Alice");
  f->bob = clr_store_test_open_reviewer (&f->t, "bob", "Bob");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->alice);
  g_clear_object (&f->bob);
  clr_store_test_tear_down (&f->t, data);
}

/* One party's screening with one hit on @list (entry @key, @score, entry
 * content @hash), as an evaluation hands it to the store. */
static JsonNode *
screening_of (const char *party,
              const char *list,
              const char *key,
              double      score,
              const char *hash)
{
  g_autofree char *text = g_strdup_printf (
    "[{\"party\": 0, \"hits\": [{\"list\": \"%s\", \"entry_key\": \"%s\", \"name\": \"%s LISTED\","
    " \"score\": %.2f, \"content_hash\": \"%s\"}]}]", list, key, party, score, hash);

  return clr_test_parse (text);
}

/* Records the hit and returns the "decision" it was annotated with; *@id
 * is its review item. */
static char *
annotate (Fixture    *f,
          const char *party,
          const char *list,
          const char *key,
          double      score,
          const char *hash,
          gint64     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) screening = screening_of (party, list, key, score, hash);
  g_autofree char *parties_text = g_strdup_printf ("[{\"role\": \"end_user\", \"name\": \"%s\"}]", party);
  g_autoptr(JsonNode) parties = clr_test_parse (parties_text);
  JsonObject *hit;

  g_assert_true (clr_store_review_annotate_screening (f->alice, json_node_get_array (screening),
                                                      json_node_get_array (parties), &error));
  g_assert_no_error (error);
  hit = json_array_get_object_element (clr_store_test_hits_of (json_node_get_array (screening), 0), 0);
  if (id != NULL)
    *id = json_object_get_int_member (hit, "review_id");
  return g_strdup (json_object_get_string_member (hit, "decision"));
}

static void
set_four_eyes (Fixture    *f,
               gboolean    enabled,
               double      min_score,
               const char *lists)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_strsplit (lists, ",", -1);
  ClrFourEyes setting = { enabled, min_score, codes };

  g_assert_true (clr_store_set_four_eyes (f->alice, &setting, &error));
  g_assert_no_error (error);
}

static void
clear_as (ClrStore *reviewer,
          gint64    id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_decide (reviewer, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, "not them", NULL, &error));
  g_assert_no_error (error);
}

/* Four-eyes on (0.9, DPL and SDN) and a 0.95 EL hit that Alice cleared. */
static gint64
cleared_by_alice (Fixture *f)
{
  gint64 id;

  set_four_eyes (f, TRUE, 0.9, "DPL,SDN");
  g_free (annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", &id));
  clear_as (f->alice, id);
  return id;
}

static ClrReviewItem *
get_item (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  ClrReviewItem *item = clr_store_review_get (f->alice, id, &error);

  g_assert_no_error (error);
  return item;
}

static void
assert_verifies (Fixture *f)
{
  clr_store_test_verify_audit (f->alice);
}

#define SKIP_WITHOUT_ENGINE(f) G_STMT_START { if ((f)->store == NULL) return; } G_STMT_END

/* The setting: off by default, at 0.9, DPL and SDN always; a change is
 * audited; bad values are refused naming them. */
static void
test_setting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(ClrFourEyes) setting = { 0 };
  g_auto(ClrFourEyes) again = { 0 };
  g_autoptr(GPtrArray) trail = NULL;
  ClrAuditEntry *last;
  const char *bad_lists[] = { "EL", "S D N", NULL };
  ClrFourEyes bad = { TRUE, 0.9, (GStrv) bad_lists };

  g_assert_true (clr_store_get_four_eyes (f->alice, &setting, &error));
  g_assert_false (setting.enabled);
  g_assert_cmpfloat_with_epsilon (setting.min_score, 0.9, 1e-9);
  g_assert_cmpstrv (setting.lists, ((const char *[]) { "DPL", "SDN", NULL }));

  set_four_eyes (f, TRUE, 0.75, "sdn, el,SDN");
  g_assert_true (clr_store_get_four_eyes (f->alice, &again, &error));
  g_assert_true (again.enabled);
  g_assert_cmpfloat_with_epsilon (again.min_score, 0.75, 1e-9);
  g_assert_cmpstrv (again.lists, ((const char *[]) { "SDN", "EL", NULL }));
  trail = clr_store_audit_list (f->alice, &error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "team.four_eyes");

  bad.min_score = 1.5;
  g_assert_false (clr_store_set_four_eyes (f->alice, &bad, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  bad.min_score = 0.9;
  g_assert_false (clr_store_set_four_eyes (f->alice, &bad, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "S D N"));
}

/* The minimum score's default is migration 0010's row, not a value in C: a
 * missing or malformed one is an error naming its key (nothing falls back
 * silently), the rest of the setting still reads, and setting a score
 * repairs it, audited with the damaged score as null. */
static void
test_damaged_score (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(ClrFourEyes) setting = { 0 };
  g_auto(ClrFourEyes) again = { 0 };
  g_autoptr(GPtrArray) trail = NULL;
  ClrAuditEntry *last;
  const char *location = clr_store_get_path (f->alice);

  set_four_eyes (f, TRUE, 0.75, "SDN");
  clr_test_sql_exec (location, "DELETE FROM meta WHERE key = 'four_eyes_min_score'");
  g_assert_false (clr_store_get_four_eyes (f->alice, &setting, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT, "four_eyes_min_score");
  g_assert_true (setting.enabled);
  g_assert_true (isnan (setting.min_score));
  g_assert_cmpstrv (setting.lists, ((const char *[]) { "SDN", NULL }));

  clr_test_sql_exec (location, "INSERT INTO meta (key, value) VALUES ('four_eyes_min_score', 'high')");
  clr_four_eyes_clear (&setting);
  g_assert_false (clr_store_get_four_eyes (f->alice, &setting, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT, "four_eyes_min_score");

  setting.min_score = 0.8;
  g_assert_true (clr_store_set_four_eyes (f->alice, &setting, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_get_four_eyes (f->alice, &again, &error));
  g_assert_cmpfloat_with_epsilon (again.min_score, 0.8, 1e-9);
  g_assert_true (again.enabled);
  trail = clr_store_audit_list (f->alice, &error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "team.four_eyes");
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (last->before), "min_score")));
}

/* Four-eyes off: "not a match" clears at once, as it always did. */
static void
test_off_clears (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 id;

  first = annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", &id);
  g_assert_cmpstr (first, ==, "open");
  clear_as (f->alice, id);
  second = annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", NULL);
  g_assert_cmpstr (second, ==, "no_match");
  item = get_item (f, id);
  g_assert_false (clr_review_item_is_awaiting_approval (item));

  g_assert_false (clr_store_review_approve (f->bob, id, "Bob", &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL);
  g_assert_nonnull (strstr (error->message, "not awaiting approval"));
}

/* On: a 0.95 EL hit cleared by Alice waits; she cannot approve it herself;
 * Bob can, and then it is cleared, audited, and the trail verifies. */
static void
test_second_reviewer (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) waiting = NULL;
  g_autoptr(ClrReviewItem) approved = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) screening = NULL;
  g_autoptr(JsonNode) parties = NULL;
  g_autoptr(JsonNode) result = NULL;
  ClrReviewFilter filter;
  ClrAuditEntry *last;
  gboolean current = FALSE;
  gint64 id;

  id = cleared_by_alice (f);

  waiting = get_item (f, id);
  g_assert_true (clr_review_item_is_awaiting_approval (waiting));
  g_assert_cmpstr (waiting->decided_by_user, ==, "alice");
  decision = annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", NULL);
  g_assert_cmpstr (decision, ==, "awaiting_approval");

  /* an evaluation annotated so is current: nothing to re-evaluate yet */
  screening = screening_of ("Acme Industries", "EL", "el-1", 0.95, "h1");
  parties = clr_test_parse ("[{\"role\": \"end_user\", \"name\": \"Acme Industries\"}]");
  g_assert_true (clr_store_review_annotate_screening (f->alice, json_node_get_array (screening),
                                                      json_node_get_array (parties), &error));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     clr_store_test_hits_of (json_node_get_array (screening), 0), 0), "decision"),
                   ==, "awaiting_approval");
  result = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (result, json_object_new ());
  json_object_set_member (json_node_get_object (result), "screening", json_node_copy (screening));
  g_assert_true (clr_store_review_result_is_current (f->alice, result, &current, &error));
  g_assert_true (current);

  clr_review_filter_init (&filter);
  filter.awaiting_approval_only = TRUE;
  queue = clr_store_review_list (f->alice, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (((ClrReviewItem *) g_ptr_array_index (queue, 0))->id, ==, id);

  /* Alice approving her own decision, even under another display name */
  g_assert_false (clr_store_review_approve (f->alice, id, "Someone Else", &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL);
  g_assert_cmpstr (error->message, ==, "You decided this item; another reviewer must approve it");
  g_clear_error (&error);

  g_assert_true (clr_store_review_approve (f->bob, id, "Bob", &error));
  g_assert_no_error (error);
  approved = get_item (f, id);
  g_assert_true (clr_review_item_is_approved (approved));
  g_assert_cmpstr (approved->approved_by, ==, "Bob");
  g_assert_cmpstr (approved->approved_by_user, ==, "bob");
  g_assert_cmpstr (approved->approved_hash, ==, "h1");
  g_assert_nonnull (approved->approved_at);
  after = annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", NULL);
  g_assert_cmpstr (after, ==, "no_match");
  g_assert_true (clr_store_review_result_is_current (f->alice, result, &current, &error));
  g_assert_false (current);

  /* approving twice */
  g_assert_false (clr_store_review_approve (f->bob, id, "Bob", &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL, "already approved by Bob");

  trail = clr_store_audit_list (f->alice, &error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "review.approve");
  g_assert_cmpstr (last->display_name, ==, "Bob");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (last->after), "approved_by_user"), ==, "bob");
  assert_verifies (f);
}

/* The trail catches an approval (or a dropped requirement) written with SQL. */
static void
test_forged_approval (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *forge = NULL;
  g_autofree char *drop = NULL;
  gint64 id;

  id = cleared_by_alice (f);
  assert_verifies (f);

  drop = g_strdup_printf ("UPDATE review_items SET approval_required = 0 WHERE id = %" G_GINT64_FORMAT, id);
  clr_test_sql_exec (f->t.path, drop);
  g_assert_false (clr_store_audit_verify (f->alice, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT, "four-eyes");

  forge = g_strdup_printf ("UPDATE review_items SET approval_required = 1, approved_by = 'Mallory', "
                           "approved_by_user = 'mallory', approved_at = '2026-01-01T00:00:00Z' "
                           "WHERE id = %" G_GINT64_FORMAT, id);
  clr_test_sql_exec (f->t.path, forge);
  g_assert_false (clr_store_audit_verify (f->alice, NULL, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "no approval"));
}

/* The entry changed after Alice's decision: Bob's approval is refused. */
static void
test_entry_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autofree char *decision = NULL;
  gint64 id;

  id = cleared_by_alice (f);

  /* screened again against the entry's new content */
  decision = annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h2", NULL);
  g_assert_cmpstr (decision, ==, "open");

  g_assert_false (clr_store_review_approve (f->bob, id, "Bob", &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL, "changed");
  item = get_item (f, id);
  g_assert_null (item->approved_at);
  assert_verifies (f);
}

/* The content hash the decision was made on is checked at approval time
 * too, should the item's hash move without a reopen. */
static void
test_hash_moved (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  id = cleared_by_alice (f);
  sql = g_strdup_printf ("UPDATE review_items SET content_hash = 'h3' WHERE id = %" G_GINT64_FORMAT, id);
  clr_test_sql_exec (f->t.path, sql);

  g_assert_false (clr_store_review_approve (f->bob, id, "Bob", &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_APPROVAL, "changed since Alice cleared it");
}

/* Below the score: an EL hit clears at once, an SDN or DPL hit still waits. */
static void
test_always_lists (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *el = NULL;
  g_autofree char *sdn = NULL;
  g_autofree char *dpl = NULL;
  gint64 el_id, sdn_id, dpl_id;

  set_four_eyes (f, TRUE, 0.9, "DPL,SDN");
  g_free (annotate (f, "Acme Industries", "EL", "el-1", 0.80, "h1", &el_id));
  g_free (annotate (f, "Acme Industries", "SDN", "sdn-7", 0.80, "h7", &sdn_id));
  g_free (annotate (f, "Acme Industries", "DPL", "dpl-9", 0.70, "h9", &dpl_id));
  clear_as (f->alice, el_id);
  clear_as (f->alice, sdn_id);
  clear_as (f->alice, dpl_id);

  el = annotate (f, "Acme Industries", "EL", "el-1", 0.80, "h1", NULL);
  sdn = annotate (f, "Acme Industries", "SDN", "sdn-7", 0.80, "h7", NULL);
  dpl = annotate (f, "Acme Industries", "DPL", "dpl-9", 0.70, "h9", NULL);
  g_assert_cmpstr (el, ==, "no_match");
  g_assert_cmpstr (sdn, ==, "awaiting_approval");
  g_assert_cmpstr (dpl, ==, "awaiting_approval");
  assert_verifies (f);
}

/* On: an escalation names its approver; off, it need not. */
static void
test_escalation_recipient (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClrReviewDecision bare = { CLR_REVIEW_STATUS_ESCALATED, CLR_REVIEW_REASON_OTHER, "unsure", NULL };
  ClrReviewDecision named = { CLR_REVIEW_STATUS_ESCALATED, CLR_REVIEW_REASON_OTHER, "unsure", "Carol" };
  g_autoptr(ClrReviewItem) item = NULL;
  gint64 id, other;

  g_free (annotate (f, "Acme Industries", "EL", "el-1", 0.95, "h1", &id));
  g_free (annotate (f, "Acme Industries", "EL", "el-2", 0.95, "h2", &other));
  g_assert_true (clr_store_review_decide_full (f->alice, &other, 1, &bare, NULL, &error));
  g_assert_no_error (error);

  set_four_eyes (f, TRUE, 0.9, "DPL,SDN");
  g_assert_false (clr_store_review_decide_full (f->alice, &id, 1, &bare, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, "approver");
  item = get_item (f, id);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_OPEN);

  g_assert_true (clr_store_review_decide_full (f->alice, &id, 1, &named, NULL, &error));
  g_assert_no_error (error);
  assert_verifies (f);
}

static const char *
verdict_of (JsonNode *result)
{
  return json_object_get_string_member (json_node_get_object (result), "verdict");
}

static JsonObject *
first_hit (JsonNode *result)
{
  JsonArray *screening = json_object_get_array_member (json_node_get_object (result), "screening");

  return json_array_get_object_element (clr_store_test_hits_of (screening, 0), 0);
}

/* Through an evaluation: the hit awaiting approval holds the shipment
 * like an open one; once approved it is cleared. */
static void
test_evaluation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (
    "{\"date\": \"2025-06-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Zhipu AI\", \"country\": \"CN\"}]}");
  g_autoptr(JsonNode) open = NULL;
  g_autoptr(JsonNode) waiting = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autofree char *open_verdict = NULL;
  gint64 id;

  clr_store_test_import_data (f->alice, "csl-v2.csv");
  set_four_eyes (f, TRUE, 0.0, "");

  open = clr_store_evaluate_shipment (f->alice, shipment, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (first_hit (open), "decision"), ==, "open");
  open_verdict = g_strdup (verdict_of (open));
  id = json_object_get_int_member (first_hit (open), "review_id");
  {
    JsonArray *hits = clr_store_test_hits_of (json_object_get_array_member (json_node_get_object (open),
                                                                            "screening"), 0);

    for (guint i = 0; i < json_array_get_length (hits); i++)
      clear_as (f->alice, json_object_get_int_member (json_array_get_object_element (hits, i), "review_id"));
  }

  waiting = clr_store_evaluate_shipment (f->alice, shipment, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (first_hit (waiting), "decision"), ==, "awaiting_approval");
  g_assert_cmpstr (verdict_of (waiting), ==, open_verdict);

  {
    JsonArray *hits = clr_store_test_hits_of (json_object_get_array_member (json_node_get_object (waiting),
                                                                            "screening"), 0);

    for (guint i = 0; i < json_array_get_length (hits); i++)
      {
        g_assert_true (clr_store_review_approve (f->bob, json_object_get_int_member (
                         json_array_get_object_element (hits, i), "review_id"), "Bob", &error));
        g_assert_no_error (error);
      }
  }
  cleared = clr_store_evaluate_shipment (f->alice, shipment, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (first_hit (cleared), "review_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (first_hit (cleared), "decision"), ==, "no_match");
  g_assert_cmpstr (verdict_of (cleared), !=, open_verdict);
  assert_verifies (f);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/four-eyes/setting", test_setting),
  CLR_TEST ("/store/four-eyes/damaged-score", test_damaged_score),
  CLR_TEST ("/store/four-eyes/off-clears", test_off_clears),
  CLR_TEST ("/store/four-eyes/second-reviewer", test_second_reviewer),
  CLR_TEST ("/store/four-eyes/forged-approval", test_forged_approval),
  CLR_TEST ("/store/four-eyes/entry-changed", test_entry_changed),
  CLR_TEST ("/store/four-eyes/hash-moved", test_hash_moved),
  CLR_TEST ("/store/four-eyes/always-lists", test_always_lists),
  CLR_TEST ("/store/four-eyes/escalation-recipient", test_escalation_recipient),
  CLR_TEST ("/store/four-eyes/evaluation", test_evaluation),
};

CLR_TEST_MAIN ("Test Reviewer", tests, Fixture, fixture_set_up, fixture_tear_down)
