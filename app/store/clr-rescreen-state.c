/* clr-rescreen-state.c — what a re-screen covers: the list updates since the
 * last run, and the marker that lets an interrupted run resume
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-rescreen-private.h"
#include "clr-store-audit.h"
#include "clr-store-private.h"

/* ---- what changed ---- */

void
_clr_rescreen_source_update_free (SourceUpdate *update)
{
  g_free (update->source);
  g_clear_pointer (&update->changes, g_ptr_array_unref);
  g_free (update);
}

static gint64
last_rescreened_version (ClrStore    *store,
                         const char  *source,
                         GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  gint64 version = -1;
  int rc;

  _clr_store_lock (store);
  stmt = _clr_store_prepare (store, "SELECT version_id FROM rescreen_state WHERE source = ?", error);
  if (stmt != NULL)
    {
      clr_db_stmt_bind_text (stmt, 1, source);
      rc = clr_db_stmt_step (stmt);
      if (rc == CLR_DB_STEP_ROW)
        version = clr_db_stmt_column_int64 (stmt, 0);
      else if (rc == CLR_DB_STEP_DONE)
        version = 0;
      else
        _clr_store_set_error (store, error, _("Reading the re-screening state"));
    }
  _clr_store_unlock (store);

  return version;
}

/* The updates since the last re-screen, one per source with a new version. */
GPtrArray *
_clr_rescreen_collect_updates (ClrStore  *store,
                               GError   **error)
{
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func ((GDestroyNotify) _clr_rescreen_source_update_free);
  g_auto(GStrv) sources = NULL;

  sources = clr_store_list_loaded_sources (store, error);
  if (sources == NULL)
    return NULL;

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(ClrListVersion) current = NULL;
      g_autoptr(GError) local_error = NULL;
      SourceUpdate *update;
      gint64 last;

      current = clr_store_get_current_version (store, sources[i], &local_error);
      if (current == NULL)
        {
          if (g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      last = last_rescreened_version (store, sources[i], error);
      if (last < 0)
        return NULL;
      if (last == current->id)
        continue;

      update = g_new0 (SourceUpdate, 1);
      update->source = g_strdup (sources[i]);
      update->version_id = current->id;
      g_ptr_array_add (updates, update);

      if (last > 0)
        update->changes = clr_store_diff_versions (store, last, current->id, &local_error);
      if (update->changes == NULL)
        {
          gint64 old_version = 0, new_version = 0;

          /* Never re-screened (or that version was pruned): what the latest
           * import changed. */
          g_clear_error (&local_error);
          update->changes = clr_store_diff_latest (store, sources[i], &old_version, &new_version,
                                                   &local_error);
          if (update->changes == NULL &&
              !g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* NULL here: the first version of the source; all of it is new. */
        }
    }

  return g_steal_pointer (&updates);
}

/* ---- an interrupted run ----
 *
 * A run commits in steps (one transaction per source, then the hits, then
 * _clr_rescreen_finish_run()); a kill between them leaves decisions reopened and hits
 * recorded but the run unfinished, and the next run, finding those items
 * already open, would report "0 decisions reopened". So a run first writes
 * a marker (meta key RUN_MARKER: when it started, and the last audit entry
 * and queue item before it); _clr_rescreen_finish_run() deletes it in its own
 * transaction. A run that finds the marker resumes: what was done since the
 * marker (review.reopen audit entries, queue items from re-screening,
 * removed entries counted in the marker) is added to its summary. */
#define RUN_MARKER "rescreen_in_progress"

static gint64
query_int (ClrStore    *store,
           const char  *sql,
           gint64       arg,
           GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  if (strchr (sql, '?') != NULL)
    clr_db_stmt_bind_int64 (stmt, 1, arg);
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (store, error, _("Reading the re-screening state"));
      return -1;
    }

  return clr_db_stmt_column_int64 (stmt, 0);
}

gboolean
_clr_rescreen_write_marker (ClrStore   *store,
                            RunMarker  *marker,
                            GError    **error)
{
  g_autofree char *value = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                            marker->started_at, marker->audit_id, marker->item_id,
                                            marker->removed_matched);

  return _clr_store_set_meta (store, RUN_MARKER, value, _("Saving the re-screening state"), error);
}

/* Reads the marker (TRUE in *found) or writes a new one; the caller holds
 * the lock inside a transaction. */
gboolean
_clr_rescreen_begin_marker (ClrStore   *store,
                            RunMarker  *marker,
                            gboolean   *found,
                            GError    **error)
{
  g_autofree char *value = NULL;

  *found = FALSE;
  if (!_clr_store_get_meta (store, RUN_MARKER, &value, _("Reading the re-screening state"), error))
    return FALSE;
  if (value != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, " ", -1);

      if (g_strv_length (parts) == 4)
        {
          marker->started_at = g_strdup (parts[0]);
          marker->audit_id = g_ascii_strtoll (parts[1], NULL, 10);
          marker->item_id = g_ascii_strtoll (parts[2], NULL, 10);
          marker->removed_matched = g_ascii_strtoll (parts[3], NULL, 10);
          *found = TRUE;
          return TRUE;
        }
    }

  marker->started_at = _clr_store_now_iso ();
  marker->audit_id = query_int (store, "SELECT coalesce(max(id), 0) FROM audit_log", 0, error);
  marker->item_id = query_int (store, "SELECT coalesce(max(id), 0) FROM review_items", 0, error);
  marker->removed_matched = 0;
  if (marker->audit_id < 0 || marker->item_id < 0)
    return FALSE;

  return _clr_rescreen_write_marker (store, marker, error);
}

/* What the interrupted run(s) since @marker did, added to @summary. */
gboolean
_clr_rescreen_count_resumed (ClrStore            *store,
                             RunMarker           *marker,
                             ClrRescreenSummary  *summary,
                             GError             **error)
{
  gint64 reopened, new_hits;

  reopened = query_int (store, "SELECT count(*) FROM audit_log WHERE id > ? AND action = '"
                        CLR_AUDIT_REVIEW_REOPEN "'", marker->audit_id, error);
  if (reopened < 0)
    return FALSE;
  new_hits = query_int (store, "SELECT count(*) FROM review_items WHERE id > ? AND origin = 'rescreen'",
                        marker->item_id, error);
  if (new_hits < 0)
    return FALSE;

  summary->reopened += (guint) reopened;
  summary->new_hits += (guint) new_hits;
  summary->removed_matched += (guint) marker->removed_matched;
  g_free (summary->resumed_from);
  summary->resumed_from = g_strdup (marker->started_at);

  return TRUE;
}

gboolean
_clr_rescreen_finish_run (ClrStore            *store,
                          GPtrArray           *updates,
                          ClrRescreenSummary  *summary,
                          GError             **error)
{
  g_autoptr(JsonNode) after = clr_rescreen_summary_to_json (summary);
  g_autofree char *now = _clr_store_now_iso ();
  g_autofree char *text = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(ClrDbStmt) run = NULL;

  json_generator_set_root (generator, after);
  text = json_generator_to_data (generator, NULL);

  if (!_clr_store_write_begin (store, error))
    return FALSE;

  for (guint i = 0; i < updates->len; i++)
    {
      SourceUpdate *update = g_ptr_array_index (updates, i);
      g_autoptr(ClrDbStmt) stmt = NULL;

      stmt = _clr_store_prepare (store,
                                 "INSERT INTO rescreen_state (source, version_id, at) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (source) DO UPDATE SET version_id = ?2, at = ?3", error);
      if (stmt == NULL)
        goto fail;
      clr_db_stmt_bind_text (stmt, 1, update->source);
      clr_db_stmt_bind_int64 (stmt, 2, update->version_id);
      clr_db_stmt_bind_text (stmt, 3, now);
      if (!_clr_store_step_done (store, stmt, _("Saving the re-screening state"), error))
        goto fail;
    }

  if (!_clr_store_exec (store, "DELETE FROM meta WHERE key = '" RUN_MARKER "'", error))
    goto fail;

  run = _clr_store_prepare (store, "INSERT INTO rescreen_runs (at, summary) VALUES (?, ?)", error);
  if (run == NULL)
    goto fail;
  clr_db_stmt_bind_text (run, 1, now);
  clr_db_stmt_bind_text (run, 2, text);
  if (!_clr_store_step_done (store, run, _("Saving the re-screening state"), error))
    goto fail;

  if (updates->len > 0 &&
      clr_store_audit_append_unlocked (store, NULL, CLR_AUDIT_RESCREEN, "lists", "rescreen", 0,
                                       NULL, after, error) == 0)
    goto fail;

  return _clr_store_write_end (store, TRUE, error);

fail:
  return _clr_store_write_end (store, FALSE, NULL);
}
