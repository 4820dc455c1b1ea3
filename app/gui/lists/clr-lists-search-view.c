/* clr-lists-search-view.c — Search: names on the loaded lists, with the screening matcher
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-entry-window.h"
#include "clr-lists-filter.h"
#include "clr-lists-item.h"
#include "clr-lists-tasks.h"
#include "clr-store-screening.h"

#include "clr-lists-search-view.h"

/* How many search results are shown at most. */
#define SEARCH_LIMIT 200

struct _ClrListsSearchView
{
  AdwBin              parent_instance;

  /* template */
  GtkSearchEntry     *entry;
  GtkDropDown        *list_dropdown;
  GtkDropDown        *country_dropdown;
  GtkLabel           *status_label;
  GListStore         *results;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  ClrStore           *store;
  ClrSettings        *settings;
  ClrMatcher         *matcher;
  GCancellable       *cancellable;         /* view lifetime: the index */
  GCancellable       *search_cancellable;  /* the running search */
  gboolean            refilling;
  gboolean            matcher_loading;
};

G_DEFINE_FINAL_TYPE (ClrListsSearchView, clr_lists_search_view, ADW_TYPE_BIN)

enum {
  SIGNAL_SEARCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_search (ClrListsSearchView *self);

static gboolean
result_filter_func (gpointer object,
                    gpointer user_data)
{
  ClrListsSearchView *self = user_data;

  return clr_lists_filter_match (self->list_dropdown, self->country_dropdown, object);
}

static void
update_status (ClrListsSearchView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;

  if (gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0')
    {
      gtk_label_set_text (self->status_label,
                          _("Type a name: the lists are searched with the same matcher as screening, "
                            "so spelling variants, legal forms and word order are found too."));
      return;
    }

  /* Translators: shown and found results. */
  text = g_strdup_printf (ngettext ("%u of %u entry found", "%u of %u entries found", total), shown, total);
  gtk_label_set_text (self->status_label, text);
}

static void
filter_changed_cb (ClrListsSearchView *self)
{
  if (self->refilling)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClrListsSearchView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = clr_lists_search_finish (result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, clr_lists_item_new_hit (g_ptr_array_index (hits, i)));
  clr_lists_filter_replace (self->list_dropdown, self->country_dropdown, &self->refilling,
                            self->results, GTK_FILTER (self->filter), items);
  update_status (self);
  g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
}

static void
matcher_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrListsSearchView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher_finish (CLR_STORE (object), result, &error);

  self->matcher_loading = FALSE;
  if (matcher == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_set_object (&self->matcher, matcher);
  run_search (self);
}

static void
run_search (ClrListsSearchView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  double threshold;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (text[0] == '\0' || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      update_status (self);
      return;
    }

  if (self->matcher == NULL)
    {
      gtk_label_set_text (self->status_label, _("Preparing the search index…"));
      if (!self->matcher_loading)
        {
          self->matcher_loading = TRUE;
          clr_store_load_matcher_async (self->store, self->cancellable, matcher_loaded_cb,
                                        g_object_ref (self));
        }
      return;
    }

  if (clr_matcher_get_n_entries (self->matcher) == 0)
    {
      g_list_store_remove_all (self->results);
      gtk_label_set_text (self->status_label, _("No lists are loaded: there is nothing to search."));
      g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
      return;
    }

  /* Searching is exploring: show weaker candidates than screening flags. */
  threshold = self->settings != NULL ? clr_settings_get_screening_threshold (self->settings)
                                     : clr_matcher_get_default_threshold ();
  threshold = MAX (0.5, threshold - 0.15);

  self->search_cancellable = g_cancellable_new ();
  clr_lists_search_async (self->matcher, text, threshold, SEARCH_LIMIT, self->search_cancellable,
                          search_done_cb, self);
}

static void
search_changed_cb (ClrListsSearchView *self)
{
  run_search (self);
}

static void
activate_cb (ClrListsSearchView *self,
             guint               position)
{
  g_autoptr(ClrListsItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  ClrHit *hit;
  g_autofree char *note = NULL;

  if (item == NULL)
    return;
  hit = clr_lists_item_get_hit (item);
  /* Translators: score in percent, then the matcher's explanation. */
  note = g_strdup_printf (_("Score %.0f %%: %s"), hit->score * 100,
                          hit->explanation != NULL ? hit->explanation : "");
  gtk_window_present (clr_entry_window_new (GTK_WIDGET (self), hit->entry, note));
}

static void
clr_lists_search_view_dispose (GObject *object)
{
  ClrListsSearchView *self = CLR_LISTS_SEARCH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_LISTS_SEARCH_VIEW);
  g_clear_object (&self->matcher);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (clr_lists_search_view_parent_class)->dispose (object);
}

static void
clr_lists_search_view_finalize (GObject *object)
{
  ClrListsSearchView *self = CLR_LISTS_SEARCH_VIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (clr_lists_search_view_parent_class)->finalize (object);
}

static void
clr_lists_search_view_class_init (ClrListsSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_lists_search_view_dispose;
  object_class->finalize = clr_lists_search_view_finalize;

  signals[SIGNAL_SEARCH_FINISHED] =
    g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CLR_TYPE_LISTS_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/lists/clr-lists-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, entry);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, results);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, filter);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSearchView, filtered);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
clr_lists_search_view_init (ClrListsSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_custom_filter_set_filter_func (self->filter, result_filter_func, self, NULL);
  update_status (self);
}

void
clr_lists_search_view_set_store (ClrListsSearchView *self,
                                 ClrStore           *store,
                                 ClrSettings        *settings)
{
  g_return_if_fail (CLR_IS_LISTS_SEARCH_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  g_clear_object (&self->matcher);
}

void
clr_lists_search_view_reset_matcher (ClrListsSearchView *self)
{
  g_return_if_fail (CLR_IS_LISTS_SEARCH_VIEW (self));

  g_clear_object (&self->matcher);
}

void
clr_lists_search_view_search (ClrListsSearchView *self,
                              const char         *text)
{
  g_return_if_fail (CLR_IS_LISTS_SEARCH_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) == 0)
    run_search (self);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

void
clr_lists_search_view_focus (ClrListsSearchView *self)
{
  g_return_if_fail (CLR_IS_LISTS_SEARCH_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GListModel *
clr_lists_search_view_get_model (ClrListsSearchView *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_SEARCH_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
