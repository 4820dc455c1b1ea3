/* clr-audit-window-private.h — what the tests reach inside the Audit Log window
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-audit-window.h"

G_BEGIN_DECLS

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
