/* clr-window.h — the main window: header bar, view switcher, three pages
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-application.h"

G_BEGIN_DECLS

#define CLR_TYPE_WINDOW (clr_window_get_type ())

G_DECLARE_FINAL_TYPE (ClrWindow, clr_window, CLR, WINDOW, AdwApplicationWindow)

/* A window on @application's store and settings (construct-only
 * properties "store" and "settings"; the store must be open). */
ClrWindow  *clr_window_new        (ClrApplication *application);

/* Page names: "shipment", "review", "lists". The same switch is the
 * stateful action "win.page" with a string parameter (Alt+1/2/3).
 * "win.review-hit" ((xsssx): case id, party name, list code, entry key,
 * review queue item id or 0) shows the Review page with that hit selected. */
void        clr_window_set_page   (ClrWindow      *self,
                                   const char     *page);
const char *clr_window_get_page   (ClrWindow      *self);

/* Shows the Shipment page and opens @file there as a new case (the
 * application's "open": files named on the command line or by the desktop). */
void        clr_window_open_file  (ClrWindow      *self,
                                   GFile          *file);

/* Shows a toast with @title (already translated), default timeout, over the
 * window's content. */
void        clr_window_show_toast (ClrWindow      *self,
                                   const char     *title);

G_END_DECLS
