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
#include "clr-expr.h"
#include "clr-match-hit.h"
#include "clr-rule-pack-private.h"
#include "clr-shipment.h"

typedef enum
{
  OP_ALL,
  OP_ANY,
  OP_NOT,
  OP_ECCN,
  OP_HAS,
  OP_PARAM,
  OP_FLAG,
  OP_ITEM_MATCHES,
  OP_DESTINATION,
  OP_EXPORTED_FROM,
  OP_END_USE,
  OP_RED_FLAG,
  OP_DATE,
  OP_POSTURE,
  OP_PARTY_ROLE,
  OP_PARTY_COUNTRY,
  OP_PARTY_HEADQUARTERS,
  OP_PARTY_LISTED,
  OP_PARENT_LISTED,
  OP_PARENT_OWNERSHIP,
  OP_ANY_PARTY,
  OP_ALL_PARTIES,
  OP_MANUFACTURER_HQ,
  OP_CHART_REASON,
  OP_CHART_REASONS_ONLY,
  OP_CCL_EXCEPTION,
} ClrExprOp;

typedef enum
{
  CMP_LT,
  CMP_LE,
  CMP_GT,
  CMP_GE,
  CMP_EQ,
  CMP_NE,
} ClrCmp;

struct _ClrExpr
{
  ClrExprOp  op;
  GPtrArray *children;   /* ClrExpr * (all/any/not/quantifiers) */
  GPtrArray *values;     /* char *: sets (patterns, groups, codes, ids) */
  char      *name;       /* parameter / flag / item list / posture */
  ClrCmp     cmp;
  double     number;
  char      *text;       /* date operand */
  gboolean   flag;
  gboolean   wildcard;   /* red_flag: "*" */
  char      *source;     /* canonical JSON of this node, for contradiction checks */
};

static const char * const numeric_params[] = {
  "tpp", "performance_density", "memory_bandwidth_gbps", "quantity", "unit_value", NULL
};
static const char * const boolean_flags[] = { "datacenter", "food_or_medicine", "enc_classification_done", NULL };
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

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, "%s: %s", where, message);
  return FALSE;
}

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

static const char *
cmp_text (ClrCmp cmp)
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
      if ((op == OP_FLAG && !in_strv (boolean_flags, expr->name)) ||
          (op == OP_PARAM && !in_strv (numeric_params, expr->name)) ||
          (op == OP_HAS && !in_strv (boolean_flags, expr->name) && !in_strv (numeric_params, expr->name) &&
           g_strcmp0 (expr->name, "manufacturer_headquarters") != 0))
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
              g_string_append_printf (trace, "%s %s %g: unknown (not stated)", expr->name, cmp_text (expr->cmp), expr->number);
            return result;
          }
        result = compare (v, expr->cmp, expr->number) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        if (trace != NULL)
          g_string_append_printf (trace, "%s %g %s %g: %s", expr->name, v, cmp_text (expr->cmp), expr->number, tri_word (result));
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
        JsonArray *categories = end_use != NULL && json_object_has_member (end_use, "categories") ?
                                json_object_get_array_member (end_use, "categories") : NULL;

        /* End-use controls turn on knowledge: categories not stated are
         * categories the exporter does not know of (never "unknown"). */
        for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
            for (guint j = 0; j < expr->values->len; j++)
              if (g_strcmp0 (clr_json_array_get_string (categories, i), g_ptr_array_index (expr->values, j)) == 0)
                result = CLR_TRI_TRUE;
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
          g_string_append_printf (trace, "date %s %s %s: %s", env->date, cmp_text (expr->cmp), expr->text, tri_word (result));
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

        if (country == NULL)
          {
            add_missing (missing, "parties[%d].country", env->party_index);
            result = CLR_TRI_UNKNOWN;
          }
        else
          result = place_matches (env, expr->values, clr_rule_pack_lookup_country (env->pack, country) ?: country)
                   ? CLR_TRI_TRUE : CLR_TRI_FALSE;
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
        ClrTri own = CLR_TRI_UNKNOWN;
        ClrTri up = parent == NULL ? CLR_TRI_FALSE : CLR_TRI_UNKNOWN;

        if (hq != NULL)
          own = place_matches (env, expr->values, clr_rule_pack_lookup_country (env->pack, hq) ?: hq) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        else
          add_missing (missing, "parties[%d].headquarters_country", env->party_index);
        if (parent_hq != NULL)
          up = place_matches (env, expr->values, clr_rule_pack_lookup_country (env->pack, parent_hq) ?: parent_hq) ? CLR_TRI_TRUE : CLR_TRI_FALSE;
        else if (parent != NULL)
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
          g_string_append_printf (trace, "parent ownership %s %g: %s", cmp_text (expr->cmp), expr->number, tri_word (result));
        return result;
      }


    case OP_MANUFACTURER_HQ:
      {
        const char *hq = get_string (env->item, "manufacturer_headquarters");

        if (hq == NULL)
          {
            add_missing (missing, "items[%d].manufacturer_headquarters", env->item_index);
            result = CLR_TRI_UNKNOWN;
          }
        else
          result = place_matches (env, expr->values, clr_rule_pack_lookup_country (env->pack, hq) ?: hq)
                   ? CLR_TRI_TRUE : CLR_TRI_FALSE;
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
