/* clr-store.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr-store-private.h"
#include "clr-store-resources.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/store/sql"

struct _ClrStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  GMutex   mutex;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (ClrStore, clr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (clr-store-error-quark, clr_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clr_store_finalize (GObject *object)
{
  ClrStore *self = (ClrStore *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (clr_store_parent_class)->finalize (object);
}

static void
clr_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClrStore *self = CLR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClrStore *self = CLR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_store_class_init (ClrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clr_store_finalize;
  object_class->get_property = clr_store_get_property;
  object_class->set_property = clr_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_store_init (ClrStore *self)
{
  g_mutex_init (&self->mutex);
}

char *
clr_store_dup_default_path (void)
{
  const char *env = g_getenv ("CLEARANCE_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "clearance", "clearance.db", NULL);
}

ClrStore *
clr_store_new (const char *path)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = clr_store_dup_default_path ();

  return g_object_new (CLR_TYPE_STORE, "path", path, NULL);
}

const char *
clr_store_get_path (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  return self->path;
}

gboolean
clr_store_is_open (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  return self->db != NULL;
}

int
clr_store_get_schema_version (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), -1);

  return self->schema_version;
}

sqlite3 *
_clr_store_get_db (ClrStore *self)
{
  g_assert (CLR_IS_STORE (self));
  g_assert (self->db != NULL);

  return self->db;
}

void
_clr_store_lock (ClrStore *self)
{
  g_mutex_lock (&self->mutex);
}

void
_clr_store_unlock (ClrStore *self)
{
  g_mutex_unlock (&self->mutex);
}

void
_clr_store_set_error (ClrStore    *self,
                      GError     **error,
                      const char  *what)
{
  int code = self->db ? sqlite3_errcode (self->db) : SQLITE_ERROR;
  const char *message = self->db ? sqlite3_errmsg (self->db) : "no database";

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                 _("%s: %s is not a Clearance database or is damaged (%s)"),
                 what, self->path, message);
  else if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_FULL ||
           code == SQLITE_IOERR || code == SQLITE_PERM)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                 _("%s: cannot use %s (%s)"), what, self->path, message);
  else
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SQL,
                 "%s: %s (%s)", what, message, self->path);
}

gboolean
_clr_store_exec (ClrStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      _clr_store_set_error (self, error, "SQL");
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_clr_store_prepare (ClrStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _clr_store_set_error (self, error, "SQL");
      return NULL;
    }

  return stmt;
}

gboolean
_clr_store_begin (ClrStore  *self,
                  GError   **error)
{
  return _clr_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_clr_store_commit (ClrStore  *self,
                   GError   **error)
{
  return _clr_store_exec (self, "COMMIT", error);
}

void
_clr_store_rollback (ClrStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
_clr_stmt_dup_text (sqlite3_stmt *stmt,
                    int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text ? g_strdup ((const char *) text) : NULL;
}

char *
_clr_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the store resource's sql/NNNN-name.sql files, applied in
 * order; migration N brings the schema to user_version N. */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  /* Referencing the resource keeps its object (and the constructor that
   * registers it) in any binary that links the static library. */
  g_assert (clr_store_get_resource () != NULL);
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  if (names == NULL)
    return g_new0 (char *, 1);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (sorted, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

int
clr_store_get_latest_schema_version (void)
{
  g_auto(GStrv) migrations = list_migrations ();

  return (int) g_strv_length (migrations);
}

static int
read_user_version (ClrStore  *self,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _clr_store_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _clr_store_set_error (self, error, _("Reading the schema version"));
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

static gboolean
check_integrity (ClrStore  *self,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;

  stmt = _clr_store_prepare (self, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _clr_store_set_error (self, error, _("Checking the database"));
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged: %s"), self->path, result ? result : "?");
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (ClrStore  *self,
         GError   **error)
{
  g_auto(GStrv) migrations = list_migrations ();
  int latest = (int) g_strv_length (migrations);
  int version;

  version = read_user_version (self, error);
  if (version < 0)
    return FALSE;

  if (version > latest)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NEWER_SCHEMA,
                   _("The database %s was written by a newer version of Clearance "
                     "(schema %d; this version knows up to %d). It was not changed."),
                   self->path, version, latest);
      return FALSE;
    }

  if (version == latest)
    {
      self->schema_version = version;
      return TRUE;
    }

  if (!_clr_store_begin (self, error))
    return FALSE;

  /* Another process may have migrated between our read and the lock. */
  version = read_user_version (self, error);
  if (version < 0)
    goto failed;

  for (int i = version; i < latest; i++)
    {
      g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, migrations[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        goto failed;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!_clr_store_exec (self, sql, &local_error))
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SQL,
                       _("Migration %s failed: %s"), migrations[i], local_error->message);
          goto failed;
        }

      pragma = g_strdup_printf ("PRAGMA user_version = %d", i + 1);
      if (!_clr_store_exec (self, pragma, error))
        goto failed;
    }

  if (!_clr_store_commit (self, error))
    goto failed;

  self->schema_version = latest;
  return TRUE;

failed:
  _clr_store_rollback (self);
  return FALSE;
}

gboolean
clr_store_open (ClrStore  *self,
                GError   **error)
{
  g_autofree char *dir = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  _clr_store_lock (self);

  if (self->db != NULL)
    {
      ok = TRUE;
      goto out;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      goto out;
    }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("%s is a folder, not a database file"), self->path);
      goto out;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      _clr_store_set_error (self, error, _("Opening the database"));
      goto fail;
    }

  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 10000);

  /* quick_check first: on a file that is not SQLite, even PRAGMA
   * journal_mode fails, and the user must be told what is wrong. */
  if (!check_integrity (self, error))
    goto fail;

  if (!_clr_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_clr_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_clr_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    goto fail;

  if (!migrate (self, error))
    goto fail;

  ok = TRUE;
  goto out;

fail:
  g_clear_pointer (&self->db, sqlite3_close);

out:
  _clr_store_unlock (self);
  return ok;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (clr_store_open (source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
clr_store_open_async (ClrStore            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLR_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_store_open_async);
  g_task_run_in_thread (task, open_thread);
}

gboolean
clr_store_open_finish (ClrStore      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
clr_store_move_aside (const char  *path,
                      GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, NULL);

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("Cannot move %s aside: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}
