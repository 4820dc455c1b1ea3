/* clr-application.c — the Clearance application: settings, the store, windows
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-a11y.h"
#include "clr-db.h"
#include "clr-store-audit.h"
#include "clr-preferences-window.h"
#include "clr-team-database.h"
#include "clr-window.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-widget.h"

#include "clr-application.h"

struct _ClrApplication
{
  AdwApplication  parent_instance;

  ClrSettings    *settings;
  ClrStore       *store;
  char           *db_path;        /* --db, else NULL: see choose_location () */
  GCancellable   *cancellable;
  GPtrArray      *pending_files;  /* files to open once the window exists */

  guint           opening : 1;    /* the store is being opened; holds the app */
  guint           activate_pending : 1;
  guint           overridden : 1; /* --db or $CLEARANCE_DB chose the database */
  guint           from_team_preference : 1; /* the Team Database preference chose it */
};

G_DEFINE_FINAL_TYPE (ClrApplication, clr_application, ADW_TYPE_APPLICATION)

static void apply_reviewer (ClrApplication *self);

/**
 * ClrApplication:store:
 *
 * The opened database, or %NULL while it is being opened.
 */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_OBJECT ("store", ClrApplication, store, clr_store_get_type,
                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY),
};

enum {
  PROP_STORE = 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_store (ClrApplication *self,
                        const char     *path);

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static ClrWindow *
get_main_window (ClrApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CLR_IS_WINDOW (l->data))
        return CLR_WINDOW (l->data);
    }

  return NULL;
}

static ClrWindow *
ensure_main_window (ClrApplication *self)
{
  ClrWindow *window = get_main_window (self);

  if (window == NULL)
    window = clr_window_new (self);

  return window;
}

static void
open_files_in_window (ClrApplication *self,
                      ClrWindow      *window)
{
  for (guint i = 0; i < self->pending_files->len; i++)
    clr_window_open_file (window, g_ptr_array_index (self->pending_files, i));

  g_ptr_array_set_size (self->pending_files, 0);
}

static void
present_main_window (ClrApplication *self)
{
  ClrWindow *window = ensure_main_window (self);

  gtk_window_present (GTK_WINDOW (window));
  open_files_in_window (self, window);
}

static void
stop_opening (ClrApplication *self)
{
  if (self->opening)
    {
      self->opening = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

static void
store_error_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ClrApplication   *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "clr-db-path"));

  /* The dialog has done its job whatever the answer. */
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "move-aside") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *moved = clr_store_move_aside (path, &error);

      if (moved == NULL)
        {
          AdwMessageDialog *failed;

          failed = clr_widget_message_dialog_new (NULL, _("Could Not Move the Database"), error->message,
                                                  "quit", _("_Quit"), NULL);
          gtk_window_set_application (GTK_WINDOW (failed), GTK_APPLICATION (self));
          g_signal_connect_swapped (failed, "response",
                                    G_CALLBACK (g_application_quit), self);
          gtk_window_present (GTK_WINDOW (failed));
          return;
        }

      g_object_set_data_full (G_OBJECT (self), "clr-moved-aside", g_steal_pointer (&moved), g_free);
      open_store (self, path);
    }
  else if (g_strcmp0 (response, "local") == 0)
    {
      g_autofree char *local = clr_store_dup_default_path ();

      self->from_team_preference = FALSE;
      open_store (self, local);
    }
  else
    {
      g_application_quit (G_APPLICATION (self));
    }
}

static void
show_store_error (ClrApplication *self,
                  const char     *path,
                  const GError   *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  gboolean can_move_aside;

  /* A server's database is the team's: never moved aside from here. */
  can_move_aside = !clr_db_location_is_server (path)
                   && (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT)
                       || g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NEWER_SCHEMA));

  if (can_move_aside)
    /* Translators: the first %s is a file path, the second the reason. */
    body = g_strdup_printf (_("The database “%s” cannot be used: %s\n\n"
                              "Clearance can move it aside — it is kept, renamed, next to the "
                              "original — and start with a new, empty database."),
                            path, error->message);
  else
    /* Translators: the first %s is a file path, the second the reason. */
    body = g_strdup_printf (_("The database “%s” cannot be opened: %s"), path, error->message);

  dialog = clr_widget_message_dialog_new (NULL, _("Cannot Open the Database"), body, "quit", _("_Quit"), NULL);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "clr-db-path", g_strdup (path), g_free);

  if (can_move_aside)
    {
      adw_message_dialog_add_response (dialog, "move-aside", _("_Move Aside and Start Fresh"));
      adw_message_dialog_set_response_appearance (dialog, "move-aside",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  if (self->from_team_preference)
    /* The server is down, or the password changed: work on this computer
     * meanwhile (Preferences → Team Database changes the choice). */
    adw_message_dialog_add_response (dialog, "local", _("Use the _Local Database"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (store_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrApplication) self = user_data;
  ClrStore *store = CLR_STORE (object);
  g_autoptr(GError) error = NULL;
  const char *moved;

  if (!clr_store_open_finish (store, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          stop_opening (self);
          return;
        }
      g_message ("Cannot open the database %s: %s", clr_store_get_display_path (store), error->message);
      /* The dialog is a window of the application and keeps it running. */
      show_store_error (self, clr_store_get_display_path (store), error);
      stop_opening (self);
      return;
    }

  clr_application_set_store (self, store);

  if (self->activate_pending)
    {
      self->activate_pending = FALSE;
      present_main_window (self);
    }

  moved = g_object_get_data (G_OBJECT (self), "clr-moved-aside");
  if (moved != NULL && get_main_window (self) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the path the old database was renamed to. */
      message = g_strdup_printf (_("The old database was kept as “%s”"), moved);
      clr_window_show_toast (get_main_window (self), message);
      g_object_set_data (G_OBJECT (self), "clr-moved-aside", NULL);
    }

  stop_opening (self);
}

static void
hold_while_opening (ClrApplication *self)
{
  if (!self->opening)
    {
      /* Without a window the application would exit while the store opens. */
      self->opening = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
}

static void
open_store (ClrApplication *self,
            const char     *path)
{
  g_autoptr(ClrStore) store = clr_store_new (path);

  hold_while_opening (self);
  self->activate_pending = TRUE;

  clr_store_open_async (store, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
team_password_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ClrApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = clr_team_database_lookup_password_finish (result, &error);
  g_autofree char *location = NULL;
  const char *address = clr_settings_get_team_database (self->settings);
  gboolean pending = self->activate_pending;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      stop_opening (self);
      return;
    }
  if (error != NULL)
    /* No keyring: libpq may still find a password (~/.pgpass) or need none. */
    g_message ("The team database password could not be read from the keyring: %s", error->message);

  /* In memory only: the store shows and logs the address without it. */
  location = clr_team_database_build_location (address, password);
  open_store (self, location);
  self->activate_pending = pending;
}

/* Where the database is, by precedence: --db, $CLEARANCE_DB, the Team
 * Database preference (its password from the keyring), the local file. */
static void
open_chosen_store (ClrApplication *self)
{
  g_autofree char *location = NULL;
  ClrDatabaseSource source = clr_team_database_choose (self->db_path,
                                                       clr_settings_get_team_database (self->settings),
                                                       &location);

  self->overridden = source == CLR_DATABASE_FROM_OPTION || source == CLR_DATABASE_FROM_ENV;
  self->from_team_preference = source == CLR_DATABASE_FROM_TEAM;
  if (self->from_team_preference)
    {
      hold_while_opening (self);
      clr_team_database_lookup_password_async (location, self->cancellable, team_password_cb,
                                               g_object_ref (self));
      return;
    }

  open_store (self, location);
}


static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ClrApplication *self = user_data;
  static const char *developers[] = { "The Clearance authors", NULL };

  adw_show_about_window (GTK_WINDOW (get_main_window (self)),
                         "application-name", _("Clearance"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Clearance authors"),
                         "developers", developers,
                         "comments", _("Screen the parties of a shipment against restricted-party "
                                       "lists and check whether an export license is needed."),
                         "copyright", "© 2026 The Clearance authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ClrApplication *self = user_data;
  GtkWindow *window;

  window = clr_preferences_window_new (self->settings);
  clr_preferences_window_set_current_database (CLR_PREFERENCES_WINDOW (window),
                                               self->store != NULL ? clr_store_get_display_path (self->store) : NULL,
                                               self->overridden);
  gtk_window_set_transient_for (window, GTK_WINDOW (get_main_window (self)));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static int
clr_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  ClrApplication *self = CLR_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("clearance %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* G_OPTION_ARG_FILENAME arrives as a bytestring. An empty path would make
   * SQLite open a throw-away database whose decisions vanish on exit. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && (db == NULL || db[0] == '\0'))
    {
      g_printerr ("clearance: %s\n",
                  _("--db: the path is empty (an empty path would be a throw-away database); "
                    "give a file, or leave --db out for the default database"));
      return 1;
    }
  if (db != NULL && clr_db_location_is_server (db))
    {
      /* A team server's address, not a file. */
      g_free (self->db_path);
      self->db_path = g_strdup (db);
    }
  else if (db != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
clr_application_startup (GApplication *app)
{
  ClrApplication *self = CLR_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *audit_accels[] = { "<Control><Shift>l", NULL };

  G_APPLICATION_CLASS (clr_application_parent_class)->startup (app);
  clr_a11y_install_mnemonic_names ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.audit-log", audit_accels);

  open_chosen_store (self);
  /* Nothing to show until activate (or open) asks for it. */
  self->activate_pending = FALSE;
}

static void
clr_application_activate (GApplication *app)
{
  ClrApplication *self = CLR_APPLICATION (app);

  if (self->store != NULL)
    present_main_window (self);
  else if (self->opening)
    self->activate_pending = TRUE;
}

static void
clr_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  ClrApplication *self = CLR_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_files, g_object_ref (files[i]));

  clr_application_activate (app);
}

static void
clr_application_shutdown (GApplication *app)
{
  ClrApplication *self = CLR_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (clr_application_parent_class)->shutdown (app);
}

static void
clr_application_dispose (GObject *object)
{
  ClrApplication *self = CLR_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_application_parent_class)->dispose (object);
}

static void
clr_application_finalize (GObject *object)
{
  ClrApplication *self = CLR_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (clr_application_parent_class)->finalize (object);
}

static void
clr_application_class_init (ClrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = clr_application_dispose;
  object_class->finalize = clr_application_finalize;

  app_class->handle_local_options = clr_application_handle_local_options;
  app_class->startup = clr_application_startup;
  app_class->activate = clr_application_activate;
  app_class->open = clr_application_open;
  app_class->shutdown = clr_application_shutdown;

  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_application_init (ClrApplication *self)
{
  self->settings = clr_settings_new ();
  g_signal_connect_object (self->settings, "notify::reviewer-name", G_CALLBACK (apply_reviewer), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[SHIPMENT-FILE…]"));
}

/**
 * clr_application_new:
 *
 * Returns: (transfer full): the application, unique per session.
 */
ClrApplication *
clr_application_new (void)
{
  return g_object_new (CLR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* Fixed across profiles: APP_ID gains .Devel, resources do not. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

ClrApplication *
clr_application_get_default (void)
{
  GApplication *app = g_application_get_default ();

  return CLR_IS_APPLICATION (app) ? CLR_APPLICATION (app) : NULL;
}

/* The Reviewer Name preference names the reviewer of everything the app
 * writes to the audit trail (evaluations, imports, re-screens, decisions);
 * empty: the store's default ($CLEARANCE_REVIEWER, else the account's name). */
static void
apply_reviewer (ClrApplication *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  name = g_strstrip (g_strdup (clr_settings_get_reviewer_name (self->settings) ?: ""));
  clr_store_audit_set_reviewer (self->store, name[0] != '\0' ? name : NULL);
}

ClrStore *
clr_application_get_store (ClrApplication *self)
{
  g_return_val_if_fail (CLR_IS_APPLICATION (self), NULL);

  return self->store;
}

GFile *
clr_application_dup_dialog_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static gboolean
show_database_replaced (gpointer user_data)
{
  char *message = user_data;
  ClrApplication *self = clr_application_get_default ();
  ClrWindow *window = self != NULL ? get_main_window (self) : NULL;
  AdwMessageDialog *dialog;

  if (window == NULL)
    return G_SOURCE_REMOVE;

  dialog = clr_widget_message_dialog_new (GTK_WIDGET (window), _("Recent Changes May Be Lost"), message,
                                          "close", _("_Close"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

/* ClrStore::database-replaced, in whatever thread wrote: show it in the main
 * thread, in a dialog (a toast could pass unseen). */
static void
database_replaced_cb (ClrStore   *store,
                      const char *message,
                      gpointer    user_data)
{
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_database_replaced,
                              g_strdup (message), g_free);
}

void
clr_application_set_store (ClrApplication *self,
                           ClrStore       *store)
{
  g_return_if_fail (CLR_IS_APPLICATION (self));
  g_return_if_fail (store == NULL || CLR_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, database_replaced_cb, self);
  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (self->store != NULL)
    {
      g_signal_connect (self->store, "database-replaced", G_CALLBACK (database_replaced_cb), self);
      /* A team database: hear what the others change (the pages reload on
       * ::external-change); it connects in a worker thread. */
      clr_store_watch (self->store);
    }
  apply_reviewer (self);
}

ClrSettings *
clr_application_get_settings (ClrApplication *self)
{
  g_return_val_if_fail (CLR_IS_APPLICATION (self), NULL);

  return self->settings;
}
