/* test-preferences.c — the Preferences window edits the settings, and back
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-audit.h"
#include "clr-matcher.h"
#include "clr-preferences-window.h"

static ClrApplication *app;

static ClrSettings *
settings (void)
{
  return clr_application_get_settings (app);
}

static GtkWindow *
open_preferences (void)
{
  GtkWindow *window = clr_preferences_window_new (settings ());

  gtk_window_present (window);
  clr_gui_test_wait_mapped (GTK_WIDGET (window));
  return window;
}

static void
test_defaults (void)
{
  GSettings *gs = clr_settings_get_gsettings (settings ());
  g_autoptr(GVariant) threshold = NULL;

  /* The preference's default is the matcher's own default threshold. */
  g_settings_reset (gs, "screening-threshold");
  threshold = g_settings_get_default_value (gs, "screening-threshold");
  g_assert_cmpfloat_with_epsilon (g_variant_get_double (threshold),
                                  clr_matcher_get_default_threshold (), 1e-9);
  g_assert_cmpfloat_with_epsilon (clr_settings_get_screening_threshold (settings ()),
                                  clr_matcher_get_default_threshold (), 1e-9);
  g_assert_cmpuint (clr_settings_get_list_staleness_days (settings ()), ==, 7);
}

static void
test_threshold_and_staleness (void)
{
  GtkWindow *window = open_preferences ();
  GtkWidget *threshold_row = clr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                                       "Default Screening Threshold");
  GtkWidget *staleness_row = clr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                                       "List Staleness Limit");
  GtkSpinButton *threshold_spin, *staleness_spin;

  g_assert_nonnull (threshold_row);
  g_assert_nonnull (staleness_row);
  threshold_spin = GTK_SPIN_BUTTON (clr_gui_test_find_widget (threshold_row, GTK_TYPE_SPIN_BUTTON, NULL));
  staleness_spin = GTK_SPIN_BUTTON (clr_gui_test_find_widget (staleness_row, GTK_TYPE_SPIN_BUTTON, NULL));

  /* Settings → window. */
  clr_settings_set_screening_threshold (settings (), 0.92);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (threshold_spin), 0.92, 1e-9);
  clr_settings_set_list_staleness_days (settings (), 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (staleness_spin), ==, 14);

  /* Window → settings, stored in GSettings. */
  gtk_spin_button_set_value (threshold_spin, 0.75);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (clr_settings_get_gsettings (settings ()),
                                                         "screening-threshold"), 0.75, 1e-9);
  gtk_spin_button_set_value (staleness_spin, 30);
  g_assert_cmpuint (g_settings_get_uint (clr_settings_get_gsettings (settings ()),
                                         "list-staleness-days"), ==, 30);

  /* The spin buttons refuse what the schema refuses. */
  gtk_spin_button_set_value (threshold_spin, 0.2);
  g_assert_cmpfloat_with_epsilon (clr_settings_get_screening_threshold (settings ()), 0.5, 1e-9);

  gtk_window_destroy (window);
}

static void
test_exporter_country (void)
{
  GtkWindow *window;
  AdwComboRow *row;
  GListModel *model;
  g_autoptr(GtkStringObject) item = NULL;
  guint n, de = G_MAXUINT;

  clr_settings_set_exporter_country (settings (), "DE");
  window = open_preferences ();
  row = ADW_COMBO_ROW (clr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW,
                                                 "Default Exporter Country"));
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  n = g_list_model_get_n_items (model);
  /* Every ISO 3166 country, named (C locale: in English). */
  g_assert_cmpuint (n, >, 240);

  item = g_list_model_get_item (model, adw_combo_row_get_selected (row));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Germany (DE)");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) it = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (it), "Japan (JP)") == 0)
        de = i;
    }
  g_assert_cmpuint (de, !=, G_MAXUINT);
  adw_combo_row_set_selected (row, de);
  g_assert_cmpstr (clr_settings_get_exporter_country (settings ()), ==, "JP");

  gtk_window_destroy (window);
}

static void
test_reviewer_and_folder (void)
{
  GtkWindow *window;
  GtkEditable *reviewer;
  AdwActionRow *folder_row;
  g_autofree char *effective = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *recorded = NULL;

  clr_settings_set_reviewer_name (settings (), "");
  clr_settings_set_data_folder (settings (), "");
  window = open_preferences ();

  reviewer = GTK_EDITABLE (clr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Reviewer Name"));
  g_assert_nonnull (reviewer);
  gtk_editable_set_text (reviewer, "Ada Lovelace");
  stored = g_settings_get_string (clr_settings_get_gsettings (settings ()), "reviewer-name");
  g_assert_cmpstr (stored, ==, "Ada Lovelace");
  effective = clr_settings_dup_effective_reviewer_name (settings ());
  g_assert_cmpstr (effective, ==, "Ada Lovelace");
  g_clear_pointer (&effective, g_free);
  /* The store records it with every audit entry the app writes, not only decisions. */
  recorded = clr_store_audit_dup_reviewer (clr_application_get_store (app));
  g_assert_cmpstr (recorded, ==, "Ada Lovelace");
  g_clear_pointer (&recorded, g_free);

  /* Empty falls back to the account, never to nothing. */
  gtk_editable_set_text (reviewer, "  ");
  effective = clr_settings_dup_effective_reviewer_name (settings ());
  g_assert_cmpstr (effective, !=, "");
  g_clear_pointer (&effective, g_free);
  recorded = clr_store_audit_dup_reviewer (clr_application_get_store (app));
  g_assert_nonnull (recorded);
  g_assert_cmpstr (recorded, !=, "Ada Lovelace");
  g_assert_cmpstr (recorded, !=, "");

  folder_row = ADW_ACTION_ROW (clr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Data Folder"));
  g_assert_nonnull (folder_row);
  effective = clr_settings_dup_effective_data_folder (settings ());
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, effective);
  clr_settings_set_data_folder (settings (), clr_gui_test_get_tmpdir ());
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, clr_gui_test_get_tmpdir ());

  gtk_window_destroy (window);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/preferences/defaults", test_defaults),
  CLR_TEST_FUNC ("/clearance/gui/preferences/threshold-and-staleness", test_threshold_and_staleness),
  CLR_TEST_FUNC ("/clearance/gui/preferences/exporter-country", test_exporter_country),
  CLR_TEST_FUNC ("/clearance/gui/preferences/reviewer-and-folder", test_reviewer_and_folder),
};

CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
