/* clr-case-sidebar.c — the Shipment page's list of cases
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-case-row.h"
#include "clr-case-sidebar.h"
#include "clr-store-cases.h"
#include "widgets/clr-widget.h"

#define LIST_DELAY_MS   800
#define CASE_LIST_LIMIT 200

struct _ClrCaseSidebar
{
  GtkBox          parent_instance;

  GtkSearchEntry *search;
  GtkListBox     *list;
  GtkLabel       *placeholder;
  GtkCheckButton *archived_check;
  GtkWidget      *close_button;

  ClrStore       *store;
  GCancellable   *cancellable;
  guint           refresh_id;
  gint64          selected;
  gint64          recent;        /* the first case listed, when open and unsearched */
  gint64          open_case;     /* the open case, whose staleness the page knows */
  gboolean        open_stale;
};

enum {
  CASE_ACTIVATED,
  LOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrCaseSidebar, clr_case_sidebar, GTK_TYPE_BOX)

static gint64
row_case_id (GtkListBoxRow *row)
{
  return CLR_IS_CASE_ROW (row) ? clr_case_row_get_case_id (CLR_CASE_ROW (row)) : 0;
}

static const char *
search_text (ClrCaseSidebar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search));
}

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrCaseSidebar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = clr_store_list_cases_finish (CLR_STORE (object), result, &error);
  ClrCase *first;

  if (cases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  /* Rows only: the "No cases yet" placeholder is a child of the list too. */
  clr_widget_list_box_remove_rows (self->list);
  for (guint i = 0; i < cases->len; i++)
    {
      ClrCase *item = g_ptr_array_index (cases, i);
      GtkWidget *row = clr_case_row_new (item);

      if (item->id == self->open_case && self->open_case != 0)
        clr_case_row_set_stale (CLR_CASE_ROW (row), self->open_stale);
      gtk_list_box_append (self->list, row);
    }
  clr_case_sidebar_select_case (self, self->selected);
  first = cases->len > 0 ? g_ptr_array_index (cases, 0) : NULL;
  self->recent = first != NULL && *search_text (self) == '\0' && first->status == CLR_CASE_STATUS_OPEN
                 ? first->id : 0;
  g_signal_emit (self, signals[LOADED], 0);
}

void
clr_case_sidebar_refresh (ClrCaseSidebar *self)
{
  const char *search;

  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));

  search = search_text (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_label_set_text (self->placeholder,
                      *search != '\0' ? _("No cases match the search") : _("No cases yet"));
  if (self->store == NULL)
    return;
  clr_store_list_cases_async (self->store, search,
                              gtk_check_button_get_active (self->archived_check)
                              ? CLR_CASE_STATUS_ANY : CLR_CASE_STATUS_OPEN,
                              CASE_LIST_LIMIT, self->cancellable,
                              cases_loaded_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  ClrCaseSidebar *self = user_data;

  self->refresh_id = 0;
  clr_case_sidebar_refresh (self);
  return G_SOURCE_REMOVE;
}

void
clr_case_sidebar_queue_refresh (ClrCaseSidebar *self)
{
  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (LIST_DELAY_MS, refresh_timeout_cb, self);
}

static void
row_activated_cb (ClrCaseSidebar *self,
                  GtkListBoxRow  *row)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, row_case_id (row));
}

void
clr_case_sidebar_select_case (ClrCaseSidebar *self,
                              gint64          case_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));

  self->selected = case_id;
  gtk_list_box_unselect_all (self->list);
  for (int i = 0; case_id != 0 && (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (row_case_id (row) == case_id)
      {
        gtk_list_box_select_row (self->list, row);
        break;
      }
}

/* Another program on the team database saved, evaluated or decided for a
 * case: its row (reference, parties, verdict, date) may have changed, or
 * it is new. A burst of changes is one refresh. */
static void
external_change_cb (ClrCaseSidebar *self,
                    const char     *action,
                    gint64          case_id,
                    const char     *subject)
{
  if (case_id != 0 || g_str_equal (action, "case.save") || g_str_equal (action, "rescreen"))
    clr_case_sidebar_queue_refresh (self);
}

void
clr_case_sidebar_set_store (ClrCaseSidebar *self,
                            ClrStore       *store)
{
  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));
  g_return_if_fail (store == NULL || CLR_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, external_change_cb, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_object (store, "external-change", G_CALLBACK (external_change_cb), self,
                             G_CONNECT_SWAPPED);
  clr_case_sidebar_refresh (self);
}

void
clr_case_sidebar_set_stale (ClrCaseSidebar *self,
                            gint64          case_id,
                            gboolean        stale)
{
  GtkListBoxRow *row;

  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));

  self->open_case = case_id;
  self->open_stale = stale;
  for (int i = 0; case_id != 0 && (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (row_case_id (row) == case_id)
      clr_case_row_set_stale (CLR_CASE_ROW (row), stale);
}

gint64
clr_case_sidebar_get_recent_case (ClrCaseSidebar *self)
{
  g_return_val_if_fail (CLR_IS_CASE_SIDEBAR (self), 0);
  return self->recent;
}

void
clr_case_sidebar_focus_search (ClrCaseSidebar *self)
{
  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

void
clr_case_sidebar_set_show_close (ClrCaseSidebar *self,
                                 gboolean        show)
{
  g_return_if_fail (CLR_IS_CASE_SIDEBAR (self));
  gtk_widget_set_visible (self->close_button, show);
}

GtkListBox *
clr_case_sidebar_get_list (ClrCaseSidebar *self)
{
  g_return_val_if_fail (CLR_IS_CASE_SIDEBAR (self), NULL);
  return self->list;
}

static void
clr_case_sidebar_dispose (GObject *object)
{
  ClrCaseSidebar *self = CLR_CASE_SIDEBAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLR_TYPE_CASE_SIDEBAR);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, external_change_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (clr_case_sidebar_parent_class)->dispose (object);
}

static void
clr_case_sidebar_class_init (ClrCaseSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_case_sidebar_dispose;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/shipment/clr-case-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrCaseSidebar, search);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseSidebar, placeholder);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseSidebar, archived_check);
  gtk_widget_class_bind_template_child (widget_class, ClrCaseSidebar, close_button);
  gtk_widget_class_bind_template_callback (widget_class, clr_case_sidebar_refresh);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_case_sidebar_init (ClrCaseSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));
}
