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
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkLabel           *empty;      /* "No ECCN matches 'GPU'" */
  char               *none_text;  /* with "%s" for the search */
  GStrv               words;      /* the search, case-folded, in words: what the filter and sorter read */
};

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClrPickerPopover, clr_picker_popover, GTK_TYPE_POPOVER)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ClrPickerPopover *self = user_data;

  return clr_pick_item_matches_words (CLR_PICK_ITEM (item), (const char * const *) self->words);
}

/* The search split once, not for every item the filter and sorter look at. */
static void
update_words (ClrPickerPopover *self)
{
  g_strfreev (self->words);
  self->words = clr_pick_item_split_query (gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

/* Exact words first ("H20" before "H200 SXM"); otherwise the catalogue's order. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  ClrPickerPopover *self = user_data;
  const char * const *words = (const char * const *) self->words;

  return clr_pick_item_rank (CLR_PICK_ITEM ((gpointer) a), words)
         - clr_pick_item_rank (CLR_PICK_ITEM ((gpointer) b), words);
}

static void
pick (ClrPickerPopover *self,
      guint             position)
{
  g_autoptr(ClrPickItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item == NULL)
    return;
  g_signal_emit (self, signals[PICKED], 0, clr_pick_item_get_id (item));
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* An empty result says so, naming the search. */
static void
update_empty (ClrPickerPopover *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  gboolean none = *query != '\0' && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (none)
    {
      g_auto(GStrv) parts = g_strsplit (self->none_text != NULL ? self->none_text : _("Nothing matches “%s”"), "%s", 2);
      g_autofree char *text = g_strjoinv (query, parts);

      gtk_label_set_text (self->empty, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty), none);
}

static void
search_changed_cb (ClrPickerPopover *self)
{
  update_words (self);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_empty (self);
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
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint selected = gtk_single_selection_get_selected (self->selection);

  /* Up and Down move through the results while the search keeps the focus
   * (Return picks the selected one), so the search can go on being typed;
   * Tab enters the list itself. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && n > 0)
    {
      gtk_single_selection_set_selected (self->selection,
                                         selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1));
      return TRUE;
    }
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && n > 0 && selected != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, selected > 0 ? selected - 1 : 0);
      return TRUE;
    }
  return FALSE;
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
clr_picker_popover_finalize (GObject *object)
{
  g_free (CLR_PICKER_POPOVER (object)->none_text);
  g_strfreev (CLR_PICKER_POPOVER (object)->words);
  G_OBJECT_CLASS (clr_picker_popover_parent_class)->finalize (object);
}

static void
clr_picker_popover_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClrPickerPopover *self = CLR_PICKER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_picker_popover_class_init (ClrPickerPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = clr_picker_popover_set_property;
  object_class->finalize = clr_picker_popover_finalize;
  widget_class->map = clr_picker_popover_map;

  /* What the list holds, its accessible name ("Countries"). */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClrPickerPopover::picked:
   * @id: the chosen item's id
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CLR_TYPE_PICK_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dev/clearance/Clearance/shipment/clr-picker-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, search);
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, list);
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, filtered);
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, sorted);
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, selection);
  gtk_widget_class_bind_template_child (widget_class, ClrPickerPopover, empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
clr_picker_popover_init (ClrPickerPopover *self)
{
  g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (filter_func, self, NULL);
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (sort_func, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (filter));
  gtk_sort_list_model_set_sorter (self->sorted, GTK_SORTER (sorter));
}

GtkWidget *
clr_picker_popover_new (GListModel *items,
                        const char *label)
{
  ClrPickerPopover *self = g_object_new (CLR_TYPE_PICKER_POPOVER, "label", label, NULL);

  clr_picker_popover_set_items (self, items);
  return GTK_WIDGET (self);
}

void
clr_picker_popover_set_items (ClrPickerPopover *self,
                              GListModel       *items)
{
  g_return_if_fail (CLR_IS_PICKER_POPOVER (self));

  update_words (self);
  gtk_filter_list_model_set_model (self->filtered, items);
}

/* What an empty search says, "%s" standing for the search ("No ECCN matches “%s”"). */
void
clr_picker_popover_set_none_text (ClrPickerPopover *self,
                                  const char       *none_text)
{
  g_return_if_fail (CLR_IS_PICKER_POPOVER (self));

  g_free (self->none_text);
  self->none_text = g_strdup (none_text);
  update_empty (self);
}

/* The search entry and the filtered list, for tests. */
GtkEditable *
clr_picker_popover_get_search (ClrPickerPopover *self)
{
  g_return_val_if_fail (CLR_IS_PICKER_POPOVER (self), NULL);
  return GTK_EDITABLE (self->search);
}

GListModel *
clr_picker_popover_get_shown (ClrPickerPopover *self)
{
  g_return_val_if_fail (CLR_IS_PICKER_POPOVER (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/* The empty-search text when it is shown, else NULL. */
const char *
clr_picker_popover_get_none_text (ClrPickerPopover *self)
{
  g_return_val_if_fail (CLR_IS_PICKER_POPOVER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->empty)) ? gtk_label_get_text (self->empty) : NULL;
}
