/* test-store-audit.c — the append-only, hash-chained audit trail
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-rules.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

/* Three entries: a list import, a decision on case 7, an evaluation of case 7. */
static void
append_three (ClrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) import_after = clr_test_parse ("{\"source\": \"csl\", \"version\": 3, \"sha256\": \"ab12\"}");
  g_autoptr(JsonNode) before = clr_test_parse ("{\"status\": \"open\"}");
  g_autoptr(JsonNode) after = clr_test_parse ("{\"status\": \"no_match\", \"reason\": \"different-country\", "
                                     "\"note\": \"Huawei, \\\"Düsseldorf\\\"\\nsecond line\"}");
  g_autoptr(JsonNode) verdict = clr_test_parse ("{\"verdict\": \"clear\"}");

  g_assert_cmpint (clr_store_audit_append (store, CLR_AUDIT_LIST_IMPORT, "list", "csl", 0, NULL,
                                           import_after, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (clr_store_audit_append (store, CLR_AUDIT_REVIEW_DECIDE, "review", "12", 7, before,
                                           after, &error), ==, 2);
  g_assert_cmpint (clr_store_audit_append (store, CLR_AUDIT_CASE_EVALUATE, "case", "7", 7, NULL,
                                           verdict, &error), ==, 3);
  g_assert_no_error (error);
}

static void
test_append_and_verify (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) history = NULL;
  ClrAuditEntry *first, *second;
  gint64 checked = -1, bad = -1;

  /* An empty trail verifies. */
  g_assert_true (clr_store_audit_verify (f->store, &checked, &bad, &error));
  g_assert_cmpint (checked, ==, 0);

  append_three (f->store);

  g_assert_true (clr_store_audit_verify (f->store, &checked, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checked, ==, 3);
  g_assert_cmpint (bad, ==, 0);

  entries = clr_store_audit_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  first = g_ptr_array_index (entries, 0);
  second = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (first->prev_hash, ==, "0000000000000000000000000000000000000000000000000000000000000000");
  g_assert_cmpstr (second->prev_hash, ==, first->hash);
  g_assert_cmpuint (strlen (first->hash), ==, 64);
  g_assert_cmpstr (first->user, ==, clr_store_get_user (f->store));
  g_assert_cmpstr (first->display_name, ==, "Mei Chen");
  g_assert_cmpstr (second->action, ==, "review.decide");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second->after), "reason"), ==,
                   "different-country");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second->before), "status"), ==, "open");

  /* A case shows its own history. */
  history = clr_store_audit_list_for_case (f->store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (history, 0))->action, ==, "review.decide");
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (history, 1))->action, ==, "case.evaluate");
}

static void
test_reviewer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *name = NULL;

  name = clr_store_audit_dup_reviewer (f->store);
  g_assert_cmpstr (name, ==, "Mei Chen");

  /* The GUI passes the name from its preferences. */
  clr_store_audit_set_reviewer (f->store, "M. Chen (Compliance)");
  g_assert_cmpint (clr_store_audit_append (f->store, "test.action", "case", "1", 1, NULL, NULL, &error), ==, 1);
  clr_store_audit_set_reviewer (f->store, NULL);
  g_assert_cmpint (clr_store_audit_append (f->store, "test.action", "case", "1", 1, NULL, NULL, &error), ==, 2);
  g_assert_no_error (error);

  entries = clr_store_audit_list (f->store, &error);
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (entries, 0))->display_name, ==, "M. Chen (Compliance)");
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (entries, 1))->display_name, ==, "Mei Chen");
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;

  append_three (f->store);

  /* Even with raw SQL, the triggers refuse changes and deletions. */
  update = clr_test_sql_error (f->path, "UPDATE audit_log SET display_name = 'Someone else' WHERE id = 2");
  g_assert_nonnull (strstr (update, "append-only"));
  delete = clr_test_sql_error (f->path, "DELETE FROM audit_log WHERE id = 3");
  g_assert_nonnull (strstr (delete, "append-only"));

  clr_store_test_verify_audit (f->store);
}

static void
test_tamper_detected (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = -1, bad = -1;

  append_three (f->store);

  /* Someone drops the trigger and rewrites entry 2's decision. */
  clr_test_sql_drop_audit_guards (f->path);
  clr_test_sql_exec (f->path, "UPDATE audit_log SET after = "
                              "'{\"status\":\"no_match\",\"reason\":\"different-entity\"}' WHERE id = 2");

  g_assert_false (clr_store_audit_verify (f->store, &checked, &bad, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 2);
  g_assert_cmpint (checked, ==, 1);
  g_assert_nonnull (strstr (error->message, "entry 2"));
}

static void
test_tamper_rehash_detected (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *sql = NULL;
  gint64 bad = -1;

  append_three (f->store);
  entries = clr_store_audit_list (f->store, &error);

  /* A cleverer forger also replaces entry 1's hash: entry 2 no longer
   * follows it. */
  clr_test_sql_drop_audit_guards (f->path);
  sql = g_strdup_printf ("UPDATE audit_log SET subject_id = 'ofac-sdn', hash = '%s' WHERE id = 1",
                         "1111111111111111111111111111111111111111111111111111111111111111");
  clr_test_sql_exec (f->path, sql);

  g_assert_false (clr_store_audit_verify (f->store, NULL, &bad, &error));
  g_assert_cmpint (bad, ==, 1);
  g_clear_error (&error);
}

static void
test_deletion_detected (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 bad = -1;

  append_three (f->store);

  clr_test_sql_drop_audit_guards (f->path);
  clr_test_sql_exec (f->path, "DELETE FROM audit_log WHERE id = 2");

  g_assert_false (clr_store_audit_verify (f->store, NULL, &bad, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 2);
  g_assert_nonnull (strstr (error->message, "2"));
}

static char *
export_to_string (ClrStore       *store,
                  ClrAuditFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (clr_store_audit_export (store, format, stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonArray *array;
  JsonObject *second;

  append_three (f->store);

  csv = export_to_string (f->store, CLR_AUDIT_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "id,at,user,display_name,action,subject_type,subject_id,case_id,"
                                        "before,after,prev_hash,hash\r\n"));
  /* The note with a comma, quotes and a newline is one quoted field. */
  g_assert_nonnull (strstr (csv, "\"{\"\"status\"\":\"\"no_match\"\""));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* header, 3 rows, "" */
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  g_assert_nonnull (strstr (lines[1], ",list.import,list,csl,,"));

  json = export_to_string (f->store, CLR_AUDIT_FORMAT_JSON);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  second = json_array_get_object_element (array, 1);
  g_assert_cmpint (json_object_get_int_member (second, "id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (second, "case_id"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (second, "after"), "reason"), ==,
                   "different-country");
  g_assert_cmpuint (strlen (json_object_get_string_member (second, "hash")), ==, 64);
}

/* Importing a rule pack is audited in the same transaction. */
static void
test_rule_pack_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *pack = g_build_filename (g_getenv ("CLEARANCE_SOURCE_ROOT"), "data", "rules", "ear-pack.json", NULL);
  g_auto(ClrRulePackImportResult) result = { NULL, };
  ClrAuditEntry *entry;

  if (!g_file_test (pack, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no bundled rule pack");
      return;
    }
  /* A newer edition of the bundled pack (the bundled one is installed
   * already, and importing it again changes nothing). */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_parser_load_from_file (parser, pack, &error);
    g_assert_no_error (error);
    json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "version", "2999.1.1");
    json_generator_set_root (generator, json_parser_get_root (parser));
    g_free (pack);
    pack = g_build_filename (f->dir, "newer-pack.json", NULL);
    g_assert_true (json_generator_to_file (generator, pack, &error));
  }
  g_assert_true (clr_store_import_rule_pack (f->store, pack, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.unchanged);

  entries = clr_store_audit_list (f->store, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, CLR_AUDIT_RULES_IMPORT);
  g_assert_cmpstr (entry->subject_type, ==, "rule_pack");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "sha256"), ==, result.sha256);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (entry->after), "version"), ==, "2999.1.1");
  g_assert_nonnull (entry->before);
  clr_store_test_verify_audit (f->store);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/audit/append-and-verify", test_append_and_verify),
  CLR_TEST ("/store/audit/reviewer", test_reviewer),
  CLR_TEST ("/store/audit/append-only", test_append_only),
  CLR_TEST ("/store/audit/tamper-detected", test_tamper_detected),
  CLR_TEST ("/store/audit/tamper-rehash-detected", test_tamper_rehash_detected),
  CLR_TEST ("/store/audit/deletion-detected", test_deletion_detected),
  CLR_TEST ("/store/audit/export", test_export),
  CLR_TEST ("/store/audit/rule-pack-import", test_rule_pack_import),
};

CLR_TEST_MAIN ("Mei Chen", tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
