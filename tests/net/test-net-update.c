/* test-net-update.c — downloading and importing sources from a local server
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "clr-source-updater.h"
#include "clr-store-test.h"
#include "clr-test-server.h"

static ClrTestServer *server;

typedef struct
{
  ClrStoreTest   tmp;
  ClrDownloader *downloader;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cli", "data", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  clr_store_test_set_up (&fixture->tmp, data);
  fixture->downloader = clr_downloader_new ();
  clr_downloader_set_timeout (fixture->downloader, 1);
  /* The local test server speaks plain http. */
  clr_downloader_set_allow_http (fixture->downloader, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->downloader);
  clr_store_test_tear_down (&fixture->tmp, data);
}

static void
serve_fixture (const char *path,
               const char *name)
{
  g_autofree char *file = fixture_path (name);

  clr_test_server_set_file (server, path, file);
}

static gboolean
update (Fixture                *fixture,
        const char             *path,
        gboolean                force,
        ClrSourceUpdateResult  *result,
        GError                **error)
{
  g_autofree char *url = clr_test_server_url (server, path);

  return clr_source_update (fixture->tmp.store, fixture->downloader, "csl", url, force,
                            NULL, NULL, result, NULL, error);
}

static gint64
current_version_id (Fixture *fixture)
{
  g_autoptr(ClrListVersion) version = clr_store_get_current_version (fixture->tmp.store, "csl", NULL);

  return version ? version->id : 0;
}

static guint
version_count (Fixture *fixture)
{
  g_autoptr(GPtrArray) versions = clr_store_list_versions (fixture->tmp.store, "csl", NULL);

  return versions ? versions->len : 0;
}

/* No download folder may be left behind (they live in the user cache,
 * $XDG_CACHE_HOME/clearance/downloads; main() points it at a scratch folder). */
static guint
count_download_leftovers (void)
{
  g_autofree char *base = clr_downloader_dup_download_dir ();
  g_autoptr(GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n++;
  return n;
}

static void
test_success_and_not_modified (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(ClrSourceUpdateResult) result = { 0 };
  g_auto(ClrSourceUpdateResult) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListSource) source = NULL;
  guint leftovers = count_download_leftovers ();

  serve_fixture ("/a/consolidated.csv", "csl-v1.csv");

  g_assert_true (update (fixture, "/a/consolidated.csv", FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  g_assert_false (result.not_modified);
  g_assert_cmpuint (result.import.records, ==, 10);
  g_assert_cmpstr (result.import.file_name, ==, "consolidated.csv");
  g_assert_cmpstr (result.import.source, ==, "csl");
  g_assert_cmpuint (result.downloaded, >, 0);
  g_assert_cmpint (current_version_id (fixture), ==, result.import.version_id);
  g_assert_cmpuint (count_download_leftovers (), ==, leftovers);

  source = clr_store_get_source (fixture->tmp.store, "csl", &error);
  g_assert_nonnull (source->etag);
  g_assert_nonnull (source->last_success);
  g_assert_null (source->last_error);
  g_assert_cmpint (clr_store_get_source_freshness (fixture->tmp.store, "csl", 7, NULL, NULL, NULL),
                   ==, CLR_SOURCE_FRESHNESS_CURRENT);

  /* The second time the server is asked conditionally and says 304. */
  g_assert_true (update (fixture, "/a/consolidated.csv", FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_true (again.not_modified);
  g_assert_cmpint (again.outcome, ==, CLR_SOURCE_UPDATE_UNCHANGED);
  g_assert_cmpint (again.import.version_id, ==, result.import.version_id);
  g_assert_cmpuint (again.downloaded, ==, 0);
  g_assert_cmpuint (clr_test_server_get_hits (server, "/a/consolidated.csv"), ==, 2);
  g_assert_cmpuint (clr_test_server_get_conditional_hits (server, "/a/consolidated.csv"), ==, 1);
  g_assert_cmpuint (clr_test_server_get_not_modified (server, "/a/consolidated.csv"), ==, 1);
  g_assert_cmpuint (version_count (fixture), ==, 1);
}

static void
test_changed_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(ClrSourceUpdateResult) first = { 0 };
  g_auto(ClrSourceUpdateResult) second = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean found_added = FALSE;

  serve_fixture ("/b/consolidated.csv", "csl-v1.csv");
  g_assert_true (update (fixture, "/b/consolidated.csv", FALSE, &first, &error));
  g_assert_no_error (error);

  serve_fixture ("/b/consolidated.csv", "csl-v2.csv");
  g_assert_true (update (fixture, "/b/consolidated.csv", FALSE, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  /* It asked conditionally, but the file had changed. */
  g_assert_cmpuint (clr_test_server_get_conditional_hits (server, "/b/consolidated.csv"), ==, 1);
  g_assert_cmpuint (clr_test_server_get_not_modified (server, "/b/consolidated.csv"), ==, 0);
  g_assert_cmpint (second.import.previous_version_id, ==, first.import.version_id);
  g_assert_cmpuint (second.import.added, ==, 1);
  g_assert_cmpuint (second.import.removed, ==, 1);
  g_assert_cmpuint (second.import.changed, ==, 1);

  changes = clr_store_diff_latest (fixture->tmp.store, "csl", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);
      if (change->kind == CLR_LIST_CHANGE_ADDED)
        {
          g_assert_cmpstr (change->name, ==, "Zhipu AI");
          g_assert_cmpstr (change->list_code, ==, "EL");
          found_added = TRUE;
        }
    }
  g_assert_true (found_added);
}

static void
assert_failure_kept (Fixture      *fixture,
                     gint64        before,
                     const GError *error)
{
  g_autoptr(ClrListSource) source = clr_store_get_source (fixture->tmp.store, "csl", NULL);

  g_assert_cmpint (current_version_id (fixture), ==, before);
  g_assert_cmpuint (version_count (fixture), ==, 1);
  g_assert_cmpstr (source->last_error, ==, error->message);
  g_assert_nonnull (source->last_checked);
}

static void
load_first (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  serve_fixture ("/base.csv", "csl-v1.csv");
  g_assert_true (update (fixture, "/base.csv", FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = clr_test_server_url (server, "/nothing-here.csv");
  gint64 before;

  load_first (fixture);
  before = current_version_id (fixture);
  clr_test_server_set_route (server, "/nothing-here.csv", CLR_TEST_ROUTE_STATUS, 404, NULL);

  g_assert_false (update (fixture, "/nothing-here.csv", FALSE, NULL, &error));
  g_assert_error (error, CLR_NET_ERROR, CLR_NET_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_nonnull (strstr (error->message, "404"));
  /* A 404 is not retried. */
  g_assert_cmpuint (clr_test_server_get_hits (server, "/nothing-here.csv"), ==, 1);
  assert_failure_kept (fixture, before, error);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *file = fixture_path ("csl-v2.csv");
  char *contents;
  gsize length;
  gint64 before;

  load_first (fixture);
  before = current_version_id (fixture);
  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  body = g_bytes_new_take (contents, length);
  clr_test_server_set_route (server, "/truncated.csv", CLR_TEST_ROUTE_TRUNCATED, 200, body);

  g_assert_false (update (fixture, "/truncated.csv", FALSE, NULL, &error));
  g_assert_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TRUNCATED);
  /* Retried once. */
  g_assert_cmpuint (clr_test_server_get_hits (server, "/truncated.csv"), ==, 2);
  assert_failure_kept (fixture, before, error);
}

static void
test_stalled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before, started;

  load_first (fixture);
  before = current_version_id (fixture);
  clr_test_server_set_route (server, "/stall.csv", CLR_TEST_ROUTE_STALL, 200, NULL);

  started = g_get_monotonic_time ();
  g_assert_false (update (fixture, "/stall.csv", FALSE, NULL, &error));
  g_assert_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TIMEOUT);
  /* One-second timeout, one retry: well under ten seconds, not hanging. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (clr_test_server_get_hits (server, "/stall.csv"), ==, 2);
  assert_failure_kept (fixture, before, error);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(ClrSourceUpdateResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *file = fixture_path ("csl-v1.csv");
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  body = g_bytes_new_take (contents, length);
  clr_test_server_set_route (server, "/flaky.csv", CLR_TEST_ROUTE_FLAKY, 200, body);

  g_assert_true (update (fixture, "/flaky.csv", FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  g_assert_cmpuint (clr_test_server_get_hits (server, "/flaky.csv"), ==, 2);
}

static void
test_bad_content (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("\x7f" "ELF\x02\x01\x01\x00 not a list at all\n", 28);
  g_autofree char *url = clr_test_server_url (server, "/junk.csv");
  guint leftovers = count_download_leftovers ();
  gint64 before;

  load_first (fixture);
  before = current_version_id (fixture);
  clr_test_server_set_route (server, "/junk.csv", CLR_TEST_ROUTE_FILE, 200, junk);

  g_assert_false (update (fixture, "/junk.csv", FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, url));
  assert_failure_kept (fixture, before, error);
  g_assert_cmpuint (count_download_leftovers (), ==, leftovers);
}

static void
test_guard (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(ClrSourceUpdateResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 before;

  load_first (fixture);
  before = current_version_id (fixture);
  serve_fixture ("/shrunk.csv", "csl-shrunk.csv");

  g_assert_false (update (fixture, "/shrunk.csv", FALSE, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY);
  assert_failure_kept (fixture, before, error);
  g_clear_error (&error);

  g_assert_true (update (fixture, "/shrunk.csv", TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  g_assert_cmpuint (result.import.removed, ==, 2);
}

static void
test_invalid_url (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (clr_source_update (fixture->tmp.store, fixture->downloader, "csl", "ftp://example.org/x.csv",
                                     FALSE, NULL, NULL, NULL, NULL, &error));
  clr_test_assert_error (&error, CLR_NET_ERROR, CLR_NET_ERROR_INVALID, NULL);

  g_assert_false (clr_source_update (fixture->tmp.store, fixture->downloader, "no-such-source", NULL,
                                     FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint leftovers = count_download_leftovers ();

  serve_fixture ("/large.csv", "csl-v1.csv");
  clr_downloader_set_max_bytes (fixture->downloader, 1000);

  g_assert_false (update (fixture, "/large.csv", FALSE, NULL, &error));
  clr_test_assert_error (&error, CLR_NET_ERROR, CLR_NET_ERROR_TOO_LARGE, "1000 bytes");
  /* Not retried, nothing left behind, nothing stored. */
  g_assert_cmpuint (clr_test_server_get_hits (server, "/large.csv"), ==, 1);
  g_assert_cmpuint (count_download_leftovers (), ==, leftovers);
  g_assert_cmpint (current_version_id (fixture), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      download_calls;
  guint      import_calls;
  guint64    last_import_done;
  guint64    last_import_total;
  gboolean   wrong_thread;
  gboolean   done;
  gboolean   ok;
  GError    *error;
  ClrSourceUpdateResult result;
} AsyncState;

static void
async_progress (ClrUpdatePhase phase,
                guint64        done,
                guint64        total,
                gpointer       user_data)
{
  AsyncState *state = user_data;

  if (g_thread_self () != state->main_thread)
    state->wrong_thread = TRUE;
  if (phase == CLR_UPDATE_PHASE_DOWNLOAD)
    state->download_calls++;
  else
    {
      state->import_calls++;
      state->last_import_done = done;
      state->last_import_total = total;
    }
}

static void
async_done (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = clr_source_update_finish (CLR_STORE (object), res, &state->result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  AsyncState state = { 0 };
  g_autofree char *url = clr_test_server_url (server, "/async.csv");

  serve_fixture ("/async.csv", "csl-v2.csv");
  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();

  clr_source_update_async (fixture->tmp.store, fixture->downloader, "csl", url, FALSE,
                           async_progress, &state, NULL, NULL, async_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpint (state.result.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  g_assert_cmpuint (state.result.import.records, ==, 10);
  g_assert_false (state.wrong_thread);
  g_assert_cmpuint (state.download_calls, >, 0);
  /* Let the last queued progress messages arrive. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (state.import_calls > 0 && state.last_import_total > 0)
    g_assert_cmpuint (state.last_import_done, ==, state.last_import_total);

  clr_source_update_result_clear (&state.result);
  g_main_loop_unref (state.loop);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_async_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  AsyncState state = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = clr_test_server_url (server, "/stall-long.csv");
  g_autoptr(ClrListSource) source = NULL;
  gint64 started;

  clr_test_server_set_route (server, "/stall-long.csv", CLR_TEST_ROUTE_STALL, 200, NULL);
  /* A long timeout: only the cancellation can end this quickly. */
  clr_downloader_set_timeout (fixture->downloader, 60);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();

  started = g_get_monotonic_time ();
  clr_source_update_async (fixture->tmp.store, fixture->downloader, "csl", url, FALSE,
                           NULL, NULL, NULL, cancellable, async_done, &state);
  g_timeout_add (200, cancel_soon, cancellable);
  g_main_loop_run (state.loop);

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (current_version_id (fixture), ==, 0);
  /* Stopping it is not recorded as a failure of the source. */
  source = clr_store_get_source (fixture->tmp.store, "csl", NULL);
  g_assert_null (source->last_error);

  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

/* The real 2022 CSL, served by the local server, when the shared data is there. */
static void
test_real_csl (Fixture       *fixture,
               gconstpointer  data)
{
  const char *root = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *gz = root ? g_build_filename (root, "csl", "2022-05-16", "consolidated.csv.gz", NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) converted = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) result = { 0 };
  g_auto(ClrSourceUpdateResult) again = { 0 };

  if (gz == NULL || !g_file_test (gz, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("CLEARANCE_SHARED_DATA with csl/2022-05-16 is not available");
      return;
    }

  file = g_file_new_for_path (gz);
  in = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  converted = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice (memory, converted,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
  body = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  clr_test_server_set_route (server, "/real/consolidated.csv", CLR_TEST_ROUTE_FILE, 200, body);

  clr_downloader_set_timeout (fixture->downloader, 30);
  g_assert_true (update (fixture, "/real/consolidated.csv", FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, CLR_SOURCE_UPDATE_UPDATED);
  g_assert_cmpuint (result.downloaded, ==, g_bytes_get_size (body));
  g_assert_cmpuint (result.import.records, >=, 14159);
  g_assert_cmpstr (result.import.sha256, ==, "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");

  g_assert_true (update (fixture, "/real/consolidated.csv", FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_true (again.not_modified);
}

/* Plain http is refused unless allowed; the file is not even requested. */
static void
test_http_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ClrDownloader) strict = clr_downloader_new ();
  g_autofree char *url = clr_test_server_url (server, "/http/consolidated.csv");
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) result = { 0 };

  serve_fixture ("/http/consolidated.csv", "csl-v1.csv");
  g_assert_false (clr_source_update (fixture->tmp.store, strict, "csl", url, FALSE, NULL, NULL, &result, NULL, &error));
  clr_test_assert_error (&error, CLR_NET_ERROR, CLR_NET_ERROR_INSECURE, "--allow-http");
  g_assert_cmpuint (clr_test_server_get_hits (server, "/http/consolidated.csv"), ==, 0);
  g_assert_cmpint (current_version_id (fixture), ==, 0);

  /* Allowed: loaded, and marked. */
  g_clear_error (&error);
  g_assert_true (update (fixture, "/http/consolidated.csv", FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.without_tls);
  {
    g_autoptr(ClrListVersion) version = clr_store_get_current_version (fixture->tmp.store, "csl", NULL);

    g_assert_true (version->fetched_without_tls);
  }
}

/* A server that sends one byte every 200 ms never trips the per-read
 * timeout; the overall deadline stops it, and nothing is loaded. */
static void
test_deadline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *file = fixture_path ("csl-v1.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) result = { 0 };
  gsize length;
  guint leftovers = count_download_leftovers ();

  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  body = g_bytes_new (contents, length);   /* > 1,000 bytes: minutes at 5 bytes/s */
  g_assert_cmpuint (length, >, 1000);
  clr_test_server_set_route (server, "/drip.csv", CLR_TEST_ROUTE_DRIP, 200, body);
  clr_downloader_set_timeout (fixture->downloader, 5);
  clr_downloader_set_deadline (fixture->downloader, 2);

  g_assert_false (update (fixture, "/drip.csv", FALSE, &result, &error));
  clr_test_assert_error (&error, CLR_NET_ERROR, CLR_NET_ERROR_DEADLINE, "deadline of 2 seconds");
  g_assert_cmpint (current_version_id (fixture), ==, 0);
  g_assert_cmpuint (count_download_leftovers (), ==, leftovers);
}

static void
test_html_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("\n<!DOCTYPE html>\n<html><body>Please sign in</body></html>\n", 58);
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) result = { 0 };

  clr_test_server_set_route (server, "/portal.csv", CLR_TEST_ROUTE_HTML, 200, body);
  g_assert_false (update (fixture, "/portal.csv", FALSE, &result, &error));
  clr_test_assert_error (&error, CLR_NET_ERROR, CLR_NET_ERROR_NOT_A_LIST, "the server sent an HTML page, not a list");
  g_assert_cmpint (current_version_id (fixture), ==, 0);
}

/* A killed update leaves its folder; the next download removes it. */
static void
test_leftovers_cleaned (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *base = clr_downloader_dup_download_dir ();
  g_autofree char *stale = NULL;
  g_autofree char *stale_file = NULL;
  g_autofree char *live = NULL;
  g_autoptr(GSubprocess) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) result = { 0 };
  const char *true_argv[] = { "true", NULL };

  /* A process id that no longer runs. */
  gone = g_subprocess_newv (true_argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (gone, NULL, &error));
  stale = g_strdup_printf ("%s/%s-a1b2c3", base, g_subprocess_get_identifier (gone) ?
                           g_subprocess_get_identifier (gone) : "999999");
  g_assert_cmpint (g_mkdir_with_parents (stale, 0700), ==, 0);
  stale_file = g_build_filename (stale, "consolidated.csv", NULL);
  g_assert_true (g_file_set_contents (stale_file, "half a download", -1, NULL));
  /* This process's own folder (a download in progress) is kept. */
  live = g_strdup_printf ("%s/%ld-d4e5f6", base, (long) getpid ());
  g_assert_cmpint (g_mkdir_with_parents (live, 0700), ==, 0);

  serve_fixture ("/clean/consolidated.csv", "csl-v1.csv");
  g_assert_true (update (fixture, "/clean/consolidated.csv", FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_DIR));
  g_rmdir (live);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/net/update/success-then-not-modified", test_success_and_not_modified),
  CLR_TEST ("/net/update/changed-file", test_changed_file),
  CLR_TEST ("/net/update/not-found", test_not_found),
  CLR_TEST ("/net/update/truncated", test_truncated),
  CLR_TEST ("/net/update/stalled", test_stalled),
  CLR_TEST ("/net/update/retry", test_retry),
  CLR_TEST ("/net/update/bad-content", test_bad_content),
  CLR_TEST ("/net/update/guard", test_guard),
  CLR_TEST ("/net/update/invalid", test_invalid_url),
  CLR_TEST ("/net/update/too-large", test_too_large),
  CLR_TEST ("/net/update/async-progress", test_async_progress),
  CLR_TEST ("/net/update/async-cancel", test_async_cancel),
  CLR_TEST ("/net/update/real-csl-2022", test_real_csl),
  CLR_TEST ("/net/update/http-refused", test_http_refused),
  CLR_TEST ("/net/update/deadline", test_deadline),
  CLR_TEST ("/net/update/html-page", test_html_page),
  CLR_TEST ("/net/update/leftovers-cleaned", test_leftovers_cleaned),
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int result;

  /* Downloads go to the user cache: a scratch one for these tests. */
  cache = g_dir_make_tmp ("clr-net-cache-XXXXXX", NULL);
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);

  server = clr_test_server_new ();
  CLR_TEST_ADD_CASES (tests, Fixture, fixture_set_up, fixture_tear_down);

  result = g_test_run ();
  clr_test_server_free (server);
  clr_test_rmtree (cache);
  return result;
}
