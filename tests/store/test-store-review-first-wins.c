/* test-store-review-first-wins.c — a decided review item is not decided
 * again unless the decision is an explicit change; two writers on one
 * database: the first wins, the other is told who decided
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-review.h"
#include "clr-store-test.h"

#define N_ITEMS 50

typedef struct
{
  ClrStoreTest t;
  gint64       ids[N_ITEMS];   /* open review items, one party each */
} Fixture;

/* N_ITEMS parties, each with one hit on its own listed entry. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) parties = json_array_new ();
  g_autoptr(JsonArray) screening = json_array_new ();

  clr_store_test_set_up (&f->t, data);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *party_text = g_strdup_printf ("{\"role\": \"end_user\", \"name\": \"Party %u Trading\", "
                                                     "\"country\": \"CN\"}", i);
      g_autofree char *element_text = g_strdup_printf ("{\"party\": %u, \"hits\": [{\"list\": \"EL\", "
                                                       "\"entry_key\": \"EL:test-%u\", \"name\": \"PARTY %u TRADING\", "
                                                       "\"matched_name\": \"PARTY %u TRADING\", \"score\": 0.95, "
                                                       "\"content_hash\": \"hash-%u\"}]}", i, i, i, i, i);

      json_array_add_element (parties, clr_test_parse (party_text));
      json_array_add_element (screening, clr_test_parse (element_text));
    }
  g_assert_true (clr_store_review_annotate_screening_full (f->t.store, screening, parties, 0, "case", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      JsonArray *hits = clr_store_test_hits_of (screening, i);

      f->ids[i] = json_object_get_int_member (json_array_get_object_element (hits, 0), "review_id");
      g_assert_cmpint (f->ids[i], >, 0);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  clr_store_test_tear_down (&f->t, data);
}

static void
assert_chain_verifies (ClrStore *store)
{
  g_assert_cmpint (clr_store_test_verify_audit (store), >, 0);
}

/* Decides item @id with @decision off the calling thread and waits: through
 * the simple clr_store_review_decide_async() unless it is a change. */
static gboolean
decide_async_wait (ClrStore                *store,
                   gint64                   id,
                   const ClrReviewDecision *decision,
                   GError                 **error)
{
  ClrTestAsync wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  gboolean ok;

  if (decision->change)
    clr_store_review_decide_full_async (store, &id, 1, decision, NULL, NULL, clr_test_async_ready, &wait);
  else
    clr_store_review_decide_async (store, id, decision->status, decision->reason, decision->note, NULL, NULL,
                                   clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  ok = clr_store_review_decide_finish (store, result, error);
  g_main_loop_unref (wait.loop);
  return ok;
}

/* Deciding a decided item again is refused and names who decided it, when
 * and what; the first decision stands; the trail has one decision. */
static void
test_twice_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(GPtrArray) decides = NULL;
  g_autofree char *expected = NULL;
  ClrReviewDecision escalate = { CLR_REVIEW_STATUS_ESCALATED, CLR_REVIEW_REASON_OTHER, NULL, NULL, FALSE };

  g_assert_true (clr_store_review_decide (f->t.store, f->ids[0], CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, "First look", NULL, &error));
  g_assert_no_error (error);
  item = clr_store_review_get (f->t.store, f->ids[0], &error);
  g_assert_cmpstr (item->decided_by, ==, "Test Reviewer");
  g_assert_cmpstr (item->decided_by_user, ==, clr_store_get_user (f->t.store));
  g_assert_nonnull (item->decided_at);

  g_assert_false (clr_store_review_decide (f->t.store, f->ids[0], CLR_REVIEW_STATUS_MATCH,
                                           CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, "Second look", "Someone Else",
                                           &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED);
  expected = g_strdup_printf ("Item %" G_GINT64_FORMAT " was already decided by Test Reviewer (%s) at %s: "
                              "Not a match. Nothing was changed; to change it, use review decide --change.",
                              f->ids[0], clr_store_get_user (f->t.store), item->decided_at);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* the async variant is refused the same way */
  g_assert_false (decide_async_wait (f->t.store, f->ids[0], &escalate, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED, NULL);

  g_clear_pointer (&item, clr_review_item_unref);
  item = clr_store_review_get (f->t.store, f->ids[0], &error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_cmpint (item->reason, ==, CLR_REVIEW_REASON_DIFFERENT_ENTITY);
  g_assert_cmpstr (item->note, ==, "First look");
  g_assert_cmpstr (item->decided_by, ==, "Test Reviewer");

  decides = clr_store_test_audit_entries (f->t.store, CLR_AUDIT_REVIEW_DECIDE);
  g_assert_cmpuint (decides->len, ==, 1);
  assert_chain_verifies (f->t.store);
}

/* An explicit change is recorded; its audit entry says it was a change and
 * keeps the decision it replaced. */
static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(GPtrArray) decides = NULL;
  ClrReviewDecision change = { CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS,
                               "Documents arrived", NULL, TRUE };
  ClrReviewDecision escalate = { CLR_REVIEW_STATUS_ESCALATED, CLR_REVIEW_REASON_OTHER, NULL, "Legal", TRUE };
  ClrAuditEntry *entry;
  JsonObject *after, *before;

  g_assert_true (clr_store_review_decide (f->t.store, f->ids[1], CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, NULL, &error));
  g_assert_true (clr_store_review_decide_full (f->t.store, &f->ids[1], 1, &change, "Changer", &error));
  g_assert_no_error (error);

  item = clr_store_review_get (f->t.store, f->ids[1], &error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_MATCH);
  g_assert_cmpstr (item->note, ==, "Documents arrived");
  g_assert_cmpstr (item->decided_by, ==, "Changer");

  decides = clr_store_test_audit_entries (f->t.store, CLR_AUDIT_REVIEW_DECIDE);
  g_assert_cmpuint (decides->len, ==, 2);
  g_assert_false (json_object_has_member (json_node_get_object (((ClrAuditEntry *) decides->pdata[0])->after),
                                          "change"));
  entry = g_ptr_array_index (decides, 1);
  after = json_node_get_object (entry->after);
  before = json_node_get_object (entry->before);
  g_assert_true (json_object_get_boolean_member_with_default (after, "change", FALSE));
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "match");
  g_assert_cmpstr (json_object_get_string_member (before, "status"), ==, "no_match");
  g_assert_cmpstr (json_object_get_string_member (before, "reason"), ==, "different-entity");
  g_assert_cmpstr (entry->display_name, ==, "Changer");
  g_assert_cmpstr (entry->user, ==, clr_store_get_user (f->t.store));

  /* the async variant carries the change too */
  g_assert_true (decide_async_wait (f->t.store, f->ids[1], &escalate, &error));
  g_assert_no_error (error);
  g_clear_pointer (&item, clr_review_item_unref);
  item = clr_store_review_get (f->t.store, f->ids[1], &error);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_ESCALATED);
  g_assert_cmpstr (item->note, ==, "→ Legal");
  assert_chain_verifies (f->t.store);
}

/* A family of several items with one of them decided: nothing is stored. */
static void
test_family_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decides = NULL;
  gint64 family[] = { f->ids[2], f->ids[3], f->ids[4] };

  g_assert_true (clr_store_review_decide (f->t.store, f->ids[3], CLR_REVIEW_STATUS_ESCALATED,
                                          CLR_REVIEW_REASON_OTHER, NULL, "Other Reviewer", &error));
  g_assert_false (clr_store_review_decide_many (f->t.store, family, G_N_ELEMENTS (family), CLR_REVIEW_STATUS_NO_MATCH,
                                                CLR_REVIEW_REASON_NAME_COINCIDENCE, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED, "Other Reviewer");

  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    {
      g_autoptr(ClrReviewItem) item = clr_store_review_get (f->t.store, family[i], &error);

      g_assert_cmpint (item->status, ==, family[i] == f->ids[3] ? CLR_REVIEW_STATUS_ESCALATED
                                                                : CLR_REVIEW_STATUS_OPEN);
    }
  decides = clr_store_test_audit_entries (f->t.store, CLR_AUDIT_REVIEW_DECIDE);
  g_assert_cmpuint (decides->len, ==, 1);
  assert_chain_verifies (f->t.store);
}

typedef struct
{
  const char      *path;
  const gint64    *ids;
  ClrReviewStatus  status;
  const char      *reviewer;
  const char      *user;
  guint            n_decided;    /* out */
  guint            n_refused;    /* out */
  char            *failure;      /* out: any other error */
} Writer;

/* One writer: its own store on the file, every item decided in turn. */
static gpointer
writer_thread (gpointer user_data)
{
  Writer *w = user_data;
  g_autofree char *location = clr_test_database_as (w->path, w->user);
  g_autoptr(ClrStore) store = clr_store_new (location);
  g_autoptr(GError) error = NULL;

  /* Another reviewer: a login role of a server, a file's local user. */
  if (!clr_store_is_server (store))
    g_assert_true (clr_store_set_local_user (store, w->user));
  if (!clr_store_open (store, &error))
    {
      w->failure = g_strdup (error->message);
      return NULL;
    }
  for (guint i = 0; i < N_ITEMS; i++)
    {
      if (clr_store_review_decide (store, w->ids[i], w->status, CLR_REVIEW_REASON_OTHER, NULL, w->reviewer, &error))
        w->n_decided++;
      else if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED))
        w->n_refused++;
      else if (w->failure == NULL)
        w->failure = g_strdup (error->message);
      g_clear_error (&error);
    }
  return NULL;
}

/* Two writers, each with its own ClrStore on one file, decide the same 50
 * items differently: each item is decided once, by one of them; the trail
 * holds 50 decisions and verifies. */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decides = NULL;
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Writer writers[2] = {
    { f->t.path, f->ids, CLR_REVIEW_STATUS_MATCH, "Writer A", "anna", 0, 0, NULL },
    { f->t.path, f->ids, CLR_REVIEW_STATUS_NO_MATCH, "Writer B", "ben", 0, 0, NULL },
  };
  GThread *threads[2];

  for (guint w = 0; w < 2; w++)
    threads[w] = g_thread_new ("writer", writer_thread, &writers[w]);
  for (guint w = 0; w < 2; w++)
    g_thread_join (threads[w]);

  for (guint w = 0; w < 2; w++)
    {
      g_assert_null (writers[w].failure);
      g_assert_cmpuint (writers[w].n_decided + writers[w].n_refused, ==, N_ITEMS);
    }
  g_assert_cmpuint (writers[0].n_decided + writers[1].n_decided, ==, N_ITEMS);

  /* each item carries the decision of the writer whose audit entry it has */
  decides = clr_store_test_audit_entries (f->t.store, CLR_AUDIT_REVIEW_DECIDE);
  g_assert_cmpuint (decides->len, ==, N_ITEMS);
  for (guint i = 0; i < decides->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (decides, i);
      g_autoptr(ClrReviewItem) item = clr_store_review_get (f->t.store, g_ascii_strtoll (entry->subject_id, NULL, 10),
                                                            &error);

      g_assert_no_error (error);
      g_assert_true (g_hash_table_add (subjects, g_strdup (entry->subject_id)));
      g_assert_cmpstr (item->decided_by, ==, entry->display_name);
      g_assert_cmpstr (item->decided_by_user, ==, entry->user);
      g_assert_cmpstr (entry->user, ==, g_str_equal (entry->display_name, "Writer A") ? "anna" : "ben");
      g_assert_cmpint (item->status, ==, g_str_equal (entry->display_name, "Writer A") ? CLR_REVIEW_STATUS_MATCH
                                                                                        : CLR_REVIEW_STATUS_NO_MATCH);
    }
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, f->ids[i]);

      g_assert_true (g_hash_table_contains (subjects, subject));
    }
  assert_chain_verifies (f->t.store);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/review-first-wins/twice-refused", test_twice_refused),
  CLR_TEST ("/store/review-first-wins/change", test_change),
  CLR_TEST ("/store/review-first-wins/family-refused", test_family_refused),
  CLR_TEST ("/store/review-first-wins/two-writers", test_two_writers),
};

CLR_TEST_MAIN ("Test Reviewer", tests, Fixture, fixture_setup, fixture_teardown)
