/* test-end-use.c — the end-use questions of the Shipment form in process:
 * Yes / No / Not known with accessible names, the answers in the shipment
 * document, and "Not known" reaching the result pane
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-gui-test.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-end-use-row.h"
#include "shipment/clr-result-pane.h"
#include "shipment/clr-shipment-form.h"

static ClrApplication *app;

/* Office chairs to Germany: only the end-use questions can matter. */
static const char *chairs_json =
  "{\"reference\": \"PO-CHAIRS\", \"date\": \"2025-06-01\", \"destination\": \"DE\", \"exported_from\": \"US\","
  " \"items\": [{\"description\": \"office chair\", \"eccn\": \"EAR99\", \"quantity\": 10, \"unit_value\": 200,"
  "   \"currency\": \"USD\"}],"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Moebel GmbH\", \"country\": \"DE\", \"headquarters_country\": \"DE\"}],"
  " \"end_use\": {\"answers\": {\"military\": false, \"military_intelligence\": false, \"supercomputer\": false,"
  "   \"advanced_node_ic_production\": false}}}";

static gboolean
not_evaluating (ClrShipmentPage *page)
{
  return !clr_shipment_page_get_evaluating (page);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static GtkToggleButton *
answer_toggle (ClrEndUseRow *row,
               const char   *label)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

  collect (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), label) == 0)
      return g_ptr_array_index (toggles, i);
  return NULL;
}

static void
test_end_use_not_known (void)
{
  GtkWindow *window = NULL;
  ClrShipmentPage *page = clr_gui_test_present_shipment_page (clr_application_get_store (app), 1400, 900, &window);
  ClrShipmentForm *form;
  ClrResultPane *pane;
  g_autoptr(JsonNode) document = clr_test_parse (chairs_json);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  ClrEndUseRow *wmd = NULL;
  GtkToggleButton *yes, *no, *not_known;
  JsonObject *answers;
  gboolean shown = FALSE;

  clr_shipment_page_new_case (page);
  form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (page));
  pane = CLR_RESULT_PANE (clr_shipment_page_get_result_pane (page));
  clr_shipment_form_set_document (form, document);

  /* one row per question of the pack, each offering the three answers */
  collect (GTK_WIDGET (form), CLR_TYPE_END_USE_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (clr_end_use_row_get_id (g_ptr_array_index (rows, i)), "wmd") == 0)
      wmd = g_ptr_array_index (rows, i);
  g_assert_nonnull (wmd);
  yes = answer_toggle (wmd, "Yes");
  no = answer_toggle (wmd, "No");
  not_known = answer_toggle (wmd, "Not known");
  g_assert_nonnull (yes);
  g_assert_nonnull (no);
  g_assert_nonnull (not_known);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (yes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Weapons of mass destruction (nuclear, chemical, biological, missile): yes");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (not_known), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Weapons of mass destruction (nuclear, chemical, biological, missile): not known");
  /* unanswered: no answer chosen, none written */
  g_assert_false (gtk_toggle_button_get_active (yes) || gtk_toggle_button_get_active (no) ||
                  gtk_toggle_button_get_active (not_known));

  /* unanswered is a missing fact, not "no" */
  clr_shipment_page_evaluate (page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (page), 20);
  g_assert_cmpstr (clr_result_pane_get_verdict_text (pane), ==, "Needs review");

  gtk_toggle_button_set_active (not_known, TRUE);
  back = clr_shipment_form_get_document (form);
  answers = json_object_get_object_member (json_object_get_object_member (json_node_get_object (back), "end_use"), "answers");
  g_assert_cmpstr (json_object_get_string_member (answers, "wmd"), ==, "unknown");
  g_assert_false (json_object_get_boolean_member (answers, "military"));

  clr_shipment_page_evaluate (page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (page), 20);
  g_assert_cmpstr (clr_result_pane_get_verdict_text (pane), ==, "Needs review");
  collect (GTK_WIDGET (pane), ADW_TYPE_PREFERENCES_ROW, titles);
  for (guint i = 0; i < titles->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (titles, i));

      shown |= gtk_widget_is_visible (g_ptr_array_index (titles, i)) &&
               g_str_has_prefix (title, "End use not known — Is the item for nuclear, missile, chemical or biological weapons?");
    }
  g_assert_true (shown);

  /* "No" answers it: the note is gone (the verdict still waits for the
   * restricted-party lists this test does not load) */
  gtk_toggle_button_set_active (no, TRUE);
  clr_shipment_page_evaluate (page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (page), 20);
  g_ptr_array_set_size (titles, 0);
  collect (GTK_WIDGET (pane), ADW_TYPE_PREFERENCES_ROW, titles);
  for (guint i = 0; i < titles->len; i++)
    g_assert_false (gtk_widget_is_visible (g_ptr_array_index (titles, i)) &&
                    g_str_has_prefix (adw_preferences_row_get_title (g_ptr_array_index (titles, i)), "End use not known"));

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/shipment/end-use/not-known", test_end_use_not_known),
};

int
main (int    argc,
      char **argv)
{
  /* the accessible names are read from GTK's test accessibility backend */
  g_setenv ("GTK_A11Y", "test", TRUE);
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();
  CLR_TEST_ADD_FUNCS (tests);
  return clr_gui_test_run (app);
}
