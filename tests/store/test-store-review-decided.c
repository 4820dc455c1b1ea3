/* test-store-review-decided.c — ClrStore::review-decided: once per decided
 * item, after the commit, in the thread that made the store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-audit.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"
#include "clr-store-test.h"

typedef struct
{
  ClrStoreTest t;
  ClrStore  *store;     /* t.store */
  GPtrArray *heard;     /* "case/review/decision" strings */
  GThread   *thread;    /* where the last emission ran */
  GMainLoop *loop;
  gint64     ids[2];    /* the two review items of the fixture */
} Fixture;

static const TestEntry entries[] = {
  { "EL", "el-huawei", "Huawei Technologies Co., Ltd.", "CN", "Shenzhen, CN", NULL },
  { "SDN", "36", "ACME TRADING LLC", "IR", "Tehran, IR", NULL },
};

static void
review_decided_cb (ClrStore   *store,
                   gint64      case_id,
                   gint64      review_id,
                   const char *decision,
                   Fixture    *f)
{
  g_ptr_array_add (f->heard, g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s",
                                              case_id, review_id, decision));
  f->thread = g_thread_self ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parties = NULL;
  g_autoptr(JsonArray) screening = NULL;

  clr_store_test_set_up (&f->t, data);
  f->store = f->t.store;
  clr_store_test_write_version (f->store, "v1", entries, G_N_ELEMENTS (entries));

  parties = clr_test_parse ("[{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co. Ltd\", \"country\": \"CN\"},"
                        " {\"role\": \"consignee\", \"name\": \"Acme Trading LLC\", \"country\": \"IR\"}]");
  screening = clr_store_test_screen_parties (f->store, json_node_get_array (parties));
  g_assert_true (clr_store_review_annotate_screening_full (f->store, screening, json_node_get_array (parties),
                                                           7, "case", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      JsonArray *hits = clr_store_test_hits_of (screening, i);

      g_assert_cmpuint (json_array_get_length (hits), >=, 1);
      f->ids[i] = json_object_get_int_member (json_array_get_object_element (hits, 0), "review_id");
      g_assert_cmpint (f->ids[i], >, 0);
    }

  f->heard = g_ptr_array_new_with_free_func (g_free);
  f->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (f->store, "review-decided", G_CALLBACK (review_decided_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  f->store = NULL;
  clr_store_test_tear_down (&f->t, data);
  g_clear_pointer (&f->heard, g_ptr_array_unref);
  g_clear_pointer (&f->loop, g_main_loop_unref);
}

static char *
heard (gint64      review_id,
       const char *decision)
{
  return g_strdup_printf ("7/%" G_GINT64_FORMAT "/%s", review_id, decision);
}

/* A synchronous decision in the store's own thread: emitted before the call returns. */
static void
test_sync (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = heard (f->ids[0], "no_match");

  g_assert_true (clr_store_review_decide (f->store, f->ids[0], CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->heard->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->heard, 0), ==, expected);
  g_assert_true (f->thread == g_thread_self ());
}

/* Nothing is emitted for a decision that was not stored: a rejected one, or
 * a batch rolled back because one of its items does not exist. */
static void
test_rolled_back (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->ids[0], f->ids[1] + 1000 };

  g_assert_false (clr_store_review_decide (f->store, f->ids[0], CLR_REVIEW_STATUS_MATCH,
                                           CLR_REVIEW_REASON_NONE, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_false (clr_store_review_decide_many (f->store, ids, G_N_ELEMENTS (ids), CLR_REVIEW_STATUS_MATCH,
                                                CLR_REVIEW_REASON_OTHER, NULL, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->heard->len, ==, 0);

  /* The next transaction does not carry the rolled-back decision along. */
  g_clear_error (&error);
  g_assert_true (clr_store_review_decide (f->store, f->ids[1], CLR_REVIEW_STATUS_ESCALATED,
                                          CLR_REVIEW_REASON_OTHER, NULL, NULL, &error));
  g_assert_cmpuint (f->heard->len, ==, 1);
}

static void
decided_async_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_decide_finish (CLR_STORE (source), result, &error));
  g_assert_no_error (error);
  /* Already heard, in the main thread, by the time the caller learns of it. */
  g_assert_cmpuint (f->heard->len, ==, 2);
  g_main_loop_quit (f->loop);
}

/* A batch decided in a worker thread: one emission per item, in the thread
 * that made the store. */
static void
test_async_batch (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = heard (f->ids[0], "match");
  g_autofree char *second = heard (f->ids[1], "match");

  clr_store_review_decide_many_async (f->store, f->ids, 2, CLR_REVIEW_STATUS_MATCH,
                                      CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL, "GUI user",
                                      NULL, decided_async_cb, f);
  g_assert_cmpuint (f->heard->len, ==, 0);
  g_main_loop_run (f->loop);
  g_assert_cmpuint (f->heard->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->heard, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (f->heard, 1), ==, second);
  g_assert_true (f->thread == g_thread_self ());
}

/* Undo: a second audited decision per item restoring what it had, open
 * included; the trail still verifies; the store announces it too. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
  g_autoptr(ClrReviewItem) first = NULL;
  g_autoptr(ClrReviewItem) second = NULL;
  g_autofree char *reopened = heard (f->ids[0], "open");
  ClrReviewDecision escalate = { CLR_REVIEW_STATUS_ESCALATED, CLR_REVIEW_REASON_OTHER, "Check the address",
                                 " Compliance Lead " };
  ClrReviewDecision match_to = { CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_OTHER, NULL, "Someone" };
  ClrReviewDecision match_change = { CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL, NULL,
                                     TRUE };

  /* only an escalation names a recipient; it leads the note, trimmed */
  g_assert_false (clr_store_review_decide_full (f->store, f->ids, 1, &match_to, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_true (clr_store_review_decide_full (f->store, &f->ids[1], 1, &escalate, NULL, &error));
  g_assert_no_error (error);
  second = clr_store_review_get (f->store, f->ids[1], &error);
  g_assert_cmpstr (second->note, ==, "→ Compliance Lead\nCheck the address");
  g_clear_pointer (&second, clr_review_item_unref);

  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (before, clr_store_review_get (f->store, f->ids[i], &error));
  /* the second item is escalated: deciding it again is an explicit change */
  g_assert_true (clr_store_review_decide_full (f->store, f->ids, 2, &match_change, NULL, &error));
  g_ptr_array_set_size (f->heard, 0);

  g_assert_true (clr_store_review_restore (f->store, before, "Undoer", &error));
  g_assert_no_error (error);
  first = clr_store_review_get (f->store, f->ids[0], &error);
  second = clr_store_review_get (f->store, f->ids[1], &error);
  g_assert_cmpint (first->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpint (first->reason, ==, CLR_REVIEW_REASON_NONE);
  g_assert_cmpint (second->status, ==, CLR_REVIEW_STATUS_ESCALATED);
  g_assert_cmpint (second->reason, ==, CLR_REVIEW_REASON_OTHER);
  g_assert_cmpstr (second->note, ==, "→ Compliance Lead\nCheck the address");
  g_assert_cmpstr (second->decided_by, ==, "Undoer");
  g_assert_cmpuint (f->heard->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->heard, 0), ==, reopened);
  clr_store_test_verify_audit (f->store);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/review-decided/sync", test_sync),
  CLR_TEST ("/store/review-decided/rolled-back", test_rolled_back),
  CLR_TEST ("/store/review-decided/async-batch", test_async_batch),
  CLR_TEST ("/store/review-decided/restore", test_restore),
};

CLR_TEST_MAIN ("Test Reviewer", tests, Fixture, fixture_setup, fixture_teardown)
