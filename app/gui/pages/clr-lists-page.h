/* clr-lists-page.h — the Lists page: the screening lists loaded, their sources and freshness
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

#define CLR_TYPE_LISTS_PAGE (clr_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsPage, clr_lists_page, CLR, LISTS_PAGE, AdwBin)

/* The page follows the running ClrApplication's store and settings; tests
 * may set them explicitly.
 *
 * Properties (read-only): needs-attention (boolean: an enabled source is
 * stale or was never loaded — the window's freshness indicator binds to it;
 * the page also sets needs-attention on its AdwViewStackPage), attention-text
 * (the warning, or NULL), busy (an import, download or re-screen is running).
 *
 * Signals: ::sources-loaded () after the sources were (re)read;
 * ::operation-finished (gboolean ok, const char *message) after an import or
 * update (with its re-screen) ended; ::changes-loaded () after What changed
 * was filled; ::search-finished () after a search.
 *
 * Actions: lists.import (Ctrl+O), lists.update-all, lists.update (s: source
 * id), lists.cancel (Escape while busy), lists.add-source, lists.search (Ctrl+F). */
GtkWidget   *clr_lists_page_new                 (void);
void         clr_lists_page_set_store           (ClrListsPage *self,
                                                 ClrStore     *store);
void         clr_lists_page_set_settings        (ClrListsPage *self,
                                                 ClrSettings  *settings);
void         clr_lists_page_reload              (ClrListsPage *self);

/* Imports @file off the main thread, as the file chooser and a drop do. */
void         clr_lists_page_import_file         (ClrListsPage *self,
                                                 GFile        *file);
/* Downloads @source (NULL: every enabled source with an address). */
void         clr_lists_page_update              (ClrListsPage *self,
                                                 const char   *source);
void         clr_lists_page_cancel              (ClrListsPage *self);
gboolean     clr_lists_page_get_busy            (ClrListsPage *self);

gboolean     clr_lists_page_get_needs_attention (ClrListsPage *self);
const char  *clr_lists_page_get_attention_text  (ClrListsPage *self);
/* ClrSourceStatus * as last loaded (borrowed), or NULL. */
GPtrArray   *clr_lists_page_get_sources         (ClrListsPage *self);
/* The line under the progress bar: the last outcome or error ("" = none). */
const char  *clr_lists_page_get_status_text     (ClrListsPage *self);
const char  *clr_lists_page_get_summary_text    (ClrListsPage *self);

/* What changed: shows the latest update of @source; the model holds
 * ClrBoxedObject (ClrListChange) passing the filters (NULL = all). */
void         clr_lists_page_show_changes        (ClrListsPage *self,
                                                 const char   *source);
void         clr_lists_page_filter_changes      (ClrListsPage *self,
                                                 int           kind,
                                                 const char   *list_code,
                                                 const char   *country);
GListModel  *clr_lists_page_get_changes_model   (ClrListsPage *self);
const char  *clr_lists_page_get_changes_summary (ClrListsPage *self);

/* Search: the model holds ClrBoxedObject (ClrHit). */
void         clr_lists_page_search              (ClrListsPage *self,
                                                 const char   *text);
GListModel  *clr_lists_page_get_search_model    (ClrListsPage *self);

G_END_DECLS
