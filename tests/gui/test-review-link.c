/* test-review-link.c — the Shipment and Review pages together in one window: the
 * party row's Review button opens its hit on the Review page, and a decision
 * there makes that case's result (and only that one) out of date
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-test.h"
#include "clr-store-lists.h"
#include "clr-store-review.h"
#include "clr-window-private.h"
#include "pages/clr-review-page-private.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-party-row.h"
#include "shipment/clr-result-pane.h"
#include "shipment/clr-shipment-form.h"
#define find_button(root, label) \
  ((GtkButton *) clr_gui_test_find_widget (GTK_WIDGET (root), GTK_TYPE_BUTTON, (label)))

#define find_field(root, title) \
  ((ClrFieldRow *) clr_gui_test_find_widget (GTK_WIDGET (root), CLR_TYPE_FIELD_ROW, (title)))

static ClrApplication *app;

#define SHIPMENT_JSON \
  "{\"reference\": \"%s\", \"date\": \"2025-06-01\", \"destination\": \"CN\"," \
  " \"exported_from\": \"US\"," \
  " \"items\": [{\"description\": \"NVIDIA H100 SXM5 80GB\", \"eccn\": \"3A090.a\", \"quantity\": 8," \
  "   \"unit_value\": 30000, \"currency\": \"USD\", \"tpp\": 15832, \"datacenter\": true}]," \
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Placeholder\", \"country\": \"%s\"}]," \
  " \"end_use\": {\"categories\": [\"datacenter\"]}}"

typedef struct
{
  ClrWindow       *window;
  ClrShipmentPage *shipment;
  ClrReviewPage   *review;
  ClrShipmentForm *form;
  ClrResultPane   *pane;
  guint            decided;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = clr_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  clr_gui_test_wait_mapped (GTK_WIDGET (f->window));
  clr_window_set_page (f->window, "shipment");
  f->shipment = CLR_SHIPMENT_PAGE (clr_window_get_page_widget (f->window, "shipment"));
  f->review = CLR_REVIEW_PAGE (clr_window_get_page_widget (f->window, "review"));
  g_signal_connect_swapped (f->review, "decided", G_CALLBACK (clr_gui_test_count), &f->decided);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_ready (f->shipment), 20);
  g_assert_true (clr_shipment_page_get_ready (f->shipment));
  f->form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (f->shipment));
  f->pane = CLR_RESULT_PANE (clr_shipment_page_get_result_pane (f->shipment));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->review, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  clr_gui_test_iterate ();
}

static gboolean
not_evaluating (ClrShipmentPage *page)
{
  return !clr_shipment_page_get_evaluating (page);
}

/* A new case for party @name in @country, typed into the form (so it is
 * screened inline, as when a user types); waits for the inline screening line. */
static ClrPartyRow *
new_case (Fixture    *f,
          const char *reference,
          const char *name,
          const char *country)
{
  g_autofree char *text = g_strdup_printf (SHIPMENT_JSON, reference, country);
  g_autoptr(JsonNode) document = json_from_string (text, NULL);
  ClrPartyRow *row;

  clr_shipment_page_new_case (f->shipment);
  clr_shipment_form_set_document (f->form, document);
  row = g_ptr_array_index (clr_shipment_form_get_party_rows (f->form), 0);
  clr_field_row_set_text (find_field (GTK_WIDGET (row), "Name"), name);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (f->shipment) != 0, 10);
  g_assert_cmpint (clr_shipment_page_get_case_id (f->shipment), >, 0);
  return row;
}

static void
wait_hit (ClrPartyRow *row)
{
  CLR_GUI_TEST_WAIT_UNTIL (clr_party_row_get_hit (row) != NULL, 20);
  g_assert_nonnull (clr_party_row_get_hit (row));
}

static void
evaluate (Fixture *f)
{
  clr_shipment_page_evaluate (f->shipment);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->shipment), 30);
  g_assert_false (clr_shipment_page_get_evaluating (f->shipment));
  g_assert_null (clr_result_pane_get_error (f->pane));
  g_assert_nonnull (clr_result_pane_get_verdict_text (f->pane));
  g_assert_false (clr_result_pane_get_stale (f->pane));
}

/* The queue item for @row's inline hit, as the store has it (NULL if none). */
static ClrReviewItem *
queue_item_for (ClrPartyRow *row)
{
  ClrStore *store = clr_application_get_store (app);
  JsonObject *hit = clr_party_row_get_hit (row);
  g_autofree char *key = clr_review_normalize_party_name (clr_party_row_get_name (row));
  g_autoptr(GPtrArray) items = clr_store_test_review_list (store, CLR_REVIEW_STATUS_ANY, NULL,
                                                            json_object_get_string_member (hit, "list"));

  for (guint i = 0; i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      if (item->entry_row == json_object_get_int_member (hit, "entry_row")
          && g_strcmp0 (item->party_key, key) == 0)
        return clr_review_item_ref (item);
    }
  return NULL;
}

static void
click_review (Fixture     *f,
              ClrPartyRow *row)
{
  GtkButton *button = find_button (GTK_WIDGET (row), "Re_view");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  CLR_GUI_TEST_WAIT_UNTIL (g_strcmp0 (clr_window_get_page (f->window), "review") == 0, 10);
  g_assert_cmpstr (clr_window_get_page (f->window), ==, "review");
}

/* Review on an evaluated case's hit selects that hit; "No match" there makes the
 * case's result out of date on the Shipment page. */
static void
test_review_then_decide (Fixture       *f,
                         gconstpointer  data)
{
  ClrPartyRow *row = new_case (f, "LINK-1", "Huawei Technologies Co Ltd", "CN");
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = clr_shipment_page_get_case_id (f->shipment);

  wait_hit (row);
  evaluate (f);

  click_review (f, row);
  item = queue_item_for (row);
  g_assert_nonnull (item);
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (f->review) == item->id, 10);
  g_assert_cmpint (clr_review_page_get_shown_id (f->review), ==, item->id);
  g_assert_cmpstr (clr_review_page_get_search (f->review), ==, "");

  /* The Shipment result is not touched by merely looking. */
  g_assert_false (clr_result_pane_get_stale (f->pane));

  clr_review_page_set_reason (f->review, CLR_REVIEW_REASON_DIFFERENT_ENTITY, "A Shenzhen reseller");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->review), "review.not-a-match", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1, 10);
  g_assert_cmpuint (f->decided, ==, 1);
  stored = clr_store_review_get (clr_application_get_store (app), item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_NO_MATCH);

  /* Back on the Shipment page the banner says the result is out of date. */
  clr_window_set_page (f->window, "shipment");
  g_assert_true (clr_result_pane_get_stale (f->pane));
  /* ... and why. */
  g_assert_cmpstr (clr_result_pane_get_stale_reason (f->pane), ==, "A review decision changed a hit of this case");
  g_assert_cmpint (clr_shipment_page_get_case_id (f->shipment), ==, case_id);

  /* Evaluating again takes the decision in and clears it. */
  evaluate (f);
}

/* A hit never evaluated is recorded on the case when the user asks to review it. */
static void
test_review_records_hit (Fixture       *f,
                         gconstpointer  data)
{
  ClrPartyRow *row = new_case (f, "LINK-2", "Inspur Group Co Ltd", "CN");
  gint64 case_id = clr_shipment_page_get_case_id (f->shipment);
  g_autoptr(ClrReviewItem) item = NULL;

  wait_hit (row);
  item = queue_item_for (row);
  g_assert_null (item);   /* inline screening alone records nothing */

  click_review (f, row);
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (f->review) != 0, 10);
  item = queue_item_for (row);
  g_assert_nonnull (item);
  g_assert_cmpint (item->case_id, ==, case_id);
  g_assert_cmpint (item->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpint (clr_review_page_get_shown_id (f->review), ==, item->id);
}

/* A hit the queue does not have: the queue is filtered to the party, and the page says why. */
static void
test_review_unknown_hit (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->shipment), "win.review-hit", "(xsssx)",
                                             (gint64) 0, "Nobody Trading Ltd", "EL", "no-such-entry",
                                             (gint64) 0));
  g_assert_cmpstr (clr_window_get_page (f->window), ==, "review");
  CLR_GUI_TEST_WAIT_UNTIL (g_strcmp0 (clr_review_page_get_search (f->review), "Nobody Trading Ltd") == 0, 10);
  g_assert_cmpstr (clr_review_page_get_search (f->review), ==, "Nobody Trading Ltd");
  g_assert_nonnull (strstr (clr_review_page_get_feedback (f->review), "is not in the review queue yet"));
  g_assert_cmpint (clr_review_page_get_shown_id (f->review), ==, 0);
}

/* A decision on one case's hit leaves another case's result alone; the case
 * it concerns shows stale when it is opened again. */
static void
test_only_affected_case (Fixture       *f,
                         gconstpointer  data)
{
  ClrPartyRow *row = new_case (f, "LINK-3", "Sugon", "CN");
  gint64 sugon_case = clr_shipment_page_get_case_id (f->shipment);
  g_autoptr(ClrReviewItem) item = NULL;
  gint64 other_case;

  wait_hit (row);
  evaluate (f);
  item = queue_item_for (row);
  g_assert_nonnull (item);

  /* Another case, evaluated, on screen while the Sugon hit is decided. */
  new_case (f, "LINK-4", "Acme Precision Optics GmbH", "DE");
  other_case = clr_shipment_page_get_case_id (f->shipment);
  g_assert_cmpint (other_case, !=, sugon_case);
  evaluate (f);

  clr_window_set_page (f->window, "review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->shipment), "win.review-hit", "(xsssx)",
                                             sugon_case, "Sugon", item->list_code, item->entry_key,
                                             (gint64) 0));
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (f->review) == item->id, 10);
  g_assert_cmpint (clr_review_page_get_shown_id (f->review), ==, item->id);
  clr_review_page_set_reason (f->review, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->review), "review.match", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1, 10);
  g_assert_cmpuint (f->decided, ==, 1);

  clr_window_set_page (f->window, "shipment");
  g_assert_cmpint (clr_shipment_page_get_case_id (f->shipment), ==, other_case);
  g_assert_false (clr_result_pane_get_stale (f->pane));

  /* The Sugon case, opened again, says its stored result is out of date. */
  clr_shipment_page_open_case (f->shipment, sugon_case);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (f->shipment) == sugon_case, 10);
  g_assert_cmpint (clr_shipment_page_get_case_id (f->shipment), ==, sugon_case);
  g_assert_nonnull (clr_result_pane_get_result (f->pane));
  g_assert_true (clr_result_pane_get_stale (f->pane));
}

/* The first activatable row below @root whose action is win.review-hit. */
static gboolean
is_hit_row (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.review-hit") == 0;
}

#define find_hit_row(root) clr_gui_test_find_match ((root), is_hit_row, NULL)

/* A click on a hit in the result's Screening list opens it on the Review page. */
static void
test_result_hit_opens_review (Fixture       *f,
                              gconstpointer  data)
{
  ClrPartyRow *row = new_case (f, "LINK-5", "Huawei Technologies Co Ltd", "CN");
  g_autoptr(ClrReviewItem) item = NULL;
  GtkWidget *hit_row;

  wait_hit (row);
  evaluate (f);
  item = queue_item_for (row);
  g_assert_nonnull (item);

  hit_row = find_hit_row (GTK_WIDGET (f->pane));
  g_assert_nonnull (hit_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (hit_row)));
  g_assert_true (gtk_widget_activate (hit_row));
  CLR_GUI_TEST_WAIT_UNTIL (g_strcmp0 (clr_window_get_page (f->window), "review") == 0, 10);
  g_assert_cmpstr (clr_window_get_page (f->window), ==, "review");
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (f->review) != 0, 10);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClrReviewItem) shown = clr_store_review_get (clr_application_get_store (app),
                                                           clr_review_page_get_shown_id (f->review), &error);

    g_assert_no_error (error);
    /* the hit of the first row: this party, on the listed entry of the row */
    g_assert_cmpstr (shown->party_key, ==, item->party_key);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hit_row)), shown->entry_name));
  }
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/gui/review-link/review-then-decide", test_review_then_decide),
  CLR_TEST ("/clearance/gui/review-link/review-records-hit", test_review_records_hit),
  CLR_TEST ("/clearance/gui/review-link/unknown-hit", test_review_unknown_hit),
  CLR_TEST ("/clearance/gui/review-link/only-affected-case", test_only_affected_case),
  CLR_TEST ("/clearance/gui/review-link/result-hit-opens-review", test_result_hit_opens_review),
};

int
main (int    argc,
      char **argv)
{
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();

  /* The lists the inline screening and the queue use, before any page loads its matcher. */
  clr_store_test_import_from (clr_application_get_store (app), "gui", "csl-v1.csv");
  CLR_TEST_ADD_CASES (tests, Fixture, fixture_setup, fixture_teardown);

  return clr_gui_test_run (app);
}
