/* clr-team-database-group.h — Preferences: the team database's address and
 * password, Connect and Disconnect
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-settings.h"

G_BEGIN_DECLS

#define CLR_TYPE_TEAM_DATABASE_GROUP (clr_team_database_group_get_type ())

G_DECLARE_FINAL_TYPE (ClrTeamDatabaseGroup, clr_team_database_group, CLR, TEAM_DATABASE_GROUP,
                      AdwPreferencesGroup)

/* Connect checks the address (clr_team_database_check_address()), opens
 * the server with the typed password and, when that works, keeps the
 * password in the keyring and the address in @settings ("team-database");
 * the app uses it from its next start (the window's pages hold the store
 * they were made with). A failure says the server's message and the
 * address without password, and changes nothing. Disconnect forgets both:
 * the next start uses the local file. Signals: ::done (gboolean ok) when
 * Connect or Disconnect has finished (the status line says how). */
void        clr_team_database_group_set_settings (ClrTeamDatabaseGroup *self,
                                                  ClrSettings          *settings);
/* The database the app uses now (shown as it may be: no password), and
 * whether --db or $CLEARANCE_DB chose it (they win over the preference). */
void        clr_team_database_group_set_current  (ClrTeamDatabaseGroup *self,
                                                  const char           *display_location,
                                                  gboolean              overridden);
void        clr_team_database_group_connect      (ClrTeamDatabaseGroup *self);
void        clr_team_database_group_disconnect   (ClrTeamDatabaseGroup *self);
/* The status line: what Connect or Disconnect did ("" before). */
const char *clr_team_database_group_get_status   (ClrTeamDatabaseGroup *self);

G_END_DECLS
