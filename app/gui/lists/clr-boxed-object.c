/* clr-boxed-object.c — a GObject carrying one boxed record, for GListModels
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-boxed-object.h"

struct _ClrBoxedObject
{
  GObject   parent_instance;

  GType     boxed_type;
  gpointer  boxed;
};

G_DEFINE_FINAL_TYPE (ClrBoxedObject, clr_boxed_object, G_TYPE_OBJECT)

static void
clr_boxed_object_finalize (GObject *object)
{
  ClrBoxedObject *self = CLR_BOXED_OBJECT (object);

  if (self->boxed != NULL)
    g_boxed_free (self->boxed_type, self->boxed);

  G_OBJECT_CLASS (clr_boxed_object_parent_class)->finalize (object);
}

static void
clr_boxed_object_class_init (ClrBoxedObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_boxed_object_finalize;
}

static void
clr_boxed_object_init (ClrBoxedObject *self)
{
}

ClrBoxedObject *
clr_boxed_object_new_take (GType    boxed_type,
                           gpointer boxed)
{
  ClrBoxedObject *self;

  g_return_val_if_fail (G_TYPE_IS_BOXED (boxed_type), NULL);
  g_return_val_if_fail (boxed != NULL, NULL);

  self = g_object_new (CLR_TYPE_BOXED_OBJECT, NULL);
  self->boxed_type = boxed_type;
  self->boxed = boxed;

  return self;
}

ClrBoxedObject *
clr_boxed_object_new (GType         boxed_type,
                      gconstpointer boxed)
{
  g_return_val_if_fail (G_TYPE_IS_BOXED (boxed_type), NULL);
  g_return_val_if_fail (boxed != NULL, NULL);

  return clr_boxed_object_new_take (boxed_type, g_boxed_copy (boxed_type, boxed));
}

GType
clr_boxed_object_get_boxed_type (ClrBoxedObject *self)
{
  g_return_val_if_fail (CLR_IS_BOXED_OBJECT (self), G_TYPE_INVALID);

  return self->boxed_type;
}

gpointer
clr_boxed_object_get (ClrBoxedObject *self)
{
  g_return_val_if_fail (CLR_IS_BOXED_OBJECT (self), NULL);

  return self->boxed;
}
