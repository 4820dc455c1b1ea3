/* clr-evaluator.h — the determination: shipment + screening + rule pack → verdict
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-rule-pack.h"
#include "clr-verdict.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_EVALUATE_NONE  = 0,
  CLR_EVALUATE_TRACE = 1 << 0,  /* add "trace": per rule, why it fired or did not */
} ClrEvaluateFlags;

/* Evaluates @shipment (the shipment JSON document, see clr-shipment.h) against
 * @pack as of @as_of (YYYY-MM-DD; NULL = the shipment's "date").
 *
 * @screening: NULL when screening was not possible (no lists loaded: the
 * result then carries a "review" finding saying so), else an array of
 *   {"party": i, "subject": "party"|"ultimate_parent", "name": "…",
 *    "hits": [hit objects as clr_hit_to_json() / `screen --json` makes them,
 *             optionally with "decision": "open|match|no_match|escalated"]}
 * A hit counts as a match with its list's consequence unless decision is
 * "no_match".
 * @lists: the list versions screened against, [{"source","version","sha256"}]
 * (copied into "data"."lists"; may be NULL).
 *
 * Returns the result document of `clearance-cli evaluate --json`:
 * {"verdict", "as_of", "posture", "reference", "findings": [{"rule", "outcome",
 * "citation", "title", "explanation", "license_policy", "items", "parties"}],
 * "license_exceptions": [{"code", "citation", "conditions"}], "screening",
 * "data": {"rule_pack": {"id","version","sha256"}, "lists"}, ["trace"]}
 * or NULL with CLR_ENGINE_ERROR_* naming the offending field. */
JsonNode *clr_evaluate (ClrRulePack       *pack,
                        JsonNode          *shipment,
                        JsonArray         *screening,
                        JsonArray         *lists,
                        const char        *as_of,
                        ClrPosture         posture,
                        ClrEvaluateFlags   flags,
                        GError           **error);

/* The readable report (translated), as `evaluate` prints without --json. */
char     *clr_evaluation_to_text (JsonNode *result);

G_END_DECLS
