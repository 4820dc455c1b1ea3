/* clr-store-screening.h — a matcher over the store's current list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clr-matcher.h"
#include "clr-store.h"

G_BEGIN_DECLS

/* Builds a matcher from every entry of the current version of every list.
 * An empty store gives an empty (but built) matcher: check
 * clr_matcher_get_n_entries() to tell the user "no lists loaded". */
ClrMatcher *clr_store_load_matcher        (ClrStore             *self,
                                           GError              **error);
/* The same for a process that screens a single name: the matcher has no
 * neighbour table (see clr_matcher_set_neighbour_table()), which saves
 * building one for a single query. */
ClrMatcher *clr_store_load_matcher_for_one_query (ClrStore       *self,
                                                  GError        **error);
/* clr_store_get_shared_matcher() in a worker thread (for the GUI): the
 * first call builds the store's shared matcher, later ones return it until
 * an import changes a list. */
void        clr_store_load_matcher_async  (ClrStore             *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
ClrMatcher *clr_store_load_matcher_finish (ClrStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
