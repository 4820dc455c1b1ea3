/* clr-preferences-window.c — the Preferences window, backed by GSettings
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "clr-application.h"
#include "clr-team-database-group.h"
#include "widgets/clr-file-chooser.h"

#include "clr-preferences-window.h"

struct _ClrPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ClrSettings          *settings;
  GPtrArray            *country_codes;   /* parallel to country_row's model */
  GtkFileChooserNative *chooser;

  GtkAdjustment        *threshold_adjustment;
  GtkAdjustment        *staleness_adjustment;
  AdwComboRow          *country_row;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_reset_button;
  AdwPreferencesGroup  *audit_group;
  AdwEntryRow          *reviewer_row;
  ClrTeamDatabaseGroup *team_group;
};

G_DEFINE_FINAL_TYPE (ClrPreferencesWindow, clr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  char *code;
  char *label;
} Country;

static void
country_free (gpointer data)
{
  Country *country = data;

  g_free (country->code);
  g_free (country->label);
  g_free (country);
}

static int
country_compare (gconstpointer a,
                 gconstpointer b)
{
  const Country *ca = *(const Country **) a;
  const Country *cb = *(const Country **) b;

  return g_utf8_collate (ca->label, cb->label);
}

/* The ISO 3166 country names, in the user's language, come from ICU: the list
 * of countries is data maintained there, not here. */
static GPtrArray *
load_countries (void)
{
  GPtrArray *countries = g_ptr_array_new_with_free_func (country_free);
  const char * const *codes = uloc_getISOCountries ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      UChar name[128];
      char utf8[512];
      UErrorCode status = U_ZERO_ERROR;
      g_autofree char *locale_id = g_strconcat ("und_", codes[i], NULL);
      int32_t len;
      Country *country;

      len = uloc_getDisplayCountry (locale_id, NULL, name, G_N_ELEMENTS (name), &status);
      if (U_FAILURE (status) || len <= 0)
        continue;
      u_strToUTF8 (utf8, sizeof utf8, NULL, name, len, &status);
      if (U_FAILURE (status))
        continue;

      country = g_new0 (Country, 1);
      country->code = g_strdup (codes[i]);
      /* Translators: a country in a list: its name, then its two-letter code. */
      country->label = g_strdup_printf (_("%s (%s)"), utf8, codes[i]);
      g_ptr_array_add (countries, country);
    }

  g_ptr_array_sort (countries, country_compare);
  return countries;
}

static void
update_country_row (ClrPreferencesWindow *self)
{
  const char *code = clr_settings_get_exporter_country (self->settings);

  for (guint i = 0; i < self->country_codes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->country_codes, i), code) == 0)
        {
          if (adw_combo_row_get_selected (self->country_row) != i)
            adw_combo_row_set_selected (self->country_row, i);
          return;
        }
    }
}

static void
country_selected_cb (ClrPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);

  if (selected < self->country_codes->len)
    clr_settings_set_exporter_country (self->settings,
                                       g_ptr_array_index (self->country_codes, selected));
}

static void
update_folder_row (ClrPreferencesWindow *self)
{
  g_autofree char *folder = clr_settings_dup_effective_data_folder (self->settings);
  const char *setting = clr_settings_get_data_folder (self->settings);

  adw_action_row_set_subtitle (self->folder_row, folder);
  gtk_widget_set_visible (self->folder_reset_button, setting != NULL && setting[0] != '\0');
}

static void
update_reviewer_description (ClrPreferencesWindow *self)
{
  g_autofree char *description = NULL;
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();

  /* Translators: %s is the account's full name, used when the field is empty. */
  description = g_strdup_printf (_("Recorded with every review decision. "
                                   "When empty, your account name “%s” is used."),
                                 real_name);
  adw_preferences_group_set_description (self->audit_group, description);
}

static void
chooser_response_cb (ClrPreferencesWindow *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = clr_file_chooser_get_accepted (GTK_NATIVE_DIALOG (chooser), response);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    clr_settings_set_data_folder (self->settings, path);
  g_clear_object (&self->chooser);
}

static void
folder_choose_clicked_cb (ClrPreferencesWindow *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = clr_file_chooser_new (GTK_WIDGET (self), _("Choose Data Folder"),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"));
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
folder_reset_clicked_cb (ClrPreferencesWindow *self)
{
  clr_settings_set_data_folder (self->settings, "");
}

static void
clr_preferences_window_dispose (GObject *object)
{
  ClrPreferencesWindow *self = CLR_PREFERENCES_WINDOW (object);

  clr_file_chooser_drop (&self->chooser, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (clr_preferences_window_parent_class)->dispose (object);
}

static void
clr_preferences_window_finalize (GObject *object)
{
  ClrPreferencesWindow *self = CLR_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_preferences_window_parent_class)->finalize (object);
}

static void
clr_preferences_window_class_init (ClrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_preferences_window_dispose;
  object_class->finalize = clr_preferences_window_finalize;

  g_type_ensure (CLR_TYPE_TEAM_DATABASE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/clr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, staleness_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, audit_group);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, ClrPreferencesWindow, team_group);
  gtk_widget_class_bind_template_callback (widget_class, folder_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_reset_clicked_cb);
}

static void
clr_preferences_window_init (ClrPreferencesWindow *self)
{
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GtkStringList) labels = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  countries = load_countries ();
  labels = gtk_string_list_new (NULL);
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < countries->len; i++)
    {
      Country *country = g_ptr_array_index (countries, i);

      gtk_string_list_append (labels, country->label);
      g_ptr_array_add (self->country_codes, g_strdup (country->code));
    }
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (labels));
}

/**
 * clr_preferences_window_new:
 * @settings: the preferences to edit
 *
 * Returns: (transfer full): a new Preferences window.
 */
GtkWindow *
clr_preferences_window_new (ClrSettings *settings)
{
  ClrPreferencesWindow *self;

  g_return_val_if_fail (CLR_IS_SETTINGS (settings), NULL);

  self = g_object_new (CLR_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_object_bind_property (settings, "screening-threshold",
                          self->threshold_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (settings, "list-staleness-days",
                          self->staleness_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (settings, "reviewer-name",
                          self->reviewer_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_country_row (self);
  g_signal_connect_object (settings, "notify::exporter-country",
                           G_CALLBACK (update_country_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected",
                           G_CALLBACK (country_selected_cb), self, G_CONNECT_SWAPPED);

  update_folder_row (self);
  g_signal_connect_object (settings, "notify::data-folder",
                           G_CALLBACK (update_folder_row), self, G_CONNECT_SWAPPED);

  update_reviewer_description (self);
  clr_team_database_group_set_settings (self->team_group, settings);

  return GTK_WINDOW (self);
}

void
clr_preferences_window_set_current_database (ClrPreferencesWindow *self,
                                             const char           *display_location,
                                             gboolean              overridden)
{
  g_return_if_fail (CLR_IS_PREFERENCES_WINDOW (self));

  clr_team_database_group_set_current (self->team_group, display_location, overridden);
}
