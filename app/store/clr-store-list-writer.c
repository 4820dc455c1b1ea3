/* clr-store-list-writer.c — writing a new list version (ClrListWriter)
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
#include "clr-store-json-private.h"
#include "clr-store-private.h"


/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

struct _ClrListWriter
{
  ClrStore     *store;
  gboolean      active;      /* lock held, transaction open */
  ClrListVersion *version;  /* the version being written: its id, file, counts so far and warnings */
  ClrDbStmt    *insert;
  GHashTable   *counts;      /* list code → ClrListCount */
  GHashTable   *keys;        /* entry keys given out in this version */
  JsonGenerator *generator;
};

static void
writer_finish (ClrListWriter *writer,
               gboolean       rollback)
{
  if (!writer->active)
    return;

  g_clear_pointer (&writer->insert, clr_db_stmt_free);
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
  g_clear_pointer (&writer->version, clr_list_version_unref);
  g_clear_pointer (&writer->counts, g_hash_table_unref);
  g_clear_pointer (&writer->keys, g_hash_table_unref);
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
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (!_clr_store_lists_check_open (self, error))
    return NULL;

  writer = g_new0 (ClrListWriter, 1);
  writer->store = g_object_ref (self);
  writer->version = _clr_list_version_new ();
  writer->version->source = g_strdup (source);
  writer->version->file_name = g_strdup (file_name);
  writer->version->sha256 = g_strdup (sha256);
  writer->version->publication_date = g_strdup (publication_date);
  writer->version->format = g_strdup (format);
  writer->counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) clr_list_count_free);
  writer->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
                             "VALUES (?, ?, '', ?, 'superseded') RETURNING id",
                             error);
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_text (stmt, 1, source ? source : "");
  clr_db_stmt_bind_text (stmt, 2, file_name);
  clr_db_stmt_bind_text (stmt, 3, now);
  writer->version->id = _clr_store_step_returning_id (self, stmt, _("Creating a list version"), error);
  if (writer->version->id <= 0)
    return NULL;

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
  g_autoptr(ClrDbStmt) stmt = NULL;

  stmt = _clr_store_prepare (self, "SELECT entry_key FROM list_entry WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_int64 (stmt, 1, row);
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
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
  ClrDbStmt *stmt;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!writer->active)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The list version for %s is already finished"), writer->version->file_name);
      return FALSE;
    }

  if (is_blank (entry->list_code) || is_blank (entry->name))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s:%" PRId64 ": the record has no %s"),
                   writer->version->file_name, entry->source_line,
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
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_int64 (stmt, 1, writer->version->id);
  clr_db_stmt_bind_text (stmt, 2, key);
  clr_db_stmt_bind_text (stmt, 3, name_key);
  clr_db_stmt_bind_text (stmt, 4, entry->list_code);
  clr_db_stmt_bind_text (stmt, 5, entry->name);
  clr_db_stmt_bind_text (stmt, 6, hash);
  clr_db_stmt_bind_text (stmt, 7, data);
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_DONE)
    {
      g_autoptr(GError) local_error = NULL;

      _clr_store_set_error (writer->store, &local_error, _("Storing a list entry"));
      g_set_error (error, local_error->domain, local_error->code, "%s:%" G_GINT64_FORMAT ": %s",
                   writer->version->file_name, entry->source_line, local_error->message);
      clr_db_stmt_reset (stmt);
      return FALSE;
    }
  clr_db_stmt_reset (stmt);
  clr_db_stmt_clear_bindings (stmt);

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
  writer->version->records++;
  writer->version->names += 1 + entry->aliases->len;

  return TRUE;
}

void
clr_list_writer_add_warning (ClrListWriter *writer,
                             const char    *warning)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (writer->version->warnings, g_strdup (warning));
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
    g_ptr_array_add (counts, _clr_list_count_copy (value));
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
  result->counts = _clr_counts_copy (version->counts);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  result->warnings = _clr_strings_copy (version->warnings);
}

/* Lock held. */
static gboolean
exec_bound (ClrStore    *self,
            const char  *sql,
            const char  *source,
            gint64       id,
            GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (source != NULL)
    clr_db_stmt_bind_text (stmt, 1, source);
  if (id != 0)
    clr_db_stmt_bind_int64 (stmt, 2, id);
  if (!_clr_store_step_done (self, stmt, _("Switching list versions"), error))
    return FALSE;
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
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) warnings_node = NULL;
  g_autofree char *warnings_json = NULL;

  if (is_blank (writer->version->source))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: cannot tell which list source this file belongs to"), writer->version->file_name);
      return FALSE;
    }

  if (writer->version->records == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: the file contains no list entries"), writer->version->file_name);
      return FALSE;
    }

  current = _clr_store_get_current_version_locked (self, writer->version->source, &local_error);
  if (current == NULL && !g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current != NULL && g_strcmp0 (current->sha256, writer->version->sha256) == 0)
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
                         writer->version->file_name, old_count->list_code, writer->version->source,
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

      clr_db_stmt_reset (stmt);
      clr_db_stmt_bind_int64 (stmt, 1, writer->version->id);
      clr_db_stmt_bind_text (stmt, 2, count->list_code);
      clr_db_stmt_bind_text (stmt, 3, count->list_name);
      clr_db_stmt_bind_int64 (stmt, 4, (gint64) count->records);
      clr_db_stmt_bind_int64 (stmt, 5, (gint64) count->names);
      if (!_clr_store_step_done (self, stmt, _("Storing list counts"), error))
        return FALSE;
    }
  g_clear_pointer (&stmt, clr_db_stmt_free);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < writer->version->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (writer->version->warnings, i));
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
  clr_db_stmt_bind_text (stmt, 1, writer->version->source);
  clr_db_stmt_bind_text (stmt, 2, writer->version->sha256 ? writer->version->sha256 : "");
  clr_db_stmt_bind_text (stmt, 3, writer->version->publication_date);
  clr_db_stmt_bind_text (stmt, 4, writer->version->format);
  clr_db_stmt_bind_int64 (stmt, 5, (gint64) writer->version->records);
  clr_db_stmt_bind_int64 (stmt, 6, (gint64) writer->version->names);
  clr_db_stmt_bind_text (stmt, 7, warnings_json);
  clr_db_stmt_bind_int64 (stmt, 8, writer->version->id);
  if (!_clr_store_step_done (self, stmt, _("Storing a list version"), error))
    return FALSE;
  g_clear_pointer (&stmt, clr_db_stmt_free);

  /* previous → superseded, current → previous, new → current. */
  if (!exec_bound (self, "UPDATE list_version SET status = 'superseded' "
                   "WHERE source = ?1 AND status = 'previous' AND id != ?2",
                   writer->version->source, writer->version->id, error) ||
      !exec_bound (self, "UPDATE list_version SET status = 'previous' "
                   "WHERE source = ?1 AND status = 'current' AND id != ?2",
                   writer->version->source, writer->version->id, error) ||
      !exec_bound (self, "UPDATE list_version SET status = 'current' WHERE id = ?2",
                   NULL, writer->version->id, error))
    return FALSE;

  /* Keep entries of the current and previous versions only: older ones
   * keep their summary row and counts (the history), not their entries. */
  if (!exec_bound (self, "DELETE FROM list_entry WHERE version_id IN "
                   "(SELECT id FROM list_version WHERE source = ?1 AND status = 'superseded' "
                   "AND pruned = 0 AND id != ?2)",
                   writer->version->source, writer->version->id, error) ||
      !exec_bound (self, "UPDATE list_version SET pruned = 1 "
                   "WHERE source = ?1 AND status = 'superseded' AND id != ?2",
                   writer->version->source, writer->version->id, error))
    return FALSE;

  if (result != NULL)
    {
      result->unchanged = FALSE;
      result->version_id = writer->version->id;
      result->previous_version_id = current ? current->id : 0;
      g_ptr_array_unref (writer->version->counts);
      writer->version->counts = g_steal_pointer (&counts);
      clr_list_import_result_fill_from_version (result, writer->version);
      result->added = writer->version->records;
      result->removed = result->changed = 0;

      if (current != NULL &&
          !_clr_store_diff_locked (self, current->id, writer->version->id, NULL,
                        &result->added, &result->removed, &result->changed, error))
        return FALSE;
    }

  /* review: every list import lands in the audit trail, in this transaction */
  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) after = NULL;

    json_builder_begin_object (b);
    clr_json_add_int (b, "version_id", writer->version->id);
    clr_json_add_int (b, "previous_version_id", current ? current->id : 0);
    json_builder_set_member_name (b, "file");
    json_builder_add_string_value (b, writer->version->file_name);
    json_builder_set_member_name (b, "sha256");
    json_builder_add_string_value (b, writer->version->sha256);
    clr_json_add_int (b, "records", (gint64) writer->version->records);
    json_builder_end_object (b);
    after = json_builder_get_root (b);
    if (clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_LIST_IMPORT, "list", writer->version->source, 0,
                                         NULL, after, error) == 0)
      return FALSE;
  }

  g_clear_pointer (&writer->insert, clr_db_stmt_free);
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
                   _("The list version for %s is already finished"), writer->version->file_name);
      return FALSE;
    }

  ok = writer_commit_locked (writer, force, result, error);
  writer_finish (writer, !ok);
  return ok;
}

gboolean
_clr_list_writer_mark_without_tls (ClrListWriter  *writer,
                                   GError        **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;

  g_return_val_if_fail (writer != NULL && writer->active, FALSE);

  /* In the writer's transaction: the mark commits with the version. */
  stmt = _clr_store_prepare (writer->store, "UPDATE list_version SET fetched_without_tls = 1 WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (stmt, 1, writer->version->id);
  if (!_clr_store_step_done (writer->store, stmt, _("Creating a list version"), error))
    return FALSE;

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
      g_free (writer->version->source);
      writer->version->source = g_strdup (source);
    }
  if (sha256 != NULL)
    {
      g_free (writer->version->sha256);
      writer->version->sha256 = g_strdup (sha256);
    }
  g_free (writer->version->publication_date);
  writer->version->publication_date = g_strdup (publication_date);
  g_free (writer->version->format);
  writer->version->format = g_strdup (format);
}
