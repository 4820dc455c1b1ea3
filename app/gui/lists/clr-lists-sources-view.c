/* clr-lists-sources-view.c — the Sources view of the Lists page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-lists-filter.h"
#include "clr-source-row.h"

#include "widgets/clr-widget.h"

#include "clr-lists-sources-view.h"

struct _ClrListsSourcesView
{
  AdwBin      parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *sources_list;
};

G_DEFINE_FINAL_TYPE (ClrListsSourcesView, clr_lists_sources_view, ADW_TYPE_BIN)

static void
clr_lists_sources_view_class_init (ClrListsSourcesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  clr_widget_class_set_template (widget_class, RESOURCE_BASE "/lists/clr-lists-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrListsSourcesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsSourcesView, sources_list);
}

static void
clr_lists_sources_view_init (ClrListsSourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
clr_lists_sources_view_set_sources (ClrListsSourcesView *self,
                                    GPtrArray           *statuses)
{
  guint loaded = 0, enabled = 0;
  guint64 records = 0;
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (CLR_IS_LISTS_SOURCES_VIEW (self));

  clr_widget_list_box_remove_rows (self->sources_list);

  for (guint i = 0; i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);

      gtk_list_box_append (self->sources_list, clr_source_row_new (statuses, status));
      if (status->source->enabled)
        enabled++;
      if (status->version != NULL)
        {
          loaded++;
          if (status->source->enabled)
            records += status->version->records;
        }
    }

  count = clr_lists_format_count (records);
  /* Translators: loaded sources, enabled sources, records screened against. */
  summary = g_strdup_printf (ngettext ("%u of %u enabled source loaded · %s records screened against",
                                       "%u of %u enabled sources loaded · %s records screened against",
                                       enabled),
                             loaded, enabled, count);
  gtk_label_set_text (self->summary_label, summary);
}

const char *
clr_lists_sources_view_get_summary (ClrListsSourcesView *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_SOURCES_VIEW (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
