/* clr-expr.c — the rule pack's declarative condition language
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-expr-private.h"
#include "clr-item-facts.h"
#include "clr-match-hit.h"
#include "clr-rule-pack-private.h"
#include "clr-shipment.h"


/* CCL exception lines the "ccl_exception" condition reads (exception_terms of a CCL entry). */
static const char * const ccl_exception_codes[] = { "LVS", "GBS", NULL };

void
clr_expr_free (ClrExpr *expr)
{
  if (expr == NULL)
    return;
  g_clear_pointer (&expr->children, g_ptr_array_unref);
  g_clear_pointer (&expr->values, g_ptr_array_unref);
  g_free (expr->name);
  g_free (expr->text);
  g_free (expr->source);
  g_free (expr);
}

static ClrExpr *
expr_new (ClrExprOp op)
{
  ClrExpr *expr = g_new0 (ClrExpr, 1);

  expr->op = op;
  return expr;
}

/* Condition errors name the rule (@where). */
#define fail(error, where, ...) clr_engine_fail_at ((error), CLR_ENGINE_ERROR_INVALID_PACK, (where), __VA_ARGS__)

static gboolean
parse_cmp (const char *text,
           ClrCmp     *cmp)
{
  static const struct { const char *text; ClrCmp cmp; } ops[] = {
    { "<", CMP_LT }, { "<=", CMP_LE }, { ">", CMP_GT }, { ">=", CMP_GE }, { "==", CMP_EQ }, { "!=", CMP_NE },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (ops); i++)
    if (strcmp (ops[i].text, text) == 0)
      {
        *cmp = ops[i].cmp;
        return TRUE;
      }
  return FALSE;
}

const char *
_clr_expr_cmp_text (ClrCmp cmp)
{
  switch (cmp)
    {
    case CMP_LT: return "<";
    case CMP_LE: return "<=";
    case CMP_GT: return ">";
    case CMP_GE: return ">=";
    case CMP_EQ: return "==";
    case CMP_NE: return "!=";
    default: return "?";
    }
}

static gboolean
in_strv (const char * const *strv,
         const char         *s)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
eccn_pattern_is_valid (ClrRulePack *pack,
                       const char  *pattern)
{
  g_auto(GStrv) parts = NULL;

  if (g_strcmp0 (pattern, "EAR99") == 0)
    return TRUE;
  if (!clr_eccn_syntax_ok (pattern, TRUE, TRUE))
    return FALSE;
  parts = g_strsplit (pattern, ".", 2);
  return _clr_rule_pack_get_ccl_entry (pack, parts[0]) != NULL;
}

/* Reads a set: an array of strings or one string. */
static GPtrArray *
read_set (JsonNode   *node,
          const char *where,
          const char *what,
          GError    **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (values, g_strdup (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            {
              fail (error, where, _("“%s” must list strings"), what);
              return NULL;
            }
          g_ptr_array_add (values, g_strdup (json_node_get_string (element)));
        }
    }
  else
    {
      fail (error, where, _("“%s” must be a string or an array of strings"), what);
      return NULL;
    }

  return g_steal_pointer (&values);
}

static gboolean
check_places (ClrRulePack *pack,
              GPtrArray   *values,
              const char  *where,
              const char  *what,
              GError     **error)
{
  for (guint i = 0; i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      if (strchr (v, ':') != NULL || strlen (v) == 1)   /* "D:5", or Country Group "B" */
        {
          if (!_clr_rule_pack_has_group (pack, v))
            return fail (error, where, _("“%s”: unknown country group “%s”"), what, v);
        }
      else if (_clr_rule_pack_country_name (pack, v) == NULL)
        return fail (error, where, _("“%s”: unknown country code “%s”"), what, v);
    }
  return TRUE;
}

static gboolean
get_comparison (JsonObject *object,
                const char *where,
                const char *key,
                ClrCmp     *cmp,
                JsonNode  **value,
                GError    **error)
{
  if (!json_object_has_member (object, "op") || !json_object_has_member (object, "value"))
    return fail (error, where, _("“%s” needs “op” and “value”"), key);
  if (!parse_cmp (json_object_get_string_member_with_default (object, "op", NULL), cmp))
    return fail (error, where, _("“%s”: unknown operator “%s”"), key,
                 json_object_get_string_member_with_default (object, "op", "?"));
  *value = json_object_get_member (object, "value");
  return TRUE;
}

static ClrExpr *compile (JsonNode *node, ClrRulePack *pack, const char *where, GError **error);

static ClrExpr *
compile_children (ClrExprOp    op,
                  JsonNode    *node,
                  ClrRulePack *pack,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(ClrExpr) expr = expr_new (op);

  expr->children = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_expr_free);
  if (op == OP_NOT || op == OP_ANY_PARTY || op == OP_ALL_PARTIES)
    {
      ClrExpr *child = compile (node, pack, where, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (expr->children, child);
      return g_steal_pointer (&expr);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, where, _("“%s” must be an array of conditions"), op == OP_ALL ? "all" : "any");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      ClrExpr *child = compile (json_array_get_element (json_node_get_array (node), i), pack, where, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (expr->children, child);
    }
  return g_steal_pointer (&expr);
}

static ClrExpr *
compile (JsonNode    *node,
         ClrRulePack *pack,
         const char  *where,
         GError     **error)
{
  static const struct { const char *key; ClrExprOp op; } keys[] = {
    { "all", OP_ALL }, { "any", OP_ANY }, { "not", OP_NOT }, { "eccn", OP_ECCN }, { "has", OP_HAS },
    { "param", OP_PARAM }, { "flag", OP_FLAG }, { "item_matches", OP_ITEM_MATCHES },
    { "destination", OP_DESTINATION }, { "exported_from", OP_EXPORTED_FROM }, { "end_use", OP_END_USE },
    { "red_flag", OP_RED_FLAG }, { "date", OP_DATE }, { "posture", OP_POSTURE },
    { "party_role", OP_PARTY_ROLE }, { "party_country", OP_PARTY_COUNTRY },
    { "party_headquarters", OP_PARTY_HEADQUARTERS }, { "party_listed", OP_PARTY_LISTED },
    { "parent_listed", OP_PARENT_LISTED }, { "parent_ownership", OP_PARENT_OWNERSHIP },
    { "any_party", OP_ANY_PARTY }, { "all_parties", OP_ALL_PARTIES },
    { "manufacturer_headquarters", OP_MANUFACTURER_HQ }, { "chart_reason", OP_CHART_REASON },
    { "chart_reasons_only", OP_CHART_REASONS_ONLY }, { "ccl_exception", OP_CCL_EXCEPTION },
  };
  JsonObject *object;
  const char *key = NULL;
  JsonNode *arg;
  g_autoptr(ClrExpr) expr = NULL;
  g_autoptr(GList) members = NULL;
  gboolean found = FALSE;
  ClrExprOp op = OP_ALL;
  const ClrItemFact *fact;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, where, _("a condition must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  /* The operator is the one member that names one; "op"/"value"/"is" qualify it. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if (strcmp (keys[i].key, l->data) == 0)
          {
            if (found)
              {
                fail (error, where, _("a condition has two operators (“%s” and “%s”); combine them with “all”"),
                      key, (const char *) l->data);
                return NULL;
              }
            found = known = TRUE;
            key = keys[i].key;
            op = keys[i].op;
          }
      if (!known && strcmp (l->data, "op") != 0 && strcmp (l->data, "value") != 0 && strcmp (l->data, "is") != 0)
        {
          fail (error, where, _("unknown field “%s” in a condition"), (const char *) l->data);
          return NULL;
        }
    }
  if (!found)
    {
      fail (error, where, _("a condition needs an operator (all, any, not, eccn, destination, …)"));
      return NULL;
    }

  arg = json_object_get_member (object, key);

  switch (op)
    {
    case OP_ALL:
    case OP_ANY:
    case OP_NOT:
    case OP_ANY_PARTY:
    case OP_ALL_PARTIES:
      expr = compile_children (op, arg, pack, where, error);
      if (expr == NULL)
        return NULL;
      break;

    case OP_ECCN:
      {
        g_autoptr(GPtrArray) raw = read_set (arg, where, key, error);

        if (raw == NULL)
          return NULL;
        expr = expr_new (op);
        expr->values = g_ptr_array_new_with_free_func (g_free);
        for (guint i = 0; i < raw->len; i++)
          {
            const char *v = g_ptr_array_index (raw, i);

            if (v[0] == '@')
              {
                GPtrArray *set = _clr_rule_pack_get_eccn_set (pack, v + 1);

                if (set == NULL)
                  {
                    fail (error, where, _("unknown ECCN set “%s”"), v);
                    return NULL;
                  }
                for (guint j = 0; j < set->len; j++)
                  g_ptr_array_add (expr->values, g_strdup (g_ptr_array_index (set, j)));
              }
            else if (!eccn_pattern_is_valid (pack, v))
              {
                fail (error, where, _("unknown ECCN pattern “%s”"), v);
                return NULL;
              }
            else
              g_ptr_array_add (expr->values, g_strdup (v));
          }
      }
      break;

    case OP_HAS:
    case OP_PARAM:
    case OP_FLAG:
      expr = expr_new (op);
      if (!JSON_NODE_HOLDS_VALUE (arg) || json_node_get_value_type (arg) != G_TYPE_STRING)
        {
          fail (error, where, _("“%s” must name an item field"), key);
          return NULL;
        }
      expr->name = g_strdup (json_node_get_string (arg));
      fact = clr_item_fact_lookup (expr->name);
      if (fact == NULL ||
          (op == OP_FLAG && fact->kind != CLR_ITEM_FACT_FLAG) ||
          (op == OP_PARAM && fact->kind != CLR_ITEM_FACT_NUMBER))
        {
          fail (error, where, _("unknown item field “%s” in “%s”"), expr->name, key);
          return NULL;
        }
      if (op == OP_PARAM)
        {
          JsonNode *value;

          if (!get_comparison (object, where, key, &expr->cmp, &value, error))
            return NULL;
          if (!JSON_NODE_HOLDS_VALUE (value) ||
              (json_node_get_value_type (value) != G_TYPE_INT64 && json_node_get_value_type (value) != G_TYPE_DOUBLE))
            {
              fail (error, where, _("“%s”: value must be a number"), expr->name);
              return NULL;
            }
          expr->number = json_node_get_double (value);
        }
      else if (op == OP_FLAG)
        {
          JsonNode *is = json_object_get_member (object, "is");

          if (is == NULL || !JSON_NODE_HOLDS_VALUE (is) || json_node_get_value_type (is) != G_TYPE_BOOLEAN)
            {
              fail (error, where, _("“flag” needs “is”: true or false"));
              return NULL;
            }
          expr->flag = json_node_get_boolean (is);
        }
      break;

    case OP_ITEM_MATCHES:
    case OP_POSTURE:
      expr = expr_new (op);
      if (!JSON_NODE_HOLDS_VALUE (arg) || json_node_get_value_type (arg) != G_TYPE_STRING)
        {
          fail (error, where, _("“%s” must be a string"), key);
          return NULL;
        }
      expr->name = g_strdup (json_node_get_string (arg));
      if (op == OP_ITEM_MATCHES && _clr_rule_pack_get_item_list (pack, expr->name) == NULL)
        {
          fail (error, where, _("unknown item list “%s”"), expr->name);
          return NULL;
        }
      if (op == OP_POSTURE)
        {
          ClrPosture posture;

          if (!clr_posture_from_string (expr->name, &posture, NULL))
            {
              fail (error, where, _("unknown posture “%s”"), expr->name);
              return NULL;
            }
          expr->number = posture;
        }
      break;

    case OP_RED_FLAG:
      expr = expr_new (op);
      if (JSON_NODE_HOLDS_VALUE (arg) && g_strcmp0 (json_node_get_string (arg), "*") == 0)
        {
          expr->wildcard = TRUE;
          break;
        }
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL)
        return NULL;
      for (guint i = 0; i < expr->values->len; i++)
        if (_clr_rule_pack_get_red_flag (pack, g_ptr_array_index (expr->values, i)) == NULL)
          {
            fail (error, where, _("unknown red flag “%s”"), (const char *) g_ptr_array_index (expr->values, i));
            return NULL;
          }
      break;

    case OP_END_USE:
      expr = expr_new (op);
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL)
        return NULL;
      for (guint i = 0; i < expr->values->len; i++)
        if (!_clr_rule_pack_has_end_use (pack, g_ptr_array_index (expr->values, i)))
          {
            fail (error, where, _("unknown end-use category “%s”"), (const char *) g_ptr_array_index (expr->values, i));
            return NULL;
          }
      break;

    case OP_CHART_REASON:
    case OP_CHART_REASONS_ONLY:
      expr = expr_new (op);
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL)
        return NULL;
      break;

    case OP_CCL_EXCEPTION:
      expr = expr_new (op);
      if (!JSON_NODE_HOLDS_VALUE (arg) || json_node_get_value_type (arg) != G_TYPE_STRING ||
          !in_strv (ccl_exception_codes, json_node_get_string (arg)))
        {
          fail (error, where, _("“ccl_exception” must be LVS or GBS"));
          return NULL;
        }
      expr->name = g_strdup (json_node_get_string (arg));
      break;

    case OP_DESTINATION:
    case OP_EXPORTED_FROM:
    case OP_PARTY_COUNTRY:
    case OP_PARTY_HEADQUARTERS:
    case OP_MANUFACTURER_HQ:
      expr = expr_new (op);
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL || !check_places (pack, expr->values, where, key, error))
        return NULL;
      break;

    case OP_PARTY_ROLE:
      expr = expr_new (op);
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL)
        return NULL;
      for (guint i = 0; i < expr->values->len; i++)
        if (!g_strv_contains ((const char * const *) clr_shipment_party_roles,
                              g_ptr_array_index (expr->values, i)))
          {
            fail (error, where, _("unknown party role “%s”"), (const char *) g_ptr_array_index (expr->values, i));
            return NULL;
          }
      break;

    case OP_PARTY_LISTED:
    case OP_PARENT_LISTED:
      expr = expr_new (op);
      expr->values = read_set (arg, where, key, error);
      if (expr->values == NULL)
        return NULL;
      break;

    case OP_DATE:
    case OP_PARENT_OWNERSHIP:
      {
        JsonNode *value;

        expr = expr_new (op);
        if (!JSON_NODE_HOLDS_OBJECT (arg) ||
            !get_comparison (json_node_get_object (arg), where, key, &expr->cmp, &value, error))
          {
            if (error != NULL && *error == NULL)
              fail (error, where, _("“%s” needs {\"op\": …, \"value\": …}"), key);
            return NULL;
          }
        if (op == OP_DATE)
          {
            if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
                !clr_date_is_valid (json_node_get_string (value)))
              {
                fail (error, where, _("“date”: bad date (expected YYYY-MM-DD)"));
                return NULL;
              }
            expr->text = g_strdup (json_node_get_string (value));
          }
        else
          {
            if (!JSON_NODE_HOLDS_VALUE (value) ||
                (json_node_get_value_type (value) != G_TYPE_INT64 && json_node_get_value_type (value) != G_TYPE_DOUBLE))
              {
                fail (error, where, _("“parent_ownership”: value must be a number"));
                return NULL;
              }
            expr->number = json_node_get_double (value);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  expr->source = json_to_string (node, FALSE);
  return g_steal_pointer (&expr);
}

ClrExpr *
clr_expr_compile (JsonNode     *node,
                  ClrRulePack  *pack,
                  const char   *where,
                  GError      **error)
{
  return compile (node, pack, where, error);
}

guint
clr_expr_get_uses (ClrExpr *expr)
{
  guint uses = 0;

  switch (expr->op)
    {
    case OP_ECCN: case OP_HAS: case OP_PARAM: case OP_FLAG: case OP_ITEM_MATCHES:
    case OP_MANUFACTURER_HQ: case OP_CCL_EXCEPTION:
      return CLR_EXPR_USES_ITEM;
    case OP_PARTY_ROLE: case OP_PARTY_COUNTRY: case OP_PARTY_HEADQUARTERS:
    case OP_PARTY_LISTED: case OP_PARENT_LISTED: case OP_PARENT_OWNERSHIP:
      return CLR_EXPR_USES_PARTY;
    case OP_ANY_PARTY: case OP_ALL_PARTIES:
      return clr_expr_get_uses (g_ptr_array_index (expr->children, 0)) & ~CLR_EXPR_USES_PARTY;
    case OP_ALL: case OP_ANY: case OP_NOT:
      for (guint i = 0; i < expr->children->len; i++)
        uses |= clr_expr_get_uses (g_ptr_array_index (expr->children, i));
      return uses;
    default:
      return 0;
    }
}

gboolean
clr_expr_never_true (ClrExpr *expr)
{
  switch (expr->op)
    {
    case OP_ANY:
      for (guint i = 0; i < expr->children->len; i++)
        if (!clr_expr_never_true (g_ptr_array_index (expr->children, i)))
          return FALSE;
      return TRUE;
    case OP_ALL:
      for (guint i = 0; i < expr->children->len; i++)
        {
          ClrExpr *a = g_ptr_array_index (expr->children, i);

          if (clr_expr_never_true (a))
            return TRUE;
          /* X and not X */
          for (guint j = 0; j < expr->children->len; j++)
            {
              ClrExpr *b = g_ptr_array_index (expr->children, j);

              if (b->op == OP_NOT && g_strcmp0 (((ClrExpr *) g_ptr_array_index (b->children, 0))->source, a->source) == 0)
                return TRUE;
            }
        }
      return FALSE;
    case OP_ANY_PARTY:
    case OP_ALL_PARTIES:
      return clr_expr_never_true (g_ptr_array_index (expr->children, 0));
    case OP_ECCN: case OP_DESTINATION: case OP_EXPORTED_FROM: case OP_END_USE:
    case OP_PARTY_ROLE: case OP_PARTY_COUNTRY: case OP_PARTY_HEADQUARTERS:
    case OP_PARTY_LISTED: case OP_PARENT_LISTED: case OP_MANUFACTURER_HQ: case OP_CHART_REASON:
      return expr->values->len == 0;
    case OP_RED_FLAG:
      return !expr->wildcard && expr->values->len == 0;
    default:
      return FALSE;
    }
}
