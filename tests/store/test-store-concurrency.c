/* test-store-concurrency.c — several programs on one database: nothing
 * lost, nothing decided twice, the audit chain one chain, and a client
 * killed in the middle of a decision leaves the database consistent
 *
 * Runs on the engine of clr_test_engine () (meson runs it on SQLite and on
 * PostgreSQL). The reviewers are real processes: this program started again
 * with --worker.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-test.h"

static const char *self_path;

/* --worker LOCATION FIRST LAST NAME: decides items FIRST…LAST (ids), in
 * order, as reviewer NAME; prints "ok ID" or "refused ID MESSAGE" a line. */
static int
worker_main (const char *location,
             gint64      first,
             gint64      last,
             const char *name)
{
  g_autoptr(ClrStore) store = clr_store_new (location);
  g_autoptr(GError) error = NULL;

  if (!clr_store_open (store, &error))
    {
      g_printerr ("worker %s: %s\n", name, error->message);
      return 1;
    }
  for (gint64 id = first; id <= last; id++)
    {
      ClrReviewDecision decision = {
        .status = id % 2 == 0 ? CLR_REVIEW_STATUS_NO_MATCH : CLR_REVIEW_STATUS_MATCH,
        .reason = id % 2 == 0 ? CLR_REVIEW_REASON_DIFFERENT_ENTITY : CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS,
        .note = name,
      };

      if (clr_store_review_decide_full (store, &id, 1, &decision, name, &error))
        g_print ("ok %" G_GINT64_FORMAT "\n", id);
      else if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_ALREADY_DECIDED))
        g_print ("refused %" G_GINT64_FORMAT " %s\n", id, error->message);
      else
        {
          g_printerr ("worker %s, item %" G_GINT64_FORMAT ": %s\n", name, id, error->message);
          return 1;
        }
      g_clear_error (&error);
    }
  return 0;
}

/* @n open review items, ids 1…@n, in one statement. */
static void
add_open_items (const char *location,
                guint       n)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO review_items (id, party_key, party_name, origin, list_code, "
                                         "entry_key, score, first_seen_at, last_seen_at) VALUES ");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s(%u, 'party %u', 'Party %u Trading Ltd', 'batch', 'EL', 'entry-%u', 0.9, "
                            "'2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
                            i > 1 ? ", " : "", i, i, i, i);
  clr_test_sql_exec (location, sql->str);
}

static GSubprocess *
spawn_worker (const char *location,
              gint64      first,
              gint64      last,
              const char *name)
{
  g_autofree char *first_arg = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_autofree char *last_arg = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              self_path, "--worker", location, first_arg, last_arg, name, NULL);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process; its output's lines. */
static GStrv
worker_lines (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return g_strsplit (g_strstrip (out), "\n", -1);
}

static void
assert_trail_verifies (const char *location,
                       gint64      expected_entries)
{
  g_autoptr(ClrStore) store = clr_store_new (location);
  g_autoptr(GError) error = NULL;
  gint64 checked;

  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  checked = clr_store_test_verify_audit (store);
  if (expected_entries >= 0)
    g_assert_cmpint (checked, ==, expected_entries);
}

/* Two reviewers, 500 decisions each, 400 of them on the same items. */
static void
test_two_reviewers (ClrStoreTest  *t,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) anna = NULL;
  g_autoptr(GSubprocess) ben = NULL;
  g_auto(GStrv) anna_lines = NULL;
  g_auto(GStrv) ben_lines = NULL;
  g_autoptr(GHashTable) winner = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint refused = 0;

  add_open_items (t->path, 600);
  anna = spawn_worker (t->path, 1, 500, "Anna");
  ben = spawn_worker (t->path, 101, 600, "Ben");
  anna_lines = worker_lines (anna);
  ben_lines = worker_lines (ben);
  g_assert_cmpuint (g_strv_length (anna_lines), ==, 500);
  g_assert_cmpuint (g_strv_length (ben_lines), ==, 500);

  for (guint w = 0; w < 2; w++)
    {
      GStrv lines = w == 0 ? anna_lines : ben_lines;
      const char *me = w == 0 ? "Anna" : "Ben";
      const char *other = w == 0 ? "Ben" : "Anna";

      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (lines[i] + (g_str_has_prefix (lines[i], "ok ") ? 3 : 8), NULL, 10);

          if (g_str_has_prefix (lines[i], "ok "))
            {
              /* Nobody decided it before. */
              g_assert_false (g_hash_table_contains (winner, &id));
              g_hash_table_insert (winner, g_memdup2 (&id, sizeof id), (gpointer) me);
            }
          else
            {
              /* Refused: the other reviewer had decided it, and is named. */
              g_assert_true (g_str_has_prefix (lines[i], "refused "));
              g_assert_nonnull (strstr (lines[i], other));
              refused++;
            }
        }
    }

  /* Every item decided exactly once: by whoever came first. */
  g_assert_cmpuint (g_hash_table_size (winner), ==, 600);
  g_assert_cmpuint (refused, ==, 400);
  g_assert_cmpint (clr_test_sql_int64 (t->path, "SELECT count(*) FROM review_items WHERE status = 'open'"), ==, 0);
  g_assert_cmpint (clr_test_sql_int64 (t->path, "SELECT count(*) FROM audit_log WHERE action = 'review.decide'"),
                   ==, 600);
  /* Each item's stored decision is its winner's. */
  g_assert_cmpint (clr_test_sql_int64 (t->path, "SELECT count(*) FROM review_items WHERE note = 'Anna'") +
                   clr_test_sql_int64 (t->path, "SELECT count(*) FROM review_items WHERE note = 'Ben'"), ==, 600);
  assert_trail_verifies (t->path, 600);
}

/* A reviewer's program killed (SIGKILL) while it decides: whatever it
 * committed is whole and audited, nothing half-written, and the database
 * takes the next decision at once. */
static void
test_killed_client (ClrStoreTest  *t,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) store = NULL;
  gint64 decided, audited;
  gint64 next = 0;
  ClrReviewDecision decision = { CLR_REVIEW_STATUS_NO_MATCH, CLR_REVIEW_REASON_NAME_COINCIDENCE, NULL, NULL };

  add_open_items (t->path, 3000);
  worker = spawn_worker (t->path, 1, 3000, "Carla");
  /* Let it get going, then kill it mid-stream. */
  for (int tries = 0; tries < 500; tries++)
    {
      if (clr_test_sql_int64 (t->path, "SELECT count(*) FROM review_items WHERE status <> 'open'") >= 100)
        break;
      g_usleep (10 * 1000);
    }
  g_subprocess_force_exit (worker);
  g_subprocess_wait (worker, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (worker));
  g_assert_cmpint (g_subprocess_get_term_sig (worker), ==, SIGKILL);

  decided = clr_test_sql_int64 (t->path, "SELECT count(*) FROM review_items WHERE status <> 'open'");
  audited = clr_test_sql_int64 (t->path, "SELECT count(*) FROM audit_log WHERE action = 'review.decide'");
  g_assert_cmpint (decided, >=, 100);
  g_assert_cmpint (decided, <, 3000);
  g_assert_cmpint (decided, ==, audited);
  assert_trail_verifies (t->path, audited);

  /* The next reviewer is not kept waiting by the dead one. */
  next = clr_test_sql_int64 (t->path, "SELECT min(id) FROM review_items WHERE status = 'open'");
  store = clr_store_new (t->path);
  g_assert_true (clr_store_open (store, &error));
  g_assert_true (clr_store_review_decide_full (store, &next, 1, &decision, "Dan", &error));
  g_assert_no_error (error);
  assert_trail_verifies (t->path, audited + 1);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/concurrency/two-reviewers", test_two_reviewers),
  CLR_TEST ("/store/concurrency/killed-client", test_killed_client),
};

int
main (int    argc,
      char **argv)
{
  if (argc == 6 && strcmp (argv[1], "--worker") == 0)
    return worker_main (argv[2], g_ascii_strtoll (argv[3], NULL, 10), g_ascii_strtoll (argv[4], NULL, 10), argv[5]);

  self_path = argv[0];
  return clr_test_main (&argc, &argv, NULL,
                        CLR_TEST_TABLE (tests, ClrStoreTest, clr_store_test_set_up, clr_store_test_tear_down));
}
