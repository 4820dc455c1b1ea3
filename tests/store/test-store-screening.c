/* test-store-screening.c — a matcher over the store's current list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "clr-store-lists.h"
#include "clr-store-screening.h"

typedef struct
{
  char     *dir;
  ClrStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("clearance-screening-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = clr_store_new (path);
  clr_store_open (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup (clr_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
import_fixture (Fixture *f)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "cli", "data", "csl-v1.csv", NULL);
  g_auto(ClrListImportResult) result = { 0, };
  g_autoptr(GError) error = NULL;

  clr_list_import_result_init (&result);
  clr_store_import_list_file (f->store, csv, CLR_LIST_FORMAT_AUTO, NULL, FALSE, NULL, NULL,
                              &result, NULL, &error);
  g_assert_no_error (error);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher (f->store, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (matcher);
  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 0);
  hits = clr_matcher_screen (matcher, "Huawei", NULL, 0.0, 0);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_loaded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(ClrEntry) stored = NULL;
  ClrHit *hit;

  import_fixture (f);
  matcher = clr_store_load_matcher (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 10);

  hits = clr_matcher_screen (matcher, "华为技术有限公司", NULL, clr_matcher_get_default_threshold (), 5);
  g_assert_cmpuint (hits->len, >=, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->entry->name, ==, "Huawei Technologies Co., Ltd.");
  /* The hit's entry_id is the store row: the same entry comes back from it. */
  stored = clr_store_get_entry (f->store, hit->entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, hit->entry->name);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClrMatcher **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = clr_store_load_matcher_finish (CLR_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  ClrMatcher *matcher = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  import_fixture (f);
  clr_store_load_matcher_async (f->store, NULL, loaded_cb, &matcher);
  while (matcher == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (clr_matcher_get_n_entries (matcher), ==, 10);
  hits = clr_matcher_screen (matcher, "Hik Vision", "CN", clr_matcher_get_default_threshold (), 5);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((ClrHit *) hits->pdata[0])->entry->name, ==, "Hangzhou Hikvision Digital Technology Co., Ltd.");
  g_object_unref (matcher);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/screening/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/store/screening/loaded", Fixture, NULL, fixture_setup, test_loaded, fixture_teardown);
  g_test_add ("/store/screening/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);

  return g_test_run ();
}
