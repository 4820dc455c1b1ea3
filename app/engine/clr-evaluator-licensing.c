/* clr-evaluator-licensing.c — items and licensing: Country Chart reasons, policy overrides and license exceptions
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the determination (clr-evaluator.c); nothing regulatory is decided
 * here, it all comes from the rule pack.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-evaluator-private.h"

/* ---- Country Chart derivation -------------------------------------------- */

static ClrTri
any_pattern (const char *eccn,
             JsonArray  *patterns)
{
  ClrTri result = CLR_TRI_FALSE;

  for (guint i = 0; patterns != NULL && i < json_array_get_length (patterns); i++)
    {
      const char *p = clr_json_array_get_string (patterns, i);
      ClrTri t = p != NULL ? clr_eccn_match (eccn, p) : CLR_TRI_FALSE;

      if (t == CLR_TRI_TRUE)
        return CLR_TRI_TRUE;
      if (t == CLR_TRI_UNKNOWN)
        result = CLR_TRI_UNKNOWN;
    }
  return result;
}

/* Does a control (its "applies_to") cover the item's paragraph? */
static ClrTri
control_applies (const char *eccn,
                 JsonObject *applies)
{
  JsonArray *paragraphs = json_object_get_array_member (applies, "paragraphs");
  JsonArray *except = json_object_get_array_member (applies, "except");
  JsonArray *except_conditional = json_object_has_member (applies, "except_conditional") ?
                                  json_object_get_array_member (applies, "except_conditional") : NULL;
  gboolean all = json_object_get_boolean_member_with_default (applies, "all", FALSE);
  gboolean conditional = json_object_get_boolean_member_with_default (applies, "conditional", FALSE);
  ClrTri in = all ? CLR_TRI_TRUE : any_pattern (eccn, paragraphs);
  ClrTri out = any_pattern (eccn, except);
  ClrTri out_if = any_pattern (eccn, except_conditional);

  /* The entry read whole: a paragraph the line excludes outright is not
   * reached ("entire entry except .y"); one it excludes only under a
   * condition ("… .x if for use in .b") is uncertain. */
  if (in == CLR_TRI_FALSE)
    return CLR_TRI_FALSE;
  if (out == CLR_TRI_TRUE && (!conditional || except_conditional != NULL))
    return CLR_TRI_FALSE;
  if (in == CLR_TRI_UNKNOWN || out != CLR_TRI_FALSE || out_if != CLR_TRI_FALSE || conditional)
    return CLR_TRI_UNKNOWN;
  return CLR_TRI_TRUE;
}

static gboolean
places_contain (Eval       *ev,
                JsonArray  *places,
                const char *code)
{
  for (guint i = 0; places != NULL && i < json_array_get_length (places); i++)
    {
      const char *v = clr_json_array_get_string (places, i);

      if (v == NULL)
        continue;
      if (strchr (v, ':') != NULL || strlen (v) == 1 ? _clr_rule_pack_country_in_group_noted (ev->pack, code, v, ev->env.date,
                                                                                           ev->env.table_notes)
                                  : strcmp (v, code) == 0)
        return TRUE;
    }
  return FALSE;
}

void
_clr_eval_country_chart (Eval    *ev,
                         ClrRule *rule)
{
  const char *dest = ev->env.destination;
  GHashTable *row = _clr_rule_pack_get_chart_row (ev->pack, dest);
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean any = FALSE;

  if (ev->env.exported_from != NULL &&
      g_strcmp0 (_clr_rule_pack_effective_country (ev->pack, ev->env.exported_from), dest) == 0)
    {
      _clr_eval_trace_rule (ev, rule->id, "not_fired",
                  "the destination is the country of export: no Country Chart reasons (not an export)");
      return;
    }
  if (_clr_rule_pack_is_chart_embargoed (ev->pack, dest))
    {
      _clr_eval_trace_rule (ev, rule->id, "not_fired",
                  "the destination's Country Chart row points to part 746 (embargo rules decide it)");
      return;
    }

  for (guint i = 0; i < json_array_get_length (ev->items); i++)
    {
      JsonObject *item = clr_json_array_get_object (ev->items, i);
      const char *eccn = clr_json_get_string (item, "eccn");
      JsonObject *entry = _clr_rule_pack_get_ccl_entry (ev->pack, eccn);
      JsonArray *controls;
      g_autoptr(GPtrArray) required = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) uncertain = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);

      if (g_strcmp0 (eccn, "EAR99") == 0 || entry == NULL)
        {
          g_string_append_printf (detail, "items[%u] %s: not on the CCL, no chart reasons; ", i, eccn);
          continue;
        }
      controls = json_object_get_array_member (entry, "controls");
      if (controls == NULL || json_array_get_length (controls) == 0)
        {
          Finding *f = _clr_eval_finding_new (rule, "review");
          g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);

          _clr_eval_array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("ECCN %s has no License Requirements table in the rule pack (heading: %s). "
                                              "Check the entry in the CCL before relying on this result."),
                                            eccn, clr_json_get_string (entry, "title"));
          g_ptr_array_add (f->ask, g_strdup_printf ("items[%u].eccn", i));
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
          g_string_append_printf (detail, "items[%u] %s: no License Requirements table; ", i, eccn);
          continue;
        }
      if (row == NULL)
        {
          Finding *f = _clr_eval_finding_new (rule, "review");

          _clr_eval_array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("%s has no row in the Commerce Country Chart: the license requirement "
                                              "is indeterminate, not unrestricted. Check 15 CFR 738.3(b)."),
                                            _clr_rule_pack_country_name (ev->pack, dest));
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
          continue;
        }

      for (guint c = 0; c < json_array_get_length (controls); c++)
        {
          JsonObject *control = clr_json_array_get_object (controls, c);
          JsonObject *scope = control != NULL ? json_object_get_object_member (control, "scope") : NULL;
          const char *kind = clr_json_get_string (scope, "kind");
          const char *reason = clr_json_get_string (control, "reason") ?: "?";
          ClrTri applies;
          ClrTri in_scope = CLR_TRI_FALSE;
          g_autofree char *label = NULL;

          if (control == NULL || scope == NULL)
            continue;
          if (json_object_get_boolean_member_with_default (control, "handled_by_rules", FALSE))
            {
              g_string_append_printf (detail, "items[%u] %s %s: decided by the advanced-computing rules; ", i, eccn, reason);
              continue;
            }
          applies = control_applies (eccn, json_object_get_object_member (control, "applies_to"));
          if (applies == CLR_TRI_FALSE)
            continue;

          if (g_strcmp0 (kind, "column") == 0)
            {
              const char *column = clr_json_get_string (scope, "column");

              in_scope = _clr_rule_pack_chart_marked (ev->pack, dest, column, ev->env.date, ev->env.table_notes)
                         ? CLR_TRI_TRUE : CLR_TRI_FALSE;
              label = g_strdup_printf (_("%s (X for %s)"), column, _clr_rule_pack_country_name (ev->pack, dest));
              g_string_append_printf (detail, "items[%u] %s %s: %s %s; ", i, eccn, column,
                                      in_scope ? "X" : "no X", applies == CLR_TRI_TRUE ? "" : "(paragraph/condition uncertain)");
            }
          else if (g_strcmp0 (kind, "worldwide") == 0 || g_strcmp0 (kind, "destinations") == 0)
            {
              gboolean hit = g_strcmp0 (kind, "worldwide") == 0 ? TRUE
                             : places_contain (ev, json_object_get_array_member (scope, "in"), dest);

              if (places_contain (ev, json_object_has_member (scope, "except_in") ?
                                  json_object_get_array_member (scope, "except_in") : NULL, dest))
                hit = FALSE;
              in_scope = hit ? CLR_TRI_TRUE : CLR_TRI_FALSE;
              label = g_strdup_printf (_("%s: %s"), reason, clr_json_get_string (scope, "text") ?: kind);
              if (hit && applies == CLR_TRI_TRUE && clr_json_get_string (scope, "citation") != NULL)
                _clr_eval_strings_add_unique (citations, clr_json_get_string (scope, "citation"));
              g_string_append_printf (detail, "items[%u] %s %s worded scope: %s; ", i, eccn, reason, hit ? "covers" : "does not cover");
            }
          else
            {
              g_string_append_printf (detail, "items[%u] %s %s: refers elsewhere (%s); ", i, eccn, reason,
                                      clr_json_get_string (scope, "text") ?: "");
              continue;
            }

          if (in_scope != CLR_TRI_TRUE)
            continue;
          if (applies == CLR_TRI_TRUE)
            {
              _clr_eval_strings_add_unique (required, label);
              _clr_eval_strings_add_unique (reasons, reason);
            }
          else
            {
              g_autofree char *u = g_strdup_printf (_("%s — applies only to: %s"), label,
                                                    clr_json_get_string (json_object_get_object_member (control, "applies_to"), "text"));
              _clr_eval_strings_add_unique (uncertain, u);
            }
        }

      if (required->len > 0)
        {
          Finding *f = _clr_eval_finding_new (rule, rule->outcome);
          g_autoptr(GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          JsonObject *flags = json_object_get_object_member (entry, "license_exceptions");
          g_autoptr(GPtrArray) flag_texts = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GList) codes = flags != NULL ? json_object_get_members (flags) : NULL;

          for (GList *l = codes; l != NULL; l = l->next)
            g_ptr_array_add (flag_texts, g_strdup_printf ("%s %s", (const char *) l->data, clr_json_get_string (flags, l->data) ?: ""));
          _clr_eval_array_add_unique (f->items, i);
          for (guint r = 0; r < reasons->len; r++)
            g_ptr_array_add (f->reasons, g_strdup (g_ptr_array_index (reasons, r)));
          g_hash_table_insert (extra, (gpointer) "chart_reasons", _clr_eval_join_strings (required, "; "));
          g_hash_table_insert (extra, (gpointer) "chart_exceptions",
                               flag_texts->len > 0 ? _clr_eval_join_strings (flag_texts, "; ") : g_strdup (_("none listed")));
          f->explanation = _clr_eval_expand (ev, rule->explanation, f, extra);
          g_free (f->citation);
          if (citations->len > 0)
            {
              /* a line that names its destinations cites its own paragraph (742.6(a)(7) …) */
              g_autofree char *cites = _clr_eval_join_strings (citations, "; ");

              f->citation = g_strdup_printf ("%s; ECCN %.5s; %s", rule->citation, eccn, cites);
            }
          else
            f->citation = g_strdup_printf ("%s; ECCN %.5s", rule->citation, eccn);
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
        }
      if (uncertain->len > 0)
        {
          Finding *f = _clr_eval_finding_new (rule, "review");
          g_autofree char *list = _clr_eval_join_strings (uncertain, "; ");

          _clr_eval_array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("ECCN %s to %s: these controls apply only to some paragraphs or uses of the "
                                              "entry — %s. State the item's full paragraph (e.g. %s.b.2) and use, or "
                                              "treat them as requiring a license."),
                                            eccn, _clr_rule_pack_country_name (ev->pack, dest), list, eccn);
          g_free (f->citation);
          f->citation = g_strdup_printf ("%s; ECCN %.5s", rule->citation, eccn);
          g_ptr_array_add (f->ask, g_strdup_printf ("items[%u].eccn", i));
          g_clear_pointer (&f->license_policy, g_free);
          f->license_policy = g_strdup ("");
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
        }
    }
  _clr_eval_trace_rule (ev, rule->id, any ? "fired" : "not_fired", detail->str);
}

/* ---- overrides and exceptions ------------------------------------------- */

static ClrTri
eval_for_items (Eval    *ev,
                ClrExpr *expr,
                GArray  *items,
                GPtrArray *missing)
{
  ClrTri result = CLR_TRI_TRUE;
  guint n = items->len > 0 ? items->len : 1;

  for (guint k = 0; k < n; k++)
    {
      ClrTri t;

      ev->env.item_index = items->len > 0 ? g_array_index (items, int, k) : 0;
      ev->env.item = clr_json_array_get_object (ev->items, ev->env.item_index);
      ev->env.party = NULL;
      ev->env.party_index = -1;
      t = clr_expr_eval (expr, &ev->env, missing, NULL);
      if (t == CLR_TRI_FALSE)
        result = CLR_TRI_FALSE;
      else if (t == CLR_TRI_UNKNOWN && result == CLR_TRI_TRUE)
        result = CLR_TRI_UNKNOWN;
    }
  ev->env.item = NULL;
  return result;
}

void
_clr_eval_apply_overrides (Eval *ev)
{
  GPtrArray *overrides = _clr_rule_pack_get_overrides (ev->pack);

  for (guint o = 0; o < overrides->len; o++)
    {
      ClrPolicyOverride *po = g_ptr_array_index (overrides, o);
      gboolean any = FALSE;

      if (!clr_date_in_range (ev->env.date, po->from, po->until))
        {
          _clr_eval_trace_rule (ev, po->id, "not_in_force", "policy override not in force on the as-of date");
          continue;
        }
      for (guint i = 0; i < ev->findings->len; i++)
        {
          Finding *f = g_ptr_array_index (ev->findings, i);
          g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
          ClrTri t;

          if (!g_strv_contains ((const char * const *) po->applies_to, f->rule->id) ||
              g_strcmp0 (f->outcome, "license_required") != 0)
            continue;
          t = eval_for_items (ev, po->condition, f->items, missing);
          if (t == CLR_TRI_TRUE)
            {
              g_autofree char *cite = g_strdup_printf ("%s; %s", f->citation, po->citation);

              g_free (f->license_policy);
              f->license_policy = g_strdup (po->license_policy);
              g_free (f->citation);
              f->citation = g_steal_pointer (&cite);
              any = TRUE;
            }
          else if (t == CLR_TRI_UNKNOWN && po->unknown_policy != NULL)
            {
              g_free (f->license_policy);
              f->license_policy = g_strdup (po->unknown_policy);
              for (guint m = 0; m < missing->len; m++)
                _clr_eval_strings_add_unique (f->ask, g_ptr_array_index (missing, m));
              any = TRUE;
            }
        }
      _clr_eval_trace_rule (ev, po->id, any ? "fired" : "not_fired", "license review policy override");
    }
}

static void
add_exception_out (Eval                *ev,
                   ClrLicenseException *e)
{
  JsonObject *o;
  JsonArray *conditions;

  for (guint i = 0; i < json_array_get_length (ev->exceptions_out); i++)
    if (g_strcmp0 (clr_json_get_string (clr_json_array_get_object (ev->exceptions_out, i), "code"), e->code) == 0)
      return;
  o = json_object_new ();
  json_object_set_string_member (o, "code", e->code);
  json_object_set_string_member (o, "title", e->title);
  json_object_set_string_member (o, "citation", e->citation);
  conditions = json_array_new ();
  for (guint c = 0; e->conditions[c] != NULL; c++)
    json_array_add_string_element (conditions, e->conditions[c]);
  json_object_set_array_member (o, "conditions", conditions);
  json_array_add_object_element (ev->exceptions_out, o);
}

void
_clr_eval_apply_exceptions (Eval *ev)
{
  GPtrArray *exceptions = _clr_rule_pack_get_exceptions (ev->pack);
  Finding *blocker = NULL;

  for (guint i = 0; i < ev->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev->findings, i);

      if (f->blocks_exceptions && g_strcmp0 (f->outcome, "review") != 0)
        blocker = f;
      else if (f->blocks_exceptions && f->list != NULL)
        blocker = f;  /* e.g. UVL: exceptions suspended even though the outcome is review */
    }

  for (guint i = 0; i < ev->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev->findings, i);
      g_autoptr(GPtrArray) unknown_missing = g_ptr_array_new_with_free_func (g_free);
      ClrLicenseException *unknown_exception = NULL;
      gboolean covered = FALSE;

      if (g_strcmp0 (f->outcome, "license_required") != 0 || f->rule->exceptions == NULL ||
          f->rule->exceptions[0] == NULL)
        continue;
      if (blocker != NULL)
        {
          f->exception_note = g_strdup_printf (_("License exceptions are not available: %s (%s)."),
                                               blocker->title, blocker->citation);
          continue;
        }
      for (guint c = 0; !covered && f->rule->exceptions[c] != NULL; c++)
        for (guint e = 0; !covered && e < exceptions->len; e++)
          {
            ClrLicenseException *ex = g_ptr_array_index (exceptions, e);
            g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
            ClrTri t;

            if (g_strcmp0 (ex->code, f->rule->exceptions[c]) != 0 ||
                !clr_date_in_range (ev->env.date, ex->from, ex->until))
              continue;
            ev->env.chart_reasons = f->reasons;
            t = eval_for_items (ev, ex->condition, f->items, missing);
            ev->env.chart_reasons = NULL;
            if (t == CLR_TRI_TRUE)
              {
                covered = TRUE;
                g_free (f->outcome);
                f->outcome = g_strdup ("license_exception");
                f->license_exception = g_strdup (ex->code);
                f->exception_note = g_strdup_printf (_("Covered by License Exception %s (%s) if its conditions are met."),
                                                     ex->code, ex->citation);
                add_exception_out (ev, ex);
              }
            else if (t == CLR_TRI_UNKNOWN && unknown_exception == NULL)
              {
                unknown_exception = ex;
                for (guint m = 0; m < missing->len; m++)
                  _clr_eval_strings_add_unique (unknown_missing, g_ptr_array_index (missing, m));
              }
          }
      if (!covered && unknown_exception != NULL)
        {
          g_autofree char *facts = _clr_eval_join_strings (unknown_missing, ", ");

          g_free (f->outcome);
          f->outcome = g_strdup ("review");
          f->exception_note = g_strdup_printf (_("License Exception %s (%s) may cover this requirement; "
                                                 "to decide, state: %s. Otherwise a license is required."),
                                               unknown_exception->code, unknown_exception->citation, facts);
          for (guint m = 0; m < unknown_missing->len; m++)
            _clr_eval_strings_add_unique (f->ask, g_ptr_array_index (unknown_missing, m));
        }
    }
}
