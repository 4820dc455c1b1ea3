/* test-window.c — the main window: pages, page switching, remembered state, app actions
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-preferences-window.h"
#include "clr-window-private.h"
#include "pages/clr-lists-page.h"
#include "pages/clr-review-page.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-shipment-form.h"

static ClrApplication *app;

static GSettings *
gsettings (void)
{
  return clr_settings_get_gsettings (clr_application_get_settings (app));
}

static ClrWindow *
open_window (void)
{
  ClrWindow *window = clr_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  clr_gui_test_wait_mapped (GTK_WIDGET (window));
  return window;
}

static void
close_window (ClrWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));
  clr_gui_test_iterate ();
  g_assert_null (widget);
}

static const char *
stack_page_title (ClrWindow  *window,
                  const char *name)
{
  GtkWidget *child = clr_window_get_page_widget (window, name);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_STACK));

  return adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child));
}

static void
test_pages (void)
{
  ClrWindow *window;

  g_settings_reset (gsettings (), "last-page");
  window = open_window ();

  g_assert_true (CLR_IS_SHIPMENT_PAGE (clr_window_get_page_widget (window, "shipment")));
  g_assert_true (CLR_IS_REVIEW_PAGE (clr_window_get_page_widget (window, "review")));
  g_assert_true (CLR_IS_LISTS_PAGE (clr_window_get_page_widget (window, "lists")));
  g_assert_cmpstr (stack_page_title (window, "shipment"), ==, "Shipment");
  g_assert_cmpstr (stack_page_title (window, "review"), ==, "Review");
  g_assert_cmpstr (stack_page_title (window, "lists"), ==, "Lists");

  /* A first start opens on the Shipment page. */
  g_assert_cmpstr (clr_window_get_page (window), ==, "shipment");
  g_assert_true (gtk_widget_get_mapped (clr_window_get_page_widget (window, "shipment")));

  close_window (window);
}

static void
test_switch_pages_with_actions (void)
{
  ClrWindow *window = open_window ();
  const char *pages[] = { "review", "lists", "shipment", "lists" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *remembered = NULL;
      g_autoptr(GVariant) state = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", pages[i]));
      clr_gui_test_iterate ();

      g_assert_cmpstr (clr_window_get_page (window), ==, pages[i]);
      g_assert_true (gtk_widget_get_mapped (clr_window_get_page_widget (window, pages[i])));
      remembered = g_settings_get_string (gsettings (), "last-page");
      g_assert_cmpstr (remembered, ==, pages[i]);
    }

  /* The page is remembered for the next window. */
  close_window (window);
  window = open_window ();
  g_assert_cmpstr (clr_window_get_page (window), ==, "lists");
  g_assert_true (gtk_widget_get_mapped (clr_window_get_page_widget (window, "lists")));

  /* Direct calls are the same switch. */
  clr_window_set_page (window, "review");
  g_assert_cmpstr (clr_window_get_page (window), ==, "review");
  close_window (window);
}

static void
test_unknown_page_is_refused (void)
{
  ClrWindow *window = open_window ();

  clr_window_set_page (window, "review");
  /* A programmer error: reported, and the page stays as it was. */
  g_test_expect_message ("Clearance", G_LOG_LEVEL_CRITICAL, "*Unknown page “billing”*");
  clr_window_set_page (window, "billing");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (clr_window_get_page (window), ==, "review");

  close_window (window);
}

static void
test_size_remembered (void)
{
  ClrWindow *window;
  int width, height;

  g_settings_set_int (gsettings (), "window-width", 900);
  g_settings_set_int (gsettings (), "window-height", 640);
  g_settings_set_string (gsettings (), "last-page", "review");

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (clr_window_get_page (window), ==, "review");

  /* A resize is stored as the user makes it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 700);
  clr_gui_test_iterate ();
  g_assert_cmpint (g_settings_get_int (gsettings (), "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (gsettings (), "window-height"), ==, 700);
  close_window (window);

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 700);
  close_window (window);
}

static void
test_close_action (void)
{
  ClrWindow *window = open_window ();
  GtkWidget *widget = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  g_assert_true (gtk_widget_activate_action (widget, "win.close", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (widget == NULL, 5);
  g_assert_null (widget);
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accel = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accel, NULL);
      g_hash_table_insert (shortcuts, g_steal_pointer (&title), g_steal_pointer (&accel));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static void
test_accels_and_shortcuts_window (void)
{
  ClrWindow *window = open_window ();
  GtkShortcutsWindow *overlay;

  assert_accel ("app.quit", "<Control>q");
  assert_accel ("win.close", "<Control>w");
  assert_accel ("app.preferences", "<Control>comma");
  /* GtkApplication wires Ctrl+? to the help overlay found at <base>/gtk/help-overlay.ui. */
  assert_accel ("win.show-help-overlay", "<Control>question");

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (overlay)), 5);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));

  /* It fits a 1366×768 laptop screen: shown at its natural size (no window
   * manager here to shrink it), it is no larger. */
  clr_gui_test_wait_drawn (GTK_WIDGET (overlay));
  g_test_message ("shortcuts window: %d×%d", gtk_widget_get_width (GTK_WIDGET (overlay)),
                  gtk_widget_get_height (GTK_WIDGET (overlay)));
  /* 768 less GNOME Shell's top bar. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (overlay)), <=, 768 - 32);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (overlay)), <=, 1366);

  /* It lists the form's and the review queue's keys, as the pages bind them. */
  {
    g_autoptr(GHashTable) shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
    g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Add Item"), ==, "<Control>i");
    g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Add Party"), ==, "<Control><Shift>p");
    g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Next Hit"), ==, "<Alt>Down");
    g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Previous Hit"), ==, "<Alt>Up");
  }

  /* Ctrl+I and Ctrl+Shift+P add an item and a party on the Shipment page. */
  {
    ClrShipmentPage *shipment = CLR_SHIPMENT_PAGE (clr_window_get_page_widget (window, "shipment"));
    ClrShipmentForm *form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (shipment));
    guint items = clr_shipment_form_get_item_rows (form)->len;
    guint parties = clr_shipment_form_get_party_rows (form)->len;

    clr_window_set_page (window, "shipment");
    clr_gui_test_iterate ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shipment), "shipment.add-item", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shipment), "shipment.add-party", NULL));
    g_assert_cmpuint (clr_shipment_form_get_item_rows (form)->len, ==, items + 1);
    g_assert_cmpuint (clr_shipment_form_get_party_rows (form)->len, ==, parties + 1);
  }
  gtk_window_close (GTK_WINDOW (overlay));
  clr_gui_test_iterate ();

  close_window (window);
}

static void
test_about_and_preferences (void)
{
  ClrWindow *window = open_window ();
  GtkWindow *about, *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  CLR_GUI_TEST_WAIT_UNTIL (clr_gui_test_find_window (ADW_TYPE_ABOUT_WINDOW) != NULL, 5);
  about = clr_gui_test_find_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Clearance");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = clr_gui_test_find_window (CLR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  clr_gui_test_wait_mapped (GTK_WIDGET (prefs));
  gtk_window_destroy (prefs);

  close_window (window);
}

static void
test_open_shipment_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "engine", "data", "shipments",
                                                 "chairs-to-germany-clean.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ClrWindow *window;
  ClrShipmentPage *page;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* `clearance FILE.json`: the window opens on the Shipment page with the
   * shipment imported as a case. */
  g_settings_set_string (gsettings (), "last-page", "lists");
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = CLR_WINDOW (clr_gui_test_find_window (CLR_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (clr_window_get_page (window), ==, "shipment");

  page = CLR_SHIPMENT_PAGE (clr_window_get_page_widget (window, "shipment"));
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (page) != 0, 30);
  g_assert_cmpint (clr_shipment_page_get_case_id (page), >, 0);

  close_window (window);
}

static void
test_narrow (void)
{
  const char *pages[] = { "shipment", "review", "lists" };
  ClrWindow *window;
  GtkWidget *content, *stack;
  int width, height;

  /* A phone-sized window: 360 px wide. An AdwViewStack asks for the widest
   * minimum of all its pages and the header bar asks for its title and both
   * button boxes, so every page and the shell must fit. */
  g_settings_set_int (gsettings (), "window-width", 360);
  g_settings_set_int (gsettings (), "window-height", 640);
  g_settings_set_string (gsettings (), "last-page", "shipment");
  window = open_window ();
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  stack = gtk_widget_get_ancestor (clr_window_get_page_widget (window, "shipment"),
                                   ADW_TYPE_VIEW_STACK);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = clr_window_get_page_widget (window, pages[i]);

      g_test_message ("%s page: minimum width %d px", pages[i], clr_gui_test_min_width (page));
      g_assert_cmpint (clr_gui_test_min_width (page), <=, 360);
    }
  g_assert_cmpint (clr_gui_test_min_width (stack), <=, 360);
  g_assert_cmpint (clr_gui_test_min_width (content), <=, 360);
  g_assert_cmpint (clr_gui_test_min_width (GTK_WIDGET (window)), <=, 360);

  /* And the window really is that narrow, every page in it. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("window-360-%s.png", pages[i]);
      GtkWidget *page = clr_window_get_page_widget (window, pages[i]);

      clr_window_set_page (window, pages[i]);
      CLR_GUI_TEST_WAIT_UNTIL (gtk_widget_get_width (page) > 0, 5);
      clr_gui_test_save_artifact (GTK_WIDGET (window), png);
      /* The default size counts the window's frame: the widget is a few pixels narrower. */
      g_test_message ("%s page at 360 px: window %d px, content %d px, page %d px", pages[i],
                      gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_width (content),
                      gtk_widget_get_width (page));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
      g_assert_cmpint (gtk_widget_get_width (content), >=, 340);
      g_assert_cmpint (gtk_widget_get_width (page), ==, gtk_widget_get_width (content));
    }
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 360);

  close_window (window);
  g_settings_reset (gsettings (), "window-width");
  g_settings_reset (gsettings (), "window-height");
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/window/pages", test_pages),
  CLR_TEST_FUNC ("/clearance/gui/window/switch-pages-with-actions", test_switch_pages_with_actions),
  CLR_TEST_FUNC ("/clearance/gui/window/unknown-page-is-refused", test_unknown_page_is_refused),
  CLR_TEST_FUNC ("/clearance/gui/window/size-remembered", test_size_remembered),
  CLR_TEST_FUNC ("/clearance/gui/window/close-action", test_close_action),
  CLR_TEST_FUNC ("/clearance/gui/window/accels-and-shortcuts-window", test_accels_and_shortcuts_window),
  CLR_TEST_FUNC ("/clearance/gui/window/about-and-preferences", test_about_and_preferences),
  CLR_TEST_FUNC ("/clearance/gui/window/narrow", test_narrow),
  CLR_TEST_FUNC ("/clearance/gui/app/open-shipment-file", test_open_shipment_file),
};

CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
