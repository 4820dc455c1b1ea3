/* clr-store-test.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-audit.h"
#include "clr-store-test.h"

void
clr_store_test_make_dir (ClrStoreTest *t)
{
  t->dir = clr_test_tmpdir ("clearance-store");
  t->path = clr_test_database_new (clr_test_engine (), t->dir, "clearance.db");
}

void
clr_store_test_open (ClrStoreTest *t)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (t->store);
  t->store = clr_store_new (t->path);
  g_assert_true (clr_store_open (t->store, &error));
  g_assert_no_error (error);
}

void
clr_store_test_set_up (ClrStoreTest  *t,
                       gconstpointer  data)
{
  clr_store_test_make_dir (t);
  clr_store_test_open (t);
}

void
clr_store_test_tear_down (ClrStoreTest  *t,
                          gconstpointer  data)
{
  g_clear_object (&t->store);
  clr_test_database_drop (t->path);
  clr_test_rmtree (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->path, g_free);
}

ClrStore *
clr_store_test_open_as (ClrStoreTest *t,
                        const char   *user)
{
  g_autofree char *location = clr_test_database_as (t->path, user);
  g_autoptr(GError) error = NULL;
  ClrStore *store = clr_store_new (location);

  if (!clr_store_is_server (store))
    clr_store_set_local_user (store, user);
  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  return store;
}

ClrStore *
clr_store_test_open_reviewer (ClrStoreTest *t,
                              const char   *user,
                              const char   *display_name)
{
  ClrStore *store = clr_store_test_open_as (t, user);

  clr_store_audit_set_reviewer (store, display_name);
  return store;
}

void
clr_store_team_test_set_up (ClrStoreTeamTest *f,
                            gconstpointer     data)
{
  clr_store_test_set_up (&f->t, data);
  f->anna = clr_store_test_open_reviewer (&f->t, "anna", "Anna Albers");
  f->ben = clr_store_test_open_reviewer (&f->t, "ben", "Ben Brandt");
}

void
clr_store_team_test_tear_down (ClrStoreTeamTest *f,
                               gconstpointer     data)
{
  g_clear_object (&f->anna);
  g_clear_object (&f->ben);
  clr_store_test_tear_down (&f->t, data);
}

gboolean
clr_store_test_import_file (ClrStore             *store,
                            const char           *path,
                            gboolean              force,
                            ClrListImportResult  *result,
                            GError              **error)
{
  return clr_store_import_list_file (store, path, CLR_LIST_FORMAT_AUTO, NULL, force,
                                     NULL, NULL, result, NULL, error);
}

void
clr_store_test_import_data (ClrStore   *store,
                            const char *name)
{
  clr_store_test_import_from (store, "cli", name);
}

void
clr_store_test_import_from (ClrStore   *store,
                            const char *folder,
                            const char *name)
{
  g_autofree char *csv = clr_test_data_file (folder, name);
  g_auto(ClrListImportResult) result = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean imported;

  clr_list_import_result_init (&result);
  imported = clr_store_test_import_file (store, csv, FALSE, &result, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
}

ClrEntry *
clr_store_test_make_entry (const TestEntry *t)
{
  ClrEntry *entry = clr_entry_new ();

  entry->list_code = g_strdup (t->list_code);
  entry->list_name = g_strdup (g_str_equal (t->list_code, "EL") ? "Entity List" : "Specially Designated Nationals");
  entry->agency = g_strdup (g_str_equal (t->list_code, "EL") ? "BIS" : "OFAC");
  entry->entry_id = g_strdup (t->entry_id);
  entry->entity_type = g_strdup ("entity");
  entry->name = g_strdup (t->name);
  if (t->alias != NULL)
    clr_entry_add_alias (entry, t->alias);
  if (t->address != NULL)
    clr_entry_add_address (entry, t->address, t->country);
  if (t->country != NULL)
    clr_entry_add_country (entry, t->country);
  clr_entry_add_program (entry, g_str_equal (t->list_code, "EL") ? "EAR" : "SDGT");
  return entry;
}

void
clr_store_test_write_version (ClrStore        *store,
                              const char      *tag,
                              const TestEntry *entries,
                              guint            n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListWriter) writer = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, tag, -1);
  g_autofree char *file_name = g_strdup_printf ("consolidated-%s.csv", tag);
  ClrListImportResult result;

  writer = clr_store_begin_list_version (store, "csl", file_name, sha, NULL, "csl-csv", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ClrEntry) entry = clr_store_test_make_entry (&entries[i]);

      clr_list_writer_add_entry (writer, entry, &error);
      g_assert_no_error (error);
    }
  clr_list_import_result_init (&result);
  clr_list_writer_commit (writer, TRUE, &result, &error);
  g_assert_no_error (error);
  clr_list_import_result_clear (&result);
}

static void
screen_one (ClrMatcher *matcher,
            JsonArray  *screening,
            guint       index,
            const char *subject,
            const char *name,
            const char *country)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, name, country,
                                                  clr_matcher_get_default_threshold (), 5);
  JsonObject *element = json_object_new ();
  JsonArray *hit_array = json_array_new ();

  json_object_set_int_member (element, "party", index);
  json_object_set_string_member (element, "subject", subject);
  json_object_set_string_member (element, "name", name);
  for (guint h = 0; h < hits->len; h++)
    json_array_add_element (hit_array, clr_hit_to_json (g_ptr_array_index (hits, h)));
  json_object_set_array_member (element, "hits", hit_array);
  json_array_add_object_element (screening, element);
}

JsonArray *
clr_store_test_screen_parties (ClrStore  *store,
                               JsonArray *parties)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher (store, &error);
  JsonArray *screening = json_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      JsonObject *parent = json_object_has_member (party, "ultimate_parent")
                           ? json_object_get_object_member (party, "ultimate_parent") : NULL;

      screen_one (matcher, screening, i, "party", json_object_get_string_member (party, "name"),
                  json_object_has_member (party, "country")
                  ? json_object_get_string_member (party, "country") : NULL);
      if (parent != NULL)
        screen_one (matcher, screening, i, "ultimate_parent",
                    json_object_get_string_member (parent, "name"),
                    json_object_has_member (parent, "headquarters_country")
                    ? json_object_get_string_member (parent, "headquarters_country") : NULL);
    }

  return screening;
}

GPtrArray *
clr_store_test_audit_entries (ClrStore   *store,
                              const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = clr_store_audit_list (store, &error);
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_audit_entry_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (entries, i);

      if (action == NULL || g_strcmp0 (entry->action, action) == 0)
        g_ptr_array_add (kept, clr_audit_entry_ref (entry));
    }
  return kept;
}

guint
clr_store_test_audit_count (ClrStore   *store,
                            const char *action)
{
  g_autoptr(GPtrArray) entries = clr_store_test_audit_entries (store, action);

  return entries->len;
}

gint64
clr_store_test_verify_audit (ClrStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = 0, bad = 0;

  if (!clr_store_audit_verify (store, &checked, &bad, &error))
    g_error ("the audit trail does not verify at %" G_GINT64_FORMAT ": %s", bad, error->message);
  g_assert_no_error (error);
  return checked;
}

JsonArray *
clr_store_test_hits_of (JsonArray *screening,
                        guint      index)
{
  return json_object_get_array_member (json_array_get_object_element (screening, index), "hits");
}

GPtrArray *
clr_store_test_review_list (ClrStore        *store,
                            ClrReviewStatus  status,
                            const char      *search,
                            const char      *list_code)
{
  g_autoptr(GError) error = NULL;
  ClrReviewFilter filter;
  GPtrArray *items;

  clr_review_filter_init (&filter);
  filter.status = status;
  filter.search = search;
  filter.list_code = list_code;
  items = clr_store_review_list (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

GPtrArray *
clr_store_test_diff (ClrStore   *store,
                     const char *source,
                     guint      *added,
                     guint      *removed,
                     guint      *changed)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = clr_store_diff_latest (store, source, NULL, NULL, &error);
  guint n[3] = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpint (change->kind, <, G_N_ELEMENTS (n));
      n[change->kind]++;
    }
  if (added != NULL)
    *added = n[CLR_LIST_CHANGE_ADDED];
  if (removed != NULL)
    *removed = n[CLR_LIST_CHANGE_REMOVED];
  if (changed != NULL)
    *changed = n[CLR_LIST_CHANGE_CHANGED];
  return changes;
}
