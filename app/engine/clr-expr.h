/* clr-expr.h — the rule pack's declarative condition language
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A condition is a JSON value:
 *   {"all": [C, …]}  {"any": [C, …]}  {"not": C}
 *   {"eccn": ["3A090.a", "3A001.z.*.a", "@set"]}     item ECCN matches a pattern
 *   {"has": "tpp"}                                   item states the parameter
 *   {"param": "tpp", "op": ">=", "value": 4800}      item parameter comparison
 *   {"flag": "datacenter", "is": true}               item boolean
 *   {"item_matches": "list-id"}                      item model/description names a listed product
 *   {"destination": ["D:5", "MO"]}                   destination in a group or country, as of the date
 *   {"exported_from": ["US"]}
 *   {"end_use": ["military", …]}                     any of the stated end-use categories (not stated = not known: false)
 *   {"red_flag": ["rf-…"] | "*"}                     red flags declared on the shipment
 *   {"date": {"op": ">=", "value": "2025-05-13"}}    the as-of date
 *   {"posture": "cfr-text"}
 *   {"party_role": [...]}  {"party_country": [...]}  {"party_headquarters": [...]}
 *   {"party_listed": ["EL", …]}  {"parent_listed": ["EL", …]}
 *   {"parent_ownership": {"op": ">=", "value": 50}}
 *   {"any_party": C}  {"all_parties": C}             quantify over the shipment's parties
 * Evaluation is three-valued: a fact the shipment does not state makes a
 * predicate unknown, and the missing fact is reported so the user can be asked.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-eccn.h"
#include "clr-rule-pack.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_EXPR_USES_ITEM  = 1 << 0,  /* needs an item bound (outside quantifiers) */
  CLR_EXPR_USES_PARTY = 1 << 1,  /* needs a party bound (outside quantifiers) */
} ClrExprUses;

typedef struct _ClrExpr ClrExpr;

/* What an expression is evaluated against. */
typedef struct
{
  ClrRulePack *pack;
  const char  *date;            /* as-of date, YYYY-MM-DD */
  ClrPosture   posture;
  JsonObject  *shipment;
  const char  *destination;     /* effective ISO-2 (Hong Kong → CN) */
  const char  *exported_from;   /* ISO-2 or NULL when not stated */
  JsonArray   *screening;       /* NULL: screening was not possible */
  JsonObject  *item;            /* bound item or NULL */
  int          item_index;
  JsonObject  *party;           /* bound party or NULL */
  int          party_index;
  GPtrArray   *chart_reasons;   /* reasons (NS, MT…) of the Country Chart finding an exception is tested for, or NULL */
  GPtrArray   *table_notes;     /* nullable, char *: which dated group/chart
                                 * data decided a condition (see
                                 * _clr_rule_pack_country_in_group_noted()) */
} ClrExprEnv;

/* Compiles and validates @node against @pack; @where names the rule in errors. */
ClrExpr  *clr_expr_compile     (JsonNode     *node,
                                ClrRulePack  *pack,
                                const char   *where,
                                GError      **error);
void      clr_expr_free        (ClrExpr      *expr);
guint     clr_expr_get_uses    (ClrExpr      *expr);
/* TRUE when static analysis shows the condition can never be true. */
gboolean  clr_expr_never_true  (ClrExpr      *expr);

/* @missing (nullable) collects "items[0].tpp"-style facts that made a
 * predicate unknown; @trace (nullable) receives a one-line account. */
ClrTri    clr_expr_eval        (ClrExpr      *expr,
                                ClrExprEnv   *env,
                                GPtrArray    *missing,
                                GString      *trace);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrExpr, clr_expr_free)

G_END_DECLS
