/* clr-lists-item.c — what the Lists page's list items share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-lists-item.h"

typedef struct
{
  char  *title;
  char  *subtitle;
  char  *list_code;
  GStrv  countries;
  gpointer       record;
  GDestroyNotify record_free;
} ClrListsItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ClrListsItem, clr_lists_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clr_lists_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (CLR_LISTS_ITEM (object));

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_lists_item_finalize (GObject *object)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (CLR_LISTS_ITEM (object));

  g_free (priv->title);
  g_free (priv->subtitle);
  g_free (priv->list_code);
  g_strfreev (priv->countries);
  if (priv->record != NULL)
    priv->record_free (priv->record);

  G_OBJECT_CLASS (clr_lists_item_parent_class)->finalize (object);
}

static void
clr_lists_item_class_init (ClrListsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_lists_item_get_property;
  object_class->finalize = clr_lists_item_finalize;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_lists_item_init (ClrListsItem *self)
{
}

void
_clr_lists_item_set (ClrListsItem       *self,
                     gpointer            record,
                     GDestroyNotify      record_free,
                     const char         *title,
                     char               *subtitle,
                     const char         *list_code,
                     const char * const *countries)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (self);

  priv->record = record;
  priv->record_free = record_free;
  priv->title = g_strdup (title);
  priv->subtitle = subtitle;
  priv->list_code = g_strdup (list_code);
  priv->countries = g_strdupv ((GStrv) countries);
}

gpointer
_clr_lists_item_get_record (ClrListsItem *self)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (self);

  return priv->record;
}

const char *
clr_lists_item_get_list_code (ClrListsItem *self)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (self);

  return priv->list_code;
}

const char * const *
clr_lists_item_get_countries (ClrListsItem *self)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (self);

  return (const char * const *) priv->countries;
}

gboolean
clr_lists_item_has_country (ClrListsItem *self,
                            const char   *country)
{
  ClrListsItemPrivate *priv = clr_lists_item_get_instance_private (self);

  return priv->countries != NULL && g_strv_contains ((const char * const *) priv->countries, country);
}
