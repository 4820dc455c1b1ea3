/* test-rule-pack.c — the bundled pack, validation errors, dated groups, shipments
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-expr.h"
#include "clr-rule-pack.h"
#include "clr-shipment.h"
#include "clr-test.h"

static ClrRulePack *pack;

static void
test_bundled (void)
{
  g_autoptr(JsonNode) eccns = clr_rule_pack_list_eccns (pack);
  g_autoptr(JsonNode) countries = clr_rule_pack_list_countries (pack, "2025-06-01");
  g_autoptr(JsonNode) flags = clr_rule_pack_list_red_flags (pack);
  g_autoptr(JsonNode) uses = clr_rule_pack_list_end_use_categories (pack);
  g_autoptr(JsonNode) exceptions = clr_rule_pack_list_license_exceptions (pack);
  JsonArray *a;
  gboolean found_hk = FALSE;

  g_assert_cmpstr (clr_rule_pack_get_id (pack), ==, "clearance-ear");
  g_assert_cmpuint (strlen (clr_rule_pack_get_sha256 (pack)), ==, 64);
  /* the complete CCL and Country Chart from the eCFR of 2026-07-23 */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (eccns)), ==, 633);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (countries)), >=, 200);
  g_assert_true (clr_rule_pack_has_eccn (pack, "3A090.a.1"));
  g_assert_true (clr_rule_pack_has_eccn (pack, "EAR99"));
  g_assert_false (clr_rule_pack_has_eccn (pack, "3A099"));
  g_assert_false (clr_rule_pack_has_eccn (pack, "3a090"));

  a = json_node_get_array (countries);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *c = json_array_get_object_element (a, i);

      if (g_strcmp0 (json_object_get_string_member (c, "code"), "HK") == 0)
        {
          found_hk = TRUE;
          g_assert_cmpstr (json_object_get_string_member (c, "treated_as"), ==, "CN");
        }
      if (g_strcmp0 (json_object_get_string_member (c, "code"), "CU") == 0)
        g_assert_true (json_object_get_boolean_member (c, "embargoed"));
    }
  g_assert_true (found_hk);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (flags)), >=, 20);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (uses)), >=, 8);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (exceptions)), >=, 3);

  g_assert_cmpstr (clr_rule_pack_lookup_country (pack, "Hong Kong"), ==, "HK");
  g_assert_cmpstr (clr_rule_pack_lookup_country (pack, "prc"), ==, "CN");
  g_assert_cmpstr (clr_rule_pack_lookup_country (pack, "cn"), ==, "CN");
  g_assert_cmpstr (clr_rule_pack_lookup_country (pack, "Macao"), ==, "MO");
  g_assert_null (clr_rule_pack_lookup_country (pack, "Atlantis"));
}

static void
test_groups_dated (void)
{
  /* snapshot of 2026-07-23 */
  g_assert_true (clr_rule_pack_country_in_group (pack, "CN", "D:5", "2026-07-23"));
  g_assert_false (clr_rule_pack_country_in_group (pack, "MO", "D:5", "2026-07-23"));
  g_assert_true (clr_rule_pack_country_in_group (pack, "MO", "D:1", "2026-07-23"));
  g_assert_true (clr_rule_pack_country_in_group (pack, "AE", "A:5", "2026-07-23"));
  /* Nicaragua: D:5 from 2024-03-15 */
  g_assert_false (clr_rule_pack_country_in_group (pack, "NI", "D:5", "2024-03-14"));
  g_assert_true (clr_rule_pack_country_in_group (pack, "NI", "D:5", "2024-03-15"));
  /* Cyprus: out of D:5 from 2024-05-30 */
  g_assert_true (clr_rule_pack_country_in_group (pack, "CY", "D:5", "2024-05-29"));
  g_assert_false (clr_rule_pack_country_in_group (pack, "CY", "D:5", "2024-05-30"));
  /* Cambodia: out of D:5 from 2026-02-04, stays in D:1 */
  g_assert_true (clr_rule_pack_country_in_group (pack, "KH", "D:5", "2026-02-03"));
  g_assert_false (clr_rule_pack_country_in_group (pack, "KH", "D:5", "2026-02-04"));
  g_assert_true (clr_rule_pack_country_in_group (pack, "KH", "D:1", "2026-02-04"));
  /* Russia: D:2/D:4 from 2020-02-24 */
  g_assert_false (clr_rule_pack_country_in_group (pack, "RU", "D:4", "2020-02-23"));
  g_assert_true (clr_rule_pack_country_in_group (pack, "RU", "D:4", "2020-02-24"));
}

static void
test_eccn_match (void)
{
  g_assert_cmpint (clr_eccn_match ("3A090.a.1", "3A090.a"), ==, CLR_TRI_TRUE);
  g_assert_cmpint (clr_eccn_match ("3A090.b", "3A090.a"), ==, CLR_TRI_FALSE);
  g_assert_cmpint (clr_eccn_match ("3A090", "3A090.a"), ==, CLR_TRI_UNKNOWN);
  g_assert_cmpint (clr_eccn_match ("3A001.z.3.a", "3A001.z.*.a"), ==, CLR_TRI_TRUE);
  g_assert_cmpint (clr_eccn_match ("3A001.z.3.b", "3A001.z.*.a"), ==, CLR_TRI_FALSE);
  g_assert_cmpint (clr_eccn_match ("EAR99", "EAR99"), ==, CLR_TRI_TRUE);
  g_assert_cmpint (clr_eccn_match ("EAR99", "3A090"), ==, CLR_TRI_FALSE);
}

static void
test_eccn_in_set (void)
{
  static const char * const in[] = { "3A090.a", "4A090.b", "5A992.z.1", "3A001.z.1.a", "3A090", "4D090", NULL };
  static const char * const out[] = { "3A001.a", "EAR99", "5A992.c", "3A001", "5A992", "", NULL };

  for (guint i = 0; in[i] != NULL; i++)
    if (!clr_rule_pack_eccn_in_set (pack, "ac_family", in[i]))
      g_error ("%s should be in ac_family", in[i]);
  for (guint i = 0; out[i] != NULL; i++)
    if (clr_rule_pack_eccn_in_set (pack, "ac_family", out[i]))
      g_error ("%s should not be in ac_family", out[i]);
  g_assert_false (clr_rule_pack_eccn_in_set (pack, "ac_family", NULL));

  /* "@set" references are expanded, "*" takes any one paragraph, "@name" is accepted. */
  g_assert_true (clr_rule_pack_eccn_in_set (pack, "ac_ab", "3A001.z.2.b"));
  g_assert_true (clr_rule_pack_eccn_in_set (pack, "@ac_ab", "4A090.a.1"));
  g_assert_false (clr_rule_pack_eccn_in_set (pack, "ac_a", "3A001.z.2.b"));
  g_assert_false (clr_rule_pack_eccn_in_set (pack, "ac_ab", "3A090.c"));
  /* Case as typed does not matter (the evaluator compares the same way). */
  g_assert_true (clr_rule_pack_eccn_in_set (pack, "ac_family", "3a090.A"));
  /* An unknown set holds nothing. */
  g_assert_false (clr_rule_pack_eccn_in_set (pack, "no_such_set", "3A090.a"));
}

static void
test_item_parameters (void)
{
  g_autoptr(JsonNode) list = clr_rule_pack_list_item_parameters (pack);
  JsonArray *array = json_node_get_array (list);
  g_autoptr(GPtrArray) facts = g_ptr_array_new ();

  g_assert_cmpuint (json_array_get_length (array), ==, 7);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *p = json_array_get_object_element (array, i);
      const char *fact = json_object_get_string_member (p, "fact");

      g_ptr_array_add (facts, (gpointer) fact);
      g_assert_cmpstr (json_object_get_string_member (p, "eccn_set"), ==,
                       g_str_equal (fact, "food_or_medicine") ? "ear99"
                       : g_str_equal (fact, "enc_classification_done") ? "enc_items" : "ac_family");
      g_assert_nonnull (json_object_get_string_member (p, "label"));
    }
  g_ptr_array_add (facts, NULL);
  g_assert_true (g_strv_contains ((const char * const *) facts->pdata, "tpp"));
  g_assert_true (g_strv_contains ((const char * const *) facts->pdata, "performance_density"));
  g_assert_true (g_strv_contains ((const char * const *) facts->pdata, "memory_bandwidth_gbps"));
  g_assert_true (g_strv_contains ((const char * const *) facts->pdata, "datacenter"));
  g_assert_true (g_strv_contains ((const char * const *) facts->pdata, "manufacturer_headquarters"));

  g_assert_true (clr_rule_pack_item_has_parameter (pack, "tpp", "3A090.a"));
  g_assert_true (clr_rule_pack_item_has_parameter (pack, "datacenter", "5A992.z.1"));
  g_assert_true (clr_rule_pack_item_has_parameter (pack, "memory_bandwidth_gbps", "3A001.z.1.a"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "tpp", "3A001.a"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "tpp", "EAR99"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "tpp", "5A992.c"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "quantity", "3A090.a"));
  g_assert_true (clr_rule_pack_item_has_parameter (pack, "manufacturer_headquarters", "3A090"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "manufacturer_headquarters", "EAR99"));
  g_assert_true (clr_rule_pack_item_has_parameter (pack, "food_or_medicine", "EAR99"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "food_or_medicine", "3A991.a"));
  g_assert_true (clr_rule_pack_item_has_parameter (pack, "enc_classification_done", "5A002.a.1"));
  g_assert_false (clr_rule_pack_item_has_parameter (pack, "enc_classification_done", "5A992.c"));
}

/* Loads the bundled pack with one edit made by @edit (a Python-free JSON patch:
 * we parse, modify, re-serialise) and returns the error message. */
typedef void (*PackEdit) (JsonObject *root);

static char *
load_edited (PackEdit edit,
             int     *code)
{
  g_autoptr(GBytes) bytes = clr_rule_pack_get_bundled_data ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) edited = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  edit (json_node_get_object (json_parser_get_root (parser)));
  data = json_to_string (json_parser_get_root (parser), FALSE);
  length = strlen (data);
  edited = clr_rule_pack_new_from_data (data, length, "edited.json", &error);
  g_assert_null (edited);
  g_assert_nonnull (error);
  *code = error->code;
  return g_strdup (error->message);
}

static JsonObject *
rule (JsonObject *root,
      const char *id)
{
  JsonArray *rules = json_object_get_array_member (root, "rules");

  for (guint i = 0; i < json_array_get_length (rules); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (rules, i), "id"), id) == 0)
      return json_array_get_object_element (rules, i);
  g_assert_not_reached ();
}

static void
edit_unknown_field (JsonObject *root)
{
  json_object_set_string_member (rule (root, "ac-hq-rule"), "severity", "high");
}

static void
edit_bad_date (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (rule (root, "ac-a-d145"), "effective"), "from", "2025-02-30");
}

/* Sets member @key of part @index of rule @id's "all" condition to [@value]. */
static void
set_all_part (JsonObject *root,
              const char *id,
              guint       index,
              const char *key,
              const char *value)
{
  JsonObject *cond = json_object_get_object_member (rule (root, id), "condition");
  JsonArray *all = json_object_get_array_member (cond, "all");
  JsonArray *values = json_array_new ();

  json_array_add_string_element (values, value);
  json_object_set_array_member (json_array_get_object_element (all, index), key, values);
}

static void
edit_unknown_country (JsonObject *root)
{
  set_all_part (root, "ac-2022-china", 1, "destination", "XX");
}

static void
edit_unknown_group (JsonObject *root)
{
  JsonObject *cond = json_object_new ();
  JsonArray *dest = json_array_new ();

  json_array_add_string_element (dest, "D:9");
  json_object_set_array_member (cond, "destination", dest);
  json_object_set_object_member (rule (root, "embargo-part-746"), "condition", cond);
}

static void
edit_unknown_eccn (JsonObject *root)
{
  set_all_part (root, "ac-hbm-3a090c", 0, "eccn", "3A099.c");
}

static void
edit_never_fires_dates (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (rule (root, "ac-2023-macau"), "effective"), "until", "2022-01-01");
}

static void
edit_never_fires_condition (JsonObject *root)
{
  JsonObject *r = rule (root, "red-flags");
  g_autoptr(JsonParser) p = json_parser_new ();

  g_assert_true (json_parser_load_from_data (p, "{\"all\": [{\"destination\": [\"CN\"]}, {\"not\": {\"destination\": [\"CN\"]}}]}", -1, NULL));
  json_object_set_member (r, "condition", json_node_copy (json_parser_get_root (p)));
}

static void
edit_bad_outcome (JsonObject *root)
{
  json_object_set_string_member (rule (root, "red-flags"), "outcome", "maybe");
}

/* A caveat is only a condition rule's note: not the country chart's outcome. */
static void
edit_caveat_chart (JsonObject *root)
{
  json_object_set_string_member (rule (root, "country-chart"), "outcome", "caveat");
}

static void
edit_future_format (JsonObject *root)
{
  json_object_set_int_member (root, "format_version", 2);
}

static JsonObject *
item_parameter (JsonObject *root,
                guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, "item_parameters"), index);
}

static void
edit_item_parameter_unknown_set (JsonObject *root)
{
  json_object_set_string_member (item_parameter (root, 2), "eccn_set", "ac_familly");
}

static void
edit_item_parameter_unknown_fact (JsonObject *root)
{
  json_object_set_string_member (item_parameter (root, 0), "fact", "clock_speed");
}

static void
edit_item_parameter_unknown_field (JsonObject *root)
{
  json_object_set_string_member (item_parameter (root, 1), "eccns", "3A090");
}

static void
edit_item_parameter_no_label (JsonObject *root)
{
  json_object_remove_member (item_parameter (root, 3), "label");
}

static JsonObject *
potential_match (JsonObject *root,
                 const char *list)
{
  return json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (root, "list_consequences"),
                                                                       list), "potential_match");
}

static void
edit_potential_bad_outcome (JsonObject *root)
{
  json_object_set_string_member (potential_match (root, "DPL"), "outcome", "on_hold");
}

static void
edit_potential_unknown_field (JsonObject *root)
{
  json_object_set_string_member (potential_match (root, "EL"), "wording", "maybe");
}

static void
edit_potential_no_explanation (JsonObject *root)
{
  json_object_remove_member (potential_match (root, "SDN"), "explanation");
}

static JsonObject *
chart_change (JsonObject *root,
              guint       i)
{
  JsonObject *chart = json_object_get_object_member (root, "country_chart");

  return json_array_get_object_element (json_object_get_array_member (chart, "changes"), i);
}

static JsonObject *
group_change (JsonObject *root,
              const char *group,
              guint       i)
{
  JsonObject *g = json_object_get_object_member (json_object_get_object_member (root, "country_groups"), group);

  return json_array_get_object_element (json_object_get_array_member (g, "changes"), i);
}

static void
edit_chart_change_unknown_column (JsonObject *root)
{
  JsonArray *cols = json_array_new ();

  json_array_add_string_element (cols, "NS9");
  json_object_set_array_member (chart_change (root, 0), "remove", cols);
}

static void
edit_chart_change_no_row (JsonObject *root)
{
  json_object_set_string_member (chart_change (root, 1), "country", "SY");
}

static void
edit_group_change_no_citation (JsonObject *root)
{
  json_object_remove_member (group_change (root, "D:5", 0), "citation");
}

static void
edit_group_change_no_date (JsonObject *root)
{
  json_object_remove_member (group_change (root, "D:5", 0), "date");
}

static void
edit_compliance_before_from (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (rule (root, "ac-a-worldwide-cfr"), "effective"),
                                 "compliance", "2024-12-31");
}

static void
test_validation (void)
{
  static const struct { PackEdit edit; int code; const char *expect[3]; } cases[] = {
    { edit_unknown_field, CLR_ENGINE_ERROR_INVALID_PACK, { "edited.json", "rule “ac-hq-rule”", "unknown field “severity”" } },
    { edit_bad_date, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “ac-a-d145”", "effective.from", "2025-02-30" } },
    { edit_unknown_country, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “ac-2022-china”", "unknown country code “XX”", NULL } },
    { edit_unknown_group, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “embargo-part-746”", "unknown country group “D:9”", NULL } },
    { edit_unknown_eccn, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “ac-hbm-3a090c”", "unknown ECCN pattern “3A099.c”", NULL } },
    { edit_never_fires_dates, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “ac-2023-macau”", "can never fire", NULL } },
    { edit_never_fires_condition, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “red-flags”", "can never fire", NULL } },
    { edit_bad_outcome, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “red-flags”", "outcome “maybe”", NULL } },
    { edit_caveat_chart, CLR_ENGINE_ERROR_INVALID_PACK, { "rule “country-chart”", "outcome “caveat” is for a condition rule", NULL } },
    { edit_future_format, CLR_ENGINE_ERROR_UNSUPPORTED, { "format_version 2", NULL, NULL } },
    { edit_item_parameter_unknown_set, CLR_ENGINE_ERROR_INVALID_PACK,
      { "item_parameters[2].eccn_set", "unknown ECCN set “ac_familly”", NULL } },
    { edit_item_parameter_unknown_fact, CLR_ENGINE_ERROR_INVALID_PACK,
      { "item_parameters[0].fact", "unknown item fact “clock_speed”", NULL } },
    { edit_item_parameter_unknown_field, CLR_ENGINE_ERROR_INVALID_PACK,
      { "item_parameters[1]", "unknown field “eccns”", NULL } },
    { edit_item_parameter_no_label, CLR_ENGINE_ERROR_INVALID_PACK,
      { "item_parameters[3]", "“label” is missing", NULL } },
    { edit_potential_bad_outcome, CLR_ENGINE_ERROR_INVALID_PACK,
      { "list_consequences.DPL.potential_match", "outcome must be", NULL } },
    { edit_potential_unknown_field, CLR_ENGINE_ERROR_INVALID_PACK,
      { "list_consequences.EL.potential_match", "unknown field “wording”", NULL } },
    { edit_potential_no_explanation, CLR_ENGINE_ERROR_INVALID_PACK,
      { "list_consequences.SDN.potential_match", "explanation", NULL } },
    { edit_chart_change_unknown_column, CLR_ENGINE_ERROR_INVALID_PACK,
      { "country_chart.changes[0]", "unknown Country Chart column “NS9”", NULL } },
    { edit_chart_change_no_row, CLR_ENGINE_ERROR_INVALID_PACK,
      { "country_chart.changes[1]", "“SY” has no Country Chart row", NULL } },
    { edit_group_change_no_citation, CLR_ENGINE_ERROR_INVALID_PACK,
      { "country_groups.D:5.changes[0]", "citation", NULL } },
    { edit_group_change_no_date, CLR_ENGINE_ERROR_INVALID_PACK,
      { "country_groups.D:5.changes[0]", "date_unknown", NULL } },
    { edit_compliance_before_from, CLR_ENGINE_ERROR_INVALID_PACK,
      { "rule “ac-a-worldwide-cfr”", "effective.compliance 2024-12-31 is before effective.from 2025-01-13", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int code = -1;
      g_autofree char *message = load_edited (cases[i].edit, &code);

      g_test_message ("%s", message);
      g_assert_cmpint (code, ==, cases[i].code);
      for (guint k = 0; k < 3 && cases[i].expect[k] != NULL; k++)
        if (strstr (message, cases[i].expect[k]) == NULL)
          g_error ("case %u: “%s” does not mention “%s”", i, message, cases[i].expect[k]);
    }
}

static void
test_malformed_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) p = clr_rule_pack_new_from_data ("{\"format\": \"clearance-rule-pack\",", -1, "broken.json", &error);

  g_assert_null (p);
  clr_test_assert_error (&error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, "broken.json");
  g_assert_true (clr_rule_pack_data_is_pack ("{\"format\": \"clearance-rule-pack\"}", 33));
  g_assert_false (clr_rule_pack_data_is_pack ("_id,source,entity_number", 24));
}

/* The TPP calculator's formula is pack data (3A090 Technical Note 1), and a
 * broken formula is refused naming the field. */
static void
test_item_formula (void)
{
  const double h100[] = { 989.5, 8 }, other[] = { 312, 16 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) broken = NULL;
  g_autofree char *text = NULL;
  JsonObject *formula = NULL;
  JsonArray *params;
  double tpp = 0;
  g_autoptr(GBytes) bundled = clr_rule_pack_get_bundled_data ();

  /* H100 SXM: 989.5 dense FP8 MacTOPS (1,979 TFLOPS) at 8 bits. */
  g_assert_true (clr_rule_pack_compute_item_fact (pack, "tpp", h100, 2, &tpp));
  g_assert_cmpfloat (tpp, ==, 15832);
  g_assert_true (clr_rule_pack_compute_item_fact (pack, "tpp", other, 2, &tpp));
  g_assert_cmpfloat (tpp, ==, 9984);
  g_assert_false (clr_rule_pack_compute_item_fact (pack, "tpp", h100, 1, &tpp));
  g_assert_false (clr_rule_pack_compute_item_fact (pack, "performance_density", h100, 2, &tpp));

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), NULL));
  params = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "item_parameters");
  for (guint i = 0; i < json_array_get_length (params); i++)
    if (json_object_has_member (json_array_get_object_element (params, i), "formula"))
      formula = json_object_get_object_member (json_array_get_object_element (params, i), "formula");
  g_assert_nonnull (formula);
  g_assert_nonnull (strstr (json_object_get_string_member (formula, "citation"), "3A090"));
  json_object_set_string_member (formula, "factor", "two");
  json_generator_set_root (gen, json_parser_get_root (parser));
  text = json_generator_to_data (gen, NULL);
  broken = clr_rule_pack_new_from_data (text, -1, "formula.json", &error);
  g_assert_null (broken);
  clr_test_assert_error (&error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, "item_parameters[0].formula.factor");
}

static void
test_versions (void)
{
  g_assert_cmpint (clr_rule_pack_compare_versions ("2026.11.28", "2026.11.3"), >, 0);
  g_assert_cmpint (clr_rule_pack_compare_versions ("2026.1", "2026.1.0"), ==, 0);
  g_assert_cmpint (clr_rule_pack_compare_versions ("2025.12.31", "2026.1.1"), <, 0);
}

static void
check_shipment_error (const char *json,
                      int         code,
                      const char *field)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  g_assert_false (clr_shipment_validate (pack, json_parser_get_root (parser), &error));
  g_assert_error (error, CLR_ENGINE_ERROR, code);
  if (strstr (error->message, field) == NULL)
    g_error ("“%s” does not name “%s”", error->message, field);
}

#define PARTY "\"parties\": [{\"role\": \"end_user\", \"name\": \"A\"}]"

static void
test_shipment_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clr-rules-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  JsonNode *node;

  check_shipment_error ("{\"date\": \"2025-02-30\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_BAD_DATE, "date: “2025-02-30”");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"XX\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_UNKNOWN_COUNTRY, "destination: unknown country “XX”");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}, {\"eccn\": \"3A099\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_UNKNOWN_ECCN, "items[1].eccn: unknown ECCN “3A099”");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY ", \"carbon_footprint\": 3}",
                        CLR_ENGINE_ERROR_UNSUPPORTED, "carbon_footprint: unknown field");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\", \"tpp\": \"lots\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_INVALID_INPUT, "items[0].tpp: must be a number");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}]}",
                        CLR_ENGINE_ERROR_INVALID_INPUT, "parties");
  check_shipment_error ("{\"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_INVALID_INPUT, "date: required");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], \"parties\": [{\"role\": \"boss\", \"name\": \"A\"}]}",
                        CLR_ENGINE_ERROR_INVALID_INPUT, "parties[0].role");
  check_shipment_error ("{\"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY ", \"red_flags\": [\"rf-nope\"]}",
                        CLR_ENGINE_ERROR_INVALID_INPUT, "red_flags[0]");
  check_shipment_error ("{\"schema_version\": 2, \"date\": \"2025-01-01\", \"destination\": \"CN\", \"items\": [{\"eccn\": \"EAR99\"}], " PARTY "}",
                        CLR_ENGINE_ERROR_UNSUPPORTED, "schema_version");

  g_assert_true (g_file_set_contents (path, "{\"date\": \"2025-01-01\",", -1, NULL));
  node = clr_shipment_load_file (path, &error);
  g_assert_null (node);
  clr_test_assert_error (&error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT, "bad.json");
  g_unlink (path);
  g_rmdir (dir);

  g_assert_true (clr_date_is_valid ("2024-02-29"));
  g_assert_false (clr_date_is_valid ("2025-02-29"));
  g_assert_false (clr_date_is_valid ("2025-13-01"));
  g_assert_false (clr_date_is_valid ("25-01-01"));
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/rule-pack/bundled", test_bundled),
  CLR_TEST_FUNC ("/rule-pack/groups-dated", test_groups_dated),
  CLR_TEST_FUNC ("/rule-pack/eccn-match", test_eccn_match),
  CLR_TEST_FUNC ("/rule-pack/eccn-in-set", test_eccn_in_set),
  CLR_TEST_FUNC ("/rule-pack/item-parameters", test_item_parameters),
  CLR_TEST_FUNC ("/rule-pack/validation", test_validation),
  CLR_TEST_FUNC ("/rule-pack/malformed", test_malformed_pack),
  CLR_TEST_FUNC ("/rule-pack/versions", test_versions),
  CLR_TEST_FUNC ("/rule-pack/item-formula", test_item_formula),
  CLR_TEST_FUNC ("/rule-pack/shipment-errors", test_shipment_errors),
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  pack = clr_rule_pack_new_bundled (&error);
  g_assert_no_error (error);
  CLR_TEST_ADD_FUNCS (tests);

  ret = g_test_run ();
  g_object_unref (pack);
  return ret;
}
