/* clr-rescreen.h — re-screening saved parties against what a list update changed
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "clr-store.h"

G_BEGIN_DECLS

/* What a list update changed for this user. */
typedef struct
{
  guint  entries_added;       /* in the lists since the last re-screen */
  guint  entries_changed;
  guint  entries_removed;
  guint  parties_screened;    /* distinct parties re-screened */
  guint  new_hits;            /* new queue items */
  guint  reopened;            /* decisions reopened because their entry changed */
  guint  removed_matched;     /* entries you had decided "match" that left their list */
  GPtrArray *sources;         /* char *: the sources that had a new version */
  char  *resumed_from;        /* this run finished one interrupted (killed, failed) that
                               * started at this time (ISO 8601); its work is counted
                               * above. NULL for a run that started afresh. */
} ClrRescreenSummary;

void    clr_rescreen_summary_free      (ClrRescreenSummary *summary);
/* "2 new hits, 1 decision reopened, 3 entries you had matched were removed"
 * (translated, plural-aware); "No new hits" style text when nothing changed. */
char   *clr_rescreen_summary_to_string (const ClrRescreenSummary *summary);
/* {"sources": [...], "entries_added", "entries_changed", "entries_removed",
 *  "parties_screened", "new_hits", "reopened", "removed_matched", "summary"} */
JsonNode *clr_rescreen_summary_to_json (const ClrRescreenSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrRescreenSummary, clr_rescreen_summary_free)

/* Progress: @done of @total steps, and what is being done. Called from the
 * working thread. */
typedef void (*ClrRescreenProgressFunc) (guint       done,
                                         guint       total,
                                         const char *what,
                                         gpointer    user_data);

/* Re-screens every party of every open case and every previously screened
 * name against the entries added or changed since the last re-screen (a
 * matcher built from just those), records new hits in the review queue,
 * reopens decisions whose entry changed, counts matched entries that were
 * removed, remembers the list versions it covered and appends a "rescreen"
 * audit entry. Running it twice without a list change finds nothing new. */
ClrRescreenSummary *clr_rescreen_run    (ClrStore                *store,
                                         ClrRescreenProgressFunc  progress,
                                         gpointer                 progress_data,
                                         GCancellable            *cancellable,
                                         GError                 **error);

/* GTask variant; progress is delivered in the caller's main context. */
void                clr_rescreen_run_async  (ClrStore                *store,
                                             ClrRescreenProgressFunc  progress,
                                             gpointer                 progress_data,
                                             GDestroyNotify           progress_destroy,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
ClrRescreenSummary *clr_rescreen_run_finish (ClrStore                *store,
                                             GAsyncResult            *result,
                                             GError                 **error);

G_END_DECLS
