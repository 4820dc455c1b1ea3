/* clr-review-text.h — what the review detail says of an item: why the names
 * matched, why a decided item is back and what changed in its entry
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "clr-store-review.h"

G_BEGIN_DECLS

/* @node's object, or NULL. */
JsonObject *clr_review_json_object (JsonNode *node);
/* Why @item's names matched, from its hit's tokens: a line a word of the
 * party's name and the country's effect, into @words; the case-folded
 * matched words into @query_tokens and @entry_tokens (each then
 * NULL-terminated) for highlighting. */
void  clr_review_hit_words         (const ClrReviewItem  *item,
                                    GPtrArray            *query_tokens,
                                    GPtrArray            *entry_tokens,
                                    GString              *words);
/* Why @item (reopened) is back: the earlier decision, the changed fields and
 * the two entry versions, a line each. */
char *clr_review_reopened_text     (const ClrReviewItem  *item);
/* The change of entry @entry_key in the latest update of each loaded
 * source of @store: each changed field as a line "\nfield: before → after"
 * ("" when there is none). Blocking: for a worker thread. */
char *clr_review_entry_diff        (ClrStore             *store,
                                    const char           *entry_key,
                                    GCancellable         *cancellable);

G_END_DECLS
