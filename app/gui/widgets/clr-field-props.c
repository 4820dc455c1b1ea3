/* clr-field-props.c — GObject properties that mirror instance fields, from a table
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-field-props.h"

/* Each pspec made or bound here carries its table row. */
static GQuark
field_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("clr-field-prop");
  return quark;
}

void
clr_field_props_bind (GParamSpec         *pspec,
                      const ClrFieldProp *field)
{
  g_param_spec_set_qdata (pspec, field_quark (), (gpointer) field);
}

void
clr_field_props_init (const ClrFieldProp *fields,
                      guint               n_fields,
                      GParamSpec        **pspecs)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const ClrFieldProp *field = &fields[i];
      GParamFlags flags = G_PARAM_STATIC_STRINGS | (field->flags != 0 ? field->flags : G_PARAM_READABLE);
      GParamSpec *pspec = pspecs[i + 1];

      if (pspec != NULL)
        {
          clr_field_props_bind (pspec, field);
          continue;
        }
      switch (field->type)
        {
        case G_TYPE_STRING:
          pspec = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
          break;
        case G_TYPE_INT:
          pspec = g_param_spec_int (field->name, NULL, NULL, 0, G_MAXINT, 0, flags);
          break;
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
          break;
        case G_TYPE_OBJECT:
          pspec = g_param_spec_object (field->name, NULL, NULL, field->value_type (), flags);
          break;
        case G_TYPE_BOXED:
          pspec = g_param_spec_boxed (field->name, NULL, NULL, field->value_type (), flags);
          break;
        default:
          g_assert_not_reached ();
        }
      clr_field_props_bind (pspec, field);
      pspecs[i + 1] = pspec;
    }
}

/* The table of a final class that has no finalize of its own. */
static GQuark
table_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("clr-field-props-table");
  return quark;
}

static GQuark
n_fields_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("clr-field-props-n-fields");
  return quark;
}

static void
field_props_finalize (GObject *object)
{
  GType type = G_OBJECT_TYPE (object);

  clr_field_props_clear (object, g_type_get_qdata (type, table_quark ()),
                         GPOINTER_TO_UINT (g_type_get_qdata (type, n_fields_quark ())));

  G_OBJECT_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (object)))->finalize (object);
}

void
clr_field_props_install (GObjectClass       *object_class,
                         const ClrFieldProp *fields,
                         guint               n_fields,
                         GParamSpec        **pspecs)
{
  GType type = G_TYPE_FROM_CLASS (object_class);
  GObjectClass *parent_class = g_type_class_peek_parent (object_class);

  object_class->get_property = clr_field_props_get_property;
  object_class->set_property = clr_field_props_set_property;
  if (G_TYPE_IS_FINAL (type) && object_class->finalize == parent_class->finalize)
    {
      g_type_set_qdata (type, table_quark (), (gpointer) fields);
      g_type_set_qdata (type, n_fields_quark (), GUINT_TO_POINTER (n_fields));
      object_class->finalize = field_props_finalize;
    }
  clr_field_props_init (fields, n_fields, pspecs);
  g_object_class_install_properties (object_class, n_fields + 1, pspecs);
}

static void
field_get (GObject            *object,
           const ClrFieldProp *field,
           GValue             *value)
{
  gpointer at = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->type)
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) at);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(int *) at);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) at);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) at);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) at);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, *(double *) at);
      break;
    case G_TYPE_OBJECT:
      g_value_set_object (value, *(gpointer *) at);
      break;
    case G_TYPE_BOXED:
      g_value_set_boxed (value, *(gpointer *) at);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Stores @value in the field; FALSE when it held that value already. */
static gboolean
field_set (GObject            *object,
           const ClrFieldProp *field,
           const GValue       *value)
{
  gpointer at = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->type)
    {
    case G_TYPE_STRING:
      if (g_strcmp0 (*(char **) at, g_value_get_string (value)) == 0)
        return FALSE;
      g_free (*(char **) at);
      *(char **) at = g_value_dup_string (value);
      return TRUE;
    case G_TYPE_INT:
      if (*(int *) at == g_value_get_int (value))
        return FALSE;
      *(int *) at = g_value_get_int (value);
      return TRUE;
    case G_TYPE_UINT:
      if (*(guint *) at == g_value_get_uint (value))
        return FALSE;
      *(guint *) at = g_value_get_uint (value);
      return TRUE;
    case G_TYPE_INT64:
      if (*(gint64 *) at == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) at = g_value_get_int64 (value);
      return TRUE;
    case G_TYPE_BOOLEAN:
      if (*(gboolean *) at == g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) at = g_value_get_boolean (value);
      return TRUE;
    case G_TYPE_DOUBLE:
      if (G_APPROX_VALUE (*(double *) at, g_value_get_double (value), 1e-9))
        return FALSE;
      *(double *) at = g_value_get_double (value);
      return TRUE;
    case G_TYPE_OBJECT:
      return g_set_object ((GObject **) at, g_value_get_object (value));
    case G_TYPE_BOXED:
      if (*(gpointer *) at == g_value_get_boxed (value))
        return FALSE;
      if (*(gpointer *) at != NULL)
        g_boxed_free (field->value_type (), *(gpointer *) at);
      *(gpointer *) at = g_value_dup_boxed (value);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

gboolean
clr_field_props_get_value (GObject    *object,
                           GParamSpec *pspec,
                           GValue     *value)
{
  const ClrFieldProp *field = g_param_spec_get_qdata (pspec, field_quark ());

  if (field == NULL)
    return FALSE;
  field_get (object, field, value);
  return TRUE;
}

gboolean
clr_field_props_set_value (GObject      *object,
                           GParamSpec   *pspec,
                           const GValue *value)
{
  const ClrFieldProp *field = g_param_spec_get_qdata (pspec, field_quark ());

  if (field == NULL)
    return FALSE;
  if (field_set (object, field, value) && (pspec->flags & G_PARAM_EXPLICIT_NOTIFY) != 0)
    g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
clr_field_props_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!clr_field_props_get_value (object, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
clr_field_props_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (!clr_field_props_set_value (object, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
clr_field_props_clear (GObject            *object,
                       const ClrFieldProp *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer at = G_STRUCT_MEMBER_P (object, fields[i].offset);

      if (fields[i].type == G_TYPE_STRING)
        g_clear_pointer ((char **) at, g_free);
      else if (fields[i].type == G_TYPE_OBJECT)
        g_clear_object ((GObject **) at);
      else if (fields[i].type == G_TYPE_BOXED && *(gpointer *) at != NULL)
        g_boxed_free (fields[i].value_type (), g_steal_pointer ((gpointer *) at));
    }
}
