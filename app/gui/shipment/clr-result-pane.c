/* clr-result-pane.c — the determination: verdict banner, findings, exceptions, hits
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-store-review.h"
#include "clr-column-width.h"
#include "clr-field-row.h"
#include "clr-finding-row.h"
#include "clr-result-pane.h"
#include "clr-verdict-style.h"
#include "clr-words.h"

struct _ClrResultPane
{
  AdwBin               parent_instance;

  GtkWidget           *back_button;
  GtkWidget           *spinner;
  GtkListBox          *options_list;
  AdwComboRow         *posture_row;
  GtkWidget           *stale_label;
  GtkLabel            *error_label;
  GtkWidget           *banner;
  GtkLabel            *verdict_label;
  GtkLabel            *context_label;
  GtkLabel            *meaning_label;
  GtkLabel            *data_label;
  AdwPreferencesGroup *findings_group;
  AdwPreferencesGroup *exceptions_group;
  AdwPreferencesGroup *screening_group;
  ClrFieldRow         *as_of_row;

  JsonNode            *result;
  JsonNode            *shipment;
  GPtrArray           *finding_rows;
  GPtrArray           *other_rows;     /* (group, row) pairs to remove on the next result */
  const char          *style;          /* the banner's current verdict style class */
  gboolean             stale;
  char                *stale_reason;
};

enum {
  OPTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrResultPane, clr_result_pane, ADW_TYPE_BIN)

static void
options_changed_cb (ClrResultPane *self)
{
  g_signal_emit (self, signals[OPTIONS_CHANGED], 0);
}

static void
clr_result_pane_dispose (GObject *object)
{
  ClrResultPane *self = CLR_RESULT_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CLR_TYPE_RESULT_PANE);
  g_clear_pointer (&self->result, json_node_unref);
  g_clear_pointer (&self->shipment, json_node_unref);
  g_clear_pointer (&self->stale_reason, g_free);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->other_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_result_pane_parent_class)->dispose (object);
}

static void
clr_result_pane_class_init (ClrResultPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_result_pane_dispose;
  /* Beside the form the result asks for this much, the form for more (see
   * clr-shipment-form.c); wider windows share the rest between the two. */
  clr_column_width_install (widget_class, 380);

  signals[OPTIONS_CHANGED] = g_signal_new ("options-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/shipment/clr-result-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, options_list);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, posture_row);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, stale_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, banner);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, context_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, data_label);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, findings_group);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, exceptions_group);
  gtk_widget_class_bind_template_child (widget_class, ClrResultPane, screening_group);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_result_pane_init (ClrResultPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->finding_rows = g_ptr_array_new ();
  self->other_rows = g_ptr_array_new ();

  self->as_of_row = CLR_FIELD_ROW (clr_field_row_new (CLR_FIELD_DATE, _("_As of"), FALSE));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_row),
                               _("Evaluate as of another day; empty means the export date"));
  gtk_list_box_prepend (self->options_list, GTK_WIDGET (self->as_of_row));
  g_signal_connect_swapped (self->as_of_row, "changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->posture_row, "notify::selected", G_CALLBACK (options_changed_cb), self);

  clr_result_pane_set_result (self, NULL, NULL);
}

static void
add_row (ClrResultPane       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->other_rows, group);
  g_ptr_array_add (self->other_rows, row);
}

static void
clear_rows (ClrResultPane *self)
{
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);
  for (guint i = 0; i + 1 < self->other_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->other_rows, i),
                                  g_ptr_array_index (self->other_rows, i + 1));
  g_ptr_array_set_size (self->other_rows, 0);
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  JsonObject *fa = json_node_get_object (*(JsonNode **) a);
  JsonObject *fb = json_node_get_object (*(JsonNode **) b);

  return clr_verdict_rank (clr_json_get_string (fb, "outcome"))
         - clr_verdict_rank (clr_json_get_string (fa, "outcome"));
}

static JsonNode *
find_trace (JsonObject *result,
            const char *rule)
{
  JsonArray *trace = clr_json_get_array (result, "trace");

  for (guint i = 0; rule != NULL && trace != NULL && i < json_array_get_length (trace); i++)
    {
      JsonNode *node = json_array_get_element (trace, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (clr_json_get_string (json_node_get_object (node), "rule"), rule) == 0)
        return node;
    }
  return NULL;
}

static void
set_banner_style (ClrResultPane *self,
                  const char    *style)
{
  if (self->style != NULL)
    gtk_widget_remove_css_class (self->banner, self->style);
  self->style = style;
  gtk_widget_add_css_class (self->banner, style);
}

static void
show_findings (ClrResultPane *self,
               JsonObject    *result,
               JsonObject    *shipment)
{
  JsonArray *findings = clr_json_get_array (result, "findings");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (findings, i)))
      g_ptr_array_add (sorted, json_array_get_element (findings, i));
  g_ptr_array_sort (sorted, compare_findings);
  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *finding = json_node_get_object (g_ptr_array_index (sorted, i));
      GtkWidget *row = clr_finding_row_new (finding, shipment,
                                            find_trace (result, clr_json_get_string (finding, "rule")));

      adw_preferences_group_add (self->findings_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }
  if (sorted->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No rule applies to this shipment as described"));
      add_row (self, self->findings_group, row);
    }
}

/* How the engine read the facts (a paragraph derived from TPP and performance
 * density, a fact not needed for this shipment, Hong Kong treated as China):
 * shown above the findings. */
static void
show_notes (ClrResultPane *self,
            JsonObject    *result)
{
  JsonArray *notes = clr_json_get_array (result, "notes");

  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      const char *text = JSON_NODE_HOLDS_VALUE (json_array_get_element (notes, i)) ?
                         json_array_get_string_element (notes, i) : NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (text == NULL)
        continue;
      escaped = g_markup_escape_text (text, -1);  /* row titles are markup */
      row = adw_action_row_new ();
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, self->findings_group, row);
    }
}

static void
show_exceptions (ClrResultPane *self,
                 JsonObject    *result)
{
  JsonArray *exceptions = clr_json_get_array (result, "license_exceptions");
  guint n = exceptions ? json_array_get_length (exceptions) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->exceptions_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *exception = json_array_get_object_element (exceptions, i);
      JsonArray *conditions = clr_json_get_array (exception, "conditions");
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     clr_json_get_string (exception, "code") ? clr_json_get_string (exception, "code") : "");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     clr_json_get_string (exception, "citation") ? clr_json_get_string (exception, "citation") : "");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      for (guint c = 0; conditions != NULL && c < json_array_get_length (conditions); c++)
        {
          const char *text = json_array_get_string_element (conditions, c);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text ? text : "");
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          /* Named by the row's title (activatable-widget), once. */
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      add_row (self, self->exceptions_group, expander);
    }
}

/* A click on (or Enter in) a hit's row opens it on the Review page: its
 * queue item when the evaluation recorded one, else the party on that entry. */
static void
make_hit_row_open_review (GtkWidget  *row,
                          const char *party_name,
                          JsonObject *hit)
{
  const char *entry_key = clr_json_get_string (hit, "entry_key");
  JsonNode *review_id = json_object_get_member (hit, "review_id");

  if (entry_key == NULL)
    entry_key = clr_json_get_string (hit, "entry_id");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.review-hit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xsssx)", (gint64) 0,
                                    party_name != NULL ? party_name : "",
                                    clr_json_get_string (hit, "list") ? clr_json_get_string (hit, "list") : "",
                                    entry_key != NULL ? entry_key : "",
                                    review_id != NULL && JSON_NODE_HOLDS_VALUE (review_id)
                                    ? json_node_get_int (review_id) : (gint64) 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
show_screening (ClrResultPane *self,
                JsonObject    *result)
{
  JsonArray *screening = clr_json_get_array (result, "screening");

  if (screening == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Parties were not screened"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("No screening lists are loaded: import them on the Lists page"));
      add_row (self, self->screening_group, row);
      return;
    }
  for (guint i = 0; i < json_array_get_length (screening); i++)
    {
      JsonObject *entry = json_array_get_object_element (screening, i);
      JsonArray *hits = clr_json_get_array (entry, "hits");
      guint n = hits ? json_array_get_length (hits) : 0;
      GtkWidget *expander = adw_expander_row_new ();
      const char *name = clr_json_get_string (entry, "name");
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (clr_json_get_string (entry, "subject"), "ultimate_parent") == 0)
        /* Translators: screening subject that is a party's ultimate parent */
        subtitle = g_strdup_printf (ngettext ("Ultimate parent · %u potential match",
                                              "Ultimate parent · %u potential matches", n), n);
      else
        subtitle = g_strdup_printf (ngettext ("%u potential match", "%u potential matches", n), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name ? name : _("Unnamed party"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), n > 0);
      if (n > 0)
        gtk_widget_add_css_class (expander, "warning");
      for (guint h = 0; h < n; h++)
        {
          JsonObject *hit = json_array_get_object_element (hits, h);
          GtkWidget *row = adw_action_row_new ();
          const char *list = clr_json_get_string (hit, "list");
          const char *listed = clr_json_get_string (hit, "name");
          ClrReviewStatus status = CLR_REVIEW_STATUS_OPEN;
          double score = json_object_has_member (hit, "score") ? json_object_get_double_member (hit, "score") : 0;
          g_autofree char *line = NULL;

          /* The review decision in words ("Not a match"); no entry keys (they
           * are in the hit's Review page, under Technical details). */
          if (clr_json_get_string (hit, "decision") != NULL)
            clr_review_status_from_string (clr_json_get_string (hit, "decision"), &status);
          /* Translators: a screening hit: the list, its score in percent and its review decision, e.g. "EL · 94 % · Open" */
          line = g_strdup_printf (_("%s · %.0f %% · %s"), list ? list : "?", score * 100,
                                  clr_review_status_get_label (status));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), listed ? listed : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          if (clr_json_get_string (hit, "explanation") != NULL)
            gtk_widget_set_tooltip_text (row, clr_json_get_string (hit, "explanation"));
          make_hit_row_open_review (row, name, hit);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      add_row (self, self->screening_group, expander);
    }
}

static char *
describe_data (JsonObject *result)
{
  JsonObject *data = clr_json_get_object (result, "data");
  JsonObject *pack = clr_json_get_object (data, "rule_pack");
  JsonArray *lists = clr_json_get_array (data, "lists");
  g_autoptr(GString) out = g_string_new (NULL);

  if (pack != NULL)
    /* Translators: rule pack id and version */
    g_string_append_printf (out, _("Rule pack %s %s"),
                            clr_json_get_string (pack, "id") ? clr_json_get_string (pack, "id") : "?",
                            clr_json_get_string (pack, "version") ? clr_json_get_string (pack, "version") : "?");
  for (guint i = 0; lists != NULL && i < json_array_get_length (lists); i++)
    {
      JsonObject *list = json_array_get_object_element (lists, i);

      g_string_append (out, out->len > 0 ? " · " : "");
      /* Translators: a screening list source and its version */
      g_string_append_printf (out, _("%s list %s"),
                              clr_json_get_string (list, "source") ? clr_json_get_string (list, "source") : "?",
                              clr_json_get_string (list, "version") ? clr_json_get_string (list, "version") : "?");
    }
  if (lists == NULL || json_array_get_length (lists) == 0)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", _("no screening lists"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
clr_result_pane_set_result (ClrResultPane *self,
                            JsonNode      *result,
                            JsonNode      *shipment)
{
  JsonObject *object;
  ClrVerdict verdict;

  g_return_if_fail (CLR_IS_RESULT_PANE (self));

  clear_rows (self);
  g_clear_pointer (&self->result, json_node_unref);
  g_clear_pointer (&self->shipment, json_node_unref);
  clr_result_pane_set_error (self, NULL);
  clr_result_pane_set_stale (self, FALSE);

  if (result == NULL || !JSON_NODE_HOLDS_OBJECT (result))
    {
      set_banner_style (self, "not-evaluated");
      gtk_label_set_text (self->verdict_label, _("Not evaluated yet"));
      gtk_label_set_text (self->context_label, _("Press Evaluate (Ctrl+Return) for a determination"));
      gtk_label_set_text (self->meaning_label,
                          _("Every party is screened against the loaded lists and every rule of the rule pack is applied as of the export date."));
      gtk_label_set_text (self->data_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->findings_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->exceptions_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->screening_group), FALSE);
      return;
    }

  self->result = json_node_copy (result);
  self->shipment = shipment ? json_node_copy (shipment) : json_node_init_object (json_node_alloc (), json_object_new ());
  object = json_node_get_object (self->result);
  verdict = clr_verdict_from_string (clr_json_get_string (object, "verdict"));

  set_banner_style (self, clr_verdict_get_style (verdict));
  {
    /* "Needs review · on hold until 2 potential matches are decided" */
    g_autofree char *words = clr_verdict_dup_banner_label (verdict, clr_verdict_open_matches (object));

    gtk_label_set_text (self->verdict_label, words);
  }
  {
    /* Translators: under the verdict: "as of 2025-06-01, enforcement posture" */
    g_autofree char *context = g_strdup_printf (_("as of %s, %s"),
                                                clr_json_get_string (object, "as_of") ? clr_json_get_string (object, "as_of") : "?",
                                                clr_words_posture_label (clr_json_get_string (object, "posture")));
    g_autofree char *data = describe_data (object);

    gtk_label_set_text (self->context_label, context);
    gtk_label_set_text (self->data_label, data);
  }
  gtk_label_set_text (self->meaning_label, clr_verdict_get_meaning (verdict));
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->screening_group), TRUE);
  show_notes (self, object);
  show_findings (self, object, json_node_get_object (self->shipment));
  show_exceptions (self, object);
  show_screening (self, object);
}

JsonNode *
clr_result_pane_get_result (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return self->result;
}

JsonNode *
clr_result_pane_get_shipment (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return self->shipment;
}

#define GENERIC_STALE N_("The shipment changed since this result. Evaluate again (Ctrl+Return) before relying on it.")

void
clr_result_pane_set_stale (ClrResultPane *self,
                           gboolean       stale)
{
  g_return_if_fail (CLR_IS_RESULT_PANE (self));

  stale = stale && self->result != NULL;
  self->stale = stale;
  if (!stale)
    {
      g_clear_pointer (&self->stale_reason, g_free);
      gtk_label_set_text (GTK_LABEL (self->stale_label), _(GENERIC_STALE));
    }
  /* Shown or hidden outright (not revealed): screen readers see the change at once. */
  gtk_widget_set_visible (self->stale_label, stale);
  if (stale)
    gtk_widget_add_css_class (self->banner, "stale");
  else
    gtk_widget_remove_css_class (self->banner, "stale");
}

gboolean
clr_result_pane_get_stale (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), FALSE);
  return self->stale;
}

void
clr_result_pane_set_stale_reason (ClrResultPane *self,
                                  const char    *reason)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CLR_IS_RESULT_PANE (self));

  clr_result_pane_set_stale (self, TRUE);
  if (!self->stale)
    return;
  g_free (self->stale_reason);
  self->stale_reason = g_strdup (reason);
  if (reason != NULL)
    /* Translators: the stale line of a result; %s is why it is out of date */
    text = g_strdup_printf (_("%s. Evaluate again (Ctrl+Return) before relying on it."), reason);
  gtk_label_set_text (GTK_LABEL (self->stale_label), text != NULL ? text : _(GENERIC_STALE));
}

const char *
clr_result_pane_get_stale_reason (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return self->stale ? self->stale_reason : NULL;
}

void
clr_result_pane_set_busy (ClrResultPane *self,
                          gboolean       busy)
{
  g_return_if_fail (CLR_IS_RESULT_PANE (self));

  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

void
clr_result_pane_set_error (ClrResultPane *self,
                           const char    *message)
{
  g_return_if_fail (CLR_IS_RESULT_PANE (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
clr_result_pane_get_error (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

const char *
clr_result_pane_get_as_of (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return clr_field_row_get_value (self->as_of_row);
}

void
clr_result_pane_set_as_of (ClrResultPane *self,
                           const char    *as_of)
{
  g_return_if_fail (CLR_IS_RESULT_PANE (self));
  clr_field_row_set_text (self->as_of_row, as_of);
}

gboolean
clr_result_pane_as_of_is_valid (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), FALSE);
  return clr_field_row_get_error (self->as_of_row) == NULL;
}

const char *
clr_result_pane_get_posture (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return adw_combo_row_get_selected (self->posture_row) == 1 ? "cfr-text" : "enforcement";
}

GtkWidget *
clr_result_pane_get_back_button (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return self->back_button;
}

const char *
clr_result_pane_get_verdict_text (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return gtk_label_get_text (self->verdict_label);
}

GPtrArray *
clr_result_pane_get_finding_rows (ClrResultPane *self)
{
  g_return_val_if_fail (CLR_IS_RESULT_PANE (self), NULL);
  return self->finding_rows;
}
