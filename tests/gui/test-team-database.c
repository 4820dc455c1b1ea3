/* test-team-database.c — Preferences → Team Database: the address goes to
 * the settings, the password only to the keyring; neither a message nor the
 * settings ever hold the password
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings are GLib's memory backend (tests/meson.build). The keyring is
 * a gnome-keyring-daemon this test starts on the private session bus of
 * run-gui-test.sh, with its files in the test's folder; the Connect test
 * also needs the PostgreSQL test server ($CLEARANCE_TEST_PG). Each part
 * skips without what it needs.
 */

#include "config.h"

#include <libsecret/secret.h>

#include "clr-db.h"
#include "clr-gui-test.h"
#include "clr-preferences-window.h"
#include "clr-team-database.h"
#include "clr-team-database-group.h"

#define PASSWORD "Pa55-w0rd/with?odd&chars"

static ClrApplication *app;

static ClrSettings *
settings (void)
{
  return clr_application_get_settings (app);
}

/* TRUE when no key of the app's settings holds @text. */
static gboolean
settings_free_of (const char *text)
{
  GSettings *gs = clr_settings_get_gsettings (settings ());
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (gs, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 5);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (gs, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      if (strstr (printed, text) != NULL)
        {
          g_test_message ("the setting %s holds it: %s", keys[i], printed);
          return FALSE;
        }
    }
  return TRUE;
}

/* The address rules, and the location the app builds in memory: its
 * display form (what messages and logs show) has no password. */
static void
test_address (void)
{
  const char *address = "postgresql://db.example.com/clearance?sslmode=verify-full";
  const char *refused[] = {
    "postgresql://clearance:secret@db.example.com/clearance",
    "postgresql://db.example.com/clearance?sslmode=require&password=secret",
    "/home/me/clearance.db",
    "",
  };
  g_autofree char *problem = clr_team_database_check_address (address);
  g_autofree char *location = NULL;
  g_autofree char *display = NULL;
  g_autofree char *bare = NULL;

  g_assert_null (problem);
  g_assert_null (clr_team_database_check_address ("postgres://db.example.com/clearance"));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *why = clr_team_database_check_address (refused[i]);

      g_assert_nonnull (why);
    }

  location = clr_team_database_build_location (address, PASSWORD);
  g_assert_true (g_str_has_prefix (location, address));
  g_assert_nonnull (strstr (location, "&password="));
  /* libpq reads the URI percent-decoded: the password arrives whole. */
  g_assert_null (strstr (location, "?odd&chars"));
  display = clr_db_dup_display_location (location);
  g_assert_cmpstr (display, ==, address);
  g_assert_null (strstr (display, "Pa55"));

  bare = clr_team_database_build_location ("postgresql://db.example.com/clearance", "");
  g_assert_cmpstr (bare, ==, "postgresql://db.example.com/clearance");
}

/* --db, then $CLEARANCE_DB, then the preference, then the local file. */
static void
test_choose (void)
{
  const char *team = "postgresql://db.example.com/clearance?sslmode=verify-full";
  g_autofree char *saved_env = g_strdup (g_getenv ("CLEARANCE_DB"));
  char *location = NULL;

  g_setenv ("CLEARANCE_DB", "/tmp/from-env.db", TRUE);
  g_assert_cmpint (clr_team_database_choose ("/tmp/option.db", team, &location), ==, CLR_DATABASE_FROM_OPTION);
  g_assert_cmpstr (location, ==, "/tmp/option.db");
  g_clear_pointer (&location, g_free);
  g_assert_cmpint (clr_team_database_choose (NULL, team, &location), ==, CLR_DATABASE_FROM_ENV);
  g_assert_cmpstr (location, ==, "/tmp/from-env.db");
  g_clear_pointer (&location, g_free);

  g_unsetenv ("CLEARANCE_DB");
  g_assert_cmpint (clr_team_database_choose (NULL, team, &location), ==, CLR_DATABASE_FROM_TEAM);
  g_assert_cmpstr (location, ==, team);
  g_clear_pointer (&location, g_free);
  g_assert_cmpint (clr_team_database_choose (NULL, "", &location), ==, CLR_DATABASE_LOCAL);
  g_assert_true (g_str_has_suffix (location, "clearance.db"));
  g_assert_false (clr_db_location_is_server (location));
  g_clear_pointer (&location, g_free);

  if (saved_env != NULL)
    g_setenv ("CLEARANCE_DB", saved_env, TRUE);
}

typedef struct
{
  GtkWindow            *window;
  ClrTeamDatabaseGroup *group;
  guint                 done;
  gboolean              ok;
} Prefs;

static void
done_cb (Prefs    *prefs,
         gboolean  ok)
{
  prefs->done++;
  prefs->ok = ok;
}

static void
prefs_open (Prefs *prefs)
{
  prefs->window = clr_preferences_window_new (settings ());
  clr_preferences_window_set_current_database (CLR_PREFERENCES_WINDOW (prefs->window),
                                               "/tmp/clearance.db", FALSE);
  gtk_window_present (prefs->window);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs->window), "team");
  clr_gui_test_wait_mapped (GTK_WIDGET (prefs->window));
  prefs->group = CLR_TEAM_DATABASE_GROUP (clr_gui_test_find_widget (GTK_WIDGET (prefs->window),
                                                                    CLR_TYPE_TEAM_DATABASE_GROUP, NULL));
  g_assert_nonnull (prefs->group);
  g_signal_connect_swapped (prefs->group, "done", G_CALLBACK (done_cb), prefs);
}

/* Types into the group's rows and presses its button, as a user does. */
static gboolean
prefs_press (Prefs      *prefs,
             const char *address,
             const char *password,
             const char *button)
{
  GtkWidget *root = GTK_WIDGET (prefs->group);
  guint before = prefs->done;

  if (address != NULL)
    gtk_editable_set_text (GTK_EDITABLE (clr_gui_test_find_widget (root, ADW_TYPE_ENTRY_ROW, "Server Address")),
                           address);
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (clr_gui_test_find_widget (root, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                                   "Password (kept in your keyring)")),
                           password);
  g_assert_true (gtk_widget_is_sensitive (clr_gui_test_find_widget (root, GTK_TYPE_BUTTON, button)));
  g_signal_emit_by_name (clr_gui_test_find_widget (root, GTK_TYPE_BUTTON, button), "clicked");
  clr_gui_test_wait_count (&prefs->done, before, 30);
  return prefs->ok;
}

/* A server that cannot be reached: the message names the address (without
 * the password), and nothing is kept. */
static void
test_connect_fails (void)
{
  Prefs prefs = { 0, };
  const char *address = "postgresql://127.0.0.1:1/nowhere?connect_timeout=3";
  const char *status;

  clr_settings_set_team_database (settings (), "");
  prefs_open (&prefs);

  g_assert_false (prefs_press (&prefs, address, PASSWORD, "Connect"));
  status = clr_team_database_group_get_status (prefs.group);
  g_test_message ("%s", status);
  g_assert_nonnull (strstr (status, "postgresql://127.0.0.1:1/nowhere"));
  g_assert_null (strstr (status, "Pa55"));
  g_assert_cmpstr (clr_settings_get_team_database (settings ()), ==, "");
  g_assert_true (settings_free_of ("Pa55"));
  clr_gui_test_save_artifact (GTK_WIDGET (prefs.window), "team-database-failed.png");

  /* A password in the address itself is refused before anything is tried. */
  g_assert_false (prefs_press (&prefs, "postgresql://me:Pa55-inline@db.example.com/x", "", "Connect"));
  g_assert_nonnull (strstr (clr_team_database_group_get_status (prefs.group), "Password field"));
  g_assert_cmpstr (clr_settings_get_team_database (settings ()), ==, "");
  g_assert_true (settings_free_of ("Pa55"));

  gtk_window_destroy (prefs.window);
}

/* A private, unlocked login keyring on this test's session bus, or FALSE
 * (and the test skipped) when none can be had. */
static gboolean
start_keyring (void)
{
  static int started = -1;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring_program = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *data = NULL;
  const char *variables[] = { "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "HOME" };
  GVariantBuilder environment;
  gboolean has_owner;

  if (started >= 0)
    return started;
  started = FALSE;
  if (keyring_program == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed (Debian: gnome-keyring)");
      return FALSE;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_test_skip ("no session bus");
      return FALSE;
    }
  /* Never the user's own keyring: only a bus where nobody keeps secrets. */
  owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (owner == NULL)
    {
      g_test_skip ("cannot tell whether the session bus has a keyring");
      return FALSE;
    }
  g_variant_get (owner, "(b)", &has_owner);
  if (has_owner)
    {
      g_test_skip ("the session bus has a keyring already: not the test's own");
      return FALSE;
    }

  data = g_build_filename (clr_gui_test_get_tmpdir (), "keyring", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  /* Whichever keyring daemon the bus starts keeps its files in the test's
   * folder, never in the user's. */
  g_variant_builder_init (&environment, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_variant_builder_add (&environment, "{ss}", variables[i], data);
  /* The tests' G_DEBUG=fatal-warnings is not the daemon's to abort on. */
  g_variant_builder_add (&environment, "{ss}", "G_DEBUG", "");
  g_variant_unref (g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                "org.freedesktop.DBus", "UpdateActivationEnvironment",
                                                g_variant_new ("(a{ss})", &environment), NULL,
                                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error));
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_subprocess_launcher_setenv (launcher, variables[i], data, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  /* --unlock reads the new login keyring's password, then forks the daemon,
   * which leaves with the session bus. */
  daemon = g_subprocess_launcher_spawn (launcher, &error, keyring_program, "--unlock",
                                        "--components=secrets", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (daemon, "test-keyring", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (daemon));

  /* The forked daemon takes its bus name a moment later. */
  for (int tries = 0; !has_owner && tries < 100; tries++)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                               G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                               -1, NULL, NULL);

      if (reply != NULL)
        g_variant_get (reply, "(b)", &has_owner);
      if (!has_owner)
        g_usleep (50 * 1000);
    }
  g_assert_true (has_owner);
  started = TRUE;
  return TRUE;
}

static char *
keyring_password (const char *address)
{
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (&(const SecretSchema) {
                                                BASE_ID ".TeamDatabase", SECRET_SCHEMA_NONE,
                                                { { "address", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
                                                0, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
                                              NULL, &error, "address", address, NULL);
  char *copy;

  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static void
keep_password (const char *address,
               const char *password)
{
  ClrTestAsync wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  clr_team_database_store_password_async (address, password, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  ok = clr_team_database_store_password_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_main_loop_unref (wait.loop);
}

static char *
lookup_password (const char *address)
{
  ClrTestAsync wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  clr_team_database_lookup_password_async (address, NULL, clr_test_async_ready, &wait);
  result = clr_test_async_wait (&wait);
  password = clr_team_database_lookup_password_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_unref (wait.loop);
  return password;
}

/* The keyring keeps one password per address, as the app reads it at start. */
static void
test_keyring (void)
{
  const char *one = "postgresql://db.example.com/one";
  const char *two = "postgresql://db.example.com/two?sslmode=verify-full";
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *forgotten = NULL;

  if (!start_keyring ())
    return;

  keep_password (one, PASSWORD);
  keep_password (two, "another");
  first = lookup_password (one);
  g_assert_cmpstr (first, ==, PASSWORD);
  keep_password (one, "changed");
  replaced = lookup_password (one);
  g_assert_cmpstr (replaced, ==, "changed");
  keep_password (one, NULL);
  forgotten = lookup_password (one);
  g_assert_null (forgotten);
  other = lookup_password (two);
  g_assert_cmpstr (other, ==, "another");
  keep_password (two, "");
  keep_password (two, NULL);
}

/* Connect on the test server: the address is kept in the settings, the
 * password in the keyring and nowhere in the settings; the next start's
 * location (address + keyring password) opens the server. Disconnect
 * forgets both. */
static void
test_connect_keeps_password (void)
{
  g_autofree char *address = clr_test_pg_database_new ();
  g_autofree char *kept = NULL;
  g_autofree char *location = NULL;
  g_autoptr(ClrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Prefs prefs = { 0, };

  if (address == NULL || !start_keyring ())
    {
      clr_test_pg_database_drop (address);
      return;
    }

  clr_settings_set_team_database (settings (), "");
  prefs_open (&prefs);
  /* The test server trusts its socket: any password is accepted. */
  g_assert_true (prefs_press (&prefs, address, PASSWORD, "Connect"));
  g_test_message ("%s", clr_team_database_group_get_status (prefs.group));
  g_assert_nonnull (strstr (clr_team_database_group_get_status (prefs.group),
                            "Restart Clearance to use the team database"));
  g_assert_null (strstr (clr_team_database_group_get_status (prefs.group), "Pa55"));
  g_assert_cmpstr (clr_settings_get_team_database (settings ()), ==, address);
  g_assert_true (settings_free_of ("Pa55"));
  kept = keyring_password (address);
  g_assert_cmpstr (kept, ==, PASSWORD);

  /* What the app opens at its next start. */
  location = clr_team_database_build_location (clr_settings_get_team_database (settings ()), kept);
  store = clr_store_new (location);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_is_server (store));
  g_assert_null (strstr (clr_store_get_display_path (store), "Pa55"));
  g_clear_object (&store);

  g_assert_true (prefs_press (&prefs, NULL, NULL, "Disconnect"));
  g_assert_cmpstr (clr_settings_get_team_database (settings ()), ==, "");
  g_clear_pointer (&kept, g_free);
  kept = keyring_password (address);
  g_assert_null (kept);

  gtk_window_destroy (prefs.window);
  clr_gui_test_iterate ();
  clr_test_pg_database_drop (address);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/team-database/address", test_address),
  CLR_TEST_FUNC ("/clearance/gui/team-database/choose", test_choose),
  CLR_TEST_FUNC ("/clearance/gui/team-database/keyring", test_keyring),
  CLR_TEST_FUNC ("/clearance/gui/team-database/connect-fails", test_connect_fails),
  CLR_TEST_FUNC ("/clearance/gui/team-database/connect-keeps-password", test_connect_keeps_password),
};

static int
run (int                *argc,
     char             ***argv,
     ClrApplication    **app_out,
     const ClrTestTable *table)
{
  int rc = clr_gui_test_main (argc, argv, app_out, table);

  /* libsecret's shared connection to the keyring. */
  secret_service_disconnect ();
  return rc;
}

CLR_TEST_MAIN_WITH (run, &app, CLR_TEST_TABLE_FUNCS (tests))
