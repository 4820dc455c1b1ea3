/* clr-team-database-group.c — Preferences: the team database's address and
 * password, Connect and Disconnect
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-db.h"
#include "clr-store.h"
#include "clr-team-database.h"
#include "widgets/clr-widget.h"

#include "clr-team-database-group.h"

struct _ClrTeamDatabaseGroup
{
  AdwPreferencesGroup  parent_instance;

  /* template */
  GtkWidget           *connect_button;
  GtkWidget           *disconnect_button;
  AdwEntryRow         *address_row;
  AdwEntryRow         *password_row;
  AdwActionRow        *current_row;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;

  ClrSettings         *settings;
  GCancellable        *cancellable;
  char                *address;        /* being connected to */
  char                *current;        /* the display location in use */
  gboolean             overridden;
  gboolean             busy;
  gboolean             keeping_password;  /* Connect with a password typed */
};

G_DEFINE_FINAL_TYPE (ClrTeamDatabaseGroup, clr_team_database_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_sensitivity (ClrTeamDatabaseGroup *self)
{
  const char *saved = self->settings != NULL ? clr_settings_get_team_database (self->settings) : NULL;

  gtk_widget_set_sensitive (self->connect_button, !self->busy && self->settings != NULL);
  gtk_widget_set_sensitive (self->disconnect_button,
                            !self->busy && saved != NULL && saved[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
set_status (ClrTeamDatabaseGroup *self,
            const char           *text,
            gboolean              is_error)
{
  clr_widget_show_message (self->status_label, text, is_error);
}

static void
finish (ClrTeamDatabaseGroup *self,
        const char           *text,
        gboolean              ok)
{
  self->busy = FALSE;
  g_clear_pointer (&self->address, g_free);
  set_status (self, text, !ok);
  update_sensitivity (self);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, ok);
}

static void
update_current_row (ClrTeamDatabaseGroup *self)
{
  g_autofree char *subtitle = NULL;

  if (self->current == NULL)
    subtitle = g_strdup (_("Not open"));
  else if (self->overridden)
    /* Translators: %s is a file path or a server address (never with a password). */
    subtitle = g_strdup_printf (_("%s — chosen with --db or CLEARANCE_DB, which take precedence "
                                  "over this preference"), self->current);
  else
    subtitle = g_strdup (self->current);
  adw_action_row_set_subtitle (self->current_row, subtitle);
}

/* What to say once the address is kept: whether a restart is needed. */
static char *
connected_message (ClrTeamDatabaseGroup *self,
                   const char           *display)
{
  if (self->overridden)
    /* Translators: %s is a server address (never with a password). */
    return g_strdup_printf (_("Connected to %s. Clearance uses it when it is started without "
                              "--db and without CLEARANCE_DB."), display);
  if (g_strcmp0 (self->current, display) == 0)
    /* Translators: %s is a server address (never with a password). */
    return g_strdup_printf (_("Connected to %s, the database in use."), display);
  /* Translators: %s is a server address (never with a password). */
  return g_strdup_printf (_("Connected to %s. Restart Clearance to use the team database."), display);
}

static void
password_kept_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ClrTeamDatabaseGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (!clr_team_database_store_password_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  display = clr_db_dup_display_location (self->address);
  if (error != NULL && self->keeping_password)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the keyring's message. */
      text = g_strdup_printf (_("The password could not be kept in your keyring, so the team "
                                "database was not chosen: %s"), error->message);
      finish (self, text, FALSE);
      return;
    }
  if (error != NULL)
    /* No password to forget, and no keyring to forget it from. */
    g_debug ("The keyring: %s", error->message);

  clr_settings_set_team_database (self->settings, self->address);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  message = connected_message (self, display);
  finish (self, message, TRUE);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrTeamDatabaseGroup) self = user_data;
  ClrStore *store = CLR_STORE (object);
  g_autoptr(GError) error = NULL;
  const char *password;

  if (!clr_store_open_finish (store, result, &error))
    {
      g_autofree char *text = NULL;
      const char *display = clr_store_get_display_path (store);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (strstr (error->message, display) != NULL)
        /* Translators: %s is the server's message, which names the address. */
        text = g_strdup_printf (_("Cannot connect: %s"), error->message);
      else
        /* Translators: the first %s is a server address, the second the server's message. */
        text = g_strdup_printf (_("Cannot connect to %s: %s"), display, error->message);
      finish (self, text, FALSE);
      return;
    }

  /* It works: keep the password (or forget an old one when there is none). */
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  self->keeping_password = password[0] != '\0';
  clr_team_database_store_password_async (self->address, password, self->cancellable,
                                          password_kept_cb, g_object_ref (self));
}

void
clr_team_database_group_connect (ClrTeamDatabaseGroup *self)
{
  g_autofree char *address = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *location = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ClrStore) store = NULL;

  g_return_if_fail (CLR_IS_TEAM_DATABASE_GROUP (self));

  if (self->busy || self->settings == NULL)
    return;

  address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  problem = clr_team_database_check_address (address);
  if (problem != NULL)
    {
      set_status (self, problem, TRUE);
      g_signal_emit (self, signals[SIGNAL_DONE], 0, FALSE);
      return;
    }

  self->busy = TRUE;
  g_free (self->address);
  self->address = g_strdup (address);
  update_sensitivity (self);
  display = clr_db_dup_display_location (address);
  /* Translators: %s is a server address (never with a password). */
  text = g_strdup_printf (_("Connecting to %s…"), display);
  set_status (self, text, FALSE);

  /* Opening it is the test: the server's TLS, the role and its password,
   * and the schema (an empty database gets it). */
  location = clr_team_database_build_location (address, gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  store = clr_store_new (location);
  clr_store_open_async (store, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClrTeamDatabaseGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_team_database_store_password_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Forgetting the team database password: %s", error->message);
    }
  clr_settings_set_team_database (self->settings, "");
  finish (self, self->overridden
                ? _("Disconnected. The database chosen with --db or CLEARANCE_DB stays in use.")
                : _("Disconnected. Restart Clearance to use the database on this computer."), TRUE);
}

void
clr_team_database_group_disconnect (ClrTeamDatabaseGroup *self)
{
  const char *saved;

  g_return_if_fail (CLR_IS_TEAM_DATABASE_GROUP (self));

  saved = self->settings != NULL ? clr_settings_get_team_database (self->settings) : NULL;
  if (self->busy || saved == NULL || saved[0] == '\0')
    return;

  self->busy = TRUE;
  update_sensitivity (self);
  clr_team_database_store_password_async (saved, NULL, self->cancellable, forgotten_cb, g_object_ref (self));
}

void
clr_team_database_group_set_settings (ClrTeamDatabaseGroup *self,
                                      ClrSettings          *settings)
{
  g_return_if_fail (CLR_IS_TEAM_DATABASE_GROUP (self));
  g_return_if_fail (settings == NULL || CLR_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), clr_settings_get_team_database (settings));
      g_signal_connect_object (settings, "notify::team-database", G_CALLBACK (update_sensitivity), self,
                               G_CONNECT_SWAPPED);
    }
  update_sensitivity (self);
}

void
clr_team_database_group_set_current (ClrTeamDatabaseGroup *self,
                                     const char           *display_location,
                                     gboolean              overridden)
{
  g_return_if_fail (CLR_IS_TEAM_DATABASE_GROUP (self));

  g_free (self->current);
  self->current = g_strdup (display_location);
  self->overridden = overridden;
  update_current_row (self);
}

const char *
clr_team_database_group_get_status (ClrTeamDatabaseGroup *self)
{
  g_return_val_if_fail (CLR_IS_TEAM_DATABASE_GROUP (self), NULL);

  return gtk_label_get_text (self->status_label);
}

static void
clr_team_database_group_dispose (GObject *object)
{
  ClrTeamDatabaseGroup *self = CLR_TEAM_DATABASE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_TEAM_DATABASE_GROUP);

  G_OBJECT_CLASS (clr_team_database_group_parent_class)->dispose (object);
}

static void
clr_team_database_group_finalize (GObject *object)
{
  ClrTeamDatabaseGroup *self = CLR_TEAM_DATABASE_GROUP (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (clr_team_database_group_parent_class)->finalize (object);
}

static void
clr_team_database_group_class_init (ClrTeamDatabaseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_team_database_group_dispose;
  object_class->finalize = clr_team_database_group_finalize;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/clr-team-database-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, connect_button);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, address_row);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, password_row);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, current_row);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClrTeamDatabaseGroup, status_label);
  gtk_widget_class_bind_template_callback (widget_class, clr_team_database_group_connect);
  gtk_widget_class_bind_template_callback (widget_class, clr_team_database_group_disconnect);
}

static void
clr_team_database_group_init (ClrTeamDatabaseGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_current_row (self);
  update_sensitivity (self);
}
