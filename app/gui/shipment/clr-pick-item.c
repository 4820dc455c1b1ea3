/* clr-pick-item.c — one choice of a searchable picker (a country, an ECCN)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-pick-item.h"
#include "widgets/clr-field-props.h"

struct _ClrPickItem
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *subtitle;
  char    *haystack;   /* case-folded id, title, subtitle and keywords */
  char    *names;      /* case-folded id and title: what ranks a result first */
};

G_DEFINE_FINAL_TYPE (ClrPickItem, clr_pick_item, G_TYPE_OBJECT)

/* Properties: id, title, subtitle (read-only). */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_STRING ("id", ClrPickItem, id),
  CLR_FIELD_STRING ("title", ClrPickItem, title),
  CLR_FIELD_STRING ("subtitle", ClrPickItem, subtitle),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

static void
clr_pick_item_finalize (GObject *object)
{
  clr_field_props_clear (object, field_props, G_N_ELEMENTS (field_props));
  g_free (CLR_PICK_ITEM (object)->haystack);
  g_free (CLR_PICK_ITEM (object)->names);

  G_OBJECT_CLASS (clr_pick_item_parent_class)->finalize (object);
}

static void
clr_pick_item_class_init (ClrPickItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clr_pick_item_finalize;
  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_pick_item_init (ClrPickItem *self)
{
}

ClrPickItem *
clr_pick_item_new (const char *id,
                   const char *title,
                   const char *subtitle,
                   const char *keywords)
{
  ClrPickItem *self = g_object_new (CLR_TYPE_PICK_ITEM, NULL);
  g_autofree char *joined = NULL;

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  joined = g_strjoin (" ", id ? id : "", title ? title : "", subtitle ? subtitle : "",
                      keywords ? keywords : "", NULL);
  self->haystack = g_utf8_casefold (joined, -1);
  g_free (joined);
  joined = g_strjoin (" ", id ? id : "", title ? title : "", NULL);
  self->names = g_utf8_casefold (joined, -1);
  return self;
}

const char *
clr_pick_item_get_id (ClrPickItem *self)
{
  g_return_val_if_fail (CLR_IS_PICK_ITEM (self), NULL);
  return self->id;
}

const char *
clr_pick_item_get_title (ClrPickItem *self)
{
  g_return_val_if_fail (CLR_IS_PICK_ITEM (self), NULL);
  return self->title;
}

const char *
clr_pick_item_get_subtitle (ClrPickItem *self)
{
  g_return_val_if_fail (CLR_IS_PICK_ITEM (self), NULL);
  return self->subtitle;
}

char **
clr_pick_item_split_query (const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query != NULL ? query : "", -1);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (words, parts[i]);
  return g_strv_builder_end (words);
}

gboolean
clr_pick_item_matches_words (ClrPickItem        *self,
                             const char * const *words)
{
  g_return_val_if_fail (CLR_IS_PICK_ITEM (self), FALSE);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
clr_pick_item_matches (ClrPickItem *self,
                       const char  *query)
{
  g_auto(GStrv) words = clr_pick_item_split_query (query);

  return clr_pick_item_matches_words (self, (const char * const *) words);
}

static gboolean
is_word_of (const char *folded_words,
            const char *word)
{
  for (const char *at = strstr (folded_words, word); at != NULL; at = strstr (at + 1, word))
    {
      gsize len = strlen (word);
      gboolean starts = at == folded_words || !g_ascii_isalnum (at[-1]);
      gboolean ends = !g_ascii_isalnum (at[len]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

int
clr_pick_item_rank (ClrPickItem        *self,
                    const char * const *words)
{
  g_return_val_if_fail (CLR_IS_PICK_ITEM (self), 1);

  if (words == NULL || words[0] == NULL)
    return 0;
  for (guint i = 0; words[i] != NULL; i++)
    if (!is_word_of (self->names, words[i]))
      return 1;
  return 0;
}
