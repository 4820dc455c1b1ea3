/* clr-change-item.c — one entry of What changed, as a list item with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-change-item.h"

struct _ClrChangeItem
{
  ClrListsItem parent_instance;
};

G_DEFINE_FINAL_TYPE (ClrChangeItem, clr_change_item, CLR_TYPE_LISTS_ITEM)

static ClrListChange *
change_of (ClrChangeItem *self)
{
  return _clr_lists_item_get_record (CLR_LISTS_ITEM (self));
}

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
clr_change_item_kind_label (ClrListChangeKind kind)
{
  switch (kind)
    {
    case CLR_LIST_CHANGE_ADDED:
      return _("Added");
    case CLR_LIST_CHANGE_REMOVED:
      return _("Removed");
    case CLR_LIST_CHANGE_CHANGED:
    default:
      return _("Changed");
    }
}

GStrv
clr_change_item_kind_classes (ClrListChangeKind kind)
{
  /* The badge's tint by kind: added, removed, changed. */
  static const char *tints[] = { "success", "error", "warning" };
  const char *classes[] = { "clr-badge", tints[G_N_ELEMENTS (tints) - 1], NULL };

  if ((guint) kind < G_N_ELEMENTS (tints))
    classes[1] = tints[kind];
  return g_strdupv ((GStrv) classes);
}

static char *
make_subtitle (const ClrListChange *change)
{
  GString *sub = g_string_new (change->list_code);

  if (change->countries != NULL && change->countries[0] != NULL)
    {
      g_autofree char *countries = g_strjoinv (", ", change->countries);
      g_string_append_printf (sub, " · %s", countries);
    }
  if (change->fields != NULL && change->fields[0] != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", change->fields);
      g_string_append (sub, " · ");
      /* Translators: %s is a list of field names. */
      g_string_append_printf (sub, _("changed: %s"), fields);
    }
  return g_string_free (sub, FALSE);
}

static void
clr_change_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (prop_id == PROP_KIND)
    g_value_set_int (value, change_of (CLR_CHANGE_ITEM (object))->kind);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
clr_change_item_class_init (ClrChangeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = clr_change_item_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_change_item_init (ClrChangeItem *self)
{
}

ClrChangeItem *
clr_change_item_new (const ClrListChange *change)
{
  ClrChangeItem *self;

  g_return_val_if_fail (change != NULL, NULL);

  self = g_object_new (CLR_TYPE_CHANGE_ITEM, NULL);
  _clr_lists_item_set (CLR_LISTS_ITEM (self), clr_list_change_ref ((ClrListChange *) change),
                       (GDestroyNotify) clr_list_change_unref,
                       change->name != NULL ? change->name : change->key,
                       make_subtitle (change), change->list_code, (const char * const *) change->countries);
  return self;
}

const ClrListChange *
clr_change_item_get_change (ClrChangeItem *self)
{
  g_return_val_if_fail (CLR_IS_CHANGE_ITEM (self), NULL);

  return change_of (self);
}
