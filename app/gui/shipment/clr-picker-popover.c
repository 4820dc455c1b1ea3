/* clr-picker-popover.c — a searchable list of ClrPickItems in a popover
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-pick-item.h"
#include "clr-picker-popover.h"

struct _ClrPickerPopover
{
  GtkPopover          parent_instance;

  GtkSearchEntry     *search;
  GtkListView        *list;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
};

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrPickerPopover, clr_picker_popover, GTK_TYPE_POPOVER)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ClrPickerPopover *self = user_data;

  return clr_pick_item_matches (CLR_PICK_ITEM (item),
                                gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
pick (ClrPickerPopover *self,
      guint             position)
{
  g_autoptr(ClrPickItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;
  g_signal_emit (self, signals[PICKED], 0, clr_pick_item_get_id (item));
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
search_changed_cb (ClrPickerPopover *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
search_activate_cb (ClrPickerPopover *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  pick (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
list_activate_cb (ClrPickerPopover *self,
                  guint             position)
{
  pick (self, position);
}

static void
stop_search_cb (ClrPickerPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Down arrow from the search field moves into the list. */
static gboolean
search_key_cb (ClrPickerPopover      *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list));
      return TRUE;
    }
  return FALSE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  ClrPickItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), clr_pick_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), clr_pick_item_get_subtitle (item));
}

static void
clr_picker_popover_dispose (GObject *object)
{
  ClrPickerPopover *self = CLR_PICKER_POPOVER (object);

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (clr_picker_popover_parent_class)->dispose (object);
}

static void
clr_picker_popover_map (GtkWidget *widget)
{
  ClrPickerPopover *self = CLR_PICKER_POPOVER (widget);

  GTK_WIDGET_CLASS (clr_picker_popover_parent_class)->map (widget);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
clr_picker_popover_class_init (ClrPickerPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = clr_picker_popover_dispose;
  GTK_WIDGET_CLASS (klass)->map = clr_picker_popover_map;

  /**
   * ClrPickerPopover::picked:
   * @id: the chosen item's id
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
clr_picker_popover_init (ClrPickerPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->search, 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (list_activate_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 280, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
clr_picker_popover_new (GListModel *items,
                        const char *label)
{
  ClrPickerPopover *self = g_object_new (CLR_TYPE_PICKER_POPOVER, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  clr_picker_popover_set_items (self, items);
  return GTK_WIDGET (self);
}

void
clr_picker_popover_set_items (ClrPickerPopover *self,
                              GListModel       *items)
{
  g_return_if_fail (CLR_IS_PICKER_POPOVER (self));

  gtk_filter_list_model_set_model (self->filtered, items);
}
