/* test-store-review-fixtures.h — small list versions and screening for the
 * review and re-screening tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "clr-matcher.h"
#include "clr-store-lists.h"
#include "clr-store-screening.h"

typedef struct
{
  const char *list_code;
  const char *entry_id;
  const char *name;
  const char *country;
  const char *address;
  const char *alias;
} TestEntry;

static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static inline ClrEntry *
test_make_entry (const TestEntry *t)
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

/* Stores @entries as the new current version of the "csl" source. */
static inline void
test_write_version (ClrStore        *store,
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
      g_autoptr(ClrEntry) entry = test_make_entry (&entries[i]);

      clr_list_writer_add_entry (writer, entry, &error);
      g_assert_no_error (error);
    }
  clr_list_import_result_init (&result);
  clr_list_writer_commit (writer, TRUE, &result, &error);
  g_assert_no_error (error);
  clr_list_import_result_clear (&result);
}

static inline void
test_screen_one (ClrMatcher *matcher,
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

/* The "screening" array an evaluation makes: one element per party (and
 * per ultimate parent) with its hits from the store's current lists. */
static inline JsonArray *
test_screen_parties (ClrStore  *store,
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

      test_screen_one (matcher, screening, i, "party", json_object_get_string_member (party, "name"),
                       json_object_has_member (party, "country")
                       ? json_object_get_string_member (party, "country") : NULL);
      if (parent != NULL)
        test_screen_one (matcher, screening, i, "ultimate_parent",
                         json_object_get_string_member (parent, "name"),
                         json_object_has_member (parent, "headquarters_country")
                         ? json_object_get_string_member (parent, "headquarters_country") : NULL);
    }

  return screening;
}

static inline JsonNode *
test_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The hits of party @index in @screening. */
static inline JsonArray *
test_hits_of (JsonArray *screening,
              guint      index)
{
  return json_object_get_array_member (json_array_get_object_element (screening, index), "hits");
}
