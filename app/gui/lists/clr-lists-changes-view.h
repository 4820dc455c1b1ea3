/* clr-lists-changes-view.h — What changed: the latest update of one source, filtered
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_CHANGES_VIEW (clr_lists_changes_view_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsChangesView, clr_lists_changes_view, CLR, LISTS_CHANGES_VIEW, AdwBin)

/* Signals: ::changes-loaded () after the changes were (re)read;
 * ::error (const char *message) when an entry could not be read. */
void        clr_lists_changes_view_set_store    (ClrListsChangesView *self,
                                                 ClrStore            *store);
/* The sources that have a version to compare (char *): the source
 * drop-down offers them, keeping the source shown (or the first). */
void        clr_lists_changes_view_set_sources  (ClrListsChangesView *self,
                                                 GPtrArray           *sources);
/* The source shown (NULL: none); setting it does not load it. */
const char *clr_lists_changes_view_get_source   (ClrListsChangesView *self);
void        clr_lists_changes_view_set_source   (ClrListsChangesView *self,
                                                 const char          *source);
/* Reads the latest update of @source (NULL: none) off the main thread. */
void        clr_lists_changes_view_load         (ClrListsChangesView *self,
                                                 const char          *source);
/* @kind: a ClrListChangeKind, or -1 for all; NULL for all lists, countries. */
void        clr_lists_changes_view_filter       (ClrListsChangesView *self,
                                                 int                  kind,
                                                 const char          *list_code,
                                                 const char          *country);
/* What the last re-screen found for the user's parties. */
void        clr_lists_changes_view_set_rescreen (ClrListsChangesView *self,
                                                 const char          *text);
/* ClrListsItem (changes) passing the filters. */
GListModel *clr_lists_changes_view_get_model    (ClrListsChangesView *self);
const char *clr_lists_changes_view_get_summary  (ClrListsChangesView *self);

G_END_DECLS
