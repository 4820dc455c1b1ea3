/* test-audit-window.c — the Audit Log window: decisions in plain words, filters, Verify
 * Integrity (intact, then after tampering), Export CSV; a case's history on the Review page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "audit/clr-audit-event.h"
#include "audit/clr-audit-window-private.h"
#include "clr-gui-test.h"
#include "clr-store-test.h"
#include "clr-match-hit.h"
#include "clr-store-cases.h"
#include "clr-store-lists.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"
#include "clr-window-private.h"
#include "pages/clr-review-page-private.h"

static ClrApplication *app;

typedef struct
{
  char           *path;
  ClrStore       *store;
  gint64          case_id;
  gint64          huawei_id;   /* decided Not a match by Alice */
  gint64          other_id;    /* decided Match by Bob */
  ClrAuditWindow *window;
  guint           loaded;
  guint           verified;
  gboolean        intact;
  guint           exported;
  gboolean        export_ok;
} Fixture;

static void
verified_cb (ClrAuditWindow *window,
             gboolean        intact,
             Fixture        *f)
{
  f->verified++;
  f->intact = intact;
}

static void
exported_cb (ClrAuditWindow *window,
             gboolean        ok,
             Fixture        *f)
{
  f->exported++;
  f->export_ok = ok;
}

/* Records the hits of one party on case @case_id, as an evaluation does. */
static gint64
first_item_of (ClrStore   *store,
               const char *party)
{
  g_autoptr(GPtrArray) items = clr_store_test_review_list (store, CLR_REVIEW_STATUS_ANY, NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->party_name, party) == 0)
        return item->id;
    }
  g_assert_not_reached ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = json_from_string ("{\"reference\": \"PO-2291\", "
                                                   "\"destination\": \"CN\"}", &error);

  g_assert_no_error (error);
  if (data != NULL)
    {
      /* The application's own store, for the main window's Audit Log. */
      f->store = g_object_ref (clr_application_get_store (app));
    }
  else
    {
      f->store = clr_gui_test_store_new ("audit", &f->path);
    }
  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");

  f->case_id = clr_store_create_case (f->store, shipment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, f->case_id), >, 0);
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Rosoboronexport", "RU", NULL, 0), >, 0);
  f->huawei_id = first_item_of (f->store, "Huawei Technologies Co Ltd");
  f->other_id = first_item_of (f->store, "Rosoboronexport");

  g_assert_true (clr_store_review_decide (f->store, f->huawei_id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY,
                                          "Passport and address differ", "Alice Auditor", &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_review_decide (f->store, f->other_id, CLR_REVIEW_STATUS_MATCH,
                                          CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL,
                                          "Bob Reviewer", &error));
  g_assert_no_error (error);
}

static void
open_window (Fixture *f)
{
  f->window = CLR_AUDIT_WINDOW (clr_audit_window_new (f->store));
  g_signal_connect_swapped (f->window, "loaded", G_CALLBACK (clr_gui_test_count), &f->loaded);
  g_signal_connect (f->window, "verified", G_CALLBACK (verified_cb), f);
  g_signal_connect (f->window, "exported", G_CALLBACK (exported_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  clr_gui_test_wait_mapped (GTK_WIDGET (f->window));
  CLR_GUI_TEST_WAIT_UNTIL (f->loaded > 0, 20);
  g_assert_cmpuint (f->loaded, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (f->window, f);
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  clr_gui_test_iterate ();
  g_clear_object (&f->store);
  g_free (f->path);
}

static ClrAuditEvent *
find_event (GListModel *events,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClrAuditEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (clr_audit_event_get_title (event), title) == 0)
        return event;  /* the model holds it */
    }
  return NULL;
}

/* Every label's text below @root, "\n"-joined: what the window shows. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The party filter (the drop-downs hold search entries of their own). */
static gboolean
is_party_entry (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autofree char *placeholder = NULL;

  if (!GTK_IS_SEARCH_ENTRY (widget))
    return FALSE;
  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, "Filter by party") == 0;
}

#define find_party_entry(root) clr_gui_test_find_match ((root), is_party_entry, NULL)

/* The list view showing @events (the drop-downs' popovers hold their own). */
#define find_list_view(root, events) \
  GTK_WIDGET (clr_gui_test_find_list_view ((root), GTK_TYPE_NO_SELECTION, (events)))

static guint
count_reviewer (GListModel *events,
                const char *reviewer)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClrAuditEvent) event = g_list_model_get_item (events, i);

      n += g_strcmp0 (clr_audit_event_get_reviewer (event), reviewer) == 0;
    }
  return n;
}

#define NOT_A_MATCH "Not a match — Different entity — note “Passport and address differ”"

static void
test_words_and_filters (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *events;
  ClrAuditEvent *event;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *case_label = g_strdup_printf ("Case %" G_GINT64_FORMAT " · PO-2291", f->case_id);
  GtkWidget *party_entry;
  guint all;

  open_window (f);
  events = clr_audit_window_get_events (f->window);
  all = g_list_model_get_n_items (events);
  /* The list import and the two decisions at least. */
  g_assert_cmpuint (all, >=, 3);

  /* Who, when, what: the decision, previous → new, the hit, the case. */
  event = find_event (events, NOT_A_MATCH);
  g_assert_nonnull (event);
  g_assert_cmpstr (clr_audit_event_get_reviewer (event), ==, "Alice Auditor");
  g_assert_cmpstr (clr_audit_event_get_party (event), ==, "Huawei Technologies Co Ltd");
  g_assert_cmpint (clr_audit_event_get_review_id (event), ==, f->huawei_id);
  g_assert_nonnull (strstr (clr_audit_event_get_detail (event), "Open → Not a match"));
  g_assert_nonnull (strstr (clr_audit_event_get_detail (event),
                            "Huawei Technologies Co Ltd (CN) on EL entry “Huawei"));
  g_assert_nonnull (strstr (clr_audit_event_get_context (event), case_label));
  g_assert_nonnull (strstr (clr_audit_event_get_context (event), "Alice Auditor"));
  g_assert_nonnull (find_event (events, "Match — Confirmed by documents"));
  g_assert_nonnull (find_event (events, "List imported — Consolidated Screening List (trade.gov)"));
  /* Newest first. */
  {
    g_autoptr(ClrAuditEvent) first = g_list_model_get_item (events, 0);

    g_assert_cmpstr (clr_audit_event_get_title (first), ==, "Match — Confirmed by documents");
  }

  /* The rows say it on screen, not only the model. */
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  collect_labels (GTK_WIDGET (f->window), shown);
  g_assert_nonnull (strstr (shown->str, NOT_A_MATCH "\n"));
  g_assert_nonnull (strstr (shown->str, "Open → Not a match · Huawei Technologies Co Ltd (CN)"));
  g_assert_nonnull (strstr (shown->str, case_label));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "audit-window.png");
  /* It fits the app's narrowest width (360 px), filters and all. */
  {
    int min_width = 0;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
  }

  /* By reviewer: only Bob's decision. */
  g_assert_false (clr_audit_window_select_reviewer (f->window, "Nobody"));
  g_assert_true (clr_audit_window_select_reviewer (f->window, "Bob Reviewer"));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_cmpuint (count_reviewer (events, "Bob Reviewer"), ==, 1);
  g_assert_true (clr_audit_window_select_reviewer (f->window, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, all);

  /* By case: the Huawei decision is the case's only event. */
  g_assert_true (clr_audit_window_select_case (f->window, f->case_id));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_nonnull (find_event (events, NOT_A_MATCH));
  g_assert_true (clr_audit_window_select_case (f->window, 0));

  /* By party, typed into the search field. */
  party_entry = find_party_entry (GTK_WIDGET (f->window));
  g_assert_nonnull (party_entry);
  gtk_editable_set_text (GTK_EDITABLE (party_entry), "rosob");
  CLR_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (events) == 1, 5);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_nonnull (find_event (events, "Match — Confirmed by documents"));
}

static void
click_verify (Fixture *f)
{
  GtkWidget *button = clr_gui_test_find_action_button (GTK_WIDGET (f->window), "audit.verify");
  guint before = f->verified;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  clr_gui_test_wait_count (&f->verified, before, 20);
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  clr_test_sql_exec (f->path, sql);
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  gint64 n_entries = 0;
  g_autofree char *intact = NULL;

  open_window (f);
  g_assert_cmpstr (clr_audit_window_get_verify_text (f->window), ==, "");
  n_entries = g_list_model_get_n_items (clr_audit_window_get_events (f->window));

  click_verify (f);
  g_assert_true (f->intact);
  intact = g_strdup_printf ("Intact: %" G_GINT64_FORMAT " entries verified", n_entries);
  g_assert_true (g_str_has_prefix (clr_audit_window_get_verify_text (f->window), intact));

  /* Someone with sqlite3 rewrites who made decision 2 of the trail. */
  tamper (f, "DROP TRIGGER IF EXISTS audit_log_no_update; "
             "UPDATE audit_log SET display_name = 'Mallory' WHERE action = 'review.decide' "
             "AND display_name = 'Alice Auditor'");
  click_verify (f);
  g_assert_false (f->intact);
  g_assert_true (g_str_has_prefix (clr_audit_window_get_verify_text (f->window),
                                   "Broken at entry "));
  g_assert_nonnull (strstr (clr_audit_window_get_verify_text (f->window), "was altered"));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "audit-window-broken.png");
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (clr_gui_test_get_tmpdir (), "audit-export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) expected = g_memory_output_stream_new_resizable ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  open_window (f);
  clr_audit_window_export (f->window, file, CLR_AUDIT_FORMAT_CSV);
  CLR_GUI_TEST_WAIT_UNTIL (f->exported > 0, 20);
  g_assert_cmpuint (f->exported, ==, 1);
  g_assert_true (f->export_ok);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,at,user,display_name,action,subject_type,subject_id,case_id,"
                                 "before,after,prev_hash,hash");
  g_assert_nonnull (strstr (contents, ",Alice Auditor,review.decide,review,"));
  g_assert_nonnull (strstr (contents, "Passport and address differ"));

  /* Byte for byte what clearance-cli audit export writes. */
  g_assert_true (clr_store_audit_export (f->store, CLR_AUDIT_FORMAT_CSV, expected, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length,
                   g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (expected)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (expected)));
}

/* The Review page's "History of Case N": the case reference, the same plain
 * words, and each hit's row opens it. */
static void
test_review_history (Fixture       *f,
                     gconstpointer  data)
{
  ClrReviewPage *page;
  GtkWindow *window;
  GtkWidget *row;
  g_autofree char *title = g_strdup_printf ("History of Case %" G_GINT64_FORMAT " · PO-2291",
                                            f->case_id);
  g_autoptr(GVariant) target = NULL;
  gint64 review_id = 0;

  page = clr_gui_test_present_review_page (f->store, 1400, 900, &window, NULL);
  /* The decided hit, as the Audit Log's row opens it. */
  clr_review_page_show_hit (page, f->case_id, "Huawei Technologies Co Ltd", NULL, NULL,
                            f->huawei_id);
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (page) == f->huawei_id, 10);
  g_assert_cmpint (clr_review_page_get_shown_id (page), ==, f->huawei_id);

  CLR_GUI_TEST_WAIT_UNTIL (clr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                     NOT_A_MATCH) != NULL, 10);
  row = clr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, NOT_A_MATCH);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Open → Not a match"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.review-hit");
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
  g_variant_get_child (target, 4, "x", &review_id);
  g_assert_cmpint (review_id, ==, f->huawei_id);

  /* The group's title names the case with its reference. */
  {
    gboolean found = FALSE;

    for (GtkWidget *w = gtk_widget_get_parent (row); w != NULL; w = gtk_widget_get_parent (w))
      if (ADW_IS_PREFERENCES_GROUP (w))
        {
          g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), ==, title);
          found = TRUE;
          break;
        }
    g_assert_true (found);
  }

  gtk_window_destroy (window);
}

/* Main menu → Audit Log (win.audit-log) opens the window over the main
 * window; activating a decision's row opens its hit on the Review page. */
static void
test_open_hit (Fixture       *f,
               gconstpointer  data)
{
  ClrWindow *main_window = clr_window_new (app);
  ClrReviewPage *review;
  GListModel *events;
  GtkWidget *list_view;
  guint position = G_MAXUINT;

  gtk_window_set_default_size (GTK_WINDOW (main_window), 1400, 900);
  gtk_window_present (GTK_WINDOW (main_window));
  clr_gui_test_wait_mapped (GTK_WIDGET (main_window));
  clr_window_set_page (main_window, "shipment");
  review = CLR_REVIEW_PAGE (clr_window_get_page_widget (main_window, "review"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.audit-log", NULL));
  f->window = CLR_AUDIT_WINDOW (clr_gui_test_find_window (CLR_TYPE_AUDIT_WINDOW));
  g_assert_nonnull (f->window);
  g_object_ref (f->window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->window)) == GTK_WINDOW (main_window));
  g_signal_connect_swapped (f->window, "loaded", G_CALLBACK (clr_gui_test_count), &f->loaded);
  clr_gui_test_wait_mapped (GTK_WIDGET (f->window));
  events = clr_audit_window_get_events (f->window);
  CLR_GUI_TEST_WAIT_UNTIL (find_event (events, NOT_A_MATCH) != NULL, 20);

  /* The same action again raises the one window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.audit-log", NULL));
  clr_gui_test_iterate ();
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      n += CLR_IS_AUDIT_WINDOW (l->data);
    g_assert_cmpuint (n, ==, 1);
  }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClrAuditEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (clr_audit_event_get_title (event), NOT_A_MATCH) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  list_view = find_list_view (GTK_WIDGET (f->window), events);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", position);

  CLR_GUI_TEST_WAIT_UNTIL (clr_review_page_get_shown_id (review) == f->huawei_id, 20);
  g_assert_cmpstr (clr_window_get_page (main_window), ==, "review");
  g_assert_cmpint (clr_review_page_get_shown_id (review), ==, f->huawei_id);

  /* Closing the main window takes its Audit Log along. */
  g_signal_handlers_disconnect_by_data (f->window, f);
  gtk_window_destroy (GTK_WINDOW (main_window));
  clr_gui_test_iterate ();
  g_assert_null (clr_gui_test_find_window (CLR_TYPE_AUDIT_WINDOW));
  g_clear_object (&f->window);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/gui/audit/words-and-filters", test_words_and_filters),
  CLR_TEST ("/clearance/gui/audit/verify", test_verify),
  CLR_TEST ("/clearance/gui/audit/export-csv", test_export_csv),
  CLR_TEST ("/clearance/gui/audit/review-history", test_review_history),
  CLR_TEST_DATA ("/clearance/gui/audit/open-hit", test_open_hit, GINT_TO_POINTER (TRUE)),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_setup, fixture_teardown)
