/* clr-boxed-object.h — a GObject carrying one boxed record, for GListModels
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CLR_TYPE_BOXED_OBJECT (clr_boxed_object_get_type ())

G_DECLARE_FINAL_TYPE (ClrBoxedObject, clr_boxed_object, CLR, BOXED_OBJECT, GObject)

/* The stores hand out plain boxed records (ClrReviewItem, ClrListChange,
 * ClrHit, ClrAuditEntry …); list widgets need GObjects. This wraps one
 * record, copying @boxed with the boxed type's copy function. */
ClrBoxedObject *clr_boxed_object_new      (GType           boxed_type,
                                           gconstpointer   boxed);
/* Takes ownership of @boxed instead of copying it. */
ClrBoxedObject *clr_boxed_object_new_take (GType           boxed_type,
                                           gpointer        boxed);
GType           clr_boxed_object_get_boxed_type (ClrBoxedObject *self);
/* The record (borrowed). */
gpointer        clr_boxed_object_get      (ClrBoxedObject *self);

G_END_DECLS
