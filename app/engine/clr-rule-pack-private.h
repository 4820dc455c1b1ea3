/* clr-rule-pack-private.h — the compiled pack, shared by the engine's rule files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-date.h"
#include "clr-eccn.h"
#include "clr-expr.h"
#include "clr-json.h"
#include "clr-rule-pack.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_RULE_KIND_CONDITION,
  CLR_RULE_KIND_COUNTRY_CHART,
  CLR_RULE_KIND_LIST_SCREENING,
} ClrRuleKind;

typedef struct
{
  char        *id;
  char        *title;
  char        *citation;
  char        *from;          /* YYYY-MM-DD */
  char        *until;         /* YYYY-MM-DD or NULL (open) */
  char        *compliance;    /* YYYY-MM-DD or NULL: in effect from @from, applied from here */
  guint        postures;      /* bit 1 << ClrPosture */
  ClrRuleKind  kind;
  ClrExpr     *condition;     /* CONDITION rules */
  char        *outcome;       /* prohibited, license_required, review, caveat (a note, not a finding) */
  char        *license_policy;
  char        *explanation;
  char        *ask;
  GStrv        exceptions;    /* license exception codes the rule's requirement may use */
  gboolean     blocks_exceptions;
  gboolean     classification_check;  /* checks a stated paragraph against the item's facts */
} ClrRule;

typedef struct
{
  char     *id;
  char     *code;
  char     *title;
  char     *citation;
  char     *description;
  char     *from;
  char     *until;
  ClrExpr  *condition;
  GStrv     conditions;
} ClrLicenseException;

typedef struct
{
  char     *id;
  char     *title;
  char     *citation;
  char     *from;
  char     *until;
  GStrv     applies_to;
  ClrExpr  *condition;
  char     *license_policy;
  char     *unknown_policy;
} ClrPolicyOverride;

/* One outcome of a paragraph derivation ("a", "b", "none"). */
typedef struct
{
  char     *id;
  char     *label;
  ClrExpr  *condition;
  char     *outcome;        /* NULL, or the finding's outcome when the facts give this (e.g. review for "none") */
  char     *explanation;
} ClrDerivationOutcome;

/* Which stated ECCNs a derivation refines, and the paragraph each outcome adds. */
typedef struct
{
  char        *eccn;        /* pattern; matched at its own depth ("3A090", "3A001.z.*") */
  GHashTable  *suffixes;    /* outcome id → suffix (".a") */
} ClrDerivationTarget;

typedef struct
{
  char      *id;
  char      *title;
  char      *citation;
  char      *from;
  char      *until;
  GStrv      facts;         /* the facts the derivation reads, for the finding's wording */
  GPtrArray *targets;       /* ClrDerivationTarget * */
  GPtrArray *outcomes;      /* ClrDerivationOutcome * */
} ClrDerivation;

GPtrArray   *_clr_rule_pack_get_rules        (ClrRulePack *self);  /* ClrRule * */
GPtrArray   *_clr_rule_pack_get_derivations  (ClrRulePack *self);  /* ClrDerivation * */
/* The compiled "item_scope" of a list consequence, or NULL. */
ClrExpr     *_clr_rule_pack_get_list_item_scope (ClrRulePack *self,
                                                 const char  *canonical_code);
GPtrArray   *_clr_rule_pack_get_exceptions   (ClrRulePack *self);  /* ClrLicenseException * */
GPtrArray   *_clr_rule_pack_get_overrides    (ClrRulePack *self);  /* ClrPolicyOverride * */
/* The ISO-2 whose rules govern @code ("HK" → "CN"); @code itself otherwise. */
const char  *_clr_rule_pack_effective_country (ClrRulePack *self,
                                               const char  *code);
const char  *_clr_rule_pack_country_name     (ClrRulePack *self,
                                              const char  *code);
gboolean     _clr_rule_pack_has_group        (ClrRulePack *self,
                                              const char  *group);
/* Expanded patterns of an ECCN set ("ac_a"), or NULL. */
GPtrArray   *_clr_rule_pack_get_eccn_set     (ClrRulePack *self,
                                              const char  *name);
/* Match strings of an item list ("prc_3a090_ics"), or NULL. */
JsonObject  *_clr_rule_pack_get_item_list    (ClrRulePack *self,
                                              const char  *name);
gboolean     _clr_rule_pack_has_end_use      (ClrRulePack *self,
                                              const char  *id);
/* The end_use_categories entry, or NULL; one with a "question" is answered
 * yes / no / not known in the shipment's end_use.answers. */
JsonObject  *_clr_rule_pack_get_end_use     (ClrRulePack *self,
                                              const char  *id);
typedef enum
{
  CLR_END_USE_NO,
  CLR_END_USE_YES,
  CLR_END_USE_NOT_KNOWN,     /* answered "unknown" */
  CLR_END_USE_NOT_ANSWERED,  /* a question with no answer: a missing fact */
} ClrEndUseAnswer;
/* The answer of the shipment's @end_use (nullable) to category @id. */
ClrEndUseAnswer _clr_rule_pack_end_use_answer (ClrRulePack *self,
                                               JsonObject  *end_use,
                                               const char  *id);
JsonObject  *_clr_rule_pack_get_red_flag     (ClrRulePack *self,
                                              const char  *id);
/* CCL entry of the ECCN's base ("3A090" for "3A090.a.1"), or NULL. */
JsonObject  *_clr_rule_pack_get_ccl_entry    (ClrRulePack *self,
                                              const char  *eccn);
/* Columns marked X for a destination (ISO-2 after effective mapping), or NULL
 * when the destination has no chart row. */
GHashTable  *_clr_rule_pack_get_chart_row    (ClrRulePack *self,
                                              const char  *code);
/* Whether the destination's row has an X in @column on @date (the chart's
 * dated changes applied); each dated change that decided it, and each change
 * of unknown date, is described in @notes (nullable, char *, no duplicates). */
gboolean     _clr_rule_pack_chart_marked     (ClrRulePack *self,
                                              const char  *country,
                                              const char  *column,
                                              const char  *date,
                                              GPtrArray   *notes);
/* clr_rule_pack_country_in_group() that describes, in @notes (nullable), the
 * dated changes that decided the membership and those of unknown date. */
gboolean     _clr_rule_pack_country_in_group_noted (ClrRulePack *self,
                                                    const char  *country,
                                                    const char  *group,
                                                    const char  *date,
                                                    GPtrArray   *notes);
gboolean     _clr_rule_pack_is_chart_embargoed (ClrRulePack *self,
                                                const char  *code);
/* The consequence object for a list code (aliases and "*" applied). */
JsonObject  *_clr_rule_pack_get_list_consequence (ClrRulePack *self,
                                                  const char  *list_code,
                                                  const char **canonical_code);

G_END_DECLS
