/* clr-store-review-private.h — shared by clr-store-review*.c only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-db.h"

#include "clr-entry.h"
#include "clr-store-review.h"

G_BEGIN_DECLS

/* An item's entry snapshot: its own copy, else the shared one it names
 * (0008-review-snapshots.sql). */
#define ENTRY_JSON \
  "coalesce (entry_json, (SELECT s.json FROM review_entry_snapshots s " \
  "WHERE s.hash = review_items.entry_snapshot))"

/* The query of review items that _clr_review_item_new_from_stmt() reads
 * (the statement's current row). */
#define CLR_REVIEW_ITEM_COLUMNS \
  "SELECT id, party_name, party_key, party_country, party_role, case_id, origin, party_json, " \
  "list_code, entry_key, entry_row, content_hash, entry_name, " ENTRY_JSON ", entry_removed, " \
  "score, matched_name, explanation, hit_json, status, reason, note, decided_by, " \
  "decided_by_user, decided_at, first_seen_at, last_seen_at, reopened, previous_status, " \
  "previous_reason, previous_hash, changed_fields, " \
  "decided_hash, approval_required, approved_by, approved_by_user, approved_at, approved_hash " \
  "FROM review_items "

ClrReviewItem *_clr_review_item_new_from_stmt (ClrDbStmt *stmt);

/* Whether two items are the same party against entries of one family. */
gboolean _clr_review_same_family           (const ClrReviewItem *a,
                                            const ClrReviewItem *b);
/* Orders a family's members: its head first. */
int      _clr_review_compare_members       (gconstpointer        a,
                                            gconstpointer        b);
/* The fields of @new_entry that differ from the entry snapshot
 * @old_entry_json (none when either is missing). */
GStrv    _clr_review_diff_against_snapshot (const char          *old_entry_json,
                                            ClrEntry            *new_entry);
gboolean _clr_store_review_reopen_item     (ClrStore            *self,
                                            gint64               id,
                                            const char          *status,
                                            const char          *reason,
                                            const char          *decided_hash,
                                            const char          *new_hash,
                                            const char * const  *fields,
                                            gint64               case_id,
                                            GError             **error);

/* ---- four-eyes release (clr-store-review-approval.c) ---- */

/* An item cleared ("no_match") that waits for a second reviewer. */
#define CLR_REVIEW_AWAITING_APPROVAL_SQL \
  "(status = 'no_match' AND approval_required <> 0 AND approved_at IS NULL)"
/* What a hit's "decision" annotation says for an item: its status, or
 * "awaiting_approval". */
#define CLR_REVIEW_DECISION_SQL \
  "CASE WHEN " CLR_REVIEW_AWAITING_APPROVAL_SQL " THEN 'awaiting_approval' ELSE status END"

/* Item @id; the caller holds the lock. */
ClrReviewItem *_clr_store_review_get_unlocked  (ClrStore         *self,
                                                gint64            id,
                                                GError          **error);
/* After decide_unlocked() stored @status on item @id (the caller holds the
 * lock inside the write transaction): records whether the decision waits
 * for approval (also as "approval_required" in @audit_after, the decision's
 * audit entry), and with four-eyes on refuses an escalation without a
 * @recipient (not when @restoring an earlier state). */
gboolean    _clr_store_review_approval_decided (ClrStore         *self,
                                                gint64            id,
                                                ClrReviewStatus   status,
                                                const char       *recipient,
                                                gboolean          restoring,
                                                JsonObject       *audit_after,
                                                GError          **error);
/* The "decision" annotation of item @id whose status is @status (the caller
 * holds the lock): clr_review_status_to_string(), or "awaiting_approval".
 * NULL with @error set when the item cannot be read. */
const char *_clr_store_review_decision_word    (ClrStore         *self,
                                                gint64            id,
                                                ClrReviewStatus   status,
                                                GError          **error);

G_END_DECLS
