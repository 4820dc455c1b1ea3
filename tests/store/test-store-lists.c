/* test-store-lists.c — list versions: atomic writes, history, guard, diff
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-store-lists.h"
#include "clr-store-review.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static ClrEntry *
make_entry (const char *list,
            const char *id,
            const char *name,
            const char *country)
{
  ClrEntry *entry = clr_entry_new ();

  entry->list_code = g_strdup (list);
  entry->list_name = g_strdup_printf ("The %s list", list);
  entry->entry_id = g_strdup (id);
  entry->name = g_strdup (name);
  if (country != NULL)
    {
      clr_entry_add_address (entry, "Somewhere", country);
      clr_entry_add_country (entry, country);
    }
  return entry;
}

/* Writes a version of @source holding @entries (NULL-terminated triples
 * "list", "id", "name"), each with country CN. */
static gboolean
write_version (ClrStore             *store,
               const char           *source,
               const char           *sha,
               const char * const   *rows,
               gboolean              force,
               ClrListImportResult  *result,
               GError              **error)
{
  g_autoptr(ClrListWriter) writer = NULL;

  writer = clr_store_begin_list_version (store, source, "fixture.csv", sha, "2026-01-01", "csl-csv", error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; rows[i] != NULL; i += 3)
    {
      g_autoptr(ClrEntry) entry = make_entry (rows[i], *rows[i + 1] ? rows[i + 1] : NULL, rows[i + 2], "CN");

      entry->source_line = i / 3 + 2;
      if (!clr_list_writer_add_entry (writer, entry, error))
        return FALSE;
    }

  return clr_list_writer_commit (writer, force, result, error);
}

static gint64
count_rows (ClrStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  /* A second connection: what another process would see. */
  return clr_test_sql_int64 (clr_store_get_path (store), sql);
}

static const char * const first_rows[] = {
  "EL", "e1", "Huawei Technologies Co., Ltd.",
  "EL", "e2", "HiSilicon Technologies Co., Ltd",
  "EL", "e3", "Semiconductor Manufacturing International Corporation",
  "SDN", "101", "BANCO NACIONAL DE CUBA",
  "SDN", "102", "AEROCARIBBEAN AIRLINES",
  NULL
};

typedef struct
{
  GPtrArray *names;
  GArray    *ids;
} Collected;

static gboolean
collect_cb (gint64    entry_id,
            ClrEntry *entry,
            gpointer  user_data)
{
  Collected *collected = user_data;

  g_ptr_array_add (collected->names, g_strdup (entry->name));
  g_array_append_val (collected->ids, entry_id);
  return TRUE;
}

static void
test_first_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(ClrListImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Collected collected = { names, ids };
  g_autoptr(ClrEntry) entry = NULL;
  g_autoptr(ClrListVersion) version = NULL;
  ClrListCount *count;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.unchanged);
  g_assert_cmpint (result.version_id, >, 0);
  g_assert_cmpint (result.previous_version_id, ==, 0);
  g_assert_cmpuint (result.records, ==, 5);
  g_assert_cmpuint (result.names, ==, 5);
  g_assert_cmpuint (result.added, ==, 5);
  g_assert_cmpuint (result.counts->len, ==, 2);
  count = g_ptr_array_index (result.counts, 0);
  g_assert_cmpstr (count->list_code, ==, "EL");
  g_assert_cmpuint (count->records, ==, 3);
  count = g_ptr_array_index (result.counts, 1);
  g_assert_cmpstr (count->list_code, ==, "SDN");
  g_assert_cmpuint (count->records, ==, 2);

  g_assert_true (clr_store_foreach_current_entry (fixture->store, NULL, collect_cb, &collected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Huawei Technologies Co., Ltd.");

  entry = clr_store_get_entry (fixture->store, g_array_index (ids, gint64, 3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->name, ==, "BANCO NACIONAL DE CUBA");
  g_assert_cmpstr (entry->list_code, ==, "SDN");
  g_assert_cmpuint (entry->countries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entry->countries, 0), ==, "CN");

  g_assert_null (clr_store_get_entry (fixture->store, 999999, &error));
  clr_test_assert_error (&error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND, NULL);

  version = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version->status, ==, "current");
  g_assert_cmpstr (version->sha256, ==, "aaa");
  g_assert_cmpstr (version->publication_date, ==, "2026-01-01");
  g_assert_cmpuint (version->records, ==, 5);

  /* Another source is separate. */
  g_ptr_array_set_size (names, 0);
  g_assert_true (clr_store_foreach_current_entry (fixture->store, "ofac-sdn", collect_cb, &collected, &error));
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_null (clr_store_get_current_version (fixture->store, "ofac-sdn", &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static void
test_atomic_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const bad_rows[] = {
    "EL", "e1", "Huawei Technologies Co., Ltd.",
    "EL", "e9", "A new one",
    "EL", "e10", "",           /* no name: the record is rejected */
    "EL", "e11", "Never stored",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListVersion) before = NULL;
  g_autoptr(ClrListVersion) after = NULL;
  gint64 entries, versions;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, NULL, &error));
  before = clr_store_get_current_version (fixture->store, "csl", &error);
  entries = count_rows (fixture->store, "list_entry");
  versions = count_rows (fixture->store, "list_version");

  g_assert_false (write_version (fixture->store, "csl", "bbb", bad_rows, TRUE, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID);
  /* The message names the file and the record's line. */
  g_assert_nonnull (strstr (error->message, "fixture.csv:4"));
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture->store, "list_entry"), ==, entries);
  g_assert_cmpint (count_rows (fixture->store, "list_version"), ==, versions);
  after = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpstr (after->sha256, ==, "aaa");

  /* The store is usable again (lock and transaction were released). */
  g_assert_true (write_version (fixture->store, "csl", "ccc", first_rows, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(ClrListImportResult) first = { 0 };
  g_auto(ClrListImportResult) again = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 versions;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, &first, &error));
  versions = count_rows (fixture->store, "list_version");

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_true (again.unchanged);
  g_assert_cmpint (again.version_id, ==, first.version_id);
  g_assert_cmpuint (again.records, ==, 5);
  g_assert_cmpint (count_rows (fixture->store, "list_version"), ==, versions);
}

static void
test_sanity_guard (Fixture       *fixture,
                   gconstpointer  data)
{
  /* EL drops from 3 to 1 (-67 %); SDN stays. */
  static const char * const shrunk[] = {
    "EL", "e1", "Huawei Technologies Co., Ltd.",
    "SDN", "101", "BANCO NACIONAL DE CUBA",
    "SDN", "102", "AEROCARIBBEAN AIRLINES",
    NULL
  };
  g_auto(ClrListImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListVersion) current = NULL;
  gint64 entries;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, NULL, &error));
  entries = count_rows (fixture->store, "list_entry");

  g_assert_false (write_version (fixture->store, "csl", "bbb", shrunk, FALSE, &result, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY);
  g_assert_nonnull (strstr (error->message, "EL"));
  g_assert_nonnull (strstr (error->message, "from 3 to 1"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "list_entry"), ==, entries);
  current = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_cmpstr (current->sha256, ==, "aaa");
  g_clear_pointer (&current, clr_list_version_unref);

  /* Forced, it goes through and the diff says what went. */
  g_assert_true (write_version (fixture->store, "csl", "bbb", shrunk, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.records, ==, 3);
  g_assert_cmpuint (result.removed, ==, 2);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.changed, ==, 0);
  current = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_cmpstr (current->sha256, ==, "bbb");
}

#define find_change(changes, value) \
  ((ClrListChange *) clr_test_find_by_string ((changes), G_STRUCT_OFFSET (ClrListChange, name), (value), "change for"))

static void
test_diff (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const second_rows[] = {
    "EL", "e1", "Huawei Technologies Co., Ltd.",
    "EL", "e2", "HiSilicon Technologies Co., Ltd.",   /* changed: name */
    "EL", "e3", "Semiconductor Manufacturing International Corporation",
    "EL", "e4", "Zhipu AI",                          /* added */
    "SDN", "101", "BANCO NACIONAL DE CUBA",
    NULL                                             /* 102 removed */
  };
  g_auto(ClrListImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 old_id = 0, new_id = 0;
  ClrListChange *change;
  JsonObject *object;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, NULL, &error));
  g_assert_true (write_version (fixture->store, "csl", "bbb", second_rows, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.removed, ==, 1);
  g_assert_cmpuint (result.changed, ==, 1);

  changes = clr_store_diff_latest (fixture->store, "csl", &old_id, &new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, ==, result.version_id);
  g_assert_cmpint (old_id, ==, result.previous_version_id);
  g_assert_cmpuint (changes->len, ==, 3);

  change = find_change (changes, "Zhipu AI");
  g_assert_cmpint (change->kind, ==, CLR_LIST_CHANGE_ADDED);
  g_assert_cmpstr (change->list_code, ==, "EL");
  g_assert_cmpstr (change->countries[0], ==, "CN");
  g_assert_cmpint (change->old_entry_id, ==, 0);
  g_assert_cmpint (change->new_entry_id, >, 0);

  change = find_change (changes, "AEROCARIBBEAN AIRLINES");
  g_assert_cmpint (change->kind, ==, CLR_LIST_CHANGE_REMOVED);
  g_assert_cmpint (change->new_entry_id, ==, 0);

  change = find_change (changes, "HiSilicon Technologies Co., Ltd.");
  g_assert_cmpint (change->kind, ==, CLR_LIST_CHANGE_CHANGED);
  g_assert_cmpstr (change->fields[0], ==, "name");
  g_assert_null (change->fields[1]);

  json = clr_list_changes_to_json (changes);
  object = json_node_get_object (json);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "changed"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "changes")), ==, 3);
}

static void
test_diff_without_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  /* The newer copy lost its ids (like the 2026 compact CSL): entries pair by
   * list + name, so only real differences show. */
  static const char * const no_ids[] = {
    "EL", "", "Huawei Technologies Co., Ltd.",
    "EL", "", "HiSilicon Technologies Co., Ltd",
    "EL", "", "Semiconductor Manufacturing International Corporation",
    "EL", "", "Zhipu AI",
    "SDN", "", "BANCO NACIONAL DE CUBA",
    "SDN", "", "AEROCARIBBEAN AIRLINES",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint added = 0, removed = 0, changed = 0;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, NULL, &error));
  g_assert_true (write_version (fixture->store, "csl", "bbb", no_ids, FALSE, NULL, &error));
  g_assert_no_error (error);

  changes = clr_store_test_diff (fixture->store, "csl", &added, &removed, &changed);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      if (change->kind == CLR_LIST_CHANGE_CHANGED)
        {
          /* Only the id went away. */
          g_assert_cmpstr (change->fields[0], ==, "entry_id");
          g_assert_null (change->fields[1]);
        }
    }
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpint (find_change (changes, "Zhipu AI")->kind, ==, CLR_LIST_CHANGE_ADDED);
}

/* A list re-typesets a name ("(Huawei).  Affiliated Entity" with two spaces
 * in the 2022 CSL, one in 2026) while dropping its ids: the entry is the same
 * one, changed, so a decision on it is reopened rather than lost. */
static void
test_diff_respaced_name (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const respaced[] = {
    "EL", "", "Huawei Technologies Co., Ltd.",
    "EL", "", "HiSilicon Technologies Co., Ltd",
    "EL", "", "Semiconductor  Manufacturing\tInternational Corporation ",
    "SDN", "", "BANCO NACIONAL DE CUBA",
    "SDN", "", "AEROCARIBBEAN AIRLINES",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  ClrListChange *change;
  guint changed = 0;

  g_assert_true (write_version (fixture->store, "csl", "aaa", first_rows, FALSE, NULL, &error));
  g_assert_true (write_version (fixture->store, "csl", "bbb", respaced, FALSE, NULL, &error));
  g_assert_no_error (error);

  changes = clr_store_test_diff (fixture->store, "csl", NULL, NULL, &changed);
  g_assert_cmpuint (changes->len, ==, 5);
  /* All five the same entries, changed. */
  g_assert_cmpuint (changed, ==, 5);
  change = find_change (changes, "Semiconductor  Manufacturing\tInternational Corporation ");
  g_assert_cmpint (change->old_entry_id, >, 0);
  g_assert_cmpint (change->new_entry_id, >, 0);
  g_assert_true (g_strv_contains ((const char * const *) change->fields, "name"));
}

/* Writes entries without published ids, sharing list + name, as in the 2026
 * compact CSL (three Entity List rows "Huawei Technologies Co., Ltd." at
 * different addresses; the DPL's identical repeated rows). @reverse writes
 * them in the other order; @remarks goes on the Wuhan entry. */
static gboolean
write_shared_names (ClrStore    *store,
                    const char  *sha,
                    gboolean     reverse,
                    const char  *remarks,
                    GError     **error)
{
  static const char * const places[] = {
    "Huawei Technologies Co., Ltd.", "Bantian, Longgang District, Shenzhen, CN",
    "Huawei Technologies Co., Ltd.", "Songshan Lake, Dongguan, CN",
    "Huawei Technologies Co., Ltd.", "Optics Valley, Wuhan, CN",
    "I. ASH", NULL,
    "I. ASH", NULL,
  };
  g_autoptr(ClrListWriter) writer = NULL;
  guint n = G_N_ELEMENTS (places) / 2;

  writer = clr_store_begin_list_version (store, "csl", "compact.csv", sha, NULL, "csl-csv", error);
  if (writer == NULL)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      guint i = reverse ? n - 1 - k : k;
      g_autoptr(ClrEntry) entry = clr_entry_new ();

      entry->list_code = g_strdup (i < 3 ? "EL" : "DPL");
      entry->list_name = g_strdup (i < 3 ? "Entity List" : "Denied Persons List");
      entry->name = g_strdup (places[2 * i]);
      if (places[2 * i + 1] != NULL)
        {
          clr_entry_add_address (entry, places[2 * i + 1], "CN");
          clr_entry_add_country (entry, "CN");
        }
      if (i == 2)
        entry->remarks = g_strdup (remarks);
      entry->source_line = k + 2;
      if (!clr_list_writer_add_entry (writer, entry, error))
        return FALSE;
    }
  return clr_list_writer_commit (writer, FALSE, NULL, error);
}

static GPtrArray *
stored_keys (ClrStore *store,
             gint64    version_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT entry_key FROM list_entry WHERE version_id = %" G_GINT64_FORMAT
                                          " ORDER BY entry_key", version_id);

  return clr_test_sql_strings (clr_store_get_path (store), sql);
}

static void
test_shared_names_without_ids (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListVersion) first = NULL;
  g_autoptr(ClrListVersion) second = NULL;
  g_autoptr(GPtrArray) first_keys = NULL;
  g_autoptr(GPtrArray) second_keys = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) huawei = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
  g_autoptr(JsonArray) screening = json_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  JsonObject *element = json_object_new ();
  JsonArray *hits = json_array_new ();
  ClrListChange *change;
  Collected collected = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gint64)) };

  g_assert_true (write_shared_names (fixture->store, "s1", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->store, "list_entry"), ==, 5);

  first = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_no_error (error);
  first_keys = stored_keys (fixture->store, first->id);
  /* Five entries, five keys: the addresses tell the Huawei rows apart, the
   * file order the identical DPL rows. */
  g_assert_cmpuint (first_keys->len, ==, 5);
  for (guint i = 1; i < first_keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first_keys, i - 1), <, g_ptr_array_index (first_keys, i));
  g_assert_cmpstr (g_ptr_array_index (first_keys, 0), ==, "DPL:name:i. ash");
  g_assert_cmpstr (g_ptr_array_index (first_keys, 1), ==, "DPL:name:i. ash#2");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (first_keys, 2), "EL:name:huawei technologies co., ltd.@"));

  /* The same rows in another order, one remark added: the keys do not move
   * and the diff names exactly that one entry. */
  g_assert_true (write_shared_names (fixture->store, "s2", TRUE, "Wuhan research centre.", &error));
  g_assert_no_error (error);
  second = clr_store_get_current_version (fixture->store, "csl", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->id, !=, first->id);
  second_keys = stored_keys (fixture->store, second->id);
  g_assert_cmpuint (second_keys->len, ==, first_keys->len);
  for (guint i = 0; i < first_keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (second_keys, i), ==, g_ptr_array_index (first_keys, i));

  changes = clr_store_diff_latest (fixture->store, "csl", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, CLR_LIST_CHANGE_CHANGED);
  g_assert_cmpstr (change->fields[0], ==, "remarks");

  /* A party named like the three Huawei rows: three review items, not one
   * item whose entry flips between them. */
  g_assert_true (clr_store_foreach_current_entry (fixture->store, "csl", collect_cb, &collected, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < collected.ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (collected.names, i), "Huawei Technologies Co., Ltd.") == 0)
      {
        JsonObject *hit = json_object_new ();

        json_object_set_int_member (hit, "entry_row", g_array_index (collected.ids, gint64, i));
        json_object_set_double_member (hit, "score", 1.0);
        json_array_add_object_element (hits, hit);
      }
  g_assert_cmpuint (json_array_get_length (hits), ==, 3);
  json_object_set_string_member (element, "subject", "party");
  json_object_set_string_member (element, "name", "Huawei Technologies Co Ltd");
  json_object_set_string_member (element, "country", "CN");
  json_object_set_array_member (element, "hits", hits);
  json_array_add_object_element (screening, element);
  g_assert_true (clr_store_review_annotate_screening (fixture->store, screening, NULL, &error));
  g_assert_no_error (error);
  items = clr_store_review_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);

  g_ptr_array_unref (collected.names);
  g_array_unref (collected.ids);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) sources = NULL;
  g_autoptr(JsonNode) json = NULL;
  ClrListVersion *v;
  const char *shas[] = { "v1", "v2", "v3", "v4" };

  for (guint i = 0; i < G_N_ELEMENTS (shas); i++)
    g_assert_true (write_version (fixture->store, "csl", shas[i], first_rows, FALSE, NULL, &error));
  g_assert_true (write_version (fixture->store, "bis-dpl", "d1", first_rows, FALSE, NULL, &error));
  g_assert_no_error (error);

  versions = clr_store_list_versions (fixture->store, "csl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 4);
  v = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (v->sha256, ==, "v4");
  g_assert_cmpstr (v->status, ==, "current");
  g_assert_false (v->pruned);
  v = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (v->sha256, ==, "v3");
  g_assert_cmpstr (v->status, ==, "previous");
  g_assert_false (v->pruned);
  v = g_ptr_array_index (versions, 3);
  g_assert_cmpstr (v->sha256, ==, "v1");
  g_assert_cmpstr (v->status, ==, "superseded");
  /* Older versions keep their summary, not their entries. */
  g_assert_true (v->pruned);
  g_assert_cmpuint (v->records, ==, 5);
  g_assert_cmpuint (v->counts->len, ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "list_entry"), ==, 3 * 5);

  changes = clr_store_diff_versions (fixture->store, v->id, ((ClrListVersion *) g_ptr_array_index (versions, 0))->id, &error);
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
  g_assert_null (changes);
  g_clear_error (&error);

  json = clr_list_version_to_json (g_ptr_array_index (versions, 0));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "status"), ==, "current");

  sources = clr_store_list_loaded_sources (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sources), ==, 2);
  g_assert_cmpstr (sources[0], ==, "bis-dpl");
  g_assert_cmpstr (sources[1], ==, "csl");

  /* Only one version of bis-dpl: nothing to diff. */
  g_assert_null (clr_store_diff_latest (fixture->store, "bis-dpl", NULL, NULL, &error));
  g_assert_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/store/lists/first-version", test_first_version),
  CLR_TEST ("/store/lists/atomic-failure", test_atomic_failure),
  CLR_TEST ("/store/lists/unchanged", test_unchanged),
  CLR_TEST ("/store/lists/sanity-guard", test_sanity_guard),
  CLR_TEST ("/store/lists/diff", test_diff),
  CLR_TEST ("/store/lists/diff-without-ids", test_diff_without_ids),
  CLR_TEST ("/store/lists/diff-respaced-name", test_diff_respaced_name),
  CLR_TEST ("/store/lists/shared-names-without-ids", test_shared_names_without_ids),
  CLR_TEST ("/store/lists/history", test_history),
};

CLR_TEST_MAIN (NULL, tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
