/* test-list-catalog.c — the list catalogue (data/lists/lists.json): what it
 * says, and that a broken one is refused with the key named
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "clr-engine-error.h"
#include "clr-importer.h"
#include "clr-list-catalog.h"
#include "clr-test.h"

static char *
catalog_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lists", "lists.json", NULL);
}

static void
test_bundled (void)
{
  ClrListCatalog *catalog = clr_list_catalog_get_default ();
  g_auto(GStrv) nonsdn = clr_list_codes_for_source ("ofac-nonsdn");
  g_auto(GStrv) dpl = clr_list_codes_for_source ("bis-dpl");
  g_auto(GStrv) csl = clr_list_codes_for_source ("csl");
  const ClrListInfo *el = clr_list_catalog_find_list (catalog, "EL");

  g_assert_nonnull (el);
  g_assert_cmpstr (el->name, ==, "Entity List");
  g_assert_cmpstr (el->agency, ==, "BIS");
  g_assert_true (el->derive_aliases);
  g_assert_null (el->source);

  g_assert_cmpstrv (dpl, ((const char *[]) { "DPL", NULL }));
  g_assert_cmpuint (g_strv_length (nonsdn), ==, 9);
  g_assert_true (g_strv_contains ((const char *const *) nonsdn, "NONSDN"));
  g_assert_cmpuint (g_strv_length (csl), ==, 0);
  g_assert_nonnull (clr_list_catalog_find_source (catalog, "csl"));
  g_assert_null (clr_list_catalog_find_source (catalog, "nope"));
}

/* A built-in source that publishes one list points to that list's page:
 * the two addresses cannot drift apart again (the DPL's once did). */
static void
test_source_pages (void)
{
  ClrListCatalog *catalog = clr_list_catalog_get_default ();
  GPtrArray *sources = clr_list_catalog_get_sources (catalog);

  g_assert_cmpuint (sources->len, ==, 4);
  for (guint i = 0; i < sources->len; i++)
    {
      const ClrBuiltinSource *source = g_ptr_array_index (sources, i);
      g_auto(GStrv) codes = clr_list_codes_for_source (source->id);

      if (g_strv_length (codes) == 1)
        g_assert_cmpstr (source->info_url, ==, clr_list_catalog_find_list (catalog, codes[0])->url);
    }
}

/* The file in the tree is the one compiled in. */
static void
test_file_is_bundled (void)
{
  g_autofree char *path = catalog_path ();
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClrListCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  catalog = clr_list_catalog_new_from_bytes (bytes, "lists.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clr_list_catalog_get_lists (catalog)->len, ==,
                    clr_list_catalog_get_lists (clr_list_catalog_get_default ())->len);
  g_assert_cmpuint (clr_list_catalog_get_sources (catalog)->len, ==,
                    clr_list_catalog_get_sources (clr_list_catalog_get_default ())->len);
}

/* Loads the catalogue after @edit changed the file's JSON; returns the error. */
static GError *
load_edited (void (*edit) (JsonObject *root))
{
  g_autofree char *path = catalog_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClrListCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);

  catalog = clr_list_catalog_new_from_bytes (bytes, "lists.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
  return g_steal_pointer (&error);
}

static JsonObject *
element (JsonObject *root,
         const char *array,
         guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, array), index);
}

static void
drop_list_url (JsonObject *root)
{
  json_object_remove_member (element (root, "lists", 3), "url");
}

static void
drop_ofac (JsonObject *root)
{
  json_object_remove_member (root, "ofac");
}

static void
drop_source_position (JsonObject *root)
{
  json_object_remove_member (element (root, "sources", 1), "position");
}

static void
unknown_program_list (JsonObject *root)
{
  JsonObject *ofac = json_object_get_object_member (root, "ofac");
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (ofac, "nonsdn_programs"), 2);

  json_object_set_string_member (row, "list", "NOPE");
}

static void
unknown_list_source (JsonObject *root)
{
  json_object_set_string_member (element (root, "lists", 0), "source", "ofac");
}

static void
wrong_type (JsonObject *root)
{
  json_object_set_string_member (element (root, "lists", 10), "derive_aliases", "yes");
}

static void
test_broken (void)
{
  struct { void (*edit) (JsonObject *); const char *message; } cases[] = {
    { drop_list_url, "lists.json: lists[3]: key “url” is missing" },
    { drop_ofac, "lists.json: (top level): key “ofac” is missing" },
    { drop_source_position, "lists.json: sources[1]: key “position” is missing" },
    { unknown_program_list, "lists.json: ofac.nonsdn_programs[2]: key “list” names no list of “lists”" },
    { unknown_list_source, "lists.json: lists[0]: key “source” names no source of “sources”" },
    { wrong_type, "lists.json: lists[10]: key “derive_aliases” must be true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = load_edited (cases[i].edit);

      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/importers/list-catalog/bundled", test_bundled),
  CLR_TEST_FUNC ("/importers/list-catalog/source-pages", test_source_pages),
  CLR_TEST_FUNC ("/importers/list-catalog/file-is-bundled", test_file_is_bundled),
  CLR_TEST_FUNC ("/importers/list-catalog/broken", test_broken),
};

CLR_TEST_MAIN_FUNCS (tests)
