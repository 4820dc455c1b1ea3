/* clr-hit-item.c — one search result of the Lists page, as a list item with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-hit-item.h"

struct _ClrHitItem
{
  GObject  parent_instance;

  ClrHit  *hit;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (ClrHitItem, clr_hit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
make_subtitle (const ClrHit *hit)
{
  if (hit->matched_name != NULL && g_strcmp0 (hit->matched_name, hit->entry->name) != 0)
    /* Translators: list code, score in percent, the alias that matched. */
    return g_strdup_printf (_("%s · %.0f %% · matched “%s”"), hit->entry->list_code,
                            hit->score * 100, hit->matched_name);
  /* Translators: list code, score in percent. */
  return g_strdup_printf (_("%s · %.0f %%"), hit->entry->list_code, hit->score * 100);
}

static void
clr_hit_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClrHitItem *self = CLR_HIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->hit->entry->name);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->hit->explanation != NULL ? self->hit->explanation : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_hit_item_finalize (GObject *object)
{
  ClrHitItem *self = CLR_HIT_ITEM (object);

  g_clear_pointer (&self->hit, clr_hit_unref);
  g_free (self->subtitle);

  G_OBJECT_CLASS (clr_hit_item_parent_class)->finalize (object);
}

static void
clr_hit_item_class_init (ClrHitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_hit_item_get_property;
  object_class->finalize = clr_hit_item_finalize;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_hit_item_init (ClrHitItem *self)
{
}

ClrHitItem *
clr_hit_item_new (ClrHit *hit)
{
  ClrHitItem *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (CLR_TYPE_HIT_ITEM, NULL);
  self->hit = clr_hit_ref (hit);
  self->subtitle = make_subtitle (hit);
  return self;
}

ClrHit *
clr_hit_item_get_hit (ClrHitItem *self)
{
  g_return_val_if_fail (CLR_IS_HIT_ITEM (self), NULL);

  return self->hit;
}
