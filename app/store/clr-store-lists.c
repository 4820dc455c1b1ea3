/* clr-store-lists.c — versioned restricted-party lists in the store
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

static ClrListCount *
list_count_copy (const ClrListCount *count)
{
  ClrListCount *copy = g_new0 (ClrListCount, 1);

  copy->list_code = g_strdup (count->list_code);
  copy->list_name = g_strdup (count->list_name);
  copy->records = count->records;
  copy->names = count->names;
  return copy;
}

static GPtrArray *
counts_copy (GPtrArray *counts)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_count_free);

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    g_ptr_array_add (copy, list_count_copy (g_ptr_array_index (counts, i)));
  return copy;
}

static GPtrArray *
strings_copy (GPtrArray *strings)
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
      json_builder_set_member_name (builder, "list");
      json_builder_add_string_value (builder, count->list_code);
      json_builder_set_member_name (builder, "list_name");
      json_builder_add_string_value (builder, count->list_name);
      json_builder_set_member_name (builder, "records");
      json_builder_add_int_value (builder, (gint64) count->records);
      json_builder_set_member_name (builder, "names");
      json_builder_add_int_value (builder, (gint64) count->names);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_strings_json (JsonBuilder *builder,
                  const char  *member,
                  GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

G_DEFINE_BOXED_TYPE (ClrListVersion, clr_list_version, clr_list_version_copy, clr_list_version_free)

static ClrListVersion *
list_version_new (void)
{
  ClrListVersion *version = g_new0 (ClrListVersion, 1);

  version->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_count_free);
  version->warnings = g_ptr_array_new_with_free_func (g_free);
  return version;
}

ClrListVersion *
clr_list_version_copy (const ClrListVersion *version)
{
  ClrListVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = g_new0 (ClrListVersion, 1);
  copy->id = version->id;
  copy->source = g_strdup (version->source);
  copy->file_name = g_strdup (version->file_name);
  copy->sha256 = g_strdup (version->sha256);
  copy->publication_date = g_strdup (version->publication_date);
  copy->imported_at = g_strdup (version->imported_at);
  copy->format = g_strdup (version->format);
  copy->status = g_strdup (version->status);
  copy->pruned = version->pruned;
  copy->fetched_without_tls = version->fetched_without_tls;
  copy->records = version->records;
  copy->names = version->names;
  copy->counts = counts_copy (version->counts);
  copy->warnings = strings_copy (version->warnings);
  return copy;
}

void
clr_list_version_free (ClrListVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->source);
  g_free (version->file_name);
  g_free (version->sha256);
  g_free (version->publication_date);
  g_free (version->imported_at);
  g_free (version->format);
  g_free (version->status);
  g_clear_pointer (&version->counts, g_ptr_array_unref);
  g_clear_pointer (&version->warnings, g_ptr_array_unref);
  g_free (version);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
clr_list_version_to_json (const ClrListVersion *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (version != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, version->id);
  add_string_member (builder, "source", version->source);
  add_string_member (builder, "status", version->status);
  add_string_member (builder, "file_name", version->file_name);
  add_string_member (builder, "sha256", version->sha256);
  add_string_member (builder, "publication_date", version->publication_date);
  add_string_member (builder, "imported_at", version->imported_at);
  add_string_member (builder, "format", version->format);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, (gint64) version->records);
  json_builder_set_member_name (builder, "names");
  json_builder_add_int_value (builder, (gint64) version->names);
  json_builder_set_member_name (builder, "pruned");
  json_builder_add_boolean_value (builder, version->pruned);
  json_builder_set_member_name (builder, "fetched_without_tls");
  json_builder_add_boolean_value (builder, version->fetched_without_tls);
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
  add_string_member (builder, "source", result->source);
  add_string_member (builder, "file_name", result->file_name);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_boolean_value (builder, result->unchanged);
  json_builder_set_member_name (builder, "version_id");
  json_builder_add_int_value (builder, result->version_id);
  json_builder_set_member_name (builder, "previous_version_id");
  if (result->previous_version_id > 0)
    json_builder_add_int_value (builder, result->previous_version_id);
  else
    json_builder_add_null_value (builder);
  add_string_member (builder, "sha256", result->sha256);
  add_string_member (builder, "format", result->format);
  add_string_member (builder, "publication_date", result->publication_date);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, (gint64) result->records);
  json_builder_set_member_name (builder, "names");
  json_builder_add_int_value (builder, (gint64) result->names);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, (gint64) result->added);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, (gint64) result->removed);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, (gint64) result->changed);
  add_counts_json (builder, result->counts);
  add_strings_json (builder, "warnings", result->warnings);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

G_DEFINE_BOXED_TYPE (ClrListChange, clr_list_change, clr_list_change_copy, clr_list_change_free)

ClrListChange *
clr_list_change_copy (const ClrListChange *change)
{
  ClrListChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_new0 (ClrListChange, 1);
  copy->kind = change->kind;
  copy->key = g_strdup (change->key);
  copy->list_code = g_strdup (change->list_code);
  copy->name = g_strdup (change->name);
  copy->countries = g_strdupv (change->countries);
  copy->old_entry_id = change->old_entry_id;
  copy->new_entry_id = change->new_entry_id;
  copy->fields = g_strdupv (change->fields);
  return copy;
}

void
clr_list_change_free (ClrListChange *change)
{
  if (change == NULL)
    return;
  g_free (change->key);
  g_free (change->list_code);
  g_free (change->name);
  g_strfreev (change->countries);
  g_strfreev (change->fields);
  g_free (change);
}

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
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, (gint64) counts[CLR_LIST_CHANGE_ADDED]);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, (gint64) counts[CLR_LIST_CHANGE_REMOVED]);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, (gint64) counts[CLR_LIST_CHANGE_CHANGED]);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "kind", clr_list_change_kind_to_string (change->kind));
      add_string_member (builder, "key", change->key);
      add_string_member (builder, "list", change->list_code);
      add_string_member (builder, "name", change->name);
      json_builder_set_member_name (builder, "countries");
      json_builder_begin_array (builder);
      for (guint j = 0; change->countries != NULL && change->countries[j] != NULL; j++)
        json_builder_add_string_value (builder, change->countries[j]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "old_entry_id");
      if (change->old_entry_id > 0)
        json_builder_add_int_value (builder, change->old_entry_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "new_entry_id");
      if (change->new_entry_id > 0)
        json_builder_add_int_value (builder, change->new_entry_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint j = 0; change->fields != NULL && change->fields[j] != NULL; j++)
        json_builder_add_string_value (builder, change->fields[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

static ClrEntry *
entry_from_text (const char  *text,
                 gint64       row_id,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  ClrEntry *entry;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Stored list entry %" PRId64 " is damaged: %s"),
                   row_id, local_error ? local_error->message : _("no data"));
      return NULL;
    }

  entry = clr_entry_from_json (json_parser_get_root (parser), &local_error);
  if (entry == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("Stored list entry %" PRId64 " is damaged: %s"),
                   row_id, local_error->message);
      return NULL;
    }

  return entry;
}

gboolean
_clr_store_lists_check_open (ClrStore  *self,
            GError   **error)
{
  if (!clr_store_is_open (self))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("The database %s is not open"), clr_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

gboolean
clr_store_foreach_current_entry (ClrStore           *self,
                                 const char         *source,
                                 ClrStoreEntryFunc   func,
                                 gpointer            user_data,
                                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!_clr_store_lists_check_open (self, error))
    return FALSE;

  _clr_store_lock (self);

  stmt = _clr_store_prepare (self,
                             "SELECT e.id, e.data FROM list_entry e "
                             "JOIN list_version v ON v.id = e.version_id "
                             "WHERE v.status = 'current' AND (?1 IS NULL OR v.source = ?1) "
                             "AND v.source NOT IN (SELECT id FROM list_source WHERE enabled = 0) "
                             "ORDER BY e.id",
                             error);
  if (stmt == NULL)
    {
      ok = FALSE;
      goto out;
    }
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(ClrEntry) entry = entry_from_text ((const char *) sqlite3_column_text (stmt, 1), id, error);

      if (entry == NULL)
        {
          ok = FALSE;
          goto out;
        }
      if (!func (id, entry, user_data))
        goto out;
    }

  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading list entries"));
      ok = FALSE;
    }

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _clr_store_unlock (self);
  return ok;
}

ClrEntry *
clr_store_get_entry (ClrStore  *self,
                     gint64     entry_id,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ClrEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);

  stmt = _clr_store_prepare (self, "SELECT data FROM list_entry WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, entry_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_text ((const char *) sqlite3_column_text (stmt, 0), entry_id, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                 _("No list entry %" PRId64 " in the database"), entry_id);
  else
    _clr_store_set_error (self, error, _("Reading a list entry"));

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _clr_store_unlock (self);
  return entry;
}

/* Lock held. */
static gboolean
load_counts (ClrStore   *self,
             gint64      version_id,
             GPtrArray  *counts,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _clr_store_prepare (self,
                             "SELECT list_code, list_name, records, names FROM list_count "
                             "WHERE version_id = ? ORDER BY list_code",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClrListCount *count = g_new0 (ClrListCount, 1);

      count->list_code = _clr_stmt_dup_text (stmt, 0);
      count->list_name = _clr_stmt_dup_text (stmt, 1);
      count->records = (guint64) sqlite3_column_int64 (stmt, 2);
      count->names = (guint64) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (counts, count);
    }

  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading list counts"));
      return FALSE;
    }
  return TRUE;
}

static void
parse_warnings (const char *text,
                GPtrArray  *warnings)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      const char *warning = json_array_get_string_element (json_node_get_array (root), i);
      if (warning != NULL)
        g_ptr_array_add (warnings, g_strdup (warning));
    }
}

#define VERSION_COLUMNS \
  "id, source, file_name, sha256, publication_date, imported_at, format, status, " \
  "pruned, record_count, name_count, warnings_json, fetched_without_tls"

/* Lock held. */
static ClrListVersion *
version_from_row (ClrStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(ClrListVersion) version = list_version_new ();

  version->id = sqlite3_column_int64 (stmt, 0);
  version->source = _clr_stmt_dup_text (stmt, 1);
  version->file_name = _clr_stmt_dup_text (stmt, 2);
  version->sha256 = _clr_stmt_dup_text (stmt, 3);
  version->publication_date = _clr_stmt_dup_text (stmt, 4);
  version->imported_at = _clr_stmt_dup_text (stmt, 5);
  version->format = _clr_stmt_dup_text (stmt, 6);
  version->status = _clr_stmt_dup_text (stmt, 7);
  version->pruned = sqlite3_column_int (stmt, 8) != 0;
  version->records = (guint64) sqlite3_column_int64 (stmt, 9);
  version->names = (guint64) sqlite3_column_int64 (stmt, 10);
  parse_warnings ((const char *) sqlite3_column_text (stmt, 11), version->warnings);
  version->fetched_without_tls = sqlite3_column_int (stmt, 12) != 0;

  if (!load_counts (self, version->id, version->counts, error))
    return NULL;

  return g_steal_pointer (&version);
}

/* Lock held. Versions matching @where (with ?1 bound to @source), newest first. */
static GPtrArray *
query_versions (ClrStore    *self,
                const char  *where,
                const char  *source,
                GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_version_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT " VERSION_COLUMNS " FROM list_version WHERE %s "
                                          "ORDER BY source, id DESC", where);
  int rc;

  stmt = _clr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClrListVersion *version = version_from_row (self, stmt, error);

      if (version == NULL)
        return NULL;
      g_ptr_array_add (versions, version);
    }

  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading list versions"));
      return NULL;
    }

  return g_steal_pointer (&versions);
}

GPtrArray *
clr_store_list_versions (ClrStore    *self,
                         const char  *source,
                         GError     **error)
{
  GPtrArray *versions;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);
  versions = query_versions (self, "(?1 IS NULL OR source = ?1)", source, error);
  _clr_store_unlock (self);

  return versions;
}

/* Lock held. */
static ClrListVersion *
get_current_version_locked (ClrStore    *self,
                            const char  *source,
                            GError     **error)
{
  g_autoptr(GPtrArray) versions = query_versions (self, "source = ?1 AND status = 'current'", source, error);

  if (versions == NULL)
    return NULL;
  if (versions->len == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("The list source “%s” has not been loaded"), source);
      return NULL;
    }

  return g_ptr_array_steal_index (versions, 0);
}

ClrListVersion *
clr_store_get_current_version (ClrStore    *self,
                               const char  *source,
                               GError     **error)
{
  ClrListVersion *version;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);
  version = get_current_version_locked (self, source, error);
  _clr_store_unlock (self);

  return version;
}

GStrv
clr_store_list_loaded_sources (ClrStore  *self,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GStrv result = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT DISTINCT source FROM list_version ORDER BY source", error);
  if (stmt == NULL)
    goto out;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    _clr_store_set_error (self, error, _("Reading list sources"));
  else
    result = g_strv_builder_end (builder);

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _clr_store_unlock (self);
  return result;
}

/* ---------------------------------------------------------------------- */
/* Diff                                                                    */

typedef struct
{
  gint64   id;
  char    *key;
  char    *name_key;
  char    *name_match;   /* name_key with runs of white space as one space */
  char    *hash;
  char    *list_code;
  char    *name;
  gboolean has_id;
  gint64   partner;   /* index + 1 in the other version's rows, 0 when unpaired */
} DiffRow;

static void
diff_row_clear (gpointer data)
{
  DiffRow *row = data;

  g_free (row->key);
  g_free (row->name_key);
  g_free (row->name_match);
  g_free (row->hash);
  g_free (row->list_code);
  g_free (row->name);
}

/* @key with every run of white space as one space: lists re-typeset names
 * ("(Huawei).  Affiliated Entity" in 2022, one space in 2026), and such an
 * entry is the same entry, changed or not, never removed and added. */
static char *
collapse_spaces (const char *key)
{
  GString *out = g_string_sized_new (key != NULL ? strlen (key) : 0);
  gboolean space = FALSE;

  for (const char *p = key; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Lock held. */
static GArray *
load_diff_rows (ClrStore  *self,
                gint64     version_id,
                GError   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (DiffRow));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (rows, diff_row_clear);

  stmt = _clr_store_prepare (self,
                             "SELECT id, entry_key, name_key, content_hash, list_code, name "
                             "FROM list_entry WHERE version_id = ? ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DiffRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.key = _clr_stmt_dup_text (stmt, 1);
      row.name_key = _clr_stmt_dup_text (stmt, 2);
      row.name_match = collapse_spaces (row.name_key);
      row.hash = _clr_stmt_dup_text (stmt, 3);
      row.list_code = _clr_stmt_dup_text (stmt, 4);
      row.name = _clr_stmt_dup_text (stmt, 5);
      /* A key without a published id is the name key, perhaps with a suffix */
      row.has_id = row.key == NULL || row.name_key == NULL || !g_str_has_prefix (row.key, row.name_key);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading list entries"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static GHashTable *
index_unpaired (GArray   *rows,
                gboolean  by_name)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      DiffRow *row = &g_array_index (rows, DiffRow, i);
      const char *key = by_name ? row->name_match : row->key;
      GArray *bucket;

      if (row->partner != 0)
        continue;

      bucket = g_hash_table_lookup (index, key);
      if (bucket == NULL)
        {
          bucket = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (index, (gpointer) key, bucket);
        }
      g_array_append_val (bucket, i);
    }

  return index;
}

/* Pairs unpaired new rows with unpaired old rows of the same key, preferring
 * an identical content hash. By name, only where at least one side has no
 * published id: two different ids are two different entries. */
static void
pair_rows (GArray   *old_rows,
           GArray   *new_rows,
           gboolean  by_name)
{
  g_autoptr(GHashTable) index = index_unpaired (old_rows, by_name);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < new_rows->len; i++)
      {
        DiffRow *row = &g_array_index (new_rows, DiffRow, i);
        GArray *bucket;

        if (row->partner != 0)
          continue;

        bucket = g_hash_table_lookup (index, by_name ? row->name_match : row->key);
        if (bucket == NULL)
          continue;

        for (guint j = 0; j < bucket->len; j++)
          {
            guint o = g_array_index (bucket, guint, j);
            DiffRow *old_row = &g_array_index (old_rows, DiffRow, o);

            if (old_row->partner != 0)
              continue;
            if (by_name && old_row->has_id && row->has_id)
              continue;
            /* First pass: identical content only; second: any. */
            if (pass == 0 && g_strcmp0 (old_row->hash, row->hash) != 0)
              continue;

            old_row->partner = i + 1;
            row->partner = o + 1;
            break;
          }
      }
}

/* Lock held. @stmt is "SELECT data FROM list_entry WHERE id = ?", reused. */
static gboolean
entry_for_row (ClrStore      *self,
               sqlite3_stmt  *stmt,
               gint64         id,
               ClrEntry     **entry,
               GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _clr_store_set_error (self, error, _("Reading a list entry"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *entry = entry_from_text ((const char *) sqlite3_column_text (stmt, 0), id, error);
  sqlite3_reset (stmt);
  return *entry != NULL;
}

static GStrv
entry_countries (ClrEntry *entry)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; entry != NULL && i < entry->countries->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (entry->countries, i));
  return g_strv_builder_end (builder);
}

static ClrListChange *
make_change (ClrStore           *self,
             sqlite3_stmt       *stmt,
             ClrListChangeKind   kind,
             DiffRow            *old_row,
             DiffRow            *new_row,
             GError            **error)
{
  g_autoptr(ClrListChange) change = g_new0 (ClrListChange, 1);
  g_autoptr(ClrEntry) old_entry = NULL;
  g_autoptr(ClrEntry) new_entry = NULL;
  DiffRow *main_row = new_row ? new_row : old_row;

  g_assert (main_row != NULL);

  if (old_row != NULL && !entry_for_row (self, stmt, old_row->id, &old_entry, error))
    return NULL;
  if (new_row != NULL && !entry_for_row (self, stmt, new_row->id, &new_entry, error))
    return NULL;

  change->kind = kind;
  change->key = g_strdup (main_row->key);
  change->list_code = g_strdup (main_row->list_code);
  change->name = g_strdup (main_row->name);
  change->countries = entry_countries (new_entry ? new_entry : old_entry);
  change->old_entry_id = old_row ? old_row->id : 0;
  change->new_entry_id = new_row ? new_row->id : 0;
  if (kind == CLR_LIST_CHANGE_CHANGED)
    change->fields = clr_entry_diff_fields (old_entry, new_entry);
  else
    change->fields = g_new0 (char *, 1);

  return g_steal_pointer (&change);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const ClrListChange *x = *(ClrListChange * const *) a;
  const ClrListChange *y = *(ClrListChange * const *) b;
  int cmp;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  if ((cmp = g_strcmp0 (x->list_code, y->list_code)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->name, y->name)) != 0)
    return cmp;
  return g_strcmp0 (x->key, y->key);
}

/* Lock held. With @changes NULL only counts. */
static gboolean
diff_locked (ClrStore   *self,
             gint64      old_version,
             gint64      new_version,
             GPtrArray  *changes,
             guint64    *added,
             guint64    *removed,
             guint64    *changed,
             GError    **error)
{
  g_autoptr(GArray) old_rows = NULL;
  g_autoptr(GArray) new_rows = NULL;
  g_autoptr(sqlite3_stmt) data_stmt = NULL;
  guint64 n_added = 0, n_removed = 0, n_changed = 0;

  if (changes != NULL)
    {
      data_stmt = _clr_store_prepare (self, "SELECT data FROM list_entry WHERE id = ?", error);
      if (data_stmt == NULL)
        return FALSE;
    }

  old_rows = load_diff_rows (self, old_version, error);
  if (old_rows == NULL)
    return FALSE;
  new_rows = load_diff_rows (self, new_version, error);
  if (new_rows == NULL)
    return FALSE;

  pair_rows (old_rows, new_rows, FALSE);
  pair_rows (old_rows, new_rows, TRUE);

  for (guint i = 0; i < new_rows->len; i++)
    {
      DiffRow *row = &g_array_index (new_rows, DiffRow, i);
      DiffRow *old_row = row->partner ? &g_array_index (old_rows, DiffRow, row->partner - 1) : NULL;
      ClrListChangeKind kind;

      if (old_row == NULL)
        kind = CLR_LIST_CHANGE_ADDED, n_added++;
      else if (g_strcmp0 (old_row->hash, row->hash) != 0)
        kind = CLR_LIST_CHANGE_CHANGED, n_changed++;
      else
        continue;

      if (changes != NULL)
        {
          ClrListChange *change = make_change (self, data_stmt, kind, old_row, row, error);
          if (change == NULL)
            return FALSE;
          g_ptr_array_add (changes, change);
        }
    }

  for (guint i = 0; i < old_rows->len; i++)
    {
      DiffRow *row = &g_array_index (old_rows, DiffRow, i);

      if (row->partner != 0)
        continue;
      n_removed++;
      if (changes != NULL)
        {
          ClrListChange *change = make_change (self, data_stmt, CLR_LIST_CHANGE_REMOVED, row, NULL, error);
          if (change == NULL)
            return FALSE;
          g_ptr_array_add (changes, change);
        }
    }

  if (changes != NULL)
    g_ptr_array_sort (changes, compare_changes);
  if (added)
    *added = n_added;
  if (removed)
    *removed = n_removed;
  if (changed)
    *changed = n_changed;

  return TRUE;
}

/* Lock held. */
static gboolean
check_version_has_entries (ClrStore  *self,
                           gint64     version_id,
                           char     **source,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _clr_store_prepare (self,
                                                     "SELECT source, pruned FROM list_version WHERE id = ?",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("No list version %" PRId64 " in the database"), version_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _clr_store_set_error (self, error, _("Reading a list version"));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) != 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("The entries of list version %" PRId64 " were pruned; only its summary is kept"),
                   version_id);
      return FALSE;
    }
  *source = _clr_stmt_dup_text (stmt, 0);
  return TRUE;
}

GPtrArray *
clr_store_diff_versions (ClrStore  *self,
                         gint64     old_version,
                         gint64     new_version,
                         GError   **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_change_free);
  g_autofree char *old_source = NULL;
  g_autofree char *new_source = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);
  if (!check_version_has_entries (self, old_version, &old_source, error) ||
      !check_version_has_entries (self, new_version, &new_source, error))
    goto out;
  if (g_strcmp0 (old_source, new_source) != 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("List versions %" PRId64 " (%s) and %" PRId64
                     " (%s) belong to different sources"),
                   old_version, old_source, new_version, new_source);
      goto out;
    }
  ok = diff_locked (self, old_version, new_version, changes, NULL, NULL, NULL, error);

out:
  _clr_store_unlock (self);
  return ok ? g_steal_pointer (&changes) : NULL;
}

GPtrArray *
clr_store_diff_latest (ClrStore    *self,
                       const char  *source,
                       gint64      *old_version,
                       gint64      *new_version,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 ids[2] = { 0, 0 };
  guint n = 0;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             "SELECT id FROM list_version WHERE source = ? AND status IN ('current', 'previous') "
                             "ORDER BY CASE status WHEN 'current' THEN 0 ELSE 1 END",
                             error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n < 2)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _clr_store_unlock (self);

  if (n == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("The list source “%s” has not been loaded"), source);
      return NULL;
    }
  if (n == 1)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("The list source “%s” has only one version: nothing to compare yet"), source);
      return NULL;
    }

  if (old_version)
    *old_version = ids[1];
  if (new_version)
    *new_version = ids[0];

  return clr_store_diff_versions (self, ids[1], ids[0], error);
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

struct _ClrListWriter
{
  ClrStore     *store;
  gboolean      active;      /* lock held, transaction open */
  gint64        version_id;
  char         *source;
  char         *file_name;
  char         *sha256;
  char         *publication_date;
  char         *format;
  sqlite3_stmt *insert;
  GHashTable   *counts;      /* list code → ClrListCount */
  GHashTable   *keys;        /* entry keys given out in this version */
  GPtrArray    *warnings;
  guint64       records;
  guint64       names;
  JsonGenerator *generator;
};

static void
writer_finish (ClrListWriter *writer,
               gboolean       rollback)
{
  if (!writer->active)
    return;

  g_clear_pointer (&writer->insert, sqlite3_finalize);
  if (rollback)
    _clr_store_rollback (writer->store);
  _clr_store_unlock (writer->store);
  writer->active = FALSE;
}

void
clr_list_writer_free (ClrListWriter *writer)
{
  if (writer == NULL)
    return;

  writer_finish (writer, TRUE);
  g_clear_object (&writer->store);
  g_free (writer->source);
  g_free (writer->file_name);
  g_free (writer->sha256);
  g_free (writer->publication_date);
  g_free (writer->format);
  g_clear_pointer (&writer->counts, g_hash_table_unref);
  g_clear_pointer (&writer->keys, g_hash_table_unref);
  g_clear_pointer (&writer->warnings, g_ptr_array_unref);
  g_clear_object (&writer->generator);
  g_free (writer);
}

ClrListWriter *
clr_store_begin_list_version (ClrStore    *self,
                              const char  *source,
                              const char  *file_name,
                              const char  *sha256,
                              const char  *publication_date,
                              const char  *format,
                              GError     **error)
{
  g_autoptr(ClrListWriter) writer = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  writer = g_new0 (ClrListWriter, 1);
  writer->store = g_object_ref (self);
  writer->source = g_strdup (source);
  writer->file_name = g_strdup (file_name);
  writer->sha256 = g_strdup (sha256);
  writer->publication_date = g_strdup (publication_date);
  writer->format = g_strdup (format);
  writer->counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) clr_list_count_free);
  writer->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->warnings = g_ptr_array_new_with_free_func (g_free);
  writer->generator = json_generator_new ();

  _clr_store_lock (self);
  if (!_clr_store_begin (self, error))
    {
      _clr_store_unlock (self);
      return NULL;
    }
  writer->active = TRUE;

  /* Built as 'superseded' so it never collides with the current version;
   * the commit switches it. Source and hash may still change until then. */
  now = _clr_store_now_iso ();
  stmt = _clr_store_prepare (self,
                             "INSERT INTO list_version (source, file_name, sha256, imported_at, status) "
                             "VALUES (?, ?, '', ?, 'superseded')",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source ? source : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Creating a list version"));
      return NULL;
    }
  writer->version_id = sqlite3_last_insert_rowid (_clr_store_get_db (self));

  writer->insert = _clr_store_prepare (self,
                                       "INSERT INTO list_entry (version_id, entry_key, name_key, list_code, "
                                       "name, content_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       error);
  if (writer->insert == NULL)
    return NULL;

  return g_steal_pointer (&writer);
}

/* clr_entry_dup_key() as if @entry had no published id. */
static char *
entry_name_key (const ClrEntry *entry)
{
  ClrEntry *mutable = (ClrEntry *) entry;
  char *saved = mutable->entry_id;
  char *key;

  mutable->entry_id = NULL;
  key = clr_entry_dup_key (mutable);
  mutable->entry_id = saved;
  return key;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
_clr_list_entry_base_key (const ClrEntry *entry)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *name_key = NULL;

  if (entry->entry_id != NULL && *entry->entry_id != '\0')
    return clr_entry_dup_key (entry);

  name_key = entry_name_key (entry);
  if (entry->addresses == NULL || entry->addresses->len == 0)
    return g_steal_pointer (&name_key);

  /* No published id: list + name, and a digest of the sorted, case-folded
   * addresses, so that entries sharing a name (three Entity List rows
   * "Huawei Technologies Co., Ltd." at different addresses) stay apart,
   * whatever order the file lists them in. */
  places = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entry->addresses->len; i++)
    {
      const ClrAddress *address = g_ptr_array_index (entry->addresses, i);
      g_autofree char *folded = g_utf8_casefold (address->text ? address->text : "", -1);

      g_ptr_array_add (places, g_strdup_printf ("%s|%s", g_strstrip (folded),
                                                address->country ? address->country : ""));
    }
  g_ptr_array_sort (places, compare_strings);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < places->len; i++)
    {
      g_checksum_update (checksum, (const guchar *) g_ptr_array_index (places, i), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  return g_strdup_printf ("%s@%.12s", name_key, g_checksum_get_string (checksum));
}

/* Lock held. */
char *
_clr_store_dup_entry_key_unlocked (ClrStore *self,
                                   gint64    row)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _clr_store_prepare (self, "SELECT entry_key FROM list_entry WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _clr_stmt_dup_text (stmt, 0);
}

char *
_clr_store_dup_entry_key (ClrStore *self,
                          gint64    row)
{
  char *key;

  _clr_store_lock (self);
  key = _clr_store_dup_entry_key_unlocked (self, row);
  _clr_store_unlock (self);
  return key;
}

/* The key @entry is stored under in this version: its base key, and when an
 * earlier entry of the file already holds that one (same list, same name,
 * same addresses, no id), "#2", "#3"… in file order. Never drops an entry. */
static char *
writer_entry_key (ClrListWriter  *writer,
                  const ClrEntry *entry)
{
  g_autofree char *base = _clr_list_entry_base_key (entry);
  char *key = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (writer->keys, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s#%u", base, n);
    }
  g_hash_table_add (writer->keys, g_strdup (key));
  return key;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
clr_list_writer_add_entry (ClrListWriter  *writer,
                           ClrEntry       *entry,
                           GError        **error)
{
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) node = NULL;
  ClrListCount *count;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!writer->active)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The list version for %s is already finished"), writer->file_name);
      return FALSE;
    }

  if (is_blank (entry->list_code) || is_blank (entry->name))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s:%" PRId64 ": the record has no %s"),
                   writer->file_name, entry->source_line,
                   is_blank (entry->list_code) ? "list" : "name");
      return FALSE;
    }

  key = writer_entry_key (writer, entry);
  name_key = entry_name_key (entry);
  hash = clr_entry_content_hash (entry);
  node = clr_entry_to_json (entry);
  json_generator_set_root (writer->generator, node);
  data = json_generator_to_data (writer->generator, NULL);

  stmt = writer->insert;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, writer->version_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entry->list_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, data, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autoptr(GError) local_error = NULL;

      _clr_store_set_error (writer->store, &local_error, _("Storing a list entry"));
      g_set_error (error, local_error->domain, local_error->code, "%s:%" G_GINT64_FORMAT ": %s",
                   writer->file_name, entry->source_line, local_error->message);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  count = g_hash_table_lookup (writer->counts, entry->list_code);
  if (count == NULL)
    {
      count = g_new0 (ClrListCount, 1);
      count->list_code = g_strdup (entry->list_code);
      count->list_name = g_strdup (entry->list_name);
      g_hash_table_insert (writer->counts, count->list_code, count);
    }
  count->records++;
  count->names += 1 + entry->aliases->len;
  writer->records++;
  writer->names += 1 + entry->aliases->len;

  return TRUE;
}

void
clr_list_writer_add_warning (ClrListWriter *writer,
                             const char    *warning)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (writer->warnings, g_strdup (warning));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const ClrListCount *x = *(ClrListCount * const *) a;
  const ClrListCount *y = *(ClrListCount * const *) b;

  return g_strcmp0 (x->list_code, y->list_code);
}

static GPtrArray *
writer_sorted_counts (ClrListWriter *writer)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_count_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, writer->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (counts, list_count_copy (value));
  g_ptr_array_sort (counts, compare_counts);
  return counts;
}

void
clr_list_import_result_fill_from_version (ClrListImportResult  *result,
                          const ClrListVersion *version)
{
  result->version_id = version->id;
  g_free (result->source);
  result->source = g_strdup (version->source);
  g_free (result->file_name);
  result->file_name = g_strdup (version->file_name);
  g_free (result->sha256);
  result->sha256 = g_strdup (version->sha256);
  g_free (result->format);
  result->format = g_strdup (version->format);
  g_free (result->publication_date);
  result->publication_date = g_strdup (version->publication_date);
  result->records = version->records;
  result->names = version->names;
  g_clear_pointer (&result->counts, g_ptr_array_unref);
  result->counts = counts_copy (version->counts);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  result->warnings = strings_copy (version->warnings);
}

/* Lock held. */
static gboolean
exec_bound (ClrStore    *self,
            const char  *sql,
            const char  *source,
            gint64       id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _clr_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (source != NULL)
    sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Switching list versions"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
writer_commit_locked (ClrListWriter        *writer,
                      gboolean              force,
                      ClrListImportResult  *result,
                      GError              **error)
{
  ClrStore *self = writer->store;
  g_autoptr(ClrListVersion) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) warnings_node = NULL;
  g_autofree char *warnings_json = NULL;

  if (is_blank (writer->source))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: cannot tell which list source this file belongs to"), writer->file_name);
      return FALSE;
    }

  if (writer->records == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: the file contains no list entries"), writer->file_name);
      return FALSE;
    }

  current = get_current_version_locked (self, writer->source, &local_error);
  if (current == NULL && !g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current != NULL && g_strcmp0 (current->sha256, writer->sha256) == 0)
    {
      _clr_store_rollback (self);
      if (result != NULL)
        {
          clr_list_import_result_fill_from_version (result, current);
          result->unchanged = TRUE;
        }
      return TRUE;
    }

  /* The sanity guard: no list may shrink by more than 20 %. */
  if (current != NULL && !force)
    for (guint i = 0; i < current->counts->len; i++)
      {
        ClrListCount *old_count = g_ptr_array_index (current->counts, i);
        ClrListCount *new_count = g_hash_table_lookup (writer->counts, old_count->list_code);
        guint64 new_records = new_count ? new_count->records : 0;

        if ((double) new_records < (double) old_count->records * (1.0 - CLR_LIST_SANITY_MAX_DROP))
          {
            g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY,
                         _("%s: list %s of source “%s” would drop from %" PRIu64
                           " to %" PRIu64 " records (more than %d %%); "
                           "the current version was kept. Force the import to accept it."),
                         writer->file_name, old_count->list_code, writer->source,
                         old_count->records, new_records,
                         (int) (CLR_LIST_SANITY_MAX_DROP * 100 + 0.5));
            return FALSE;
          }
      }

  /* Counts and summary. */
  counts = writer_sorted_counts (writer);
  stmt = _clr_store_prepare (self,
                             "INSERT INTO list_count (version_id, list_code, list_name, records, names) "
                             "VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (counts, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, writer->version_id);
      sqlite3_bind_text (stmt, 2, count->list_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, count->list_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (gint64) count->records);
      sqlite3_bind_int64 (stmt, 5, (gint64) count->names);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _clr_store_set_error (self, error, _("Storing list counts"));
          return FALSE;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < writer->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (writer->warnings, i));
  json_builder_end_array (builder);
  warnings_node = json_builder_get_root (builder);
  json_generator_set_root (writer->generator, warnings_node);
  warnings_json = json_generator_to_data (writer->generator, NULL);

  stmt = _clr_store_prepare (self,
                             "UPDATE list_version SET source = ?, sha256 = ?, publication_date = ?, "
                             "format = ?, record_count = ?, name_count = ?, warnings_json = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, writer->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, writer->sha256 ? writer->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, writer->publication_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, writer->format, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) writer->records);
  sqlite3_bind_int64 (stmt, 6, (gint64) writer->names);
  sqlite3_bind_text (stmt, 7, warnings_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, writer->version_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Storing a list version"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* previous → superseded, current → previous, new → current. */
  if (!exec_bound (self, "UPDATE list_version SET status = 'superseded' "
                   "WHERE source = ?1 AND status = 'previous' AND id != ?2",
                   writer->source, writer->version_id, error) ||
      !exec_bound (self, "UPDATE list_version SET status = 'previous' "
                   "WHERE source = ?1 AND status = 'current' AND id != ?2",
                   writer->source, writer->version_id, error) ||
      !exec_bound (self, "UPDATE list_version SET status = 'current' WHERE id = ?2",
                   NULL, writer->version_id, error))
    return FALSE;

  /* Keep entries of the current and previous versions only: older ones
   * keep their summary row and counts (the history), not their entries. */
  if (!exec_bound (self, "DELETE FROM list_entry WHERE version_id IN "
                   "(SELECT id FROM list_version WHERE source = ?1 AND status = 'superseded' "
                   "AND pruned = 0 AND id != ?2)",
                   writer->source, writer->version_id, error) ||
      !exec_bound (self, "UPDATE list_version SET pruned = 1 "
                   "WHERE source = ?1 AND status = 'superseded' AND id != ?2",
                   writer->source, writer->version_id, error))
    return FALSE;

  if (result != NULL)
    {
      result->unchanged = FALSE;
      result->version_id = writer->version_id;
      result->previous_version_id = current ? current->id : 0;
      g_free (result->source);
      result->source = g_strdup (writer->source);
      g_free (result->file_name);
      result->file_name = g_strdup (writer->file_name);
      g_free (result->sha256);
      result->sha256 = g_strdup (writer->sha256);
      g_free (result->format);
      result->format = g_strdup (writer->format);
      g_free (result->publication_date);
      result->publication_date = g_strdup (writer->publication_date);
      result->records = writer->records;
      result->names = writer->names;
      g_clear_pointer (&result->counts, g_ptr_array_unref);
      result->counts = g_steal_pointer (&counts);
      g_clear_pointer (&result->warnings, g_ptr_array_unref);
      result->warnings = strings_copy (writer->warnings);
      result->added = writer->records;
      result->removed = result->changed = 0;

      if (current != NULL &&
          !diff_locked (self, current->id, writer->version_id, NULL,
                        &result->added, &result->removed, &result->changed, error))
        return FALSE;
    }

  /* review: every list import lands in the audit trail, in this transaction */
  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) after = NULL;

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "version_id");
    json_builder_add_int_value (b, writer->version_id);
    json_builder_set_member_name (b, "previous_version_id");
    json_builder_add_int_value (b, current ? current->id : 0);
    json_builder_set_member_name (b, "file");
    json_builder_add_string_value (b, writer->file_name);
    json_builder_set_member_name (b, "sha256");
    json_builder_add_string_value (b, writer->sha256);
    json_builder_set_member_name (b, "records");
    json_builder_add_int_value (b, (gint64) writer->records);
    json_builder_end_object (b);
    after = json_builder_get_root (b);
    if (clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_LIST_IMPORT, "list", writer->source, 0,
                                         NULL, after, error) == 0)
      return FALSE;
  }

  g_clear_pointer (&writer->insert, sqlite3_finalize);
  return _clr_store_commit (self, error);
}

gboolean
clr_list_writer_commit (ClrListWriter        *writer,
                        gboolean              force,
                        ClrListImportResult  *result,
                        GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);

  if (!writer->active)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The list version for %s is already finished"), writer->file_name);
      return FALSE;
    }

  ok = writer_commit_locked (writer, force, result, error);
  writer_finish (writer, !ok);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* For the import                                                          */

/* Lock not held. The current version whose hash is @sha256 (of @source when
 * given), or NULL. */
ClrListVersion *
_clr_store_find_current_with_hash (ClrStore    *self,
                        const char  *source,
                        const char  *sha256,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ClrListVersion *version = NULL;
  int rc;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             "SELECT " VERSION_COLUMNS " FROM list_version "
                             "WHERE status = 'current' AND sha256 = ?1 AND (source = ?2 OR (?2 IS NULL AND "
                             "source IN (SELECT id FROM list_source WHERE custom = 0))) "
                             "ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = version_from_row (self, stmt, error);
  else if (rc != SQLITE_DONE)
    _clr_store_set_error (self, error, _("Reading list versions"));

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _clr_store_unlock (self);
  return version;
}

gboolean
_clr_list_writer_mark_without_tls (ClrListWriter  *writer,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (writer != NULL && writer->active, FALSE);

  /* In the writer's transaction: the mark commits with the version. */
  stmt = _clr_store_prepare (writer->store, "UPDATE list_version SET fetched_without_tls = 1 WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->version_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (writer->store, error, _("Creating a list version"));
      return FALSE;
    }

  return TRUE;
}

void
_clr_list_writer_set_file_info (ClrListWriter *writer,
                                const char    *source,
                                const char    *sha256,
                                const char    *publication_date,
                                const char    *format)
{
  g_return_if_fail (writer != NULL);

  if (source != NULL)
    {
      g_free (writer->source);
      writer->source = g_strdup (source);
    }
  if (sha256 != NULL)
    {
      g_free (writer->sha256);
      writer->sha256 = g_strdup (sha256);
    }
  g_free (writer->publication_date);
  writer->publication_date = g_strdup (publication_date);
  g_free (writer->format);
  writer->format = g_strdup (format);
}
