/* clr-rule-pack-load.c — reading and validating a rule pack's tables: countries, groups, Country Chart, CCL, ECCN sets, item parameters, catalogues
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-item-facts.h"
#include "clr-rule-pack-data.h"

/* ---- validation helpers ------------------------------------------------ */

gboolean
_clr_pack_check_fields (JsonObject         *object,
                        const char * const *allowed,
                        const char         *where,
                        GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return invalid (error, _("%s: unknown field “%s”"), where, (const char *) l->data);
  return TRUE;
}

gboolean
_clr_pack_require_string (JsonObject  *object,
                          const char  *name,
                          const char  *where,
                          const char **out,
                          GError     **error)
{
  *out = clr_json_get_string (object, name);
  if (*out == NULL || **out == '\0')
    return invalid (error, _("%s: “%s” is missing or not a string"), where, name);
  return TRUE;
}

gboolean
_clr_pack_dup_string (JsonObject  *object,
                      const char  *name,
                      const char  *where,
                      char       **out,
                      GError     **error)
{
  const char *s;

  if (!_clr_pack_require_string (object, name, where, &s, error))
    return FALSE;
  *out = g_strdup (s);
  return TRUE;
}

GStrv
_clr_pack_string_array (JsonArray  *array,
                        const char *where,
                        const char *name,
                        GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          invalid (error, _("%s: “%s” must list strings"), where, name);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

gboolean
_clr_pack_is_version (const char *text)
{
  const char *p = text;

  while (TRUE)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != '.')
        return FALSE;
      p++;
    }
}

gboolean
_clr_pack_read_effective_full (JsonObject  *object,
                               const char  *where,
                               char       **from,
                               char       **until,
                               char       **compliance,
                               GError     **error)
{
  static const char * const fields[] = { "from", "until", NULL };
  static const char * const rule_fields[] = { "from", "until", "compliance", NULL };
  JsonObject *effective = clr_json_get_object (object, "effective");
  const char *f, *u, *c;

  if (effective == NULL)
    return invalid (error, _("%s: “effective” ({\"from\": \"YYYY-MM-DD\"}) is missing"), where);
  if (!_clr_pack_check_fields (effective, compliance != NULL ? rule_fields : fields, where, error))
    return FALSE;
  f = clr_json_get_string (effective, "from");
  u = clr_json_get_string (effective, "until");
  c = clr_json_get_string (effective, "compliance");
  if (f == NULL || !clr_date_is_valid (f))
    return invalid (error, _("%s: effective.from: bad date “%s” (expected YYYY-MM-DD)"), where, f ? f : "");
  if (json_object_has_member (effective, "until") && (u == NULL || !clr_date_is_valid (u)))
    return invalid (error, _("%s: effective.until: bad date “%s” (expected YYYY-MM-DD)"), where, u ? u : "");
  if (u != NULL && strcmp (u, f) < 0)
    return invalid (error, _("%s: can never fire: effective.until %s is before effective.from %s"), where, u, f);
  if (json_object_has_member (effective, "compliance") && (c == NULL || !clr_date_is_valid (c)))
    return invalid (error, _("%s: effective.compliance: bad date “%s” (expected YYYY-MM-DD)"), where, c ? c : "");
  if (c != NULL && strcmp (c, f) < 0)
    return invalid (error, _("%s: effective.compliance %s is before effective.from %s"), where, c, f);
  if (c != NULL && u != NULL && strcmp (u, c) < 0)
    return invalid (error, _("%s: can never fire: effective.until %s is before effective.compliance %s"), where, u, c);
  *from = g_strdup (f);
  *until = g_strdup (u);
  if (compliance != NULL)
    *compliance = g_strdup (c);
  return TRUE;
}

gboolean
_clr_pack_read_effective (JsonObject  *object,
                          const char  *where,
                          char       **from,
                          char       **until,
                          GError     **error)
{
  return _clr_pack_read_effective_full (object, where, from, until, NULL, error);
}

static void
add_name (ClrRulePack *self,
          const char  *name,
          const char  *code)
{
  char *key = g_utf8_casefold (name, -1);

  if (!g_hash_table_contains (self->country_names, key))
    g_hash_table_insert (self->country_names, key, (gpointer) code);
  else
    g_free (key);
}

/* ---- loading the tables ------------------------------------------------ */

gboolean
_clr_pack_load_countries (ClrRulePack *self,
                          GError     **error)
{
  JsonObject *countries = clr_json_get_object (self->root, "countries");
  g_autoptr(GList) codes = NULL;

  if (countries == NULL)
    return invalid (error, _("pack: “countries” is missing"));
  codes = json_object_get_members (countries);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      const char *code = l->data;
      JsonObject *c = clr_json_get_object (countries, code);
      g_autofree char *where = g_strdup_printf ("countries.%s", code);

      if (!(strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1])))
        return invalid (error, _("%s: not an ISO 3166-1 alpha-2 code"), where);
      if (c == NULL || clr_json_get_string (c, "name") == NULL)
        return invalid (error, _("%s: “name” is missing"), where);
      g_hash_table_insert (self->countries, (gpointer) code, c);
    }
  /* codes first, then names, then aliases: an alias never shadows a name */
  for (GList *l = codes; l != NULL; l = l->next)
    add_name (self, l->data, l->data);
  for (GList *l = codes; l != NULL; l = l->next)
    add_name (self, clr_json_get_string (clr_json_get_object (countries, l->data), "name"), l->data);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (countries, l->data);
      JsonArray *aliases = clr_json_get_array (c, "aliases");
      const char *treated = clr_json_get_string (c, "treated_as");

      if (treated != NULL && !g_hash_table_contains (self->countries, treated))
        return invalid (error, _("countries.%s: treated_as: unknown country code “%s”"), (const char *) l->data, treated);
      for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
        add_name (self, clr_json_array_get_string (aliases, i), l->data);
    }
  return TRUE;
}

static gboolean
read_codes (ClrRulePack *self,
            JsonArray   *array,
            const char  *where,
            GPtrArray   *out,
            GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *code = clr_json_array_get_string (array, i);

      if (code == NULL || !g_hash_table_contains (self->countries, code))
        return invalid (error, _("%s: unknown country code “%s”"), where, code ? code : "");
      if (out != NULL)
        g_ptr_array_add (out, g_strdup (code));
    }
  return TRUE;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const GroupChange *ca = *(GroupChange **) a;
  const GroupChange *cb = *(GroupChange **) b;

  return g_strcmp0 (ca->date, cb->date);
}

/* The date of a dated change: "date", or "date_unknown": true (the change is
 * in the snapshot; the pack does not know when it was made). */
static GroupChange *
read_change_date (JsonObject  *c,
                  const char  *where,
                  GError     **error)
{
  const char *date = clr_json_get_string (c, "date");
  gboolean unknown = json_object_has_member (c, "date_unknown") &&
                     JSON_NODE_HOLDS_VALUE (json_object_get_member (c, "date_unknown")) &&
                     json_object_get_boolean_member (c, "date_unknown");
  GroupChange *change;

  if (unknown && json_object_has_member (c, "date"))
    {
      invalid (error, _("%s: give either “date” or “date_unknown”, not both"), where);
      return NULL;
    }
  if (!unknown && (date == NULL || !clr_date_is_valid (date)))
    {
      invalid (error, _("%s: date: bad date “%s” (expected YYYY-MM-DD, or \"date_unknown\": true)"), where,
               date ? date : "");
      return NULL;
    }
  if (clr_json_get_string (c, "citation") == NULL)
    {
      invalid (error, _("%s: citation: every dated change needs its citation"), where);
      return NULL;
    }
  change = g_new0 (GroupChange, 1);
  change->date = g_strdup (unknown ? NULL : date);
  change->citation = g_strdup (clr_json_get_string (c, "citation"));
  change->add = g_ptr_array_new_with_free_func (g_free);
  change->remove = g_ptr_array_new_with_free_func (g_free);
  return change;
}

gboolean
_clr_pack_load_groups (ClrRulePack *self,
                       GError     **error)
{
  static const char * const group_fields[] = { "title", "members", "changes", "citation", NULL };
  static const char * const change_fields[] = { "date", "date_unknown", "add", "remove", "citation", NULL };
  JsonObject *groups = clr_json_get_object (self->root, "country_groups");
  g_autoptr(GList) names = NULL;

  if (groups == NULL)
    return invalid (error, _("pack: “country_groups” is missing"));
  names = json_object_get_members (groups);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *g = clr_json_get_object (groups, l->data);
      g_autofree char *where = g_strdup_printf ("country_groups.%s", (const char *) l->data);
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
      JsonArray *changes;
      Group *group;

      if (g == NULL || !_clr_pack_check_fields (g, group_fields, where, error))
        return g == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
      if (!read_codes (self, clr_json_get_array (g, "members"), where, members, error))
        return FALSE;
      group = g_new0 (Group, 1);
      group->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      group->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _clr_pack_group_change_free);
      for (guint i = 0; i < members->len; i++)
        g_hash_table_add (group->members, g_strdup (g_ptr_array_index (members, i)));
      g_hash_table_insert (self->groups, l->data, group);

      changes = clr_json_get_array (g, "changes");
      for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
        {
          JsonObject *c = clr_json_array_get_object (changes, i);
          g_autofree char *cwhere = g_strdup_printf ("%s.changes[%u]", where, i);
          GroupChange *change;

          if (c == NULL || !_clr_pack_check_fields (c, change_fields, cwhere, error))
            return c == NULL ? invalid (error, _("%s: must be an object"), cwhere) : FALSE;
          change = read_change_date (c, cwhere, error);
          if (change == NULL)
            return FALSE;
          g_ptr_array_add (group->changes, change);
          if (!read_codes (self, clr_json_get_array (c, "add"), cwhere, change->add, error) ||
              !read_codes (self, clr_json_get_array (c, "remove"), cwhere, change->remove, error))
            return FALSE;
        }
      g_ptr_array_sort (group->changes, compare_changes);
    }
  return TRUE;
}

/* country_chart.changes: [{"date" | "date_unknown", "country", "add": [columns],
 * "remove": [columns], "citation"}] — the rows are as of the snapshot date;
 * changes before it are undone for earlier dates, later ones applied from
 * their date (as for country groups). */
static gboolean
load_chart_changes (ClrRulePack *self,
                    JsonObject  *chart,
                    GError     **error)
{
  static const char * const fields[] = { "date", "date_unknown", "country", "add", "remove", "citation", NULL };
  JsonArray *changes = clr_json_get_array (chart, "changes");
  JsonArray *columns = clr_json_get_array (chart, "columns");
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    if (clr_json_array_get_string (columns, i) != NULL)
      g_hash_table_add (known, (gpointer) clr_json_array_get_string (columns, i));
  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *c = clr_json_array_get_object (changes, i);
      g_autofree char *where = g_strdup_printf ("country_chart.changes[%u]", i);
      const char *country;
      GroupChange *change;

      if (c == NULL)
        return invalid (error, _("%s: must be an object"), where);
      if (!_clr_pack_check_fields (c, fields, where, error))
        return FALSE;
      country = clr_json_get_string (c, "country");
      if (country == NULL || !g_hash_table_contains (self->chart_rows, country))
        return invalid (error, _("%s: country: “%s” has no Country Chart row"), where, country ? country : "");
      change = read_change_date (c, where, error);
      if (change == NULL)
        return FALSE;
      change->country = g_strdup (country);
      g_ptr_array_add (self->chart_changes, change);
      for (int pass = 0; pass < 2; pass++)
        {
          JsonArray *cols = clr_json_get_array (c, pass == 0 ? "add" : "remove");

          for (guint k = 0; cols != NULL && k < json_array_get_length (cols); k++)
            {
              const char *col = clr_json_array_get_string (cols, k);

              if (col == NULL || !g_hash_table_contains (known, col))
                return invalid (error, _("%s: unknown Country Chart column “%s”"), where, col ? col : "");
              g_ptr_array_add (pass == 0 ? change->add : change->remove, g_strdup (col));
            }
        }
    }
  g_ptr_array_sort (self->chart_changes, compare_changes);
  return TRUE;
}

gboolean
_clr_pack_load_ccl_and_chart (ClrRulePack *self,
                              GError     **error)
{
  JsonObject *ccl = clr_json_get_object (self->root, "ccl");
  JsonObject *chart = clr_json_get_object (self->root, "country_chart");
  JsonObject *rows;
  JsonObject *embargoed;
  g_autoptr(GList) eccns = NULL;
  g_autoptr(GList) codes = NULL;

  if (ccl == NULL)
    return invalid (error, _("pack: “ccl” is missing"));
  eccns = json_object_get_members (ccl);
  for (GList *l = eccns; l != NULL; l = l->next)
    {
      JsonObject *entry = clr_json_get_object (ccl, l->data);

      if (!clr_eccn_syntax_ok (l->data, FALSE, FALSE) || entry == NULL)
        return invalid (error, _("ccl.%s: not an ECCN entry"), (const char *) l->data);
      g_hash_table_insert (self->ccl, l->data, entry);
    }

  if (chart == NULL || (rows = clr_json_get_object (chart, "rows")) == NULL)
    return invalid (error, _("pack: “country_chart.rows” is missing"));
  codes = json_object_get_members (rows);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *row = clr_json_get_object (rows, l->data);
      JsonArray *x = row != NULL ? clr_json_get_array (row, "x") : NULL;
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (self->chart_rows, l->data, set);
      if (!g_hash_table_contains (self->countries, l->data))
        return invalid (error, _("country_chart.rows: unknown country code “%s”"), (const char *) l->data);
      for (guint i = 0; x != NULL && i < json_array_get_length (x); i++)
        g_hash_table_add (set, (gpointer) clr_json_array_get_string (x, i));
    }
  if (!load_chart_changes (self, chart, error))
    return FALSE;
  embargoed = clr_json_get_object (chart, "embargoed");
  if (embargoed != NULL)
    {
      g_autoptr(GList) e = json_object_get_members (embargoed);

      for (GList *l = e; l != NULL; l = l->next)
        if (!g_hash_table_contains (self->countries, l->data))
          return invalid (error, _("country_chart.embargoed: unknown country code “%s”"), (const char *) l->data);
    }
  return TRUE;
}

static gboolean
expand_set (ClrRulePack *self,
            JsonObject  *sets,
            const char  *name,
            GPtrArray   *out,
            int          depth,
            GError     **error)
{
  JsonArray *patterns = clr_json_get_array (sets, name);

  if (patterns == NULL)
    return invalid (error, _("eccn_sets: unknown set “@%s”"), name);
  if (depth > 8)
    return invalid (error, _("eccn_sets.%s: sets refer to each other in a loop"), name);
  for (guint i = 0; i < json_array_get_length (patterns); i++)
    {
      const char *p = clr_json_array_get_string (patterns, i);
      g_auto(GStrv) parts = NULL;

      if (p == NULL)
        return invalid (error, _("eccn_sets.%s: must list strings"), name);
      if (p[0] == '@')
        {
          if (!expand_set (self, sets, p + 1, out, depth + 1, error))
            return FALSE;
          continue;
        }
      parts = g_strsplit (p, ".", 2);
      if (g_strcmp0 (p, "EAR99") != 0 &&
          (!clr_eccn_syntax_ok (p, TRUE, TRUE) ||
           !g_hash_table_contains (self->ccl, parts[0])))
        return invalid (error, _("eccn_sets.%s: unknown ECCN pattern “%s”"), name, p);
      g_ptr_array_add (out, g_strdup (p));
    }
  return TRUE;
}

/* "formula": {"factor", "inputs": [{"name", "label"}], "citation"}: the fact
 * is factor × the product of the inputs (the TPP of 3A090). */
static gboolean
check_formula (JsonObject  *parameter,
               const char  *where,
               GError     **error)
{
  static const char * const fields[] = { "factor", "inputs", "citation", NULL };
  static const char * const input_fields[] = { "name", "label", NULL };
  JsonObject *formula = clr_json_get_object (parameter, "formula");
  JsonNode *factor = formula != NULL ? json_object_get_member (formula, "factor") : NULL;
  JsonArray *inputs = clr_json_get_array (formula, "inputs");
  g_autofree char *at = g_strdup_printf ("%s.formula", where);
  const char *text;

  if (formula == NULL)
    return invalid (error, _("%s: must be an object"), at);
  if (!_clr_pack_check_fields (formula, fields, at, error) ||
      !_clr_pack_require_string (formula, "citation", at, &text, error))
    return FALSE;
  if (factor == NULL || !JSON_NODE_HOLDS_VALUE (factor) ||
      (json_node_get_value_type (factor) != G_TYPE_DOUBLE && json_node_get_value_type (factor) != G_TYPE_INT64) ||
      !(json_node_get_double (factor) > 0))
    return invalid (error, _("%s.factor: must be a number above 0"), at);
  if (inputs == NULL || json_array_get_length (inputs) == 0)
    return invalid (error, _("%s.inputs: must list the numbers it multiplies"), at);
  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonObject *input = clr_json_array_get_object (inputs, i);
      g_autofree char *in = g_strdup_printf ("%s.inputs[%u]", at, i);

      if (input == NULL)
        return invalid (error, _("%s: must be an object"), in);
      if (!_clr_pack_check_fields (input, input_fields, in, error) ||
          !_clr_pack_require_string (input, "name", in, &text, error) ||
          !_clr_pack_require_string (input, "label", in, &text, error))
        return FALSE;
    }
  return TRUE;
}

/* "item_parameters": which item facts apply to which ECCNs, so the form asks
 * for TPP & co. only where a rule can use them. Needs the ECCN sets loaded. */
static gboolean
load_item_parameters (ClrRulePack *self,
                      GError     **error)
{
  static const char * const fields[] = { "fact", "label", "eccn_set", "formula", NULL };
  JsonNode *node = json_object_get_member (self->root, "item_parameters");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("pack: “item_parameters” must be an array"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *p = clr_json_array_get_object (array, i);
      g_autofree char *where = g_strdup_printf ("item_parameters[%u]", i);
      const char *fact, *label, *set;

      if (p == NULL)
        return invalid (error, _("%s: must be an object"), where);
      if (!_clr_pack_check_fields (p, fields, where, error) ||
          !_clr_pack_require_string (p, "fact", where, &fact, error) ||
          !_clr_pack_require_string (p, "label", where, &label, error) ||
          !_clr_pack_require_string (p, "eccn_set", where, &set, error))
        return FALSE;
      if (clr_item_fact_lookup (fact) == NULL || !clr_item_fact_lookup (fact)->parameter)
        {
          g_autofree char *known = clr_item_facts_dup_parameter_keys ();

          return invalid (error, _("%s.fact: unknown item fact “%s” (known: %s)"), where, fact, known);
        }
      if (!g_hash_table_add (seen, (gpointer) fact))
        return invalid (error, _("%s.fact: “%s” is listed twice"), where, fact);
      if (!g_hash_table_contains (self->eccn_sets, set[0] == '@' ? set + 1 : set))
        return invalid (error, _("%s.eccn_set: unknown ECCN set “%s”"), where, set);
      if (json_object_has_member (p, "formula") && !check_formula (p, where, error))
        return FALSE;
    }
  self->item_parameters = array;
  return TRUE;
}

gboolean
_clr_pack_load_catalogues (ClrRulePack *self,
                           GError     **error)
{
  JsonObject *sets = clr_json_get_object (self->root, "eccn_sets");
  JsonArray *end_uses = clr_json_get_array (self->root, "end_use_categories");
  JsonArray *flags = clr_json_get_array (self->root, "red_flags");
  JsonObject *item_lists = clr_json_get_object (self->root, "item_lists");
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");

  if (sets != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (sets);

      for (GList *l = names; l != NULL; l = l->next)
        {
          GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

          g_hash_table_insert (self->eccn_sets, l->data, out);
          if (!expand_set (self, sets, l->data, out, 0, error))
            return FALSE;
        }
    }
  if (!load_item_parameters (self, error))
    return FALSE;
  if (end_uses == NULL)
    return invalid (error, _("pack: “end_use_categories” is missing"));
  for (guint i = 0; i < json_array_get_length (end_uses); i++)
    {
      JsonObject *e = clr_json_array_get_object (end_uses, i);

      if (e == NULL || clr_json_get_string (e, "id") == NULL || clr_json_get_string (e, "label") == NULL)
        return invalid (error, _("end_use_categories[%u]: needs “id” and “label”"), i);
      if (json_object_has_member (e, "question") &&
          (clr_json_get_string (e, "question") == NULL || clr_json_get_string (e, "citation") == NULL ||
           clr_json_get_string (e, "not_known") == NULL))
        return invalid (error, _("end_use_categories[%u]: a “question” needs “citation” and “not_known”"), i);
      g_hash_table_insert (self->end_uses, (gpointer) clr_json_get_string (e, "id"), e);
    }
  if (flags == NULL)
    return invalid (error, _("pack: “red_flags” is missing"));
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      static const char * const fields[] = { "id", "question", "citation", NULL };
      JsonObject *f = clr_json_array_get_object (flags, i);
      g_autofree char *where = g_strdup_printf ("red_flags[%u]", i);

      if (f == NULL || !_clr_pack_check_fields (f, fields, where, error))
        return f == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
      if (clr_json_get_string (f, "id") == NULL || clr_json_get_string (f, "question") == NULL || clr_json_get_string (f, "citation") == NULL)
        return invalid (error, _("%s: needs “id”, “question” and “citation”"), where);
      g_hash_table_insert (self->red_flags, (gpointer) clr_json_get_string (f, "id"), f);
    }
  if (item_lists != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (item_lists);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *list = clr_json_get_object (item_lists, l->data);

          if (list == NULL || clr_json_get_array (list, "match") == NULL)
            return invalid (error, _("item_lists.%s: needs a “match” array"), (const char *) l->data);
        }
    }
  if (consequences == NULL || clr_json_get_object (consequences, "*") == NULL)
    return invalid (error, _("pack: “list_consequences” is missing or has no “*” fallback"));
  else
    {
      static const char * const fields[] = { "title", "outcome", "citation", "license_policy", "use_entry_policy",
                                             "blocks_exceptions", "explanation", "footnotes", "aliases",
                                             "potential_match", "item_scope", "out_of_scope", NULL };
      static const char * const potential_fields[] = { "title", "outcome", "explanation", "blocks_exceptions", NULL };
      g_autoptr(GList) codes = json_object_get_members (consequences);

      for (GList *l = codes; l != NULL; l = l->next)
        {
          JsonObject *c = clr_json_get_object (consequences, l->data);
          g_autofree char *where = g_strdup_printf ("list_consequences.%s", (const char *) l->data);
          const char *outcome;

          if (c == NULL || !_clr_pack_check_fields (c, fields, where, error))
            return c == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
          outcome = clr_json_get_string (c, "outcome");
          if (g_strcmp0 (outcome, "prohibited") != 0 && g_strcmp0 (outcome, "license_required") != 0 &&
              g_strcmp0 (outcome, "review") != 0)
            return invalid (error, _("%s: outcome must be prohibited, license_required or review"), where);
          if (clr_json_get_string (c, "citation") == NULL || clr_json_get_string (c, "explanation") == NULL)
            return invalid (error, _("%s: needs “citation” and “explanation”"), where);
          if (json_object_has_member (c, "potential_match"))
            {
              JsonObject *pm = clr_json_get_object (c, "potential_match");
              g_autofree char *pm_where = g_strdup_printf ("%s.potential_match", where);

              if (pm == NULL || !_clr_pack_check_fields (pm, potential_fields, pm_where, error))
                return pm == NULL ? invalid (error, _("%s: must be an object"), pm_where) : FALSE;
              outcome = clr_json_get_string (pm, "outcome");
              if (g_strcmp0 (outcome, "prohibited") != 0 && g_strcmp0 (outcome, "license_required") != 0 &&
                  g_strcmp0 (outcome, "review") != 0)
                return invalid (error, _("%s: outcome must be prohibited, license_required or review"), pm_where);
              if (clr_json_get_string (pm, "explanation") == NULL)
                return invalid (error, _("%s: needs an “explanation”"), pm_where);
            }
        }
    }
  return TRUE;
}
