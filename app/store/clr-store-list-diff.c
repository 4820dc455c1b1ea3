/* clr-store-list-diff.c — what changed between two versions of a list
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
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (rows, diff_row_clear);

  stmt = _clr_store_prepare (self,
                             "SELECT id, entry_key, name_key, content_hash, list_code, name "
                             "FROM list_entry WHERE version_id = ? ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_int64 (stmt, 1, version_id);

  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      DiffRow row = { 0 };

      row.id = clr_db_stmt_column_int64 (stmt, 0);
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

  if (rc != CLR_DB_STEP_DONE)
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
               ClrDbStmt     *stmt,
               gint64         id,
               ClrEntry     **entry,
               GError       **error)
{
  clr_db_stmt_reset (stmt);
  clr_db_stmt_bind_int64 (stmt, 1, id);
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (self, error, _("Reading a list entry"));
      clr_db_stmt_reset (stmt);
      return FALSE;
    }

  *entry = _clr_entry_from_text (clr_db_stmt_column_text (stmt, 0), id, error);
  clr_db_stmt_reset (stmt);
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
             ClrDbStmt          *stmt,
             ClrListChangeKind   kind,
             DiffRow            *old_row,
             DiffRow            *new_row,
             GError            **error)
{
  g_autoptr(ClrListChange) change = g_new0 (ClrListChange, 1);
  g_autoptr(ClrEntry) old_entry = NULL;
  g_autoptr(ClrEntry) new_entry = NULL;
  DiffRow *main_row = new_row ? new_row : old_row;

  change->ref_count = 1;
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
gboolean
_clr_store_diff_locked (ClrStore   *self,
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
  g_autoptr(ClrDbStmt) data_stmt = NULL;
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
  g_autoptr(ClrDbStmt) stmt = _clr_store_get_row (self, "SELECT source, pruned FROM list_version WHERE id = ?",
                                                  version_id, _("Reading a list version"), error,
                                                  _("No list version %" PRId64 " in the database"), version_id);

  if (stmt == NULL)
    return FALSE;
  if ((int) clr_db_stmt_column_int64 (stmt, 1) != 0)
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
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_change_unref);
  g_autofree char *old_source = NULL;
  g_autofree char *new_source = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;
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
  ok = _clr_store_diff_locked (self, old_version, new_version, changes, NULL, NULL, NULL, error);

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
  g_autoptr(ClrDbStmt) stmt = NULL;
  gint64 ids[2] = { 0, 0 };
  guint n = 0;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  stmt = _clr_store_prepare (self,
                             "SELECT id FROM list_version WHERE source = ? AND status IN ('current', 'previous') "
                             "ORDER BY CASE status WHEN 'current' THEN 0 ELSE 1 END",
                             error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return NULL;
    }
  clr_db_stmt_bind_text (stmt, 1, source);
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW && n < 2)
    ids[n++] = clr_db_stmt_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, clr_db_stmt_free);
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
