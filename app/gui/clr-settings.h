/* clr-settings.h — the app's preferences as a GObject with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CLR_TYPE_SETTINGS (clr_settings_get_type ())

G_DECLARE_FINAL_TYPE (ClrSettings, clr_settings, CLR, SETTINGS, GObject)

/* Every property is bound to the GSettings key of the same name in the
 * dev.clearance.Clearance schema, both ways: setting a property stores it,
 * and a change made elsewhere (dconf, another window) notifies it.
 *
 *   window-width, window-height   int      main window size
 *   window-maximized              boolean
 *   last-page                     string   "shipment" | "review" | "lists"
 *   data-folder                   string   "" = the Documents folder
 *   screening-threshold           double   0.5 – 1.0, default 0.82 (the matcher's)
 *   exporter-country              string   ISO 3166-1 alpha-2, default "US"
 *   list-staleness-days           uint     1 – 365, default 7
 *   reviewer-name                 string   "" = the account's full name
 *   team-database                 string   a PostgreSQL address without its password
 *                                          (clr-team-database.h); "" = the local file
 */

ClrSettings *clr_settings_new                         (void);
GSettings   *clr_settings_get_gsettings               (ClrSettings *self);

int          clr_settings_get_window_width            (ClrSettings *self);
int          clr_settings_get_window_height           (ClrSettings *self);
gboolean     clr_settings_get_window_maximized        (ClrSettings *self);

const char  *clr_settings_get_last_page               (ClrSettings *self);
void         clr_settings_set_last_page               (ClrSettings *self,
                                                       const char  *page);

const char  *clr_settings_get_data_folder             (ClrSettings *self);
void         clr_settings_set_data_folder             (ClrSettings *self,
                                                       const char  *folder);
/* The folder to use: data-folder, or the Documents (else home) folder when empty. */
char        *clr_settings_dup_effective_data_folder   (ClrSettings *self);

double       clr_settings_get_screening_threshold     (ClrSettings *self);
void         clr_settings_set_screening_threshold     (ClrSettings *self,
                                                       double       threshold);

const char  *clr_settings_get_exporter_country        (ClrSettings *self);
void         clr_settings_set_exporter_country        (ClrSettings *self,
                                                       const char  *country);

guint        clr_settings_get_list_staleness_days     (ClrSettings *self);
void         clr_settings_set_list_staleness_days     (ClrSettings *self,
                                                       guint        days);

const char  *clr_settings_get_reviewer_name           (ClrSettings *self);
void         clr_settings_set_reviewer_name           (ClrSettings *self,
                                                       const char  *name);
/* The name for the audit trail: reviewer-name, else the account's real name,
 * else the user name. Never empty. */
char        *clr_settings_dup_effective_reviewer_name (ClrSettings *self);

const char  *clr_settings_get_team_database           (ClrSettings *self);
/* Never give it a password (clr_team_database_check_address() refuses one). */
void         clr_settings_set_team_database           (ClrSettings *self,
                                                       const char  *address);

G_END_DECLS
