/* test-store-case-hold.c — a case open in two programs is edited in one:
 * the other is told who has it and cannot save it until it is released
 *
 * Runs on the engine of clr_test_engine (). The programs are connections
 * as two users (PostgreSQL login roles, or the file's local user), and two
 * connections of one user (one person with two apps).
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-json.h"
#include "clr-store-audit.h"
#include "clr-store-case-hold.h"
#include "clr-store-cases.h"
#include "clr-store-test.h"

typedef struct
{
  ClrStoreTest t;
  ClrStore    *anna;
  ClrStore    *ben;
  gint64       case_id;
} Fixture;

static JsonNode *
document (const char *reference)
{
  g_autofree char *text = g_strdup_printf ("{\"reference\": \"%s\", \"destination\": \"DE\"}", reference);

  return clr_json_from_text (text, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) doc = document ("PO-1");
  g_autoptr(GError) error = NULL;

  clr_store_test_set_up (&f->t, data);
  f->anna = clr_store_test_open_as (&f->t, "anna");
  f->ben = clr_store_test_open_as (&f->t, "ben");
  clr_store_audit_set_reviewer (f->anna, "Anna Albers");
  clr_store_audit_set_reviewer (f->ben, "Ben Brandt");
  f->case_id = clr_store_create_case (f->anna, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->case_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->anna);
  g_clear_object (&f->ben);
  clr_store_test_tear_down (&f->t, data);
}

static char *
stored_reference (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) found = clr_store_get_case (f->t.store, f->case_id, &error);

  g_assert_no_error (error);
  return g_strdup (found->reference);
}

/* Anna's hold keeps Ben from holding and from saving, and names her. */
static void
test_hold_keeps_others_off (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(ClrCaseHold) seen = NULL;
  g_autoptr(JsonNode) edit = document ("PO-ben");
  g_autoptr(JsonNode) result = clr_json_from_text ("{\"verdict\": \"clear\"}", NULL);
  g_autofree char *reference = NULL;

  g_assert_true (clr_store_case_hold (f->anna, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_null (other);

  g_assert_false (clr_store_case_hold (f->ben, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_cmpstr (other->held_by, ==, "Anna Albers");
  g_assert_cmpstr (other->held_by_user, ==, "anna");
  g_assert_false (other->own);
  g_assert_nonnull (other->since);

  seen = clr_store_case_get_hold (f->ben, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen);
  g_assert_cmpstr (seen->held_by, ==, "Anna Albers");
  g_assert_cmpstr (seen->since, ==, other->since);

  /* Ben's saves are refused, and nothing of his is stored. */
  g_assert_false (clr_store_save_case (f->ben, f->case_id, edit, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED);
  g_assert_nonnull (strstr (error->message, "Anna Albers (anna)"));
  g_clear_error (&error);
  reference = stored_reference (f);
  g_assert_cmpstr (reference, ==, "PO-1");
  g_assert_false (clr_store_set_case_archived (f->ben, f->case_id, TRUE, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED);
  g_clear_error (&error);
  g_assert_cmpint (clr_test_sql_int64 (f->t.path, "SELECT count(*) FROM cases WHERE status = 'archived'"), ==, 0);
  /* Re-evaluating is not editing: Ben's evaluation is stored. */
  g_assert_true (clr_store_save_case_result (f->ben, f->case_id, result, &error));
  g_assert_no_error (error);

  /* Ben's release does not end Anna's hold. */
  g_assert_true (clr_store_case_release (f->ben, f->case_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&other, clr_case_hold_free);
  g_assert_false (clr_store_case_hold (f->ben, f->case_id, NULL, &other, &error));
  g_assert_nonnull (other);

  /* Anna saves; her renewal keeps the time she took it. */
  g_assert_true (clr_store_save_case (f->anna, f->case_id, edit, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_case_hold (f->anna, f->case_id, "Anna on her laptop", NULL, &error));
  g_clear_pointer (&seen, clr_case_hold_free);
  seen = clr_store_case_get_hold (f->anna, f->case_id, &error);
  g_assert_true (seen->own);
  g_assert_cmpstr (seen->held_by, ==, "Anna on her laptop");
  g_assert_cmpstr (seen->since, ==, other->since);
}

/* Released, the case is Ben's to take and save. */
static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(JsonNode) edit = document ("PO-ben");
  g_autofree char *reference = NULL;

  g_assert_true (clr_store_case_hold (f->anna, f->case_id, NULL, NULL, &error));
  g_assert_true (clr_store_case_release (f->anna, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_null (clr_store_case_get_hold (f->ben, f->case_id, &error));
  g_assert_no_error (error);

  g_assert_true (clr_store_case_hold (f->ben, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_null (other);
  g_assert_true (clr_store_save_case (f->ben, f->case_id, edit, &error));
  g_assert_no_error (error);
  reference = stored_reference (f);
  g_assert_cmpstr (reference, ==, "PO-ben");

  g_assert_false (clr_store_case_hold (f->anna, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other->held_by, ==, "Ben Brandt");

  /* Nothing to hold on a case that is not there. */
  g_assert_false (clr_store_case_hold (f->ben, 999, NULL, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

/* A hold ends by itself: once its time is up, another program takes it. */
static void
test_expired_hold_is_taken (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(JsonNode) edit = document ("PO-ben");

  g_assert_true (clr_store_case_hold (f->anna, f->case_id, NULL, NULL, &error));
  /* As if Anna's program had been killed an hour ago. */
  clr_test_sql_exec (f->t.path, "UPDATE case_holds SET expires_at = '2026-01-01T00:00:00Z'");
  g_assert_null (clr_store_case_get_hold (f->ben, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_save_case (f->ben, f->case_id, edit, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_case_hold (f->ben, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_null (other);
  g_assert_false (clr_store_case_hold (f->anna, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other->held_by, ==, "Ben Brandt");
}

/* One person with two apps: the second app sees the first one's hold. */
static void
test_same_user_two_programs (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) second = clr_store_test_open_as (&f->t, "anna");
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(JsonNode) edit = document ("PO-second");

  clr_store_audit_set_reviewer (second, "Anna Albers");
  g_assert_true (clr_store_case_hold (f->anna, f->case_id, NULL, NULL, &error));
  g_assert_false (clr_store_case_hold (second, f->case_id, NULL, &other, &error));
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_cmpstr (other->held_by_user, ==, "anna");
  g_assert_false (clr_store_save_case (second, f->case_id, edit, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED);
  g_clear_error (&error);

  g_assert_true (clr_store_case_release (f->anna, f->case_id, &error));
  g_assert_true (clr_store_case_hold (second, f->case_id, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The same off the main thread (as the app takes and releases holds): the
 * holder is told, a taken hold is reported taken, a release releases. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCaseHold) other = NULL;
  g_autoptr(ClrCaseHold) hold = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ClrTestAsync wait = { loop, NULL };
  GAsyncResult *result;

  clr_store_case_hold_async (f->anna, f->case_id, NULL, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_true (clr_store_case_hold_finish (f->anna, result, &other, &error));
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_null (other);

  clr_store_case_hold_async (f->ben, f->case_id, NULL, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_false (clr_store_case_hold_finish (f->ben, result, &other, &error));
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_cmpstr (other->held_by, ==, "Anna Albers");
  g_assert_false (other->own);

  clr_store_case_release_async (f->anna, f->case_id, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  g_assert_true (clr_store_case_release_finish (f->anna, result, &error));
  g_object_unref (result);
  g_assert_no_error (error);
  hold = clr_store_case_get_hold (f->ben, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_null (hold);

  /* An unknown case is an error, not a hold. */
  clr_store_case_hold_async (f->ben, f->case_id + 1000, NULL, NULL, clr_test_async_ready, &wait);
  g_clear_pointer (&other, clr_case_hold_free);
  result = clr_test_async_wait (&wait);
  g_assert_false (clr_store_case_hold_finish (f->ben, result, &other, &error));
  g_object_unref (result);
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
  g_assert_null (other);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/case/hold/keeps-others-off", test_hold_keeps_others_off),
  CLR_TEST ("/store/case/hold/release", test_release),
  CLR_TEST ("/store/case/hold/expired", test_expired_hold_is_taken),
  CLR_TEST ("/store/case/hold/same-user-two-programs", test_same_user_two_programs),
  CLR_TEST ("/store/case/hold/async", test_async),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
