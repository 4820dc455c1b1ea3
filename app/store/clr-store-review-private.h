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
  "previous_reason, previous_hash, changed_fields FROM review_items "

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

G_END_DECLS
