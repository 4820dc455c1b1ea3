/* test-importers-real.c — the real published files in $CLEARANCE_SHARED_DATA
 * (counts from ../shared/data/README.md §4); skipped when absent
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-importer.h"
#include "test-importers-util.h"

typedef struct
{
  GHashTable *by_list;    /* list code → count */
  GHashTable *hashes;     /* key → content hash (only when wanted) */
  guint64     records;
  guint64     huawei_el;
  gboolean    check_huawei;
  guint       huawei_main;
  guint       huawei_fr;
} Tally;

static void
tally_init (Tally    *tally,
            gboolean  keep_hashes)
{
  memset (tally, 0, sizeof *tally);
  tally->by_list = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (keep_hashes)
    tally->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
tally_clear (Tally *tally)
{
  g_hash_table_unref (tally->by_list);
  g_clear_pointer (&tally->hashes, g_hash_table_unref);
}

static guint
tally_count (Tally      *tally,
             const char *code)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tally->by_list, code));
}

static gboolean
tally_entry (ClrEntry  *entry,
             gpointer   user_data,
             GError   **error)
{
  Tally *tally = user_data;

  tally->records++;
  g_hash_table_insert (tally->by_list, g_strdup (entry->list_code),
                       GUINT_TO_POINTER (tally_count (tally, entry->list_code) + 1));

  /* Every entry is well formed. */
  g_assert_nonnull (entry->name);
  g_assert_cmpuint (strlen (entry->name), >, 0);
  g_assert_nonnull (entry->list_code);
  g_assert_nonnull (entry->agency);
  g_assert_true (g_utf8_validate (entry->name, -1, NULL));
  g_assert_cmpint (entry->source_line, >, 0);
  for (guint i = 0; i < entry->countries->len; i++)
    g_assert_cmpuint (strlen (g_ptr_array_index (entry->countries, i)), ==, 2);

  if (g_strcmp0 (entry->list_code, "EL") == 0 &&
      (strstr (entry->name, "Huawei") != NULL || strstr (entry->name, "HUAWEI") != NULL))
    tally->huawei_el++;
  /* README §5: "Huawei Technologies Co., Ltd. (Huawei)" (three EL rows, one
   * per address group) from 2019-05-21, FR notices 84 FR 22961 and 85 FR
   * 51603; its acronym is an alias, so screening "Huawei" finds it. */
  if (tally->check_huawei && g_strcmp0 (entry->list_code, "EL") == 0 &&
      g_strcmp0 (entry->name, "Huawei Technologies Co., Ltd. (Huawei)") == 0)
    {
      gboolean acronym = FALSE;

      g_assert_cmpstr (entry->start_date, ==, "2019-05-21");
      for (guint i = 0; i < entry->aliases->len; i++)
        if (g_strcmp0 (g_ptr_array_index (entry->aliases, i), "Huawei") == 0)
          acronym = TRUE;
      g_assert_true (acronym);
      tally->huawei_main++;
      if (strstr (entry->federal_register, "84 FR 22961") != NULL &&
          strstr (entry->federal_register, "85 FR 51603") != NULL)
        tally->huawei_fr++;
    }

  if (tally->hashes != NULL)
    {
      g_autofree char *key = clr_entry_dup_key (entry);

      g_assert_false (g_hash_table_contains (tally->hashes, key));
      g_hash_table_insert (tally->hashes, g_steal_pointer (&key), clr_entry_content_hash (entry));
    }
  return TRUE;
}

static gboolean
run (const char    *path,
     ClrListFormat  format,
     Tally         *tally,
     ClrImportInfo *info,
     GError       **error)
{
  return clr_importer_run (path, format, tally_entry, tally, NULL, NULL, info, NULL, error);
}

/* Counts the entries of @path into @tally (made here, keeping each
 * entry's content hash when @keep_hashes), asserting the import succeeds;
 * what it says of the file in @info. */
static void
tally_import (Tally         *tally,
              gboolean       keep_hashes,
              const char    *path,
              ClrImportInfo *info)
{
  g_autoptr(GError) error = NULL;

  tally_init (tally, keep_hashes);
  g_assert_true (run (path, CLR_LIST_FORMAT_AUTO, tally, info, &error));
  g_assert_no_error (error);
}

static void
assert_has_warning (ClrImportInfo *info,
                    const char    *text)
{
  for (guint i = 0; i < info->warnings->len; i++)
    if (strstr (g_ptr_array_index (info->warnings, i), text) != NULL)
      return;
  g_error ("no warning mentions “%s”", text);
}

/* A scratch folder the compressed files are unpacked into. */
typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = clr_test_tmpdir ("clearance-importers");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clr_test_rmtree (f->dir);
  g_free (f->dir);
}

/* ------------------------------------------------------------------------- */

static void
test_csl_2022 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = clr_test_shared_file ("csl/2022-05-16/consolidated.csv.gz", f->dir, "consolidated.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *code; guint count; } lists[] = {
    { "SDN", 10026 }, { "EL", 2001 }, { "DTC", 727 }, { "DPL", 462 }, { "SSI", 290 },
    { "UVL", 201 }, { "ISN", 163 }, { "PLC", 78 }, { "MEU", 71 }, { "NS-CMIC", 68 },
    { "CAP", 53 - 1 }, { "NS-MBS", 17 }, { "FSE", 3 },
  };
  Tally tally;

  if (path == NULL)
    return;

  tally_init (&tally, FALSE);
  tally.check_huawei = TRUE;
  g_assert_true (run (path, CLR_LIST_FORMAT_AUTO, &tally, info, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (info->sha256, ==, "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");
  /* 14,160 records; CAP 15268 appears twice, the second time differing only
   * in its source_list_url, and is skipped with a warning. */
  g_assert_cmpuint (info->records, ==, 14160 - 1);
  g_assert_cmpuint (tally.records, ==, 14160 - 1);
  assert_has_warning (info, "entry 15268 (BANK OF KUNLUN CO LTD) repeats");
  /* 34,171 names incl. aliases, less the 3 names of the skipped repeat. */
  g_assert_cmpuint (info->names, ==, 34171 - 3);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_test_message ("%s", lists[i].code);
      g_assert_cmpuint (tally_count (&tally, lists[i].code), ==, lists[i].count);
    }

  /* README §5: 136 Entity List rows name Huawei. */
  g_assert_cmpuint (tally.huawei_el, ==, 136);
  g_assert_cmpuint (tally.huawei_main, ==, 3);
  g_assert_cmpuint (tally.huawei_fr, ==, 2);

  tally_clear (&tally);
}

static void
test_csl_2023_truncated (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = clr_test_shared_file ("csl/2023-11-30_truncated/csl.csv.xz", f->dir, "csl.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  Tally tally;

  if (path == NULL)
    return;

  tally_init (&tally, FALSE);
  g_assert_false (run (path, CLR_LIST_FORMAT_AUTO, &tally, info, &error));
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_PARSE);
  /* The cut record starts on line 4233; the 4,226 before it parsed. */
  where = g_strdup_printf ("%s:4233: ", path);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_assert_nonnull (strstr (error->message, "truncated"));
  g_assert_cmpuint (tally.records, ==, 4226);
  g_assert_cmpuint (info->names, ==, 10360);
  assert_has_warning (info, "csl.csv:2: repeated header");

  tally_clear (&tally);
}

static void
test_csl_samples (void)
{
  const struct { const char *file; guint records; } cases[] = {
    { "csl/samples/2019-12-03_csl_sample.csv", 115 },
    { "csl/samples/2025-06-25_consolidated_sample.csv", 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = clr_test_shared_file (cases[i].file, NULL, NULL);
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      Tally tally;

      if (path == NULL)
        return;
      tally_import (&tally, FALSE, path, info);
      g_assert_cmpuint (info->records, ==, cases[i].records);
      tally_clear (&tally);
    }
}

static void
test_csl_2026_compact (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = clr_test_shared_file ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz", f->dir,
                                                "consolidated.csv");
  g_autofree char *json = NULL;
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(ClrImportInfo) json_info = clr_import_info_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *code; guint count; } lists[] = {
    { "SDN", 19181 }, { "EL", 3420 }, { "DPL", 1596 }, { "DTC", 787 }, { "SSI", 286 },
    { "UVL", 222 }, { "ISN", 161 }, { "PLC", 78 }, { "MEU", 70 }, { "NS-CMIC", 68 },
    { "NS-MBS", 51 }, { "CAP", 1 },
  };
  Tally tally;

  if (path == NULL)
    return;

  tally_import (&tally, FALSE, path, info);
  g_assert_cmpuint (info->records, ==, 25921);
  g_assert_cmpstr (info->sha256, ==, "c7377dc374ee1d70de5cea9fa49f158abc4dcef2cdc0129f6b433a73a76b8c78");
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_test_message ("%s", lists[i].code);
      g_assert_cmpuint (tally_count (&tally, lists[i].code), ==, lists[i].count);
    }
  tally_clear (&tally);

  /* The compact JSON is a third-party re-encoding, not trade.gov's
   * {"results": [...]}: a clear error, not a silent empty import. */
  json = clr_test_shared_file ("csl/2026-07-31_compact/screening-list.json.xz", f->dir, "screening-list.json");
  if (json != NULL)
    {
      tally_init (&tally, FALSE);
      g_assert_false (run (json, CLR_LIST_FORMAT_AUTO, &tally, json_info, &error));
      clr_test_assert_error (&error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_UNSUPPORTED, "results");
      g_assert_cmpuint (tally.records, ==, 0);
      tally_clear (&tally);
    }
}

/* ------------------------------------------------------------------------- */

static void
test_ofac_sdn_2021 (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sdn = clr_test_shared_file ("ofac/sdn/2021-07-07/sdn.csv.xz", f->dir, "sdn.csv");
  g_autofree char *add = clr_test_shared_file ("ofac/sdn/2021-07-07/add.csv", f->dir, "add.csv");
  g_autofree char *alt = clr_test_shared_file ("ofac/sdn/2021-07-07/alt.csv", f->dir, "alt.csv");
  g_autofree char *comments = clr_test_shared_file ("ofac/sdn/2021-07-07/sdn_comments.csv", f->dir,
                                                    "sdn_comments.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  Tally tally;

  if (sdn == NULL || add == NULL || alt == NULL || comments == NULL)
    return;

  tally_import (&tally, FALSE, sdn, info);
  g_assert_cmpstr (info->source, ==, "ofac-sdn");
  g_assert_cmpuint (info->files->len, ==, 4);
  g_assert_cmpuint (info->records, ==, 8976);
  g_assert_cmpuint (tally_count (&tally, "SDN"), ==, 8976);
  /* 8,976 sdn.csv rows + 11,910 alt.csv rows. */
  g_assert_cmpuint (info->names, ==, 20886);
  g_assert_cmpuint (info->warnings->len, ==, 0);
  tally_clear (&tally);
}

/* Two weekly copies, keyed on ent_num: 305 added, 8 removed, 0 changed. */
static void
test_ofac_sdn_2024_diff (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *old_dir = g_build_filename (f->dir, "old", NULL);
  g_autofree char *new_dir = g_build_filename (f->dir, "new", NULL);
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autoptr(ClrImportInfo) old_info = clr_import_info_new ();
  g_autoptr(ClrImportInfo) new_info = clr_import_info_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint added = 0, removed = 0, changed = 0;
  Tally old_tally, new_tally;

  g_mkdir (old_dir, 0700);
  g_mkdir (new_dir, 0700);
  old_path = clr_test_shared_file ("ofac/sdn/2024-04-26/sdn.csv.xz", old_dir, "sdn.csv");
  new_path = old_path ? clr_test_shared_file ("ofac/sdn/2024-05-03/sdn.csv.xz", new_dir, "sdn.csv") : NULL;
  if (old_path == NULL || new_path == NULL)
    return;

  tally_import (&old_tally, TRUE, old_path, old_info);
  tally_import (&new_tally, TRUE, new_path, new_info);

  g_assert_cmpuint (old_info->records, ==, 14668);
  g_assert_cmpuint (new_info->records, ==, 14965);
  g_assert_cmpstr (new_info->sha256, ==, "210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb");
  /* Without alt.csv, the aliases come from the remarks' a.k.a. */
  g_assert_cmpuint (new_info->files->len, ==, 1);

  g_hash_table_iter_init (&iter, new_tally.hashes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *before = g_hash_table_lookup (old_tally.hashes, key);

      if (before == NULL)
        added++;
      else if (strcmp (before, value) != 0)
        changed++;
    }
  g_hash_table_iter_init (&iter, old_tally.hashes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (new_tally.hashes, key))
      removed++;

  g_assert_cmpuint (added, ==, 305);
  g_assert_cmpuint (removed, ==, 8);
  g_assert_cmpuint (changed, ==, 0);

  tally_clear (&old_tally);
  tally_clear (&new_tally);
}

static void
test_ofac_nonsdn (void)
{
  const struct { const char *dir; guint records; guint64 names; } cases[] = {
    { "ofac/non_sdn/2025-12-19", 442, 1515 },
    { "ofac/non_sdn/2018-04-06", 639, 1848 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rel = g_build_filename (cases[i].dir, "cons_prim.csv", NULL);
      g_autofree char *path = clr_test_shared_file (rel, NULL, NULL);
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      Tally tally;

      if (path == NULL)
        return;
      tally_import (&tally, TRUE, path, info);
      g_assert_cmpstr (info->source, ==, "ofac-nonsdn");
      g_assert_cmpuint (info->records, ==, cases[i].records);
      g_assert_cmpuint (info->names, ==, cases[i].names);
      g_assert_cmpuint (info->files->len, ==, 4);
      if (i == 0)
        {
          /* NS-PLC 78 (2 of them also SDGT), CMIC-EO13959 68. */
          g_assert_cmpuint (tally_count (&tally, "PLC"), ==, 78);
          g_assert_cmpuint (tally_count (&tally, "NS-CMIC"), ==, 68);
          g_assert_true (g_hash_table_contains (tally.hashes, "NS-CMIC:30947"));
        }
      tally_clear (&tally);
    }
}

static void
test_ofac_xml (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *cons = clr_test_shared_file ("ofac/non_sdn/2018-04-06/consolidated.xml.xz", f->dir,
                                                "consolidated.xml");
  g_autofree char *excerpt = NULL;
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(ClrImportInfo) excerpt_info = clr_import_info_new ();
  Tally tally;

  if (cons == NULL)
    return;

  tally_import (&tally, FALSE, cons, info);
  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_OFAC_XML);
  g_assert_cmpstr (info->source, ==, "ofac-nonsdn");
  g_assert_cmpuint (info->records, ==, 639);
  g_assert_cmpstr (info->publication_date, ==, "2018-04-06");
  g_assert_cmpstr (info->sha256, ==, "03ff290ee1a079a19676ee3841b1b22511f246f577d9bd707167d283a7df4c0d");
  /* Record_Count agrees: no warning. */
  g_assert_cmpuint (info->warnings->len, ==, 0);
  tally_clear (&tally);

  excerpt = clr_test_shared_file ("ofac/samples/2014-07-16_sdn_xml_excerpt.xml", NULL, NULL);
  tally_import (&tally, FALSE, excerpt, excerpt_info);
  g_assert_cmpstr (excerpt_info->source, ==, "ofac-sdn");
  g_assert_cmpuint (excerpt_info->records, ==, 4);
  g_assert_cmpstr (excerpt_info->publication_date, ==, "2014-07-16");
  assert_has_warning (excerpt_info, "5704");
  tally_clear (&tally);
}

static void
test_dpl (void)
{
  const struct { const char *file; guint records; const char *bad[4]; } cases[] = {
    { "bis/dpl/2019-07-09/dpl.txt", 415, { "3017-08-22", NULL } },
    { "bis/dpl/2022-09-07/dpl.txt", 459, { "0222-05-18", "2922-09-01", "3017-08-22", NULL } },
    { "bis/dpl/2023-11-30/dpl.txt", 545, { "1023-11-01", "3033-09-30", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = clr_test_shared_file (cases[i].file, NULL, NULL);
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      Tally tally;

      if (path == NULL)
        return;
      tally_import (&tally, TRUE, path, info);
      g_assert_cmpstr (info->source, ==, "bis-dpl");
      /* One entry per distinct name (rows are one per name + address). */
      g_assert_cmpuint (info->records, ==, cases[i].records);
      g_assert_cmpuint (tally_count (&tally, "DPL"), ==, cases[i].records);
      g_assert_null (info->publication_date);
      for (guint j = 0; cases[i].bad[j] != NULL; j++)
        assert_has_warning (info, cases[i].bad[j]);
      tally_clear (&tally);
    }
}

/* The older per-list layouts: export.gov's Entity List CSV (one row per
 * name × address × alias) and BIS's UVL CSV (with a Windows-1252 byte). */
static void
test_old_samples (void)
{
  const struct { const char *file; const char *source; guint records; guint64 names; guint warnings; } cases[] = {
    { "bis/samples/2015-09-24_el_fixture.csv", "bis-el", 5, 9, 0 },
    { "bis/samples/2017-04-13_uvl_fixture.csv", "bis-uvl", 13, 15, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = clr_test_shared_file (cases[i].file, NULL, NULL);
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      Tally tally;

      if (path == NULL)
        return;
      tally_import (&tally, TRUE, path, info);
      g_assert_cmpstr (info->source, ==, cases[i].source);
      g_assert_cmpuint (info->records, ==, cases[i].records);
      g_assert_cmpuint (info->names, ==, cases[i].names);
      g_assert_cmpuint (info->warnings->len, ==, cases[i].warnings);
      if (cases[i].warnings > 0)
        assert_has_warning (info, "uvl_fixture.csv:20: invalid UTF-8");
      tally_clear (&tally);
    }
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/importers/real/csl-2022", test_csl_2022),
  CLR_TEST ("/importers/real/csl-2023-truncated", test_csl_2023_truncated),
  CLR_TEST_FUNC ("/importers/real/csl-samples", test_csl_samples),
  CLR_TEST ("/importers/real/csl-2026-compact", test_csl_2026_compact),
  CLR_TEST ("/importers/real/ofac-sdn-2021", test_ofac_sdn_2021),
  CLR_TEST ("/importers/real/ofac-sdn-2024-diff", test_ofac_sdn_2024_diff),
  CLR_TEST_FUNC ("/importers/real/ofac-nonsdn", test_ofac_nonsdn),
  CLR_TEST ("/importers/real/ofac-xml", test_ofac_xml),
  CLR_TEST_FUNC ("/importers/real/dpl", test_dpl),
  CLR_TEST_FUNC ("/importers/real/old-samples", test_old_samples),
};

CLR_TEST_MAIN (NULL, tests, Fixture, fixture_set_up, fixture_tear_down)
