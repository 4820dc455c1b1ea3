/* test-store-review-claim.c — a reviewer's claim on a hit keeps the others
 * off it for a while, and only for a while
 *
 * Runs on the engine of clr_test_engine (). The reviewers are two
 * connections as two users (PostgreSQL login roles, or the file's local
 * user).
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-store-review-claim.h"
#include "clr-store-test.h"

typedef ClrStoreTeamTest Fixture;

/* Two open hits in the queue. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  clr_store_team_test_set_up (f, data);
  clr_test_sql_exec (f->t.path,
                     "INSERT INTO review_items (id, party_key, party_name, origin, list_code, entry_key, score, "
                     "first_seen_at, last_seen_at) VALUES "
                     "(1, 'huawei', 'Huawei Technologies', 'batch', 'EL', 'el-1', 0.97, "
                     "'2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'), "
                     "(2, 'sugon', 'Sugon', 'batch', 'EL', 'el-2', 0.91, "
                     "'2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')");
}

static gboolean
decide (ClrStore  *store,
        gint64     id,
        GError   **error)
{
  ClrReviewDecision decision = { CLR_REVIEW_STATUS_NO_MATCH, CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, NULL };

  return clr_store_review_decide_full (store, &id, 1, &decision, NULL, error);
}

/* Anna's claim keeps Ben from claiming and from deciding, and names her;
 * her decision ends it. */
static void
test_claim_keeps_others_off (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewClaim) claim = NULL;

  g_assert_true (clr_store_review_claim (f->anna, 1, 15, NULL, &error));
  g_assert_no_error (error);

  claim = clr_store_review_get_claim (f->ben, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);
  g_assert_cmpstr (claim->claimed_by, ==, "Anna Albers");
  g_assert_cmpstr (claim->claimed_by_user, ==, "anna");

  g_assert_false (clr_store_review_claim (f->ben, 1, 15, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED, "Anna Albers (anna)");

  g_assert_false (decide (f->ben, 1, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED, NULL);
  g_assert_cmpint (clr_test_sql_int64 (f->t.path, "SELECT count(*) FROM review_items WHERE status = 'open'"), ==, 2);
  g_assert_false (clr_store_review_release (f->ben, 1, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED, NULL);

  /* The other item is free for Ben. */
  g_assert_true (clr_store_review_claim (f->ben, 2, 15, NULL, &error));
  g_assert_no_error (error);

  /* Anna renews her own claim, then decides: the claim ends with it. */
  g_assert_true (clr_store_review_claim (f->anna, 1, 30, NULL, &error));
  g_assert_true (decide (f->anna, 1, &error));
  g_assert_no_error (error);
  g_assert_null (clr_store_review_get_claim (f->ben, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clr_test_sql_int64 (f->t.path, "SELECT count(*) FROM review_claims"), ==, 1);

  /* A decided item is not claimed. */
  g_assert_false (clr_store_review_claim (f->ben, 1, 15, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID);
}

/* A claim ends by itself: once its time is up, anyone may take the item. */
static void
test_claim_expires (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_claim (f->anna, 1, 1, NULL, &error));
  /* As if Anna's program had been closed an hour ago. */
  clr_test_sql_exec (f->t.path, "UPDATE review_claims SET expires_at = '2026-01-01T00:00:00Z'");
  g_assert_null (clr_store_review_get_claim (f->ben, 1, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_review_claim (f->ben, 1, 15, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (clr_store_review_claim (f->anna, 1, 15, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED);
}

/* Releasing gives the item back at once; nonsense durations are refused. */
static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_claim (f->anna, 2, 15, NULL, &error));
  g_assert_true (clr_store_review_release (f->anna, 2, &error));
  g_assert_true (clr_store_review_claim (f->ben, 2, 15, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (clr_store_review_claim (f->anna, 1, 0, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_false (clr_store_review_claim (f->anna, 99, 15, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/review/claim/keeps-others-off", test_claim_keeps_others_off),
  CLR_TEST ("/store/review/claim/expires", test_claim_expires),
  CLR_TEST ("/store/review/claim/release", test_release),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, clr_store_team_test_tear_down)
