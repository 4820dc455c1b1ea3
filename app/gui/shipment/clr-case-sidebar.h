/* clr-case-sidebar.h — the Shipment page's list of cases: search, archived, recent first
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_CASE_SIDEBAR (clr_case_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ClrCaseSidebar, clr_case_sidebar, CLR, CASE_SIDEBAR, GtkBox)

/* Signals:
 *   ::case-activated (gint64 case_id) — a row was activated
 *   ::loaded — the list was (re)filled from the store
 *   ::failed (const char *message) — the cases could not be listed */
/* Lists @store's cases; on a watched team database (clr_store_watch()) the
 * list is refreshed when another program changes a case. */
void        clr_case_sidebar_set_store        (ClrCaseSidebar *self,
                                               ClrStore       *store);
/* Lists the cases matching the search now, or after a short pause. */
void        clr_case_sidebar_refresh          (ClrCaseSidebar *self);
void        clr_case_sidebar_queue_refresh    (ClrCaseSidebar *self);
/* Selects the row of case @case_id (none for 0). */
void        clr_case_sidebar_select_case      (ClrCaseSidebar *self,
                                               gint64          case_id);
/* The most recent case when it is open and the list is not searched, else 0. */
gint64      clr_case_sidebar_get_recent_case  (ClrCaseSidebar *self);
void        clr_case_sidebar_focus_search     (ClrCaseSidebar *self);
/* Shows the button back to the form (when the page is folded). */
void        clr_case_sidebar_set_show_close   (ClrCaseSidebar *self,
                                               gboolean        show);
GtkListBox *clr_case_sidebar_get_list         (ClrCaseSidebar *self);
/* Whether the open case @case_id has an out-of-date result: its row is
 * marked (kept across refreshes; other rows go by the stored dates). */
void        clr_case_sidebar_set_stale        (ClrCaseSidebar *self,
                                               gint64          case_id,
                                               gboolean        stale);

G_END_DECLS
