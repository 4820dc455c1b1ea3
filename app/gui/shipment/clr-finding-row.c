/* clr-finding-row.c — one finding of a determination, expandable to its trace
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-finding-row.h"
#include "clr-verdict-style.h"

struct _ClrFindingRow
{
  AdwExpanderRow  parent_instance;

  char           *rule;

  GtkLabel       *pill;
  GtkLabel       *explanation;
  GtkLabel       *policy;
  GtkLabel       *citation;
  GtkLabel       *items;
  GtkLabel       *parties;
  GtkLabel       *rule_label;
  GtkLabel       *trace;
  GtkWidget      *details_row;
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = clr_finding_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dev/clearance/Clearance/shipment/clr-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, pill);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, explanation);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, policy);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, citation);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, items);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, parties);
  gtk_widget_class_bind_template_child_full (widget_class, "rule", FALSE,
                                             G_STRUCT_OFFSET (ClrFindingRow, rule_label));
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, trace);
  gtk_widget_class_bind_template_child (widget_class, ClrFindingRow, details_row);
}

static void
clr_finding_row_init (ClrFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows @text in its row of the expander (NULL or empty: the row is hidden). */
static void
show_text (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
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
  g_autofree char *trace_text = trace != NULL ? json_to_string (trace, TRUE) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *items = describe_indices (clr_json_get_array (finding, "items"),
                                             clr_json_get_array (shipment, "items"), "description");
  g_autofree char *parties = describe_indices (clr_json_get_array (finding, "parties"),
                                               clr_json_get_array (shipment, "parties"), "name");

  self->rule = g_strdup (clr_json_get_string (finding, "rule"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title ? title : (self->rule ? self->rule : _("Finding")));
  if (policy != NULL && *policy != '\0')
    /* Translators: under a finding's title: its CFR citation, then on a line of
     * its own the license review policy, e.g. "presumption of denial" */
    subtitle = g_strdup_printf (_("%s\nReview policy: %s"), citation ? citation : "", policy);
  else
    subtitle = g_strdup (citation ? citation : "");
  if (*subtitle == '\n')
    memmove (subtitle, subtitle + 1, strlen (subtitle));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_label_set_text (self->pill, clr_verdict_get_label (verdict));
  gtk_widget_add_css_class (GTK_WIDGET (self->pill), clr_verdict_get_style (verdict));

  show_text (self->explanation, explanation);
  show_text (self->policy, policy);
  show_text (self->citation, citation);
  show_text (self->items, items);
  show_text (self->parties, parties);
  show_text (self->rule_label, self->rule);
  show_text (self->trace, trace_text);
  gtk_widget_set_visible (self->details_row, self->rule != NULL || trace_text != NULL);
  return GTK_WIDGET (self);
}

const char *
clr_finding_row_get_rule (ClrFindingRow *self)
{
  g_return_val_if_fail (CLR_IS_FINDING_ROW (self), NULL);
  return self->rule;
}
