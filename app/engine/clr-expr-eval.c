/* clr-expr-eval.c — evaluating a compiled rule condition, three-valued
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clr-expr.c compiles and validates a condition against the pack; this file
 * evaluates it against a shipment (ClrExprEnv), collecting the facts that
 * made it unknown and, when asked, a one-line trace.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-expr-private.h"

/* ---- evaluation -------------------------------------------------------- */


static void
add_missing (GPtrArray  *missing,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_missing (GPtrArray  *missing,
             const char *format,
             ...)
{
  g_autofree char *fact = NULL;
  va_list args;

  if (missing == NULL)
    return;
  va_start (args, format);
  fact = g_strdup_vprintf (format, args);
  va_end (args);
  for (guint i = 0; i < missing->len; i++)
    if (strcmp (g_ptr_array_index (missing, i), fact) == 0)
      return;
  g_ptr_array_add (missing, g_steal_pointer (&fact));
}

static const char *
tri_word (ClrTri t)
{
  return t == CLR_TRI_TRUE ? "yes" : t == CLR_TRI_FALSE ? "no" : "unknown";
}

/* Moves the notes of @from to @to, skipping those @to already has. */
static void
notes_move (GPtrArray *to,
            GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      const char *note = g_ptr_array_index (from, i);
      gboolean seen = FALSE;

      for (guint k = 0; k < to->len && !seen; k++)
        seen = strcmp (g_ptr_array_index (to, k), note) == 0;
      if (!seen)
        g_ptr_array_add (to, g_strdup (note));
    }
  g_ptr_array_set_size (from, 0);
}

static gboolean
place_matches (ClrExprEnv *env,
               GPtrArray  *values,
               const char *code)
{
  const char *effective = _clr_rule_pack_effective_country (env->pack, code);

  for (guint i = 0; i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      if (strchr (v, ':') != NULL || strlen (v) == 1)
        {
          if (_clr_rule_pack_country_in_group_noted (env->pack, effective, v, env->date, env->table_notes))
            return TRUE;
        }
      else if (g_ascii_strcasecmp (v, code) == 0 || g_ascii_strcasecmp (v, effective) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether the country @code (as entered; NULL: not given) is one of @values. */
static ClrTri
country_in (ClrExprEnv *env,
            GPtrArray  *values,
            const char *code)
{
  if (code == NULL)
    return CLR_TRI_UNKNOWN;
  return place_matches (env, values, clr_rule_pack_lookup_country (env->pack, code) ?: code) ? CLR_TRI_TRUE
                                                                                              : CLR_TRI_FALSE;
}

static void
trace_set (GString    *trace,
           GPtrArray  *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (trace, ',');
      g_string_append (trace, g_ptr_array_index (values, i));
    }
}

static gboolean
compare (double  a,
         ClrCmp  cmp,
         double  b)
{
  switch (cmp)
    {
    case CMP_LT: return a < b;
    case CMP_LE: return a <= b;
    case CMP_GT: return a > b;
    case CMP_GE: return a >= b;
    case CMP_EQ: return a == b;
    case CMP_NE: return a != b;
    default: return FALSE;
    }
}

static gboolean
get_number (JsonObject *object,
            const char *name,
            double     *out)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  const char *text = clr_json_get_string (object, name);

  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
squash (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

/* Does any counted hit of @party_index (subject "party" or "ultimate_parent")
 * come from one of @lists? */
static ClrTri
screening_listed (ClrExprEnv *env,
                  const char *subject,
                  GPtrArray  *lists,
                  GPtrArray  *missing)
{
  if (env->screening == NULL)
    {
      add_missing (missing, "screening (no lists loaded)");
      return CLR_TRI_UNKNOWN;
    }

  for (guint i = 0; i < json_array_get_length (env->screening); i++)
    {
      JsonObject *s = clr_json_array_get_object (env->screening, i);
      JsonArray *hits;

      if (json_object_get_int_member_with_default (s, "party", -1) != env->party_index ||
          g_strcmp0 (json_object_get_string_member_with_default (s, "subject", "party"), subject) != 0 ||
          !json_object_has_member (s, "hits"))
        continue;
      hits = json_object_get_array_member (s, "hits");
      for (guint h = 0; h < json_array_get_length (hits); h++)
        {
          JsonObject *hit = clr_json_array_get_object (hits, h);
          const char *code = clr_hit_list_code (hit);

          if (g_strcmp0 (json_object_get_string_member_with_default (hit, "decision", "open"), "no_match") == 0)
            continue;
          for (guint l = 0; code != NULL && l < lists->len; l++)
            if (g_ascii_strcasecmp (code, g_ptr_array_index (lists, l)) == 0)
              return CLR_TRI_TRUE;
        }
    }
  return CLR_TRI_FALSE;
}

static ClrTri eval (ClrExpr *expr, ClrExprEnv *env, GPtrArray *missing, GString *trace);

static ClrTri
eval_quantifier (ClrExpr    *expr,
                 ClrExprEnv *env,
                 GPtrArray  *missing,
                 GString    *trace)
{
  JsonArray *parties = json_object_get_array_member (env->shipment, "parties");
  JsonObject *saved_party = env->party;
  int saved_index = env->party_index;
  gboolean is_any = expr->op == OP_ANY_PARTY;
  ClrTri result = is_any ? CLR_TRI_FALSE : CLR_TRI_TRUE;

  if (trace != NULL)
    g_string_append (trace, is_any ? "any_party(" : "all_parties(");
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      ClrTri t;

      env->party = clr_json_array_get_object (parties, i);
      env->party_index = i;
      if (trace != NULL)
        g_string_append_printf (trace, "%s[%u] ", i > 0 ? "; " : "", i);
      t = eval (g_ptr_array_index (expr->children, 0), env, missing, trace);
      if (is_any && t == CLR_TRI_TRUE)
        result = CLR_TRI_TRUE;
      else if (!is_any && t == CLR_TRI_FALSE)
        result = CLR_TRI_FALSE;
      else if (t == CLR_TRI_UNKNOWN && result != (is_any ? CLR_TRI_TRUE : CLR_TRI_FALSE))
        result = CLR_TRI_UNKNOWN;
    }
  env->party = saved_party;
  env->party_index = saved_index;
  if (trace != NULL)
    g_string_append_printf (trace, "): %s", tri_word (result));
  return result;
}

static ClrTri
eval (ClrExpr    *expr,
      ClrExprEnv *env,
      GPtrArray  *missing,
      GString    *trace)
{
  ClrTri result = CLR_TRI_FALSE;

  switch (expr->op)
    {
    case OP_ALL:
    case OP_ANY:
      {
        gboolean is_all = expr->op == OP_ALL;
        ClrTri decisive = is_all ? CLR_TRI_FALSE : CLR_TRI_TRUE;
        GPtrArray *outer = env->table_notes;
        g_autoptr(GPtrArray) deciding = outer != NULL ? g_ptr_array_new_with_free_func (g_free) : NULL;
        g_autoptr(GPtrArray) others = outer != NULL ? g_ptr_array_new_with_free_func (g_free) : NULL;
        gboolean decided_plainly = FALSE;

        result = is_all ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append (trace, is_all ? "all(" : "any(");
        for (guint i = 0; i < expr->children->len; i++)
          {
            g_autoptr(GPtrArray) child_notes = outer != NULL ? g_ptr_array_new_with_free_func (g_free) : NULL;
            ClrTri t;

            if (trace != NULL && i > 0)
              g_string_append (trace, "; ");
            env->table_notes = child_notes;
            t = eval (g_ptr_array_index (expr->children, i), env, missing, trace);
            env->table_notes = outer;
            if (child_notes != NULL && t == decisive && child_notes->len == 0)
              decided_plainly = TRUE;
            if (child_notes != NULL)
              notes_move (t == decisive ? deciding : others, child_notes);
            if (is_all && t == CLR_TRI_FALSE)
              result = CLR_TRI_FALSE;
            else if (!is_all && t == CLR_TRI_TRUE)
              result = CLR_TRI_TRUE;
            else if (t == CLR_TRI_UNKNOWN && result == (is_all ? CLR_TRI_TRUE : CLR_TRI_FALSE))
              result = CLR_TRI_UNKNOWN;
          }
        /* the dated table data that decided: when a child decided (a false
         * member of "all"), only the deciding children's — and none when one
         * of them decided without dated data; else all */
        if (outer != NULL)
          {
            if (result != decisive || !decided_plainly)
              notes_move (outer, deciding);
            if (result != decisive)
              notes_move (outer, others);
          }
        if (trace != NULL)
          g_string_append (trace, ")");
        return result;
      }

    case OP_NOT:
      if (trace != NULL)
        g_string_append (trace, "not(");
      result = eval (g_ptr_array_index (expr->children, 0), env, missing, trace);
      if (result != CLR_TRI_UNKNOWN)
        result = result == CLR_TRI_TRUE ? CLR_TRI_FALSE : CLR_TRI_TRUE;
      if (trace != NULL)
        g_string_append (trace, ")");
      return result;

    case OP_ANY_PARTY:
    case OP_ALL_PARTIES:
      return eval_quantifier (expr, env, missing, trace);

    case OP_ECCN:
      {
        const char *eccn = get_string (env->item, "eccn");

        for (guint i = 0; i < expr->values->len; i++)
          {
            ClrTri t = clr_eccn_match (eccn, g_ptr_array_index (expr->values, i));

            if (t == CLR_TRI_TRUE)
              {
                result = CLR_TRI_TRUE;
                break;
              }
            if (t == CLR_TRI_UNKNOWN)
              result = CLR_TRI_UNKNOWN;
          }
        if (result == CLR_TRI_UNKNOWN)
          add_missing (missing, "items[%d].eccn (the paragraph of %s)", env->item_index, eccn ? eccn : "?");
        if (trace != NULL)
          {
            g_string_append_printf (trace, "eccn %s in {", eccn ? eccn : "?");
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_HAS:
      result = json_object_has_member (env->item, expr->name) &&
               !JSON_NODE_HOLDS_NULL (json_object_get_member (env->item, expr->name)) &&
               g_strcmp0 (get_string (env->item, expr->name), "") != 0 ? CLR_TRI_TRUE : CLR_TRI_FALSE;
      if (trace != NULL)
        g_string_append_printf (trace, "has %s: %s", expr->name, tri_word (result));
      return result;

    case OP_PARAM:
      {
        double v;

        if (!get_number (env->item, expr->name, &v))
          {
            add_missing (missing, "items[%d].%s", env->item_index, expr->name);
            result = CLR_TRI_UNKNOWN;
            if (trace != NULL)
              g_string_append_printf (trace, "%s %s %g: unknown (not stated)", expr->name, _clr_expr_cmp_text (expr->cmp), expr->number);
            return result;
          }
        result = compare (v, expr->cmp, expr->number) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append_printf (trace, "%s %g %s %g: %s", expr->name, v, _clr_expr_cmp_text (expr->cmp), expr->number, tri_word (result));
        return result;
      }

    case OP_FLAG:
      {
        JsonNode *node = json_object_get_member (env->item, expr->name);

        if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
          {
            add_missing (missing, "items[%d].%s", env->item_index, expr->name);
            result = CLR_TRI_UNKNOWN;
          }
        else
          result = json_node_get_boolean (node) == expr->flag ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append_printf (trace, "%s is %s: %s", expr->name, expr->flag ? "true" : "false", tri_word (result));
        return result;
      }

    case OP_ITEM_MATCHES:
      {
        JsonObject *list = _clr_rule_pack_get_item_list (env->pack, expr->name);
        JsonArray *match = json_object_get_array_member (list, "match");
        g_autofree char *hay = NULL;
        g_autofree char *model = squash (get_string (env->item, "model"));
        g_autofree char *desc = squash (get_string (env->item, "description"));

        hay = g_strconcat (model, " ", desc, NULL);
        for (guint i = 0; i < json_array_get_length (match); i++)
          {
            g_autofree char *needle = squash (clr_json_array_get_string (match, i));

            if (needle[0] != '\0' && strstr (hay, needle) != NULL)
              {
                result = CLR_TRI_TRUE;
                break;
              }
          }
        if (trace != NULL)
          g_string_append_printf (trace, "item named in %s: %s", expr->name, tri_word (result));
        return result;
      }

    case OP_DESTINATION:
      result = place_matches (env, expr->values, env->destination) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
      if (trace != NULL)
        {
          g_string_append_printf (trace, "destination %s in {", env->destination);
          trace_set (trace, expr->values);
          g_string_append_printf (trace, "}: %s", tri_word (result));
        }
      return result;

    case OP_EXPORTED_FROM:
      if (env->exported_from == NULL)
        {
          add_missing (missing, "exported_from");
          result = CLR_TRI_UNKNOWN;
        }
      else
        result = place_matches (env, expr->values, env->exported_from) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
      if (trace != NULL)
        g_string_append_printf (trace, "exported from %s: %s", env->exported_from ? env->exported_from : "?", tri_word (result));
      return result;

    case OP_END_USE:
      {
        JsonObject *end_use = json_object_has_member (env->shipment, "end_use") ?
                              json_object_get_object_member (env->shipment, "end_use") : NULL;

        /* End-use controls turn on knowledge. A category the pack asks as a
         * question is answered yes / no / not known (end_use.answers); an
         * unanswered one is a missing fact, "not known" leaves it unknown
         * too. Other categories not stated are not known of: false. */
        for (guint j = 0; j < expr->values->len && result != CLR_TRI_TRUE; j++)
          {
            const char *id = g_ptr_array_index (expr->values, j);
            ClrEndUseAnswer a = _clr_rule_pack_end_use_answer (env->pack, end_use, id);

            if (a == CLR_END_USE_YES)
              result = CLR_TRI_TRUE;
            else if (a == CLR_END_USE_NOT_KNOWN || a == CLR_END_USE_NOT_ANSWERED)
              {
                /* the answer (not known, or none) is read again where the ask is worded */
                result = CLR_TRI_UNKNOWN;
                add_missing (missing, "end_use.%s", id);
              }
          }
        if (trace != NULL)
          {
            g_string_append (trace, "end use in {");
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_RED_FLAG:
      {
        JsonArray *flags = json_object_has_member (env->shipment, "red_flags") ?
                           json_object_get_array_member (env->shipment, "red_flags") : NULL;

        for (guint i = 0; flags != NULL && i < json_array_get_length (flags); i++)
          {
            if (expr->wildcard)
              result = CLR_TRI_TRUE;
            else
              for (guint j = 0; j < expr->values->len; j++)
                if (g_strcmp0 (clr_json_array_get_string (flags, i), g_ptr_array_index (expr->values, j)) == 0)
                  result = CLR_TRI_TRUE;
          }
        if (trace != NULL)
          g_string_append_printf (trace, "red flag declared: %s", tri_word (result));
        return result;
      }

    case OP_DATE:
      {
        int c = strcmp (env->date, expr->text);

        result = compare (c, expr->cmp, 0) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append_printf (trace, "date %s %s %s: %s", env->date, _clr_expr_cmp_text (expr->cmp), expr->text, tri_word (result));
        return result;
      }

    case OP_POSTURE:
      result = (int) env->posture == (int) expr->number ? CLR_TRI_TRUE : CLR_TRI_FALSE;
      if (trace != NULL)
        g_string_append_printf (trace, "posture %s: %s", expr->name, tri_word (result));
      return result;

    case OP_PARTY_ROLE:
      result = CLR_TRI_FALSE;
      for (guint i = 0; i < expr->values->len; i++)
        if (g_strcmp0 (get_string (env->party, "role"), g_ptr_array_index (expr->values, i)) == 0)
          result = CLR_TRI_TRUE;
      if (trace != NULL)
        g_string_append_printf (trace, "party role %s: %s", get_string (env->party, "role"), tri_word (result));
      return result;

    case OP_PARTY_COUNTRY:
      {
        const char *country = get_string (env->party, "country");

        result = country_in (env, expr->values, country);
        if (country == NULL)
          add_missing (missing, "parties[%d].country", env->party_index);
        if (trace != NULL)
          g_string_append_printf (trace, "party located in %s: %s", country ? country : "?", tri_word (result));
        return result;
      }

    case OP_PARTY_HEADQUARTERS:
      {
        const char *hq = get_string (env->party, "headquarters_country");
        JsonObject *parent = json_object_has_member (env->party, "ultimate_parent") ?
                             json_object_get_object_member (env->party, "ultimate_parent") : NULL;
        const char *parent_hq = get_string (parent, "headquarters_country");
        ClrTri own = country_in (env, expr->values, hq);
        ClrTri up = parent == NULL ? CLR_TRI_FALSE : country_in (env, expr->values, parent_hq);

        if (hq == NULL)
          add_missing (missing, "parties[%d].headquarters_country", env->party_index);
        if (parent != NULL && parent_hq == NULL)
          add_missing (missing, "parties[%d].ultimate_parent.headquarters_country", env->party_index);

        if (own == CLR_TRI_TRUE || up == CLR_TRI_TRUE)
          result = CLR_TRI_TRUE;
        else if (own == CLR_TRI_FALSE && up == CLR_TRI_FALSE)
          result = CLR_TRI_FALSE;
        else
          result = CLR_TRI_UNKNOWN;
        if (trace != NULL)
          {
            g_string_append_printf (trace, "party[%d] or parent headquartered (%s/%s) in {", env->party_index,
                                    hq ? hq : "?", parent == NULL ? "none" : parent_hq ? parent_hq : "?");
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_PARTY_LISTED:
    case OP_PARENT_LISTED:
      {
        gboolean parent = expr->op == OP_PARENT_LISTED;

        if (parent && !json_object_has_member (env->party, "ultimate_parent"))
          result = CLR_TRI_FALSE;
        else
          result = screening_listed (env, parent ? "ultimate_parent" : "party", expr->values, missing);
        if (trace != NULL)
          {
            g_string_append_printf (trace, "%s[%d] listed on {", parent ? "parent of party" : "party", env->party_index);
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_PARENT_OWNERSHIP:
      {
        JsonObject *parent = json_object_has_member (env->party, "ultimate_parent") ?
                             json_object_get_object_member (env->party, "ultimate_parent") : NULL;
        double v;

        if (parent == NULL)
          result = CLR_TRI_FALSE;
        else if (!get_number (parent, "ownership_percent", &v))
          {
            add_missing (missing, "parties[%d].ultimate_parent.ownership_percent", env->party_index);
            result = CLR_TRI_UNKNOWN;
          }
        else
          result = compare (v, expr->cmp, expr->number) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append_printf (trace, "parent ownership %s %g: %s", _clr_expr_cmp_text (expr->cmp), expr->number, tri_word (result));
        return result;
      }


    case OP_MANUFACTURER_HQ:
      {
        const char *hq = get_string (env->item, "manufacturer_headquarters");

        result = country_in (env, expr->values, hq);
        if (hq == NULL)
          add_missing (missing, "items[%d].manufacturer_headquarters", env->item_index);
        if (trace != NULL)
          {
            g_string_append_printf (trace, "manufacturer headquartered (%s) in {", hq ? hq : "?");
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_CHART_REASON:
    case OP_CHART_REASONS_ONLY:
      {
        gboolean only = expr->op == OP_CHART_REASONS_ONLY;
        guint n = env->chart_reasons != NULL ? env->chart_reasons->len : 0;

        /* any: one of the finding's reasons is listed; only: all are (and there is one) */
        result = only && n > 0 ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        for (guint i = 0; i < n; i++)
          {
            gboolean listed = FALSE;

            for (guint j = 0; j < expr->values->len; j++)
              if (g_strcmp0 (g_ptr_array_index (env->chart_reasons, i), g_ptr_array_index (expr->values, j)) == 0)
                listed = TRUE;
            if (only && !listed)
              result = CLR_TRI_FALSE;
            else if (!only && listed)
              result = CLR_TRI_TRUE;
          }
        if (trace != NULL)
          {
            g_string_append_printf (trace, "chart reasons %s {", only ? "only" : "include one of");
            trace_set (trace, expr->values);
            g_string_append_printf (trace, "}: %s", tri_word (result));
          }
        return result;
      }

    case OP_CCL_EXCEPTION:
      {
        const char *eccn = get_string (env->item, "eccn");
        JsonObject *entry = eccn != NULL ? _clr_rule_pack_get_ccl_entry (env->pack, eccn) : NULL;
        JsonObject *terms = entry != NULL && json_object_has_member (entry, "exception_terms") ?
                            json_object_get_object_member (entry, "exception_terms") : NULL;
        JsonObject *line = terms != NULL && json_object_has_member (terms, expr->name) ?
                           json_object_get_object_member (terms, expr->name) : NULL;
        JsonArray *not_for = line != NULL && json_object_has_member (line, "not_for_reasons") ?
                             json_object_get_array_member (line, "not_for_reasons") : NULL;
        g_autofree char *detail = NULL;

        /* The entry's own line: "N/A" or a wording the pack could not read is
         * not eligibility; "N/A for MT" excludes the finding's MT reason. */
        result = line != NULL ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        for (guint i = 0; result == CLR_TRI_TRUE && not_for != NULL && i < json_array_get_length (not_for); i++)
          for (guint r = 0; env->chart_reasons != NULL && r < env->chart_reasons->len; r++)
            if (g_strcmp0 (clr_json_array_get_string (not_for, i), g_ptr_array_index (env->chart_reasons, r)) == 0)
              result = CLR_TRI_FALSE;
        /* The line's paragraph lists ("Yes for 6A008.b, .c, and l.1 only",
         * "N/A for 6A003.a.3 through a.6"): an ECCN stated less precisely
         * than the list needs is asked for. */
        if (result == CLR_TRI_TRUE)
          {
            JsonArray *only = json_object_has_member (line, "only_paragraphs") ?
                              json_object_get_array_member (line, "only_paragraphs") : NULL;
            JsonArray *excl = json_object_has_member (line, "not_for_paragraphs") ?
                              json_object_get_array_member (line, "not_for_paragraphs") : NULL;
            ClrTri in_only = only != NULL ? CLR_TRI_FALSE : CLR_TRI_TRUE;
            ClrTri in_excl = CLR_TRI_FALSE;

            for (guint i = 0; only != NULL && i < json_array_get_length (only); i++)
              {
                ClrTri t = clr_eccn_match (eccn, clr_json_array_get_string (only, i));

                if (t == CLR_TRI_TRUE || (t == CLR_TRI_UNKNOWN && in_only == CLR_TRI_FALSE))
                  in_only = t;
              }
            for (guint i = 0; excl != NULL && i < json_array_get_length (excl); i++)
              {
                ClrTri t = clr_eccn_match (eccn, clr_json_array_get_string (excl, i));

                if (t == CLR_TRI_TRUE || (t == CLR_TRI_UNKNOWN && in_excl == CLR_TRI_FALSE))
                  in_excl = t;
              }
            if (in_only == CLR_TRI_FALSE || in_excl == CLR_TRI_TRUE)
              result = CLR_TRI_FALSE;
            else if (in_only == CLR_TRI_UNKNOWN || in_excl == CLR_TRI_UNKNOWN)
              {
                result = CLR_TRI_UNKNOWN;
                add_missing (missing, "items[%d].eccn (the paragraph of %s)", env->item_index, eccn);
              }
          }
        if (result != CLR_TRI_FALSE && json_object_has_member (line, "value_limit"))
          {
            /* 740.3(d): net value of the commodities under the same ECCN in the same order */
            double limit = json_object_get_double_member (line, "value_limit");
            JsonArray *items = json_object_get_array_member (env->shipment, "items");
            g_autofree char *base = g_strndup (eccn, 5);
            double total = 0;

            for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
              {
                JsonObject *it = clr_json_array_get_object (items, i);
                const char *other = get_string (it, "eccn");
                const char *currency = get_string (it, "currency");
                double quantity, value;

                if (other == NULL || g_ascii_strncasecmp (other, base, 5) != 0 || strlen (other) < 5)
                  continue;
                if (!get_number (it, "unit_value", &value))
                  {
                    add_missing (missing, "items[%u].unit_value", i);
                    result = CLR_TRI_UNKNOWN;
                    continue;
                  }
                if (currency != NULL && g_ascii_strcasecmp (currency, "USD") != 0)
                  {
                    add_missing (missing, "items[%u].unit_value (in USD)", i);
                    result = CLR_TRI_UNKNOWN;
                    continue;
                  }
                if (!get_number (it, "quantity", &quantity))
                  {
                    add_missing (missing, "items[%u].quantity", i);
                    result = CLR_TRI_UNKNOWN;
                    continue;
                  }
                total += quantity * value;
              }
            if (total > limit)
              result = CLR_TRI_FALSE;
            detail = g_strdup_printf (" (value %g against the limit %g)", total, limit);
          }
        if (trace != NULL)
          g_string_append_printf (trace, "CCL %s line of %s allows it%s: %s", expr->name, eccn ? eccn : "?",
                                  detail ? detail : "", tri_word (result));
        return result;
      }

    default:
      g_assert_not_reached ();
    }
  return result;
}

ClrTri
clr_expr_eval (ClrExpr    *expr,
               ClrExprEnv *env,
               GPtrArray  *missing,
               GString    *trace)
{
  return eval (expr, env, missing, trace);
}
