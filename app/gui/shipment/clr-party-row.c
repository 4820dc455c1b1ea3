/* clr-party-row.c — one party of the shipment, with its best screening hit inline
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-field-row.h"
#include "clr-party-row.h"
#include "clr-shipment.h"
#include "clr-words.h"

struct _ClrPartyRow
{
  ClrFormRow          parent_instance;

  AdwComboRow        *role;
  ClrFieldRow        *name;
  ClrFieldRow        *address;
  ClrFieldRow        *country;
  ClrFieldRow        *headquarters;
  ClrFieldRow        *parent_name;
  ClrFieldRow        *parent_headquarters;
  ClrFieldRow        *ownership;
  AdwActionRow       *hit_row;
  GtkWidget          *review_button;
  char               *hit_text;
  JsonObject         *hit;
};

enum {
  NAME_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrPartyRow, clr_party_row, CLR_TYPE_FORM_ROW)

static const char *
role_id (guint position)
{
  for (guint i = 0; clr_shipment_party_roles[i] != NULL; i++)
    if (i == position)
      return clr_shipment_party_roles[i];
  return clr_shipment_party_roles[0];
}

static void
update_header (ClrFormRow *row)
{
  ClrPartyRow *self = CLR_PARTY_ROW (row);
  guint index = clr_form_row_get_index (row);
  const char *name = clr_field_row_get_value (self->name);
  const char *role = role_id (adw_combo_row_get_selected (self->role));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name != NULL)
    /* Translators: expander title of a party: number and name */
    title = g_strdup_printf (_("Party %u: %s"), index + 1, name);
  else
    title = g_strdup_printf (_("Party %u"), index + 1);
  if (self->hit_text != NULL && *self->hit_text != '\0')
    /* Translators: party summary: role and the screening line */
    subtitle = g_strdup_printf (_("%s · %s"), clr_words_party_role_label (role), self->hit_text);
  else
    subtitle = g_strdup (clr_words_party_role_label (role));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
name_changed_cb (ClrPartyRow *self)
{
  if (!clr_form_row_get_loading (CLR_FORM_ROW (self)))
    g_signal_emit (self, signals[NAME_CHANGED], 0);
}

/* Activated on click rather than bound with action-name: a bound actionable queries
 * the window's state while the window is still being built. The Shipment page
 * adds the case and asks the window for the Review page (win.review-hit). */
static void
review_clicked_cb (ClrPartyRow *self)
{
  if (self->hit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "shipment.review-hit", "u",
                                clr_form_row_get_index (CLR_FORM_ROW (self)));
}

static void
clr_party_row_dispose (GObject *object)
{
  ClrPartyRow *self = CLR_PARTY_ROW (object);

  g_clear_pointer (&self->hit_text, g_free);
  g_clear_pointer (&self->hit, json_object_unref);

  G_OBJECT_CLASS (clr_party_row_parent_class)->dispose (object);
}

static void
clr_party_row_class_init (ClrPartyRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = clr_party_row_dispose;
  CLR_FORM_ROW_CLASS (klass)->update = update_header;

  signals[NAME_CHANGED] = g_signal_new ("name-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dev/clearance/Clearance/shipment/clr-party-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, role);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, name);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, address);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, country);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, headquarters);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, parent_name);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, parent_headquarters);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, ownership);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, hit_row);
  gtk_widget_class_bind_template_child (widget_class, ClrPartyRow, review_button);
  gtk_widget_class_bind_template_callback (widget_class, clr_form_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, clr_form_row_request_removal);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
}

static void
clr_party_row_init (ClrPartyRow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  clr_form_row_set_loading (CLR_FORM_ROW (self), TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; clr_shipment_party_roles[i] != NULL; i++)
    gtk_string_list_append (roles, clr_words_party_role_label (clr_shipment_party_roles[i]));
  adw_combo_row_set_model (self->role, G_LIST_MODEL (roles));
  clr_form_row_set_loading (CLR_FORM_ROW (self), FALSE);
}

GtkWidget *
clr_party_row_new (ClrShipmentCatalog *catalog)
{
  return g_object_new (CLR_TYPE_PARTY_ROW, "catalog", catalog, NULL);
}

/* The document member each field row shows: of the party, or of its
 * "ultimate_parent". */
static const struct { const char *member; gsize offset; gboolean of_parent; } field_members[] = {
  { "name", G_STRUCT_OFFSET (ClrPartyRow, name), FALSE },
  { "address", G_STRUCT_OFFSET (ClrPartyRow, address), FALSE },
  { "country", G_STRUCT_OFFSET (ClrPartyRow, country), FALSE },
  { "headquarters_country", G_STRUCT_OFFSET (ClrPartyRow, headquarters), FALSE },
  { "name", G_STRUCT_OFFSET (ClrPartyRow, parent_name), TRUE },
  { "headquarters_country", G_STRUCT_OFFSET (ClrPartyRow, parent_headquarters), TRUE },
  { "ownership_percent", G_STRUCT_OFFSET (ClrPartyRow, ownership), TRUE },
};

void
clr_party_row_set_party (ClrPartyRow *self,
                         JsonObject  *party)
{
  JsonObject *parent = clr_json_get_object (party, "ultimate_parent");
  const char *role;

  g_return_if_fail (CLR_IS_PARTY_ROW (self));
  g_return_if_fail (party != NULL);

  clr_form_row_set_loading (CLR_FORM_ROW (self), TRUE);
  clr_form_row_set_extra (CLR_FORM_ROW (self), party);

  role = clr_json_get_string (party, "role");
  adw_combo_row_set_selected (self->role, 0);
  for (guint i = 0; role != NULL && clr_shipment_party_roles[i] != NULL; i++)
    if (g_str_equal (role, clr_shipment_party_roles[i]))
      adw_combo_row_set_selected (self->role, i);
  for (guint i = 0; i < G_N_ELEMENTS (field_members); i++)
    clr_field_row_load_json (G_STRUCT_MEMBER (ClrFieldRow *, self, field_members[i].offset),
                             field_members[i].of_parent ? parent : party, field_members[i].member);
  clr_form_row_set_loading (CLR_FORM_ROW (self), FALSE);
}

JsonNode *
clr_party_row_to_json (ClrPartyRow *self)
{
  JsonObject *object;
  JsonObject *parent = json_object_new ();
  JsonObject *previous_parent;
  JsonNode *node;

  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);

  object = clr_form_row_dup_extra (CLR_FORM_ROW (self));
  previous_parent = clr_json_get_object (object, "ultimate_parent");
  if (previous_parent != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, previous_parent);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (parent, name, json_node_copy (value));
    }
  json_object_set_string_member (object, "role", role_id (adw_combo_row_get_selected (self->role)));
  for (guint i = 0; i < G_N_ELEMENTS (field_members); i++)
    clr_field_row_save_json (G_STRUCT_MEMBER (ClrFieldRow *, self, field_members[i].offset),
                             field_members[i].of_parent ? parent : object, field_members[i].member);

  if (json_object_get_size (parent) > 0)
    json_object_set_object_member (object, "ultimate_parent", parent);
  else
    {
      if (json_object_has_member (object, "ultimate_parent"))
        json_object_remove_member (object, "ultimate_parent");
      json_object_unref (parent);
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

const char *
clr_party_row_get_name (ClrPartyRow *self)
{
  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);
  return clr_field_row_get_value (self->name);
}

const char *
clr_party_row_get_country (ClrPartyRow *self)
{
  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);
  return clr_field_row_get_value (self->country);
}

void
clr_party_row_set_hit (ClrPartyRow *self,
                       JsonObject  *hit,
                       const char  *status)
{
  g_return_if_fail (CLR_IS_PARTY_ROW (self));

  g_clear_pointer (&self->hit_text, g_free);
  g_clear_pointer (&self->hit, json_object_unref);
  if (hit != NULL)
    {
      const char *list = clr_json_get_string (hit, "list");
      const char *name = clr_json_get_string (hit, "matched_name");
      double score = json_object_has_member (hit, "score")
                     ? json_object_get_double_member (hit, "score") : 0;

      self->hit = json_object_ref (hit);
      if (name == NULL)
        name = clr_json_get_string (hit, "name");
      /* Translators: inline screening hit: list code, score in percent, listed name */
      self->hit_text = g_strdup_printf (_("%s %.0f %% — %s"), list ? list : "?", score * 100,
                                        name ? name : "");
      gtk_widget_add_css_class (GTK_WIDGET (self->hit_row), "warning");
    }
  else
    {
      self->hit_text = g_strdup (status ? status : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->hit_row), "warning");
    }
  adw_action_row_set_subtitle (self->hit_row, self->hit_text);
  gtk_widget_set_visible (self->review_button, hit != NULL);
  update_header (CLR_FORM_ROW (self));
}

JsonObject *
clr_party_row_get_hit (ClrPartyRow *self)
{
  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);
  return self->hit;
}
