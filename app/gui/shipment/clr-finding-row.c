/* clr-finding-row.c — one finding of a determination, expandable to its trace
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-finding-row.h"
#include "clr-verdict-style.h"

struct _ClrFindingRow
{
  AdwExpanderRow  parent_instance;

  char           *rule;
};

G_DEFINE_FINAL_TYPE (ClrFindingRow, clr_finding_row, ADW_TYPE_EXPANDER_ROW)

static void
clr_finding_row_finalize (GObject *object)
{
  g_free (CLR_FINDING_ROW (object)->rule);
  G_OBJECT_CLASS (clr_finding_row_parent_class)->finalize (object);
}

static void
clr_finding_row_class_init (ClrFindingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_finding_row_finalize;
}

static void
clr_finding_row_init (ClrFindingRow *self)
{
}

/* A row whose body is a selectable, wrapping text (explanations can be long). */
static void
add_text_row (AdwExpanderRow *expander,
              const char     *title,
              const char     *text,
              gboolean        monospace)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  if (monospace)
    gtk_widget_add_css_class (body, "monospace");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_add_row (expander, row);
}

static char *
describe_indices (JsonArray  *indices,
                  JsonArray  *targets,
                  const char *member)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; indices != NULL && i < json_array_get_length (indices); i++)
    {
      gint64 index = json_array_get_int_element (indices, i);
      JsonObject *target = NULL;
      const char *name;

      if (targets != NULL && index >= 0 && index < json_array_get_length (targets))
        target = json_array_get_object_element (targets, (guint) index);
      name = clr_json_get_string (target, member);
      if (out->len > 0)
        g_string_append (out, "\n");
      /* Translators: an item or party of the shipment, numbered from 1, and its name */
      g_string_append_printf (out, _("#%d %s"), (int) index + 1, name ? name : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GtkWidget *
clr_finding_row_new (JsonObject *finding,
                     JsonObject *shipment,
                     JsonNode   *trace)
{
  ClrFindingRow *self = g_object_new (CLR_TYPE_FINDING_ROW, NULL);
  const char *outcome = clr_json_get_string (finding, "outcome");
  ClrVerdict verdict = clr_verdict_from_string (outcome);
  const char *title = clr_json_get_string (finding, "title");
  const char *citation = clr_json_get_string (finding, "citation");
  const char *policy = clr_json_get_string (finding, "license_policy");
  const char *explanation = clr_json_get_string (finding, "explanation");
  GtkWidget *pill = gtk_label_new (clr_verdict_get_label (verdict));
  g_autofree char *subtitle = NULL;
  g_autofree char *items = describe_indices (clr_json_get_array (finding, "items"),
                                             clr_json_get_array (shipment, "items"), "description");
  g_autofree char *parties = describe_indices (clr_json_get_array (finding, "parties"),
                                               clr_json_get_array (shipment, "parties"), "name");

  self->rule = g_strdup (clr_json_get_string (finding, "rule"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title ? title : (self->rule ? self->rule : _("Finding")));
  if (citation != NULL && policy != NULL && *policy != '\0')
    /* Translators: finding subtitle: CFR citation and license review policy */
    subtitle = g_strdup_printf (_("%s · review policy: %s"), citation, policy);
  else
    subtitle = g_strdup (citation ? citation : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_widget_add_css_class (pill, "verdict-pill");
  gtk_widget_add_css_class (pill, clr_verdict_get_style (verdict));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), pill);

  if (explanation != NULL)
    add_text_row (ADW_EXPANDER_ROW (self), _("Explanation"), explanation, FALSE);
  if (policy != NULL && *policy != '\0')
    add_text_row (ADW_EXPANDER_ROW (self), _("License review policy"), policy, FALSE);
  if (citation != NULL)
    add_text_row (ADW_EXPANDER_ROW (self), _("Citation"), citation, FALSE);
  if (*items != '\0')
    add_text_row (ADW_EXPANDER_ROW (self), _("Items concerned"), items, FALSE);
  if (*parties != '\0')
    add_text_row (ADW_EXPANDER_ROW (self), _("Parties concerned"), parties, FALSE);
  if (self->rule != NULL)
    add_text_row (ADW_EXPANDER_ROW (self), _("Rule"), self->rule, TRUE);
  if (trace != NULL)
    {
      g_autofree char *text = json_to_string (trace, TRUE);

      add_text_row (ADW_EXPANDER_ROW (self), _("Trace"), text, TRUE);
    }
  return GTK_WIDGET (self);
}

const char *
clr_finding_row_get_rule (ClrFindingRow *self)
{
  g_return_val_if_fail (CLR_IS_FINDING_ROW (self), NULL);
  return self->rule;
}
