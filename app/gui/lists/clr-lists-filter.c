/* clr-lists-filter.c — small helpers the Lists page's views share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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

static GtkStringList *
dropdown_model (GtkDropDown *dropdown)
{
  return GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
}

void
clr_lists_dropdown_refill (GtkDropDown *dropdown,
                           GPtrArray   *values,
                           gboolean    *refilling)
{
  GtkStringList *model = dropdown_model (dropdown);
  g_autofree char *current = g_strdup (clr_lists_dropdown_get_value (dropdown));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_selected = 0;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  g_return_if_fail (n > 0);

  for (guint i = 0; i < values->len; i++)
    {
      g_ptr_array_add (strings, g_ptr_array_index (values, i));
      if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
        new_selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  *refilling = TRUE;
  gtk_string_list_splice (model, 1, n - 1, (const char * const *) strings->pdata);
  gtk_drop_down_set_selected (dropdown, new_selected);
  *refilling = FALSE;
}

const char *
clr_lists_dropdown_get_value (GtkDropDown *dropdown)
{
  GtkStringList *model = dropdown_model (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return NULL;
  return gtk_string_list_get_string (model, selected);
}

void
clr_lists_dropdown_set_value (GtkDropDown *dropdown,
                              const char  *value)
{
  GtkStringList *model = dropdown_model (dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint selected = 0;

  for (guint i = 1; value != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (model, i), value) == 0)
      selected = i;
  gtk_drop_down_set_selected (dropdown, selected);
}

void
clr_distinct_init (ClrDistinct *distinct)
{
  distinct->seen = g_hash_table_new (g_str_hash, g_str_equal);
  distinct->values = g_ptr_array_new ();
}

void
clr_distinct_add (ClrDistinct *distinct,
                  const char  *value)
{
  if (value != NULL && value[0] != '\0' && g_hash_table_add (distinct->seen, (gpointer) value))
    g_ptr_array_add (distinct->values, (gpointer) value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
clr_distinct_finish (ClrDistinct *distinct)
{
  GPtrArray *values = g_steal_pointer (&distinct->values);

  g_clear_pointer (&distinct->seen, g_hash_table_unref);
  g_ptr_array_sort (values, compare_strings);
  return values;
}
