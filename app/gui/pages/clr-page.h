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

/* The store and settings the window and its pages work on, as the
 * construct-only properties "store" (the opened database, may be NULL) and
 * "settings" (the preferences: the window keeps its size and page there,
 * the pages read theirs). ClrPage and ClrWindow handle them alike with: */
typedef struct
{
  ClrStore    *store;
  ClrSettings *settings;
} ClrPageContext;

/* Makes the pspecs: @pspecs[@store_id] "store", @pspecs[@store_id + 1]
 * "settings". */
void     clr_page_context_class_init   (GParamSpec          **pspecs,
                                        guint                 store_id);
/* For get/set_property: FALSE when @prop_id is neither of the two. */
gboolean clr_page_context_get_property (const ClrPageContext *context,
                                        guint                 store_id,
                                        guint                 prop_id,
                                        GValue               *value);
gboolean clr_page_context_set_property (ClrPageContext       *context,
                                        guint                 store_id,
                                        guint                 prop_id,
                                        const GValue         *value);
void     clr_page_context_clear        (ClrPageContext       *context);

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
