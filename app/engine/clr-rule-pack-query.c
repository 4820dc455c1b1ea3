/* clr-rule-pack-query.c — what the evaluator, the shipment check and the front ends ask a loaded rule pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-json.h"
#include "clr-rule-pack-data.h"

/* ---- lookups ----------------------------------------------------------- */

const char *
clr_rule_pack_lookup_country (ClrRulePack *self,
                              const char  *code_or_name)
{
  g_autofree char *key = NULL;

  if (code_or_name == NULL)
    return NULL;
  key = g_utf8_casefold (code_or_name, -1);
  g_strstrip (key);
  return g_hash_table_lookup (self->country_names, key);
}

const char *
_clr_rule_pack_effective_country (ClrRulePack *self,
                                  const char  *code)
{
  JsonObject *c = g_hash_table_lookup (self->countries, code);
  const char *treated = c != NULL ? clr_json_get_string (c, "treated_as") : NULL;

  return treated != NULL ? treated : code;
}

const char *
_clr_rule_pack_country_name (ClrRulePack *self,
                             const char  *code)
{
  JsonObject *c = g_hash_table_lookup (self->countries, code);

  return c != NULL ? clr_json_get_string (c, "name") : NULL;
}

gboolean
_clr_rule_pack_has_group (ClrRulePack *self,
                          const char  *group)
{
  return g_hash_table_contains (self->groups, group);
}

static gboolean
strv_has (GPtrArray  *array,
          const char *value)
{
  for (guint k = 0; array != NULL && k < array->len; k++)
    if (strcmp (g_ptr_array_index (array, k), value) == 0)
      return TRUE;
  return FALSE;
}

/* Membership of @value in a set known as of the snapshot (@member), moved to
 * @date through @changes (GroupChange *, by date; only those of @country when
 * it is set). Each change that made a difference, and each change of unknown
 * date that concerns @value, is described in @notes (nullable) by @describe. */
static gboolean
dated_membership (ClrRulePack *self,
                  GPtrArray   *changes,
                  const char  *country,
                  const char  *value,
                  gboolean     member,
                  const char  *date,
                  GPtrArray   *touched)
{
  if (date == NULL)
    return member;
  if (strcmp (date, self->snapshot_date) < 0)
    {
      /* undo, latest first, the changes after @date up to the snapshot */
      for (guint i = changes->len; i > 0; i--)
        {
          GroupChange *c = g_ptr_array_index (changes, i - 1);
          gboolean in_add, in_remove;

          if (country != NULL && g_strcmp0 (c->country, country) != 0)
            continue;
          in_add = strv_has (c->add, value);
          in_remove = strv_has (c->remove, value);
          if (!in_add && !in_remove)
            continue;
          if (c->date == NULL)
            {
              /* not known when: the snapshot stands, and says so */
              if (touched != NULL)
                g_ptr_array_add (touched, c);
              continue;
            }
          if (strcmp (c->date, date) <= 0 || strcmp (c->date, self->snapshot_date) > 0)
            continue;
          if (in_add)
            member = FALSE;
          if (in_remove)
            member = TRUE;
          if (touched != NULL)
            g_ptr_array_add (touched, c);
        }
    }
  else
    {
      /* apply, in order, announced changes after the snapshot up to @date */
      for (guint i = 0; i < changes->len; i++)
        {
          GroupChange *c = g_ptr_array_index (changes, i);

          if (c->date == NULL || (country != NULL && g_strcmp0 (c->country, country) != 0))
            continue;
          if (strcmp (c->date, self->snapshot_date) <= 0 || strcmp (c->date, date) > 0)
            continue;
          if (strv_has (c->add, value))
            member = TRUE;
          if (strv_has (c->remove, value))
            member = FALSE;
          if (touched != NULL && (strv_has (c->add, value) || strv_has (c->remove, value)))
            g_ptr_array_add (touched, c);
        }
    }
  return member;
}

static void
add_note_unique (GPtrArray *notes,
                 char      *note)
{
  for (guint i = 0; i < notes->len; i++)
    if (strcmp (g_ptr_array_index (notes, i), note) == 0)
      {
        g_free (note);
        return;
      }
  g_ptr_array_add (notes, note);
}

gboolean
clr_rule_pack_country_in_group (ClrRulePack *self,
                                const char  *country,
                                const char  *group,
                                const char  *date)
{
  return _clr_rule_pack_country_in_group_noted (self, country, group, date, NULL);
}

gboolean
_clr_rule_pack_country_in_group_noted (ClrRulePack *self,
                                       const char  *country,
                                       const char  *group,
                                       const char  *date,
                                       GPtrArray   *notes)
{
  Group *g = g_hash_table_lookup (self->groups, group);
  g_autoptr(GPtrArray) touched = NULL;
  gboolean member;

  if (g == NULL || country == NULL)
    return FALSE;
  touched = notes != NULL ? g_ptr_array_new () : NULL;
  member = dated_membership (self, g->changes, NULL, country, g_hash_table_contains (g->members, country),
                             date, touched);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GroupChange *c = g_ptr_array_index (touched, i);
      const char *name = _clr_rule_pack_country_name (self, country) ?: country;

      if (c->date == NULL)
        add_note_unique (notes, g_strdup_printf (_("Country Group %s, %s: the date of the change (%s) is not known; "
                                                   "the group table of %s was used for %s."),
                                                 group, name, c->citation, self->snapshot_date, date));
      else
        add_note_unique (notes, g_strdup_printf (_("Country Group %s on %s: %s %s, as the change of %s (%s) %s."),
                                                 group, date, name, member ? _("is a member") : _("is not a member"),
                                                 c->date, c->citation,
                                                 strcmp (c->date, date) <= 0 ? _("applies") : _("is not yet in force")));
    }
  return member;
}

gboolean
_clr_rule_pack_chart_marked (ClrRulePack *self,
                             const char  *country,
                             const char  *column,
                             const char  *date,
                             GPtrArray   *notes)
{
  GHashTable *row = g_hash_table_lookup (self->chart_rows, country);
  g_autoptr(GPtrArray) touched = notes != NULL ? g_ptr_array_new () : NULL;
  gboolean marked;

  if (row == NULL)
    return FALSE;
  marked = dated_membership (self, self->chart_changes, country, column, g_hash_table_contains (row, column),
                             date, touched);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GroupChange *c = g_ptr_array_index (touched, i);
      const char *name = _clr_rule_pack_country_name (self, country) ?: country;

      if (c->date == NULL)
        add_note_unique (notes, g_strdup_printf (_("Country Chart, %s %s: the date of the change (%s) is not known; "
                                                   "the chart of %s was used for %s."),
                                                 name, column, c->citation, self->snapshot_date, date));
      else
        add_note_unique (notes, g_strdup_printf (_("Country Chart on %s: %s %s %s, as the change of %s (%s) %s."),
                                                 date, name, column, marked ? _("has an X") : _("has no X"),
                                                 c->date, c->citation,
                                                 strcmp (c->date, date) <= 0 ? _("applies") : _("is not yet in force")));
    }
  return marked;
}

GPtrArray *
_clr_rule_pack_get_eccn_set (ClrRulePack *self,
                             const char  *name)
{
  return g_hash_table_lookup (self->eccn_sets, name);
}

JsonObject *
_clr_rule_pack_get_item_list (ClrRulePack *self,
                              const char  *name)
{
  JsonObject *lists = clr_json_get_object (self->root, "item_lists");

  return lists != NULL ? clr_json_get_object (lists, name) : NULL;
}

gboolean
_clr_rule_pack_has_end_use (ClrRulePack *self,
                            const char  *id)
{
  return g_hash_table_contains (self->end_uses, id);
}

JsonObject *
_clr_rule_pack_get_end_use (ClrRulePack *self,
                            const char  *id)
{
  return g_hash_table_lookup (self->end_uses, id);
}

ClrEndUseAnswer
_clr_rule_pack_end_use_answer (ClrRulePack *self,
                               JsonObject  *end_use,
                               const char  *id)
{
  JsonObject *category = _clr_rule_pack_get_end_use (self, id);
  JsonArray *categories = clr_json_get_array (end_use, "categories");
  JsonObject *answers = clr_json_get_object (end_use, "answers");
  JsonNode *a = answers != NULL ? json_object_get_member (answers, id) : NULL;

  if (a != NULL && JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) ? CLR_END_USE_YES : CLR_END_USE_NO;
  if (a != NULL && JSON_NODE_HOLDS_VALUE (a) && g_strcmp0 (json_node_get_string (a), "unknown") == 0)
    return CLR_END_USE_NOT_KNOWN;
  /* documents before end_use.answers: a stated category is a yes */
  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    if (g_strcmp0 (clr_json_array_get_string (categories, i), id) == 0)
      return CLR_END_USE_YES;
  if (category != NULL && json_object_has_member (category, "question"))
    return CLR_END_USE_NOT_ANSWERED;
  return CLR_END_USE_NO;
}

JsonObject *
_clr_rule_pack_get_red_flag (ClrRulePack *self,
                             const char  *id)
{
  return g_hash_table_lookup (self->red_flags, id);
}

JsonObject *
_clr_rule_pack_get_ccl_entry (ClrRulePack *self,
                              const char  *eccn)
{
  char base[6];

  if (eccn == NULL || strlen (eccn) < 5)
    return NULL;
  memcpy (base, eccn, 5);
  base[5] = '\0';
  base[1] = g_ascii_toupper (base[1]);
  return g_hash_table_lookup (self->ccl, base);
}

gboolean
clr_rule_pack_has_eccn (ClrRulePack *self,
                        const char  *eccn)
{
  if (g_strcmp0 (eccn, "EAR99") == 0)
    return TRUE;
  if (eccn == NULL || !clr_eccn_syntax_ok (eccn, TRUE, FALSE))
    return FALSE;
  return _clr_rule_pack_get_ccl_entry (self, eccn) != NULL;
}

gboolean
clr_rule_pack_eccn_in_set (ClrRulePack *self,
                           const char  *set,
                           const char  *eccn)
{
  GPtrArray *patterns;

  g_return_val_if_fail (CLR_IS_RULE_PACK (self), FALSE);
  g_return_val_if_fail (set != NULL, FALSE);

  if (eccn == NULL || *eccn == '\0')
    return FALSE;
  patterns = _clr_rule_pack_get_eccn_set (self, set[0] == '@' ? set + 1 : set);
  if (patterns == NULL)
    return FALSE;
  /* The evaluator's own matching: "is the pattern or below it", "*" = any one
   * paragraph. A less specific ECCN ("3A001" for "3A001.z") may or may not be
   * in the set; that is not "in". */
  for (guint i = 0; i < patterns->len; i++)
    if (clr_eccn_match (eccn, g_ptr_array_index (patterns, i)) == CLR_TRI_TRUE)
      return TRUE;
  return FALSE;
}

JsonNode *
clr_rule_pack_list_item_parameters (ClrRulePack *self)
{
  JsonArray *copy = json_array_new ();

  g_return_val_if_fail (CLR_IS_RULE_PACK (self), NULL);

  for (guint i = 0; self->item_parameters != NULL && i < json_array_get_length (self->item_parameters); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (self->item_parameters, i)));
  return json_node_init_array (json_node_alloc (), copy);
}

gboolean
clr_rule_pack_item_has_parameter (ClrRulePack *self,
                                  const char  *fact,
                                  const char  *eccn)
{
  g_return_val_if_fail (CLR_IS_RULE_PACK (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  for (guint i = 0; self->item_parameters != NULL && i < json_array_get_length (self->item_parameters); i++)
    {
      JsonObject *p = clr_json_array_get_object (self->item_parameters, i);

      if (g_strcmp0 (clr_json_get_string (p, "fact"), fact) == 0 &&
          clr_rule_pack_eccn_in_set (self, clr_json_get_string (p, "eccn_set"), eccn))
        return TRUE;
    }
  return FALSE;
}

static JsonObject *
item_formula (ClrRulePack *self,
              const char  *fact)
{
  for (guint i = 0; self->item_parameters != NULL && i < json_array_get_length (self->item_parameters); i++)
    {
      JsonObject *p = clr_json_array_get_object (self->item_parameters, i);

      if (g_strcmp0 (clr_json_get_string (p, "fact"), fact) == 0)
        return clr_json_get_object (p, "formula");
    }
  return NULL;
}

gboolean
clr_rule_pack_compute_item_fact (ClrRulePack  *self,
                                 const char   *fact,
                                 const double *inputs,
                                 guint         n_inputs,
                                 double       *value)
{
  JsonObject *formula;
  JsonArray *names;
  double product;

  g_return_val_if_fail (CLR_IS_RULE_PACK (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  formula = item_formula (self, fact);
  names = clr_json_get_array (formula, "inputs");
  if (formula == NULL || names == NULL || json_array_get_length (names) != n_inputs)
    return FALSE;
  product = json_object_get_double_member (formula, "factor");
  for (guint i = 0; i < n_inputs; i++)
    product *= inputs[i];
  *value = product;
  return TRUE;
}

GHashTable *
_clr_rule_pack_get_chart_row (ClrRulePack *self,
                              const char  *code)
{
  return g_hash_table_lookup (self->chart_rows, code);
}

gboolean
_clr_rule_pack_is_chart_embargoed (ClrRulePack *self,
                                   const char  *code)
{
  JsonObject *embargoed = clr_json_get_object (clr_json_get_object (self->root, "country_chart"), "embargoed");

  return embargoed != NULL && json_object_has_member (embargoed, code);
}

JsonObject *
_clr_rule_pack_get_list_consequence (ClrRulePack *self,
                                     const char  *list_code,
                                     const char **canonical_code)
{
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");
  g_autoptr(GList) codes = json_object_get_members (consequences);

  for (GList *l = codes; list_code != NULL && l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (consequences, l->data);
      JsonArray *aliases = clr_json_get_array (c, "aliases");

      if (g_ascii_strcasecmp (l->data, list_code) == 0)
        goto found;
      for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
        if (g_ascii_strcasecmp (clr_json_array_get_string (aliases, i), list_code) == 0)
          goto found;
      continue;
    found:
      if (canonical_code != NULL)
        *canonical_code = l->data;
      return c;
    }
  if (canonical_code != NULL)
    *canonical_code = list_code;
  return clr_json_get_object (consequences, "*");
}

GPtrArray *
_clr_rule_pack_get_rules (ClrRulePack *self)
{
  return self->rules;
}

GPtrArray *
_clr_rule_pack_get_derivations (ClrRulePack *self)
{
  return self->derivations;
}

ClrExpr *
_clr_rule_pack_get_list_item_scope (ClrRulePack *self,
                                    const char  *canonical_code)
{
  return canonical_code != NULL ? g_hash_table_lookup (self->list_scopes, canonical_code) : NULL;
}

GPtrArray *
_clr_rule_pack_get_exceptions (ClrRulePack *self)
{
  return self->exceptions;
}

GPtrArray *
_clr_rule_pack_get_overrides (ClrRulePack *self)
{
  return self->overrides;
}

/* ---- catalogues -------------------------------------------------------- */

static GPtrArray *
keys_of (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

JsonNode *
clr_rule_pack_list_eccns (ClrRulePack *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) keys = keys_of (self->ccl);

  g_ptr_array_sort (keys, compare_strings);
  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      JsonObject *e = g_hash_table_lookup (self->ccl, g_ptr_array_index (keys, i));
      JsonArray *reasons = clr_json_get_array (e, "reasons");
      JsonArray *paragraphs = clr_json_get_array (e, "paragraphs");

      json_builder_begin_object (b);
      clr_json_add_string (b, "eccn", g_ptr_array_index (keys, i));
      clr_json_add_string (b, "title", clr_json_get_string (e, "title") ?: "");
      json_builder_set_member_name (b, "reasons");
      json_builder_begin_array (b);
      for (guint r = 0; reasons != NULL && r < json_array_get_length (reasons); r++)
        json_builder_add_string_value (b, clr_json_array_get_string (reasons, r));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "paragraphs");
      json_builder_begin_array (b);
      for (guint r = 0; paragraphs != NULL && r < json_array_get_length (paragraphs); r++)
        json_builder_add_string_value (b, clr_json_array_get_string (paragraphs, r));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
clr_rule_pack_list_countries (ClrRulePack *self,
                              const char  *as_of)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) codes = keys_of (self->countries);
  g_autoptr(GPtrArray) groups = keys_of (self->groups);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *date = as_of != NULL ? as_of : today;

  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_sort (groups, compare_strings);
  json_builder_begin_array (b);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      JsonObject *c = g_hash_table_lookup (self->countries, code);
      JsonArray *aliases = clr_json_get_array (c, "aliases");
      const char *effective = _clr_rule_pack_effective_country (self, code);

      json_builder_begin_object (b);
      clr_json_add_string (b, "code", code);
      clr_json_add_string (b, "name", clr_json_get_string (c, "name"));
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint a = 0; aliases != NULL && a < json_array_get_length (aliases); a++)
        json_builder_add_string_value (b, clr_json_array_get_string (aliases, a));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint g = 0; g < groups->len; g++)
        if (clr_rule_pack_country_in_group (self, effective, g_ptr_array_index (groups, g), date))
          json_builder_add_string_value (b, g_ptr_array_index (groups, g));
      json_builder_end_array (b);
      if (g_strcmp0 (effective, code) != 0)
        clr_json_add_string (b, "treated_as", effective);
      clr_json_add_boolean (b, "embargoed", _clr_rule_pack_is_chart_embargoed (self, effective));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static JsonNode *
copy_array (JsonObject *root,
            const char *name)
{
  JsonArray *array = clr_json_get_array (root, name);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *copy = json_array_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
  json_node_take_array (node, copy);
  return node;
}

JsonNode *
clr_rule_pack_list_end_use_categories (ClrRulePack *self)
{
  return copy_array (self->root, "end_use_categories");
}

JsonNode *
clr_rule_pack_list_red_flags (ClrRulePack *self)
{
  return copy_array (self->root, "red_flags");
}

JsonNode *
clr_rule_pack_list_license_exceptions (ClrRulePack *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < self->exceptions->len; i++)
    {
      ClrLicenseException *e = g_ptr_array_index (self->exceptions, i);

      json_builder_begin_object (b);
      clr_json_add_string (b, "id", e->id);
      clr_json_add_string (b, "code", e->code);
      clr_json_add_string (b, "title", e->title);
      clr_json_add_string (b, "citation", e->citation);
      clr_json_add_string (b, "description", e->description ?: "");
      clr_json_add_string (b, "effective_from", e->from);
      clr_json_add_string (b, "effective_until", e->until);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
