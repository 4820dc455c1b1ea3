/* clr-form-row.c — what the item and party rows of the shipment form share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-field-row.h"
#include "clr-form-row.h"

typedef struct
{
  ClrShipmentCatalog *catalog;
  JsonObject         *extra;
  GPtrArray          *fields;    /* ClrFieldRow, in order (borrowed: the template's) */
  guint               index;
  gboolean            loading;
} ClrFormRowPrivate;

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ClrFormRow, clr_form_row, ADW_TYPE_EXPANDER_ROW)

static void
collect_fields (GtkWidget *widget,
                GPtrArray *fields)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CLR_IS_FIELD_ROW (child))
        g_ptr_array_add (fields, child);
      else
        collect_fields (child, fields);
    }
}

static void
update (ClrFormRow *self)
{
  if (CLR_FORM_ROW_GET_CLASS (self)->update != NULL)
    CLR_FORM_ROW_GET_CLASS (self)->update (self);
}

/* The subclass's template is built by now: hand the catalog to its fields. */
static void
clr_form_row_constructed (GObject *object)
{
  ClrFormRow *self = CLR_FORM_ROW (object);
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  G_OBJECT_CLASS (clr_form_row_parent_class)->constructed (object);

  priv->loading = TRUE;
  collect_fields (GTK_WIDGET (self), priv->fields);
  for (guint i = 0; i < priv->fields->len; i++)
    clr_field_row_set_catalog (g_ptr_array_index (priv->fields, i), priv->catalog);
  update (self);
  priv->loading = FALSE;
}

static void
clr_form_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (CLR_FORM_ROW (object));

  switch (prop_id)
    {
    case PROP_CATALOG:
      priv->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_form_row_dispose (GObject *object)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (CLR_FORM_ROW (object));

  g_clear_object (&priv->catalog);
  g_clear_pointer (&priv->extra, json_object_unref);
  g_clear_pointer (&priv->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_form_row_parent_class)->dispose (object);
}

static void
clr_form_row_class_init (ClrFormRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clr_form_row_constructed;
  object_class->set_property = clr_form_row_set_property;
  object_class->dispose = clr_form_row_dispose;

  /* Resolves countries and ECCNs and says which item parameters apply
   * (nullable: the fields then wait for it). */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, CLR_TYPE_SHIPMENT_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  g_type_ensure (CLR_TYPE_FIELD_ROW);
}

static void
clr_form_row_init (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  priv->fields = g_ptr_array_new ();
}

ClrShipmentCatalog *
clr_form_row_get_catalog (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), NULL);
  return priv->catalog;
}

guint
clr_form_row_get_index (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), 0);
  return priv->index;
}

void
clr_form_row_set_index (ClrFormRow *self,
                        guint       index)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_if_fail (CLR_IS_FORM_ROW (self));

  priv->index = index;
  update (self);
}

void
clr_form_row_set_show_missing (ClrFormRow *self,
                               gboolean    show_missing)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_if_fail (CLR_IS_FORM_ROW (self));

  for (guint i = 0; i < priv->fields->len; i++)
    clr_field_row_set_show_missing (g_ptr_array_index (priv->fields, i), show_missing);
}

guint
clr_form_row_count_errors (ClrFormRow  *self,
                           GtkWidget  **first)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);
  guint errors = 0;

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), 0);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      ClrFieldRow *row = g_ptr_array_index (priv->fields, i);

      /* A field the item's ECCN does not ask for is hidden and does not count. */
      if (gtk_widget_get_visible (GTK_WIDGET (row)) && clr_field_row_get_error (row) != NULL)
        {
          if (errors++ == 0 && first != NULL)
            *first = GTK_WIDGET (row);
        }
    }
  return errors;
}

void
clr_form_row_set_loading (ClrFormRow *self,
                          gboolean    loading)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_if_fail (CLR_IS_FORM_ROW (self));

  priv->loading = loading;
  if (!loading)
    update (self);
}

gboolean
clr_form_row_get_loading (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), FALSE);
  return priv->loading;
}

void
clr_form_row_set_extra (ClrFormRow *self,
                        JsonObject *object)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_if_fail (CLR_IS_FORM_ROW (self));

  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = object != NULL ? json_object_ref (object) : NULL;
}

JsonObject *
clr_form_row_dup_extra (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);
  JsonObject *object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), object);

  if (priv->extra == NULL)
    return object;
  json_object_iter_init (&iter, priv->extra);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (object, name, json_node_copy (value));
  return object;
}

void
clr_form_row_changed (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_if_fail (CLR_IS_FORM_ROW (self));

  update (self);
  if (!priv->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
clr_form_row_request_removal (ClrFormRow *self)
{
  g_return_if_fail (CLR_IS_FORM_ROW (self));
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

gboolean
clr_form_row_focus_first_field (ClrFormRow *self)
{
  ClrFormRowPrivate *priv = clr_form_row_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_FORM_ROW (self), FALSE);

  for (guint i = 0; i < priv->fields->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (priv->fields, i)))
      return gtk_widget_grab_focus (g_ptr_array_index (priv->fields, i));
  return FALSE;
}
