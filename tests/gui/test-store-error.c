/* test-store-error.c — a database that cannot be used gets a dialog that names
 * it and offers to move it aside (never deleting it) or to quit
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "clr-gui-test.h"
#include "clr-store-audit.h"
#include "clr-window.h"

#define GARBAGE "This is a shipping manifest, not a database.\n"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("clearance-store-error-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "clearance.db", NULL);
  g_setenv ("CLEARANCE_DB", f->db, TRUE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
write_newer_schema (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE t (x); PRAGMA user_version = %d;",
                                          clr_store_get_latest_schema_version () + 1);

  clr_test_sql_exec (path, sql);
}

/* Starts the application the way `clearance` does and waits for the dialog. */
static AdwMessageDialog *
start_and_wait_for_dialog (ClrApplication **app_out,
                           const char      *db)
{
  g_autoptr(GError) error = NULL;
  ClrApplication *app = clr_application_new ();
  AdwMessageDialog *dialog;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  CLR_GUI_TEST_WAIT_UNTIL (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL, 20);
  dialog = ADW_MESSAGE_DIALOG (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);

  /* No main window over a database that could not be opened. */
  g_assert_null (clr_gui_test_find_window (CLR_TYPE_WINDOW));
  g_assert_null (clr_application_get_store (app));

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Database");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), db));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_true (adw_message_dialog_has_response (dialog, "move-aside"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "move-aside"), ==,
                   "_Move Aside and Start Fresh");

  *app_out = app;
  return dialog;
}

static char *
find_moved_aside (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* The database file itself (its -wal and -shm go with it). */
      if (g_str_has_prefix (name, "clearance.db.damaged-") &&
          !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
        {
          g_assert_null (found);
          found = g_build_filename (f->dir, name, NULL);
        }
    }
  return found;
}

static void
finish_app (ClrApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  clr_gui_test_iterate ();
  g_object_unref (app);
}

static void
move_aside_and_start_fresh (Fixture    *f,
                            const char *expected_contents)
{
  ClrApplication *app = NULL;
  AdwMessageDialog *dialog = start_and_wait_for_dialog (&app, f->db);
  g_autofree char *moved = NULL;
  g_autofree char *contents = NULL;
  ClrStore *store;

  adw_message_dialog_response (dialog, "move-aside");
  CLR_GUI_TEST_WAIT_UNTIL (clr_gui_test_find_window (CLR_TYPE_WINDOW) != NULL, 20);

  /* A fresh database at the same place, the old one kept beside it, intact. */
  store = clr_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_cmpstr (clr_store_get_path (store), ==, f->db);
  g_assert_cmpint (clr_store_get_schema_version (store), ==, clr_store_get_latest_schema_version ());
  g_assert_nonnull (clr_gui_test_find_window (CLR_TYPE_WINDOW));
  g_assert_null (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  moved = find_moved_aside (f);
  g_assert_nonnull (moved);
  if (expected_contents != NULL)
    {
      g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected_contents);
    }

  finish_app (app);
}

/* Runs @body (a void (*) (Fixture *)) in a subprocess of this test: the
 * application is made once per process. */
static void
test_in_subprocess (Fixture       *f,
                    gconstpointer  body)
{
  if (g_test_subprocess ())
    {
      ((void (*) (Fixture *)) body) (f);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
corrupt_move_aside (Fixture *f)
{
  g_assert_true (g_file_set_contents (f->db, GARBAGE GARBAGE GARBAGE, -1, NULL));
  move_aside_and_start_fresh (f, GARBAGE GARBAGE GARBAGE);
}

static void
newer_schema_move_aside (Fixture *f)
{
  write_newer_schema (f->db);
  move_aside_and_start_fresh (f, NULL);
}

static void
quit_leaves_file_alone (Fixture *f)
{
  ClrApplication *app = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;
  g_autofree char *moved = NULL;

  g_assert_true (g_file_set_contents (f->db, GARBAGE, -1, NULL));
  dialog = start_and_wait_for_dialog (&app, f->db);
  adw_message_dialog_response (dialog, "quit");
  clr_gui_test_iterate ();

  g_assert_null (clr_application_get_store (app));
  g_assert_null (clr_gui_test_find_window (CLR_TYPE_WINDOW));
  g_assert_true (g_file_get_contents (f->db, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, GARBAGE);
  moved = find_moved_aside (f);
  g_assert_null (moved);

  finish_app (app);
}

/* The database's WAL removed under the running app (issue 16 §1): the next
 * change reopens the database and a dialog names the action to check. File
 * dialogs start in Documents (else home), never in the database's folder. */
static void
wal_replaced_dialog (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = clr_application_dup_dialog_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db, "-shm", NULL);
  ClrApplication *app = clr_application_new ();
  AdwMessageDialog *dialog;
  ClrStore *store;

  g_assert_cmpstr (folder_path, !=, f->dir);
  g_assert_true (g_strcmp0 (folder_path, g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)) == 0 ||
                 g_strcmp0 (folder_path, g_get_home_dir ()) == 0);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  CLR_GUI_TEST_WAIT_UNTIL (clr_application_get_store (app) != NULL &&
                           clr_gui_test_find_window (CLR_TYPE_WINDOW) != NULL, 20);
  store = clr_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_null (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_unlink (shm);
  g_assert_cmpint (clr_store_audit_append (store, "review.decide", "review", "42", 0, NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  CLR_GUI_TEST_WAIT_UNTIL (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL, 20);
  dialog = ADW_MESSAGE_DIALOG (clr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recent Changes May Be Lost");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "review.decide review 42"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->db));

  /* The store goes on working: the next change is saved. */
  g_assert_cmpint (clr_store_audit_append (store, "review.decide", "review", "43", 0, NULL, NULL, &error),
                   >, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  finish_app (app);
}

static const ClrTestCase tests[] = {
  CLR_TEST_DATA ("/clearance/gui/store-error/corrupt-move-aside", test_in_subprocess, corrupt_move_aside),
  CLR_TEST_DATA ("/clearance/gui/store-error/newer-schema-move-aside", test_in_subprocess, newer_schema_move_aside),
  CLR_TEST_DATA ("/clearance/gui/store-error/quit-leaves-file-alone", test_in_subprocess, quit_leaves_file_alone),
  CLR_TEST_DATA ("/clearance/gui/store-error/wal-replaced-dialog", test_in_subprocess, wal_replaced_dialog),
};

CLR_GUI_TEST_MAIN (NULL, tests, Fixture, fixture_setup, fixture_teardown)
