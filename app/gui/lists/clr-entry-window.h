/* clr-entry-window.h — one listed entry, every published field, in its own window
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-entry.h"

G_BEGIN_DECLS

#define CLR_TYPE_ENTRY_WINDOW (clr_entry_window_get_type ())

G_DECLARE_FINAL_TYPE (ClrEntryWindow, clr_entry_window, CLR, ENTRY_WINDOW, AdwWindow)

/* A modal window over @parent's window showing @entry, with @note (what the
 * update did to it, or why a search found it; NULL: none) above it. */
GtkWindow *clr_entry_window_new (GtkWidget      *parent,
                                 const ClrEntry *entry,
                                 const char     *note);

G_END_DECLS
