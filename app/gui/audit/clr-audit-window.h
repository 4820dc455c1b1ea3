/* clr-audit-window.h — the Audit Log window: the whole trail in plain words, filtered,
 * verified and exported
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-audit.h"

G_BEGIN_DECLS

#define CLR_TYPE_AUDIT_WINDOW (clr_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (ClrAuditWindow, clr_audit_window, CLR, AUDIT_WINDOW, AdwWindow)

/* Signals: ::loaded () after every read of the trail (with or without
 * error); ::verified (gboolean intact) when Verify Integrity finished;
 * ::exported (gboolean ok) when an export was written (or failed).
 * Actions: audit.verify, audit.export("csv"|"json"), audit.reload (F5);
 * Escape closes the window. Activating a row about a screening hit runs
 * win.review-hit on the window it is transient for. */
GtkWindow  *clr_audit_window_new             (ClrStore       *store);
/* Reads the trail again, off the main thread. */
void        clr_audit_window_reload          (ClrAuditWindow *self);

G_END_DECLS
