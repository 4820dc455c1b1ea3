/* clr-store-list-records.c — the list records the store returns (versions, counts, changes, import results) and their JSON
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-lists.h"
#include "clr-store-json-private.h"
#include "clr-store-lists-private.h"
#include "clr-store-private.h"


/* ---------------------------------------------------------------------- */
/* Plain value types                                                        */

void
clr_list_count_free (ClrListCount *count)
{
  if (count == NULL)
    return;
  g_free (count->list_code);
  g_free (count->list_name);
  g_free (count);
}

ClrListCount *
_clr_list_count_copy (const ClrListCount *count)
{
  ClrListCount *copy = g_new0 (ClrListCount, 1);

  copy->list_code = g_strdup (count->list_code);
  copy->list_name = g_strdup (count->list_name);
  copy->records = count->records;
  copy->names = count->names;
  return copy;
}

GPtrArray *
_clr_counts_copy (GPtrArray *counts)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_count_free);

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    g_ptr_array_add (copy, _clr_list_count_copy (g_ptr_array_index (counts, i)));
  return copy;
}

GPtrArray *
_clr_strings_copy (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

static void
add_counts_json (JsonBuilder *builder,
                 GPtrArray   *counts)
{
  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      clr_json_add_string (builder, "list", count->list_code);
      clr_json_add_string (builder, "list_name", count->list_name);
      clr_json_add_int (builder, "records", (gint64) count->records);
      clr_json_add_int (builder, "names", (gint64) count->names);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_strings_json (JsonBuilder *builder,
                  const char  *member,
                  GPtrArray   *strings)
{
  g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_strv_builder_add (strv, g_ptr_array_index (strings, i));
  texts = g_strv_builder_end (strv);
  clr_json_add_strv (builder, member, (const char * const *) texts);
}

ClrListVersion *
_clr_list_version_new (void)
{
  ClrListVersion *version = g_new0 (ClrListVersion, 1);

  version->ref_count = 1;
  version->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_count_free);
  version->warnings = g_ptr_array_new_with_free_func (g_free);
  return version;
}

/* The columns of CLR_LIST_VERSION_COLUMNS; the warnings and the counts are
 * read by the store's version queries. */
const ClrStoreColumn _clr_list_version_columns[CLR_LIST_VERSION_N_COLUMNS] = {
  CLR_STORE_COLUMN (INT64, ClrListVersion, id),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, source),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, file_name),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, sha256),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, publication_date),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, imported_at),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, format),
  CLR_STORE_COLUMN (TEXT, ClrListVersion, status),
  CLR_STORE_COLUMN (BOOLEAN, ClrListVersion, pruned),
  CLR_STORE_COLUMN (INT64, ClrListVersion, records),
  CLR_STORE_COLUMN (INT64, ClrListVersion, names),
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN (BOOLEAN, ClrListVersion, fetched_without_tls),
};

static void
clr_list_version_clear (ClrListVersion *version)
{
  _clr_store_clear_columns (version, _clr_list_version_columns, CLR_LIST_VERSION_N_COLUMNS);
  g_clear_pointer (&version->counts, g_ptr_array_unref);
  g_clear_pointer (&version->warnings, g_ptr_array_unref);
}

CLR_STORE_DEFINE_RECORD (ClrListVersion, clr_list_version, clr_list_version_clear)

JsonNode *
clr_list_version_to_json (const ClrListVersion *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (version != NULL, NULL);

  json_builder_begin_object (builder);
  clr_json_add_int (builder, "id", version->id);
  clr_json_add_string (builder, "source", version->source);
  clr_json_add_string (builder, "status", version->status);
  clr_json_add_string (builder, "file_name", version->file_name);
  clr_json_add_string (builder, "sha256", version->sha256);
  clr_json_add_string (builder, "publication_date", version->publication_date);
  clr_json_add_string (builder, "imported_at", version->imported_at);
  clr_json_add_string (builder, "format", version->format);
  clr_json_add_int (builder, "records", (gint64) version->records);
  clr_json_add_int (builder, "names", (gint64) version->names);
  clr_json_add_boolean (builder, "pruned", version->pruned);
  clr_json_add_boolean (builder, "fetched_without_tls", version->fetched_without_tls);
  add_counts_json (builder, version->counts);
  add_strings_json (builder, "warnings", version->warnings);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
clr_list_import_result_init (ClrListImportResult *result)
{
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
}

void
clr_list_import_result_clear (ClrListImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source);
  g_free (result->file_name);
  g_free (result->sha256);
  g_free (result->format);
  g_free (result->publication_date);
  g_clear_pointer (&result->counts, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

JsonNode *
clr_list_import_result_to_json (const ClrListImportResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "source", result->source);
  clr_json_add_string (builder, "file_name", result->file_name);
  clr_json_add_boolean (builder, "unchanged", result->unchanged);
  clr_json_add_int (builder, "version_id", result->version_id);
  clr_json_add_id (builder, "previous_version_id", result->previous_version_id);
  clr_json_add_string (builder, "sha256", result->sha256);
  clr_json_add_string (builder, "format", result->format);
  clr_json_add_string (builder, "publication_date", result->publication_date);
  clr_json_add_int (builder, "records", (gint64) result->records);
  clr_json_add_int (builder, "names", (gint64) result->names);
  clr_json_add_int (builder, "added", (gint64) result->added);
  clr_json_add_int (builder, "removed", (gint64) result->removed);
  clr_json_add_int (builder, "changed", (gint64) result->changed);
  add_counts_json (builder, result->counts);
  add_strings_json (builder, "warnings", result->warnings);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
clr_list_change_clear (ClrListChange *change)
{
  g_free (change->key);
  g_free (change->list_code);
  g_free (change->name);
  g_strfreev (change->countries);
  g_strfreev (change->fields);
}

CLR_STORE_DEFINE_RECORD (ClrListChange, clr_list_change, clr_list_change_clear)

const char *
clr_list_change_kind_to_string (ClrListChangeKind kind)
{
  switch (kind)
    {
    case CLR_LIST_CHANGE_ADDED:
      return "added";
    case CLR_LIST_CHANGE_REMOVED:
      return "removed";
    case CLR_LIST_CHANGE_CHANGED:
      return "changed";
    default:
      return NULL;
    }
}

JsonNode *
clr_list_changes_to_json (GPtrArray *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint64 counts[3] = { 0, 0, 0 };

  g_return_val_if_fail (changes != NULL, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);
      if ((guint) change->kind < G_N_ELEMENTS (counts))
        counts[change->kind]++;
    }

  json_builder_begin_object (builder);
  clr_json_add_int (builder, "added", (gint64) counts[CLR_LIST_CHANGE_ADDED]);
  clr_json_add_int (builder, "removed", (gint64) counts[CLR_LIST_CHANGE_REMOVED]);
  clr_json_add_int (builder, "changed", (gint64) counts[CLR_LIST_CHANGE_CHANGED]);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      clr_json_add_string (builder, "kind", clr_list_change_kind_to_string (change->kind));
      clr_json_add_string (builder, "key", change->key);
      clr_json_add_string (builder, "list", change->list_code);
      clr_json_add_string (builder, "name", change->name);
      clr_json_add_strv (builder, "countries", (const char * const *) change->countries);
      clr_json_add_id (builder, "old_entry_id", change->old_entry_id);
      clr_json_add_id (builder, "new_entry_id", change->new_entry_id);
      clr_json_add_strv (builder, "fields", (const char * const *) change->fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
