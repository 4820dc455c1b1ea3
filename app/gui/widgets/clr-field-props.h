/* clr-field-props.h — GObject properties that mirror instance fields, from a table
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One property that shows (and, when writable, sets) one field of the
 * instance struct: a `char *` (G_TYPE_STRING), `int` (G_TYPE_INT), `guint`
 * (G_TYPE_UINT), `gint64` (G_TYPE_INT64, ≥ 0), `gboolean` (G_TYPE_BOOLEAN),
 * `double` (G_TYPE_DOUBLE), a `GObject *` (G_TYPE_OBJECT, a reference) or a
 * boxed pointer (G_TYPE_BOXED, a reference). Item types, windows and the
 * settings describe their plain properties with a table of these instead of
 * a switch each. */
typedef struct
{
  const char  *name;
  GType        type;
  gsize        offset;           /* G_STRUCT_OFFSET of the field */
  GParamFlags  flags;            /* 0: read-only */
  GType      (*value_type) (void);  /* G_TYPE_OBJECT, G_TYPE_BOXED: the class */
} ClrFieldProp;

#define CLR_FIELD_STRING(name, Type, field) { name, G_TYPE_STRING, G_STRUCT_OFFSET (Type, field), 0, NULL }
#define CLR_FIELD_INT64(name, Type, field)  { name, G_TYPE_INT64, G_STRUCT_OFFSET (Type, field), 0, NULL }
/* Any of the types above, with the pspec flags @flags (0: read-only). */
#define CLR_FIELD(name, gtype, Type, field, flags) { name, gtype, G_STRUCT_OFFSET (Type, field), flags, NULL }
/* A read-write one that notifies when it changes. */
#define CLR_FIELD_RW(name, gtype, Type, field) \
  CLR_FIELD (name, gtype, Type, field, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY)
#define CLR_FIELD_OBJECT(name, Type, field, get_type, flags) \
  { name, G_TYPE_OBJECT, G_STRUCT_OFFSET (Type, field), flags, get_type }
#define CLR_FIELD_BOXED(name, Type, field, get_type, flags) \
  { name, G_TYPE_BOXED, G_STRUCT_OFFSET (Type, field), flags, get_type }

/* Makes the pspecs for @fields into @pspecs[1 .. @n_fields] (the caller
 * installs them, with any others, in one go): strings, int and int64
 * (≥ 0), booleans, objects and boxed types, with the table's flags. A
 * pspec the caller made there already (with its own range and default) is
 * kept and tied to its row. */
void     clr_field_props_init  (const ClrFieldProp *fields,
                                guint               n_fields,
                                GParamSpec        **pspecs);
/* For a class whose every property is in @fields: makes them as above,
 * installs them and sets the class's get_property and set_property; a
 * final class with no finalize of its own (yet) gets one that frees the
 * fields (clr_field_props_clear()). */
void     clr_field_props_install (GObjectClass       *object_class,
                                  const ClrFieldProp *fields,
                                  guint               n_fields,
                                  GParamSpec        **pspecs);
/* Ties a pspec the caller made (with its own range and default) to @field. */
void     clr_field_props_bind  (GParamSpec         *pspec,
                                const ClrFieldProp *field);
/* The GObjectClass get_property and set_property of a class whose every
 * property is in a table; setting a field to another value notifies when
 * the pspec has G_PARAM_EXPLICIT_NOTIFY. */
void     clr_field_props_get_property (GObject      *object,
                                       guint         prop_id,
                                       GValue       *value,
                                       GParamSpec   *pspec);
void     clr_field_props_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec);
/* The same for a class with properties of its own as well: FALSE when
 * @pspec is not one of a table's. */
gboolean clr_field_props_get_value (GObject      *object,
                                    GParamSpec   *pspec,
                                    GValue       *value);
gboolean clr_field_props_set_value (GObject      *object,
                                    GParamSpec   *pspec,
                                    const GValue *value);
/* For dispose or finalize: frees the table's strings and drops its objects
 * and boxed values. */
void     clr_field_props_clear (GObject            *object,
                                const ClrFieldProp *fields,
                                guint               n_fields);

/* Defines the public getter @func of @Type's field @field: @RetType
 * @func (@Type *self), @fallback when @self is not an @IS_TYPE. */
#define CLR_DEFINE_FIELD_GETTER(RetType, func, Type, IS_TYPE, field, fallback) \
  RetType                                                                  \
  func (Type *self)                                                        \
  {                                                                        \
    g_return_val_if_fail (IS_TYPE (self), fallback);                       \
    return self->field;                                                    \
  }

G_END_DECLS
