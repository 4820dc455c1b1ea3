/* clr-page.c — the base of the window's pages: the store and settings they work on
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-page.h"

void
clr_page_context_class_init (GParamSpec **pspecs,
                             guint        store_id)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  pspecs[store_id] = g_param_spec_object ("store", NULL, NULL, CLR_TYPE_STORE, flags);
  pspecs[store_id + 1] = g_param_spec_object ("settings", NULL, NULL, CLR_TYPE_SETTINGS, flags);
}

gboolean
clr_page_context_get_property (const ClrPageContext *context,
                               guint                 store_id,
                               guint                 prop_id,
                               GValue               *value)
{
  if (prop_id == store_id)
    g_value_set_object (value, context->store);
  else if (prop_id == store_id + 1)
    g_value_set_object (value, context->settings);
  else
    return FALSE;
  return TRUE;
}

gboolean
clr_page_context_set_property (ClrPageContext *context,
                               guint           store_id,
                               guint           prop_id,
                               const GValue   *value)
{
  if (prop_id == store_id)
    g_set_object (&context->store, g_value_get_object (value));
  else if (prop_id == store_id + 1)
    g_set_object (&context->settings, g_value_get_object (value));
  else
    return FALSE;
  return TRUE;
}

void
clr_page_context_clear (ClrPageContext *context)
{
  g_clear_object (&context->store);
  g_clear_object (&context->settings);
}

typedef ClrPageContext ClrPagePrivate;

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
  ClrPageContext *context = clr_page_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_PAGE (self), NULL);
  return context->store;
}

ClrSettings *
clr_page_get_settings (ClrPage *self)
{
  ClrPageContext *context = clr_page_get_instance_private (self);

  g_return_val_if_fail (CLR_IS_PAGE (self), NULL);
  return context->settings;
}

static void
clr_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ClrPageContext *context = clr_page_get_instance_private (CLR_PAGE (object));

  if (!clr_page_context_get_property (context, PROP_STORE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ClrPageContext *context = clr_page_get_instance_private (CLR_PAGE (object));

  if (!clr_page_context_set_property (context, PROP_STORE, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_page_dispose (GObject *object)
{
  clr_page_context_clear (clr_page_get_instance_private (CLR_PAGE (object)));

  G_OBJECT_CLASS (clr_page_parent_class)->dispose (object);
}

static void
clr_page_class_init (ClrPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_page_get_property;
  object_class->set_property = clr_page_set_property;
  object_class->dispose = clr_page_dispose;

  clr_page_context_class_init (properties, PROP_STORE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_page_init (ClrPage *self)
{
}
