/* test-shipment-hold.c — a case open in two programs is edited in one: the
 * Shipment page that finds its case held elsewhere shows who has it, keeps
 * the form read-only, and becomes editable once the other program lets go
 *
 * The other program is a second ClrStore on the app's database (its own
 * instance). SQLite announces nothing: the page hears the release when Try
 * Again is pressed, or when the store emits ::external-change as a team
 * server's announcement would.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "clr-gui-test.h"
#include "clr-json.h"
#include "clr-store-audit.h"
#include "clr-store-case-hold.h"
#include "clr-store-cases.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-case-hold-banner.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-shipment-form.h"

static ClrApplication *app;

typedef struct
{
  GtkWindow         *window;
  ClrShipmentPage   *page;
  ClrCaseHoldBanner *banner;
  ClrStore          *store;   /* the page's */
  ClrStore          *other;   /* another program on the same database */
  gint64             case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = clr_json_from_text ("{\"reference\": \"PO-HELD-1\", \"destination\": \"DE\"}", NULL);

  f->store = clr_application_get_store (app);
  f->other = clr_store_new (clr_store_get_path (f->store));
  g_assert_true (clr_store_open (f->other, &error));
  g_assert_no_error (error);
  clr_store_audit_set_reviewer (f->other, "Anna Albers");
  f->case_id = clr_store_create_case (f->other, doc, &error);
  g_assert_no_error (error);
  /* Held before the page starts: it reopens the most recent case, this one. */
  g_assert_true (clr_store_case_hold (f->other, f->case_id, NULL, NULL, &error));
  g_assert_no_error (error);

  f->page = CLR_SHIPMENT_PAGE (clr_shipment_page_new (f->store, clr_application_get_settings (app)));
  f->window = clr_gui_test_present (GTK_WIDGET (f->page), 1400, 900);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_ready (f->page), 20);
  g_assert_true (clr_shipment_page_get_ready (f->page));
  f->banner = clr_shipment_page_get_hold_banner (f->page);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
  g_clear_object (&f->other);
}

static gboolean
form_editable (Fixture *f)
{
  return gtk_widget_is_sensitive (clr_shipment_page_get_form (f->page));
}

/* Opens the case, held by the other program: banner, read-only form. */
static void
open_held_case (Fixture *f)
{
  ClrFieldRow *reference;

  clr_shipment_page_open_case (f->page, f->case_id);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (f->page) == f->case_id, 10);
  g_assert_cmpint (clr_shipment_page_get_case_id (f->page), ==, f->case_id);
  /* The database answers in a worker thread. */
  CLR_GUI_TEST_WAIT_UNTIL (clr_case_hold_banner_get_revealed (f->banner), 10);

  g_assert_true (clr_case_hold_banner_get_revealed (f->banner));
  g_assert_nonnull (strstr (clr_case_hold_banner_get_text (f->banner), "Anna Albers is editing this case (since "));
  g_assert_false (form_editable (f));
  g_assert_false (gtk_widget_is_sensitive (clr_gui_test_find_widget (clr_shipment_page_get_form (f->page),
                                                                     CLR_TYPE_FIELD_ROW, "Reference")));
  /* Reading works: the case is shown. */
  reference = (ClrFieldRow *) clr_gui_test_find_widget (clr_shipment_page_get_form (f->page),
                                                        CLR_TYPE_FIELD_ROW, "Reference");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "PO-HELD-1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (clr_case_hold_banner_get_button (f->banner))));

  /* Still held: Try Again changes nothing. */
  gtk_widget_activate (GTK_WIDGET (clr_case_hold_banner_get_button (f->banner)));
  clr_gui_test_iterate ();
  CLR_GUI_TEST_WAIT_UNTIL (FALSE, 1);
  g_assert_true (clr_case_hold_banner_get_revealed (f->banner));
  g_assert_false (form_editable (f));
}

/* The other program saves and closes the case; Try Again takes it, with
 * what the other program saved. */
static void
test_try_again (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) edit = clr_json_from_text ("{\"reference\": \"PO-HELD-2\", \"destination\": \"DE\"}", NULL);
  g_autoptr(ClrCaseHold) mine = NULL;
  g_autoptr(ClrCaseHold) theirs = NULL;
  ClrFieldRow *reference;

  open_held_case (f);

  g_assert_true (clr_store_save_case (f->other, f->case_id, edit, &error));
  g_assert_true (clr_store_case_release (f->other, f->case_id, &error));
  g_assert_no_error (error);

  gtk_widget_activate (GTK_WIDGET (clr_case_hold_banner_get_button (f->banner)));
  CLR_GUI_TEST_WAIT_UNTIL (form_editable (f), 10);
  g_assert_true (form_editable (f));
  g_assert_false (clr_case_hold_banner_get_revealed (f->banner));
  reference = (ClrFieldRow *) clr_gui_test_find_widget (clr_shipment_page_get_form (f->page),
                                                        CLR_TYPE_FIELD_ROW, "Reference");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "PO-HELD-2");

  /* The page holds it now: the other program is kept off. */
  mine = clr_store_case_get_hold (f->store, f->case_id, &error);
  g_assert_nonnull (mine);
  g_assert_true (mine->own);
  g_assert_false (clr_store_case_hold (f->other, f->case_id, NULL, &theirs, &error));
  g_assert_no_error (error);
  g_assert_nonnull (theirs);

  /* An edit on the page is saved. */
  clr_field_row_set_text (reference, "PO-HELD-3");
  g_assert_true (clr_shipment_page_flush (f->page, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clr_test_sql_int64 (clr_store_get_path (f->store),
                                       "SELECT count(*) FROM cases WHERE reference = 'PO-HELD-3'"), ==, 1);

  /* Closing the page gives the case up. */
  gtk_window_destroy (f->window);
  f->window = NULL;
  clr_gui_test_iterate ();
  g_assert_true (clr_store_case_hold (f->other, f->case_id, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A team server announces the release: the page takes the case by itself. */
static void
test_announced_release (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  open_held_case (f);
  g_assert_true (clr_store_case_release (f->other, f->case_id, &error));
  /* What ClrStore does when it hears another program's "case.release". */
  g_signal_emit_by_name (f->store, "external-change", "case.release", f->case_id, "released");
  CLR_GUI_TEST_WAIT_UNTIL (form_editable (f), 10);
  g_assert_true (form_editable (f));
  g_assert_false (clr_case_hold_banner_get_revealed (f->banner));
}

static gboolean
other_sees_hold (Fixture *f)
{
  g_autoptr(ClrCaseHold) hold = clr_store_case_get_hold (f->other, f->case_id, NULL);

  return hold != NULL;
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* The database is busy (another program writes for a while, or a team
 * server is slow): opening a case waits for its hold in a worker thread,
 * and the window keeps drawing and answering meanwhile. */
static void
test_busy_database (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCaseHold) hold = NULL;
  sqlite3 *writer = NULL;
  guint ticks = 0;
  guint tick_id;
  gint64 until;

  if (!clr_test_engine_is_sqlite ())
    return;
  /* The page's hold on the case at start is given up, so opening it again
   * asks the database; the other program holds nothing. */
  g_assert_true (clr_store_case_release (f->other, f->case_id, &error));
  clr_shipment_page_new_case (f->page);
  clr_gui_test_iterate ();

  g_assert_cmpint (sqlite3_open (clr_store_get_path (f->store), &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  clr_shipment_page_open_case (f->page, f->case_id);
  tick_id = g_timeout_add (20, tick_cb, &ticks);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (tick_id);
  /* About 50 ticks in that second; a main thread waiting on the lock
   * (10 s by default) would have seen none. */
  g_assert_cmpuint (ticks, >=, 10);
  g_assert_cmpint (clr_shipment_page_get_case_id (f->page), ==, f->case_id);
  hold = clr_store_case_get_hold (f->other, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_null (hold);

  /* The writer is done: the page gets its hold. */
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  CLR_GUI_TEST_WAIT_UNTIL (form_editable (f) && other_sees_hold (f), 10);
  hold = clr_store_case_get_hold (f->other, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hold);
  g_assert_false (hold->own);
  g_assert_true (form_editable (f));
  g_assert_false (clr_case_hold_banner_get_revealed (f->banner));

  /* Closed at once (the page may not have heard the answer yet): the case
   * is given up, not held until the lease ends. */
  gtk_window_destroy (f->window);
  f->window = NULL;
  g_assert_true (clr_store_case_hold (f->other, f->case_id, NULL, NULL, &error));
  g_assert_no_error (error);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/gui/shipment/hold/try-again", test_try_again),
  CLR_TEST ("/clearance/gui/shipment/hold/announced-release", test_announced_release),
  CLR_TEST ("/clearance/gui/shipment/hold/busy-database", test_busy_database),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_setup, fixture_teardown)
