/* clr-end-use-row.c — one end-use question of the rule pack: Yes / No / Not known
 *
 * An unanswered question is a missing fact for the engine ("State the end
 * use"), so no toggle is active until the user answers; "Not known" is an
 * answer of its own (end_use.answers.ID = "unknown"), never read as "no".
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-end-use-row.h"

enum { ANSWER_YES, ANSWER_NO, ANSWER_NOT_KNOWN, N_ANSWERS };

struct _ClrEndUseRow
{
  AdwActionRow     parent_instance;

  char            *id;
  GtkToggleButton *toggles[N_ANSWERS];
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (ClrEndUseRow, clr_end_use_row, ADW_TYPE_ACTION_ROW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
toggled_cb (ClrEndUseRow    *self,
            GtkToggleButton *toggle)
{
  /* a group emits twice (old off, new on): report the new answer once */
  if (!self->loading && gtk_toggle_button_get_active (toggle))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
clr_end_use_row_finalize (GObject *object)
{
  ClrEndUseRow *self = CLR_END_USE_ROW (object);

  g_free (self->id);
  G_OBJECT_CLASS (clr_end_use_row_parent_class)->finalize (object);
}

static void
clr_end_use_row_class_init (ClrEndUseRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_end_use_row_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
clr_end_use_row_init (ClrEndUseRow *self)
{
  (void) self;
}

GtkWidget *
clr_end_use_row_new (const char *id,
                     const char *label,
                     const char *citation)
{
  /* Translators: the answers to an end-use question */
  static const char * const words[N_ANSWERS] = { N_("Yes"), N_("No"), N_("Not known") };
  ClrEndUseRow *self = g_object_new (CLR_TYPE_END_USE_ROW, "title", label, "title-lines", 0, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->id = g_strdup (id);
  if (citation != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), citation);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < N_ANSWERS; i++)
    {
      /* Translators: accessible names of the answers, %s is the question's label */
      g_autofree char *name = i == ANSWER_YES ? g_strdup_printf (_("%s: yes"), label) :
                              i == ANSWER_NO ? g_strdup_printf (_("%s: no"), label) :
                              g_strdup_printf (_("%s: not known"), label);

      self->toggles[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(words[i])));
      if (i > 0)
        gtk_toggle_button_set_group (self->toggles[i], self->toggles[0]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_swapped (self->toggles[i], "toggled", G_CALLBACK (toggled_cb), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toggles[i]));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  return GTK_WIDGET (self);
}

const char *
clr_end_use_row_get_id (ClrEndUseRow *self)
{
  g_return_val_if_fail (CLR_IS_END_USE_ROW (self), NULL);
  return self->id;
}

JsonNode *
clr_end_use_row_get_answer (ClrEndUseRow *self)
{
  g_return_val_if_fail (CLR_IS_END_USE_ROW (self), NULL);
  if (gtk_toggle_button_get_active (self->toggles[ANSWER_YES]))
    return json_node_init_boolean (json_node_alloc (), TRUE);
  if (gtk_toggle_button_get_active (self->toggles[ANSWER_NO]))
    return json_node_init_boolean (json_node_alloc (), FALSE);
  if (gtk_toggle_button_get_active (self->toggles[ANSWER_NOT_KNOWN]))
    return json_node_init_string (json_node_alloc (), "unknown");
  return NULL;
}

void
clr_end_use_row_set_answer (ClrEndUseRow *self,
                            JsonNode     *answer)
{
  int active = -1;

  g_return_if_fail (CLR_IS_END_USE_ROW (self));
  if (answer != NULL && JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_BOOLEAN)
    active = json_node_get_boolean (answer) ? ANSWER_YES : ANSWER_NO;
  else if (answer != NULL && JSON_NODE_HOLDS_VALUE (answer) && g_strcmp0 (json_node_get_string (answer), "unknown") == 0)
    active = ANSWER_NOT_KNOWN;
  self->loading = TRUE;
  for (guint i = 0; i < N_ANSWERS; i++)
    gtk_toggle_button_set_active (self->toggles[i], (int) i == active);
  self->loading = FALSE;
}
