/* clr-expr-private.h — a compiled rule condition, shared by its compiler (clr-expr.c) and evaluator (clr-expr-eval.c)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-engine-error.h"
#include "clr-expr.h"
#include "clr-match-hit.h"
#include "clr-rule-pack-private.h"

G_BEGIN_DECLS

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

const char *
_clr_expr_cmp_text (ClrCmp cmp);

G_END_DECLS
