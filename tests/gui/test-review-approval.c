/* test-review-approval.c — another reviewer's work on the Review page:
 * four-eyes release (who cleared an item awaiting approval, and Approve only
 * for another reviewer) and claims (Claim for 15 Minutes, Release, and
 * another reviewer's claim holding the decision back)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-gui-test.h"
#include "clr-store-test.h"
#include "clr-store-audit.h"
#include "clr-store-review-approval.h"
#include "clr-store-review-claim.h"
#include "pages/clr-review-page-private.h"
#include "review/clr-review-queue.h"

static ClrApplication *app;

/* Waits for @done, and fails when it does not come. */
#define WAIT_FOR(done, seconds)                \
  G_STMT_START {                               \
    CLR_GUI_TEST_WAIT_UNTIL (done, seconds);   \
    g_assert_true (done);                      \
  } G_STMT_END

typedef struct
{
  ClrStore      *store;   /* the app's: this reviewer */
  char          *path;
  ClrStore      *alice;   /* another reviewer on the same database */
  GtkWindow     *window;
  ClrReviewPage *page;
  guint          loaded;
  gint64         id;      /* the Huawei hit */
} Fixture;

static void
wait_loaded (Fixture *f)
{
  clr_gui_test_reload_review_page (f->page, &f->loaded);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lists = g_strsplit ("DPL,SDN", ",", -1);
  ClrFourEyes setting = { TRUE, 0.5, lists };

  f->store = clr_gui_test_store_new ("approval", &f->path);
  clr_store_set_local_user (f->store, "bob");
  clr_store_audit_set_reviewer (f->store, "Bob");
  f->alice = clr_store_new (f->path);
  clr_store_set_local_user (f->alice, "alice");
  clr_store_audit_set_reviewer (f->alice, "Alice");
  g_assert_true (clr_store_open (f->alice, &error));
  g_assert_no_error (error);

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  g_assert_true (clr_store_set_four_eyes (f->store, &setting, &error));
  g_assert_no_error (error);
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, 0);
  {
    g_autoptr(GPtrArray) items = clr_store_test_review_list (f->store, CLR_REVIEW_STATUS_ANY, NULL, "EL");

    g_assert_cmpuint (items->len, >=, 1);
    f->id = ((ClrReviewItem *) g_ptr_array_index (items, 0))->id;
  }

  f->page = clr_gui_test_present_review_page (f->store, 1100, 720, &f->window, &f->loaded);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
  clr_gui_test_finalize_object (f->alice);
  clr_gui_test_finalize_object (f->store);
  g_free (f->path);
}

static void
clear_as (ClrStore *reviewer,
          gint64    id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_decide (reviewer, id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GtkWidget *
approve_button (Fixture *f)
{
  GtkWidget *button = clr_gui_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "Approve");

  g_assert_nonnull (button);
  return button;
}

static gboolean
is_label_with_prefix (GtkWidget     *widget,
                      gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static GtkLabel *
find_label (Fixture    *f,
            const char *prefix)
{
  return GTK_LABEL (clr_gui_test_find_match (GTK_WIDGET (f->page), is_label_with_prefix, prefix));
}

static void
show (Fixture *f,
      int      status)
{
  wait_loaded (f);
  clr_review_queue_set_status (clr_review_page_get_queue (f->page), status);
  g_assert_true (clr_review_page_select_item (f->page, f->id));
}

/* An open item has no approval and no Approve button. */
static void
test_open_item (Fixture       *f,
                gconstpointer  data)
{
  show (f, -1);
  g_assert_false (gtk_widget_is_visible (approve_button (f)));
  g_assert_null (find_label (f, "Cleared as not a match"));
}

/* Alice cleared it: Bob sees who, and may approve; then it is approved,
 * and the page says by whom. The queue filters the items waiting. */
static void
test_another_reviewer_approves (Fixture       *f,
                                gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  clear_as (f->alice, f->id);
  show (f, CLR_REVIEW_QUEUE_AWAITING_APPROVAL);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, 1);
  g_assert_nonnull (find_label (f, "Cleared as not a match by Alice (alice)"));
  button = approve_button (f);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  CLR_GUI_TEST_WAIT_UNTIL (f->loaded >= 2 && find_label (f, "Approved by Bob (bob)") != NULL, 10);
  stored = clr_store_review_get (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_true (clr_review_item_is_approved (stored));
  g_assert_cmpstr (stored->approved_by, ==, "Bob");

  clr_review_queue_set_status (queue, CLR_REVIEW_QUEUE_AWAITING_APPROVAL);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, 0);
  clr_review_queue_set_status (queue, -1);
  g_assert_true (clr_review_page_select_item (f->page, f->id));
  g_assert_nonnull (find_label (f, "Approved by Bob (bob)"));
  g_assert_false (gtk_widget_is_visible (approve_button (f)));
}

/* Bob's own clearance waits too, but his Approve button is disabled and
 * says why. */
static void
test_own_decision (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *button;

  clear_as (f->store, f->id);
  show (f, CLR_REVIEW_QUEUE_AWAITING_APPROVAL);
  button = approve_button (f);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "You decided this item; another reviewer must approve it");
}

static GtkWidget *
visible_button (Fixture    *f,
                const char *label)
{
  GtkWidget *button = clr_gui_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, label);

  return button != NULL && gtk_widget_is_visible (button) ? button : NULL;
}

static GtkWidget *
decision_button (Fixture    *f,
                 const char *action)
{
  GtkWidget *button = clr_gui_test_find_action_button (GTK_WIDGET (f->page), action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  return button;
}

static void
claim_as (ClrStore *reviewer,
          gint64    id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clr_store_review_claim (reviewer, id, CLR_REVIEW_CLAIM_DEFAULT_MINUTES, NULL, &error));
  g_assert_no_error (error);
}

/* Nobody holds the open item: Claim for 15 Minutes claims it for Bob, and
 * the card then says until when, with Release; Release gives it up. */
static void
test_claim_and_release (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClrReviewClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  show (f, -1);
  WAIT_FOR (visible_button (f, "Claim for 15 Minutes") != NULL, 10);
  button = visible_button (f, "Claim for 15 Minutes");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (visible_button (f, "Release"));
  g_assert_true (gtk_widget_is_sensitive (decision_button (f, "review.not-a-match")));

  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (visible_button (f, "Release") != NULL, 10);
  g_assert_nonnull (find_label (f, "You are reviewing this item until "));
  g_assert_null (visible_button (f, "Claim for 15 Minutes"));
  g_assert_true (gtk_widget_is_sensitive (decision_button (f, "review.not-a-match")));
  claim = clr_store_review_get_claim (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);
  g_assert_cmpstr (claim->claimed_by_user, ==, "bob");
  g_assert_cmpstr (claim->claimed_by, ==, "Bob");

  /* Alice cannot take it while Bob holds it. */
  g_assert_false (clr_store_review_claim (f->alice, f->id, 15, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_CLAIMED, NULL);

  g_signal_emit_by_name (visible_button (f, "Release"), "clicked");
  WAIT_FOR (visible_button (f, "Claim for 15 Minutes") != NULL, 10);
  g_clear_pointer (&claim, clr_review_claim_free);
  claim = clr_store_review_get_claim (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_null (claim);
}

/* Alice holds it: Bob sees who and until when, and the decision buttons are
 * off and say why; once Alice releases it, a reload turns them on again. */
static void
test_held_by_another (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  claim_as (f->alice, f->id);
  show (f, -1);
  WAIT_FOR (find_label (f, "Alice (alice) is reviewing this item until ") != NULL, 10);
  g_assert_null (visible_button (f, "Claim for 15 Minutes"));
  g_assert_null (visible_button (f, "Release"));
  for (guint i = 0; i < 3; i++)
    {
      const char *actions[] = { "review.match", "review.not-a-match", "review.escalate" };

      button = decision_button (f, actions[i]);
      g_assert_false (gtk_widget_is_sensitive (button));
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), "Alice (alice) is reviewing this item until "));
    }

  g_assert_true (clr_store_review_release (f->alice, f->id, &error));
  g_assert_no_error (error);
  wait_loaded (f);
  WAIT_FOR (visible_button (f, "Claim for 15 Minutes") != NULL, 10);
  g_assert_null (find_label (f, "Alice (alice) is reviewing"));
  button = decision_button (f, "review.not-a-match");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "The party is not the listed entry (Alt+N)");
}

/* Alice claims it after Bob's page read it as free: Bob's decision is
 * refused, the page says who holds it and shows their claim. */
static void
test_refused_decision (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(GError) error = NULL;

  show (f, -1);
  WAIT_FOR (visible_button (f, "Claim for 15 Minutes") != NULL, 10);
  claim_as (f->alice, f->id);
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_DIFFERENT_ENTITY, NULL);
  g_assert_true (clr_review_page_decide (f->page, CLR_REVIEW_STATUS_NO_MATCH));
  WAIT_FOR (strstr (clr_review_page_get_feedback (f->page), "is being reviewed by Alice (alice)") != NULL, 10);
  WAIT_FOR (find_label (f, "Alice (alice) is reviewing this item until ") != NULL, 10);
  g_assert_false (gtk_widget_is_sensitive (decision_button (f, "review.not-a-match")));
  stored = clr_store_review_get (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_OPEN);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/gui/review/approval/open-item", test_open_item),
  CLR_TEST ("/clearance/gui/review/approval/another-reviewer", test_another_reviewer_approves),
  CLR_TEST ("/clearance/gui/review/approval/own-decision", test_own_decision),
  CLR_TEST ("/clearance/gui/review/claim/claim-and-release", test_claim_and_release),
  CLR_TEST ("/clearance/gui/review/claim/held-by-another", test_held_by_another),
  CLR_TEST ("/clearance/gui/review/claim/refused-decision", test_refused_decision),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_setup, fixture_teardown)
