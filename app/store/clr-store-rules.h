/* clr-store-rules.h — rule packs in the database, and the one-call
 * "screen and evaluate a shipment" the app and CLI use
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "clr-evaluator.h"
#include "clr-matcher.h"
#include "clr-rule-pack.h"
#include "clr-store.h"

G_BEGIN_DECLS

/* The active rule pack. On first use (no pack stored yet, or the bundled pack
 * is a newer version than the stored one) the bundled pack is validated and
 * stored. Never returns a pack that fails validation. */
ClrRulePack *clr_store_load_rule_pack      (ClrStore     *self,
                                            GError      **error);

void         clr_store_load_rule_pack_async  (ClrStore            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ClrRulePack *clr_store_load_rule_pack_finish (ClrStore            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* What an import did. */
typedef struct
{
  char     *id;
  char     *version;
  char     *published;
  char     *sha256;
  char     *previous_version;  /* NULL when no pack was stored */
  gboolean  unchanged;         /* the same pack (sha256) was already active */
} ClrRulePackImportResult;

void      clr_rule_pack_import_result_clear (ClrRulePackImportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClrRulePackImportResult, clr_rule_pack_import_result_clear)

/* Imports a pack file: validates it completely first (errors name the rule),
 * refuses a version older than the active one unless @force, and replaces the
 * active pack in one transaction. A broken pack never replaces a working one.
 * @result may be NULL. */
gboolean  clr_store_import_rule_pack       (ClrStore                 *self,
                                            const char               *path,
                                            gboolean                  force,
                                            ClrRulePackImportResult  *result,
                                            GError                  **error);

/* [{"id","version","published","sha256","imported_at","active"}] newest first. */
JsonNode *clr_store_list_rule_packs        (ClrStore     *self,
                                            GError      **error);

/* For a process that screens only a few names (one shipment): the matcher
 * clr_store_screen_shipment_parties() builds is then made without the
 * neighbour table (clr_store_load_matcher_for_one_query()) — same hits,
 * much faster to build, slower per name. Default FALSE. */
void       clr_store_set_few_screening_queries (ClrStore *self,
                                                gboolean  few);

/* The store's one matcher over the current lists, shared by every thread and
 * by clr_store_screen_shipment_parties(): built once per set of list versions
 * (again after an import changes one), then returned from the cache. The
 * matcher is immutable; unref it when done. */
ClrMatcher *clr_store_get_shared_matcher   (ClrStore     *self,
                                            GError      **error);

/* Screens every party of @shipment (and each party's ultimate parent) against
 * the loaded lists. Returns the "screening" array clr_evaluate() takes, or
 * NULL *without* an error when no lists are loaded (screening not possible).
 * @out_lists (nullable) receives [{"source","version","sha256"}].
 * The review component wraps this to add reviewers' decisions to the hits. */
JsonArray *clr_store_screen_shipment_parties (ClrStore    *self,
                                              JsonNode    *shipment,
                                              JsonArray  **out_lists,
                                              GError     **error);

/* Records the hits of @screening — the parties' and their ultimate parents'
 * (role "ultimate_parent") — in the review queue (origin
 * "evaluate") and annotates each hit in place with the reviewer's "decision"
 * (open, match, no_match, escalated): decided "no_match" hits stop counting. */
gboolean  clr_store_record_screening_decisions (ClrStore   *self,
                                                JsonArray  *screening,
                                                JsonNode   *shipment,
                                                GError    **error);

/* How clr_store_evaluate_with_pack() evaluates: as of @as_of (NULL: the
 * shipment's date), in @posture, with @flags; @record: the hits enter the
 * review queue (see above) and carry its decisions. */
typedef struct
{
  const char       *as_of;
  ClrPosture        posture;
  ClrEvaluateFlags  flags;
  gboolean          record;
} ClrStoreEvaluation;

/* Validates @shipment against @pack, screens its parties and ultimate
 * parents against the current lists and applies @pack. */
JsonNode *clr_store_evaluate_with_pack     (ClrStore                  *self,
                                            ClrRulePack               *pack,
                                            JsonNode                  *shipment,
                                            const ClrStoreEvaluation  *how,
                                            GError                   **error);

/* Validates, screens, records hits for review (see above) and evaluates. @as_of nullable (= shipment date);
 * @posture "enforcement" (default when NULL) or "cfr-text". */
JsonNode *clr_store_evaluate_shipment      (ClrStore     *self,
                                            JsonNode     *shipment,
                                            const char   *as_of,
                                            const char   *posture,
                                            gboolean      trace,
                                            GError      **error);
void      clr_store_evaluate_shipment_async  (ClrStore            *self,
                                              JsonNode            *shipment,
                                              const char          *as_of,
                                              const char          *posture,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JsonNode *clr_store_evaluate_shipment_finish (ClrStore            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
