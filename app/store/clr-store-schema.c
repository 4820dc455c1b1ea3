/* clr-store-schema.c — the schema: migrations, version and integrity checks
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-store-private.h"
#include "clr-store-resources.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/store/sql"

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

/* Migration @name for @db's engine: sql/<dialect>/@name where the engine
 * has its own version of it, else the portable sql/@name. */
static GBytes *
lookup_migration (ClrDb       *db,
                  const char  *name,
                  GError     **error)
{
  const char *dialect = clr_db_get_migrations_dialect (db);
  g_autofree char *own = NULL;
  g_autofree char *portable = NULL;
  GBytes *bytes;

  if (dialect != NULL)
    {
      own = g_build_path ("/", MIGRATIONS_PATH, dialect, name, NULL);
      bytes = g_resources_lookup_data (own, 0, NULL);
      if (bytes != NULL)
        return bytes;
    }

  portable = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  return g_resources_lookup_data (portable, 0, error);
}

int
clr_store_get_latest_schema_version (void)
{
  g_auto(GStrv) migrations = list_migrations ();

  return (int) g_strv_length (migrations);
}

int
_clr_store_read_user_version (ClrStore  *self,
                              GError   **error)
{
  int version = clr_db_get_schema_version (_clr_store_get_db (self));

  if (version < 0)
    _clr_store_set_error (self, error, _("Reading the schema version"));

  return version;
}

gboolean
_clr_store_check_integrity (ClrStore  *self,
                            GError   **error)
{
  g_autofree char *problem = NULL;

  if (clr_db_check_integrity (_clr_store_get_db (self), &problem))
    return TRUE;

  if (clr_db_get_failure (_clr_store_get_db (self)) != CLR_DB_FAILURE_NONE)
    _clr_store_set_error (self, error, _("Checking the database"));
  else
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                 _("The database %s is damaged: %s"), clr_store_get_display_path (self), problem);
  return FALSE;
}

gboolean
_clr_store_check_not_newer (ClrStore  *self,
                            int        version,
                            int        latest,
                            GError   **error)
{
  if (version <= latest)
    return TRUE;

  g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NEWER_SCHEMA,
               _("The database %s was written by a newer version of Clearance "
                 "(schema %d; this version knows up to %d). It was not changed."),
               clr_store_get_display_path (self), version, latest);
  return FALSE;
}

gboolean
_clr_store_migrate (ClrStore  *self,
                    int       *schema_version,
                    GError   **error)
{
  g_auto(GStrv) migrations = list_migrations ();
  int latest = (int) g_strv_length (migrations);
  int version;

  version = _clr_store_read_user_version (self, error);
  if (version < 0)
    return FALSE;

  if (!_clr_store_check_not_newer (self, version, latest, error))
    return FALSE;

  if (version == latest)
    {
      *schema_version = version;
      return TRUE;
    }

  if (!_clr_store_begin (self, error))
    return FALSE;

  /* Another process may have migrated between our read and the lock. */
  version = _clr_store_read_user_version (self, error);
  if (version < 0)
    goto failed;

  for (int i = version; i < latest; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = lookup_migration (_clr_store_get_db (self), migrations[i], error);
      if (bytes == NULL)
        goto failed;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!_clr_store_exec (self, sql, &local_error))
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SQL,
                       _("Migration %s failed: %s"), migrations[i], local_error->message);
          goto failed;
        }

      if (!clr_db_set_schema_version (_clr_store_get_db (self), i + 1))
        {
          _clr_store_set_error (self, error, _("Recording the schema version"));
          goto failed;
        }
    }

  if (!_clr_store_commit (self, error))
    goto failed;

  *schema_version = latest;
  return TRUE;

failed:
  _clr_store_rollback (self);
  return FALSE;
}
