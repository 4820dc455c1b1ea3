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

#define find_count(counts, code) \
  ((ClrListCount *) clr_test_find_by_string ((counts), G_STRUCT_OFFSET (ClrListCount, list_code), (code), "list"))

static void
test_real_csl_update (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv2022 = clr_test_shared_file ("csl/2022-05-16/consolidated.csv.gz", fixture->dir,
                                                   "consolidated.csv");
  g_autofree char *csv2026 = NULL;
  g_auto(ClrListImportResult) first = { 0 };
  g_auto(ClrListImportResult) second = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean zhipu_added = FALSE;
  guint added = 0, removed = 0, changed = 0;

  if (csv2022 == NULL)
    return;  /* skipped: no shared data */

  g_assert_true (clr_store_test_import_file (fixture->store, csv2022, FALSE, &first, &error));
  g_assert_no_error (error);
  /* 14,160 published rows; one repeats its predecessor exactly. */
  g_assert_cmpuint (first.records, >=, 14159);
  g_assert_cmpuint (first.records, <=, 14160);
  g_assert_cmpuint (find_count (first.counts, "SDN")->records, ==, 10026);
  g_assert_cmpuint (find_count (first.counts, "EL")->records, ==, 2001);
  g_assert_cmpstr (first.sha256, ==, "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");

  csv2026 = clr_test_shared_file ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz", fixture->dir,
                                  "consolidated-2026.csv");
  if (csv2026 == NULL)
    return;  /* skipped: no 2026 copy or no xz */

  /* The compact 2026 copy lost most CAP rows: the guard must stop it. */
  g_assert_false (clr_store_test_import_file (fixture->store, csv2026, FALSE, NULL, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY, "CAP");

  g_assert_true (clr_store_test_import_file (fixture->store, csv2026, TRUE, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.records, ==, 25921);
  g_assert_cmpint (second.previous_version_id, ==, first.version_id);

  changes = clr_store_test_diff (fixture->store, "csl", &added, &removed, &changed);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      if (change->kind == CLR_LIST_CHANGE_ADDED
          && g_strcmp0 (change->list_code, "EL") == 0 && strstr (change->name, "Zhipu") != NULL)
        zhipu_added = TRUE;
      /* OFAC rows keep their id: the entity number is the 2022 "_id". */
      if (change->kind == CLR_LIST_CHANGE_CHANGED && g_strcmp0 (change->list_code, "SDN") == 0)
        for (guint f = 0; change->fields != NULL && change->fields[f] != NULL; f++)
          g_assert_cmpstr (change->fields[f], !=, "entry_id");
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

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/lists-real/csl-2022-to-2026", test_real_csl_update),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
