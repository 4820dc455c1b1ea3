/* test-shipment-room.c — "a form with room to breathe" (#17 §5), in process: the
 * form's width at the default window, messages under the value, findings with
 * technical details folded away, focus after Ctrl+Return and Add Item, Move
 * Up/Down at the ends, countries by name, Ctrl+S and its "Saved" state
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-cases.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-field-row.h"
#include "shipment/clr-finding-row.h"
#include "shipment/clr-item-row.h"
#include "shipment/clr-pick-item.h"
#include "shipment/clr-result-pane.h"
#include "shipment/clr-shipment-form.h"

#define find_field(root, title) \
  ((ClrFieldRow *) clr_gui_test_find_widget (GTK_WIDGET (root), CLR_TYPE_FIELD_ROW, (title)))

static ClrApplication *app;

typedef struct
{
  GtkWindow       *window;
  ClrShipmentPage *page;
  GtkWidget       *sidebar;
  ClrShipmentForm *form;
  ClrResultPane   *pane;
} Fixture;

/* The page in a window of the app's default size (1090 × 750 of content). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->page = clr_gui_test_present_shipment_page (clr_application_get_store (app), 1090, 750, &f->window);
  clr_shipment_page_new_case (f->page);
  f->form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (f->page));
  f->pane = CLR_RESULT_PANE (clr_shipment_page_get_result_pane (f->page));
  f->sidebar = gtk_widget_get_ancestor (GTK_WIDGET (clr_shipment_page_get_case_list (f->page)),
                                        CLR_TYPE_CASE_SIDEBAR);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
}

static gboolean
not_evaluating (ClrShipmentPage *page)
{
  return !clr_shipment_page_get_evaluating (page);
}

/* H100s for a Chinese supercomputer centre (the engine tests' shipment), its
 * rows opened. */
static void
load (Fixture *f)
{
  g_autofree char *path = clr_test_data_file ("engine", "shipments/h100-to-listed-supercomputer-center.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  document = clr_test_parse (text);
  clr_shipment_form_set_document (f->form, document);
  clr_shipment_form_expand_all (f->form);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

/* The first widget below @root (depth first, not in popovers: the pickers'
 * lists are not what a row shows) for which @match is true. */
static GtkWidget *
find_below (GtkWidget  *root,
            gboolean  (*match) (GtkWidget *widget, const char *text),
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (match (child, text))
        return child;
      if ((found = find_below (child, match, text)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

#define find_label(root, text) ((GtkLabel *) find_below ((root), label_contains, (text)))

/* §5.1: at the default window the form column has room: no longer ~330 px. */
static void
test_form_width (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *sidebar = f->sidebar;
  GtkWidget *toggle = find_below (GTK_WIDGET (f->page), has_tooltip, "Show or Hide the Case List (F9)");
  int with_sidebar, without_sidebar;

  load (f);
  with_sidebar = gtk_widget_get_width (GTK_WIDGET (f->form));
  g_test_message ("form %d px, result %d px, sidebar %d px with the sidebar", with_sidebar,
                  gtk_widget_get_width (GTK_WIDGET (f->pane)), gtk_widget_get_width (sidebar));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "room-1090-sidebar.png");
  g_assert_cmpint (with_sidebar, >=, 420);
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 280);

  /* The sidebar collapses (F9 or the toggle) and the form takes the room. */
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_visible (toggle));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.toggle-cases", NULL);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  without_sidebar = gtk_widget_get_width (GTK_WIDGET (f->form));
  g_test_message ("form %d px without the sidebar", without_sidebar);
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "room-1090-no-sidebar.png");
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (without_sidebar, >=, with_sidebar + 100);

  /* And comes back. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.toggle-cases", NULL);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (sidebar));

  /* At 360 px the page still folds: the cases are behind the list button. */
  gtk_window_set_default_size (f->window, 360, 720);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_cmpint (clr_gui_test_min_width (GTK_WIDGET (f->page)), <=, 360);
  g_assert_false (gtk_widget_get_visible (toggle));
  g_assert_true (gtk_widget_get_visible (clr_gui_test_find_action_button (GTK_WIDGET (f->page),
                                                                         "shipment.show-cases")));
}

/* The y of @widget's top and bottom in @row's coordinates. */
static void
vertical_extent (GtkWidget *widget,
                 GtkWidget *row,
                 float     *top,
                 float     *bottom)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
}

/* The row's editable text (the GtkText inside the entry row). */
static GtkWidget *
row_text (GtkWidget *row)
{
  return clr_gui_test_find_widget (row, GTK_TYPE_TEXT, NULL);
}

/* §5.2 and §5.3: the country's groups and the ECCN's heading under the value,
 * and what is wrong as the row's error subtitle, under the value too. */
static void
test_messages_under_value (Fixture       *f,
                           gconstpointer  data)
{
  ClrFieldRow *destination = find_field (f->form, "Destination");
  ClrItemRow *item;
  ClrFieldRow *eccn, *quantity;
  g_autofree char *heading = NULL;
  GtkLabel *label;
  float text_top, text_bottom, top, bottom;

  load (f);
  item = g_ptr_array_index (clr_shipment_form_get_item_rows (f->form), 0);
  eccn = find_field (item, "ECCN");
  quantity = find_field (item, "Quantity");

  /* Destination China: its groups under the value, the whole width of the row. */
  label = find_label (GTK_WIDGET (destination), "D:5");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  vertical_extent (row_text (GTK_WIDGET (destination)), GTK_WIDGET (destination), &text_top, &text_bottom);
  vertical_extent (GTK_WIDGET (label), GTK_WIDGET (destination), &top, &bottom);
  g_assert_cmpfloat (top, >=, text_bottom);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, gtk_widget_get_width (GTK_WIDGET (destination)) / 2);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));

  /* The ECCN's heading likewise. */
  heading = clr_shipment_catalog_describe_eccn (clr_shipment_form_get_catalog (f->form), "3A090.a");
  g_assert_nonnull (heading);
  label = find_label (GTK_WIDGET (eccn), heading);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  vertical_extent (row_text (GTK_WIDGET (eccn)), GTK_WIDGET (eccn), &text_top, &text_bottom);
  vertical_extent (GTK_WIDGET (label), GTK_WIDGET (eccn), &top, &bottom);
  g_assert_cmpfloat (top, >=, text_bottom);

  /* A bad number: the error under the value, in the error style, and said to
   * assistive technologies. */
  clr_field_row_set_text (quantity, "a dozen");
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  label = find_label (GTK_WIDGET (quantity), "Enter a whole number");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (quantity), "error"));
  vertical_extent (row_text (GTK_WIDGET (quantity)), GTK_WIDGET (quantity), &text_top, &text_bottom);
  vertical_extent (GTK_WIDGET (label), GTK_WIDGET (quantity), &top, &bottom);
  g_assert_cmpfloat (top, >=, text_bottom);
  /* One place only: nothing beside the value says it. */
  g_assert_true (find_label (GTK_WIDGET (quantity), "Enter a whole number") == label);

  /* Fixed: the subtitle goes. */
  clr_field_row_set_text (quantity, "12");
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (quantity), "error"));

  /* Required, shown on Evaluate: under the empty value. */
  clr_field_row_set_text (find_field (f->form, "Destination"), "");
  clr_shipment_page_evaluate (f->page);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  label = find_label (GTK_WIDGET (find_field (f->form, "Destination")), "Required");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "room-messages.png");
}

/* §5.4: findings use the row's width: citation and review policy under the
 * title, the rule and trace behind "Technical details". */
static void
test_finding_details (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) finding = clr_test_parse (
    "{\"rule\": \"ac-3a090-cn\", \"outcome\": \"license_required\", \"title\": \"Advanced computing ICs to China\","
    " \"citation\": \"15 CFR 742.6(a)(6)\", \"license_policy\": \"presumption of denial\","
    " \"explanation\": \"3A090.a to a D:5 country.\", \"items\": [0]}");
  g_autoptr(JsonNode) shipment = clr_test_parse ("{\"items\": [{\"description\": \"H100\"}]}");
  g_autoptr(JsonNode) trace = clr_test_parse ("{\"matched\": true, \"condition\": \"eccn in ac_family\"}");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = clr_finding_row_new (json_node_get_object (finding), json_node_get_object (shipment), trace);
  GtkWidget *pill = clr_gui_test_find_widget (row, GTK_TYPE_LABEL, NULL);
  GtkExpander *details;
  GtkLabel *title, *rule, *trace_label;
  GtkWindow *window;
  const char *subtitle;

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  window = clr_gui_test_present (list, 420, 700);
  clr_gui_test_wait_drawn (row);

  /* Citation and review policy under the title, each on its line. */
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  g_assert_cmpstr (subtitle, ==, "15 CFR 742.6(a)(6)\nReview policy: presumption of denial");
  title = find_label (row, "Advanced computing ICs to China");
  g_assert_nonnull (title);
  /* The title starts at the row's left edge: no verdict pill beside it. */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (title), row, &bounds));
    g_assert_cmpfloat (bounds.origin.x, <=, 24);
  }
  g_assert_nonnull (pill);
  g_assert_nonnull (find_label (row, "License required"));

  /* The rule and trace are there, folded away. */
  details = GTK_EXPANDER (clr_gui_test_find_widget (row, GTK_TYPE_EXPANDER, NULL));
  g_assert_nonnull (details);
  g_assert_cmpstr (gtk_expander_get_label (details), ==, "Technical details");
  g_assert_false (gtk_expander_get_expanded (details));
  rule = find_label (row, "ac-3a090-cn");
  trace_label = find_label (row, "eccn in ac_family");
  g_assert_true (rule == NULL || !gtk_widget_get_mapped (GTK_WIDGET (rule)));
  g_assert_true (trace_label == NULL || !gtk_widget_get_mapped (GTK_WIDGET (trace_label)));
  /* The explanation is not. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_label (row, "3A090.a to a D:5 country."))));

  gtk_expander_set_expanded (details, TRUE);
  clr_gui_test_wait_drawn (row);
  rule = find_label (row, "ac-3a090-cn");
  trace_label = find_label (row, "eccn in ac_family");
  g_assert_nonnull (rule);
  g_assert_nonnull (trace_label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rule)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (trace_label)));
  clr_gui_test_save_artifact (GTK_WIDGET (window), "room-finding.png");

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

/* §5.5: Ctrl+Return evaluates and leaves the focus where it was. */
static void
test_evaluate_keeps_focus (Fixture       *f,
                           gconstpointer  data)
{
  ClrFieldRow *reference;
  GtkWidget *focus;

  load (f);
  reference = find_field (f->form, "Reference");
  gtk_widget_grab_focus (GTK_WIDGET (reference));
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (reference)));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.evaluate", NULL);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 20);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (reference)));
}

/* Is @widget's top inside the scrolled window that holds it? */
static gboolean
scrolled_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scrolled == NULL || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + 40 <= gtk_widget_get_height (scrolled);
}

static gboolean
focus_inside (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

/* §5.6: Add Item scrolls to the new item and focuses its first field. */
static void
test_add_item_scrolls (Fixture       *f,
                       gconstpointer  data)
{
  GPtrArray *items = clr_shipment_form_get_item_rows (f->form);
  GtkWidget *row;

  load (f);
  for (guint i = 0; i < 3; i++)
    clr_shipment_form_add_item (f->form);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  /* Back to the top, then Ctrl+I from the Reference field. */
  gtk_widget_grab_focus (GTK_WIDGET (find_field (f->form, "Reference")));
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (find_field (f->form, "Reference")),
                                                  GTK_TYPE_SCROLLED_WINDOW))), 0);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_false (scrolled_into_view (g_ptr_array_index (items, items->len - 1)));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.add-item", NULL);
  row = g_ptr_array_index (items, items->len - 1);
  g_assert_cmpuint (items->len, ==, 5);
  CLR_GUI_TEST_WAIT_UNTIL (scrolled_into_view (row) && focus_inside (f->window, row), 5);
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_true (scrolled_into_view (row));
  g_assert_true (focus_inside (f->window, row));
  /* The focus is in its Description, ready to type. */
  g_assert_true (focus_inside (f->window, GTK_WIDGET (find_field (row, "Description"))));
}

static GtkWidget *
move_button (ClrItemRow *row,
             const char *label)
{
  return clr_item_row_get_move_button (row, g_str_equal (label, "up") ? -1 : 1);
}

static void
assert_move_buttons (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      ClrItemRow *row = g_ptr_array_index (items, i);

      g_assert_cmpint (gtk_widget_get_sensitive (move_button (row, "up")), ==, i > 0);
      g_assert_cmpint (gtk_widget_get_sensitive (move_button (row, "down")), ==, i + 1 < items->len);
    }
}

/* §5.7: Move Up is off on the first item, Move Down on the last, and they
 * follow adding, removing and moving. */
static void
test_move_buttons (Fixture       *f,
                   gconstpointer  data)
{
  GPtrArray *items = clr_shipment_form_get_item_rows (f->form);
  ClrItemRow *first;

  load (f);
  g_assert_cmpuint (items->len, ==, 1);
  assert_move_buttons (items);
  g_assert_false (gtk_widget_get_sensitive (move_button (g_ptr_array_index (items, 0), "up")));
  g_assert_false (gtk_widget_get_sensitive (move_button (g_ptr_array_index (items, 0), "down")));

  clr_shipment_form_add_item (f->form);
  clr_shipment_form_add_item (f->form);
  assert_move_buttons (items);
  first = g_ptr_array_index (items, 0);
  g_assert_true (gtk_widget_get_sensitive (move_button (first, "down")));

  /* The first item moved down: now Up works on it, and the new first cannot go up. */
  g_assert_true (clr_shipment_form_move_item (f->form, 0, 1));
  g_assert_true (g_ptr_array_index (items, 1) == first);
  assert_move_buttons (items);

  /* Removing the last one: the one before it is last now. */
  clr_form_row_request_removal (g_ptr_array_index (items, 2));
  g_assert_cmpuint (items->len, ==, 2);
  assert_move_buttons (items);
  g_assert_false (gtk_widget_get_sensitive (move_button (first, "down")));

  /* A document loaded afresh. */
  load (f);
  assert_move_buttons (items);
}

/* §5.8: the country picker lists countries by name in the user's locale. */
static void
test_countries_by_name (Fixture       *f,
                        gconstpointer  data)
{
  ClrShipmentCatalog *catalog = clr_shipment_form_get_catalog (f->form);
  GListModel *countries = clr_shipment_catalog_get_countries (catalog);
  guint n = g_list_model_get_n_items (countries);
  g_autofree char *previous = NULL;
  int afghanistan = -1, china = -1, united_states = -1;

  g_assert_cmpuint (n, >, 100);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrPickItem) item = g_list_model_get_item (countries, i);
      const char *title = clr_pick_item_get_title (item);
      g_autofree char *key = g_utf8_collate_key (title, -1);

      if (previous != NULL)
        {
          if (strcmp (previous, key) > 0)
            g_error ("country %u \"%s\" comes after a name that sorts later", i, title);
        }
      g_free (previous);
      previous = g_steal_pointer (&key);
      if (g_strcmp0 (clr_pick_item_get_id (item), "AF") == 0)
        afghanistan = (int) i;
      else if (g_strcmp0 (clr_pick_item_get_id (item), "CN") == 0)
        china = (int) i;
      else if (g_strcmp0 (clr_pick_item_get_id (item), "US") == 0)
        united_states = (int) i;
    }
  /* By code, the United Arab Emirates (AE) would come before Afghanistan. */
  g_assert_cmpint (afghanistan, ==, 0);
  g_assert_cmpint (china, <, united_states);

  /* A new export date rebuilds the list: still by name. */
  clr_field_row_set_text (find_field (f->form, "Export date"), "2023-06-01");
  countries = clr_shipment_catalog_get_countries (catalog);
  {
    g_autoptr(ClrPickItem) item = g_list_model_get_item (countries, 0);

    g_assert_cmpstr (clr_pick_item_get_id (item), ==, "AF");
  }
}

static gboolean
stored_reference_is (ClrStore   *store,
                     gint64      case_id,
                     const char *reference)
{
  g_autoptr(ClrCase) item = clr_store_get_case (store, case_id, NULL);

  return item != NULL && g_strcmp0 (json_object_get_string_member_with_default (
                                      json_node_get_object (item->shipment), "reference", NULL), reference) == 0;
}

/* §5.9: Ctrl+S saves the case now and says "Saved"; an edit clears it, and
 * autosave goes on. */
static void
test_save_shortcut (Fixture       *f,
                    gconstpointer  data)
{
  ClrStore *store = clr_application_get_store (app);
  GtkLabel *state = clr_shipment_page_get_save_state (f->page);
  gint64 case_id;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));
  clr_field_row_set_text (find_field (f->form, "Reference"), "PO-SAVE-1");
  /* Saved at once, not 0.4 s later. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.save", NULL);
  case_id = clr_shipment_page_get_case_id (f->page);
  g_assert_cmpint (case_id, >, 0);
  g_assert_true (stored_reference_is (store, case_id, "PO-SAVE-1"));
  clr_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (state)));
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Saved");
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "room-saved.png");

  /* An edit: not "Saved" any more, until autosave (or Ctrl+S) has written it. */
  clr_field_row_set_text (find_field (f->form, "Reference"), "PO-SAVE-2");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));
  CLR_GUI_TEST_WAIT_UNTIL (stored_reference_is (store, case_id, "PO-SAVE-2"), 5);
  g_assert_true (stored_reference_is (store, case_id, "PO-SAVE-2"));
  CLR_GUI_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (state)), 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));
}

int
main (int    argc,
      char **argv)
{
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();

  g_test_add ("/shipment/room/form-width", Fixture, NULL, fixture_setup, test_form_width, fixture_teardown);
  g_test_add ("/shipment/room/messages-under-value", Fixture, NULL, fixture_setup, test_messages_under_value,
              fixture_teardown);
  g_test_add ("/shipment/room/finding-details", Fixture, NULL, fixture_setup, test_finding_details, fixture_teardown);
  g_test_add ("/shipment/room/evaluate-keeps-focus", Fixture, NULL, fixture_setup, test_evaluate_keeps_focus,
              fixture_teardown);
  g_test_add ("/shipment/room/add-item-scrolls", Fixture, NULL, fixture_setup, test_add_item_scrolls,
              fixture_teardown);
  g_test_add ("/shipment/room/move-buttons", Fixture, NULL, fixture_setup, test_move_buttons, fixture_teardown);
  g_test_add ("/shipment/room/countries-by-name", Fixture, NULL, fixture_setup, test_countries_by_name,
              fixture_teardown);
  g_test_add ("/shipment/room/save-shortcut", Fixture, NULL, fixture_setup, test_save_shortcut, fixture_teardown);

  return clr_gui_test_run (app);
}
