/* test-store-lists-real.c — the real CSL copies: 2022 complete, then the 2026 compact one
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs $CLEARANCE_SHARED_DATA (skips without it) and xz for the 2026 copy.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-store-lists.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static char *
shared_file (const char *relative)
{
  const char *root = g_getenv ("CLEARANCE_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

static void
gunzip_to (const char *from,
           const char *to)
{
  g_autoptr(GFile) in_file = g_file_new_for_path (from);
  g_autoptr(GFile) out_file = g_file_new_for_path (to);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) converted = NULL;
  g_autoptr(GError) error = NULL;

  in = g_file_read (in_file, NULL, &error);
  g_assert_no_error (error);
  out = g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  converted = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
  g_output_stream_splice (G_OUTPUT_STREAM (out), converted,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
}

static gboolean
unxz_to (const char *from,
         const char *to)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xz = g_find_program_in_path ("xz");

  if (xz == NULL)
    return FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, to);
  process = g_subprocess_launcher_spawn (launcher, &error, xz, "-dc", from, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

static ClrListCount *
find_count (GPtrArray  *counts,
            const char *code)
{
  for (guint i = 0; i < counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (counts, i);
      if (g_strcmp0 (count->list_code, code) == 0)
        return count;
    }
  g_error ("no list %s", code);
}

static void
test_real_csl_update (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *gz = shared_file ("csl/2022-05-16/consolidated.csv.gz");
  g_autofree char *xz = shared_file ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz");
  g_autofree char *csv2022 = g_build_filename (fixture->dir, "consolidated.csv", NULL);
  g_autofree char *csv2026 = g_build_filename (fixture->dir, "consolidated-2026.csv", NULL);
  g_auto(ClrListImportResult) first = { 0 };
  g_auto(ClrListImportResult) second = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean zhipu_added = FALSE;
  guint added = 0, removed = 0, changed = 0;

  if (gz == NULL || xz == NULL)
    {
      g_test_skip ("CLEARANCE_SHARED_DATA with the 2022 and 2026 CSL copies is not available");
      return;
    }

  gunzip_to (gz, csv2022);
  g_assert_true (clr_store_test_import_file (fixture->store, csv2022, FALSE, &first, &error));
  g_assert_no_error (error);
  /* 14,160 published rows; one repeats its predecessor exactly. */
  g_assert_cmpuint (first.records, >=, 14159);
  g_assert_cmpuint (first.records, <=, 14160);
  g_assert_cmpuint (find_count (first.counts, "SDN")->records, ==, 10026);
  g_assert_cmpuint (find_count (first.counts, "EL")->records, ==, 2001);
  g_assert_cmpstr (first.sha256, ==, "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");

  if (!unxz_to (xz, csv2026))
    {
      g_test_skip ("xz is not installed");
      return;
    }

  /* The compact 2026 copy lost most CAP rows: the guard must stop it. */
  g_assert_false (clr_store_test_import_file (fixture->store, csv2026, FALSE, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY);
  g_assert_nonnull (strstr (error->message, "CAP"));
  g_clear_error (&error);

  g_assert_true (clr_store_test_import_file (fixture->store, csv2026, TRUE, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.records, ==, 25921);
  g_assert_cmpint (second.previous_version_id, ==, first.version_id);

  changes = clr_store_diff_latest (fixture->store, "csl", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      if (change->kind == CLR_LIST_CHANGE_ADDED)
        {
          added++;
          if (g_strcmp0 (change->list_code, "EL") == 0 && strstr (change->name, "Zhipu") != NULL)
            zhipu_added = TRUE;
        }
      else if (change->kind == CLR_LIST_CHANGE_REMOVED)
        removed++;
      else
        {
          changed++;
          /* OFAC rows keep their id: the entity number is the 2022 "_id". */
          if (g_strcmp0 (change->list_code, "SDN") == 0)
            for (guint f = 0; change->fields != NULL && change->fields[f] != NULL; f++)
              g_assert_cmpstr (change->fields[f], !=, "entry_id");
        }
    }
  g_assert_cmpuint (added, ==, second.added);
  g_assert_cmpuint (removed, ==, second.removed);
  g_assert_cmpuint (changed, ==, second.changed);
  /* The 2026 copy has no "_id": OFAC entries pair by entity number, the
   * others by list + name (+ addresses): most 2022
   * entries are found again (changed: their id and dropped columns), not
   * removed and re-added. */
  g_assert_cmpuint (added, >=, 25921 - 14160);
  g_assert_cmpuint (removed, >, 0);
  g_assert_cmpuint (removed, <, first.records / 4);
  g_assert_cmpuint (changed, >, first.records / 2);
  g_assert_true (zhipu_added);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/lists-real/csl-2022-to-2026", Fixture, NULL,
              clr_store_test_set_up, test_real_csl_update, clr_store_test_tear_down);

  return g_test_run ();
}
