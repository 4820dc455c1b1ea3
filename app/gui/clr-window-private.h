/* clr-window-private.h — what the tests reach inside the main window
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-window.h"

G_BEGIN_DECLS

/* The page widget named @page ("shipment", "review", "lists"; borrowed). */
GtkWidget  *clr_window_get_page_widget (ClrWindow  *self,
                                        const char *page);

G_END_DECLS
