/* test-json.c — clr_json_to_string() (numbers as typed, valid JSON, order kept)
 * and the clr_json_add_* builder members
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "clr-json.h"
#include "clr-test.h"

static char *
double_text (double value)
{
  g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);
  return clr_json_to_string (node, FALSE);
}

static void
test_doubles (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.82, "0.82" },               /* json-glib 1.6: 0.81999999999999995 */
    { 1.0, "1.0" },                 /* still a double when read back */
    { 0.0, "0.0" },
    { -0.04, "-0.04" },
    { 15832.0, "15832.0" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-7, "1e-07" },
    { 123456789012.5, "123456789012.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = double_text (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (g_ascii_strtod (text, NULL) == cases[i].value);
    }
  {
    g_autofree char *nan_text = double_text (NAN);
    g_autofree char *inf_text = double_text (INFINITY);
    g_assert_cmpstr (nan_text, ==, "null");
    g_assert_cmpstr (inf_text, ==, "null");
  }
}

static void
test_round_trip (void)
{
  const char *input =
    "{\"query\":\"Huawei \\\"Tech\\\"\\n\\tCo\\u0001 华为\",\"threshold\":0.82,\"n\":-7,"
    "\"ok\":true,\"none\":null,\"empty\":{},\"list\":[],\"hits\":[{\"score\":0.9,\"z\":1},[false]]}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) again = json_parser_new ();
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *compact_again = NULL;

  g_assert_true (json_parser_load_from_data (parser, input, -1, NULL));
  compact = clr_json_to_string (json_parser_get_root (parser), FALSE);
  pretty = clr_json_to_string (json_parser_get_root (parser), TRUE);

  /* Members stay in their order; escapes are JSON's; UTF-8 passes through. */
  g_assert_cmpstr (compact, ==,
                   "{\"query\":\"Huawei \\\"Tech\\\"\\n\\tCo\\u0001 华为\",\"threshold\":0.82,\"n\":-7,"
                   "\"ok\":true,\"none\":null,\"empty\":{},\"list\":[],\"hits\":[{\"score\":0.9,\"z\":1},[false]]}");
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"query\" : "));
  g_assert_nonnull (strstr (pretty, "\n  \"threshold\" : 0.82,\n"));
  g_assert_nonnull (strstr (pretty, "\n  \"hits\" : [\n    {\n      \"score\" : 0.9,"));
  g_assert_true (g_str_has_suffix (pretty, "\n}"));

  /* The pretty form reads back as the same document. */
  g_assert_true (json_parser_load_from_data (again, pretty, -1, NULL));
  reference = json_to_string (json_parser_get_root (parser), FALSE);
  compact_again = json_to_string (json_parser_get_root (again), FALSE);
  g_assert_cmpstr (compact_again, ==, reference);
}

/* The clr_json_add_* members the engine, the store and the CLI write their
 * JSON with: in the order added, NULL as null, arrays of strings. */
static void
test_builder_members (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *strv[] = { "DPL", "SDN", NULL };

  g_ptr_array_add (strings, "CN");
  g_ptr_array_add (strings, "HK");
  json_builder_begin_object (builder);
  clr_json_add_string (builder, "name", "Huawei");
  clr_json_add_string (builder, "missing", NULL);
  clr_json_add_int (builder, "line", -7);
  clr_json_add_double (builder, "score", 0.82);
  clr_json_add_boolean (builder, "on_hold", TRUE);
  clr_json_add_id (builder, "case", 0);
  clr_json_add_string_array (builder, "countries", strings);
  clr_json_add_string_array (builder, "notes", none);
  clr_json_add_strv (builder, "lists", strv);
  clr_json_add_node (builder, "result", NULL);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = clr_json_to_string (root, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"name\":\"Huawei\",\"missing\":null,\"line\":-7,\"score\":0.82,"
                   "\"on_hold\":true,\"case\":null,\"countries\":[\"CN\",\"HK\"],\"notes\":[],"
                   "\"lists\":[\"DPL\",\"SDN\"],\"result\":null}");
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/json/doubles", test_doubles),
  CLR_TEST_FUNC ("/json/round-trip", test_round_trip),
  CLR_TEST_FUNC ("/json/builder-members", test_builder_members),
};

CLR_TEST_MAIN_FUNCS (tests)
