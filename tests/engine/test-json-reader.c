/* test-json-reader.c — the guarded JSON reader: depth, one document, NUL,
 * numbers that fit, lines and fields in every message; and the shipment
 * checks that need no rule pack.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-json-reader.h"
#include "clr-shipment.h"
#include "clr-test.h"

static char *
nested (const char *open,
        const char *close,
        guint       levels,
        const char *inner)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < levels; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

/* Reads @text; refused with every @expect in the message. */
static void
assert_refused (const char *text,
                gssize      length,
                const char *expect1,
                const char *expect2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = clr_json_read_data (text, length, "in.json", 1, CLR_JSON_READ_NONE, NULL, &error);

  g_assert_null (node);
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "in.json:"));
  if (strstr (error->message, expect1) == NULL || (expect2 != NULL && strstr (error->message, expect2) == NULL))
    g_error ("“%s” / “%s” not in: %s", expect1, expect2 ? expect2 : "", error->message);
}

static JsonNode *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = clr_json_read_data (text, -1, "in.json", 1, CLR_JSON_READ_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
test_depth (void)
{
  g_autofree char *at_limit = nested ("[", "]", CLR_JSON_MAX_DEPTH, "1");
  g_autofree char *over = nested ("[", "]", CLR_JSON_MAX_DEPTH + 1, "1");
  g_autofree char *objects = nested ("{\"a\":", "}", CLR_JSON_MAX_DEPTH + 1, "1");
  g_autofree char *huge = nested ("[", "]", 100000, "");
  g_autofree char *unclosed = nested ("[", "", 100000, "");
  g_autoptr(JsonNode) node = read_ok (at_limit);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  assert_refused (over, -1, "in.json:1: ", "deeper than 64 levels");
  assert_refused (objects, -1, "deeper than 64 levels", NULL);
  /* json-glib 1.6 recurses once per level: this was a SIGSEGV. */
  assert_refused (huge, -1, "deeper than 64 levels", NULL);
  assert_refused (unclosed, -1, "deeper than 64 levels", NULL);
}

static void
test_one_document (void)
{
  g_autoptr(JsonNode) spaced = read_ok ("\n  {\"a\": 1}\n\n\t \r\n");
  g_autoptr(JsonNode) bom = read_ok ("\xEF\xBB\xBF{\"a\": 1}");

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (bom), "a"), ==, 1);
  assert_refused ("{\"a\": 1}\n{\"a\": 2}\n", -1, "in.json:2: ", "more than one JSON document");
  assert_refused ("{\"a\": 1} x", -1, "in.json:1: ", "more than one JSON document");
  assert_refused ("1 2", -1, "more than one JSON document", NULL);
  assert_refused ("[1]]", -1, "more than one JSON document", NULL);
  assert_refused ("", -1, "empty", NULL);
  assert_refused ("  \n ", -1, "empty", NULL);
}

static void
test_nul (void)
{
  static const char raw[] = "{\"name\": \"A\0B\"}";

  assert_refused ("{\n\"parties\": [{\"name\": \"ok\"},\n {\"name\": \"A\\u0000Huawei\"}]}", -1,
                  "in.json:3: parties[1].name: ", "NUL");
  assert_refused ("{\"n\\u0000ame\": \"x\"}", -1, "in.json:1: ", "member name contains a NUL");
  assert_refused (raw, sizeof raw - 1, "in.json:1: ", "NUL byte");
  {
    /* Other escapes still read as they should. */
    g_autoptr(JsonNode) node = read_ok ("{\"name\": \"A\\u0001\\u00e9\\n\\\"B\"}");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "A\001é\n\"B");
  }
}

static void
test_numbers (void)
{
  g_autoptr(JsonNode) node = read_ok ("{\"max\": 9223372036854775807, \"min\": -9223372036854775808, "
                                      "\"d\": 1.5e3, \"z\": -0, \"f\": 0.25}");
  JsonObject *o = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (o, "max"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (o, "min"), ==, G_MININT64);
  g_assert_cmpfloat (json_object_get_double_member (o, "d"), ==, 1500.0);
  /* 2^64−1 was read as −1 */
  assert_refused ("{\"items\": [{\"quantity\": 18446744073709551615}]}", -1,
                  "in.json:1: items[0].quantity: 18446744073709551615", "does not fit");
  assert_refused ("{\"q\": 9223372036854775808}", -1, "q: 9223372036854775808", "does not fit");
  assert_refused ("{\"q\": -9223372036854775809}", -1, "q: -9223372036854775809", "does not fit");
  assert_refused ("{\"q\": 1e400}", -1, "q: 1e400", "too large");
  assert_refused ("{\"q\": 012}", -1, "not valid JSON", "leading zeros");
  assert_refused ("{\"q\": 1.}", -1, "not valid JSON", NULL);
  assert_refused ("{\"q\": -}", -1, "not valid JSON", NULL);
}

static void
test_syntax (void)
{
  assert_refused ("{\"a\": 1,}", -1, "not valid JSON", NULL);
  assert_refused ("{\"a\" 1}", -1, "not valid JSON", "“:”");
  assert_refused ("{'a': 1}", -1, "not valid JSON", NULL);
  assert_refused ("[1, 2", -1, "not valid JSON", "cut off");
  assert_refused ("{\"a\": \"open", -1, "not valid JSON", "not closed");
  assert_refused ("{\"a\": tru}", -1, "not valid JSON", NULL);
  assert_refused ("{\"a\": \"\\x\"}", -1, "not valid JSON", "escape");
  assert_refused ("{\"a\": \"line\nbreak\"}", -1, "not valid JSON", "control character");
  assert_refused ("{\"a\": \"\xff\"}", -1, "not UTF-8", NULL);
}

static void
test_lines (void)
{
  const char *text = "{\n  \"a\": 1,\n  \"list\": [\n    {\"x\": true},\n    {\"x\": null,\n     \"y\": \"z\"}\n  ]\n}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrJsonLines) lines = NULL;
  g_autoptr(JsonNode) node = clr_json_read_data (text, -1, "in.json", 1, CLR_JSON_READ_NONE, &lines, &error);
  g_autoptr(JsonNode) offset = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (clr_json_lines_lookup (lines, "a"), ==, 2);
  g_assert_cmpint (clr_json_lines_lookup (lines, "list"), ==, 3);
  g_assert_cmpint (clr_json_lines_lookup (lines, "list[0].x"), ==, 4);
  g_assert_cmpint (clr_json_lines_lookup (lines, "list[1]"), ==, 5);
  g_assert_cmpint (clr_json_lines_lookup (lines, "list[1].y"), ==, 6);
  g_assert_cmpint (clr_json_lines_lookup (lines, "nothing"), ==, 0);

  /* A record cut from a larger file counts from its own first line. */
  offset = clr_json_read_data ("{\n\"a\": \"\\u0000\"}", -1, "list.json", 500, CLR_JSON_READ_NONE, NULL, &error);
  g_assert_null (offset);
  g_assert_nonnull (strstr (error->message, "list.json:501: a: "));
}

static char *
write_temp (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("clr-json-reader-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A shipment file: NULL when refused, with the message in *message. */
static JsonNode *
load_shipment (const char *text,
               char      **message)
{
  g_autofree char *path = write_temp (text);
  g_autoptr(GError) error = NULL;
  JsonNode *node = clr_shipment_load_file (path, &error);

  g_unlink (path);
  *message = error != NULL ? g_strdup (error->message) : NULL;
  return node;
}

static void
assert_shipment_refused (const char *text,
                         const char *expect)
{
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = load_shipment (text, &message);

  g_assert_null (node);
  g_assert_nonnull (message);
  if (strstr (message, expect) == NULL)
    g_error ("“%s” not in: %s", expect, message);
}

static void
test_shipment_checks (void)
{
  g_autofree char *limit = g_strnfill (CLR_SHIPMENT_MAX_TEXT, 'x');
  g_autofree char *over = g_strnfill (CLR_SHIPMENT_MAX_TEXT + 1, 'x');
  g_autofree char *ok = g_strdup_printf ("{\"parties\": [{\"name\": \"Ä\"}, {\"name\": \"%s\"}],\n"
                                         "\"items\": [{\"description\": \"%s\"}]}", limit, limit);
  g_autofree char *long_name = g_strdup_printf ("{\"parties\": [{\"name\": \"Ä\"},\n {\"name\": \"%s\"}]}", over);
  g_autofree char *long_description = g_strdup_printf ("{\"items\": [\n{\"description\": \"%s\"}]}", over);
  g_autofree char *long_end_use = g_strdup_printf ("{\"end_use\": {\"description\": \"%s\"}}", over);
  g_autofree char *message = NULL;
  g_autoptr(JsonNode) node = load_shipment (ok, &message);

  g_assert_null (message);
  g_assert_nonnull (node);
  assert_shipment_refused (long_name, ":2: parties[1].name: 4097 bytes");
  assert_shipment_refused (long_description, ":2: items[0].description: 4097 bytes");
  assert_shipment_refused (long_end_use, ":1: end_use.description: 4097 bytes");
  assert_shipment_refused ("{\"parties\": [\n{\"name\": \"  \"}]}", ":2: parties[0].name: blank");
  assert_shipment_refused ("{\"parties\": [{\"name\": \"--.\"}]}", "parties[0].name: blank or only punctuation");
  assert_shipment_refused ("{\"parties\": [{\"name\": \"A\", \"ultimate_parent\": {\"name\": \"?\"}}]}",
                           "parties[0].ultimate_parent.name: blank or only punctuation");
  assert_shipment_refused ("{\n\"schema_version\": \"1\"}", ":2: schema_version: must be the number 1");
  assert_shipment_refused ("{\"schema_version\": 1.0}", "schema_version: must be the number 1");
  assert_shipment_refused ("{\"schema_version\": 2}", "schema_version: 2 is not supported");
  assert_shipment_refused ("[]", "a shipment must be a JSON object");

  /* Without a file (a document from the form) the field is still named. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) doc = json_from_string ("{\"parties\": [{\"name\": \"...\"}]}", NULL);

    g_assert_false (clr_shipment_check_document (doc, NULL, NULL, &error));
    g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "parties[0].name: "));
  }
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/json-reader/depth", test_depth),
  CLR_TEST_FUNC ("/json-reader/one-document", test_one_document),
  CLR_TEST_FUNC ("/json-reader/nul", test_nul),
  CLR_TEST_FUNC ("/json-reader/numbers", test_numbers),
  CLR_TEST_FUNC ("/json-reader/syntax", test_syntax),
  CLR_TEST_FUNC ("/json-reader/lines", test_lines),
  CLR_TEST_FUNC ("/json-reader/shipment-checks", test_shipment_checks),
};

CLR_TEST_MAIN_FUNCS (tests)
