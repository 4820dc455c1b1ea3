/* clr-lists-sources-view.h — the Sources view of the Lists page
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_SOURCES_VIEW (clr_lists_sources_view_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsSourcesView, clr_lists_sources_view, CLR, LISTS_SOURCES_VIEW, AdwBin)

/* Shows @statuses (ClrSourceStatus *): one ClrSourceRow each, and the
 * summary of what is loaded and screened against. Its buttons activate
 * lists.update-all, lists.import and lists.add-source. */
void        clr_lists_sources_view_set_sources (ClrListsSourcesView *self,
                                                GPtrArray           *statuses);
const char *clr_lists_sources_view_get_summary (ClrListsSourcesView *self);

G_END_DECLS
