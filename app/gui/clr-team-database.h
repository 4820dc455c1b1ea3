/* clr-team-database.h — the app's team database connection: its address (in
 * the settings) and its password (in the user's keyring, never anywhere else)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address is a libpq URI without a password
 * (postgresql://db.example.com/clearance?sslmode=verify-full), kept in the
 * "team-database" setting. The password is kept by libsecret in the
 * default collection (the login keyring), under the address; the app adds
 * it to the location it opens, in memory only, as the URI's "password"
 * parameter. Messages show clr_db_dup_display_location(), never the
 * location itself.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the app's database comes from, first match wins. */
typedef enum
{
  CLR_DATABASE_FROM_OPTION,  /* --db */
  CLR_DATABASE_FROM_ENV,     /* $CLEARANCE_DB */
  CLR_DATABASE_FROM_TEAM,    /* the Team Database preference (password: the keyring) */
  CLR_DATABASE_LOCAL,        /* $XDG_DATA_HOME/clearance/clearance.db */
} ClrDatabaseSource;

/* Chooses the database from @db_option (--db, or NULL), $CLEARANCE_DB and
 * @team_address (the preference, "" or NULL for none): its location in
 * *@location (for TEAM the address, still without its password). */
ClrDatabaseSource clr_team_database_choose (const char  *db_option,
                                            const char  *team_address,
                                            char       **location);

/* NULL when @address may be kept as the team database's address: a
 * postgresql:// or postgres:// URI GLib can read, with no password in it;
 * else why not (translated, free it). */
char     *clr_team_database_check_address    (const char           *address);

/* The location to open: @address with @password (NULL or "": none, e.g.
 * a client certificate or ~/.pgpass) as its "password" parameter. Holds
 * the password: never show, log or store it. */
char     *clr_team_database_build_location   (const char           *address,
                                              const char           *password);

/* The password kept in the keyring for @address: NULL (not an error) when
 * there is none. */
void      clr_team_database_lookup_password_async  (const char           *address,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char     *clr_team_database_lookup_password_finish (GAsyncResult         *result,
                                                    GError              **error);

/* Keeps @password for @address in the keyring, replacing an earlier one;
 * an empty @password removes it. */
void      clr_team_database_store_password_async   (const char           *address,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean  clr_team_database_store_password_finish  (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
