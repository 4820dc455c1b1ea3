/* clr-rule-pack-rules.c — reading and validating a rule pack's rules, license exceptions, policy overrides, paragraph derivations and list scopes
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-rule-pack-data.h"

static guint
read_postures (JsonObject  *object,
               const char  *where,
               GError     **error,
               gboolean    *ok)
{
  JsonArray *postures = clr_json_get_array (object, "postures");
  guint mask = 0;

  *ok = TRUE;
  if (!json_object_has_member (object, "postures"))
    return (1 << CLR_POSTURE_ENFORCEMENT) | (1 << CLR_POSTURE_CFR_TEXT);
  for (guint i = 0; postures != NULL && i < json_array_get_length (postures); i++)
    {
      ClrPosture p;

      if (!clr_posture_from_string (clr_json_array_get_string (postures, i), &p, NULL))
        {
          *ok = invalid (error, _("%s: postures: unknown posture “%s”"), where,
                         clr_json_array_get_string (postures, i) ?: "");
          return 0;
        }
      mask |= 1 << p;
    }
  if (mask == 0)
    *ok = invalid (error, _("%s: can never fire: “postures” is empty"), where);
  return mask;
}

gboolean
_clr_pack_load_exceptions (ClrRulePack *self,
                           GError     **error)
{
  static const char * const fields[] = { "id", "code", "title", "citation", "effective", "description",
                                         "condition", "conditions", NULL };
  JsonArray *exceptions = clr_json_get_array (self->root, "license_exceptions");

  if (exceptions == NULL)
    return invalid (error, _("pack: “license_exceptions” is missing"));
  for (guint i = 0; i < json_array_get_length (exceptions); i++)
    {
      JsonObject *o = clr_json_array_get_object (exceptions, i);
      g_autofree char *where = NULL;
      ClrLicenseException *e;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("license_exceptions[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("license exception “%s”"), clr_json_get_string (o, "id"));
      if (!_clr_pack_check_fields (o, fields, where, error))
        return FALSE;
      e = g_new0 (ClrLicenseException, 1);
      g_ptr_array_add (self->exceptions, e);
      e->id = g_strdup (clr_json_get_string (o, "id"));
      if (!_clr_pack_dup_string (o, "code", where, &e->code, error) ||
          !_clr_pack_dup_string (o, "title", where, &e->title, error) ||
          !_clr_pack_dup_string (o, "citation", where, &e->citation, error))
        return FALSE;
      e->description = g_strdup (clr_json_get_string (o, "description"));
      if (!_clr_pack_read_effective (o, where, &e->from, &e->until, error))
        return FALSE;
      if (!json_object_has_member (o, "condition"))
        return invalid (error, _("%s: “condition” is missing"), where);
      e->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
      if (e->condition == NULL)
        return FALSE;
      e->conditions = _clr_pack_string_array (clr_json_get_array (o, "conditions"), where, "conditions", error);
      if (e->conditions == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_exception_code (ClrRulePack *self,
                    const char  *code)
{
  for (guint i = 0; i < self->exceptions->len; i++)
    if (g_strcmp0 (((ClrLicenseException *) g_ptr_array_index (self->exceptions, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_clr_pack_load_rules (ClrRulePack *self,
                      GError     **error)
{
  static const char * const fields[] = { "id", "kind", "title", "citation", "effective", "postures", "condition",
                                         "outcome", "license_policy", "explanation", "ask", "exceptions",
                                         "blocks_exceptions", "notes", "classification_check", NULL };
  JsonArray *rules = clr_json_get_array (self->root, "rules");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (rules == NULL || json_array_get_length (rules) == 0)
    return invalid (error, _("pack: “rules” is missing or empty"));
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *o = clr_json_array_get_object (rules, i);
      g_autofree char *where = NULL;
      ClrRule *rule;
      const char *s;
      const char *kind;
      gboolean ok;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("rules[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("rule “%s”"), clr_json_get_string (o, "id"));
      if (g_hash_table_contains (ids, clr_json_get_string (o, "id")))
        return invalid (error, _("%s: the id is used twice"), where);
      g_hash_table_add (ids, (gpointer) clr_json_get_string (o, "id"));
      if (!_clr_pack_check_fields (o, fields, where, error))
        return FALSE;

      rule = g_new0 (ClrRule, 1);
      g_ptr_array_add (self->rules, rule);
      rule->id = g_strdup (clr_json_get_string (o, "id"));
      if (!_clr_pack_dup_string (o, "title", where, &rule->title, error) ||
          !_clr_pack_dup_string (o, "citation", where, &rule->citation, error) ||
          !_clr_pack_dup_string (o, "explanation", where, &rule->explanation, error))
        return FALSE;
      rule->license_policy = g_strdup (clr_json_get_string (o, "license_policy") ?: "");
      rule->ask = g_strdup (clr_json_get_string (o, "ask"));
      if (!_clr_pack_read_effective_full (o, where, &rule->from, &rule->until, &rule->compliance, error))
        return FALSE;
      rule->postures = read_postures (o, where, error, &ok);
      if (!ok)
        return FALSE;
      if (!_clr_pack_require_string (o, "outcome", where, &s, error))
        return FALSE;
      if (strcmp (s, "prohibited") != 0 && strcmp (s, "license_required") != 0 && strcmp (s, "review") != 0 &&
          strcmp (s, "caveat") != 0)
        return invalid (error, _("%s: outcome “%s” (use prohibited, license_required, review or caveat)"), where, s);
      rule->outcome = g_strdup (s);
      rule->blocks_exceptions = json_object_get_boolean_member_with_default (o, "blocks_exceptions", FALSE);
      rule->classification_check = json_object_get_boolean_member_with_default (o, "classification_check", FALSE);
      rule->exceptions = _clr_pack_string_array (clr_json_get_array (o, "exceptions"), where, "exceptions", error);
      if (rule->exceptions == NULL)
        return FALSE;
      for (guint e = 0; rule->exceptions[e] != NULL; e++)
        if (!has_exception_code (self, rule->exceptions[e]))
          return invalid (error, _("%s: unknown license exception “%s”"), where, rule->exceptions[e]);

      kind = clr_json_get_string (o, "kind");
      if (kind == NULL || strcmp (kind, "condition") == 0)
        {
          rule->kind = CLR_RULE_KIND_CONDITION;
          if (!json_object_has_member (o, "condition"))
            return invalid (error, _("%s: “condition” is missing"), where);
          rule->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
          if (rule->condition == NULL)
            return FALSE;
          if (clr_expr_never_true (rule->condition))
            return invalid (error, _("%s: can never fire: its condition is always false"), where);
        }
      else if (strcmp (kind, "country_chart") == 0)
        rule->kind = CLR_RULE_KIND_COUNTRY_CHART;
      else if (strcmp (kind, "list_screening") == 0)
        rule->kind = CLR_RULE_KIND_LIST_SCREENING;
      else
        return invalid (error, _("%s: unknown kind “%s”"), where, kind);
      if (rule->kind != CLR_RULE_KIND_CONDITION && json_object_has_member (o, "condition"))
        return invalid (error, _("%s: a “%s” rule takes no condition"), where, kind);
      /* A caveat is a note on the result, not a finding: only a condition
       * rule gives one, and it neither offers nor blocks license exceptions. */
      if (strcmp (rule->outcome, "caveat") == 0 &&
          (rule->kind != CLR_RULE_KIND_CONDITION || rule->blocks_exceptions || rule->exceptions[0] != NULL))
        return invalid (error, _("%s: outcome “caveat” is for a condition rule without exceptions"), where);
    }
  return TRUE;
}

gboolean
_clr_pack_load_overrides (ClrRulePack *self,
                          GError     **error)
{
  static const char * const fields[] = { "id", "title", "citation", "effective", "applies_to", "condition",
                                         "license_policy", "unknown_policy", NULL };
  JsonArray *overrides = clr_json_get_array (self->root, "policy_overrides");

  for (guint i = 0; overrides != NULL && i < json_array_get_length (overrides); i++)
    {
      JsonObject *o = clr_json_array_get_object (overrides, i);
      g_autofree char *where = NULL;
      ClrPolicyOverride *po;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("policy_overrides[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("policy override “%s”"), clr_json_get_string (o, "id"));
      if (!_clr_pack_check_fields (o, fields, where, error))
        return FALSE;
      po = g_new0 (ClrPolicyOverride, 1);
      g_ptr_array_add (self->overrides, po);
      po->id = g_strdup (clr_json_get_string (o, "id"));
      po->title = g_strdup (clr_json_get_string (o, "title") ?: po->id);
      if (!_clr_pack_dup_string (o, "citation", where, &po->citation, error) ||
          !_clr_pack_dup_string (o, "license_policy", where, &po->license_policy, error))
        return FALSE;
      po->unknown_policy = g_strdup (clr_json_get_string (o, "unknown_policy"));
      if (!_clr_pack_read_effective (o, where, &po->from, &po->until, error))
        return FALSE;
      po->applies_to = _clr_pack_string_array (clr_json_get_array (o, "applies_to"), where, "applies_to", error);
      if (po->applies_to == NULL)
        return FALSE;
      for (guint r = 0; po->applies_to[r] != NULL; r++)
        {
          gboolean found = FALSE;

          for (guint k = 0; k < self->rules->len; k++)
            if (g_strcmp0 (((ClrRule *) g_ptr_array_index (self->rules, k))->id, po->applies_to[r]) == 0)
              found = TRUE;
          if (!found)
            return invalid (error, _("%s: applies_to: unknown rule “%s”"), where, po->applies_to[r]);
        }
      if (!json_object_has_member (o, "condition"))
        return invalid (error, _("%s: “condition” is missing"), where);
      po->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
      if (po->condition == NULL)
        return FALSE;
    }
  return TRUE;
}


/* "paragraph_derivations": the paragraph of a stated ECCN derived from the
 * item's facts (3A090 → 3A090.a from TPP and performance density). */
gboolean
_clr_pack_load_derivations (ClrRulePack *self,
                            GError     **error)
{
  static const char * const fields[] = { "id", "title", "citation", "effective", "facts", "targets", "outcomes",
                                         "notes", NULL };
  static const char * const target_fields[] = { "eccn", "suffixes", NULL };
  static const char * const outcome_fields[] = { "id", "label", "condition", "outcome", "explanation", NULL };
  JsonArray *derivations = clr_json_get_array (self->root, "paragraph_derivations");

  for (guint i = 0; derivations != NULL && i < json_array_get_length (derivations); i++)
    {
      JsonObject *o = clr_json_array_get_object (derivations, i);
      JsonArray *targets, *outcomes;
      g_autofree char *where = NULL;
      ClrDerivation *d;
      const char *s;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("paragraph_derivations[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("paragraph derivation “%s”"), clr_json_get_string (o, "id"));
      if (!_clr_pack_check_fields (o, fields, where, error))
        return FALSE;
      d = g_new0 (ClrDerivation, 1);
      g_ptr_array_add (self->derivations, d);
      d->id = g_strdup (clr_json_get_string (o, "id"));
      d->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) _clr_pack_derivation_target_free);
      d->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) _clr_pack_derivation_outcome_free);
      if (!_clr_pack_dup_string (o, "title", where, &d->title, error) ||
          !_clr_pack_dup_string (o, "citation", where, &d->citation, error))
        return FALSE;
      if (!_clr_pack_read_effective (o, where, &d->from, &d->until, error))
        return FALSE;
      d->facts = _clr_pack_string_array (clr_json_get_array (o, "facts"), where, "facts", error);
      if (d->facts == NULL)
        return FALSE;

      outcomes = clr_json_get_array (o, "outcomes");
      if (outcomes == NULL || json_array_get_length (outcomes) == 0)
        return invalid (error, _("%s: “outcomes” is missing or empty"), where);
      for (guint k = 0; k < json_array_get_length (outcomes); k++)
        {
          JsonObject *oo = clr_json_array_get_object (outcomes, k);
          g_autofree char *w = g_strdup_printf ("%s: outcomes[%u]", where, k);
          ClrDerivationOutcome *out;

          if (oo == NULL || !_clr_pack_check_fields (oo, outcome_fields, w, error))
            return oo == NULL ? invalid (error, _("%s: must be an object"), w) : FALSE;
          out = g_new0 (ClrDerivationOutcome, 1);
          g_ptr_array_add (d->outcomes, out);
          if (!_clr_pack_dup_string (oo, "id", w, &out->id, error) ||
              !_clr_pack_dup_string (oo, "label", w, &out->label, error))
            return FALSE;
          out->outcome = g_strdup (clr_json_get_string (oo, "outcome"));
          if (out->outcome != NULL && strcmp (out->outcome, "review") != 0 &&
              strcmp (out->outcome, "license_required") != 0)
            return invalid (error, _("%s: outcome “%s” (use review or license_required)"), w, out->outcome);
          out->explanation = g_strdup (clr_json_get_string (oo, "explanation"));
          if (out->outcome != NULL && out->explanation == NULL)
            return invalid (error, _("%s: an outcome needs an “explanation”"), w);
          if (!json_object_has_member (oo, "condition"))
            return invalid (error, _("%s: “condition” is missing"), w);
          out->condition = clr_expr_compile (json_object_get_member (oo, "condition"), self, w, error);
          if (out->condition == NULL)
            return FALSE;
        }

      targets = clr_json_get_array (o, "targets");
      if (targets == NULL || json_array_get_length (targets) == 0)
        return invalid (error, _("%s: “targets” is missing or empty"), where);
      for (guint k = 0; k < json_array_get_length (targets); k++)
        {
          JsonObject *to = clr_json_array_get_object (targets, k);
          JsonObject *suffixes = to != NULL ? clr_json_get_object (to, "suffixes") : NULL;
          g_autofree char *w = g_strdup_printf ("%s: targets[%u]", where, k);
          g_autoptr(GList) ids = NULL;
          ClrDerivationTarget *t;
          g_auto(GStrv) parts = NULL;

          if (to == NULL || !_clr_pack_check_fields (to, target_fields, w, error))
            return to == NULL ? invalid (error, _("%s: must be an object"), w) : FALSE;
          if (!_clr_pack_require_string (to, "eccn", w, &s, error))
            return FALSE;
          parts = g_strsplit (s, ".", 2);
          if (!clr_eccn_syntax_ok (s, TRUE, TRUE) || _clr_rule_pack_get_ccl_entry (self, parts[0]) == NULL)
            return invalid (error, _("%s: eccn: unknown ECCN pattern “%s”"), w, s);
          if (suffixes == NULL)
            return invalid (error, _("%s: “suffixes” is missing"), w);
          t = g_new0 (ClrDerivationTarget, 1);
          g_ptr_array_add (d->targets, t);
          t->eccn = g_strdup (s);
          t->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          ids = json_object_get_members (suffixes);
          for (GList *l = ids; l != NULL; l = l->next)
            {
              const char *suffix = clr_json_get_string (suffixes, l->data);
              gboolean known = FALSE;

              for (guint m = 0; m < d->outcomes->len; m++)
                if (g_strcmp0 (((ClrDerivationOutcome *) g_ptr_array_index (d->outcomes, m))->id, l->data) == 0)
                  known = TRUE;
              if (!known)
                return invalid (error, _("%s: suffixes: unknown outcome “%s”"), w, (const char *) l->data);
              if (suffix == NULL || suffix[0] != '.')
                return invalid (error, _("%s: suffixes.%s: must be a paragraph like “.a”"), w, (const char *) l->data);
              g_hash_table_insert (t->suffixes, g_strdup (l->data), g_strdup (suffix));
            }
        }
    }
  return TRUE;
}

/* "item_scope" of list consequences: the items a listing reaches (the MEU
 * List reaches Supp. No. 2 to part 744 items, or any item for Russia and
 * Belarus entries). */
gboolean
_clr_pack_load_list_scopes (ClrRulePack *self,
                            GError     **error)
{
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");
  g_autoptr(GList) codes = consequences != NULL ? json_object_get_members (consequences) : NULL;

  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (consequences, l->data);
      JsonObject *oos = c != NULL ? clr_json_get_object (c, "out_of_scope") : NULL;
      g_autofree char *where = g_strdup_printf ("list_consequences.%s.item_scope", (const char *) l->data);
      ClrExpr *expr;

      if (c == NULL || !json_object_has_member (c, "item_scope"))
        continue;
      if (oos == NULL || clr_json_get_string (oos, "explanation") == NULL ||
          (g_strcmp0 (clr_json_get_string (oos, "outcome"), "clear") != 0 && g_strcmp0 (clr_json_get_string (oos, "outcome"), "review") != 0))
        return invalid (error, _("list_consequences.%s: “item_scope” needs “out_of_scope” with an outcome (clear or review) and an explanation"),
                        (const char *) l->data);
      expr = clr_expr_compile (json_object_get_member (c, "item_scope"), self, where, error);
      if (expr == NULL)
        return FALSE;
      g_hash_table_insert (self->list_scopes, g_strdup (l->data), expr);
    }
  return TRUE;
}
