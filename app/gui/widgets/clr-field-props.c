/* clr-field-props.c — read-only GObject properties that mirror instance fields, from a table
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-field-props.h"

void
clr_field_props_init (const ClrFieldProp *fields,
                      guint               n_fields,
                      GParamSpec        **pspecs)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const ClrFieldProp *field = &fields[i];

      g_assert (field->type == G_TYPE_STRING || field->type == G_TYPE_INT64);
      if (field->type == G_TYPE_STRING)
        pspecs[i + 1] = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
      else
        pspecs[i + 1] = g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    }
}

gboolean
clr_field_props_get (GObject            *object,
                     const ClrFieldProp *fields,
                     guint               n_fields,
                     guint               prop_id,
                     GValue             *value)
{
  const ClrFieldProp *field;
  gpointer at;

  if (prop_id == 0 || prop_id > n_fields)
    return FALSE;
  field = &fields[prop_id - 1];
  at = G_STRUCT_MEMBER_P (object, field->offset);
  if (field->type == G_TYPE_STRING)
    g_value_set_string (value, *(char **) at);
  else
    g_value_set_int64 (value, *(gint64 *) at);
  return TRUE;
}

void
clr_field_props_clear (GObject            *object,
                       const ClrFieldProp *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == G_TYPE_STRING)
      g_clear_pointer ((char **) G_STRUCT_MEMBER_P (object, fields[i].offset), g_free);
}
