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
/* The events shown (ClrAuditEvent, newest first, after the filters). */
GListModel *clr_audit_window_get_events      (ClrAuditWindow *self);
/* Chooses @reviewer in the reviewer filter (NULL = all reviewers); FALSE
 * when no event was recorded by that name. */
gboolean    clr_audit_window_select_reviewer (ClrAuditWindow *self,
                                              const char     *reviewer);
/* Chooses case @case_id in the case filter (0 = all cases); FALSE when no
 * event concerns that case. */
gboolean    clr_audit_window_select_case     (ClrAuditWindow *self,
                                              gint64          case_id);
/* The result line of the last Verify Integrity ("" before the first). */
const char *clr_audit_window_get_verify_text (ClrAuditWindow *self);
/* Writes the whole trail to @file as clearance-cli audit export does
 * (atomically, off the main thread); what the Export menu's file chooser
 * calls. ::exported tells when it is done. */
void        clr_audit_window_export          (ClrAuditWindow *self,
                                              GFile          *file,
                                              ClrAuditFormat  format);

G_END_DECLS
