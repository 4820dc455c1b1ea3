/* clr-lists-page.h — the Lists page: the screening lists loaded, their sources and freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLR_TYPE_LISTS_PAGE (clr_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrListsPage, clr_lists_page, CLR, LISTS_PAGE, AdwBin)

GtkWidget *clr_lists_page_new (void);

G_END_DECLS
