/* clr-store-review-private.h — shared by clr-store-review*.c only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-entry.h"
#include "clr-store-review.h"

G_BEGIN_DECLS

/* An item's entry snapshot: its own copy, else the shared one it names
 * (0008-review-snapshots.sql). */
#define ENTRY_JSON \
  "coalesce (entry_json, (SELECT s.json FROM review_entry_snapshots s " \
  "WHERE s.hash = review_items.entry_snapshot))"

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
