/* clr-item-row.c — one item of the shipment: description, ECCN, parameters, value
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "clr-classify.h"
#include "clr-item-facts.h"
#include "clr-json.h"
#include "clr-field-row.h"
#include "clr-item-row.h"

struct _ClrItemRow
{
  ClrFormRow          parent_instance;

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
  GtkToggleButton    *datacenter_buttons[3];  /* not stated, yes, no */
  AdwActionRow       *food;           /* EAR99 food or medicine (744.21(a)(2), 746.9) */
  GtkToggleButton    *food_buttons[3];
  AdwActionRow       *enc;            /* 740.17(b) report filed or classification received */
  GtkToggleButton    *enc_buttons[3];
  AdwActionRow       *calculator;
  AdwActionRow       *classification;  /* "meets 3A090.a", live */
  char               *last_model;      /* the model text parameters were last filled from */
  GtkEntry           *mac_tops;
  GtkEntry           *bit_length;
  GtkLabel           *tpp_result;
  GtkWidget          *use_tpp;
  GtkWidget          *calc_popover;
  GtkWidget          *up_button;
  GtkWidget          *down_button;
};



enum {
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrItemRow, clr_item_row, CLR_TYPE_FORM_ROW)

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
  ClrShipmentCatalog *catalog = clr_form_row_get_catalog (CLR_FORM_ROW (self));

  return catalog != NULL && clr_shipment_catalog_eccn_has_parameter (catalog, fact, eccn);
}

/* The numbers a known model publishes fill the fields left empty; a value
 * that differs is named. Returns the note for the classification row, or NULL. */
static char *
apply_model (ClrItemRow      *self,
             ClrClassifyHelp *help)
{
  static const struct { const char *key; gsize offset; } numbers[] = {
    { "tpp", G_STRUCT_OFFSET (ClrItemRow, tpp) },
    { "performance_density", G_STRUCT_OFFSET (ClrItemRow, density) },
    { "memory_bandwidth_gbps", G_STRUCT_OFFSET (ClrItemRow, bandwidth) },
  };
  const char *text = clr_field_row_get_value (self->model);
  JsonObject *model = clr_classify_help_find_model (help, text);
  gboolean fill = !clr_form_row_get_loading (CLR_FORM_ROW (self)) && g_strcmp0 (text, self->last_model) != 0;
  g_autoptr(GPtrArray) differ = g_ptr_array_new_with_free_func (g_free);

  if (model == NULL)
    return NULL;
  g_free (self->last_model);
  self->last_model = g_strdup (text);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      ClrFieldRow *field = G_STRUCT_MEMBER (ClrFieldRow *, self, numbers[i].offset);
      JsonNode *node = json_object_get_member (model, numbers[i].key);
      const char *given = gtk_editable_get_text (GTK_EDITABLE (field));
      char published[G_ASCII_DTOSTR_BUF_SIZE];

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      g_ascii_formatd (published, sizeof published, "%.10g", json_node_get_double (node));
      if (*given == '\0' && fill)
        clr_field_row_set_text (field, published);
      else if (*given != '\0' && g_ascii_strtod (given, NULL) != json_node_get_double (node))
        /* Translators: a parameter that differs from a known model's published value, e.g. "TPP 2368" */
        g_ptr_array_add (differ, g_strdup_printf (_("%s %s"), _(clr_item_fact_lookup (numbers[i].key)->phrase), published));
    }
  if (differ->len == 0)
    return NULL;
  g_ptr_array_add (differ, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) differ->pdata);

    /* Translators: the model's published values differ from those given, e.g. "NVIDIA H20 publishes TPP 2368" */
    return g_strdup_printf (_("%s %s publishes %s"), clr_json_get_string (model, "vendor"),
                            clr_json_get_string (model, "model"), list);
  }
}

/* "meets 3A090.a", from the pack's thresholds, as the parameters are typed. */
static void
update_classification (ClrItemRow *self)
{
  ClrShipmentCatalog *catalog = clr_form_row_get_catalog (CLR_FORM_ROW (self));
  ClrClassifyHelp *help = catalog != NULL ? clr_shipment_catalog_get_classify_help (catalog) : NULL;
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *shown = NULL;

  if (help == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->classification), FALSE);
      return;
    }
  note = apply_model (self, help);
  item = clr_item_row_to_json (self);
  date = g_strdup (clr_shipment_catalog_get_date (catalog));
  if (date == NULL)
    date = g_date_time_format (now, "%Y-%m-%d");
  clr_classify_help_classify (help, clr_shipment_catalog_get_pack (catalog), json_node_get_object (item), date,
                              &text, NULL);
  if (text == NULL)
    text = g_strdup (_("Give TPP, performance density and the data-center design to see the 3A090 paragraph"));
  shown = note != NULL ? g_strdup_printf ("%s\n%s", text, note) : g_strdup (text);
  adw_action_row_set_subtitle (self->classification, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->classification), gtk_widget_get_visible (GTK_WIDGET (self->tpp)));
}

static void
model_picked_cb (ClrItemRow *self,
                 const char *model)
{
  clr_field_row_set_text (self->model, model);
}

static void
update_header (ClrFormRow *row)
{
  ClrItemRow *self = CLR_ITEM_ROW (row);
  guint index = clr_form_row_get_index (row);
  const char *description = clr_field_row_get_value (self->description);
  const char *eccn = clr_field_row_get_value (self->eccn);
  const char *quantity = clr_field_row_get_value (self->quantity);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (description != NULL)
    /* Translators: expander title of an item: number and description */
    title = g_strdup_printf (_("Item %u: %s"), index + 1, description);
  else
    title = g_strdup_printf (_("Item %u"), index + 1);
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
  update_classification (self);
}

static void
calc_changed_cb (ClrItemRow *self)
{
  g_autofree char *a = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mac_tops)));
  g_autofree char *b = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->bit_length)));
  ClrShipmentCatalog *catalog = clr_form_row_get_catalog (CLR_FORM_ROW (self));
  ClrRulePack *pack = catalog != NULL ? clr_shipment_catalog_get_pack (catalog) : NULL;
  char *end_a = NULL, *end_b = NULL;
  double inputs[2], tpp;

  g_strdelimit (a, ",", '.');
  inputs[0] = g_ascii_strtod (a, &end_a);
  inputs[1] = g_ascii_strtod (b, &end_b);
  /* The formula is the pack's (item_parameters: 2 × MacTOPS × bit length). */
  if (*a == '\0' || *b == '\0' || *end_a != '\0' || *end_b != '\0' || inputs[0] <= 0 || inputs[1] <= 0
      || !isfinite (inputs[0]) || !isfinite (inputs[1]) || pack == NULL
      || !clr_rule_pack_compute_item_fact (pack, "tpp", inputs, 2, &tpp))
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
up_clicked_cb (ClrItemRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
down_clicked_cb (ClrItemRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
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

/* The document member each field row shows. */
static const struct { const char *member; gsize offset; } field_members[] = {
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

/* The rows that show an item fact take its label from the engine's table. */
static const struct { const char *key; gsize offset; } fact_rows[] = {
  { "tpp", G_STRUCT_OFFSET (ClrItemRow, tpp) },
  { "performance_density", G_STRUCT_OFFSET (ClrItemRow, density) },
  { "memory_bandwidth_gbps", G_STRUCT_OFFSET (ClrItemRow, bandwidth) },
  { "datacenter", G_STRUCT_OFFSET (ClrItemRow, datacenter) },
  { "food_or_medicine", G_STRUCT_OFFSET (ClrItemRow, food) },
  { "enc_classification_done", G_STRUCT_OFFSET (ClrItemRow, enc) },
  { "quantity", G_STRUCT_OFFSET (ClrItemRow, quantity) },
  { "unit_value", G_STRUCT_OFFSET (ClrItemRow, unit_value) },
  { "manufacturer_headquarters", G_STRUCT_OFFSET (ClrItemRow, manufacturer_hq) },
};

static void
clr_item_row_finalize (GObject *object)
{
  g_free (CLR_ITEM_ROW (object)->last_model);
  G_OBJECT_CLASS (clr_item_row_parent_class)->finalize (object);
}

static void
clr_item_row_class_init (ClrItemRowClass *klass)
{
  static const char *toggles[] = { "datacenter", "food", "enc" };
  static const gsize toggle_offsets[] = { G_STRUCT_OFFSET (ClrItemRow, datacenter_buttons),
                                          G_STRUCT_OFFSET (ClrItemRow, food_buttons),
                                          G_STRUCT_OFFSET (ClrItemRow, enc_buttons) };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CLR_FORM_ROW_CLASS (klass)->update = update_header;
  G_OBJECT_CLASS (klass)->finalize = clr_item_row_finalize;

  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dev/clearance/Clearance/shipment/clr-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, description);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, eccn);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, quantity);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, unit_value);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, currency);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, manufacturer);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, manufacturer_hq);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, model);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, tpp);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, density);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, bandwidth);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, datacenter);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, food);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, enc);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, calculator);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, classification);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, mac_tops);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, bit_length);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, tpp_result);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, use_tpp);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, calc_popover);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, ClrItemRow, down_button);
  /* The three toggles of a yes/no fact are "<row id>_0" to "_2" (not stated, yes, no). */
  for (guint t = 0; t < G_N_ELEMENTS (toggles); t++)
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *id = g_strdup_printf ("%s_%u", toggles[t], i);

        gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE,
                                                   toggle_offsets[t] + i * sizeof (GtkToggleButton *));
      }
  gtk_widget_class_bind_template_callback (widget_class, clr_form_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, clr_form_row_request_removal);
  gtk_widget_class_bind_template_callback (widget_class, calc_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_tpp_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
}

static void
clr_item_row_init (ClrItemRow *self)
{
  clr_form_row_set_loading (CLR_FORM_ROW (self), TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (fact_rows); i++)
    adw_preferences_row_set_title (G_STRUCT_MEMBER (AdwPreferencesRow *, self, fact_rows[i].offset),
                                   fact_label (fact_rows[i].key));
  clr_field_row_set_text (self->currency, "USD");
  clr_form_row_set_loading (CLR_FORM_ROW (self), FALSE);
}

GtkWidget *
clr_item_row_new (ClrShipmentCatalog *catalog)
{
  return g_object_new (CLR_TYPE_ITEM_ROW, "catalog", catalog, NULL);
}

void
clr_item_row_set_item (ClrItemRow *self,
                       JsonObject *item)
{
  g_return_if_fail (CLR_IS_ITEM_ROW (self));
  g_return_if_fail (item != NULL);

  clr_form_row_set_loading (CLR_FORM_ROW (self), TRUE);
  clr_form_row_set_extra (CLR_FORM_ROW (self), item);
  for (guint i = 0; i < G_N_ELEMENTS (field_members); i++)
    clr_field_row_load_json (G_STRUCT_MEMBER (ClrFieldRow *, self, field_members[i].offset),
                             item, field_members[i].member);
  set_tristate (self->datacenter_buttons, item, "datacenter");
  set_tristate (self->food_buttons, item, "food_or_medicine");
  set_tristate (self->enc_buttons, item, "enc_classification_done");
  clr_form_row_set_loading (CLR_FORM_ROW (self), FALSE);
}

JsonNode *
clr_item_row_to_json (ClrItemRow *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), NULL);

  object = clr_form_row_dup_extra (CLR_FORM_ROW (self));
  /* A valid value as the right JSON type; invalid text is kept as a string, so
   * what the user typed survives autosave (evaluation then names the bad field). */
  for (guint i = 0; i < G_N_ELEMENTS (field_members); i++)
    clr_field_row_save_json (G_STRUCT_MEMBER (ClrFieldRow *, self, field_members[i].offset),
                             object, field_members[i].member);
  put_tristate (object, "datacenter", self->datacenter_buttons);
  put_tristate (object, "food_or_medicine", self->food_buttons);
  put_tristate (object, "enc_classification_done", self->enc_buttons);

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

gboolean
clr_item_row_get_parameters_visible (ClrItemRow *self)
{
  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->tpp));
}

/* What the classification row says ("meets 3A090.a"), or NULL when hidden. */
const char *
clr_item_row_get_classification (ClrItemRow *self)
{
  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->classification))
         ? adw_action_row_get_subtitle (self->classification) : NULL;
}

void
clr_item_row_set_movable (ClrItemRow *self,
                          gboolean    up,
                          gboolean    down)
{
  g_return_if_fail (CLR_IS_ITEM_ROW (self));

  gtk_widget_set_sensitive (self->up_button, up);
  gtk_widget_set_sensitive (self->down_button, down);
}

GtkWidget *
clr_item_row_get_move_button (ClrItemRow *self,
                              int         delta)
{
  g_return_val_if_fail (CLR_IS_ITEM_ROW (self), NULL);
  return delta < 0 ? self->up_button : self->down_button;
}
