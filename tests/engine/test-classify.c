/* test-classify.c — classification help: the 3A090 paragraph an item's
 * parameters meet (the pack's thresholds), and the model table
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "clr-classify.h"
#include "clr-engine-error.h"
#include "clr-json.h"
#include "clr-test.h"

static ClrRulePack *pack;
static ClrClassifyHelp *help;

static ClrClassificationKind
classify (double      tpp,
          double      pd,
          int         datacenter,   /* -1 not stated */
          char      **text)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *paragraph = NULL;

  if (tpp >= 0)
    json_object_set_double_member (item, "tpp", tpp);
  if (pd >= 0)
    json_object_set_double_member (item, "performance_density", pd);
  if (datacenter >= 0)
    json_object_set_boolean_member (item, "datacenter", datacenter);
  return clr_classify_help_classify (help, pack, item, "2026-07-01", text, &paragraph);
}

/* H100 SXM: TPP 15,832, PD 19.4 — 3A090.a whatever the data-center flag says. */
static void
test_h100_meets_a (void)
{
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_assert_cmpint (classify (15832, 19.4, -1, &text), ==, CLR_CLASSIFICATION_MEETS);
  g_assert_cmpstr (text, ==, "meets 3A090.a");
  g_assert_cmpint (classify (15832, 19.4, 0, &text2), ==, CLR_CLASSIFICATION_MEETS);
  g_assert_cmpstr (text2, ==, "meets 3A090.a");
}

/* H20: TPP 2,368, PD 2.9 — below .a and .b. */
static void
test_h20_neither (void)
{
  g_autofree char *text = NULL;

  g_assert_cmpint (classify (2368, 2.9, 1, &text), ==, CLR_CLASSIFICATION_NEITHER);
  g_assert_cmpstr (text, ==, "meets neither — 3A991 / 4A994 / 5A992 may apply");
}

/* Data-center design, TPP 3,000 and PD 2.0: 3A090.b; the same chip not for data
 * centers is outside (Note 2); without the flag it is not decided. */
static void
test_datacenter_b (void)
{
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;

  g_assert_cmpint (classify (3000, 2.0, 1, &text), ==, CLR_CLASSIFICATION_MEETS);
  g_assert_cmpstr (text, ==, "meets 3A090.b (data-center)");
  g_assert_cmpint (classify (3000, 2.0, 0, &text2), ==, CLR_CLASSIFICATION_NEITHER);
  g_assert_cmpint (classify (3000, 2.0, -1, &text3), ==, CLR_CLASSIFICATION_UNDECIDED);
  g_assert_null (text3);
  /* TPP alone does not decide between .b and neither */
  g_assert_cmpint (classify (2000, -1, 1, NULL), ==, CLR_CLASSIFICATION_UNDECIDED);
}

/* The thresholds are the pack's: a pack whose derivation starts later gives
 * no classification before that date. */
static void
test_before_derivation (void)
{
  g_autoptr(JsonObject) item = json_object_new ();
  g_autofree char *text = NULL;

  json_object_set_double_member (item, "tpp", 15832);
  g_assert_cmpint (clr_classify_help_classify (help, pack, item, "2020-01-01", &text, NULL), ==,
                   CLR_CLASSIFICATION_UNDECIDED);
  g_assert_null (text);
}

/* The picker tells the paragraphs apart by the level the pack's derivation
 * gives each; none before the derivation existed, none for other paragraphs. */
static void
test_paragraph_labels (void)
{
  const char *a = clr_classify_help_get_paragraph_label (help, pack, "3A090.a", "2026-01-01");
  const char *b = clr_classify_help_get_paragraph_label (help, pack, "3A090.b", "2026-01-01");

  g_assert_nonnull (a);
  g_assert_nonnull (strstr (a, "4800"));
  g_assert_nonnull (b);
  g_assert_cmpstr (a, !=, b);
  g_assert_null (clr_classify_help_get_paragraph_label (help, pack, "4A994.l", "2026-01-01"));
  g_assert_null (clr_classify_help_get_paragraph_label (help, pack, "3A090.a", "2020-01-01"));
}

/* The bundled table loads; every model has a vendor and a source; the numbers
 * it gives are consistent with the TPP formula's result for H100. */
static void
test_models_table (void)
{
  JsonArray *models = clr_classify_help_get_models (help);
  JsonObject *h100, *h20;

  g_assert_cmpuint (json_array_get_length (models), >=, 8);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *m = clr_json_array_get_object (models, i);
      JsonArray *sources = clr_json_get_array (m, "sources");

      g_assert_nonnull (clr_json_get_string (m, "vendor"));
      g_assert_nonnull (sources);
      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      for (guint k = 0; k < json_array_get_length (sources); k++)
        g_assert_true (g_str_has_prefix (clr_json_array_get_string (sources, k), "https://"));
    }
  h100 = clr_classify_help_find_model (help, "nvidia h100");
  g_assert_nonnull (h100);
  g_assert_cmpfloat (json_object_get_double_member (h100, "tpp"), ==, 15832);
  h20 = clr_classify_help_find_model (help, "H20");
  g_assert_nonnull (h20);
  g_assert_cmpstr (clr_json_get_string (h20, "vendor"), ==, "NVIDIA");
  g_assert_nonnull (clr_classify_help_find_model (help, "Ascend910B"));
  g_assert_null (clr_classify_help_find_model (help, "H2"));
  g_assert_null (clr_classify_help_find_model (help, ""));
  /* product words find paragraphs */
  g_assert_nonnull (strstr (clr_classify_help_get_words (help, "3A090.a"), "GPU"));
  g_assert_nonnull (strstr (clr_classify_help_get_words (help, "3A090.c"), "HBM"));
  g_assert_cmpstr (clr_classify_help_get_paragraphs (help)[0], ==, "3A090.a");
}

/* A model without a source, or with a guessed-looking value, is refused, naming the entry. */
static void
test_table_errors (void)
{
  static const char *bad[][2] = {
    { "{\"format\": \"clearance-classification-help\", \"derivation\": \"x\", \"outcomes\": {}, \"paragraphs\": [], "
      "\"keywords\": [], \"models\": [{\"model\": \"X1\", \"vendor\": \"V\", \"tpp\": 1}]}", "models[0]" },
    { "{\"format\": \"clearance-classification-help\", \"derivation\": \"x\", \"outcomes\": {}, \"paragraphs\": [], "
      "\"keywords\": [], \"models\": [{\"model\": \"X1\", \"vendor\": \"V\", \"tpp\": \"many\", \"sources\": [\"https://a\"]}]}", "tpp" },
    { "{\"format\": \"clearance-classification-help\", \"derivation\": \"x\", \"outcomes\": {}, \"paragraphs\": [\"GPU\"], "
      "\"keywords\": [], \"models\": []}", "paragraphs[0]" },
    { "{\"format\": \"other\"}", "format" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClrClassifyHelp) h = clr_classify_help_new_from_data (bad[i][0], -1, "t.json", &error);

      g_assert_null (h);
      g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_assert_true (g_str_has_prefix (error->message, "t.json"));
    }
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/classify/h100-meets-a", test_h100_meets_a),
  CLR_TEST_FUNC ("/classify/h20-neither", test_h20_neither),
  CLR_TEST_FUNC ("/classify/datacenter-b", test_datacenter_b),
  CLR_TEST_FUNC ("/classify/before-derivation", test_before_derivation),
  CLR_TEST_FUNC ("/classify/paragraph-labels", test_paragraph_labels),
  CLR_TEST_FUNC ("/classify/models-table", test_models_table),
  CLR_TEST_FUNC ("/classify/table-errors", test_table_errors),
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  pack = clr_rule_pack_new_bundled (&error);
  g_assert_no_error (error);
  help = clr_classify_help_new_bundled (&error);
  g_assert_no_error (error);
  CLR_TEST_ADD_FUNCS (tests);
  status = g_test_run ();
  g_object_unref (help);
  g_object_unref (pack);
  return status;
}
