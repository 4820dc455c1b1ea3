/* clr-review-filter-bar.c — the Review page's filters: search, status, score band, list, country
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/clr-dropdown.h"

#include "clr-review-filter-bar.h"

struct _ClrReviewFilterBar
{
  GtkBox          parent_instance;

  /* template */
  GtkSearchEntry *search_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *band_dropdown;
  GtkDropDown    *list_dropdown;
  GtkDropDown    *country_dropdown;

  ClrReviewQueue *queue;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (ClrReviewFilterBar, clr_review_filter_bar, GTK_TYPE_BOX)

/* Status dropdown positions → ClrReviewStatus (the last one is "any"). */
static const int status_choices[] = {
  CLR_REVIEW_STATUS_OPEN,
  CLR_REVIEW_STATUS_MATCH,
  CLR_REVIEW_STATUS_NO_MATCH,
  CLR_REVIEW_STATUS_ESCALATED,
  CLR_REVIEW_QUEUE_AWAITING_APPROVAL,
  -1,
};

int
clr_review_filter_bar_get_status (ClrReviewFilterBar *self)
{
  guint position;

  g_return_val_if_fail (CLR_IS_REVIEW_FILTER_BAR (self), -1);

  position = gtk_drop_down_get_selected (self->status_dropdown);
  return status_choices[MIN (position, G_N_ELEMENTS (status_choices) - 1)];
}

static void
filters_changed_cb (ClrReviewFilterBar *self)
{
  if (self->updating || self->queue == NULL)
    return;

  clr_review_queue_set_status (self->queue, clr_review_filter_bar_get_status (self));
  clr_review_queue_set_band (self->queue, gtk_drop_down_get_selected (self->band_dropdown));
  clr_review_queue_set_list_code (self->queue, clr_dropdown_get_value (self->list_dropdown));
  clr_review_queue_set_country (self->queue, clr_dropdown_get_value (self->country_dropdown));
}

static void
search_changed_cb (ClrReviewFilterBar *self)
{
  if (self->queue != NULL)
    clr_review_queue_set_search (self->queue, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
clr_review_filter_bar_refill (ClrReviewFilterBar *self)
{
  g_auto(GStrv) lists = NULL;
  g_auto(GStrv) countries = NULL;

  g_return_if_fail (CLR_IS_REVIEW_FILTER_BAR (self));
  g_return_if_fail (self->queue != NULL);

  lists = clr_review_queue_dup_list_codes (self->queue);
  countries = clr_review_queue_dup_countries (self->queue);
  clr_dropdown_refill (self->list_dropdown, (const char * const *) lists, &self->updating);
  clr_dropdown_refill (self->country_dropdown, (const char * const *) countries, &self->updating);
  filters_changed_cb (self);
}

void
clr_review_filter_bar_reset (ClrReviewFilterBar *self,
                             const char         *search)
{
  g_return_if_fail (CLR_IS_REVIEW_FILTER_BAR (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, G_N_ELEMENTS (status_choices) - 1);
  gtk_drop_down_set_selected (self->band_dropdown, 0);
  gtk_drop_down_set_selected (self->list_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  self->updating = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  filters_changed_cb (self);
  if (self->queue != NULL)
    clr_review_queue_set_search (self->queue, search);
}

const char *
clr_review_filter_bar_get_search (ClrReviewFilterBar *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_FILTER_BAR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
clr_review_filter_bar_focus_search (ClrReviewFilterBar *self)
{
  g_return_if_fail (CLR_IS_REVIEW_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
clr_review_filter_bar_set_queue (ClrReviewFilterBar *self,
                                 ClrReviewQueue     *queue)
{
  g_return_if_fail (CLR_IS_REVIEW_FILTER_BAR (self));

  g_set_object (&self->queue, queue);
  filters_changed_cb (self);
}

static void
clr_review_filter_bar_dispose (GObject *object)
{
  ClrReviewFilterBar *self = CLR_REVIEW_FILTER_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_FILTER_BAR);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (clr_review_filter_bar_parent_class)->dispose (object);
}

static void
clr_review_filter_bar_class_init (ClrReviewFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_filter_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/review/clr-review-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewFilterBar, band_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewFilterBar, list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewFilterBar, country_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
}

static void
clr_review_filter_bar_init (ClrReviewFilterBar *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) bands = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (status_choices) - 1; i++)
    gtk_string_list_append (statuses, status_choices[i] == CLR_REVIEW_QUEUE_AWAITING_APPROVAL
                                      ? _("Awaiting approval") : clr_review_status_get_label (status_choices[i]));
  gtk_string_list_append (statuses, _("All statuses"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  for (ClrScoreBand band = CLR_SCORE_BAND_ANY; band <= CLR_SCORE_BAND_WEAK; band++)
    gtk_string_list_append (bands, clr_score_band_get_label (band));
  gtk_drop_down_set_model (self->band_dropdown, G_LIST_MODEL (bands));
  self->updating = FALSE;
}
