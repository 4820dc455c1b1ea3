/* test-shipment-page.c — the Shipment page in process: validation as you type,
 * stale marking, autosave round trip through the store, items and the TPP calculator
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "clr-gui-test.h"
#include "clr-store-cases.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-case-row.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-item-row.h"
#include "shipment/clr-party-row.h"
#include "shipment/clr-result-pane.h"
#include "shipment/clr-shipment-form.h"

#define find_field(root, title) \
  ((ClrFieldRow *) clr_gui_test_find_widget (GTK_WIDGET (root), CLR_TYPE_FIELD_ROW, (title)))

static ClrApplication *app;

static const char *h100_json =
  "{\"reference\": \"PO-H100-1\", \"date\": \"2025-06-01\", \"destination\": \"CN\","
  " \"exported_from\": \"US\", \"x_erp_order\": \"SO-99\","
  " \"items\": [{\"description\": \"NVIDIA H100 SXM5 80GB\", \"eccn\": \"3A090.a\", \"quantity\": 8,"
  "   \"unit_value\": 30000, \"currency\": \"USD\", \"tpp\": 15832, \"datacenter\": true,"
  "   \"x_sku\": \"900-21010\"}],"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Shanghai Cloud Compute Co., Ltd.\","
  "   \"country\": \"CN\", \"headquarters_country\": \"CN\"}],"
  " \"end_use\": {\"categories\": [\"datacenter\"]}}";

/* The same shipment without the fields the schema does not know. */
static const char *h100_plain_json =
  "{\"reference\": \"PO-H100-1\", \"date\": \"2025-06-01\", \"destination\": \"CN\","
  " \"exported_from\": \"US\","
  " \"items\": [{\"description\": \"NVIDIA H100 SXM5 80GB\", \"eccn\": \"3A090.a\", \"quantity\": 8,"
  "   \"unit_value\": 30000, \"currency\": \"USD\", \"tpp\": 15832, \"datacenter\": true}],"
  " \"parties\": [{\"role\": \"end_user\", \"name\": \"Shanghai Cloud Compute Co., Ltd.\","
  "   \"country\": \"CN\", \"headquarters_country\": \"CN\"}],"
  " \"end_use\": {\"categories\": [\"datacenter\"]}}";

typedef struct
{
  GtkWindow       *window;
  ClrShipmentPage *page;
  ClrShipmentForm *form;
  ClrResultPane   *pane;
} Fixture;

static void
fixture_setup_reopening (Fixture       *f,
                         gconstpointer  data)
{
  f->page = clr_gui_test_present_shipment_page (clr_application_get_store (app), 1400, 900, &f->window);
  f->form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (f->page));
  f->pane = CLR_RESULT_PANE (clr_shipment_page_get_result_pane (f->page));
}

/* A page on a fresh form (not the case it would reopen from earlier tests). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_setup_reopening (f, data);
  clr_shipment_page_new_case (f->page);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  ClrFieldRow *destination = find_field (GTK_WIDGET (f->form), "Destination");
  ClrFieldRow *date = find_field (GTK_WIDGET (f->form), "Export date");
  GPtrArray *items = clr_shipment_form_get_item_rows (f->form);
  ClrFieldRow *eccn, *quantity;
  ClrItemRow *item;
  GtkWidget *first = NULL;

  g_assert_nonnull (destination);
  g_assert_nonnull (date);
  g_assert_cmpuint (items->len, ==, 1);   /* a new case starts with one item */
  item = g_ptr_array_index (items, 0);
  eccn = find_field (GTK_WIDGET (item), "ECCN");
  quantity = find_field (GTK_WIDGET (item), "Quantity");

  /* Country pickers take names, codes and common aliases. */
  clr_field_row_set_text (destination, "PRC");
  g_assert_cmpstr (clr_field_row_get_value (destination), ==, "CN");
  g_assert_null (clr_field_row_get_error (destination));
  clr_field_row_set_text (destination, "hong kong");
  g_assert_cmpstr (clr_field_row_get_value (destination), ==, "HK");
  clr_field_row_set_text (destination, "Macao");
  g_assert_cmpstr (clr_field_row_get_value (destination), ==, "MO");
  clr_field_row_set_text (destination, "vn");
  g_assert_cmpstr (clr_field_row_get_value (destination), ==, "VN");
  clr_field_row_set_text (destination, "Narnia");
  g_assert_null (clr_field_row_get_value (destination));
  g_assert_nonnull (clr_field_row_get_error (destination));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (destination), "error"));

  /* Dates must be real days. */
  clr_field_row_set_text (date, "2025-02-30");
  g_assert_nonnull (clr_field_row_get_error (date));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  clr_field_row_set_text (date, "2025-02-28");
  g_assert_null (clr_field_row_get_error (date));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  /* ECCNs come from the pack's catalog; the case of a typed ECCN is normalised and
   * the advanced-computing parameters appear only for the items that have them. */
  clr_field_row_set_text (eccn, "3a090.A");
  g_assert_cmpstr (clr_field_row_get_value (eccn), ==, "3A090.a");
  g_assert_true (clr_item_row_get_parameters_visible (item));
  clr_field_row_set_text (eccn, "ear99");
  g_assert_cmpstr (clr_field_row_get_value (eccn), ==, "EAR99");
  g_assert_false (clr_item_row_get_parameters_visible (item));
  clr_field_row_set_text (eccn, "9Z999");
  g_assert_null (clr_field_row_get_value (eccn));
  g_assert_nonnull (clr_field_row_get_error (eccn));

  clr_field_row_set_text (quantity, "eight");
  g_assert_nonnull (clr_field_row_get_error (quantity));
  clr_field_row_set_text (quantity, "2.5");
  g_assert_nonnull (clr_field_row_get_error (quantity));
  clr_field_row_set_text (quantity, "8");
  g_assert_null (clr_field_row_get_error (quantity));

  /* Three fields are wrong: the destination, the ECCN and the end user's missing name
   * (not flagged on screen before Evaluate); the first in form order gets the focus. */
  g_assert_cmpuint (clr_shipment_form_count_errors (f->form, &first), ==, 3);
  g_assert_true (first == GTK_WIDGET (destination));

  /* Evaluate refuses, says why in the pane, never in a dialog. */
  clr_shipment_page_evaluate (f->page);
  g_assert_false (clr_shipment_page_get_evaluating (f->page));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "Not evaluated yet");
}

static void
test_document_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_json);
  g_autoptr(JsonNode) back = NULL;
  JsonObject *object, *item;

  clr_shipment_form_set_document (f->form, document);
  back = clr_shipment_form_get_document (f->form);
  /* Fields the form does not show survive; numbers stay numbers. */
  g_assert_true (json_node_equal (document, back));
  object = json_node_get_object (back);
  g_assert_cmpstr (json_object_get_string_member (object, "x_erp_order"), ==, "SO-99");
  item = json_array_get_object_element (json_object_get_array_member (object, "items"), 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (item, "tpp")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (item, "tpp"), ==, 15832);
  g_assert_true (json_object_get_boolean_member (item, "datacenter"));
}

/* The GP10 guidance turns on the manufacturer's headquarters: the form shows
 * it for advanced-computing ECCNs only (pack item_parameters) and keeps it. */
static void
test_manufacturer_headquarters (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (
    "{\"date\": \"2025-06-01\", \"destination\": \"DE\","
    " \"items\": [{\"description\": \"accelerator\", \"eccn\": \"3A090\", \"tpp\": 5120,"
    "   \"manufacturer\": \"Cambricon\", \"manufacturer_headquarters\": \"CN\"},"
    "  {\"description\": \"chairs\", \"eccn\": \"EAR99\", \"food_or_medicine\": false}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Harbour Compute Ltd\", \"country\": \"DE\"}]}");
  g_autoptr(JsonNode) back = NULL;
  GtkWidget *chip, *chairs;
  ClrFieldRow *hq;

  clr_shipment_form_set_document (f->form, document);
  chip = clr_gui_test_find_widget (GTK_WIDGET (f->form), CLR_TYPE_ITEM_ROW, "Item 1: accelerator");
  chairs = clr_gui_test_find_widget (GTK_WIDGET (f->form), CLR_TYPE_ITEM_ROW, "Item 2: chairs");
  g_assert_nonnull (chip);
  g_assert_nonnull (chairs);
  hq = find_field (chip, "Manufacturer _headquarters (or its ultimate parent's)");
  g_assert_nonnull (hq);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hq)));
  g_assert_cmpstr (clr_field_row_get_value (hq), ==, "CN");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_field (chairs, "Manufacturer _headquarters (or its ultimate parent's)"))));
  /* EAR99 items ask whether they are food or medicine; the chip does not */
  g_assert_true (gtk_widget_get_visible (clr_gui_test_find_widget (chairs, ADW_TYPE_ACTION_ROW, "Food or medicine")));
  g_assert_false (gtk_widget_get_visible (clr_gui_test_find_widget (chip, ADW_TYPE_ACTION_ROW, "Food or medicine")));
  back = clr_shipment_form_get_document (f->form);
  g_assert_true (json_node_equal (document, back));
}

/* The result's notes (a derived paragraph, a fact not needed) are shown with the findings. */
static void
test_result_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) result = clr_test_parse (
    "{\"verdict\": \"clear\", \"as_of\": \"2026-06-01\", \"posture\": \"enforcement\", \"findings\": [],"
    " \"license_exceptions\": [], \"screening\": [],"
    " \"notes\": [\"Item 0: 3A090 stated; the verdict is the same for 3A090.a & 3A090.b\"],"
    " \"data\": {\"rule_pack\": {\"id\": \"ear\", \"version\": \"1\", \"sha256\": \"x\"}, \"lists\": []}}");
  GtkWidget *row;

  clr_result_pane_set_result (f->pane, result, NULL);
  /* the title is markup: the note's text is escaped, not parsed */
  row = clr_gui_test_find_widget (GTK_WIDGET (f->pane), ADW_TYPE_ACTION_ROW,
                                  "Item 0: 3A090 stated; the verdict is the same for 3A090.a &amp; 3A090.b");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
}

static void
test_items_reorder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_json);
  g_autoptr(JsonNode) back = NULL;
  JsonArray *items;
  ClrItemRow *second;

  clr_shipment_form_set_document (f->form, document);
  clr_shipment_form_add_item (f->form);
  second = g_ptr_array_index (clr_shipment_form_get_item_rows (f->form), 1);
  clr_field_row_set_text (find_field (GTK_WIDGET (second), "Description"), "Power supply");
  clr_field_row_set_text (find_field (GTK_WIDGET (second), "ECCN"), "EAR99");
  g_assert_true (clr_shipment_form_move_item (f->form, 1, -1));
  g_assert_false (clr_shipment_form_move_item (f->form, 0, -1));

  back = clr_shipment_form_get_document (f->form);
  items = json_object_get_array_member (json_node_get_object (back), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "description"),
                   ==, "Power supply");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "eccn"),
                   ==, "3A090.a");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Item 1: Power supply");
}

/* Shows @eccn in a fresh item row over @catalog: are the TPP & co. rows shown? */
static gboolean
parameters_shown (ClrShipmentCatalog *catalog,
                  const char         *eccn,
                  gboolean           *datacenter_shown)
{
  GtkWidget *row = g_object_ref_sink (clr_item_row_new (catalog));
  g_autoptr(JsonNode) item = json_node_init_object (json_node_alloc (), json_object_new ());
  gboolean shown;

  json_object_set_string_member (json_node_get_object (item), "eccn", eccn);
  clr_item_row_set_item (CLR_ITEM_ROW (row), json_node_get_object (item));
  shown = clr_item_row_get_parameters_visible (CLR_ITEM_ROW (row));
  if (datacenter_shown != NULL)
    {
      ClrFieldRow *bandwidth = find_field (row, "Memory bandwidth (GB/s)");

      g_assert_nonnull (bandwidth);
      *datacenter_shown = gtk_widget_get_visible (GTK_WIDGET (bandwidth));
    }
  g_object_unref (row);
  return shown;
}

static void
test_item_parameters_from_pack (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const with[] = { "3A090.a", "4A090.b", "5A992.z.1", "3A001.z.1.a", NULL };
  static const char * const without[] = { "3A001.a", "EAR99", "5A992.c", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = clr_rule_pack_get_bundled_data ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ClrRulePack) edited = NULL;
  g_autoptr(ClrShipmentCatalog) edited_catalog = NULL;
  g_autoptr(ClrShipmentCatalog) empty = clr_shipment_catalog_new (NULL);
  g_autofree char *text = NULL;
  GPtrArray *items = clr_shipment_form_get_item_rows (f->form);
  ClrItemRow *row = g_ptr_array_index (items, 0);
  ClrShipmentCatalog *catalog;
  JsonArray *parameters;
  gboolean bandwidth = FALSE;

  /* The form's own item row follows what is typed in its ECCN field. */
  g_assert_false (clr_item_row_get_parameters_visible (row));
  clr_field_row_set_text (find_field (GTK_WIDGET (row), "ECCN"), "3a090.a");
  g_assert_true (clr_item_row_get_parameters_visible (row));
  clr_field_row_set_text (find_field (GTK_WIDGET (row), "ECCN"), "3A001.a");
  g_assert_false (clr_item_row_get_parameters_visible (row));
  clr_field_row_set_text (find_field (GTK_WIDGET (row), "ECCN"), "3A001.z.1.a");
  g_assert_true (clr_item_row_get_parameters_visible (row));

  /* With the bundled pack: its "item_parameters" name the ac_family set. */
  {
    g_autoptr(ClrRulePack) bundled = clr_rule_pack_new_bundled (&error);

    g_assert_no_error (error);
    catalog = clr_shipment_catalog_new (bundled);
  }
  for (guint i = 0; with[i] != NULL; i++)
    if (!parameters_shown (catalog, with[i], NULL))
      g_error ("%s should show the advanced-computing parameters", with[i]);
  for (guint i = 0; without[i] != NULL; i++)
    if (parameters_shown (catalog, without[i], NULL))
      g_error ("%s should not show the advanced-computing parameters", without[i]);
  g_object_unref (catalog);

  /* No pack, no parameters: nothing in C decides it. */
  g_assert_false (parameters_shown (empty, "3A090.a", NULL));

  /* A pack that moves TPP to another set (and drops bandwidth) moves the form. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  parameters = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "item_parameters");
  for (guint i = 0; i < json_array_get_length (parameters); i++)
    {
      JsonObject *p = json_array_get_object_element (parameters, i);

      if (g_str_equal (json_object_get_string_member (p, "fact"), "tpp"))
        json_object_set_string_member (p, "eccn_set", "all_destinations");
      if (g_str_equal (json_object_get_string_member (p, "fact"), "memory_bandwidth_gbps"))
        json_array_remove_element (parameters, i--);
    }
  text = json_to_string (json_parser_get_root (parser), FALSE);
  edited = clr_rule_pack_new_from_data (text, -1, "edited.json", &error);
  g_assert_no_error (error);
  edited_catalog = clr_shipment_catalog_new (edited);
  g_assert_true (parameters_shown (edited_catalog, "0A983", &bandwidth));
  g_assert_false (bandwidth);
  g_assert_false (parameters_shown (edited_catalog, "3A090.a", &bandwidth));
  g_assert_false (bandwidth);
}

static gboolean
not_evaluating (ClrShipmentPage *page)
{
  return !clr_shipment_page_get_evaluating (page);
}

static void
test_evaluate_and_stale (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_plain_json);
  GPtrArray *findings;
  gboolean cited = FALSE;

  clr_shipment_form_set_document (f->form, document);
  clr_shipment_page_evaluate (f->page);
  g_assert_true (clr_shipment_page_get_evaluating (f->page));
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  g_assert_false (clr_shipment_page_get_evaluating (f->page));

  g_assert_null (clr_result_pane_get_error (f->pane));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");
  g_assert_false (clr_result_pane_get_stale (f->pane));
  findings = clr_result_pane_get_finding_rows (f->pane);
  g_assert_cmpuint (findings->len, >=, 1);
  for (guint i = 0; i < findings->len; i++)
    cited |= strstr (adw_expander_row_get_subtitle (g_ptr_array_index (findings, i)), "742.6") != NULL;
  g_assert_true (cited);

  /* Any edit makes the result stale until evaluated again. */
  clr_field_row_set_text (find_field (GTK_WIDGET (f->form), "Reference"), "PO-H100-2");
  g_assert_true (clr_result_pane_get_stale (f->pane));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");

  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  g_assert_false (clr_result_pane_get_stale (f->pane));

  /* An earlier as-of date is an option change: stale again until evaluated. */
  clr_result_pane_set_as_of (f->pane, "2022-01-01");
  g_assert_true (clr_result_pane_get_stale (f->pane));
  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  /* Before the October 2022 rule, 3A090 did not exist: no license requirement then. */
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), !=, "License required");
  g_assert_false (clr_result_pane_get_stale (f->pane));
}

/* A label somewhere under @root whose text starts with @prefix, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The case list's row of the open case, or NULL while it is not listed. */
static ClrCaseRow *
open_case_row (ClrShipmentPage *page)
{
  GtkListBox *list = clr_shipment_page_get_case_list (page);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (CLR_IS_CASE_ROW (row) && clr_shipment_page_get_case_id (page) != 0
        && clr_case_row_get_case_id (CLR_CASE_ROW (row)) == clr_shipment_page_get_case_id (page))
      return CLR_CASE_ROW (row);
  return NULL;
}

static gboolean
open_case_row_stale (ClrShipmentPage *page,
                     gboolean         stale)
{
  ClrCaseRow *row = open_case_row (page);

  return row != NULL && clr_case_row_get_stale (row) == stale;
}

/* The "Evaluate again first?" dialog, or NULL. */
static AdwMessageDialog *
stale_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), "Evaluate again first?") == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A stale result says why, its case is marked in the list, and exporting it
 * asks to evaluate again first. */
static void
test_stale_cause_and_guard (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_plain_json);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  clr_shipment_form_set_document (f->form, document);
  /* Typed in: the case is saved and listed. */
  clr_field_row_set_text (find_field (GTK_WIDGET (f->form), "Reference"), "PO-H100-FRESH");
  CLR_GUI_TEST_WAIT_UNTIL (open_case_row (f->page) != NULL, 20);
  g_assert_nonnull (open_case_row (f->page));
  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  g_assert_false (clr_result_pane_get_stale (f->pane));
  g_assert_null (stale_dialog ());
  CLR_GUI_TEST_WAIT_UNTIL (open_case_row_stale (f->page, FALSE), 20);
  g_assert_true (open_case_row_stale (f->page, FALSE));

  /* An edit: the stale line names it, and the case's row is marked. */
  clr_field_row_set_text (find_field (GTK_WIDGET (f->form), "Reference"), "PO-H100-STALE");
  g_assert_true (clr_result_pane_get_stale (f->pane));
  g_assert_cmpstr (clr_result_pane_get_stale_reason (f->pane), ==, "The shipment was edited");
  g_assert_nonnull (find_label (GTK_WIDGET (f->pane), "The shipment was edited."));
  CLR_GUI_TEST_WAIT_UNTIL (open_case_row_stale (f->page, TRUE), 20);
  g_assert_true (open_case_row_stale (f->page, TRUE));
  g_assert_nonnull (find_label (GTK_WIDGET (open_case_row (f->page)), "Stale"));

  /* Export asks first; Cancel leaves everything as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.export-report", NULL));
  dialog = stale_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "body", &body, NULL);
  g_assert_true (g_str_has_prefix (body, "The shipment was edited."));
  g_assert_true (adw_message_dialog_has_response (dialog, "evaluate"));
  g_assert_true (adw_message_dialog_has_response (dialog, "anyway"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  /* As a click on the button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  CLR_GUI_TEST_WAIT_UNTIL (stale_dialog () == NULL, 10);
  g_assert_null (stale_dialog ());
  g_assert_true (clr_result_pane_get_stale (f->pane));

  /* Print asks too; Evaluate evaluates, and the mark goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.print", NULL));
  dialog = stale_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "evaluate");
  gtk_window_close (GTK_WINDOW (dialog));
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  g_assert_false (clr_result_pane_get_stale (f->pane));
  g_assert_null (find_label (GTK_WIDGET (f->pane), "The shipment was edited."));
  g_assert_true (open_case_row_stale (f->page, FALSE));
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  ClrStore *store = clr_application_get_store (app);
  ClrFieldRow *reference = find_field (GTK_WIDGET (f->form), "Reference");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) saved = NULL;
  gint64 id;

  clr_shipment_page_new_case (f->page);
  g_assert_cmpint (clr_shipment_page_get_case_id (f->page), ==, 0);

  /* Typing creates the case and saves it, debounced, off the main thread. */
  clr_field_row_set_text (reference, "AUTO-1");
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (f->page) != 0, 10);
  id = clr_shipment_page_get_case_id (f->page);
  g_assert_cmpint (id, >, 0);
  saved = clr_store_get_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->reference, ==, "AUTO-1");
  g_clear_pointer (&saved, clr_case_unref);

  /* A change followed at once by closing the window is not lost. */
  clr_field_row_set_text (reference, "AUTO-1 final");
  clr_field_row_set_text (find_field (GTK_WIDGET (f->form), "Destination"), "Vietnam");
  gtk_window_destroy (f->window);
  f->window = GTK_WINDOW (gtk_window_new ());   /* for the teardown */
  saved = clr_store_get_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->reference, ==, "AUTO-1 final");
  g_assert_cmpstr (saved->destination, ==, "VN");

  /* A new page reopens the most recent case. */
  {
    Fixture again;

    fixture_setup_reopening (&again, NULL);
    CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_case_id (again.page) == id, 10);
    g_assert_cmpint (clr_shipment_page_get_case_id (again.page), ==, id);
    CLR_GUI_TEST_WAIT_UNTIL (g_strcmp0 (clr_field_row_get_value (find_field (GTK_WIDGET (again.form), "Reference")),
                                        "AUTO-1 final") == 0, 10);
    g_assert_cmpstr (clr_field_row_get_value (find_field (GTK_WIDGET (again.form), "Reference")),
                     ==, "AUTO-1 final");
    fixture_teardown (&again, NULL);
  }
}

static void
test_open_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (clr_gui_test_get_tmpdir (), "open-me.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ClrFieldRow *reference;

  g_assert_true (g_file_set_contents (path, h100_json, -1, &error));
  g_assert_no_error (error);
  clr_shipment_page_open_file (f->page, file);
  reference = find_field (GTK_WIDGET (f->form), "Reference");
  CLR_GUI_TEST_WAIT_UNTIL (g_strcmp0 (clr_field_row_get_value (reference), "PO-H100-1") == 0, 10);
  g_assert_cmpstr (clr_field_row_get_value (reference), ==, "PO-H100-1");
  g_assert_cmpint (clr_shipment_page_get_case_id (f->page), >, 0);
  g_assert_cmpuint (clr_shipment_form_get_party_rows (f->form)->len, ==, 1);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_plain_json);

  /* A phone-sized window (360 px) fits the page, the filled form and the result. */
  clr_shipment_form_set_document (f->form, document);
  for (guint i = 0; i < clr_shipment_form_get_item_rows (f->form)->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (clr_shipment_form_get_item_rows (f->form), i), TRUE);
  g_test_message ("page %d, form %d, result %d", clr_gui_test_min_width (GTK_WIDGET (f->page)),
                  clr_gui_test_min_width (GTK_WIDGET (f->form)), clr_gui_test_min_width (GTK_WIDGET (f->pane)));
  g_assert_cmpint (clr_gui_test_min_width (GTK_WIDGET (f->page)), <=, 360);

  /* At 360 px the form shows first; Evaluate brings the result. */
  gtk_window_set_default_size (f->window, 360, 720);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (f->pane)));
}

/* A file manager on the test's private session bus: it records what
 * org.freedesktop.FileManager1.ShowItems was asked to show. */
static const char file_manager_xml[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "<method name='ShowItems'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

static void
file_manager_call (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *path,
                   const char            *interface,
                   const char            *method,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  GPtrArray *shown = user_data;
  g_autofree const char **uris = NULL;

  g_variant_get (parameters, "(^a&s&s)", &uris, NULL);
  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (shown, g_strdup (uris[i]));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *) data;
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* #17 §4: after an export, the case menu's Show Report in Folder asks the
 * file manager to show the PDF just written. */
static void
test_show_report_in_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_test_parse (h100_plain_json);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (file_manager_xml, NULL);
  static const GDBusInterfaceVTable vtable = { file_manager_call, NULL, NULL, { 0 } };
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("clearance-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "evidence.pdf", NULL);
  g_autofree char *pack = g_build_filename (dir, "evidence.evidence.json", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  gboolean owned = FALSE;
  guint object_id, owner_id;

  if (bus == NULL)
    {
      g_test_skip ("no session bus");
      return;
    }
  object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1", info->interfaces[0],
                                                 &vtable, shown, NULL, NULL);
  owner_id = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                           name_acquired_cb, NULL, &owned, NULL);
  CLR_GUI_TEST_WAIT_UNTIL (name_owned (&owned), 10);
  g_assert_true (owned);

  clr_shipment_form_set_document (f->form, document);
  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");

  /* Nothing exported yet: nothing to show (the action is disabled). */
  g_assert_null (f->page->last_report_uri);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.show-report-in-folder", NULL);
  clr_gui_test_iterate ();
  g_assert_cmpuint (shown->len, ==, 0);

  _clr_shipment_page_export_report_to (f->page, file);
  CLR_GUI_TEST_WAIT_UNTIL (g_file_test (pack, G_FILE_TEST_EXISTS) && f->page->last_report_uri != NULL, 20);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.show-report-in-folder", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (shown->len > 0, 10);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, uri);

  g_bus_unown_name (owner_id);
  g_dbus_connection_unregister_object (bus, object_id);
  g_unlink (pack);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();

  g_test_add ("/shipment/page/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/shipment/page/round-trip", Fixture, NULL, fixture_setup, test_document_round_trip, fixture_teardown);
  g_test_add ("/shipment/page/manufacturer-headquarters", Fixture, NULL, fixture_setup, test_manufacturer_headquarters,
              fixture_teardown);
  g_test_add ("/shipment/page/result-notes", Fixture, NULL, fixture_setup, test_result_notes, fixture_teardown);
  g_test_add ("/shipment/page/items-reorder", Fixture, NULL, fixture_setup, test_items_reorder, fixture_teardown);
  g_test_add ("/shipment/page/item-parameters-from-pack", Fixture, NULL, fixture_setup,
              test_item_parameters_from_pack, fixture_teardown);
  g_test_add ("/shipment/page/evaluate-stale", Fixture, NULL, fixture_setup, test_evaluate_and_stale, fixture_teardown);
  g_test_add ("/shipment/page/stale-cause-and-guard", Fixture, NULL, fixture_setup, test_stale_cause_and_guard,
              fixture_teardown);
  g_test_add ("/shipment/page/autosave", Fixture, NULL, fixture_setup, test_autosave, fixture_teardown);
  g_test_add ("/shipment/page/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/shipment/page/open-file", Fixture, NULL, fixture_setup, test_open_file, fixture_teardown);
  g_test_add ("/shipment/page/show-report-in-folder", Fixture, NULL, fixture_setup, test_show_report_in_folder,
              fixture_teardown);

  return clr_gui_test_run (app);
}
