/* clr-review-page.c — the Review page: possible list matches waiting for a reviewer's decision
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-store-cases.h"
#include "widgets/clr-widget.h"

#include "clr-review-page-private.h"

G_DEFINE_FINAL_TYPE (ClrReviewPage, clr_review_page, CLR_TYPE_PAGE)

/* How long other programs' changes gather before the queue is reloaded. */
#define LIVE_RELOAD_MS 300

enum {
  SIGNAL_LOADED,
  SIGNAL_DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static ClrStore *
store_of (ClrReviewPage *self)
{
  return clr_page_get_store (CLR_PAGE (self));
}

static void
set_feedback (ClrReviewPage *self,
              const char    *text,
              gboolean       is_error)
{
  clr_review_detail_set_feedback (self->detail, text, is_error);
}

/* Shows @item on the right (NULL: the "nothing selected" page). */
static void
show_item (ClrReviewPage       *self,
           const ClrReviewItem *item)
{
  /* "Decision saved" is about the decided item: moving on clears it. */
  if (self->saved_id != 0 && item != NULL && item->id != self->saved_id)
    {
      self->saved_id = 0;
      set_feedback (self, NULL, FALSE);
    }
  self->shown_id = item != NULL ? item->id : 0;
  gtk_stack_set_visible_child_name (self->detail_stack, item != NULL ? "item" : "none");
  if (item != NULL)
    clr_review_detail_show_item (self->detail, item, clr_review_queue_get_family (self->queue, item->id));
  _clr_review_page_update_actions (self);
}


static ClrReviewItem *
get_selected_item (ClrReviewPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  return object != NULL ? clr_review_queue_item_get_item (object) : NULL;
}

static void
selection_changed_cb (ClrReviewPage *self)
{
  ClrReviewItem *item = get_selected_item (self);

  if (item != NULL && item->id == self->shown_id && !self->loading)
    return;
  if (!self->loading)
    set_feedback (self, NULL, FALSE);
  show_item (self, item);
}

static void
queue_activate_cb (ClrReviewPage *self,
                   guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
update_count (ClrReviewPage *self)
{
  guint shown = clr_review_queue_get_n_items (self->queue);
  guint total = clr_review_queue_get_n_total (self->queue);
  g_autofree char *text = NULL;

  /* Translators: "3 of 10 items" in the review queue. */
  text = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", total), shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->queue_stack, shown > 0 ? "items" : "empty");
  if (total > 0 && shown == 0)
    adw_status_page_set_title (self->empty_status, _("No Items Match the Filters"));
  else
    adw_status_page_set_title (self->empty_status, _("Nothing to Review"));
}

void
_clr_review_page_update_actions (ClrReviewPage *self)
{
  gboolean can = self->shown_id != 0 && !self->busy && store_of (self) != NULL;
  /* a decided item is decided again only through Change Decision */
  gboolean locked = self->shown_id != 0 && clr_review_detail_get_locked (self->detail);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.match", can && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.not-a-match", can && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.escalate", can && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.change-decision", can && locked);
}

static gboolean
select_id (ClrReviewPage *self,
           gint64         id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (model, i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);

      if (item->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_item (self, item);
          return TRUE;
        }
    }

  return FALSE;
}

static void
clear_target (ClrReviewPage *self)
{
  self->has_target = FALSE;
  g_clear_pointer (&self->target_party_name, g_free);
  g_clear_pointer (&self->target_list, g_free);
  g_clear_pointer (&self->target_entry, g_free);
}

/* The hit was not recorded (yet): show what the queue has for this party, and say so. */
static void
target_not_found (ClrReviewPage *self)
{
  g_autofree char *message = NULL;

  clr_review_filter_bar_reset (self->filter_bar, self->target_party_name);
  /* Translators: %s is a party name. */
  message = g_strdup_printf (_("This hit for “%s” is not in the review queue yet: it is added when "
                               "the shipment is evaluated. Showing the party’s other items."),
                             self->target_party_name);
  clr_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
  set_feedback (self, message, TRUE);
}

/* The queue item of the hit clr_review_page_show_hit () asked for: the same
 * listed entry and party identity, the one seen in the case first. 0 if none. */
static gint64
find_target (ClrReviewPage *self,
             GPtrArray     *items)
{
  g_autofree char *party_key = clr_review_normalize_party_name (self->target_party_name);
  gint64 found = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      if (self->target_id != 0)
        {
          if (item->id == self->target_id)
            return item->id;
          continue;
        }
      if (g_strcmp0 (item->list_code, self->target_list) != 0
          || g_strcmp0 (item->entry_key, self->target_entry) != 0
          || g_strcmp0 (item->party_key, party_key) != 0)
        continue;
      if (found == 0 || item->case_id == self->target_case_id)
        found = item->id;
      if (item->case_id == self->target_case_id)
        break;
    }
  return found;
}

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClrReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = clr_store_list_cases_finish (CLR_STORE (object), result, &error);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without them (an error) the headers say the case number only. */
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      ClrCase *c = g_ptr_array_index (cases, i);

      if (c->reference != NULL && c->reference[0] != '\0')
        /* Translators: a case number and its reference, as in the Audit Log */
        g_hash_table_insert (labels, &c->id, g_strdup_printf (_("Case %" PRId64 " · %s"),
                                                              c->id, c->reference));
    }
  clr_review_queue_set_case_labels (self->queue, labels);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
queue_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClrReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 keep;

  items = clr_store_review_list_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = TRUE;
  keep = self->select_after_load != 0 ? self->select_after_load : self->shown_id;
  self->select_after_load = 0;

  if (items == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The review queue could not be read: %s"), error->message);
      adw_status_page_set_description (self->empty_status, message);
      clr_review_queue_set_items (self->queue, NULL);
    }
  else
    {
      clr_review_queue_set_items (self->queue, items);
    }

  clr_review_filter_bar_refill (self->filter_bar);

  if (self->has_target)
    {
      gint64 found = find_target (self, items);

      self->has_target = FALSE;
      if (found != 0)
        {
          keep = found;
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child_name (self->leaflet, "detail");
        }
      else
        {
          /* Show the party's other items, not whatever was shown before. */
          keep = 0;
          target_not_found (self);
        }
      clear_target (self);
    }

  if (keep != 0 && select_id (self, keep))
    ;
  else if (self->refused != NULL && keep != 0 && clr_review_queue_lookup (self->queue, keep) != NULL)
    {
      /* A refused decision: the item as it is now, whatever the filters. */
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_item (self, clr_review_queue_lookup (self->queue, keep));
    }
  else
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        {
          gtk_single_selection_set_selected (self->selection, 0);
          show_item (self, get_selected_item (self));
        }
      else
        {
          /* Nothing left in this view (the last open item was just decided):
           * keep showing that item, with its decision, rather than nothing. */
          show_item (self, keep != 0 ? clr_review_queue_lookup (self->queue, keep) : NULL);
        }
    }
  self->loading = FALSE;
  update_count (self);
  if (self->refused != NULL)
    _clr_review_page_report_refused (self);

  /* The group headers name each case by its reference. */
  if (items != NULL && items->len > 0)
    clr_store_list_cases_async (CLR_STORE (object), NULL, CLR_CASE_STATUS_ANY, 0, self->cancellable,
                                cases_loaded_cb, self);
  else
    g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
clr_review_page_reload (ClrReviewPage *self)
{
  ClrReviewFilter filter;

  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));

  if (store_of (self) == NULL)
    return;

  clr_review_filter_init (&filter);
  filter.status = CLR_REVIEW_STATUS_ANY;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clr_store_review_list_async (store_of (self), &filter, self->cancellable, queue_loaded_cb, self);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  if (g_strcmp0 (action_name, "review.match") == 0)
    clr_review_page_decide (self, CLR_REVIEW_STATUS_MATCH);
  else if (g_strcmp0 (action_name, "review.not-a-match") == 0)
    clr_review_page_decide (self, CLR_REVIEW_STATUS_NO_MATCH);
  else
    clr_review_page_decide (self, CLR_REVIEW_STATUS_ESCALATED);
}

static void
change_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  set_feedback (self, NULL, FALSE);
  clr_review_detail_begin_change (self->detail);
  _clr_review_page_update_actions (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "queue");
  clr_review_filter_bar_focus_search (self->filter_bar);
}

/* Alt+Down / Alt+Up: the next or previous hit of the queue, wherever the focus is. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);
  gboolean forward = g_str_equal (action_name, "review.next-hit");

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = forward ? 0 : n - 1;
  else if (forward && position + 1 < n)
    position++;
  else if (!forward && position > 0)
    position--;
  else
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->queue_view), "list.scroll-to-item", "u", position);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clr_review_page_reload (CLR_REVIEW_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
page_mapped_cb (ClrReviewPage *self)
{
  /* Decisions and new hits arrive from other pages and from the command
   * line: show the queue as it is now whenever the page is shown. */
  set_feedback (self, NULL, FALSE);
  clr_review_page_reload (self);
}

static gboolean
live_reload_cb (gpointer user_data)
{
  ClrReviewPage *self = user_data;

  self->live_reload_id = 0;
  clr_review_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Another program on the team database decided or reopened a hit, or
 * recorded new ones (an evaluation, a re-screening, a list update): the
 * queue and the item shown are reloaded, whether the page is shown or not,
 * a burst of changes once. A case's autosave changes no hit. */
static void
external_change_cb (ClrReviewPage *self,
                    const char    *action,
                    gint64         case_id,
                    const char    *subject)
{
  if (g_str_equal (action, "case.save") || self->live_reload_id != 0)
    return;
  self->live_reload_id = g_timeout_add (LIVE_RELOAD_MS, live_reload_cb, self);
}

static void
clr_review_page_constructed (GObject *object)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (object);

  G_OBJECT_CLASS (clr_review_page_parent_class)->constructed (object);

  if (store_of (self) != NULL)
    g_signal_connect_object (store_of (self), "external-change", G_CALLBACK (external_change_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_set (self->detail, "store", store_of (self), NULL);
  /* The decision actions need a store. */
  _clr_review_page_update_actions (self);
}

static void
clr_review_page_dispose (GObject *object)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->live_reload_id, g_source_remove);
  if (store_of (self) != NULL)
    g_signal_handlers_disconnect_by_func (store_of (self), external_change_cb, self);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  g_clear_pointer (&self->refused, g_ptr_array_unref);
  clear_target (self);

  G_OBJECT_CLASS (clr_review_page_parent_class)->dispose (object);
}

static void
clr_review_page_class_init (ClrReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clr_review_page_constructed;
  object_class->dispose = clr_review_page_dispose;


  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (CLR_TYPE_REVIEW_DETAIL);
  g_type_ensure (CLR_TYPE_REVIEW_FILTER_BAR);
  g_type_ensure (CLR_TYPE_REVIEW_QUEUE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, queue_activate_cb);

  gtk_widget_class_install_action (widget_class, "review.match", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.not-a-match", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.escalate", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.change-decision", NULL, change_decision_action);
  gtk_widget_class_install_action (widget_class, "review.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "review.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "review.next-hit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "review.previous-hit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "review.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_ALT_MASK, "review.match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "review.not-a-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_ALT_MASK, "review.escalate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "review.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "review.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "review.next-hit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "review.previous-hit", NULL);

  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_review_page_init (ClrReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->queue = clr_review_queue_new ();
  self->selection = gtk_single_selection_new (g_object_ref (clr_review_queue_get_model (self->queue)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->queue_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->queue, "notify::n-items",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  clr_review_filter_bar_set_queue (self->filter_bar, self->queue);

  g_signal_connect_object (self, "map", G_CALLBACK (page_mapped_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
  show_item (self, NULL);
}

GtkWidget *
clr_review_page_new (ClrStore    *store,
                     ClrSettings *settings)
{
  g_return_val_if_fail (store == NULL || CLR_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || CLR_IS_SETTINGS (settings), NULL);

  return g_object_new (CLR_TYPE_REVIEW_PAGE, "store", store, "settings", settings, NULL);
}

ClrReviewQueue *
clr_review_page_get_queue (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return self->queue;
}

gboolean
clr_review_page_select_item (ClrReviewPage *self,
                             gint64         id)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), FALSE);

  if (!select_id (self, id))
    return FALSE;
  clr_review_detail_scroll_to_top (self->detail);
  return TRUE;
}

gint64
clr_review_page_get_shown_id (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), 0);

  return self->shown_id;
}

void
clr_review_page_set_reason (ClrReviewPage   *self,
                            ClrReviewReason  reason,
                            const char      *note)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));
  g_return_if_fail (reason <= CLR_REVIEW_REASON_OTHER);

  clr_review_detail_set_reason (self->detail, reason, note);
}

const char *
clr_review_page_get_feedback (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return clr_review_detail_get_feedback (self->detail);
}

void
clr_review_page_show_hit (ClrReviewPage *self,
                          gint64         case_id,
                          const char    *party_name,
                          const char    *list_code,
                          const char    *entry_key,
                          gint64         review_id)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));
  g_return_if_fail (party_name != NULL);

  self->has_target = TRUE;
  self->target_case_id = case_id;
  self->target_id = review_id;
  g_free (self->target_party_name);
  self->target_party_name = g_strdup (party_name);
  g_free (self->target_list);
  self->target_list = g_strdup (list_code);
  g_free (self->target_entry);
  self->target_entry = g_strdup (entry_key);

  /* The hit must not hide behind filters chosen earlier: show every status. */
  clr_review_filter_bar_reset (self->filter_bar, NULL);
  self->select_after_load = 0;

  if (store_of (self) != NULL)
    clr_review_page_reload (self);
  else
    {
      /* Nothing to look in: report it as not found, the same way. */
      target_not_found (self);
      clear_target (self);
    }
}

const char *
clr_review_page_get_search (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return clr_review_filter_bar_get_search (self->filter_bar);
}
