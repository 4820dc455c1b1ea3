/* clr-lists-changes-view.c — What changed: the latest update of one source, filtered
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
#include "widgets/clr-dropdown.h"

#include "clr-lists-changes-view.h"

struct _ClrListsChangesView
{
  AdwBin              parent_instance;

  /* template */
  GtkDropDown        *source_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *list_dropdown;
  GtkDropDown        *country_dropdown;
  GtkLabel           *summary_label;
  GtkLabel           *rescreen_label;
  GListStore         *changes;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  ClrStore           *store;
  GCancellable       *cancellable;
  char               *source;  /* the source shown */
  gboolean            refilling;
};

G_DEFINE_FINAL_TYPE (ClrListsChangesView, clr_lists_changes_view, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGES_LOADED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
change_filter_func (gpointer object,
                    gpointer user_data)
{
  ClrListsChangesView *self = user_data;
  const ClrListChange *change = clr_lists_item_get_change (object);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  /* Kind drop-down: 0 all, then added, removed, changed. */
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION && (guint) change->kind != kind - 1)
    return FALSE;
  return clr_lists_filter_match (self->list_dropdown, self->country_dropdown, object);
}

static void
update_summary (ClrListsChangesView *self)
{
  guint counts[3] = { 0, 0, 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  g_autofree char *text = NULL;

  if (self->source == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrListsItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      const ClrListChange *change = clr_lists_item_get_change (item);

      if ((guint) change->kind < G_N_ELEMENTS (counts))
        counts[change->kind]++;
    }

  /* Translators: counts of added, removed and changed entries, then the shown and total changes. */
  text = g_strdup_printf (_("%u added · %u removed · %u changed (%u of %u changes shown)"),
                          counts[CLR_LIST_CHANGE_ADDED], counts[CLR_LIST_CHANGE_REMOVED],
                          counts[CLR_LIST_CHANGE_CHANGED], n, total);
  gtk_label_set_text (self->summary_label, text);
}

static void
filter_changed_cb (ClrListsChangesView *self)
{
  if (self->refilling)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
changes_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClrListsChangesView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = clr_lists_diff_latest_finish (result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    g_ptr_array_add (items, clr_lists_item_new_change (g_ptr_array_index (changes, i)));
  clr_lists_filter_replace (self->list_dropdown, self->country_dropdown, &self->refilling,
                            self->changes, GTK_FILTER (self->filter), items);

  if (changes == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
        /* Translators: %s is a source id. */
        text = g_strdup_printf (_("%s has been loaded once only: there is no earlier version to compare with."),
                                self->source);
      else
        /* Translators: %s is the reason. */
        text = g_strdup_printf (_("What changed could not be read: %s"), error->message);
      gtk_label_set_text (self->summary_label, text);
    }
  else
    {
      update_summary (self);
    }

  g_signal_emit (self, signals[SIGNAL_CHANGES_LOADED], 0);
}

void
clr_lists_changes_view_load (ClrListsChangesView *self,
                             const char          *source)
{
  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  clr_lists_changes_view_set_source (self, source);
  if (self->store == NULL || source == NULL)
    {
      g_list_store_remove_all (self->changes);
      gtk_label_set_text (self->summary_label, _("Choose a source to see what its latest update changed."));
      return;
    }

  gtk_label_set_text (self->summary_label, _("Comparing with the previous version…"));
  clr_lists_diff_latest_async (self->store, source, self->cancellable, changes_loaded_cb, self);
}

static void
source_changed_cb (ClrListsChangesView *self)
{
  const char *source;

  if (self->refilling)
    return;
  source = clr_dropdown_get_value (self->source_dropdown);
  if (source != NULL || self->source != NULL)
    clr_lists_changes_view_load (self, source);
}

/* ---- one change, in its own window ------------------------------------ */

typedef struct
{
  ClrStore *store;
  gint64    entry_id;
  char     *note;
} EntryLoad;

static void
entry_load_free (EntryLoad *load)
{
  g_clear_object (&load->store);
  g_free (load->note);
  g_free (load);
}

static void
entry_load_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EntryLoad *load = task_data;
  GError *error = NULL;
  ClrEntry *entry = clr_store_get_entry (load->store, load->entry_id, &error);

  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) clr_entry_unref);
}

static void
entry_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClrListsChangesView *self = CLR_LISTS_CHANGES_VIEW (object);
  EntryLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrEntry) entry = g_task_propagate_pointer (G_TASK (result), &error);

  if (entry != NULL)
    {
      gtk_window_present (clr_entry_window_new (GTK_WIDGET (self), entry, load->note));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The entry could not be read: %s"), error->message);
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
    }
}

static void
activate_cb (ClrListsChangesView *self,
             guint                position)
{
  g_autoptr(ClrListsItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const ClrListChange *change;
  g_autoptr(GTask) task = NULL;
  EntryLoad *load;

  if (item == NULL || self->store == NULL)
    return;
  change = clr_lists_item_get_change (item);

  load = g_new0 (EntryLoad, 1);
  load->store = g_object_ref (self->store);
  load->entry_id = change->new_entry_id != 0 ? change->new_entry_id : change->old_entry_id;
  if (change->kind == CLR_LIST_CHANGE_CHANGED && change->fields != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", change->fields);
      /* Translators: %s is a list of field names. */
      load->note = g_strdup_printf (_("Changed in this update: %s"), fields);
    }
  else if (change->kind == CLR_LIST_CHANGE_REMOVED)
    load->note = g_strdup (_("Removed in this update. This is the entry as it was listed before."));
  else
    load->note = g_strdup (_("Added in this update."));

  task = g_task_new (self, self->cancellable, entry_loaded_cb, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) entry_load_free);
  g_task_run_in_thread (task, entry_load_thread);
}

/* ---- GObject ------------------------------------------------------------ */

static void
clr_lists_changes_view_dispose (GObject *object)
{
  ClrListsChangesView *self = CLR_LISTS_CHANGES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_LISTS_CHANGES_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (clr_lists_changes_view_parent_class)->dispose (object);
}

static void
clr_lists_changes_view_finalize (GObject *object)
{
  ClrListsChangesView *self = CLR_LISTS_CHANGES_VIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->source);

  G_OBJECT_CLASS (clr_lists_changes_view_parent_class)->finalize (object);
}

static void
clr_lists_changes_view_class_init (ClrListsChangesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_lists_changes_view_dispose;
  object_class->finalize = clr_lists_changes_view_finalize;

  signals[SIGNAL_CHANGES_LOADED] =
    g_signal_new ("changes-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CLR_TYPE_LISTS_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/lists/clr-lists-changes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, rescreen_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, changes);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, filter);
  gtk_widget_class_bind_template_child (widget_class, ClrListsChangesView, filtered);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
clr_lists_changes_view_init (ClrListsChangesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_custom_filter_set_filter_func (self->filter, change_filter_func, self, NULL);
}

void
clr_lists_changes_view_set_store (ClrListsChangesView *self,
                                  ClrStore            *store)
{
  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  g_set_object (&self->store, store);
}

void
clr_lists_changes_view_set_sources (ClrListsChangesView *self,
                                    GPtrArray           *sources)
{
  g_autoptr(GPtrArray) values = NULL;

  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  values = g_ptr_array_copy (sources, NULL, NULL);
  g_ptr_array_add (values, NULL);
  clr_dropdown_refill (self->source_dropdown, (const char * const *) values->pdata, &self->refilling);
  if (self->source != NULL)
    {
      for (guint i = 0; i < sources->len; i++)
        if (g_strcmp0 (g_ptr_array_index (sources, i), self->source) == 0)
          gtk_drop_down_set_selected (self->source_dropdown, i + 1);
    }
  else if (sources->len > 0 && gtk_drop_down_get_selected (self->source_dropdown) == 0)
    {
      gtk_drop_down_set_selected (self->source_dropdown, 1);
    }
}

const char *
clr_lists_changes_view_get_source (ClrListsChangesView *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self), NULL);

  return self->source;
}

void
clr_lists_changes_view_set_source (ClrListsChangesView *self,
                                   const char          *source)
{
  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  if (source != self->source)
    {
      g_free (self->source);
      self->source = g_strdup (source);
    }
}

void
clr_lists_changes_view_filter (ClrListsChangesView *self,
                               int                  kind,
                               const char          *list_code,
                               const char          *country)
{
  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  gtk_drop_down_set_selected (self->kind_dropdown, kind < 0 ? 0 : (guint) kind + 1);
  gtk_drop_down_set_selected (self->list_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  clr_dropdown_set_value (self->list_dropdown, list_code);
  clr_dropdown_set_value (self->country_dropdown, country);
  filter_changed_cb (self);
}

void
clr_lists_changes_view_set_rescreen (ClrListsChangesView *self,
                                     const char          *text)
{
  g_return_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self));

  gtk_label_set_text (self->rescreen_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rescreen_label), text != NULL);
}

GListModel *
clr_lists_changes_view_get_model (ClrListsChangesView *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

const char *
clr_lists_changes_view_get_summary (ClrListsChangesView *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_CHANGES_VIEW (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
