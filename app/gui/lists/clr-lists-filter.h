/* clr-lists-filter.h — small helpers the Lists page's views share: counts,
 * times, and the "All …" filter drop-downs of What changed and Search
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clr-lists-item.h"

G_BEGIN_DECLS

/* @n with the locale's digit grouping ("25,921"). */
char       *clr_lists_format_count      (guint64      n);
/* An ISO 8601 time in local time ("2026-03-01 14:05"), "never" for NULL. */
char       *clr_lists_format_time       (const char  *iso);

/* The list and country filters of What changed and Search: whether @item
 * (a ClrListsItem) passes them. */
gboolean    clr_lists_filter_match      (GtkDropDown *list_dropdown,
                                         GtkDropDown *country_dropdown,
                                         gpointer     item);
/* Shows @items (ClrListsItem *) in @store instead of what it held: the
 * list and country drop-downs are refilled with their list codes and
 * countries, as clr_dropdown_refill(), and @filter filters again. */
void        clr_lists_filter_replace    (GtkDropDown *list_dropdown,
                                         GtkDropDown *country_dropdown,
                                         gboolean    *refilling,
                                         GListStore  *store,
                                         GtkFilter   *filter,
                                         GPtrArray   *items);

G_END_DECLS
