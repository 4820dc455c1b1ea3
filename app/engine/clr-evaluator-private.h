/* clr-evaluator-private.h — what the parts of the determination share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clr-evaluator.c walks the rules and builds the result; -licensing.c
 * (Country Chart, overrides, exceptions), -screening.c (list hits),
 * -derive.c (paragraph derivation) and -text.c (explanations, the readable
 * report) add findings to the same Eval.
 */

#pragma once

#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-json.h"
#include "clr-match-hit.h"
#include "clr-rule-pack-private.h"

G_BEGIN_DECLS

typedef struct
{
  ClrRule    *rule;          /* the pack rule (NULL never) */
  char       *outcome;
  char       *citation;
  char       *title;
  char       *explanation;
  char       *license_policy;
  GArray     *items;         /* int */
  GArray     *parties;       /* int */
  GPtrArray  *ask;           /* char *: facts to ask for */
  char       *list;          /* list code for screening findings */
  char       *license_exception;   /* code when an exception covers it */
  char       *exception_note;
  gboolean    blocks_exceptions;
  gboolean    on_hold;       /* a potential list match awaiting a decision */
  GPtrArray  *reasons;       /* char *: Country Chart reasons (NS, MT…) of a chart finding */
} Finding;

typedef struct
{
  ClrRulePack *pack;
  ClrExprEnv   env;
  JsonObject  *shipment;
  JsonArray   *items;
  JsonArray   *parties;
  GPtrArray   *findings;     /* Finding * */
  JsonBuilder *trace;        /* NULL unless tracing */
  JsonArray   *exceptions_out;  /* [{"code","citation","conditions"}] */
  GPtrArray   *notes;        /* char * */
  GPtrArray   *caveats;      /* char *: ids of the caveat rules that hold */
  guint        open_matches; /* potential list matches the shipment waits for */
  gboolean     hypothesis;   /* an item's paragraph is assumed: skip classification checks */
} Eval;

/* An item's paragraph derivation (clr-evaluator-derive.c). */
typedef struct
{
  int                   item;
  ClrDerivation        *derivation;
  char                 *stated;
  char                 *derived;      /* stated + the decided outcome's suffix */
  ClrDerivationOutcome *outcome;      /* the outcome the facts decide, or NULL */
  GPtrArray            *candidates;   /* char *: ECCNs still possible when undecided */
  GPtrArray            *missing;      /* char *: facts that would decide it */
  char                 *basis;
  char                 *status;       /* derived, outside, immaterial, undecided */
} Derived;

Finding *
_clr_eval_finding_new (ClrRule    *rule,
                       const char *outcome);

void
_clr_eval_array_add_unique (GArray *array,
                            int     value);

void
_clr_eval_strings_add_unique (GPtrArray  *array,
                              const char *value);

char *
_clr_eval_join_strings (GPtrArray  *array,
                        const char *separator);

char *
_clr_eval_format_number (JsonObject *object,
                         const char *name);

char *
_clr_eval_expand (Eval       *ev,
                  const char *template,
                  Finding    *f,
                  GHashTable *extra);

void
_clr_eval_trace_rule (Eval       *ev,
                      const char *rule,
                      const char *status,
                      const char *detail);

char *
_clr_eval_ask_text (ClrRule   *rule,
                    GPtrArray *missing);

void
_clr_eval_country_chart (Eval    *ev,
                         ClrRule *rule);

void
_clr_eval_screening (Eval    *ev,
                     ClrRule *rule);

void
_clr_eval_apply_overrides (Eval *ev);

void
_clr_eval_apply_exceptions (Eval *ev);

GPtrArray *
_clr_eval_derive_paragraphs (ClrRulePack *pack,
                             JsonObject  *shipment,
                             const char  *date,
                             ClrPosture   posture);

void
_clr_eval_report_derivations (JsonNode  *result,
                              GPtrArray *derived);

G_END_DECLS
