/* test-cli-wal.c — the app and the CLI on one database (issue 16 §1)
 *
 * The app holds its database open for hours. When anything in its process
 * opens and closes the database files (a file dialog listing the folder:
 * GIO sniffs each file's content type), POSIX drops the process's locks on
 * them; a CLI run then believed it was the last connection, checkpointed and
 * deleted the WAL, and the app went on writing into an orphaned file: its
 * decisions were gone once it quit.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-cli-test.h"
#include "clr-store-audit.h"
#include "clr-store-cases.h"

/* What a GtkFileChooser does when it shows @dir: enumerate it, with content
 * types (GIO opens and reads each regular file to sniff it). */
static guint
list_folder_like_a_file_dialog (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, NULL, &error);

      g_assert_no_error (error);
      if (info == NULL)
        break;
      g_assert_nonnull (g_file_info_get_content_type (info));
      n++;
    }

  return n;
}

static gint64
audit_count (ClrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = clr_store_audit_list (store, &error);

  g_assert_no_error (error);
  return entries->len;
}

static void
append_action (ClrStore   *store,
               const char *subject)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (clr_store_audit_append (store, "review.decide", "review_item", subject, 0,
                                           NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
run_cli_ok (const char *db,
            const char *command,
            const char *subcommand)
{
  g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", db, command, subcommand, NULL);

  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->exit_code, ==, 0);
}

/* A store opened on @db, as the app opens it. */
static ClrStore *
open_store (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) store = clr_store_new (db);

  clr_store_open (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The app writes, a file dialog lists the folder, the CLI reads (case list),
 * the app writes again: after the app quits, both writes are there, and
 * while it runs the CLI sees them. */
static void
test_wal_survives_cli_after_folder_listing (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-cli");
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr(ClrStore) app = open_store (db);
  g_autoptr(ClrStore) reopened = NULL;
  g_autoptr(GError) error = NULL;

  append_action (app, "1");

  g_assert_cmpuint (list_folder_like_a_file_dialog (dir), >=, 1);
  run_cli_ok (db, "case", "list");

  /* The WAL the app writes into is still the one on disk. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  append_action (app, "2");
  g_assert_cmpint (audit_count (app), ==, 2);

  /* Another CLI run sees the app's two entries. */
  {
    g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", db, "audit", "verify", NULL);

    g_assert_cmpint (run->exit_code, ==, 0);
    g_assert_nonnull (strstr (run->out, "2 entries verified"));
  }

  /* The app quits; everything it wrote is in the database. */
  g_clear_object (&app);
  reopened = open_store (db);
  g_assert_cmpint (audit_count (reopened), ==, 2);
  g_clear_object (&reopened);

  clr_test_rmtree (dir);
}

/* The same with a CLI command that writes (a case import) after the app
 * wrote into the WAL the CLI had deleted: after the app quits, the app's
 * three writes and the CLI's import are all there, and the chain verifies. */
static void
test_wal_survives_cli_write_after_folder_listing (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-cli");
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *shipment = g_build_filename (dir, "s.json", NULL);
  g_autofree char *csl = g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "tests", "cli", "data", "csl-v1.csv", NULL);
  g_autoptr(ClrStore) app = open_store (db);
  g_autoptr(ClrStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) subjects = g_string_new (NULL);
  gint64 checked = 0, bad_id = 0;

  g_file_set_contents (shipment, "{\"reference\": \"WAL-1\"}", -1, &error);
  g_assert_no_error (error);

  append_action (app, "1");

  list_folder_like_a_file_dialog (dir);
  run_cli_ok (db, "case", "list");
  append_action (app, "2");
  {
    g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", db, "case", "import", shipment, NULL);
    g_autoptr(ClrCliRun) import = clr_cli_run_va ("--db", db, "import", csl, NULL);

    g_assert_cmpint (run->exit_code, ==, 0);
    g_assert_cmpint (import->exit_code, ==, 0);
  }
  list_folder_like_a_file_dialog (dir);
  append_action (app, "3");

  g_clear_object (&app);
  reopened = open_store (db);

  entries = clr_store_audit_list (reopened, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, "review.decide") == 0)
        g_string_append (subjects, entry->subject_id);
      else
        g_string_append_printf (subjects, "[%s]", entry->action);
    }
  g_assert_cmpstr (subjects->str, ==, "12[list.import]3");
  cases = clr_store_list_cases (reopened, NULL, CLR_CASE_STATUS_ANY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_true (clr_store_audit_verify (reopened, &checked, &bad_id, &error));
  g_assert_no_error (error);
  g_clear_object (&reopened);

  clr_test_rmtree (dir);
}

static void
replaced_cb (ClrStore   *store,
             const char *message,
             gpointer    user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup (message);
}

/* The safety net: whatever deletes the WAL under the app (an older
 * Clearance, the sqlite3 shell, a user tidying the folder), the app notices
 * at its next commit, reopens, names the action to check, and goes on
 * saving. The orphaned change is not re-applied behind the user's back. */
static void
test_wal_deleted_is_noticed (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-cli");
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *message = NULL;
  g_autoptr(ClrStore) app = open_store (db);
  g_autoptr(ClrStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 checked = 0, bad_id = 0;

  g_signal_connect (app, "database-replaced", G_CALLBACK (replaced_cb), &message);
  append_action (app, "1");
  g_assert_null (message);

  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_assert_cmpint (g_unlink (shm), ==, 0);
  append_action (app, "lost-one");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "review.decide review_item lost-one"));
  g_assert_nonnull (strstr (message, "check"));

  /* Reopened: the next action is saved, and seen by another process.
   * (What only the deleted WAL held is gone: a bare rm does not checkpoint
   * first; the CLI of old did, which cost only what came after.) */
  g_clear_pointer (&message, g_free);
  append_action (app, "3");
  g_assert_null (message);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", db, "audit", "log", NULL);

    g_assert_cmpint (run->exit_code, ==, 0);
    g_assert_nonnull (strstr (run->out, "review.decide review_item:3\n"));
    g_assert_null (strstr (run->out, "lost-one"));
  }

  g_clear_object (&app);
  reopened = open_store (db);
  entries = clr_store_audit_list (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 1);
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (entries, entries->len - 1))->subject_id, ==, "3");
  g_assert_true (clr_store_audit_verify (reopened, &checked, &bad_id, &error));
  g_assert_no_error (error);
  g_clear_object (&reopened);

  clr_test_rmtree (dir);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/cli/wal/folder-listing-then-cli-read", test_wal_survives_cli_after_folder_listing),
  CLR_TEST_FUNC ("/cli/wal/folder-listing-then-cli-write", test_wal_survives_cli_write_after_folder_listing),
  CLR_TEST_FUNC ("/cli/wal/deleted-wal-is-noticed", test_wal_deleted_is_noticed),
};

CLR_TEST_MAIN_FUNCS (tests)
