/* test-classify.c — classification help in the item row: the ECCN picker
 * finds paragraphs by product words and well-known models, an empty search
 * says so, and the row says live which 3A090 paragraph the parameters meet
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-rule-pack.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-item-row.h"
#include "shipment/clr-pick-item.h"
#include "shipment/clr-picker-popover.h"

static ClrApplication *app;

#define find_field(root, title) \
  ((ClrFieldRow *) clr_gui_test_find_widget (GTK_WIDGET (root), CLR_TYPE_FIELD_ROW, (title)))

typedef struct
{
  ClrRulePack        *pack;
  ClrShipmentCatalog *catalog;
  GtkWidget          *item;
  ClrPickerPopover   *picker;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->pack = clr_rule_pack_new_bundled (&error);
  g_assert_no_error (error);
  f->catalog = clr_shipment_catalog_new (f->pack);
  f->item = g_object_ref_sink (clr_item_row_new (f->catalog));
  f->picker = CLR_PICKER_POPOVER (clr_field_row_get_picker (find_field (f->item, "ECCN")));
  g_assert_nonnull (f->picker);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->item);
  g_object_unref (f->catalog);
  g_object_unref (f->pack);
}

static gboolean
shown_count_is (ClrPickerPopover *picker,
                gboolean          empty)
{
  return (g_list_model_get_n_items (clr_picker_popover_get_shown (picker)) == 0) == empty;
}

/* TRUE once the list shows only what @query finds (the search is applied
 * after the entry's search delay). */
static gboolean
shown_all_match (ClrPickerPopover *picker,
                 const char       *query)
{
  GListModel *shown = clr_picker_popover_get_shown (picker);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ClrPickItem) item = g_list_model_get_item (shown, i);

      if (!clr_pick_item_matches (item, query))
        return FALSE;
    }
  return TRUE;
}

/* Types @query into the picker's search and waits for the list to follow;
 * returns the ids shown, "|"-separated. */
static char *
search (ClrPickerPopover *picker,
        const char       *query,
        gboolean          expect_empty)
{
  GListModel *shown = clr_picker_popover_get_shown (picker);
  GString *ids = g_string_new ("|");

  gtk_editable_set_text (clr_picker_popover_get_search (picker), query);
  CLR_GUI_TEST_WAIT_UNTIL (shown_all_match (picker, query) && shown_count_is (picker, expect_empty) &&
                           (expect_empty ? clr_picker_popover_get_none_text (picker) != NULL
                                         : clr_picker_popover_get_none_text (picker) == NULL), 5);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ClrPickItem) item = g_list_model_get_item (shown, i);

      g_string_append_printf (ids, "%s|", clr_pick_item_get_id (item));
    }
  return g_string_free (ids, FALSE);
}

/* The subtitle of the result @id shown in the picker (borrowed), or "". */
static const char *
subtitle_of (ClrPickerPopover *picker,
             const char       *id)
{
  GListModel *shown = clr_picker_popover_get_shown (picker);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ClrPickItem) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (clr_pick_item_get_id (item), id) == 0)
        return clr_pick_item_get_subtitle (item);
    }
  return "";
}

/* Product words find the paragraphs; a model's name finds the model. */
static void
test_picker_words_and_models (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *gpu = search (f->picker, "GPU", FALSE);
  g_autofree char *hbm = NULL;
  g_autofree char *h20 = NULL;
  g_autofree char *none = NULL;

  g_assert_nonnull (strstr (gpu, "|3A090.a|"));
  g_assert_nonnull (strstr (gpu, "|3A090.b|"));
  /* Each says its level, from the pack's derivation: they can be told apart. */
  g_assert_nonnull (strstr (subtitle_of (f->picker, "3A090.a"), "4800"));
  g_assert_cmpstr (subtitle_of (f->picker, "3A090.a"), !=, subtitle_of (f->picker, "3A090.b"));
  g_assert_nonnull (strstr (gpu, "|3A991.p|"));
  g_assert_null (clr_picker_popover_get_none_text (f->picker));
  hbm = search (f->picker, "hbm", FALSE);
  g_assert_nonnull (strstr (hbm, "|3A090.c|"));
  h20 = search (f->picker, "H20", FALSE);
  g_assert_nonnull (strstr (h20, "|model:H20|"));
  /* The model named exactly comes first, before "H200": Enter picks it. */
  g_assert_true (g_str_has_prefix (h20, "|model:H20|"));
  g_assert_nonnull (strstr (h20, "|model:H200"));
  none = search (f->picker, "flux capacitor", TRUE);
  g_assert_cmpstr (none, ==, "|");
  g_assert_cmpstr (clr_picker_popover_get_none_text (f->picker), ==, "No ECCN matches “flux capacitor”");
}

/* Parameters typed in the row give the paragraph they meet, live. */
static void
test_row_classification (Fixture       *f,
                         gconstpointer  data)
{
  ClrItemRow *row = CLR_ITEM_ROW (f->item);
  ClrFieldRow *tpp = find_field (f->item, "Total processing performance (TPP)");
  ClrFieldRow *density = find_field (f->item, "Performance density");
  g_autoptr(JsonNode) h20 = json_from_string ("{\"eccn\": \"3A090\", \"tpp\": 2368, \"performance_density\": 2.9, "
                                              "\"datacenter\": true}", NULL);

  clr_field_row_set_text (find_field (f->item, "ECCN"), "3A090");
  g_assert_true (clr_item_row_get_parameters_visible (row));
  g_assert_nonnull (strstr (clr_item_row_get_classification (row), "Give TPP"));
  clr_field_row_set_text (tpp, "15832");
  clr_field_row_set_text (density, "19.4");
  g_assert_cmpstr (clr_item_row_get_classification (row), ==, "meets 3A090.a");

  clr_item_row_set_item (row, json_node_get_object (h20));
  g_assert_cmpstr (clr_item_row_get_classification (row), ==, "meets neither — 3A991 / 4A994 / 5A992 may apply");

  /* After "meets neither", choosing 3A991.p keeps the parameters in view. */
  clr_field_row_set_text (find_field (f->item, "ECCN"), "3A991.p");
  g_assert_true (clr_item_row_get_parameters_visible (row));
  g_assert_cmpstr (clr_item_row_get_classification (row), ==, "meets neither — 3A991 / 4A994 / 5A992 may apply");
}

/* A known model fills empty parameters, and says when the given ones differ. */
static void
test_row_model (Fixture       *f,
                gconstpointer  data)
{
  ClrItemRow *row = CLR_ITEM_ROW (f->item);
  ClrFieldRow *tpp = find_field (f->item, "Total processing performance (TPP)");

  clr_field_row_set_text (find_field (f->item, "ECCN"), "3A090");
  /* picking the model in the ECCN picker */
  g_signal_emit_by_name (f->picker, "picked", "model:H100 SXM");
  g_assert_cmpstr (clr_field_row_get_value (find_field (f->item, "Model")), ==, "H100 SXM");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tpp)), ==, "15832");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_field (f->item, "Memory bandwidth (GB/s)"))), ==, "3350");
  g_assert_cmpstr (clr_item_row_get_classification (row), ==, "meets 3A090.a");

  clr_field_row_set_text (tpp, "4000");
  g_assert_nonnull (strstr (clr_item_row_get_classification (row), "NVIDIA H100 SXM publishes TPP 15832"));
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/shipment/classify/picker", test_picker_words_and_models),
  CLR_TEST ("/shipment/classify/row", test_row_classification),
  CLR_TEST ("/shipment/classify/model", test_row_model),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_set_up, fixture_tear_down)
