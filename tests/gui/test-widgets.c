/* test-widgets.c — widgets on their own: the Shipment page's rows built complete
 * by g_object_new(), the catalog handed down, the picker's list, the entry view
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "lists/clr-entry-view.h"
#include "clr-rule-pack.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-finding-row.h"
#include "shipment/clr-item-row.h"
#include "shipment/clr-party-row.h"
#include "shipment/clr-pick-item.h"
#include "shipment/clr-picker-popover.h"
#include "shipment/clr-shipment-form.h"

static ClrApplication *app;

#define find_field(root, title) \
  ((ClrFieldRow *) clr_gui_test_find_widget (GTK_WIDGET (root), CLR_TYPE_FIELD_ROW, (title)))

/* A row made by g_object_new() (as GtkBuilder makes it) has all its fields. */
static void
test_complete_from_g_object_new (void)
{
  GtkWidget *party = g_object_ref_sink (g_object_new (CLR_TYPE_PARTY_ROW, NULL));
  GtkWidget *item = g_object_ref_sink (g_object_new (CLR_TYPE_ITEM_ROW, NULL));
  GtkWidget *form = g_object_ref_sink (g_object_new (CLR_TYPE_SHIPMENT_FORM, NULL));
  GtkWidget *role;
  ClrFieldRow *field;
  g_autoptr(JsonNode) party_json = NULL;
  g_autoptr(JsonNode) item_json = NULL;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (party)), ==, "Party 1");
  g_assert_nonnull (find_field (party, "Name"));
  g_assert_nonnull (find_field (party, "Ultimate parent’s ownership (%)"));
  role = clr_gui_test_find_widget (party, ADW_TYPE_COMBO_ROW, "Role");
  g_assert_nonnull (role);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (role))), >, 1);
  field = find_field (party, "Country");
  g_assert_cmpint (clr_field_row_get_kind (field), ==, CLR_FIELD_COUNTRY);
  clr_field_row_set_text (find_field (party, "Name"), "Acme GmbH");
  party_json = clr_party_row_to_json (CLR_PARTY_ROW (party));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (party_json), "name"), ==, "Acme GmbH");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (party)), ==, "Party 1: Acme GmbH");

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item)), ==, "Item 1");
  field = find_field (item, "ECCN");
  g_assert_nonnull (field);
  g_assert_cmpint (clr_field_row_get_kind (field), ==, CLR_FIELD_ECCN);
  g_assert_cmpstr (clr_field_row_get_error (field), ==, "Required");
  g_assert_cmpstr (clr_field_row_get_value (find_field (item, "Currency")), ==, "USD");
  clr_field_row_set_text (find_field (item, "Quantity"), "12");
  item_json = clr_item_row_to_json (CLR_ITEM_ROW (item));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (item_json), "quantity"), ==, 12);
  g_assert_false (json_object_has_member (json_node_get_object (item_json), "datacenter"));

  g_assert_nonnull (find_field (form, "Export date"));
  g_assert_nonnull (find_field (form, "End-use description"));
  g_assert_cmpint (clr_field_row_get_kind (find_field (form, "Destination")), ==, CLR_FIELD_COUNTRY);

  g_object_unref (party);
  g_object_unref (item);
  g_object_unref (form);
}

/* The catalog given at construction reaches every field that resolves: a
 * country name typed in a party row and an ECCN typed in an item row resolve. */
static void
test_catalog_construct_property (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = clr_rule_pack_new_bundled (&error);
  g_autoptr(ClrShipmentCatalog) catalog = NULL;
  GtkWidget *party;
  GtkWidget *item;
  ClrFieldRow *field;

  g_assert_no_error (error);
  catalog = clr_shipment_catalog_new (pack);
  party = g_object_ref_sink (clr_party_row_new (catalog));
  item = g_object_ref_sink (g_object_new (CLR_TYPE_ITEM_ROW, "catalog", catalog, NULL));
  g_assert_true (clr_form_row_get_catalog (CLR_FORM_ROW (party)) == catalog);

  field = find_field (party, "Ultimate parent’s headquarters country");
  clr_field_row_set_text (field, "Germany");
  g_assert_cmpstr (clr_field_row_get_value (field), ==, "DE");
  field = find_field (item, "Manufacturer headquarters (or its ultimate parent's)");
  clr_field_row_set_text (field, "germany");
  g_assert_cmpstr (clr_field_row_get_value (field), ==, "DE");
  field = find_field (item, "ECCN");
  clr_field_row_set_text (field, "3a090.A");
  g_assert_cmpstr (clr_field_row_get_value (field), ==, "3A090.a");
  clr_field_row_set_text (field, "9Z999");
  g_assert_nonnull (clr_field_row_get_error (field));
  g_assert_true (clr_item_row_get_parameters_visible (CLR_ITEM_ROW (item)) == FALSE);
  clr_field_row_set_text (field, "3A090.a");
  g_assert_true (clr_item_row_get_parameters_visible (CLR_ITEM_ROW (item)));

  g_object_unref (party);
  g_object_unref (item);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

static void
picked_cb (ClrPickerPopover *popover,
           const char       *id,
           char            **picked)
{
  g_free (*picked);
  *picked = g_strdup (id);
}

/* The picker's rows show each item's title and subtitle; typing filters them
 * and Enter picks the first. */
static void
test_picker (void)
{
  g_autoptr(GListStore) items = g_list_store_new (CLR_TYPE_PICK_ITEM);
  g_autoptr(ClrPickItem) germany = clr_pick_item_new ("DE", "Germany", "DE · A:1", "Deutschland");
  g_autoptr(ClrPickItem) france = clr_pick_item_new ("FR", "France", "FR · A:1", NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover;
  GtkWindow *window;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *picked = NULL;
  GtkWidget *search;

  g_list_store_append (items, germany);
  g_list_store_append (items, france);
  popover = clr_picker_popover_new (G_LIST_MODEL (items), "Countries");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "picked", G_CALLBACK (picked_cb), &picked);
  window = clr_gui_test_present (button, 400, 400);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  clr_gui_test_wait_drawn (popover);

  collect_labels (popover, labels);
  g_assert_nonnull (strstr (labels->str, "Germany|DE · A:1|"));
  g_assert_nonnull (strstr (labels->str, "France|FR · A:1|"));

  search = clr_gui_test_find_widget (popover, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "deutsch");
  CLR_GUI_TEST_WAIT_UNTIL (strstr ((g_string_truncate (labels, 0), collect_labels (popover, labels),
                                    labels->str), "France") == NULL, 5);
  g_assert_null (strstr (labels->str, "France"));
  g_assert_nonnull (strstr (labels->str, "Germany"));
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (picked, ==, "DE");

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

static void
add_string (GPtrArray  *array,
            const char *text)
{
  g_ptr_array_add (array, g_strdup (text));
}

/* The entry view shows the fields an entry has, each under its caption, the
 * matched words of its names in bold, and nothing for no entry. */
static void
test_entry_view (void)
{
  g_autoptr(ClrEntry) entry = clr_entry_new ();
  const char *highlight[] = { "zhipu", NULL };
  GtkWidget *view = clr_entry_view_new ();
  GtkWindow *window = clr_gui_test_present (view, 400, 600);
  g_autoptr(GString) labels = g_string_new (NULL);

  entry->name = g_strdup ("Beijing Zhipu Huazhang Technology Co., Ltd.");
  entry->list_code = g_strdup ("EL");
  entry->list_name = g_strdup ("Entity List");
  entry->agency = g_strdup ("BIS");
  add_string (entry->aliases, "Zhipu AI");
  add_string (entry->aliases, "Knowledge Atlas");
  entry->source_url = g_strdup ("https://www.federalregister.gov/d/2025-00001");

  g_assert_null (clr_entry_view_get_title (CLR_ENTRY_VIEW (view)));
  clr_entry_view_set_entry (CLR_ENTRY_VIEW (view), entry, highlight);
  clr_gui_test_wait_drawn (view);
  g_assert_cmpstr (clr_entry_view_get_title (CLR_ENTRY_VIEW (view)), ==,
                   "Beijing Zhipu Huazhang Technology Co., Ltd.");
  collect_labels (view, labels);
  g_assert_cmpstr (labels->str, ==,
                   "Beijing Zhipu Huazhang Technology Co., Ltd.|List|Entity List (EL)|Agency|BIS|"
                   "Other names|• Zhipu AI\n• Knowledge Atlas|Open the official source|");
  g_assert_nonnull (clr_gui_test_find_widget (view, GTK_TYPE_LINK_BUTTON, "Open the official source"));

  /* A source that is not a web address is shown as text. */
  g_free (entry->source_url);
  entry->source_url = g_strdup ("data/custom.csv");
  clr_entry_view_set_entry (CLR_ENTRY_VIEW (view), entry, NULL);
  clr_gui_test_wait_drawn (view);
  g_string_truncate (labels, 0);
  collect_labels (view, labels);
  g_assert_true (g_str_has_suffix (labels->str, "|Source|data/custom.csv|"));

  clr_entry_view_set_entry (CLR_ENTRY_VIEW (view), NULL, NULL);
  g_assert_null (clr_entry_view_get_title (CLR_ENTRY_VIEW (view)));

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

/* A finding row: title, the verdict pill, and when expanded the texts the
 * finding has (the items concerned named from the shipment), no others. */
static void
test_finding_row (void)
{
  g_autoptr(JsonNode) finding = json_from_string (
    "{\"rule\": \"ac-3a090-cn\", \"outcome\": \"license_required\", \"title\": \"Advanced computing ICs to China\","
    " \"citation\": \"15 CFR 742.6(a)(6)\", \"explanation\": \"3A090.a to a D:5 country.\", \"items\": [0]}", NULL);
  g_autoptr(JsonNode) shipment = json_from_string ("{\"items\": [{\"description\": \"H100\"}]}", NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = clr_finding_row_new (json_node_get_object (finding), json_node_get_object (shipment), NULL);
  GtkWindow *window;
  g_autoptr(GString) labels = g_string_new (NULL);

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  window = clr_gui_test_present (list, 500, 700);
  clr_gui_test_wait_drawn (row);
  CLR_GUI_TEST_WAIT_UNTIL ((g_string_truncate (labels, 0), collect_labels (row, labels),
                            strstr (labels->str, "#1 H100") != NULL), 5);

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Advanced computing ICs to China");
  g_assert_cmpstr (clr_finding_row_get_rule (CLR_FINDING_ROW (row)), ==, "ac-3a090-cn");
  g_assert_nonnull (strstr (labels->str, "License required|"));
  g_assert_nonnull (strstr (labels->str, "Explanation|3A090.a to a D:5 country.|"
                                         "Citation|15 CFR 742.6(a)(6)|Items concerned|#1 H100|Technical details|"));
  g_assert_null (strstr (labels->str, "License review policy"));
  g_assert_null (strstr (labels->str, "Parties concerned"));
  g_assert_null (strstr (labels->str, "Trace"));
  /* The rule is behind "Technical details". */
  g_assert_null (strstr (labels->str, "ac-3a090-cn"));
  gtk_expander_set_expanded (GTK_EXPANDER (clr_gui_test_find_widget (row, GTK_TYPE_EXPANDER, NULL)), TRUE);
  CLR_GUI_TEST_WAIT_UNTIL ((g_string_truncate (labels, 0), collect_labels (row, labels),
                            strstr (labels->str, "Technical details|Rule|ac-3a090-cn|") != NULL), 5);
  g_assert_nonnull (strstr (labels->str, "Technical details|Rule|ac-3a090-cn|"));
  g_assert_null (strstr (labels->str, "Trace"));

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

/* A party row writes back what it shows, the ultimate parent's fields under
 * "ultimate_parent", and keeps the members it does not show. */
static void
test_party_round_trip (void)
{
  GtkWidget *party = g_object_ref_sink (g_object_new (CLR_TYPE_PARTY_ROW, NULL));
  g_autoptr(JsonNode) in = json_from_string ("{\"role\": \"consignee\", \"name\": \"Acme GmbH\","
                                             " \"address\": \"Hauptstr. 1\", \"country\": \"DE\","
                                             " \"note\": \"kept\", \"ultimate_parent\":"
                                             " {\"name\": \"Acme Holding\", \"headquarters_country\": \"CH\","
                                             " \"ownership_percent\": 75, \"since\": 2020}}", NULL);
  g_autoptr(JsonNode) out = NULL;
  JsonObject *object;
  JsonObject *parent;

  g_assert_nonnull (in);
  clr_party_row_set_party (CLR_PARTY_ROW (party), json_node_get_object (in));
  g_assert_cmpstr (clr_field_row_get_value (find_field (party, "Address")), ==, "Hauptstr. 1");
  out = clr_party_row_to_json (CLR_PARTY_ROW (party));
  object = json_node_get_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Acme GmbH");
  g_assert_cmpstr (json_object_get_string_member (object, "address"), ==, "Hauptstr. 1");
  g_assert_cmpstr (json_object_get_string_member (object, "country"), ==, "DE");
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "kept");
  g_assert_false (json_object_has_member (object, "headquarters_country"));
  parent = json_object_get_object_member (object, "ultimate_parent");
  g_assert_nonnull (parent);
  g_assert_cmpstr (json_object_get_string_member (parent, "name"), ==, "Acme Holding");
  g_assert_cmpstr (json_object_get_string_member (parent, "headquarters_country"), ==, "CH");
  g_assert_cmpfloat (json_object_get_double_member (parent, "ownership_percent"), ==, 75);
  g_assert_cmpint (json_object_get_int_member (parent, "since"), ==, 2020);

  g_object_unref (party);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/shipment/widgets/complete-from-g-object-new", test_complete_from_g_object_new),
  CLR_TEST_FUNC ("/shipment/widgets/catalog-construct-property", test_catalog_construct_property),
  CLR_TEST_FUNC ("/shipment/widgets/party-round-trip", test_party_round_trip),
  CLR_TEST_FUNC ("/shipment/widgets/picker", test_picker),
  CLR_TEST_FUNC ("/shipment/widgets/finding-row", test_finding_row),
  CLR_TEST_FUNC ("/widgets/entry-view", test_entry_view),
};

CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
