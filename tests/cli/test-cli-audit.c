/* test-cli-audit.c — audit verify proves what it claims (issue 16 §3)
 *
 * The trail is checked against the live data (decisions, saved results),
 * against the head the database keeps beside it, and against a head the
 * user anchored elsewhere. Each tampering below is what a user with the
 * sqlite3 shell can do; each must make "audit verify" fail, exit 1.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli-test.h"

typedef struct
{
  ClrCliTest cli;
  char  *shipment;
  gint64 item;
  gint64 case_id;
} Fixture;

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  clr_test_sql_exec (f->cli.db, sql);
}

/* audit verify (against @expect_head unless NULL) exits 1 naming @message. */
static void
assert_verify_fails (Fixture    *f,
                     const char *expect_head,
                     const char *message)
{
  if (expect_head != NULL)
    clr_cli_assert_run (1, CLR_MENTIONS (message),
                        "--db", f->cli.db, "audit", "verify", "--expect-head", expect_head, NULL);
  else
    clr_cli_assert_run (1, CLR_MENTIONS (message), "--db", f->cli.db, "audit", "verify", NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *id_arg = NULL;

  clr_cli_test_set_up (&f->cli, data);
  /* An EAR99 item to China for Huawei: one Entity List hit to decide. */
  f->shipment = clr_test_data_file ("cli", "po-77-huawei.json");
  clr_cli_test_import_data (f->cli.db, "cli", "review-csl-v1.csv");
  saved = clr_cli_test_evaluate_save (f->cli.db, f->shipment, &f->case_id);

  f->item = clr_cli_test_first_item (f->cli.db, NULL);
  g_assert_cmpint (f->item, >, 0);

  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->item);
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "review", "decide", id_arg, "--no-match",
                      "--reason", "different-entity", NULL);

  clr_cli_assert_prints (CLR_MENTIONS ("Audit trail intact: 3 entries verified"),
                         "--db", f->cli.db, "audit", "verify", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clr_cli_test_tear_down (&f->cli, data);
  g_free (f->shipment);
}

/* One UPDATE flips a verdict in the review queue: found. */
static void
test_decision_flipped (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE review_items SET status = 'match', "
                                          "reason = 'confirmed-by-documents' WHERE id = %" G_GINT64_FORMAT,
                                          f->item);
  g_autofree char *expected = g_strdup_printf ("Review item %" G_GINT64_FORMAT " says “match”", f->item);

  exec_sql (f, sql);
  assert_verify_fails (f, NULL, expected);
}

/* A decision inserted without its audit entry: found. */
static void
test_decision_unaudited (Fixture       *f,
                         gconstpointer  data)
{
  exec_sql (f, "UPDATE review_items SET status = 'no_match', reason = 'other', decided_at = '2026-01-01T00:00:00Z' "
               "WHERE status = 'open'");
  exec_sql (f, "INSERT INTO review_items (party_key, party_name, origin, entry_key, status, reason, decided_at, "
               "first_seen_at, last_seen_at) VALUES ('acme', 'Acme', 'evaluate', 'k', 'no_match', 'other', "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  assert_verify_fails (f, NULL, "but the audit trail has no entry for it");
}

/* A saved result rewritten (verdict and all): found. */
static void
test_result_rewritten (Fixture       *f,
                       gconstpointer  data)
{
  const char *rewrite = clr_test_engine_is_sqlite () ? "json_set (result, '$.verdict', 'clear')"
                                                     : "jsonb_set (result::jsonb, '{verdict}', '\"clear\"')::text";
  g_autofree char *sql = g_strdup_printf ("UPDATE cases SET verdict = 'clear', result = %s WHERE id = %"
                                          G_GINT64_FORMAT, rewrite, f->case_id);
  g_autofree char *expected = g_strdup_printf ("Case %" G_GINT64_FORMAT "’s saved result (verdict “clear”)",
                                               f->case_id);

  exec_sql (f, sql);
  assert_verify_fails (f, NULL, expected);
}

/* An emptied trail used to "verify 0 entries". */
static void
test_trail_emptied (Fixture       *f,
                    gconstpointer  data)
{
  clr_test_sql_drop_audit_guards (f->cli.db);
  exec_sql (f, "DELETE FROM audit_log");
  assert_verify_fails (f, NULL, "its head was entry 3");

  /* … and with the recorded head gone too, the decisions give it away. */
  exec_sql (f, "DELETE FROM meta WHERE key = 'audit_head'");
  assert_verify_fails (f, NULL, "the audit trail has no entry for it");
}

/* The newest entry removed (triggers dropped): the chain still verifies,
 * the head does not. */
static void
test_tail_removed (Fixture       *f,
                   gconstpointer  data)
{
  clr_test_sql_drop_audit_guards (f->cli.db);
  exec_sql (f, "DELETE FROM audit_log WHERE id = 3");
  assert_verify_fails (f, NULL, "The audit trail ends at entry 2 but its head was entry 3");
}

/* A thorough forger rewrites everything the database holds — trail, head,
 * queue and cases; only the head the user kept elsewhere catches it. */
static void
test_anchor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ClrCliRun) anchor = clr_cli_run_va ("--db", f->cli.db, "audit", "anchor", NULL);
  g_autofree char *head = NULL;
  g_autofree char *wrong = NULL;

  g_assert_cmpint (anchor->exit_code, ==, 0);
  head = g_strstrip (g_strdup (anchor->out));
  g_assert_true (g_str_has_prefix (head, "3:"));
  g_assert_cmpuint (strlen (head), ==, 2 + 64);
  g_assert_nonnull (strstr (anchor->err, "--expect-head 3:"));

  clr_cli_assert_prints (CLR_MENTIONS ("The expected head is entry 3 of the trail; 0 entries were added since."),
                         "--db", f->cli.db, "audit", "verify", "--expect-head", head, NULL);

  /* A malformed anchor is the user's error. */
  assert_verify_fails (f, "3:xyz", "is not an audit head");
  /* The right hash under the wrong number. */
  wrong = g_strdup_printf ("2:%s", head + 2);
  assert_verify_fails (f, wrong, "is not in the audit trail");

  clr_test_sql_drop_audit_guards (f->cli.db);
  exec_sql (f, "DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_head'; "
               "DELETE FROM review_sightings; DELETE FROM review_items; DELETE FROM cases");
  /* Without the anchor, a consistent forgery cannot be told apart. */
  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "audit", "verify", NULL);
  assert_verify_fails (f, head, "is not in the audit trail");
}

/* A signed anchor (HMAC-SHA256 with a key file kept outside the database):
 * it verifies with the key, and an anchor altered to match a forged trail
 * does not. */
static void
test_signed_anchor (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *key = g_build_filename (f->cli.dir, "audit.key", NULL);
  g_autofree char *other_key = g_build_filename (f->cli.dir, "other.key", NULL);
  g_autofree char *short_key = g_build_filename (f->cli.dir, "short.key", NULL);
  g_autoptr(ClrCliRun) anchor = NULL;
  g_autoptr(ClrCliRun) ok = NULL;
  g_autofree char *line = NULL;
  g_autofree char *altered = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_set_contents (key, "0123456789abcdef0123456789abcdef-the-key", -1, NULL));
  g_assert_true (g_file_set_contents (other_key, "another key of at least thirty-two bytes", -1, NULL));
  g_assert_true (g_file_set_contents (short_key, "short", -1, NULL));

  anchor = clr_cli_run_va ("--db", f->cli.db, "audit", "anchor", "--key", key, NULL);
  g_assert_cmpint (anchor->exit_code, ==, 0);
  line = g_strstrip (g_strdup (anchor->out));
  fields = g_strsplit (line, ":", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "3");
  g_assert_cmpuint (strlen (fields[2]), ==, 64);

  ok = clr_cli_run_va ("--db", f->cli.db, "audit", "verify", "--expect-head", line, "--key", key, NULL);
  g_assert_cmpint (ok->exit_code, ==, 0);
  g_assert_nonnull (strstr (ok->out, "Its signature matches the key."));

  /* Another key, or the hash changed under the signature: refused. */
  {
    g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->cli.db, "audit", "verify", "--expect-head", line,
                                               "--key", other_key, NULL);

    g_assert_cmpint (run->exit_code, ==, 1);
    g_assert_nonnull (strstr (run->err, "does not match this key"));
  }
  altered = g_strdup_printf ("2:%s:%s", fields[1], fields[2]);
  {
    g_autoptr(ClrCliRun) run = clr_cli_run_va ("--db", f->cli.db, "audit", "verify", "--expect-head", altered,
                                               "--key", key, NULL);

    g_assert_cmpint (run->exit_code, ==, 1);
    g_assert_nonnull (strstr (run->err, "does not match this key"));
  }

  clr_cli_assert_run (2, NULL, "--db", f->cli.db, "audit", "verify", "--expect-head", line, NULL);
  clr_cli_assert_run (1, CLR_MENTIONS ("at least 32"), "--db", f->cli.db, "audit", "anchor", "--key", short_key, NULL);
}

/* Replacing an entry in one statement: SQLite's INSERT OR REPLACE deletes
 * the old row without the DELETE trigger (no recursive_triggers), and
 * PostgreSQL's ON CONFLICT DO UPDATE is an update. Either way the guard
 * refuses it, and the entry is unchanged. */
static void
test_insert_or_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *replace = NULL;
  g_autofree char *replace_all = NULL;

  if (clr_test_engine_is_sqlite ())
    {
      replace = clr_test_sql_error (f->cli.db,
                                    "INSERT OR REPLACE INTO audit_log (id, at, user, display_name, action, "
                                    "subject_type, subject_id, case_id, before, after, prev_hash, hash) "
                                    "SELECT id, at, user, 'Mallory', action, subject_type, subject_id, case_id, "
                                    "before, after, prev_hash, hash FROM audit_log WHERE id = 3");
      g_assert_nonnull (strstr (replace, "cannot be replaced"));
      replace_all = clr_test_sql_error (f->cli.db, "REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1");
    }
  else
    {
      replace = clr_test_sql_error (f->cli.db,
                                    "INSERT INTO audit_log SELECT * FROM audit_log WHERE id = 3 "
                                    "ON CONFLICT (id) DO UPDATE SET display_name = 'Mallory'");
      g_assert_nonnull (strstr (replace, "append-only"));
      replace_all = clr_test_sql_error (f->cli.db, "INSERT INTO audit_log SELECT * FROM audit_log WHERE id = 1");
    }
  g_assert_cmpint (clr_test_sql_int64 (f->cli.db, "SELECT count(*) FROM audit_log WHERE display_name = 'Mallory'"),
                   ==, 0);

  clr_cli_assert_run (0, NULL, "--db", f->cli.db, "audit", "verify", NULL);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/cli/audit/decision-flipped", test_decision_flipped),
  CLR_TEST ("/cli/audit/decision-unaudited", test_decision_unaudited),
  CLR_TEST ("/cli/audit/result-rewritten", test_result_rewritten),
  CLR_TEST ("/cli/audit/trail-emptied", test_trail_emptied),
  CLR_TEST ("/cli/audit/tail-removed", test_tail_removed),
  CLR_TEST ("/cli/audit/anchor", test_anchor),
  CLR_TEST ("/cli/audit/signed-anchor", test_signed_anchor),
  CLR_TEST ("/cli/audit/insert-or-replace", test_insert_or_replace),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
