/* test-first-run.c — the first start with no lists: the Shipment page's
 * banner and Load Lists, the empty case list, and no red error while the
 * rule pack loads
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-test.h"
#include "clr-window-private.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-field-row.h"

static ClrApplication *app;

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

#define find_label(root, text) clr_gui_test_find_match ((root), is_label, (text))

static void
test_first_run (void)
{
  ClrWindow *window = clr_window_new (app);
  GtkWidget *widget = GTK_WIDGET (window);
  ClrShipmentPage *page;
  GtkRevealer *banner;
  GtkWidget *load_lists;
  GtkWidget *placeholder;

  clr_window_set_page (window, "shipment");
  gtk_window_present (GTK_WINDOW (window));
  clr_gui_test_wait_mapped (widget);
  page = CLR_SHIPMENT_PAGE (clr_window_get_page_widget (window, "shipment"));
  banner = clr_shipment_page_get_lists_banner (page);

  /* No list loaded: the banner asks for them. */
  CLR_GUI_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (banner), 20);
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* No case saved yet: the case list says so instead of staying blank. */
  g_assert_null (gtk_list_box_get_row_at_index (clr_shipment_page_get_case_list (page), 0));
  placeholder = find_label (GTK_WIDGET (clr_shipment_page_get_case_list (page)), "No cases yet");
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_get_visible (placeholder));

  /* Load Lists goes to the Lists page, where the download and import are. */
  load_lists = clr_gui_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, "Load Lists");
  g_assert_nonnull (load_lists);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (load_lists)), ==, "_Load Lists");
  g_signal_emit_by_name (load_lists, "clicked");
  clr_gui_test_iterate ();
  g_assert_cmpstr (clr_window_get_page (window), ==, "lists");

  /* Lists loaded, back on the Shipment page: the banner is gone. */
  clr_store_test_import_from (clr_application_get_store (app), "gui", "csl-v1.csv");
  clr_window_set_page (window, "shipment");
  CLR_GUI_TEST_WAIT_UNTIL (!gtk_revealer_get_reveal_child (banner), 20);
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));
  clr_gui_test_iterate ();
  g_assert_null (widget);
}

/* Before the rule pack is in, a country or ECCN is not "wrong": the field
 * says the rules are loading, not a red error. */
static void
test_loading_rules_is_not_an_error (void)
{
  GtkWidget *row = clr_field_row_new (CLR_FIELD_COUNTRY, "Destination", TRUE);
  GtkWidget *eccn = clr_field_row_new (CLR_FIELD_ECCN, "ECCN", TRUE);
  GtkWindow *window;
  GtkWidget *box = gtk_list_box_new ();

  gtk_list_box_append (GTK_LIST_BOX (box), row);
  gtk_list_box_append (GTK_LIST_BOX (box), eccn);
  window = clr_gui_test_present (box, 400, 300);

  clr_field_row_set_text (CLR_FIELD_ROW (row), "CN");
  clr_field_row_set_text (CLR_FIELD_ROW (eccn), "3A090");
  g_assert_null (clr_field_row_get_error (CLR_FIELD_ROW (row)));
  g_assert_null (clr_field_row_get_error (CLR_FIELD_ROW (eccn)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_has_css_class (eccn, "error"));
  g_assert_nonnull (find_label (row, "Loading rules…"));
  g_assert_null (find_label (row, "The rule pack is not loaded yet"));

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/first-run/banner-and-placeholder", test_first_run),
  CLR_TEST_FUNC ("/clearance/gui/first-run/loading-rules-is-not-an-error", test_loading_rules_is_not_an_error),
};

CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
