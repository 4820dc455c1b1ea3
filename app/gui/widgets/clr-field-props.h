/* clr-field-props.h — read-only GObject properties that mirror instance fields, from a table
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One read-only property that shows one field of the instance struct: a
 * `char *` (G_TYPE_STRING) or a `gint64` (G_TYPE_INT64, ≥ 0). The item types
 * the list views bind in .ui (ClrAuditEvent, ClrPickItem) describe their
 * properties with a table of these instead of a switch each. */
typedef struct
{
  const char *name;
  GType       type;
  gsize       offset;   /* G_STRUCT_OFFSET of the field */
} ClrFieldProp;

#define CLR_FIELD_STRING(name, Type, field) { name, G_TYPE_STRING, G_STRUCT_OFFSET (Type, field) }
#define CLR_FIELD_INT64(name, Type, field)  { name, G_TYPE_INT64, G_STRUCT_OFFSET (Type, field) }

/* Makes the read-only pspecs for @fields into @pspecs[1 .. @n_fields] (the
 * caller installs them, with any others, in one go). */
void     clr_field_props_init  (const ClrFieldProp *fields,
                                guint               n_fields,
                                GParamSpec        **pspecs);
/* For get_property: sets @value from the field behind property @prop_id
 * (1 .. @n_fields); FALSE when @prop_id is not one of the table's. */
gboolean clr_field_props_get   (GObject            *object,
                                const ClrFieldProp *fields,
                                guint               n_fields,
                                guint               prop_id,
                                GValue             *value);
/* For finalize: frees the table's string fields. */
void     clr_field_props_clear (GObject            *object,
                                const ClrFieldProp *fields,
                                guint               n_fields);

G_END_DECLS
