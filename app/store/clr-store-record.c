/* clr-store-record.c — the store's one record pattern: a record's columns
 * listed once (ClrStoreColumn) are read from a row, copied, written as JSON
 * and freed by these functions; statements are run to their end, rows
 * collected into arrays; the meta table's values read and written.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-store-json-private.h"
#include "clr-store-private.h"

void
_clr_store_read_columns (gpointer              record,
                         const ClrStoreColumn *columns,
                         guint                 n_columns,
                         ClrDbStmt            *stmt)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (record, columns[i].offset);
      const char *text = clr_db_stmt_column_text (stmt, (int) i);
      g_autoptr(GError) error = NULL;

      switch (columns[i].kind)
        {
        case CLR_STORE_COLUMN_SKIP:
          break;
        case CLR_STORE_COLUMN_TEXT:
          *(char **) member = g_strdup (text);
          break;
        case CLR_STORE_COLUMN_NONEMPTY_TEXT:
          *(char **) member = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
          break;
        case CLR_STORE_COLUMN_STRV:
          *(GStrv *) member = _clr_json_text_to_strv (text);
          break;
        case CLR_STORE_COLUMN_INT64:
        case CLR_STORE_COLUMN_ID:
          *(gint64 *) member = clr_db_stmt_column_int64 (stmt, (int) i);
          break;
        case CLR_STORE_COLUMN_DOUBLE:
          *(double *) member = clr_db_stmt_column_double (stmt, (int) i);
          break;
        case CLR_STORE_COLUMN_BOOLEAN:
          *(gboolean *) member = (int) clr_db_stmt_column_int64 (stmt, (int) i) != 0;
          break;
        case CLR_STORE_COLUMN_JSON:
        case CLR_STORE_COLUMN_JSON_OR_TEXT:
          *(JsonNode **) member = clr_json_from_text (text, &error);
          if (error != NULL && columns[i].kind == CLR_STORE_COLUMN_JSON_OR_TEXT)
            *(JsonNode **) member = json_node_init_string (json_node_alloc (), text);
          break;
        }
    }
}

G_STATIC_ASSERT (sizeof (double) == sizeof (gint64));

void
_clr_store_copy_columns (gpointer              dest,
                         gconstpointer         source,
                         const ClrStoreColumn *columns,
                         guint                 n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      ClrStoreColumnKind kind = columns[i].kind;
      gpointer to = G_STRUCT_MEMBER_P (dest, columns[i].offset);
      gconstpointer from = G_STRUCT_MEMBER_P (source, columns[i].offset);

      if (kind == CLR_STORE_COLUMN_TEXT || kind == CLR_STORE_COLUMN_NONEMPTY_TEXT)
        *(char **) to = g_strdup (*(char * const *) from);
      else if (kind == CLR_STORE_COLUMN_STRV)
        *(GStrv *) to = g_strdupv (*(GStrv const *) from);
      else if (kind == CLR_STORE_COLUMN_JSON || kind == CLR_STORE_COLUMN_JSON_OR_TEXT)
        *(JsonNode **) to = *(JsonNode * const *) from != NULL ? json_node_copy (*(JsonNode * const *) from) : NULL;
      else if (kind == CLR_STORE_COLUMN_INT64 || kind == CLR_STORE_COLUMN_ID || kind == CLR_STORE_COLUMN_DOUBLE)
        memcpy (to, from, sizeof (gint64));  /* as large as a double */
      else if (kind == CLR_STORE_COLUMN_BOOLEAN)
        memcpy (to, from, sizeof (gboolean));
    }
}

void
_clr_store_add_columns_json (JsonBuilder          *builder,
                             gconstpointer         record,
                             const ClrStoreColumn *columns,
                             guint                 n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gconstpointer member = G_STRUCT_MEMBER_P (record, columns[i].offset);
      JsonNode *node;

      switch (columns[i].kind)
        {
        case CLR_STORE_COLUMN_SKIP:
          break;
        case CLR_STORE_COLUMN_TEXT:
        case CLR_STORE_COLUMN_NONEMPTY_TEXT:
          clr_json_add_string (builder, columns[i].name, *(char * const *) member);
          break;
        case CLR_STORE_COLUMN_STRV:
          clr_json_add_strv (builder, columns[i].name, *(const char * const * const *) member);
          break;
        case CLR_STORE_COLUMN_INT64:
          clr_json_add_int (builder, columns[i].name, *(const gint64 *) member);
          break;
        case CLR_STORE_COLUMN_ID:
          clr_json_add_id (builder, columns[i].name, *(const gint64 *) member);
          break;
        case CLR_STORE_COLUMN_DOUBLE:
          json_builder_set_member_name (builder, columns[i].name);
          json_builder_add_double_value (builder, *(const double *) member);
          break;
        case CLR_STORE_COLUMN_BOOLEAN:
          clr_json_add_boolean (builder, columns[i].name, *(const gboolean *) member);
          break;
        case CLR_STORE_COLUMN_JSON:
        case CLR_STORE_COLUMN_JSON_OR_TEXT:
          node = *(JsonNode * const *) member;
          clr_json_add_node (builder, columns[i].name, node != NULL ? json_node_copy (node) : NULL);
          break;
        }
    }
}

void
_clr_store_clear_columns (gpointer              record,
                          const ClrStoreColumn *columns,
                          guint                 n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      gpointer member = G_STRUCT_MEMBER_P (record, columns[i].offset);

      if (columns[i].kind == CLR_STORE_COLUMN_TEXT || columns[i].kind == CLR_STORE_COLUMN_NONEMPTY_TEXT)
        g_clear_pointer ((char **) member, g_free);
      else if (columns[i].kind == CLR_STORE_COLUMN_STRV)
        g_clear_pointer ((GStrv *) member, g_strfreev);
      else if (columns[i].kind == CLR_STORE_COLUMN_JSON || columns[i].kind == CLR_STORE_COLUMN_JSON_OR_TEXT)
        g_clear_pointer ((JsonNode **) member, json_node_unref);
    }
}

void
_clr_store_free_columns (gpointer              record,
                         const ClrStoreColumn *columns,
                         guint                 n_columns)
{
  if (record == NULL)
    return;
  _clr_store_clear_columns (record, columns, n_columns);
  g_free (record);
}

const char *
_clr_store_enum_name (const char * const *names,
                      guint               n_names,
                      guint               value)
{
  return value < n_names ? names[value] : NULL;
}

int
_clr_store_enum_find (const char * const *names,
                      guint               n_names,
                      guint               first,
                      const char         *text)
{
  for (guint i = first; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return (int) i;
  return -1;
}

gboolean
_clr_store_step_done (ClrStore      *self,
                      ClrDbStmt     *stmt,
                      const char    *what,
                      GError       **error)
{
  if (clr_db_stmt_step (stmt) == CLR_DB_STEP_DONE)
    return TRUE;
  _clr_store_set_error (self, error, what);
  return FALSE;
}

gint64
_clr_store_step_returning_id (ClrStore    *self,
                              ClrDbStmt   *stmt,
                              const char  *what,
                              GError     **error)
{
  gint64 id = 0;

  if (clr_db_stmt_step (stmt) == CLR_DB_STEP_ROW)
    {
      id = clr_db_stmt_column_int64 (stmt, 0);
      if (clr_db_stmt_step (stmt) == CLR_DB_STEP_DONE)
        return id;
    }
  _clr_store_set_error (self, error, what);
  return 0;
}

gboolean
_clr_store_get_meta (ClrStore    *self,
                     const char  *key,
                     char       **value,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, "SELECT value FROM meta WHERE key = ?", error);
  int rc;

  *value = NULL;
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, key);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    *value = _clr_stmt_dup_text (stmt, 0);
  else if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_clr_store_set_meta (ClrStore    *self,
                     const char  *key,
                     const char  *value,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self,
                                                  "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                                  error);

  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, key);
  clr_db_stmt_bind_text (stmt, 2, value);
  return _clr_store_step_done (self, stmt, what, error);
}

ClrDbStmt *
_clr_store_get_row (ClrStore    *self,
                    const char  *sql,
                    gint64       id,
                    const char  *what,
                    GError     **error,
                    const char  *not_found,
                    ...)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, sql, error);
  va_list args;
  int rc;

  if (stmt == NULL)
    return NULL;
  clr_db_stmt_bind_int64 (stmt, 1, id);
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    return g_steal_pointer (&stmt);
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return NULL;
    }
  va_start (args, not_found);
  g_propagate_error (error, g_error_new_valist (CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND, not_found, args));
  va_end (args);
  return NULL;
}

GPtrArray *
_clr_store_collect_rows (ClrStore         *self,
                         ClrDbStmt        *stmt,
                         ClrStoreRowFunc   row_func,
                         GDestroyNotify    free_func,
                         const char       *what,
                         GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    g_ptr_array_add (rows, row_func (stmt));
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

char *
_clr_stmt_dup_text (ClrDbStmt *stmt,
                    int         col)
{
  const char *text = clr_db_stmt_column_text (stmt, col);

  return g_strdup (text);
}

