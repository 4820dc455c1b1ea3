/* clr-team-database.c — the app's team database connection: its address (in
 * the settings) and its password (in the user's keyring, never anywhere else)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "clr-db.h"
#include "clr-store.h"

#include "clr-team-database.h"

/* One secret per address: the keyring shows the label, finds it by address. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_ID ".TeamDatabase", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static gboolean
query_has_password (const char *query)
{
  g_auto(GStrv) params = g_strsplit (query != NULL ? query : "", "&", -1);

  for (guint i = 0; params[i] != NULL; i++)
    if (g_str_has_prefix (params[i], "password="))
      return TRUE;
  return FALSE;
}

ClrDatabaseSource
clr_team_database_choose (const char  *db_option,
                          const char  *team_address,
                          char       **location)
{
  const char *env = g_getenv ("CLEARANCE_DB");

  g_return_val_if_fail (location != NULL, CLR_DATABASE_LOCAL);

  if (db_option != NULL)
    {
      *location = g_strdup (db_option);
      return CLR_DATABASE_FROM_OPTION;
    }
  if (env != NULL && env[0] != '\0')
    {
      *location = g_strdup (env);
      return CLR_DATABASE_FROM_ENV;
    }
  if (team_address != NULL && team_address[0] != '\0')
    {
      *location = g_strdup (team_address);
      return CLR_DATABASE_FROM_TEAM;
    }
  *location = clr_store_dup_default_path ();
  return CLR_DATABASE_LOCAL;
}

char *
clr_team_database_check_address (const char *address)
{
  g_autoptr(GUri) uri = NULL;

  if (address == NULL || !clr_db_location_is_server (address))
    return g_strdup (_("The address must start with postgresql:// (for example "
                       "postgresql://db.example.com/clearance?sslmode=verify-full)"));

  uri = g_uri_parse (address, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return g_strdup (_("The address is not a valid postgresql:// URI"));
  if (g_uri_get_password (uri) != NULL || query_has_password (g_uri_get_query (uri)))
    return g_strdup (_("Remove the password from the address and type it in the Password field: "
                       "it is kept in your keyring, not in the settings"));
  if (g_uri_get_fragment (uri) != NULL)
    return g_strdup (_("The address cannot have a “#” part"));
  return NULL;
}

char *
clr_team_database_build_location (const char *address,
                                  const char *password)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  if (password == NULL || password[0] == '\0')
    return g_strdup (address);

  escaped = g_uri_escape_string (password, NULL, FALSE);
  return g_strconcat (address, strchr (address, '?') != NULL ? "&" : "?",
                      "password=", escaped, NULL);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_strdup (password), g_free);
  secret_password_free (password);
}

void
clr_team_database_lookup_password_async (const char          *address,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (address != NULL);

  g_task_set_source_tag (task, clr_team_database_lookup_password_async);
  secret_password_lookup (get_schema (), cancellable, looked_up_cb, task,
                          "address", address, NULL);
}

char *
clr_team_database_lookup_password_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_task_get_task_data (task) != NULL)
    secret_password_store_finish (result, &error);
  else
    /* FALSE without an error: there was nothing to remove. */
    secret_password_clear_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
clr_team_database_store_password_async (const char          *address,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (address != NULL);

  g_task_set_source_tag (task, clr_team_database_store_password_async);
  if (password == NULL || password[0] == '\0')
    {
      secret_password_clear (get_schema (), cancellable, stored_cb, task, "address", address, NULL);
      return;
    }

  /* Marks the task as a store (see stored_cb); not the password itself. */
  g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
  display = clr_db_dup_display_location (address);
  /* Translators: the label of the password in the keyring; %s is the server address. */
  label = g_strdup_printf (_("Clearance team database %s"), display);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, stored_cb, task, "address", address, NULL);
}

gboolean
clr_team_database_store_password_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
