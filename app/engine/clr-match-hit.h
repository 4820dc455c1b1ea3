/* clr-match-hit.h — one screening hit: a listed entry, its score and why
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "clr-entry.h"

G_BEGIN_DECLS

/* How one token of the query lined up with the listed name. */
typedef struct
{
  char   *query_token;    /* normalised query token ("huawie") */
  char   *entry_token;    /* the listed token it matched ("huawei"), or NULL when unmatched */
  double  similarity;     /* 0..1: 1 = identical after normalisation */
  double  weight;         /* the token's share of the name's distinctiveness (IDF), 0..1 */
  double  contribution;   /* similarity × weight: what it added to the name score */
} ClrTokenMatch;

/* A hit is immutable once returned by the matcher; it is reference counted
 * and safe to pass between threads. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  gint64      entry_id;       /* the store's row id of the entry (as given to clr_matcher_add_entry) */
  ClrEntry   *entry;          /* the listed entry (a reference) */
  double      score;          /* 0..1 after the country adjustment */
  double      name_score;     /* 0..1 from the names alone */
  double      country_adjust; /* what the country comparison added (+) or removed (−) */
  char       *matched_name;   /* the listed name or alias that matched, as published */
  char       *explanation;    /* one line a reviewer reads: tokens, similarities, weights */
  GPtrArray  *token_matches;  /* ClrTokenMatch *, in query-token order; never NULL */
} ClrHit;

#define CLR_TYPE_HIT (clr_hit_get_type ())

GType       clr_hit_get_type   (void) G_GNUC_CONST;
ClrHit     *clr_hit_new        (gint64          entry_id,
                                ClrEntry       *entry);
ClrHit     *clr_hit_ref        (ClrHit         *self);
void        clr_hit_unref      (ClrHit         *self);
void        clr_hit_add_token_match (ClrHit     *self,
                                     const char *query_token,
                                     const char *entry_token,
                                     double      similarity,
                                     double      weight);

/* The object printed by `clearance-cli screen --json` for this hit:
 * score, list, list_name, entry_id (the published id or key), name,
 * matched_name, countries, license_requirement, license_policy,
 * federal_register, explanation, plus entry_row (the store row id),
 * content_hash and tokens (the token matches). */
JsonNode   *clr_hit_to_json    (const ClrHit   *self);
char       *clr_hit_to_json_text (const ClrHit *self,
                                  const char   *content_hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrHit, clr_hit_unref)

/* The list code of a hit object (clr_hit_to_json() shape, or a stored hit):
 * its "list" or "list_code", or the "list_code" of its "entry". */
const char *clr_hit_list_code    (JsonObject     *hit);

G_END_DECLS
