/* clr-shipment-form.c — the shipment form: general facts, items, parties, end use, red flags
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-column-width.h"
#include "clr-end-use-row.h"
#include "clr-field-row.h"
#include "clr-item-row.h"
#include "clr-party-row.h"
#include "clr-shipment-form.h"
#include "clr-words.h"

struct _ClrShipmentForm
{
  AdwBin               parent_instance;

  ClrShipmentCatalog  *catalog;
  JsonObject          *extra;        /* the loaded document, for members the form does not show */
  gboolean             loading;
  gboolean             show_missing;

  AdwPreferencesPage  *page;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *parties_group;
  AdwPreferencesGroup *end_use_group;
  AdwPreferencesGroup *red_flags_group;
  ClrFieldRow         *reference;
  ClrFieldRow         *date;
  ClrFieldRow         *destination;
  ClrFieldRow         *exported_from;
  ClrFieldRow         *end_use_text;
  GPtrArray           *item_rows;    /* ClrItemRow */
  GPtrArray           *party_rows;   /* ClrPartyRow */
  GPtrArray           *end_use_rows; /* AdwActionRow, data "id" */
  GPtrArray           *red_flag_rows;
};

enum {
  CHANGED,
  PARTY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


G_DEFINE_FINAL_TYPE (ClrShipmentForm, clr_shipment_form, ADW_TYPE_BIN)

static void
emit_changed (ClrShipmentForm *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
date_changed_cb (ClrShipmentForm *self)
{
  /* Country groups are shown as of the export date. */
  if (self->catalog != NULL && clr_field_row_get_value (self->date) != NULL)
    clr_shipment_catalog_set_date (self->catalog, clr_field_row_get_value (self->date));
  emit_changed (self);
}

static void
renumber (ClrShipmentForm *self)
{
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      clr_form_row_set_index (g_ptr_array_index (self->item_rows, i), i);
      clr_item_row_set_movable (g_ptr_array_index (self->item_rows, i), i > 0, i + 1 < self->item_rows->len);
    }
  for (guint i = 0; i < self->party_rows->len; i++)
    clr_form_row_set_index (g_ptr_array_index (self->party_rows, i), i);
}

/* AdwPreferencesGroup (1.2) only appends: re-add the rows in their new order. */
static void
relayout_items (ClrShipmentForm *self)
{
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->item_rows, i);

      g_object_ref (row);
      adw_preferences_group_remove (self->items_group, row);
    }
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->item_rows, i);

      adw_preferences_group_add (self->items_group, row);
      g_object_unref (row);
    }
  renumber (self);
}

/* An item or a party asks to go. */
static void
row_remove_cb (ClrShipmentForm *self,
               ClrFormRow      *row)
{
  gboolean item = CLR_IS_ITEM_ROW (row);

  adw_preferences_group_remove (item ? self->items_group : self->parties_group, GTK_WIDGET (row));
  g_ptr_array_remove (item ? self->item_rows : self->party_rows, row);
  renumber (self);
  emit_changed (self);
}

static void
item_move_cb (ClrShipmentForm *self,
              int              delta,
              ClrItemRow      *row)
{
  guint index;

  if (g_ptr_array_find (self->item_rows, row, &index)
      && clr_shipment_form_move_item (self, index, delta))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
party_name_changed_cb (ClrShipmentForm *self,
                       ClrPartyRow     *row)
{
  g_signal_emit (self, signals[PARTY_CHANGED], 0, row);
}

/* Adds @row (an item or a party) at the end of @rows and @group, wired to
 * the form: its changes and its Remove button. */
static void
append_row (ClrShipmentForm     *self,
            AdwPreferencesGroup *group,
            GPtrArray           *rows,
            GtkWidget           *row)
{
  clr_form_row_set_show_missing (CLR_FORM_ROW (row), self->show_missing);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (emit_changed), self);
  g_signal_connect_swapped (row, "remove-requested", G_CALLBACK (row_remove_cb), self);
  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
  renumber (self);
}

/* Takes the rows of @rows out of @group, and empties @rows. */
static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  while (rows->len > 0)
    adw_preferences_group_remove (group, g_ptr_array_steal_index (rows, rows->len - 1));
}

static ClrItemRow *
append_item (ClrShipmentForm *self,
             JsonObject      *item)
{
  GtkWidget *row = clr_item_row_new (self->catalog);

  if (item != NULL)
    clr_item_row_set_item (CLR_ITEM_ROW (row), item);
  g_signal_connect_object (row, "move-requested", G_CALLBACK (item_move_cb), self, G_CONNECT_SWAPPED);
  append_row (self, self->items_group, self->item_rows, row);
  return CLR_ITEM_ROW (row);
}

static ClrPartyRow *
append_party (ClrShipmentForm *self,
              JsonObject      *party)
{
  GtkWidget *row = clr_party_row_new (self->catalog);

  if (party != NULL)
    clr_party_row_set_party (CLR_PARTY_ROW (row), party);
  g_signal_connect_swapped (row, "name-changed", G_CALLBACK (party_name_changed_cb), self);
  append_row (self, self->parties_group, self->party_rows, row);
  return CLR_PARTY_ROW (row);
}

static GtkWidget *
add_check_row (AdwPreferencesGroup *group,
               const char          *id,
               const char          *title,
               const char          *subtitle,
               GCallback            toggled,
               gpointer             user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The row's title names the check (activatable-widget makes it labelled-by
   * the title); an accessible label as well would be read twice. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect_swapped (check, "toggled", toggled, user_data);
  adw_preferences_group_add (group, row);
  return row;
}

static void
rebuild_checklists (ClrShipmentForm *self)
{
  JsonArray *end_uses = self->catalog ? clr_shipment_catalog_get_end_uses (self->catalog) : NULL;
  JsonArray *flags = self->catalog ? clr_shipment_catalog_get_red_flags (self->catalog) : NULL;

  remove_rows (self->end_use_group, self->end_use_rows);
  remove_rows (self->red_flags_group, self->red_flag_rows);

  for (guint i = 0; end_uses != NULL && i < json_array_get_length (end_uses); i++)
    {
      JsonObject *category = json_array_get_object_element (end_uses, i);
      const char *id = clr_json_get_string (category, "id");
      const char *label = clr_json_get_string (category, "label");

      if (id == NULL)
        continue;
      if (clr_json_get_string (category, "question") != NULL)
        {
          /* a question of the pack: Yes / No / Not known, unanswered at first */
          GtkWidget *row = clr_end_use_row_new (id, label ? label : clr_words_end_use_label (id),
                                                clr_json_get_string (category, "citation"));

          g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
          g_signal_connect_swapped (row, "changed", G_CALLBACK (emit_changed), self);
          adw_preferences_group_add (self->end_use_group, row);
          g_ptr_array_add (self->end_use_rows, row);
          continue;
        }
      g_ptr_array_add (self->end_use_rows,
                       add_check_row (self->end_use_group, id,
                                      label ? label : clr_words_end_use_label (id), NULL,
                                      G_CALLBACK (emit_changed), self));
    }
  for (guint i = 0; flags != NULL && i < json_array_get_length (flags); i++)
    {
      JsonObject *flag = json_array_get_object_element (flags, i);
      const char *id = clr_json_get_string (flag, "id");

      if (id == NULL)
        continue;
      g_ptr_array_add (self->red_flag_rows,
                       add_check_row (self->red_flags_group, id,
                                      clr_json_get_string (flag, "question") ? clr_json_get_string (flag, "question") : id,
                                      clr_json_get_string (flag, "citation"),
                                      G_CALLBACK (emit_changed), self));
    }
}

static void
clr_shipment_form_dispose (GObject *object)
{
  ClrShipmentForm *self = CLR_SHIPMENT_FORM (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_pointer (&self->party_rows, g_ptr_array_unref);
  g_clear_pointer (&self->end_use_rows, g_ptr_array_unref);
  g_clear_pointer (&self->red_flag_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_shipment_form_parent_class)->dispose (object);
}

static void
clr_shipment_form_class_init (ClrShipmentFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = clr_shipment_form_dispose;
  /* The form asks for more than the result (380) and the case list (240): at
   * the default window it gets the room (#17 §5: words no longer hyphenate). */
  clr_column_width_install (widget_class, 560);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PARTY_CHANGED] = g_signal_new ("party-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CLR_TYPE_PARTY_ROW);

  g_type_ensure (CLR_TYPE_FIELD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dev/clearance/Clearance/shipment/clr-shipment-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, page);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, items_group);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, parties_group);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, end_use_group);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, red_flags_group);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, reference);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, date);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, destination);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, exported_from);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentForm, end_use_text);
  gtk_widget_class_bind_template_callback (widget_class, emit_changed);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clr_shipment_form_add_item);
  gtk_widget_class_bind_template_callback (widget_class, clr_shipment_form_add_party);
}

static void
clr_shipment_form_init (ClrShipmentForm *self)
{
  self->item_rows = g_ptr_array_new ();
  self->party_rows = g_ptr_array_new ();
  self->end_use_rows = g_ptr_array_new ();
  self->red_flag_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

static GArray *
get_expanded (GPtrArray *rows)
{
  GArray *open = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0; i < rows->len; i++)
    {
      gboolean expanded = adw_expander_row_get_expanded (g_ptr_array_index (rows, i));

      g_array_append_val (open, expanded);
    }
  return open;
}

static void
set_expanded (GPtrArray *rows,
              GArray    *open)
{
  for (guint i = 0; i < rows->len && i < open->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), g_array_index (open, gboolean, i));
}

void
clr_shipment_form_set_catalog (ClrShipmentForm    *self,
                               ClrShipmentCatalog *catalog)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GArray) items_open = NULL;
  g_autoptr(GArray) parties_open = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));

  if (self->catalog == catalog)
    return;
  document = clr_shipment_form_get_document (self);
  g_set_object (&self->catalog, catalog);
  clr_field_row_set_catalog (self->destination, catalog);
  clr_field_row_set_catalog (self->exported_from, catalog);
  rebuild_checklists (self);
  /* Item and party rows take the catalog when created: rebuild them, as open as they were. */
  items_open = get_expanded (self->item_rows);
  parties_open = get_expanded (self->party_rows);
  clr_shipment_form_set_document (self, document);
  set_expanded (self->item_rows, items_open);
  set_expanded (self->party_rows, parties_open);
}

ClrShipmentCatalog *
clr_shipment_form_get_catalog (ClrShipmentForm *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), NULL);
  return self->catalog;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }
  return FALSE;
}

void
clr_shipment_form_set_document (ClrShipmentForm *self,
                                JsonNode        *shipment)
{
  JsonObject *object = NULL;
  JsonObject *end_use;
  JsonObject *answers;
  JsonArray *items, *parties, *categories, *flags;

  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));

  self->loading = TRUE;
  g_clear_pointer (&self->extra, json_object_unref);
  if (shipment != NULL && JSON_NODE_HOLDS_OBJECT (shipment))
    {
      object = json_node_get_object (shipment);
      self->extra = json_object_ref (object);
    }

  clr_field_row_load_json (self->reference, object, "reference");
  clr_field_row_load_json (self->date, object, "date");
  if (self->catalog != NULL && clr_field_row_get_value (self->date) != NULL)
    clr_shipment_catalog_set_date (self->catalog, clr_field_row_get_value (self->date));
  clr_field_row_load_json (self->destination, object, "destination");
  clr_field_row_load_json (self->exported_from, object, "exported_from");

  remove_rows (self->items_group, self->item_rows);
  remove_rows (self->parties_group, self->party_rows);
  items = clr_json_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i)))
      append_item (self, json_array_get_object_element (items, i));
  parties = clr_json_get_array (object, "parties");
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (parties, i)))
      append_party (self, json_array_get_object_element (parties, i));

  end_use = clr_json_get_object (object, "end_use");
  clr_field_row_load_json (self->end_use_text, end_use, "description");
  categories = clr_json_get_array (end_use, "categories");
  answers = clr_json_get_object (end_use, "answers");
  for (guint i = 0; i < self->end_use_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->end_use_rows, i);
      const char *id = g_object_get_data (row, "id");

      if (CLR_IS_END_USE_ROW (row))
        {
          /* documents before end_use.answers: a stated category is a yes */
          g_autoptr(JsonNode) yes = array_has_string (categories, id) ?
                                    json_node_init_boolean (json_node_alloc (), TRUE) : NULL;

          clr_end_use_row_set_answer (CLR_END_USE_ROW (row),
                                      answers != NULL && json_object_has_member (answers, id) ?
                                      json_object_get_member (answers, id) : yes);
        }
      else
        gtk_check_button_set_active (g_object_get_data (row, "check"), array_has_string (categories, id));
    }
  flags = clr_json_get_array (object, "red_flags");
  for (guint i = 0; i < self->red_flag_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->red_flag_rows, i);

      gtk_check_button_set_active (g_object_get_data (row, "check"),
                                   array_has_string (flags, g_object_get_data (row, "id")));
    }
  self->loading = FALSE;
}

static JsonArray *
checked_ids (GPtrArray *rows,
             JsonArray *previous)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);

      if (!CLR_IS_END_USE_ROW (row) && gtk_check_button_get_active (g_object_get_data (row, "check")))
        json_array_add_string_element (array, g_object_get_data (row, "id"));
    }
  /* Ids the pack no longer offers are kept rather than silently dropped. */
  for (guint i = 0; previous != NULL && i < json_array_get_length (previous); i++)
    {
      const char *id = json_array_get_string_element (previous, i);
      gboolean shown = FALSE;

      for (guint r = 0; r < rows->len && !shown; r++)
        shown = g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, r), "id"), id) == 0;
      if (!shown && id != NULL)
        json_array_add_string_element (array, id);
    }
  return array;
}

/* end_use.answers: the answered questions, and those the pack no longer asks */
static JsonObject *
end_use_answers (GPtrArray  *rows,
                 JsonObject *previous)
{
  JsonObject *answers = json_object_new ();
  g_autoptr(GList) ids = previous != NULL ? json_object_get_members (previous) : NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      JsonNode *answer = CLR_IS_END_USE_ROW (row) ? clr_end_use_row_get_answer (CLR_END_USE_ROW (row)) : NULL;

      if (answer != NULL)
        json_object_set_member (answers, g_object_get_data (row, "id"), answer);
    }
  for (GList *l = ids; l != NULL; l = l->next)
    {
      gboolean shown = FALSE;

      for (guint r = 0; r < rows->len && !shown; r++)
        shown = g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, r), "id"), l->data) == 0;
      if (!shown)
        json_object_set_member (answers, l->data, json_node_copy (json_object_get_member (previous, l->data)));
    }
  return answers;
}

JsonNode *
clr_shipment_form_get_document (ClrShipmentForm *self)
{
  JsonObject *object = json_object_new ();
  JsonObject *end_use = json_object_new ();
  JsonObject *previous_end_use;
  JsonObject *answers;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), NULL);

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (object, name, json_node_copy (value));
    }
  clr_field_row_save_json (self->reference, object, "reference");
  clr_field_row_save_json (self->date, object, "date");
  clr_field_row_save_json (self->destination, object, "destination");
  clr_field_row_save_json (self->exported_from, object, "exported_from");

  array = json_array_new ();
  for (guint i = 0; i < self->item_rows->len; i++)
    json_array_add_element (array, clr_item_row_to_json (g_ptr_array_index (self->item_rows, i)));
  json_object_set_array_member (object, "items", array);
  array = json_array_new ();
  for (guint i = 0; i < self->party_rows->len; i++)
    json_array_add_element (array, clr_party_row_to_json (g_ptr_array_index (self->party_rows, i)));
  json_object_set_array_member (object, "parties", array);

  previous_end_use = clr_json_get_object (self->extra, "end_use");
  clr_field_row_save_json (self->end_use_text, end_use, "description");
  array = checked_ids (self->end_use_rows, clr_json_get_array (previous_end_use, "categories"));
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (end_use, "categories", array);
  else
    json_array_unref (array);
  answers = end_use_answers (self->end_use_rows, clr_json_get_object (previous_end_use, "answers"));
  if (json_object_get_size (answers) > 0)
    json_object_set_object_member (end_use, "answers", answers);
  else
    json_object_unref (answers);
  if (json_object_get_size (end_use) > 0)
    json_object_set_object_member (object, "end_use", end_use);
  else
    {
      if (json_object_has_member (object, "end_use"))
        json_object_remove_member (object, "end_use");
      json_object_unref (end_use);
    }

  array = checked_ids (self->red_flag_rows, clr_json_get_array (self->extra, "red_flags"));
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (object, "red_flags", array);
  else
    {
      if (json_object_has_member (object, "red_flags"))
        json_object_remove_member (object, "red_flags");
      json_array_unref (array);
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* The errors in the form rows of @rows; *@found becomes the first field
 * in error when it is NULL still. */
static guint
count_row_errors (GPtrArray  *rows,
                  GtkWidget **found)
{
  guint errors = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row_first = NULL;
      guint n = clr_form_row_count_errors (g_ptr_array_index (rows, i), &row_first);

      if (n > 0 && *found == NULL)
        *found = row_first;
      errors += n;
    }
  return errors;
}

guint
clr_shipment_form_count_errors (ClrShipmentForm  *self,
                                GtkWidget       **first)
{
  ClrFieldRow *general[] = { self->reference, self->date, self->destination, self->exported_from,
                             self->end_use_text };
  GtkWidget *found = NULL;
  guint errors = 0;

  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (general); i++)
    if (clr_field_row_get_error (general[i]) != NULL)
      {
        if (errors++ == 0)
          found = GTK_WIDGET (general[i]);
      }
  errors += count_row_errors (self->item_rows, &found);
  errors += count_row_errors (self->party_rows, &found);
  if (first != NULL)
    *first = found;
  return errors;
}

void
clr_shipment_form_set_show_missing (ClrShipmentForm *self,
                                    gboolean         show_missing)
{
  ClrFieldRow *general[] = { self->reference, self->date, self->destination, self->exported_from };

  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));

  self->show_missing = show_missing;
  for (guint i = 0; i < G_N_ELEMENTS (general); i++)
    clr_field_row_set_show_missing (general[i], show_missing);
  for (guint i = 0; i < self->item_rows->len; i++)
    clr_form_row_set_show_missing (g_ptr_array_index (self->item_rows, i), show_missing);
  for (guint i = 0; i < self->party_rows->len; i++)
    clr_form_row_set_show_missing (g_ptr_array_index (self->party_rows, i), show_missing);
}

GPtrArray *
clr_shipment_form_get_party_rows (ClrShipmentForm *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), NULL);
  return self->party_rows;
}

GPtrArray *
clr_shipment_form_get_item_rows (ClrShipmentForm *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), NULL);
  return self->item_rows;
}

/* Once @row (just added) has its place: scroll the form to it and put the
 * focus in its first field. */
static gboolean
reveal_new_row_cb (GtkWidget     *row,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *adjustment;
  graphene_point_t top;

  if (content == NULL || !gtk_widget_get_mapped (row))
    return G_SOURCE_REMOVE;
  /* The row's place in the whole form, whatever the scrolling. */
  if (gtk_widget_get_height (row) == 0
      || !gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;   /* not laid out yet */
  /* The focus first: the form's viewport scrolls to a focused field its own way. */
  if (!clr_form_row_focus_first_field (CLR_FORM_ROW (row)))
    gtk_widget_grab_focus (row);
  /* Then the row's header near the top, a little of the row above in view. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, CLAMP (top.y - 24, gtk_adjustment_get_lower (adjustment),
                                               gtk_adjustment_get_upper (adjustment)
                                               - gtk_adjustment_get_page_size (adjustment)));
  return G_SOURCE_REMOVE;
}

static void
add_row (ClrShipmentForm *self,
         GtkWidget       *row)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
  gtk_widget_add_tick_callback (row, reveal_new_row_cb, NULL, NULL);
  emit_changed (self);
}

void
clr_shipment_form_add_item (ClrShipmentForm *self)
{
  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));
  add_row (self, GTK_WIDGET (append_item (self, NULL)));
}

void
clr_shipment_form_add_party (ClrShipmentForm *self)
{
  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));
  add_row (self, GTK_WIDGET (append_party (self, NULL)));
}

gboolean
clr_shipment_form_move_item (ClrShipmentForm *self,
                             guint            index,
                             int              delta)
{
  gpointer row;
  gint64 target = (gint64) index + delta;

  g_return_val_if_fail (CLR_IS_SHIPMENT_FORM (self), FALSE);

  if (index >= self->item_rows->len || target < 0 || target >= self->item_rows->len)
    return FALSE;
  row = g_ptr_array_steal_index (self->item_rows, index);
  g_ptr_array_insert (self->item_rows, (gint) target, row);
  relayout_items (self);
  emit_changed (self);
  return TRUE;
}

void
clr_shipment_form_focus_reference (ClrShipmentForm *self)
{
  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reference));
}

void
clr_shipment_form_expand_all (ClrShipmentForm *self)
{
  g_return_if_fail (CLR_IS_SHIPMENT_FORM (self));

  for (guint i = 0; i < self->item_rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (self->item_rows, i), TRUE);
  for (guint i = 0; i < self->party_rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (self->party_rows, i), TRUE);
}
