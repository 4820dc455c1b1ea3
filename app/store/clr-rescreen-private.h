/* clr-rescreen-private.h — shared by clr-rescreen*.c only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-rescreen.h"
#include "clr-store-lists.h"

G_BEGIN_DECLS

/* A source with a version not yet re-screened. */
typedef struct
{
  char      *source;
  gint64     version_id;
  GPtrArray *changes;   /* ClrListChange *, or NULL for "every current entry is new" */
} SourceUpdate;

void       _clr_rescreen_source_update_free (SourceUpdate        *update);
/* The updates since the last re-screen, one per source with a new version. */
GPtrArray *_clr_rescreen_collect_updates    (ClrStore            *store,
                                             GError             **error);

/* The marker of a run in progress (see clr-rescreen-state.c). */
typedef struct
{
  char  *started_at;
  gint64 audit_id;
  gint64 item_id;
  gint64 removed_matched;
} RunMarker;

/* Reads the marker (TRUE in *found) or writes a new one; the caller holds
 * the lock inside a transaction. */
gboolean   _clr_rescreen_begin_marker       (ClrStore            *store,
                                             RunMarker           *marker,
                                             gboolean            *found,
                                             GError             **error);
gboolean   _clr_rescreen_write_marker       (ClrStore            *store,
                                             RunMarker           *marker,
                                             GError             **error);
/* What the interrupted run(s) since @marker did, added to @summary. */
gboolean   _clr_rescreen_count_resumed      (ClrStore            *store,
                                             RunMarker           *marker,
                                             ClrRescreenSummary  *summary,
                                             GError             **error);
/* Records the versions covered, the run and its audit entry, and deletes
 * the marker, in one transaction. */
gboolean   _clr_rescreen_finish_run         (ClrStore            *store,
                                             GPtrArray           *updates,
                                             ClrRescreenSummary  *summary,
                                             GError             **error);

G_END_DECLS
