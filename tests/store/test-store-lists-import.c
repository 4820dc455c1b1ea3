/* test-store-lists-import.c — importing list files into versions (fixtures and real data)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-list-catalog.h"
#include "clr-store-lists.h"
#include "clr-store-sources.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cli", "data", name, NULL);
}

/* Everything a user could observe about the lists, as one string. */
static char *
snapshot (Fixture *fixture)
{
  g_autoptr(GPtrArray) versions = clr_store_list_versions (fixture->store, NULL, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (versions);
  for (guint i = 0; i < versions->len; i++)
    {
      g_autoptr(JsonNode) node = clr_list_version_to_json (g_ptr_array_index (versions, i));
      g_autofree char *json = json_to_string (node, FALSE);

      g_string_append (text, json);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static gboolean
count_cb (gint64    entry_id,
          ClrEntry *entry,
          gpointer  user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static guint
count_current (Fixture    *fixture,
               const char *source)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (clr_store_foreach_current_entry (fixture->store, source, count_cb, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *broken = data_file ("csl-broken.csv");
  g_auto(ClrListImportResult) result = { 0 };
  g_auto(ClrListImportResult) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.unchanged);
  g_assert_cmpstr (result.source, ==, "csl");
  g_assert_cmpstr (result.format, ==, "csl-csv");
  g_assert_cmpstr (result.file_name, ==, "csl-v1.csv");
  g_assert_cmpuint (strlen (result.sha256), ==, 64);
  g_assert_cmpuint (result.records, ==, 10);
  g_assert_cmpuint (count_current (fixture, "csl"), ==, 10);

  /* Identical bytes: a no-op that says so. */
  before = snapshot (fixture);
  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_true (again.unchanged);
  g_assert_cmpint (again.version_id, ==, result.version_id);
  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* A file that breaks halfway changes nothing, and says where. */
  g_assert_false (clr_store_test_import_file (fixture->store, broken, TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "csl-broken.csv:7"));
  g_clear_error (&error);
  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_current (fixture, "csl"), ==, 10);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nope.csv", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (clr_store_test_import_file (fixture->store, missing, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "nope.csv"));
  g_clear_error (&error);

  g_assert_false (clr_store_test_import_file (fixture->store, fixture->dir, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_false (clr_store_test_import_file (fixture->store, empty, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);

  g_assert_cmpuint (count_current (fixture, NULL), ==, 0);
}

static void
test_custom_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *v2 = data_file ("csl-v2.csv");
  g_auto(ClrListImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(ClrListSource) source = NULL;

  g_assert_true (clr_store_add_custom_source (fixture->store, "acme-internal", "ACME denied parties", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (clr_store_add_custom_source (fixture->store, "acme-internal", "Again", NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_false (clr_store_add_custom_source (fixture->store, "Bad Id!", "x", NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);

  g_assert_true (clr_store_import_list_file (fixture->store, v1, CLR_LIST_FORMAT_AUTO, "acme-internal", FALSE,
                                             NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.source, ==, "acme-internal");
  g_assert_cmpuint (count_current (fixture, "acme-internal"), ==, 10);
  g_assert_cmpuint (count_current (fixture, "csl"), ==, 0);

  /* The same bytes under the source the file names are a new import, not
   * "unchanged" because a custom source holds them. */
  clr_list_import_result_clear (&result);
  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.unchanged);
  g_assert_cmpstr (result.source, ==, "csl");
  g_assert_cmpuint (count_current (fixture, "csl"), ==, 10);

  sources = clr_store_list_sources (fixture->store, &error);
  g_assert_cmpuint (sources->len, ==, 5);
  source = clr_list_source_copy (g_ptr_array_index (sources, 4));
  g_assert_cmpstr (source->id, ==, "acme-internal");
  g_assert_true (source->custom);

  /* Disabled: not screened. */
  g_assert_true (clr_store_set_source_enabled (fixture->store, "acme-internal", FALSE, &error));
  g_assert_cmpuint (count_current (fixture, NULL), ==, 10);
  g_assert_cmpuint (count_current (fixture, "acme-internal"), ==, 0);
  g_assert_true (clr_store_set_source_enabled (fixture->store, "acme-internal", TRUE, &error));
  g_assert_cmpuint (count_current (fixture, NULL), ==, 20);

  /* Built-ins cannot be removed; custom ones go with their versions. */
  g_assert_false (clr_store_remove_custom_source (fixture->store, "csl", &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID, NULL);
  g_assert_true (clr_store_remove_custom_source (fixture->store, "acme-internal", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_current (fixture, "acme-internal"), ==, 0);
  g_assert_cmpuint (count_current (fixture, NULL), ==, 10);

  /* Likewise for a source id that was never configured. */
  clr_list_import_result_clear (&result);
  g_assert_true (clr_store_import_list_file (fixture->store, v2, CLR_LIST_FORMAT_AUTO, "ad-hoc", FALSE,
                                             NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  clr_list_import_result_clear (&result);
  g_assert_true (clr_store_test_import_file (fixture->store, v2, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.unchanged);
  g_assert_cmpstr (result.source, ==, "csl");
}

static void
test_freshness (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 8);
  g_autoptr(ClrListVersion) current = NULL;

  g_assert_cmpint (clr_store_get_source_freshness (fixture->store, "csl", 7, NULL, NULL, &error),
                   ==, CLR_SOURCE_FRESHNESS_NEVER_LOADED);
  g_assert_no_error (error);

  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, NULL, &error));
  g_assert_cmpint (clr_store_get_source_freshness (fixture->store, "csl", 7, NULL, &current, &error),
                   ==, CLR_SOURCE_FRESHNESS_CURRENT);
  g_assert_nonnull (current);
  g_assert_cmpint (clr_store_get_source_freshness (fixture->store, "csl", 7, later, NULL, &error),
                   ==, CLR_SOURCE_FRESHNESS_STALE);
  /* A longer limit from the preferences. */
  g_assert_cmpint (clr_store_get_source_freshness (fixture->store, "csl", 30, later, NULL, &error),
                   ==, CLR_SOURCE_FRESHNESS_CURRENT);
  g_assert_no_error (error);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      progress_calls;
  gboolean   wrong_thread;
  gboolean   ok;
  GError    *error;
  ClrListImportResult result;
} AsyncState;

static void
async_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  state->progress_calls++;
  if (g_thread_self () != state->main_thread)
    state->wrong_thread = TRUE;
}

static void
async_done (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = clr_store_import_list_file_finish (CLR_STORE (object), res, &state->result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *v2 = data_file ("csl-v2.csv");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();

  clr_store_import_list_file_async (fixture->store, v2, CLR_LIST_FORMAT_AUTO, NULL, FALSE,
                                    async_progress, &state, NULL, NULL, async_done, &state);
  g_main_loop_run (state.loop);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.result.records, ==, 10);
  g_assert_false (state.wrong_thread);
  clr_list_import_result_clear (&state.result);

  /* Cancelled before it starts: nothing stored. */
  g_cancellable_cancel (cancelled);
  clr_store_import_list_file_async (fixture->store, v2, CLR_LIST_FORMAT_AUTO, "other", FALSE,
                                    NULL, NULL, NULL, cancelled, async_done, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (count_current (fixture, "other"), ==, 0);

  g_main_loop_unref (state.loop);
}

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  /* Runs in the main thread: the user pressing Cancel. */
  g_cancellable_cancel (user_data);
}

static void
test_async_cancel_midway (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *big = g_build_filename (fixture->dir, "big.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *contents = NULL;
  AsyncState state = { 0 };
  char *first_row;

  /* A large file: the header and first row of the fixture, then many more rows. */
  g_assert_true (g_file_get_contents (v1, &contents, NULL, NULL));
  first_row = strchr (contents, '\n') + 1;
  g_string_append_len (text, contents, first_row - contents);
  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "\"big%u\",\"Entity List (EL) - Bureau of Industry and Security\",,,,"
                            "\"Company number %u\",,\"Shenzhen, CN\",,,,,,,,,,,,,,,,,,,,,\n", i, i);
  g_assert_true (g_file_set_contents (big, text->str, (gssize) text->len, NULL));

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  clr_store_import_list_file_async (fixture->store, big, CLR_LIST_FORMAT_AUTO, NULL, FALSE,
                                    cancel_on_progress, g_object_ref (cancellable), g_object_unref,
                                    cancellable, async_done, &state);
  g_main_loop_run (state.loop);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpuint (count_current (fixture, NULL), ==, 0);
  g_assert_null (clr_store_get_current_version (fixture->store, "csl", NULL));

  /* And the store is free for the next import. */
  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, NULL, &state.error));
  g_assert_no_error (state.error);
  g_main_loop_unref (state.loop);
}

static void
concurrent_done (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = clr_store_import_list_file_finish (CLR_STORE (object), res, &state->result, &state->error);
}

static void
test_concurrent_readers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *v1 = data_file ("csl-v1.csv");
  g_autofree char *shrunk = data_file ("csl-shrunk.csv");
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };
  guint reads = 0;

  g_assert_true (clr_store_test_import_file (fixture->store, v1, FALSE, NULL, &error));

  /* While a new version is written in a worker thread, a reader sees the
   * old version or the new one, never a mix. */
  state.ok = -1;
  clr_store_import_list_file_async (fixture->store, shrunk, CLR_LIST_FORMAT_AUTO, NULL, TRUE,
                                    NULL, NULL, NULL, NULL, concurrent_done, &state);
  while (state.ok == -1)
    {
      guint n = count_current (fixture, "csl");

      g_assert_true (n == 10 || n == 8);
      reads++;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (count_current (fixture, "csl"), ==, 8);
  g_assert_cmpuint (reads, >, 0);
  clr_list_import_result_clear (&state.result);
}

/* The built-in rows of list_source are exactly the list catalogue's sources,
 * in its order, with its labels, addresses and formats. */
static void
assert_sources_equal_catalog (ClrStore *store)
{
  GPtrArray *builtin = clr_list_catalog_get_sources (clr_list_catalog_get_default ());
  g_autoptr(GPtrArray) sources = clr_store_list_sources (store, NULL);
  guint n = 0;

  g_assert_nonnull (sources);
  for (guint i = 0; i < sources->len; i++)
    {
      ClrListSource *source = g_ptr_array_index (sources, i);
      const ClrBuiltinSource *want;

      if (source->custom)
        continue;
      g_assert_cmpuint (n, <, builtin->len);
      want = g_ptr_array_index (builtin, n++);
      g_assert_cmpstr (source->id, ==, want->id);
      g_assert_cmpstr (source->label, ==, want->label);
      g_assert_cmpstr (source->url, ==, want->url);
      g_assert_cmpstr (source->info_url, ==, want->info_url);
      g_assert_cmpstr (source->format, ==, want->format);
    }
  g_assert_cmpuint (n, ==, builtin->len);
}

/* A new database, and one written before the catalogue (an old DPL page,
 * a missing row, a disabled source with validators, a custom source): the
 * built-in rows follow the catalogue on open, and what is the user's stays. */
static void
test_sources_from_catalog (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_strdup (clr_store_get_path (fixture->store));
  g_autoptr(ClrListSource) dpl = NULL;
  g_autoptr(ClrListSource) custom = NULL;
  g_autoptr(GError) error = NULL;

  assert_sources_equal_catalog (fixture->store);
  /* The page CSL rows name for the DPL (source_information_url). */
  dpl = clr_store_get_source (fixture->store, "bis-dpl", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dpl->info_url, ==,
                   "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list");
  g_clear_pointer (&dpl, clr_list_source_free);

  g_assert_true (clr_store_add_custom_source (fixture->store, "acme", "ACME", "https://acme.example/l.csv", &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  clr_test_sql_exec (path, "UPDATE list_source SET info_url = 'https://www.bis.gov/denied-persons-list', "
                           "label = 'Old', etag = 'abc', enabled = 0 WHERE id = 'bis-dpl';"
                           "DELETE FROM list_source WHERE id = 'ofac-sdn';");

  fixture->store = clr_store_new (path);
  g_assert_true (clr_store_open (fixture->store, &error));
  assert_sources_equal_catalog (fixture->store);
  dpl = clr_store_get_source (fixture->store, "bis-dpl", &error);
  g_assert_no_error (error);
  g_assert_false (dpl->enabled);
  g_assert_cmpstr (dpl->etag, ==, "abc");
  custom = clr_store_get_source (fixture->store, "acme", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (custom->url, ==, "https://acme.example/l.csv");
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/lists-import/file", test_import_file),
  CLR_TEST ("/store/lists-import/errors", test_import_errors),
  CLR_TEST ("/store/lists-import/custom-source", test_custom_source),
  CLR_TEST ("/store/lists-import/sources-from-catalog", test_sources_from_catalog),
  CLR_TEST ("/store/lists-import/freshness", test_freshness),
  CLR_TEST ("/store/lists-import/async", test_async),
  CLR_TEST ("/store/lists-import/async-cancel-midway", test_async_cancel_midway),
  CLR_TEST ("/store/lists-import/concurrent-readers", test_concurrent_readers),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
