/* clr-lists-search-view.h — Search: names on the loaded lists, with the screening matcher
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-settings.h"
#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_SEARCH_VIEW (clr_lists_search_view_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsSearchView, clr_lists_search_view, CLR, LISTS_SEARCH_VIEW, AdwBin)

/* Signals: ::search-finished () after a search. */
void        clr_lists_search_view_set_store     (ClrListsSearchView *self,
                                                 ClrStore           *store,
                                                 ClrSettings        *settings);
/* The lists changed: the next search rebuilds the index. */
void        clr_lists_search_view_reset_matcher (ClrListsSearchView *self);
/* Searches @text (again, when it is already the text searched). */
void        clr_lists_search_view_search        (ClrListsSearchView *self,
                                                 const char         *text);
void        clr_lists_search_view_focus         (ClrListsSearchView *self);
/* ClrListsItem (search results) passing the filters. */
GListModel *clr_lists_search_view_get_model     (ClrListsSearchView *self);

G_END_DECLS
