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
  AdwExpanderRow      parent_instance;

  ClrShipmentCatalog *catalog;
  JsonObject         *extra;
  guint               index;
  gboolean            loading;

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
  CHANGED,
  NAME_CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrPartyRow, clr_party_row, ADW_TYPE_EXPANDER_ROW)

static const char *
role_id (guint position)
{
  for (guint i = 0; clr_shipment_party_roles[i] != NULL; i++)
    if (i == position)
      return clr_shipment_party_roles[i];
  return clr_shipment_party_roles[0];
}

static void
update_header (ClrPartyRow *self)
{
  const char *name = clr_field_row_get_value (self->name);
  const char *role = role_id (adw_combo_row_get_selected (self->role));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name != NULL)
    /* Translators: expander title of a party: number and name */
    title = g_strdup_printf (_("Party %u: %s"), self->index + 1, name);
  else
    title = g_strdup_printf (_("Party %u"), self->index + 1);
  if (self->hit_text != NULL && *self->hit_text != '\0')
    /* Translators: party summary: role and the screening line */
    subtitle = g_strdup_printf (_("%s · %s"), clr_words_party_role_label (role), self->hit_text);
  else
    subtitle = g_strdup (clr_words_party_role_label (role));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
field_changed_cb (ClrPartyRow *self)
{
  update_header (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
name_changed_cb (ClrPartyRow *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[NAME_CHANGED], 0);
}

static void
remove_clicked_cb (ClrPartyRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

/* Activated on click rather than bound with action-name: a bound actionable queries
 * the window's state while the window is still being built. The Shipment page
 * adds the case and asks the window for the Review page (win.review-hit). */
static void
review_clicked_cb (ClrPartyRow *self)
{
  if (self->hit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "shipment.review-hit", "u", self->index);
}

static ClrFieldRow *
add_field (ClrPartyRow  *self,
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

static void
clr_party_row_dispose (GObject *object)
{
  ClrPartyRow *self = CLR_PARTY_ROW (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->hit_text, g_free);
  g_clear_pointer (&self->hit, json_object_unref);

  G_OBJECT_CLASS (clr_party_row_parent_class)->dispose (object);
}

static void
clr_party_row_class_init (ClrPartyRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = clr_party_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NAME_CHANGED] = g_signal_new ("name-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

static void
clr_party_row_init (ClrPartyRow *self)
{
}

GtkWidget *
clr_party_row_new (ClrShipmentCatalog *catalog)
{
  ClrPartyRow *self = g_object_new (CLR_TYPE_PARTY_ROW, NULL);
  GtkStringList *roles = gtk_string_list_new (NULL);
  GtkWidget *button;

  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  self->loading = TRUE;

  for (guint i = 0; clr_shipment_party_roles[i] != NULL; i++)
    gtk_string_list_append (roles, clr_words_party_role_label (clr_shipment_party_roles[i]));
  self->role = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role), _("_Role"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->role), TRUE);
  adw_combo_row_set_model (self->role, G_LIST_MODEL (roles));
  g_object_unref (roles);
  g_signal_connect_swapped (self->role, "notify::selected", G_CALLBACK (field_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->role));

  self->name = add_field (self, CLR_FIELD_TEXT, _("_Name"), TRUE);
  self->address = add_field (self, CLR_FIELD_TEXT, _("_Address"), FALSE);
  self->country = add_field (self, CLR_FIELD_COUNTRY, _("_Country"), FALSE);
  self->headquarters = add_field (self, CLR_FIELD_COUNTRY, _("_Headquarters country"), FALSE);
  self->parent_name = add_field (self, CLR_FIELD_TEXT, _("Ultimate _parent"), FALSE);
  self->parent_headquarters = add_field (self, CLR_FIELD_COUNTRY,
                                         _("Ultimate parent’s headquarters _country"), FALSE);
  self->ownership = add_field (self, CLR_FIELD_PERCENT, _("Ultimate parent’s _ownership (%)"), FALSE);
  g_signal_connect_swapped (self->name, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->country, "changed", G_CALLBACK (name_changed_cb), self);

  self->hit_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hit_row), _("Best screening hit"));
  adw_action_row_set_subtitle (self->hit_row, _("Type a name to screen it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hit_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "screening-hit", -1);
  self->review_button = gtk_button_new_with_mnemonic (_("Re_view"));
  gtk_widget_set_valign (self->review_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->review_button, _("Decide this hit on the Review page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Decide this hit on the Review page"), -1);
  g_signal_connect_swapped (self->review_button, "clicked", G_CALLBACK (review_clicked_cb), self);
  gtk_widget_set_visible (self->review_button, FALSE);
  adw_action_row_add_suffix (self->hit_row, self->review_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->hit_row));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Party"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Party"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);

  update_header (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", json_node_get_double (node)));
    }
  return NULL;
}

void
clr_party_row_set_party (ClrPartyRow *self,
                         JsonObject  *party)
{
  JsonNode *parent_node;
  JsonObject *parent = NULL;
  const char *role;
  g_autofree char *ownership = NULL;

  g_return_if_fail (CLR_IS_PARTY_ROW (self));
  g_return_if_fail (party != NULL);

  self->loading = TRUE;
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = json_object_ref (party);
  parent_node = json_object_get_member (party, "ultimate_parent");
  if (parent_node != NULL && JSON_NODE_HOLDS_OBJECT (parent_node))
    parent = json_node_get_object (parent_node);

  role = clr_json_get_string (party, "role");
  adw_combo_row_set_selected (self->role, 0);
  for (guint i = 0; role != NULL && clr_shipment_party_roles[i] != NULL; i++)
    if (g_str_equal (role, clr_shipment_party_roles[i]))
      adw_combo_row_set_selected (self->role, i);
  clr_field_row_set_text (self->name, clr_json_get_string (party, "name"));
  clr_field_row_set_text (self->address, clr_json_get_string (party, "address"));
  clr_field_row_set_text (self->country, clr_json_get_string (party, "country"));
  clr_field_row_set_text (self->headquarters, clr_json_get_string (party, "headquarters_country"));
  clr_field_row_set_text (self->parent_name, clr_json_get_string (parent, "name"));
  clr_field_row_set_text (self->parent_headquarters, clr_json_get_string (parent, "headquarters_country"));
  ownership = member_text (parent, "ownership_percent");
  clr_field_row_set_text (self->ownership, ownership);
  update_header (self);
  self->loading = FALSE;
}

static void
put_string (JsonObject  *object,
            const char  *member,
            ClrFieldRow *row)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char *value = clr_field_row_get_value (row);

  /* Invalid text is kept as typed so nothing is lost; evaluation names the field. */
  if (value == NULL && *trimmed != '\0')
    value = trimmed;
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

JsonNode *
clr_party_row_to_json (ClrPartyRow *self)
{
  JsonObject *object = json_object_new ();
  JsonObject *parent = json_object_new ();
  JsonNode *parent_node;
  double ownership;
  JsonNode *node;

  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, self->extra);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (object, name, json_node_copy (value));
      parent_node = json_object_get_member (self->extra, "ultimate_parent");
      if (parent_node != NULL && JSON_NODE_HOLDS_OBJECT (parent_node))
        {
          json_object_iter_init (&iter, json_node_get_object (parent_node));
          while (json_object_iter_next (&iter, &name, &value))
            json_object_set_member (parent, name, json_node_copy (value));
        }
    }
  json_object_set_string_member (object, "role", role_id (adw_combo_row_get_selected (self->role)));
  put_string (object, "name", self->name);
  put_string (object, "address", self->address);
  put_string (object, "country", self->country);
  put_string (object, "headquarters_country", self->headquarters);
  put_string (parent, "name", self->parent_name);
  put_string (parent, "headquarters_country", self->parent_headquarters);
  if (clr_field_row_get_number (self->ownership, &ownership))
    {
      if (ownership == (double) (gint64) ownership)
        json_object_set_int_member (parent, "ownership_percent", (gint64) ownership);
      else
        json_object_set_double_member (parent, "ownership_percent", ownership);
    }
  else
    put_string (parent, "ownership_percent", self->ownership);

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

void
clr_party_row_set_index (ClrPartyRow *self,
                         guint        index)
{
  g_return_if_fail (CLR_IS_PARTY_ROW (self));

  self->index = index;
  update_header (self);
}

void
clr_party_row_set_show_missing (ClrPartyRow *self,
                                gboolean     show_missing)
{
  ClrFieldRow *rows[] = { self->name, self->address, self->country, self->headquarters,
                          self->parent_name, self->parent_headquarters, self->ownership };

  g_return_if_fail (CLR_IS_PARTY_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    clr_field_row_set_show_missing (rows[i], show_missing);
}

guint
clr_party_row_count_errors (ClrPartyRow  *self,
                            GtkWidget   **first)
{
  ClrFieldRow *rows[] = { self->name, self->address, self->country, self->headquarters,
                          self->parent_name, self->parent_headquarters, self->ownership };
  guint errors = 0;

  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (clr_field_row_get_error (rows[i]) != NULL)
      {
        if (errors++ == 0 && first != NULL)
          *first = GTK_WIDGET (rows[i]);
      }
  return errors;
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
  update_header (self);
}

const char *
clr_party_row_get_hit_text (ClrPartyRow *self)
{
  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);
  return self->hit_text;
}

JsonObject *
clr_party_row_get_hit (ClrPartyRow *self)
{
  g_return_val_if_fail (CLR_IS_PARTY_ROW (self), NULL);
  return self->hit;
}
