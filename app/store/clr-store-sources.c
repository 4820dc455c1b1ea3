/* clr-store-sources.c — configured list sources and their freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-list-catalog.h"
#include "clr-store-lists-private.h"
#include "clr-store-private.h"
#include "clr-json.h"
#include "clr-store-sources.h"

G_DEFINE_BOXED_TYPE (ClrListSource, clr_list_source, clr_list_source_copy, clr_list_source_free)

const char *
clr_source_freshness_to_string (ClrSourceFreshness freshness)
{
  switch (freshness)
    {
    case CLR_SOURCE_FRESHNESS_NEVER_LOADED:
      return "never-loaded";
    case CLR_SOURCE_FRESHNESS_CURRENT:
      return "current";
    case CLR_SOURCE_FRESHNESS_STALE:
      return "stale";
    default:
      return NULL;
    }
}

#define SOURCE_COLUMNS \
  "id, label, url, info_url, format, enabled, custom, etag, last_modified, " \
  "validator_url, last_checked, last_success, last_error"

/* The columns of SOURCE_COLUMNS: every member. */
static const ClrStoreColumn source_columns[] = {
  CLR_STORE_COLUMN (TEXT, ClrListSource, id),
  CLR_STORE_COLUMN (TEXT, ClrListSource, label),
  CLR_STORE_COLUMN (TEXT, ClrListSource, url),
  CLR_STORE_COLUMN (TEXT, ClrListSource, info_url),
  CLR_STORE_COLUMN (TEXT, ClrListSource, format),
  CLR_STORE_COLUMN (BOOLEAN, ClrListSource, enabled),
  CLR_STORE_COLUMN (BOOLEAN, ClrListSource, custom),
  CLR_STORE_COLUMN (TEXT, ClrListSource, etag),
  CLR_STORE_COLUMN (TEXT, ClrListSource, last_modified),
  CLR_STORE_COLUMN (TEXT, ClrListSource, validator_url),
  CLR_STORE_COLUMN (TEXT, ClrListSource, last_checked),
  CLR_STORE_COLUMN (TEXT, ClrListSource, last_success),
  CLR_STORE_COLUMN (TEXT, ClrListSource, last_error),
};

ClrListSource *
clr_list_source_copy (const ClrListSource *source)
{
  ClrListSource *copy;

  g_return_val_if_fail (source != NULL, NULL);

  copy = g_new0 (ClrListSource, 1);
  _clr_store_copy_columns (copy, source, source_columns, G_N_ELEMENTS (source_columns));
  return copy;
}

void
clr_list_source_free (ClrListSource *source)
{
  _clr_store_free_columns (source, source_columns, G_N_ELEMENTS (source_columns));
}

static ClrListSource *
source_from_row (ClrDbStmt *stmt)
{
  ClrListSource *source = g_new0 (ClrListSource, 1);

  _clr_store_read_columns (source, source_columns, G_N_ELEMENTS (source_columns), stmt);
  return source;
}

GPtrArray *
clr_store_list_sources (ClrStore  *self,
                        GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  GPtrArray *sources;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  stmt = _clr_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM list_source ORDER BY custom, position, id",
                             error);
  sources = _clr_store_collect_rows (self, stmt, (ClrStoreRowFunc) source_from_row,
                                     (GDestroyNotify) clr_list_source_free, _("Reading list sources"), error);
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);
  return sources;
}

ClrListSource *
clr_store_get_source (ClrStore    *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrListSource *source = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_clr_store_lists_lock (self, error))
    return NULL;
  stmt = _clr_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM list_source WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  clr_db_stmt_bind_text (stmt, 1, id);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    source = source_from_row (stmt);
  else if (rc == CLR_DB_STEP_DONE)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                 _("There is no list source “%s”"), id);
  else
    _clr_store_set_error (self, error, _("Reading list sources"));

out:
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);
  return source;
}

static gboolean
valid_source_id (const char *id)
{
  size_t len = id ? strlen (id) : 0;

  if (len == 0 || len > 32 || id[0] == '-')
    return FALSE;
  for (size_t i = 0; i < len; i++)
    if (!(g_ascii_islower (id[i]) || g_ascii_isdigit (id[i]) || id[i] == '-'))
      return FALSE;
  return TRUE;
}

/* Runs one statement with text parameters (NULL binds NULL); returns the
 * number of changed rows, or -1 on error. */
static int
run_statement (ClrStore    *self,
               const char  *sql,
               const char  *what,
               GError     **error,
               guint        n_params,
               ...)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, sql, error);
  va_list args;

  if (stmt == NULL)
    return -1;

  va_start (args, n_params);
  for (guint i = 0; i < n_params; i++)
    clr_db_stmt_bind_text (stmt, (int) i + 1, va_arg (args, const char *));
  va_end (args);

  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return -1;
    }
  return clr_db_changes (_clr_store_get_db (self));
}

/* Whether the row of built-in @source already says what the catalogue says
 * (or the id belongs to a custom source, which the catalogue never changes). */
static gboolean
builtin_row_current (ClrStore                *self,
                     const ClrBuiltinSource  *source,
                     gboolean                *current,
                     GError                 **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  stmt = _clr_store_prepare (self,
                             "SELECT custom, label IS ?2 AND url IS ?3 AND info_url IS ?4 "
                             "AND format IS ?5 AND position = ?6 FROM list_source WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, source->id);
  clr_db_stmt_bind_text (stmt, 2, source->label);
  clr_db_stmt_bind_text (stmt, 3, source->url);
  clr_db_stmt_bind_text (stmt, 4, source->info_url);
  clr_db_stmt_bind_text (stmt, 5, source->format);
  clr_db_stmt_bind_int64 (stmt, 6, source->position);

  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    *current = (int) clr_db_stmt_column_int64 (stmt, 0) != 0 || (int) clr_db_stmt_column_int64 (stmt, 1) != 0;
  else if (rc == CLR_DB_STEP_DONE)
    *current = FALSE;
  else
    {
      _clr_store_set_error (self, error, _("Reading list sources"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
upsert_builtin (ClrStore                *self,
                const ClrBuiltinSource  *source,
                GError                 **error)
{
  g_autofree char *position = g_strdup_printf ("%d", source->position);

  /* Enabled, the validators and the freshness times are the user's. */
  return run_statement (self,
                        "INSERT INTO list_source (id, label, url, info_url, format, position) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, CAST (?6 AS INTEGER)) "
                        "ON CONFLICT (id) DO UPDATE SET label = excluded.label, url = excluded.url, "
                        "info_url = excluded.info_url, format = excluded.format, "
                        "position = excluded.position WHERE list_source.custom = 0",
                        _("Updating the built-in list sources"), error, 6,
                        source->id, source->label, source->url, source->info_url,
                        source->format, position) >= 0;
}

/* Called with the lock held, right after the migrations: the built-in rows
 * of list_source come from the list catalogue (data/lists/lists.json), the
 * one home of their addresses. Writes only when a row differs. */
gboolean
_clr_store_seed_builtin_sources (ClrStore  *self,
                                 GError   **error)
{
  GPtrArray *sources = clr_list_catalog_get_sources (clr_list_catalog_get_default ());
  gboolean current = TRUE;

  for (guint i = 0; i < sources->len && current; i++)
    if (!builtin_row_current (self, g_ptr_array_index (sources, i), &current, error))
      return FALSE;
  if (current)
    return TRUE;

  if (!_clr_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    if (!upsert_builtin (self, g_ptr_array_index (sources, i), error))
      {
        _clr_store_rollback (self);
        return FALSE;
      }
  return _clr_store_commit (self, error);
}

gboolean
clr_store_add_custom_source (ClrStore    *self,
                             const char  *id,
                             const char  *label,
                             const char  *url,
                             GError     **error)
{
  int changed;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!valid_source_id (id))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("“%s” is not a valid source id: use 1 to 32 lower-case letters, digits and dashes"),
                   id ? id : "");
      return FALSE;
    }
  if (label == NULL || *label == '\0')
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The custom source “%s” needs a label"), id);
      return FALSE;
    }
  if (url != NULL && *url != '\0' &&
      !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The address “%s” of source “%s” is not an http or https URL"), url, id);
      return FALSE;
    }

  if (!_clr_store_lists_lock (self, error))
    return FALSE;
  changed = run_statement (self,
                           "INSERT INTO list_source (id, label, url, format, custom, position) "
                           "VALUES (?1, ?2, ?3, 'csl-csv', 1, 1000) ON CONFLICT DO NOTHING",
                           _("Adding a list source"), error, 3,
                           id, label, (url && *url) ? url : NULL);
  _clr_store_unlock (self);

  if (changed == 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("There is already a list source “%s”"), id);
      return FALSE;
    }
  return changed > 0;
}

gboolean
clr_store_remove_custom_source (ClrStore    *self,
                                const char  *id,
                                GError     **error)
{
  g_autoptr(ClrListSource) source = NULL;
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  source = clr_store_get_source (self, id, error);
  if (source == NULL)
    return FALSE;
  if (!source->custom)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("“%s” is a built-in list source: it can be disabled, not removed"), id);
      return FALSE;
    }

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  ok = run_statement (self, "DELETE FROM list_version WHERE source = ?1",
                      _("Removing a list source"), error, 1, id) >= 0 &&
       run_statement (self, "DELETE FROM list_source WHERE id = ?1",
                      _("Removing a list source"), error, 1, id) >= 0;
  return _clr_store_write_end (self, ok, error);
}

gboolean
clr_store_set_source_enabled (ClrStore    *self,
                              const char  *id,
                              gboolean     enabled,
                              GError     **error)
{
  int changed;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_clr_store_lists_lock (self, error))
    return FALSE;
  changed = run_statement (self, "UPDATE list_source SET enabled = ?2 WHERE id = ?1",
                           _("Changing a list source"), error, 2, id, enabled ? "1" : "0");
  _clr_store_unlock (self);

  if (changed == 0)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                 _("There is no list source “%s”"), id);
  return changed > 0;
}

gboolean
clr_store_record_source_check (ClrStore    *self,
                               const char  *id,
                               const char  *url,
                               const char  *etag,
                               const char  *last_modified,
                               const char  *error_message,
                               GError     **error)
{
  g_autofree char *now = _clr_store_now_iso ();
  int changed;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_clr_store_lists_lock (self, error))
    return FALSE;
  if (error_message != NULL)
    changed = run_statement (self,
                             "UPDATE list_source SET last_checked = ?2, last_error = ?3 WHERE id = ?1",
                             _("Recording a list update"), error, 3, id, now, error_message);
  else if (url != NULL)
    changed = run_statement (self,
                             "UPDATE list_source SET last_checked = ?2, last_success = ?2, last_error = NULL, "
                             "validator_url = ?3, etag = ?4, last_modified = ?5 WHERE id = ?1",
                             _("Recording a list update"), error, 5, id, now, url, etag, last_modified);
  else
    changed = run_statement (self,
                             "UPDATE list_source SET last_checked = ?2, last_success = ?2, last_error = NULL "
                             "WHERE id = ?1",
                             _("Recording a list update"), error, 2, id, now);
  _clr_store_unlock (self);

  if (changed == 0)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                 _("There is no list source “%s”"), id);
  return changed > 0;
}

static GDateTime *
parse_iso (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

ClrSourceFreshness
clr_store_get_source_freshness (ClrStore         *self,
                                const char       *id,
                                guint             stale_days,
                                GDateTime        *now,
                                ClrListVersion  **current,
                                GError          **error)
{
  g_autoptr(ClrListVersion) version = NULL;
  g_autoptr(ClrListSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GDateTime) confirmed = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GDateTime *since;

  g_return_val_if_fail (CLR_IS_STORE (self), CLR_SOURCE_FRESHNESS_NEVER_LOADED);
  g_return_val_if_fail (id != NULL, CLR_SOURCE_FRESHNESS_NEVER_LOADED);

  if (current != NULL)
    *current = NULL;

  version = clr_store_get_current_version (self, id, &local_error);
  if (version == NULL)
    {
      if (!g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return CLR_SOURCE_FRESHNESS_NEVER_LOADED;
    }

  /* A source without a configuration row (imported under another name)
   * simply has no check dates. */
  source = clr_store_get_source (self, id, NULL);

  imported = parse_iso (version->imported_at);
  confirmed = source ? parse_iso (source->last_success) : NULL;
  since = imported;
  if (confirmed != NULL && (since == NULL || g_date_time_compare (confirmed, since) > 0))
    since = confirmed;

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  if (current != NULL)
    *current = g_steal_pointer (&version);

  if (since == NULL ||
      g_date_time_difference (now, since) > (GTimeSpan) stale_days * G_TIME_SPAN_DAY)
    return CLR_SOURCE_FRESHNESS_STALE;

  return CLR_SOURCE_FRESHNESS_CURRENT;
}

JsonNode *
clr_store_source_to_json (ClrStore             *self,
                          const ClrListSource  *source,
                          guint                 stale_days,
                          GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(ClrListVersion) current = NULL;
  g_autoptr(GError) local_error = NULL;
  ClrSourceFreshness freshness;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  freshness = clr_store_get_source_freshness (self, source->id, stale_days, NULL, &current, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "id", source->id);
  clr_json_add_string (builder, "label", source->label);
  clr_json_add_string (builder, "url", source->url);
  clr_json_add_string (builder, "info_url", source->info_url);
  clr_json_add_string (builder, "format", source->format);
  clr_json_add_boolean (builder, "enabled", source->enabled);
  clr_json_add_boolean (builder, "custom", source->custom);
  clr_json_add_string (builder, "freshness", clr_source_freshness_to_string (freshness));
  clr_json_add_string (builder, "last_checked", source->last_checked);
  clr_json_add_string (builder, "last_success", source->last_success);
  clr_json_add_string (builder, "last_error", source->last_error);
  clr_json_add_string (builder, "etag", source->etag);
  clr_json_add_string (builder, "last_modified", source->last_modified);
  clr_json_add_node (builder, "current", current != NULL ? clr_list_version_to_json (current) : NULL);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
