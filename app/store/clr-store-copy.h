/* clr-store-copy.h — moving a database into another (a desktop database
 * into the team server: `clearance-cli db copy --to`)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-store.h"

G_BEGIN_DECLS

/* Called after each table with its name and the rows copied. */
typedef void (*ClrStoreCopyProgress) (const char *table,
                                      gint64      rows,
                                      gpointer    user_data);

/* Copies everything @self holds — lists and their versions, sources, rule
 * packs, cases, the review queue with its decisions and snapshots, the
 * screened parties, re-screening state and the audit trail — into @target,
 * row for row with the same ids, in one transaction: the target's audit
 * trail then verifies exactly as the source's did. Both stores must be
 * open at the same schema version. @target must be empty (no list
 * version, rule pack, case, review item, screened party or audit entry):
 * else CLR_STORE_ERROR_INVALID naming what it holds, and nothing is
 * written. On any failure nothing is written either. */
gboolean clr_store_copy_to (ClrStore             *self,
                            ClrStore             *target,
                            ClrStoreCopyProgress  progress,
                            gpointer              user_data,
                            GError              **error);

G_END_DECLS
