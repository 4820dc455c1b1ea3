/* clr-page.h — the base of the window's pages: the store and settings they work on
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

#define CLR_TYPE_PAGE (clr_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (ClrPage, clr_page, CLR, PAGE, AdwBin)

struct _ClrPageClass
{
  AdwBinClass parent_class;
};

/* Properties: store (ClrStore, construct-only), settings (ClrSettings,
 * construct-only); both may be NULL (a page without a database). The
 * window creates each page with both; a subclass reads them from its
 * constructed() on. */
ClrStore    *clr_page_get_store    (ClrPage *self);
ClrSettings *clr_page_get_settings (ClrPage *self);

G_END_DECLS
