/* clr-db.c — the engine-neutral half of the connection API: dispatch,
 * failures and locations
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-db-private.h"

gboolean
clr_db_location_is_server (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

char *
clr_db_dup_display_location (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) params = NULL;

  if (!clr_db_location_is_server (location))
    return g_strdup (location);

  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    /* Not a URI GLib can read: show no more than the scheme. */
    return g_strndup (location, strchr (location, ':') - location + 3);

  /* The password never shows, whether in the user info or as ?password=…. */
  params = g_strsplit (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    if (*params[i] != '\0' && !g_str_has_prefix (params[i], "password="))
      g_string_append_printf (query, "%s%s", query->len > 0 ? "&" : "", params[i]);

  return g_uri_join_with_user (G_URI_FLAGS_ENCODED,
                               g_uri_get_scheme (uri), g_uri_get_user (uri), NULL, NULL,
                               g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                               query->len > 0 ? query->str : NULL, NULL);
}

void
_clr_db_set_failure (ClrDb        *db,
                     ClrDbFailure  failure,
                     const char   *message)
{
  db->failure = failure;
  g_free (db->message);
  db->message = g_strdup (message != NULL ? message : "");
  g_strchomp (db->message);
}

void
_clr_db_clear_failure (ClrDb *db)
{
  db->failure = CLR_DB_FAILURE_NONE;
  g_clear_pointer (&db->message, g_free);
}

ClrDb *
clr_db_open (const char *location,
             gboolean    read_only,
             int         busy_timeout_ms)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (clr_db_location_is_server (location))
    return _clr_db_postgresql_open (location, busy_timeout_ms);

  return _clr_db_sqlite_open (location, read_only, busy_timeout_ms);
}

void
clr_db_close (ClrDb    *db,
              gboolean  checkpoint)
{
  if (db == NULL)
    return;

  db->funcs->close (db, checkpoint);
  g_free (db->message);
  g_free (db);
}

gboolean
clr_db_is_connected (ClrDb *db)
{
  return db->connected;
}

ClrDbEngine
clr_db_get_engine (ClrDb *db)
{
  return db->funcs->engine;
}

ClrDbFailure
clr_db_get_failure (ClrDb *db)
{
  return db->failure;
}

const char *
clr_db_get_message (ClrDb *db)
{
  return db->message != NULL ? db->message : "";
}

gboolean
clr_db_exec (ClrDb      *db,
             const char *sql)
{
  return db->funcs->exec (db, sql);
}

ClrDbStmt *
clr_db_prepare (ClrDb      *db,
                const char *sql)
{
  return db->funcs->prepare (db, sql);
}

gint64
clr_db_changes (ClrDb *db)
{
  return db->changes;
}

gboolean
clr_db_in_transaction (ClrDb *db)
{
  return db->funcs->in_transaction (db);
}

gboolean
clr_db_begin_write (ClrDb *db)
{
  return db->funcs->begin_write (db);
}

gboolean
clr_db_commit (ClrDb *db)
{
  return db->funcs->exec (db, "COMMIT");
}

void
clr_db_rollback (ClrDb *db)
{
  ClrDbFailure failure = db->failure;
  g_autofree char *message = g_strdup (db->message);

  /* The failure that made the caller roll back stays the one reported. */
  if (db->connected && db->funcs->in_transaction (db))
    db->funcs->exec (db, "ROLLBACK");
  if (failure != CLR_DB_FAILURE_NONE)
    _clr_db_set_failure (db, failure, message);
}

gboolean
clr_db_notify (ClrDb      *db,
               const char *channel,
               const char *payload)
{
  return db->funcs->notify (db, channel, payload);
}

int
clr_db_get_schema_version (ClrDb *db)
{
  return db->funcs->get_schema_version (db);
}

gboolean
clr_db_set_schema_version (ClrDb *db,
                           int    version)
{
  return db->funcs->set_schema_version (db, version);
}

gboolean
clr_db_check_integrity (ClrDb  *db,
                        char  **problem)
{
  *problem = NULL;
  return db->funcs->check_integrity (db, problem);
}

gboolean
clr_db_sync_id_sequence (ClrDb      *db,
                         const char *table)
{
  return db->funcs->sync_id_sequence (db, table);
}

const char *
clr_db_get_migrations_dialect (ClrDb *db)
{
  return db->funcs->migrations_dialect;
}

void
clr_db_stmt_bind_text (ClrDbStmt  *stmt,
                       int         index,
                       const char *value)
{
  stmt->db->funcs->bind_text (stmt, index, value);
}

void
clr_db_stmt_bind_int64 (ClrDbStmt *stmt,
                        int        index,
                        gint64     value)
{
  stmt->db->funcs->bind_int64 (stmt, index, value);
}

void
clr_db_stmt_bind_double (ClrDbStmt *stmt,
                         int        index,
                         double     value)
{
  stmt->db->funcs->bind_double (stmt, index, value);
}

void
clr_db_stmt_bind_null (ClrDbStmt *stmt,
                       int        index)
{
  stmt->db->funcs->bind_null (stmt, index);
}

ClrDbStep
clr_db_stmt_step (ClrDbStmt *stmt)
{
  return stmt->db->funcs->step (stmt);
}

const char *
clr_db_stmt_column_text (ClrDbStmt *stmt,
                         int        column)
{
  return stmt->db->funcs->column_text (stmt, column);
}

gint64
clr_db_stmt_column_int64 (ClrDbStmt *stmt,
                          int        column)
{
  return stmt->db->funcs->column_int64 (stmt, column);
}

double
clr_db_stmt_column_double (ClrDbStmt *stmt,
                           int        column)
{
  return stmt->db->funcs->column_double (stmt, column);
}

gboolean
clr_db_stmt_column_is_null (ClrDbStmt *stmt,
                            int        column)
{
  return stmt->db->funcs->column_is_null (stmt, column);
}

int
clr_db_stmt_column_count (ClrDbStmt *stmt)
{
  return stmt->db->funcs->column_count (stmt);
}

const char *
clr_db_stmt_column_name (ClrDbStmt *stmt,
                         int        column)
{
  return stmt->db->funcs->column_name (stmt, column);
}

ClrDbColumnKind
clr_db_stmt_column_kind (ClrDbStmt *stmt,
                         int        column)
{
  return stmt->db->funcs->column_kind (stmt, column);
}

void
clr_db_stmt_reset (ClrDbStmt *stmt)
{
  stmt->db->funcs->reset (stmt);
}

void
clr_db_stmt_clear_bindings (ClrDbStmt *stmt)
{
  stmt->db->funcs->clear_bindings (stmt);
}

void
clr_db_stmt_free (ClrDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->funcs->stmt_free (stmt);
}
