/* clr-store-lists.c — reading versioned restricted-party lists from the store
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
/* Reading                                                                 */

ClrEntry *
_clr_entry_from_text (const char  *text,
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
                   _("The database %s is not open"), clr_store_get_display_path (self));
      return FALSE;
    }
  return TRUE;
}

gboolean
_clr_store_lists_lock (ClrStore  *self,
                       GError   **error)
{
  if (!_clr_store_lists_check_open (self, error))
    return FALSE;
  _clr_store_lock (self);
  return TRUE;
}

gboolean
clr_store_foreach_current_entry (ClrStore           *self,
                                 const char         *source,
                                 ClrStoreEntryFunc   func,
                                 gpointer            user_data,
                                 GError            **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!_clr_store_lists_lock (self, error))
    return FALSE;

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
  clr_db_stmt_bind_text (stmt, 1, source);

  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      gint64 id = clr_db_stmt_column_int64 (stmt, 0);
      g_autoptr(ClrEntry) entry = _clr_entry_from_text (clr_db_stmt_column_text (stmt, 1), id, error);

      if (entry == NULL)
        {
          ok = FALSE;
          goto out;
        }
      if (!func (id, entry, user_data))
        goto out;
    }

  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading list entries"));
      ok = FALSE;
    }

out:
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);
  return ok;
}

ClrEntry *
clr_store_get_entry (ClrStore  *self,
                     gint64     entry_id,
                     GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrEntry *entry = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;

  stmt = _clr_store_get_row (self, "SELECT data FROM list_entry WHERE id = ?", entry_id, _("Reading a list entry"),
                             error, _("No list entry %" PRId64 " in the database"), entry_id);
  if (stmt != NULL)
    entry = _clr_entry_from_text (clr_db_stmt_column_text (stmt, 0), entry_id, error);
  g_clear_pointer (&stmt, clr_db_stmt_free);
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
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  stmt = _clr_store_prepare (self,
                             "SELECT list_code, list_name, records, names FROM list_count "
                             "WHERE version_id = ? ORDER BY list_code",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (stmt, 1, version_id);

  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      ClrListCount *count = g_new0 (ClrListCount, 1);

      count->list_code = _clr_stmt_dup_text (stmt, 0);
      count->list_name = _clr_stmt_dup_text (stmt, 1);
      count->records = (guint64) clr_db_stmt_column_int64 (stmt, 2);
      count->names = (guint64) clr_db_stmt_column_int64 (stmt, 3);
      g_ptr_array_add (counts, count);
    }

  if (rc != CLR_DB_STEP_DONE)
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


/* Lock held. */
static ClrListVersion *
version_from_row (ClrStore      *self,
                  ClrDbStmt     *stmt,
                  GError       **error)
{
  g_autoptr(ClrListVersion) version = _clr_list_version_new ();

  _clr_store_read_columns (version, _clr_list_version_columns, CLR_LIST_VERSION_N_COLUMNS, stmt);
  parse_warnings (clr_db_stmt_column_text (stmt, 11), version->warnings);

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
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_list_version_unref);
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT " CLR_LIST_VERSION_COLUMNS " FROM list_version WHERE %s "
                                          "ORDER BY source, id DESC", where);
  int rc;

  stmt = _clr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_text (stmt, 1, source);

  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      ClrListVersion *version = version_from_row (self, stmt, error);

      if (version == NULL)
        return NULL;
      g_ptr_array_add (versions, version);
    }

  if (rc != CLR_DB_STEP_DONE)
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

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  versions = query_versions (self, "(?1 IS NULL OR source = ?1)", source, error);
  _clr_store_unlock (self);

  return versions;
}

/* Lock held. */
ClrListVersion *
_clr_store_get_current_version_locked (ClrStore    *self,
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

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  version = _clr_store_get_current_version_locked (self, source, error);
  _clr_store_unlock (self);

  return version;
}

GStrv
clr_store_list_loaded_sources (ClrStore  *self,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(ClrDbStmt) stmt = NULL;
  GStrv result = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  stmt = _clr_store_prepare (self, "SELECT DISTINCT source FROM list_version ORDER BY source", error);
  if (stmt == NULL)
    goto out;

  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    g_strv_builder_add (builder, clr_db_stmt_column_text (stmt, 0));

  if (rc != CLR_DB_STEP_DONE)
    _clr_store_set_error (self, error, _("Reading list sources"));
  else
    result = g_strv_builder_end (builder);

out:
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);
  return result;
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
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrListVersion *version = NULL;
  int rc;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             "SELECT " CLR_LIST_VERSION_COLUMNS " FROM list_version "
                             "WHERE status = 'current' AND sha256 = ?1 AND (source = ?2 OR (?2 IS NULL AND "
                             "source IN (SELECT id FROM list_source WHERE custom = 0))) "
                             "ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    goto out;
  clr_db_stmt_bind_text (stmt, 1, sha256);
  clr_db_stmt_bind_text (stmt, 2, source);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    version = version_from_row (self, stmt, error);
  else if (rc != CLR_DB_STEP_DONE)
    _clr_store_set_error (self, error, _("Reading list versions"));

out:
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);
  return version;
}
