/* clr-lists-page.h — the Lists page: the screening lists loaded, their sources and freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-page.h"

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_PAGE (clr_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsPage, clr_lists_page, CLR, LISTS_PAGE, ClrPage)

/* Properties: store (ClrStore, construct-only), settings (ClrSettings,
 * construct-only, may be NULL: default staleness and threshold), both set
 * by the window; read-only: needs-attention (boolean: an enabled source is
 * stale or was never loaded — the window's freshness indicator binds to it;
 * the page also sets needs-attention on its AdwViewStackPage), attention-text
 * (the warning, or NULL), busy (an import, download or re-screen is running).
 *
 * The page is a stack of three views (lists/): Sources, Changes (what the
 * latest update of a source changed) and Search.
 *
 * Signals: ::sources-loaded () after the sources were (re)read;
 * ::operation-finished (gboolean ok, const char *message) after an import or
 * update (with its re-screen) ended; ::changes-loaded () after What changed
 * was filled; ::search-finished () after a search.
 *
 * Actions: lists.import (Ctrl+O), lists.update-all, lists.update (s: source
 * id), lists.set-enabled ((sb): source id, enabled), lists.cancel (Escape
 * while busy), lists.add-source, lists.search (Ctrl+F). */
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

/* What changed: shows the latest update of @source. */
void         clr_lists_page_show_changes        (ClrListsPage *self,
                                                 const char   *source);
/* Search: shows the Search view searching @text. */
void         clr_lists_page_search              (ClrListsPage *self,
                                                 const char   *text);

G_END_DECLS
