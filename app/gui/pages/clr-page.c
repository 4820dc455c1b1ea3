/* clr-page.c — the base of the window's pages: the store and settings they work on
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-page.h"

typedef struct
{
  ClrStore    *store;
  ClrSettings *settings;
} ClrPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ClrPage, clr_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ClrStore *
clr_page_get_store (ClrPage *self)
{
  ClrPagePrivate *priv = clr_page_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_PAGE (self), NULL);
  return priv->store;
}

ClrSettings *
clr_page_get_settings (ClrPage *self)
{
  ClrPagePrivate *priv = clr_page_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_PAGE (self), NULL);
  return priv->settings;
}

static void
clr_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ClrPagePrivate *priv = clr_page_get_instance_private (CLR_PAGE (object));

  if (prop_id == PROP_STORE)
    g_value_set_object (value, priv->store);
  else if (prop_id == PROP_SETTINGS)
    g_value_set_object (value, priv->settings);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ClrPagePrivate *priv = clr_page_get_instance_private (CLR_PAGE (object));

  if (prop_id == PROP_STORE)
    priv->store = g_value_dup_object (value);
  else if (prop_id == PROP_SETTINGS)
    priv->settings = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_page_dispose (GObject *object)
{
  ClrPagePrivate *priv = clr_page_get_instance_private (CLR_PAGE (object));

  g_clear_object (&priv->store);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (clr_page_parent_class)->dispose (object);
}

static void
clr_page_class_init (ClrPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_page_get_property;
  object_class->set_property = clr_page_set_property;
  object_class->dispose = clr_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CLR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, CLR_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_page_init (ClrPage *self)
{
}
