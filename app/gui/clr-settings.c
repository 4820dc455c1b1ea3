/* clr-settings.c — the app's preferences as a GObject with properties
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-settings.h"
#include "widgets/clr-field-props.h"

struct _ClrSettings
{
  GObject    parent_instance;

  GSettings *settings;

  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  char      *last_page;
  char      *data_folder;
  double     screening_threshold;
  char      *exporter_country;
  guint      list_staleness_days;
  char      *reviewer_name;
  char      *team_database;
};

G_DEFINE_FINAL_TYPE (ClrSettings, clr_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_LAST_PAGE,
  PROP_DATA_FOLDER,
  PROP_SCREENING_THRESHOLD,
  PROP_EXPORTER_COUNTRY,
  PROP_LIST_STALENESS_DAYS,
  PROP_REVIEWER_NAME,
  PROP_TEAM_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields behind the properties, in property-id order (1 ..); the pspecs
 * are made in class_init, with the schema's ranges and defaults. */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_RW ("window-width", G_TYPE_INT, ClrSettings, window_width),
  CLR_FIELD_RW ("window-height", G_TYPE_INT, ClrSettings, window_height),
  CLR_FIELD_RW ("window-maximized", G_TYPE_BOOLEAN, ClrSettings, window_maximized),
  CLR_FIELD_RW ("last-page", G_TYPE_STRING, ClrSettings, last_page),
  CLR_FIELD_RW ("data-folder", G_TYPE_STRING, ClrSettings, data_folder),
  CLR_FIELD_RW ("screening-threshold", G_TYPE_DOUBLE, ClrSettings, screening_threshold),
  CLR_FIELD_RW ("exporter-country", G_TYPE_STRING, ClrSettings, exporter_country),
  CLR_FIELD_RW ("list-staleness-days", G_TYPE_UINT, ClrSettings, list_staleness_days),
  CLR_FIELD_RW ("reviewer-name", G_TYPE_STRING, ClrSettings, reviewer_name),
  CLR_FIELD_RW ("team-database", G_TYPE_STRING, ClrSettings, team_database),
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_props) == N_PROPS - 1);

static gboolean
set_string (ClrSettings  *self,
            char        **field,
            const char   *value,
            int           prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
clr_settings_constructed (GObject *object)
{
  ClrSettings *self = CLR_SETTINGS (object);

  G_OBJECT_CLASS (clr_settings_parent_class)->constructed (object);

  /* Each property mirrors the key with the same name, both ways. */
  for (guint i = 1; i < N_PROPS; i++)
    g_settings_bind (self->settings, properties[i]->name,
                     self, properties[i]->name, G_SETTINGS_BIND_DEFAULT);
}

static void
clr_settings_dispose (GObject *object)
{
  ClrSettings *self = CLR_SETTINGS (object);

  if (self->settings != NULL)
    {
      for (guint i = 1; i < N_PROPS; i++)
        g_settings_unbind (self, properties[i]->name);
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (clr_settings_parent_class)->dispose (object);
}

static void
clr_settings_class_init (ClrSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = clr_settings_constructed;
  object_class->dispose = clr_settings_dispose;

  /* The ranges repeat the schema's so a bad value is refused before GSettings sees it. */
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, -1, G_MAXINT, 1100, flags);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, -1, G_MAXINT, 760, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_PAGE] =
    g_param_spec_string ("last-page", NULL, NULL, "shipment", flags);
  properties[PROP_DATA_FOLDER] =
    g_param_spec_string ("data-folder", NULL, NULL, "", flags);
  properties[PROP_SCREENING_THRESHOLD] =
    g_param_spec_double ("screening-threshold", NULL, NULL, 0.5, 1.0, 0.82, flags);
  properties[PROP_EXPORTER_COUNTRY] =
    g_param_spec_string ("exporter-country", NULL, NULL, "US", flags);
  properties[PROP_LIST_STALENESS_DAYS] =
    g_param_spec_uint ("list-staleness-days", NULL, NULL, 1, 365, 7, flags);
  properties[PROP_REVIEWER_NAME] =
    g_param_spec_string ("reviewer-name", NULL, NULL, "", flags);
  properties[PROP_TEAM_DATABASE] =
    g_param_spec_string ("team-database", NULL, NULL, "", flags);

  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_settings_init (ClrSettings *self)
{
  self->settings = g_settings_new (BASE_ID);
  self->window_width = 1100;
  self->window_height = 760;
  self->last_page = g_strdup ("shipment");
  self->data_folder = g_strdup ("");
  self->screening_threshold = 0.82;
  self->exporter_country = g_strdup ("US");
  self->list_staleness_days = 7;
  self->reviewer_name = g_strdup ("");
  self->team_database = g_strdup ("");
}

/**
 * clr_settings_new:
 *
 * Returns: (transfer full): the settings of schema dev.clearance.Clearance,
 * which must be installed (or found through $GSETTINGS_SCHEMA_DIR).
 */
ClrSettings *
clr_settings_new (void)
{
  return g_object_new (CLR_TYPE_SETTINGS, NULL);
}

GSettings *
clr_settings_get_gsettings (ClrSettings *self)
{
  g_return_val_if_fail (CLR_IS_SETTINGS (self), NULL);
  return self->settings;
}

/* clr_settings_get_FIELD (): the field's value */
#define SETTINGS_GETTER(RetType, field, fallback) \
  CLR_DEFINE_FIELD_GETTER (RetType, clr_settings_get_##field, ClrSettings, CLR_IS_SETTINGS, field, fallback)

SETTINGS_GETTER (int, window_width, 0)
SETTINGS_GETTER (int, window_height, 0)
SETTINGS_GETTER (gboolean, window_maximized, FALSE)
SETTINGS_GETTER (const char *, last_page, NULL)

void
clr_settings_set_last_page (ClrSettings *self,
                            const char  *page)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  g_return_if_fail (page != NULL);
  set_string (self, &self->last_page, page, PROP_LAST_PAGE);
}

SETTINGS_GETTER (const char *, data_folder, NULL)

void
clr_settings_set_data_folder (ClrSettings *self,
                              const char  *folder)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  set_string (self, &self->data_folder, folder, PROP_DATA_FOLDER);
}

char *
clr_settings_dup_effective_data_folder (ClrSettings *self)
{
  const char *documents;

  g_return_val_if_fail (CLR_IS_SETTINGS (self), NULL);

  if (self->data_folder != NULL && self->data_folder[0] != '\0')
    return g_strdup (self->data_folder);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_strdup (documents != NULL ? documents : g_get_home_dir ());
}

SETTINGS_GETTER (double, screening_threshold, 0.82)

void
clr_settings_set_screening_threshold (ClrSettings *self,
                                      double       threshold)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  g_return_if_fail (threshold >= 0.5 && threshold <= 1.0);

  if (G_APPROX_VALUE (self->screening_threshold, threshold, 1e-9))
    return;
  self->screening_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENING_THRESHOLD]);
}

SETTINGS_GETTER (const char *, exporter_country, NULL)

void
clr_settings_set_exporter_country (ClrSettings *self,
                                   const char  *country)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  g_return_if_fail (country != NULL);
  set_string (self, &self->exporter_country, country, PROP_EXPORTER_COUNTRY);
}

SETTINGS_GETTER (guint, list_staleness_days, 7)

void
clr_settings_set_list_staleness_days (ClrSettings *self,
                                      guint        days)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  g_return_if_fail (days >= 1 && days <= 365);

  if (self->list_staleness_days == days)
    return;
  self->list_staleness_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_STALENESS_DAYS]);
}

SETTINGS_GETTER (const char *, reviewer_name, NULL)

void
clr_settings_set_reviewer_name (ClrSettings *self,
                                const char  *name)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  set_string (self, &self->reviewer_name, name, PROP_REVIEWER_NAME);
}

char *
clr_settings_dup_effective_reviewer_name (ClrSettings *self)
{
  g_autofree char *trimmed = NULL;
  const char *real_name;

  g_return_val_if_fail (CLR_IS_SETTINGS (self), NULL);

  trimmed = g_strstrip (g_strdup (self->reviewer_name != NULL ? self->reviewer_name : ""));
  if (trimmed[0] != '\0')
    return g_steal_pointer (&trimmed);

  /* g_get_real_name() answers "Unknown" when the account has no full name. */
  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

SETTINGS_GETTER (const char *, team_database, NULL)

void
clr_settings_set_team_database (ClrSettings *self,
                                const char  *address)
{
  g_return_if_fail (CLR_IS_SETTINGS (self));
  set_string (self, &self->team_database, address, PROP_TEAM_DATABASE);
}
