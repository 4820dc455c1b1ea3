/* clr-dropdown.c — the filter drop-downs: "All …", then the values on show
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-dropdown.h"

static GtkStringList *
dropdown_model (GtkDropDown *dropdown)
{
  return GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
}

void
clr_dropdown_refill (GtkDropDown        *dropdown,
                     const char * const *values,
                     gboolean           *refilling)
{
  GtkStringList *model = dropdown_model (dropdown);
  g_autofree char *current = g_strdup (clr_dropdown_get_value (dropdown));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_selected = 0;

  g_return_if_fail (n > 0);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], current) == 0)
      new_selected = i + 1;

  *refilling = TRUE;
  gtk_string_list_splice (model, 1, n - 1, values);
  gtk_drop_down_set_selected (dropdown, new_selected);
  *refilling = FALSE;
}

const char *
clr_dropdown_get_value (GtkDropDown *dropdown)
{
  GtkStringList *model = dropdown_model (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return NULL;
  return gtk_string_list_get_string (model, selected);
}

void
clr_dropdown_set_value (GtkDropDown *dropdown,
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
