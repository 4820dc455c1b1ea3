/* clr-store-lists.h — versioned restricted-party lists in the store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-entry.h"
#include "clr-store.h"

G_BEGIN_DECLS

/* Called for each entry of the current version of each source (or of one
 * source). @entry_id is the entry's row id: stable for that stored entry,
 * usable with clr_store_get_entry(). Return FALSE to stop early. */
typedef gboolean (*ClrStoreEntryFunc) (gint64     entry_id,
                                       ClrEntry  *entry,
                                       gpointer   user_data);

gboolean   clr_store_foreach_current_entry (ClrStore          *self,
                                            const char        *source,
                                            ClrStoreEntryFunc  func,
                                            gpointer           user_data,
                                            GError           **error);
ClrEntry  *clr_store_get_entry             (ClrStore          *self,
                                            gint64             entry_id,
                                            GError           **error);

G_END_DECLS
