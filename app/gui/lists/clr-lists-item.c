/* clr-lists-item.c — one row of What changed or of Search on the Lists page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/clr-field-props.h"

#include "clr-lists-item.h"

struct _ClrListsItem
{
  GObject        parent_instance;

  char          *title;
  char          *subtitle;
  char          *badge;
  GStrv          badge_classes;
  char          *explanation;
  char          *list_code;
  GStrv          countries;
  ClrListChange *change;
  ClrHit        *hit;
};

G_DEFINE_FINAL_TYPE (ClrListsItem, clr_lists_item, G_TYPE_OBJECT)

/* Properties (read-only), in property-id order (1 ..). */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_STRING ("title", ClrListsItem, title),
  CLR_FIELD_STRING ("subtitle", ClrListsItem, subtitle),
  CLR_FIELD_STRING ("badge", ClrListsItem, badge),
  CLR_FIELD_BOXED ("badge-classes", ClrListsItem, badge_classes, g_strv_get_type, 0),
  CLR_FIELD_STRING ("explanation", ClrListsItem, explanation),
  CLR_FIELD_STRING ("list-code", ClrListsItem, list_code),
  CLR_FIELD_BOXED ("countries", ClrListsItem, countries, g_strv_get_type, 0),
  CLR_FIELD_BOXED ("change", ClrListsItem, change, clr_list_change_get_type, 0),
  CLR_FIELD_BOXED ("hit", ClrListsItem, hit, clr_hit_get_type, 0),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

static void
clr_lists_item_class_init (ClrListsItemClass *klass)
{
  clr_field_props_install (G_OBJECT_CLASS (klass), field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_lists_item_init (ClrListsItem *self)
{
}

/* The badge of a change by its kind: the word and its tint. */
static const struct
{
  const char *label;
  const char *tint;
} kinds[] = {
  [CLR_LIST_CHANGE_ADDED] = { N_("Added"), "success" },
  [CLR_LIST_CHANGE_REMOVED] = { N_("Removed"), "error" },
  [CLR_LIST_CHANGE_CHANGED] = { N_("Changed"), "warning" },
};

static char *
change_subtitle (const ClrListChange *change)
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

ClrListsItem *
clr_lists_item_new_change (const ClrListChange *change)
{
  ClrListsItem *self;
  guint kind;

  g_return_val_if_fail (change != NULL, NULL);

  kind = (guint) change->kind < G_N_ELEMENTS (kinds) ? (guint) change->kind : CLR_LIST_CHANGE_CHANGED;
  self = g_object_new (CLR_TYPE_LISTS_ITEM, NULL);
  self->change = clr_list_change_ref ((ClrListChange *) change);
  self->title = g_strdup (change->name != NULL ? change->name : change->key);
  self->subtitle = change_subtitle (change);
  self->badge = g_strdup (_(kinds[kind].label));
  self->badge_classes = g_strdupv ((GStrv) (const char *[]) { "clr-badge", kinds[kind].tint, NULL });
  self->list_code = g_strdup (change->list_code);
  self->countries = g_strdupv (change->countries);
  return self;
}

static char *
hit_subtitle (const ClrHit *hit)
{
  if (hit->matched_name != NULL && g_strcmp0 (hit->matched_name, hit->entry->name) != 0)
    /* Translators: list code, score in percent, the alias that matched. */
    return g_strdup_printf (_("%s · %.0f %% · matched “%s”"), hit->entry->list_code,
                            hit->score * 100, hit->matched_name);
  /* Translators: list code, score in percent. */
  return g_strdup_printf (_("%s · %.0f %%"), hit->entry->list_code, hit->score * 100);
}

ClrListsItem *
clr_lists_item_new_hit (ClrHit *hit)
{
  g_autoptr(GStrvBuilder) countries = g_strv_builder_new ();
  ClrListsItem *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (CLR_TYPE_LISTS_ITEM, NULL);
  self->hit = clr_hit_ref (hit);
  self->title = g_strdup (hit->entry->name);
  self->subtitle = hit_subtitle (hit);
  self->explanation = g_strdup (hit->explanation != NULL ? hit->explanation : "");
  self->list_code = g_strdup (hit->entry->list_code);
  for (guint i = 0; hit->entry->countries != NULL && i < hit->entry->countries->len; i++)
    g_strv_builder_add (countries, g_ptr_array_index (hit->entry->countries, i));
  self->countries = g_strv_builder_end (countries);
  return self;
}

/* clr_lists_item_get_FIELD (): the field's value */
#define ITEM_GETTER(RetType, field) \
  CLR_DEFINE_FIELD_GETTER (RetType, clr_lists_item_get_##field, ClrListsItem, CLR_IS_LISTS_ITEM, field, NULL)

ITEM_GETTER (const ClrListChange *, change)
ITEM_GETTER (ClrHit *, hit)
ITEM_GETTER (const char *, list_code)

const char * const *
clr_lists_item_get_countries (ClrListsItem *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_ITEM (self), NULL);

  return (const char * const *) self->countries;
}
