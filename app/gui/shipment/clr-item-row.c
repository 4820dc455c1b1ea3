/* clr-item-row.c — one item of the shipment: description, ECCN, parameters, value
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "clr-item-facts.h"
#include "clr-field-row.h"
#include "clr-item-row.h"

struct _ClrItemRow
{
  AdwExpanderRow      parent_instance;

  ClrShipmentCatalog *catalog;
  JsonObject         *extra;          /* the item as loaded, for members the form does not show */
  guint               index;
  gboolean            loading;

  ClrFieldRow        *description;
  ClrFieldRow        *eccn;
  ClrFieldRow        *quantity;
  ClrFieldRow        *unit_value;
  ClrFieldRow        *currency;
  ClrFieldRow        *manufacturer;
  ClrFieldRow        *manufacturer_hq;
  ClrFieldRow        *model;
  ClrFieldRow        *tpp;
  ClrFieldRow        *density;
  ClrFieldRow        *bandwidth;
  AdwActionRow       *datacenter;
  GtkToggleButton    *dc_buttons[3];  /* not stated, yes, no */
  AdwActionRow       *food;           /* EAR99 food or medicine (744.21(a)(2), 746.9) */
  GtkToggleButton    *food_buttons[3];
  AdwActionRow       *enc;            /* 740.17(b) report filed or classification received */
  GtkToggleButton    *enc_buttons[3];
  AdwActionRow       *calculator;
  GtkEntry           *mac_tops;
  GtkEntry           *bit_length;
  GtkLabel           *tpp_result;
  GtkWidget          *use_tpp;
  GtkWidget          *calc_popover;
};

enum {
  CHANGED,
  REMOVE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrItemRow, clr_item_row, ADW_TYPE_EXPANDER_ROW)

/* The label of an item fact: the engine's table (clr-item-facts.h). */
static const char *
fact_label (const char *key)
{
  return _(clr_item_fact_lookup (key)->label);
}

/* Which parameters an ECCN has (TPP, density, bandwidth, data-center design)
 * is rule-pack data ("item_parameters"): regulations move, the form follows. */
static gboolean
has_parameter (ClrItemRow *self,
               const char *fact,
               const char *eccn)
{
  return self->catalog != NULL && clr_shipment_catalog_eccn_has_parameter (self->catalog, fact, eccn);
}

static void
update_header (ClrItemRow *self)
{
  const char *description = clr_field_row_get_value (self->description);
  const char *eccn = clr_field_row_get_value (self->eccn);
  const char *quantity = clr_field_row_get_value (self->quantity);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (description != NULL)
    /* Translators: expander title of an item: number and description */
    title = g_strdup_printf (_("Item %u: %s"), self->index + 1, description);
  else
    title = g_strdup_printf (_("Item %u"), self->index + 1);
  if (eccn != NULL && quantity != NULL)
    /* Translators: item summary: ECCN and quantity */
    subtitle = g_strdup_printf (_("%s · quantity %s"), eccn, quantity);
  else
    subtitle = g_strdup (eccn != NULL ? eccn : _("No ECCN yet"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->tpp), has_parameter (self, "tpp", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->calculator), has_parameter (self, "tpp", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->density), has_parameter (self, "performance_density", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->bandwidth), has_parameter (self, "memory_bandwidth_gbps", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->datacenter), has_parameter (self, "datacenter", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->manufacturer_hq), has_parameter (self, "manufacturer_headquarters", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->food), has_parameter (self, "food_or_medicine", eccn));
  gtk_widget_set_visible (GTK_WIDGET (self->enc), has_parameter (self, "enc_classification_done", eccn));
}

static void
field_changed_cb (ClrItemRow *self)
{
  update_header (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
calc_changed_cb (ClrItemRow *self)
{
  g_autofree char *a = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mac_tops)));
  g_autofree char *b = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->bit_length)));
  char *end_a = NULL, *end_b = NULL;
  double inputs[2], tpp;

  g_strdelimit (a, ",", '.');
  inputs[0] = g_ascii_strtod (a, &end_a);
  inputs[1] = g_ascii_strtod (b, &end_b);
  /* The formula is the pack's (item_parameters: 2 × MacTOPS × bit length). */
  if (*a == '\0' || *b == '\0' || *end_a != '\0' || *end_b != '\0' || inputs[0] <= 0 || inputs[1] <= 0
      || !isfinite (inputs[0]) || !isfinite (inputs[1]) || self->catalog == NULL
      || clr_shipment_catalog_get_pack (self->catalog) == NULL
      || !clr_rule_pack_compute_item_fact (clr_shipment_catalog_get_pack (self->catalog), "tpp", inputs, 2, &tpp))
    {
      gtk_label_set_text (self->tpp_result, _("Enter MacTOPS and the bit length"));
      gtk_widget_set_sensitive (self->use_tpp, FALSE);
      return;
    }
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *text = NULL;

    g_ascii_formatd (buf, sizeof buf, "%.10g", tpp);
    /* Translators: the TPP calculator's result */
    text = g_strdup_printf (_("TPP = %s"), buf);
    gtk_label_set_text (self->tpp_result, text);
    gtk_widget_set_sensitive (self->use_tpp, TRUE);
  }
}

static void
use_tpp_cb (ClrItemRow *self)
{
  const char *text = gtk_label_get_text (self->tpp_result);
  const char *eq = strstr (text, "= ");

  if (eq != NULL)
    clr_field_row_set_text (self->tpp, eq + 2);
  gtk_popover_popdown (GTK_POPOVER (self->calc_popover));
}

static void
remove_clicked_cb (ClrItemRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
up_clicked_cb (ClrItemRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
down_clicked_cb (ClrItemRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
}

static ClrFieldRow *
add_field (ClrItemRow   *self,
           ClrFieldKind  kind,
           const char   *title,
           gboolean      required)
{
  GtkWidget *row = clr_field_row_new (kind, title, required);

  clr_field_row_set_catalog (CLR_FIELD_ROW (row), self->catalog);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return CLR_FIELD_ROW (row);
}

static GtkWidget *
action_button (const char *icon,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
build_calculator (ClrItemRow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label;

  self->calculator = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calculator), _("TPP Calculator"));
  adw_action_row_set_subtitle (self->calculator,
                               _("From a datasheet: TPP = 2 × MacTOPS × bit length of the operation"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  label = gtk_label_new_with_mnemonic (_("_MacTOPS"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->mac_tops = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (self->mac_tops, GTK_INPUT_PURPOSE_NUMBER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->mac_tops));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mac_tops), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("MacTOPS"), -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->mac_tops), 1, 0, 1, 1);
  label = gtk_label_new_with_mnemonic (_("_Bit length"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->bit_length = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (self->bit_length, GTK_INPUT_PURPOSE_DIGITS);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->bit_length));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bit_length), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bit length"), -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->bit_length), 1, 1, 1, 1);
  self->tpp_result = GTK_LABEL (gtk_label_new (_("Enter MacTOPS and the bit length")));
  gtk_label_set_xalign (self->tpp_result, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->tpp_result), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tpp_result),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "tpp-result", -1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->tpp_result), 0, 2, 2, 1);
  self->use_tpp = gtk_button_new_with_mnemonic (_("_Use This TPP"));
  gtk_widget_add_css_class (self->use_tpp, "suggested-action");
  gtk_widget_set_sensitive (self->use_tpp, FALSE);
  gtk_grid_attach (GTK_GRID (grid), self->use_tpp, 0, 3, 2, 1);
  g_signal_connect_swapped (self->mac_tops, "changed", G_CALLBACK (calc_changed_cb), self);
  g_signal_connect_swapped (self->bit_length, "changed", G_CALLBACK (calc_changed_cb), self);
  g_signal_connect_swapped (self->use_tpp, "clicked", G_CALLBACK (use_tpp_cb), self);
  g_signal_connect_swapped (self->bit_length, "activate", G_CALLBACK (use_tpp_cb), self);

  self->calc_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->calc_popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->calc_popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "accessories-calculator-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open the TPP calculator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the TPP calculator"), -1);
  adw_action_row_add_suffix (self->calculator, button);
  adw_action_row_set_activatable_widget (self->calculator, button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->calculator));
}

/* A yes/no fact with "not stated" as a third answer (the rules then ask for it). */
static AdwActionRow *
add_tristate (ClrItemRow       *self,
              const char       *title,
              const char * const names[3],
              GtkToggleButton  *buttons[3])
{
  static const char *labels[] = { N_("Not stated"), N_("Yes"), N_("No") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 3; i++)
    {
      buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(labels[i])));
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i], -1);
      if (i > 0)
        gtk_toggle_button_set_group (buttons[i], buttons[0]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (buttons[i]));
    }
  gtk_toggle_button_set_active (buttons[0], TRUE);
  for (guint i = 0; i < 3; i++)
    g_signal_connect_swapped (buttons[i], "toggled", G_CALLBACK (field_changed_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_add_suffix (row, box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));
  return row;
}

static void
set_tristate (GtkToggleButton *buttons[3],
              JsonObject      *item,
              const char      *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    gtk_toggle_button_set_active (buttons[json_node_get_boolean (node) ? 1 : 2], TRUE);
  else
    gtk_toggle_button_set_active (buttons[0], TRUE);
}

static void
put_tristate (JsonObject      *object,
              const char      *member,
              GtkToggleButton *buttons[3])
{
  if (gtk_toggle_button_get_active (buttons[1]) || gtk_toggle_button_get_active (buttons[2]))
    json_object_set_boolean_member (object, member, gtk_toggle_button_get_active (buttons[1]));
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

static void
clr_item_row_dispose (GObject *object)
{
  ClrItemRow *self = CLR_ITEM_ROW (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (clr_item_row_parent_class)->dispose (object);
}

static void
clr_item_row_class_init (ClrItemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = clr_item_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
clr_item_row_init (ClrItemRow *self)
{
}

GtkWidget *
clr_item_row_new (ClrShipmentCatalog *catalog)
{
  ClrItemRow *self = g_object_new (CLR_TYPE_ITEM_ROW, NULL);
  GtkWidget *button;

  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  self->loading = TRUE;

  self->description = add_field (self, CLR_FIELD_TEXT, _("_Description"), FALSE);
  self->eccn = add_field (self, CLR_FIELD_ECCN, _("_ECCN"), TRUE);
  self->tpp = add_field (self, CLR_FIELD_NUMBER, fact_label ("tpp"), FALSE);
  build_calculator (self);
  self->density = add_field (self, CLR_FIELD_NUMBER, fact_label ("performance_density"), FALSE);
  self->bandwidth = add_field (self, CLR_FIELD_NUMBER, fact_label ("memory_bandwidth_gbps"), FALSE);

  /* Three linked toggles rather than a switch: "not stated" is a fact too (the rules
   * then ask for it). */
  {
    const char *labels[] = { N_("Not stated"), N_("Yes"), N_("No") };
    /* Translators: accessible names of the data-center design toggles */
    const char *names[] = { N_("Data center design not stated"), N_("Data center design: yes"),
                            N_("Data center design: no") };
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (box, "linked");
    gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
    for (guint i = 0; i < 3; i++)
      {
        self->dc_buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(labels[i])));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->dc_buttons[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
        if (i > 0)
          gtk_toggle_button_set_group (self->dc_buttons[i], self->dc_buttons[0]);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dc_buttons[i]));
      }
    gtk_toggle_button_set_active (self->dc_buttons[0], TRUE);
    for (guint i = 0; i < 3; i++)
      g_signal_connect_swapped (self->dc_buttons[i], "toggled", G_CALLBACK (field_changed_cb), self);
    self->datacenter = ADW_ACTION_ROW (adw_action_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->datacenter),
                                   fact_label ("datacenter"));
    adw_action_row_set_title_lines (self->datacenter, 0);
    adw_action_row_add_suffix (self->datacenter, box);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->datacenter));
  }

  {
    /* Translators: accessible names of the food-or-medicine toggles */
    const char *food[] = { _("Food or medicine not stated"), _("Food or medicine: yes"), _("Food or medicine: no") };
    /* Translators: accessible names of the License Exception ENC toggles */
    const char *enc[] = { _("ENC report or classification not stated"), _("ENC report or classification: yes"),
                          _("ENC report or classification: no") };

    self->food = add_tristate (self, fact_label ("food_or_medicine"), food, self->food_buttons);
    self->enc = add_tristate (self, fact_label ("enc_classification_done"),
                              enc, self->enc_buttons);
  }

  self->quantity = add_field (self, CLR_FIELD_INTEGER, fact_label ("quantity"), FALSE);
  self->unit_value = add_field (self, CLR_FIELD_NUMBER, fact_label ("unit_value"), FALSE);
  self->currency = add_field (self, CLR_FIELD_TEXT, _("_Currency"), FALSE);
  self->manufacturer = add_field (self, CLR_FIELD_TEXT, _("_Manufacturer"), FALSE);
  /* the GP10 guidance turns on where the developer or producer (or its ultimate parent) is headquartered */
  self->manufacturer_hq = add_field (self, CLR_FIELD_COUNTRY, fact_label ("manufacturer_headquarters"), FALSE);
  self->model = add_field (self, CLR_FIELD_TEXT, _("M_odel"), FALSE);
  clr_field_row_set_text (self->currency, "USD");

  /* add_action prepends: added last, shown first. */
  button = action_button ("user-trash-symbolic", _("Remove Item"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);
  button = action_button ("go-down-symbolic", _("Move Item Down"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (down_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);
  button = action_button ("go-up-symbolic", _("Move Item Up"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (up_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);

  update_header (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", json_node_get_double (node)));
    }
  return NULL;
}

void
clr_item_row_set_item (ClrItemRow *self,
                       JsonObject *item)
{
  static const struct { const char *member; gsize offset; } fields[] = {
    { "description", G_STRUCT_OFFSET (ClrItemRow, description) },
    { "eccn", G_STRUCT_OFFSET (ClrItemRow, eccn) },
    { "quantity", G_STRUCT_OFFSET (ClrItemRow, quantity) },
    { "unit_value", G_STRUCT_OFFSET (ClrItemRow, unit_value) },
    { "currency", G_STRUCT_OFFSET (ClrItemRow, currency) },
    { "manufacturer", G_STRUCT_OFFSET (ClrItemRow, manufacturer) },
    { "manufacturer_headquarters", G_STRUCT_OFFSET (ClrItemRow, manufacturer_hq) },
    { "model", G_STRUCT_OFFSET (ClrItemRow, model) },
    { "tpp", G_STRUCT_OFFSET (ClrItemRow, tpp) },
    { "performance_density", G_STRUCT_OFFSET (ClrItemRow, density) },
    { "memory_bandwidth_gbps", G_STRUCT_OFFSET (ClrItemRow, bandwidth) },
  };
  JsonNode *dc;

  g_return_if_fail (CLR_IS_ITEM_ROW (self));
  g_return_if_fail (item != NULL);

  self->loading = TRUE;
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = json_object_ref (item);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      ClrFieldRow *row = G_STRUCT_MEMBER (ClrFieldRow *, self, fields[i].offset);
      g_autofree char *text = member_text (item, fields[i].member);

      clr_field_row_set_text (row, text);
    }
  dc = json_object_get_member (item, "datacenter");
  if (dc != NULL && JSON_NODE_HOLDS_VALUE (dc) && json_node_get_value_type (dc) == G_TYPE_BOOLEAN)
    gtk_toggle_button_set_active (self->dc_buttons[json_node_get_boolean (dc) ? 1 : 2], TRUE);
  else
    gtk_toggle_button_set_active (self->dc_buttons[0], TRUE);
  set_tristate (self->food_buttons, item, "food_or_medicine");
  set_tristate (self->enc_buttons, item, "enc_classification_done");
  update_header (self);
  self->loading = FALSE;
}

/* A valid value as the right JSON type; invalid text is kept as a string, so what
 * the user typed survives autosave (evaluation then names the bad field). */
static void
put_field (JsonObject  *object,
           const char  *member,
           ClrFieldRow *row,
           gboolean     integer)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  double number;

  if (clr_field_row_get_number (row, &number))
    {
      if (integer || (number == floor (number) && fabs (number) < 1e15))
        json_object_set_int_member (object, member, (gint64) number);
      else
        json_object_set_double_member (object, member, number);
    }
  else if (clr_field_row_get_value (row) != NULL)
    json_object_set_string_member (object, member, clr_field_row_get_value (row));
  else if (*trimmed != '\0')
    json_object_set_string_member (object, member, trimmed);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

JsonNode *
clr_item_row_to_json (ClrItemRow *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;
  guint selected;

  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), NULL);

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (object, name, json_node_copy (value));
    }
  put_field (object, "description", self->description, FALSE);
  put_field (object, "eccn", self->eccn, FALSE);
  put_field (object, "quantity", self->quantity, TRUE);
  put_field (object, "unit_value", self->unit_value, FALSE);
  put_field (object, "currency", self->currency, FALSE);
  put_field (object, "manufacturer", self->manufacturer, FALSE);
  put_field (object, "manufacturer_headquarters", self->manufacturer_hq, FALSE);
  put_field (object, "model", self->model, FALSE);
  put_field (object, "tpp", self->tpp, FALSE);
  put_field (object, "performance_density", self->density, FALSE);
  put_field (object, "memory_bandwidth_gbps", self->bandwidth, FALSE);
  selected = gtk_toggle_button_get_active (self->dc_buttons[1]) ? 1
             : gtk_toggle_button_get_active (self->dc_buttons[2]) ? 2 : 0;
  if (selected == 1 || selected == 2)
    json_object_set_boolean_member (object, "datacenter", selected == 1);
  else if (json_object_has_member (object, "datacenter"))
    json_object_remove_member (object, "datacenter");
  put_tristate (object, "food_or_medicine", self->food_buttons);
  put_tristate (object, "enc_classification_done", self->enc_buttons);

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

void
clr_item_row_set_index (ClrItemRow *self,
                        guint       index)
{
  g_return_if_fail (CLR_IS_ITEM_ROW (self));

  self->index = index;
  update_header (self);
}

static ClrFieldRow **
field_rows (ClrItemRow *self,
            guint      *n)
{
  ClrFieldRow **rows;
  ClrFieldRow *all[] = { self->description, self->eccn, self->tpp, self->density, self->bandwidth,
                         self->quantity, self->unit_value, self->currency, self->manufacturer,
                         self->manufacturer_hq, self->model };

  rows = g_new (ClrFieldRow *, G_N_ELEMENTS (all));
  memcpy (rows, all, sizeof all);
  *n = G_N_ELEMENTS (all);
  return rows;
}

void
clr_item_row_set_show_missing (ClrItemRow *self,
                               gboolean    show_missing)
{
  guint n;
  g_autofree ClrFieldRow **rows = NULL;

  g_return_if_fail (CLR_IS_ITEM_ROW (self));

  rows = field_rows (self, &n);
  for (guint i = 0; i < n; i++)
    clr_field_row_set_show_missing (rows[i], show_missing);
}

guint
clr_item_row_count_errors (ClrItemRow  *self,
                           GtkWidget  **first)
{
  guint n, errors = 0;
  g_autofree ClrFieldRow **rows = NULL;

  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), 0);

  rows = field_rows (self, &n);
  for (guint i = 0; i < n; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && clr_field_row_get_error (rows[i]) != NULL)
      {
        if (errors++ == 0 && first != NULL)
          *first = GTK_WIDGET (rows[i]);
      }
  return errors;
}

gboolean
clr_item_row_get_parameters_visible (ClrItemRow *self)
{
  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->tpp));
}
