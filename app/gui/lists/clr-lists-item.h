/* clr-lists-item.h — what the Lists page's list items share: a title, a
 * subtitle, the list and the countries of the entry (for the filters)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_ITEM (clr_lists_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (ClrListsItem, clr_lists_item, CLR, LISTS_ITEM, GObject)

struct _ClrListsItemClass
{
  GObjectClass parent_class;
};

/* Properties (read-only, for the rows bound in .ui): title, subtitle. */
const char *clr_lists_item_get_list_code (ClrListsItem       *self);
gboolean    clr_lists_item_has_country   (ClrListsItem       *self,
                                          const char         *country);
/* The entry's country codes (NULL-terminated, may be NULL). */
const char * const *clr_lists_item_get_countries (ClrListsItem *self);

/* For the subclasses' constructors: takes @record (the store's record the
 * item shows, freed with @record_free) and @subtitle. */
void        _clr_lists_item_set          (ClrListsItem       *self,
                                          gpointer            record,
                                          GDestroyNotify      record_free,
                                          const char         *title,
                                          char               *subtitle,
                                          const char         *list_code,
                                          const char * const *countries);

/* The subclass's record (borrowed). */
gpointer    _clr_lists_item_get_record   (ClrListsItem       *self);

G_END_DECLS
