/* clr-entry.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-engine-error.h"
#include "clr-entry.h"
#include "clr-json.h"

G_DEFINE_BOXED_TYPE (ClrEntry, clr_entry, clr_entry_ref, clr_entry_unref)

static void
clr_address_free (gpointer data)
{
  ClrAddress *address = data;

  g_free (address->text);
  g_free (address->country);
  g_free (address);
}

ClrEntry *
clr_entry_new (void)
{
  ClrEntry *self = g_new0 (ClrEntry, 1);

  self->ref_count = 1;
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->addresses = g_ptr_array_new_with_free_func (clr_address_free);
  self->countries = g_ptr_array_new_with_free_func (g_free);
  self->programs = g_ptr_array_new_with_free_func (g_free);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

ClrEntry *
clr_entry_ref (ClrEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->ref_count > 0, NULL);

  g_atomic_int_inc (&self->ref_count);

  return self;
}

void
clr_entry_unref (ClrEntry *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->ref_count > 0);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_free (self->list_code);
  g_free (self->list_name);
  g_free (self->agency);
  g_free (self->entry_id);
  g_free (self->entity_type);
  g_free (self->name);
  g_free (self->title);
  g_ptr_array_unref (self->aliases);
  g_ptr_array_unref (self->addresses);
  g_ptr_array_unref (self->countries);
  g_ptr_array_unref (self->programs);
  g_ptr_array_unref (self->ids);
  g_free (self->federal_register);
  g_free (self->license_requirement);
  g_free (self->license_policy);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->source_url);
  g_free (self->remarks);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

static gboolean
str_array_contains (GPtrArray  *array,
                    const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return;

  stripped = g_strstrip (g_strdup (value));
  if (*stripped == '\0' || str_array_contains (array, stripped))
    return;

  g_ptr_array_add (array, g_steal_pointer (&stripped));
}

void
clr_entry_add_alias (ClrEntry   *self,
                     const char *alias)
{
  g_return_if_fail (self != NULL);

  if (alias != NULL && g_strcmp0 (alias, self->name) == 0)
    return;
  add_unique (self->aliases, alias);
}

void
clr_entry_add_country (ClrEntry   *self,
                       const char *country)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (self != NULL);

  if (country == NULL || strlen (country) != 2)
    return;
  upper = g_ascii_strup (country, -1);
  add_unique (self->countries, upper);
}

void
clr_entry_add_address (ClrEntry   *self,
                       const char *text,
                       const char *country)
{
  ClrAddress *address;

  g_return_if_fail (self != NULL);

  if ((text == NULL || *text == '\0') && (country == NULL || *country == '\0'))
    return;

  address = g_new0 (ClrAddress, 1);
  address->text = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (country != NULL && strlen (country) == 2)
    address->country = g_ascii_strup (country, -1);
  g_ptr_array_add (self->addresses, address);
  clr_entry_add_country (self, address->country);
}

void
clr_entry_add_program (ClrEntry   *self,
                       const char *program)
{
  g_return_if_fail (self != NULL);
  add_unique (self->programs, program);
}

void
clr_entry_add_id (ClrEntry   *self,
                  const char *id)
{
  g_return_if_fail (self != NULL);
  add_unique (self->ids, id);
}

void
clr_entry_add_warning (ClrEntry   *self,
                       const char *format,
                       ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

char *
clr_entry_dup_key (const ClrEntry *self)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->entry_id != NULL && *self->entry_id != '\0')
    return g_strdup_printf ("%s:%s", self->list_code ? self->list_code : "", self->entry_id);

  folded = g_utf8_casefold (self->name ? self->name : "", -1);
  return g_strdup_printf ("%s:name:%s", self->list_code ? self->list_code : "", g_strstrip (folded));
}

char *
clr_entry_dup_hit_key (const ClrEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->entry_id != NULL && *self->entry_id != '\0')
    return g_strdup (self->entry_id);
  return clr_entry_dup_key (self);
}

/* Field table used for hashing, diffing and (de)serialising, so the three can
 * never disagree about what an entry contains. */
typedef enum { FIELD_STRING, FIELD_STRV, FIELD_ADDRESSES } FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
  goffset     offset;
  gboolean    content;   /* part of what the list says (hashed and diffed) */
} FieldInfo;

static const FieldInfo fields[] = {
  { "list_code", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, list_code), TRUE },
  { "list_name", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, list_name), FALSE },
  { "agency", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, agency), FALSE },
  { "entry_id", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, entry_id), TRUE },
  { "entity_type", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, entity_type), TRUE },
  { "name", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, name), TRUE },
  { "title", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, title), TRUE },
  { "aliases", FIELD_STRV, G_STRUCT_OFFSET (ClrEntry, aliases), TRUE },
  { "addresses", FIELD_ADDRESSES, G_STRUCT_OFFSET (ClrEntry, addresses), TRUE },
  { "countries", FIELD_STRV, G_STRUCT_OFFSET (ClrEntry, countries), TRUE },
  { "programs", FIELD_STRV, G_STRUCT_OFFSET (ClrEntry, programs), TRUE },
  { "ids", FIELD_STRV, G_STRUCT_OFFSET (ClrEntry, ids), TRUE },
  { "federal_register", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, federal_register), TRUE },
  { "license_requirement", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, license_requirement), TRUE },
  { "license_policy", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, license_policy), TRUE },
  { "start_date", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, start_date), TRUE },
  { "end_date", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, end_date), TRUE },
  { "source_url", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, source_url), TRUE },
  { "remarks", FIELD_STRING, G_STRUCT_OFFSET (ClrEntry, remarks), TRUE },
  { "warnings", FIELD_STRV, G_STRUCT_OFFSET (ClrEntry, warnings), FALSE },
};

#define FIELD_STR(e, f) (*(char **) G_STRUCT_MEMBER_P ((e), (f)->offset))
#define FIELD_ARR(e, f) (*(GPtrArray **) G_STRUCT_MEMBER_P ((e), (f)->offset))

static void
hash_string (GChecksum  *checksum,
             const char *value)
{
  /* A length prefix keeps ("ab","c") and ("a","bc") apart. */
  gsize len = value ? strlen (value) : 0;
  char prefix[32];

  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  if (len > 0)
    g_checksum_update (checksum, (const guchar *) value, len);
}

char *
clr_entry_content_hash (const ClrEntry *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldInfo *f = &fields[i];

      if (!f->content)
        continue;

      hash_string (checksum, f->name);
      switch (f->kind)
        {
        case FIELD_STRING:
          hash_string (checksum, FIELD_STR (self, f));
          break;

        case FIELD_STRV:
          {
            GPtrArray *array = FIELD_ARR (self, f);
            for (guint j = 0; j < array->len; j++)
              hash_string (checksum, g_ptr_array_index (array, j));
          }
          break;

        case FIELD_ADDRESSES:
          {
            GPtrArray *array = FIELD_ARR (self, f);
            for (guint j = 0; j < array->len; j++)
              {
                const ClrAddress *a = g_ptr_array_index (array, j);
                hash_string (checksum, a->text);
                hash_string (checksum, a->country);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
strv_equal (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
addresses_equal (GPtrArray *a,
                 GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const ClrAddress *x = g_ptr_array_index (a, i);
      const ClrAddress *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->text, y->text) != 0 || g_strcmp0 (x->country, y->country) != 0)
        return FALSE;
    }
  return TRUE;
}

GStrv
clr_entry_diff_fields (const ClrEntry *a,
                       const ClrEntry *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldInfo *f = &fields[i];
      gboolean same = TRUE;

      if (!f->content)
        continue;

      switch (f->kind)
        {
        case FIELD_STRING:
          same = g_strcmp0 (FIELD_STR (a, f), FIELD_STR (b, f)) == 0;
          break;
        case FIELD_STRV:
          same = strv_equal (FIELD_ARR (a, f), FIELD_ARR (b, f));
          break;
        case FIELD_ADDRESSES:
          same = addresses_equal (FIELD_ARR (a, f), FIELD_ARR (b, f));
          break;
        default:
          g_assert_not_reached ();
        }

      if (!same)
        g_strv_builder_add (builder, f->name);
    }

  return g_strv_builder_end (builder);
}

JsonNode *
clr_entry_to_json (const ClrEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldInfo *f = &fields[i];

      switch (f->kind)
        {
        case FIELD_STRING:
          if (FIELD_STR (self, f) != NULL)
            clr_json_add_string (builder, f->name, FIELD_STR (self, f));
          break;

        case FIELD_STRV:
          if (FIELD_ARR (self, f)->len > 0)
            clr_json_add_string_array (builder, f->name, FIELD_ARR (self, f));
          break;

        case FIELD_ADDRESSES:
          {
            GPtrArray *array = FIELD_ARR (self, f);

            if (array->len == 0)
              break;
            json_builder_set_member_name (builder, f->name);
            json_builder_begin_array (builder);
            for (guint j = 0; j < array->len; j++)
              {
                const ClrAddress *a = g_ptr_array_index (array, j);

                json_builder_begin_object (builder);
                clr_json_add_string (builder, "text", a->text);
                if (a->country != NULL)
                  clr_json_add_string (builder, "country", a->country);
                json_builder_end_object (builder);
              }
            json_builder_end_array (builder);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (self->source_line > 0)
    clr_json_add_int (builder, "source_line", self->source_line);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const FieldInfo *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

ClrEntry *
clr_entry_from_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(ClrEntry) self = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   "A list entry must be a JSON object");
      return NULL;
    }

  self = clr_entry_new ();
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *value = json_object_get_member (object, member);
      const FieldInfo *f;

      if (strcmp (member, "source_line") == 0)
        {
          self->source_line = json_node_get_int (value);
          continue;
        }

      f = find_field (member);
      if (f == NULL)
        continue;   /* fields of a newer version are ignored, not fatal */

      switch (f->kind)
        {
        case FIELD_STRING:
          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            {
              g_free (FIELD_STR (self, f));
              FIELD_STR (self, f) = g_strdup (json_node_get_string (value));
            }
          break;

        case FIELD_STRV:
          if (JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *array = json_node_get_array (value);
              GPtrArray *target = FIELD_ARR (self, f);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  const char *s = json_array_get_string_element (array, j);
                  if (s != NULL)
                    g_ptr_array_add (target, g_strdup (s));
                }
            }
          break;

        case FIELD_ADDRESSES:
          if (JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *array = json_node_get_array (value);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  JsonObject *a = json_array_get_object_element (array, j);
                  ClrAddress *address;

                  if (a == NULL)
                    continue;
                  address = g_new0 (ClrAddress, 1);
                  address->text = g_strdup (json_object_get_string_member_with_default (a, "text", ""));
                  address->country = g_strdup (json_object_get_string_member_with_default (a, "country", NULL));
                  g_ptr_array_add (self->addresses, address);
                }
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (self->name == NULL)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   "A list entry has no name");
      return NULL;
    }

  return g_steal_pointer (&self);
}
