/* clr-store-copy.c — moving a database into another
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-store-copy.h"
#include "clr-store-private.h"

typedef enum
{
  COPY_PLAIN,       /* rows inserted as they are; the target has none */
  COPY_IDENTITY,    /* the same, and the table's "id" sequence moved past them */
  COPY_REPLACE,     /* the target's own rows (seeded by its migrations) give way */
} CopyKind;

/* Every table of the schema, parents before the rows that refer to them.
 * @key: the conflict target of a COPY_REPLACE table. */
static const struct
{
  const char *table;
  CopyKind    kind;
  const char *key;
} tables[] = {
  { "meta",                   COPY_REPLACE,  "key" },
  { "list_source",            COPY_REPLACE,  "id" },
  { "list_version",           COPY_IDENTITY, NULL },
  { "list_count",             COPY_PLAIN,    NULL },
  { "list_entry",             COPY_IDENTITY, NULL },
  { "rule_pack",              COPY_IDENTITY, NULL },
  { "cases",                  COPY_IDENTITY, NULL },
  { "review_entry_snapshots", COPY_PLAIN,    NULL },
  { "review_items",           COPY_IDENTITY, NULL },
  { "review_sightings",       COPY_PLAIN,    NULL },
  { "screened_parties",       COPY_IDENTITY, NULL },
  { "rescreen_state",         COPY_PLAIN,    NULL },
  { "rescreen_runs",          COPY_IDENTITY, NULL },
  { "audit_log",              COPY_IDENTITY, NULL },
};

/* What makes a target "not empty": the user's own data. */
static const struct
{
  const char *table;
  const char *label;
} user_tables[] = {
  { "list_version",     N_("list versions") },
  { "rule_pack",        N_("rule packs") },
  { "cases",            N_("cases") },
  { "review_items",     N_("review items") },
  { "screened_parties", N_("screened parties") },
  { "audit_log",        N_("audit entries") },
};

static gint64
count_rows (ClrStore    *store,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (store, error, _("Reading the target database"));
      return -1;
    }
  return clr_db_stmt_column_int64 (stmt, 0);
}

/* FALSE (CLR_STORE_ERROR_INVALID) when @target holds any user data. */
static gboolean
check_empty (ClrStore  *target,
             GError   **error)
{
  g_autoptr(GString) held = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (user_tables); i++)
    {
      gint64 n = count_rows (target, user_tables[i].table, error);

      if (n < 0)
        return FALSE;
      if (n > 0)
        g_string_append_printf (held, "%s%s: %" G_GINT64_FORMAT, held->len > 0 ? ", " : "",
                                _(user_tables[i].label), n);
    }
  if (held->len == 0)
    return TRUE;

  g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
               _("The database %s is not empty (it holds %s); nothing was copied. "
                 "Copy only into a new team database."),
               clr_store_get_display_path (target), held->str);
  return FALSE;
}

/* INSERT INTO @table (the columns of @row) VALUES (?1, …), with the
 * conflict clause a COPY_REPLACE table needs. */
static char *
build_insert (const char *table,
              CopyKind    kind,
              const char *key,
              ClrDbStmt  *row)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  int n = clr_db_stmt_column_count (row);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (int c = 0; c < n; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", clr_db_stmt_column_name (row, c));
  g_string_append (sql, ") VALUES (");
  for (int c = 0; c < n; c++)
    g_string_append_printf (sql, "%s?%d", c > 0 ? ", " : "", c + 1);
  g_string_append_c (sql, ')');
  if (kind == COPY_REPLACE)
    {
      g_string_append_printf (sql, " ON CONFLICT (\"%s\") DO UPDATE SET ", key);
      for (int c = 0, first = 1; c < n; c++)
        {
          const char *name = clr_db_stmt_column_name (row, c);

          if (g_strcmp0 (name, key) == 0)
            continue;
          g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", first ? "" : ", ", name, name);
          first = 0;
        }
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_row (ClrDbStmt *insert,
          ClrDbStmt *row)
{
  int n = clr_db_stmt_column_count (row);

  for (int c = 0; c < n; c++)
    {
      switch (clr_db_stmt_column_kind (row, c))
        {
        case CLR_DB_COLUMN_NULL:
          clr_db_stmt_bind_null (insert, c + 1);
          break;
        case CLR_DB_COLUMN_INTEGER:
          clr_db_stmt_bind_int64 (insert, c + 1, clr_db_stmt_column_int64 (row, c));
          break;
        case CLR_DB_COLUMN_FLOAT:
          clr_db_stmt_bind_double (insert, c + 1, clr_db_stmt_column_double (row, c));
          break;
        case CLR_DB_COLUMN_TEXT:
        default:
          clr_db_stmt_bind_text (insert, c + 1, clr_db_stmt_column_text (row, c));
        }
    }
}

/* Copies one table; *@rows = how many. Both locks are held, the target's
 * transaction open. */
static gboolean
copy_table (ClrStore    *self,
            ClrStore    *target,
            guint        index,
            gint64      *rows,
            GError     **error)
{
  const char *table = tables[index].table;
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  g_autoptr(ClrDbStmt) row = _clr_store_prepare (self, select, error);
  g_autoptr(ClrDbStmt) insert = NULL;
  g_autofree char *what = g_strdup_printf (_("Copying the table %s"), table);
  ClrDbStep step;

  *rows = 0;
  if (row == NULL)
    return FALSE;

  while ((step = clr_db_stmt_step (row)) == CLR_DB_STEP_ROW)
    {
      if (insert == NULL)
        {
          g_autofree char *sql = build_insert (table, tables[index].kind, tables[index].key, row);

          insert = _clr_store_prepare (target, sql, error);
          if (insert == NULL)
            return FALSE;
        }
      else
        clr_db_stmt_reset (insert);

      bind_row (insert, row);
      if (!_clr_store_step_done (target, insert, what, error))
        return FALSE;
      (*rows)++;
    }
  if (step != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, what);
      return FALSE;
    }

  if (tables[index].kind == COPY_IDENTITY && *rows > 0 &&
      !clr_db_sync_id_sequence (_clr_store_get_db (target), table))
    {
      _clr_store_set_error (target, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
clr_store_copy_to (ClrStore              *self,
                   ClrStore              *target,
                   ClrStoreCopyProgress   progress,
                   gpointer               user_data,
                   GError               **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (CLR_IS_STORE (target), FALSE);
  g_return_val_if_fail (self != target, FALSE);

  if (clr_store_get_schema_version (self) != clr_store_get_schema_version (target))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s has schema %d and %s schema %d: open both with this version of Clearance first"),
                   clr_store_get_display_path (self), clr_store_get_schema_version (self),
                   clr_store_get_display_path (target), clr_store_get_schema_version (target));
      return FALSE;
    }

  _clr_store_lock (self);
  if (!_clr_store_write_begin (target, error))
    {
      _clr_store_unlock (self);
      return FALSE;
    }

  ok = check_empty (target, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    {
      gint64 rows = 0;

      ok = copy_table (self, target, i, &rows, error);
      if (ok && progress != NULL)
        progress (tables[i].table, rows, user_data);
    }
  _clr_store_note_action (target, "db.copy");

  ok = _clr_store_write_end (target, ok, error);
  _clr_store_unlock (self);
  return ok;
}
