/* clr-application.h — the Clearance application: settings, the store, windows
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-settings.h"
#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_APPLICATION (clr_application_get_type ())

G_DECLARE_FINAL_TYPE (ClrApplication, clr_application, CLR, APPLICATION, AdwApplication)

ClrApplication *clr_application_new          (void);

/* The running application (g_application_get_default), or NULL. */
ClrApplication *clr_application_get_default  (void);

/* The opened database (borrowed), or NULL while it is still being opened
 * (off the main thread, at startup) or when opening failed. The main window
 * is only created once the store is open, so pages inside it can rely on it;
 * watch notify::store otherwise. */
ClrStore       *clr_application_get_store    (ClrApplication *self);

/* Replaces the store (tests, or after "Move Aside and Start Fresh").
 * @store must already be open. On a team database it is watched
 * (clr_store_watch()): the pages hear other programs' changes as
 * ::external-change. Notifies "store".
 *
 * Which database the app opens at start: --db, else $CLEARANCE_DB, else the
 * Team Database preference (clr-team-database.h; its password from the
 * keyring), else the local file. A new Team Database preference applies
 * from the next start. */
void            clr_application_set_store    (ClrApplication *self,
                                              ClrStore       *store);

/* Where the app's file dialogs start: the user's documents folder, else the
 * home folder; never the database's folder (listing it makes GIO open and
 * close the database files in this process, which drops its SQLite locks:
 * SQLite, "How To Corrupt" §2.2). */
GFile          *clr_application_dup_dialog_folder (void);

/* The preferences (borrowed); never NULL after construction. */
ClrSettings    *clr_application_get_settings (ClrApplication *self);

G_END_DECLS
