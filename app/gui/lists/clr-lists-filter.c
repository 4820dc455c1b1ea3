/* clr-lists-filter.c — small helpers the Lists page's views share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/clr-dropdown.h"

#include "clr-lists-filter.h"

char *
clr_lists_format_count (guint64 n)
{
  /* Digit grouping from the locale ("25,921"). */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

char *
clr_lists_format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup (_("never"));
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
add_distinct (GHashTable *seen,
              GPtrArray  *values,
              const char *value)
{
  if (value != NULL && value[0] != '\0' && g_hash_table_add (seen, (gpointer) value))
    g_ptr_array_add (values, (gpointer) value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
clr_lists_filter_match (GtkDropDown *list_dropdown,
                        GtkDropDown *country_dropdown,
                        gpointer     item)
{
  const char *list = clr_dropdown_get_value (list_dropdown);
  const char *country = clr_dropdown_get_value (country_dropdown);

  if (list != NULL && g_strcmp0 (clr_lists_item_get_list_code (item), list) != 0)
    return FALSE;
  if (country != NULL && (clr_lists_item_get_countries (item) == NULL
                          || !g_strv_contains (clr_lists_item_get_countries (item), country)))
    return FALSE;
  return TRUE;
}

void
clr_lists_filter_replace (GtkDropDown *list_dropdown,
                          GtkDropDown *country_dropdown,
                          gboolean    *refilling,
                          GListStore  *store,
                          GtkFilter   *filter,
                          GPtrArray   *items)
{
  g_autoptr(GHashTable) seen_lists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();

  /* The items own the strings: borrow them. */
  for (guint i = 0; i < items->len; i++)
    {
      ClrListsItem *item = g_ptr_array_index (items, i);
      const char * const *codes = clr_lists_item_get_countries (item);

      add_distinct (seen_lists, lists, clr_lists_item_get_list_code (item));
      for (guint j = 0; codes != NULL && codes[j] != NULL; j++)
        add_distinct (seen_countries, countries, codes[j]);
    }
  g_ptr_array_sort (lists, compare_strings);
  g_ptr_array_sort (countries, compare_strings);
  g_ptr_array_add (lists, NULL);
  g_ptr_array_add (countries, NULL);
  clr_dropdown_refill (list_dropdown, (const char * const *) lists->pdata, refilling);
  clr_dropdown_refill (country_dropdown, (const char * const *) countries->pdata, refilling);

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}
