/* clr-lists-tasks.h — the Lists page's store work, run off the main thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clr-matcher.h"
#include "clr-store-lists.h"
#include "clr-store-sources.h"

G_BEGIN_DECLS

/* One row of the Lists page: a source, how fresh it is, what is loaded. */
typedef struct
{
  ClrListSource      *source;     /* never NULL (a stand-in for loaded, unconfigured sources) */
  ClrSourceFreshness  freshness;
  ClrListVersion     *version;    /* the current version, or NULL when never loaded */
} ClrSourceStatus;

void clr_source_status_free (ClrSourceStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrSourceStatus, clr_source_status_free)

/* Every configured source (and every loaded one that is not configured)
 * with its freshness against @stale_days at @now (NULL = now). Blocking. */
GPtrArray *clr_lists_load_sources        (ClrStore             *store,
                                          guint                 stale_days,
                                          GDateTime            *now,
                                          GError              **error);
void       clr_lists_load_sources_async  (ClrStore             *store,
                                          guint                 stale_days,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* ClrSourceStatus *, in display order. */
GPtrArray *clr_lists_load_sources_finish (GAsyncResult         *result,
                                          GError              **error);

/* The loaded, enabled source of @statuses that already carries the lists of
 * @status (a built-in source: the Consolidated Screening List includes the
 * SDN, non-SDN and DPL entries), or NULL. */
const ClrSourceStatus *clr_lists_covered_by (GPtrArray             *statuses,
                                             const ClrSourceStatus *status);

/* Whether an enabled source is stale or never loaded (and not covered by
 * another, see clr_lists_covered_by()); @text receives the
 * warning to show (translated), NULL when all is well. */
gboolean   clr_lists_needs_attention     (GPtrArray            *statuses,
                                          guint                 stale_days,
                                          char                **text);

/* The latest update of @source: ClrListChange * against the previous
 * version. NOT_FOUND when the source has one version only. */
void       clr_lists_diff_latest_async   (ClrStore             *store,
                                          const char           *source,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *clr_lists_diff_latest_finish  (GAsyncResult         *result,
                                          GError              **error);

/* Screens @query with @matcher (built) in a worker thread: ClrHit *. */
void       clr_lists_search_async        (ClrMatcher           *matcher,
                                          const char           *query,
                                          double                threshold,
                                          guint                 limit,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *clr_lists_search_finish       (GAsyncResult         *result,
                                          GError              **error);

/* Small writes, each in a worker thread. */
void       clr_lists_set_enabled_async   (ClrStore             *store,
                                          const char           *source,
                                          gboolean              enabled,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
void       clr_lists_add_source_async    (ClrStore             *store,
                                          const char           *id,
                                          const char           *label,
                                          const char           *url,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean   clr_lists_write_finish        (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
