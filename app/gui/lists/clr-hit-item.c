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
  ClrListsItem parent_instance;
};

G_DEFINE_FINAL_TYPE (ClrHitItem, clr_hit_item, CLR_TYPE_LISTS_ITEM)

static ClrHit *
hit_of (ClrHitItem *self)
{
  return _clr_lists_item_get_record (CLR_LISTS_ITEM (self));
}

enum {
  PROP_0,
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
  const char *explanation = hit_of (CLR_HIT_ITEM (object))->explanation;

  if (prop_id == PROP_EXPLANATION)
    g_value_set_string (value, explanation != NULL ? explanation : "");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_hit_item_class_init (ClrHitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_hit_item_get_property;

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
  g_autoptr(GStrvBuilder) countries = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (CLR_TYPE_HIT_ITEM, NULL);
  for (guint i = 0; hit->entry->countries != NULL && i < hit->entry->countries->len; i++)
    g_strv_builder_add (countries, g_ptr_array_index (hit->entry->countries, i));
  strv = g_strv_builder_end (countries);
  _clr_lists_item_set (CLR_LISTS_ITEM (self), clr_hit_ref (hit), (GDestroyNotify) clr_hit_unref,
                       hit->entry->name, make_subtitle (hit), hit->entry->list_code,
                       (const char * const *) strv);
  return self;
}

ClrHit *
clr_hit_item_get_hit (ClrHitItem *self)
{
  g_return_val_if_fail (CLR_IS_HIT_ITEM (self), NULL);

  return hit_of (self);
}
