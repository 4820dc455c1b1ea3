/* clr-preferences-window.h — the Preferences window, backed by GSettings
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-settings.h"

G_BEGIN_DECLS

#define CLR_TYPE_PREFERENCES_WINDOW (clr_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ClrPreferencesWindow, clr_preferences_window, CLR, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every row edits @settings directly: there is no Apply button. */
GtkWindow *clr_preferences_window_new (ClrSettings *settings);
/* The Team Database group (clr-team-database-group.h) says which database
 * is in use: @display_location (never with a password), and whether --db
 * or $CLEARANCE_DB chose it over the preference. */
void       clr_preferences_window_set_current_database (ClrPreferencesWindow *self,
                                                        const char           *display_location,
                                                        gboolean              overridden);

G_END_DECLS
