/* clr-entry-view.h — every published field of one listed entry, read-only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-entry.h"

G_BEGIN_DECLS

#define CLR_TYPE_ENTRY_VIEW (clr_entry_view_get_type ())

G_DECLARE_FINAL_TYPE (ClrEntryView, clr_entry_view, CLR, ENTRY_VIEW, AdwBin)

GtkWidget  *clr_entry_view_new        (void);
/* Shows @entry (NULL: nothing). Words of the names whose folded form is in
 * @highlight (see clr_highlight_fold(); NULL = none) are shown in bold. */
void        clr_entry_view_set_entry  (ClrEntryView       *self,
                                       const ClrEntry     *entry,
                                       const char * const *highlight);
/* The text shown for the primary name (for tests). */
const char *clr_entry_view_get_title  (ClrEntryView       *self);

G_END_DECLS
