/* clr-audit-event.h — one audit trail entry in plain words, as a list item
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-audit.h"
#include "clr-store-review.h"

G_BEGIN_DECLS

#define CLR_TYPE_AUDIT_EVENT (clr_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (ClrAuditEvent, clr_audit_event, CLR, AUDIT_EVENT, GObject)

/* Read-only properties, for <lookup> in list item templates:
 *   "id" (gint64), "case-id" (gint64), "review-id" (gint64, 0 unless the
 *   entry is about a review hit), "title" (what happened: "Not a match —
 *   Different entity — note “…”"), "detail" (previous → new decision and the
 *   hit: party, listed entry; "" when none), "has-detail", "context" (case
 *   reference, when, who), "case-label" ("Case 3 · PO-2291", "" for none),
 *   "party", "reviewer" (display name), "when" (local time), "has-hit". */
/* @case_reference: the case's shipment reference, or NULL. @item: the review
 * item the entry is about (for its party and listed entry when the entry
 * itself does not name them), or NULL. */
ClrAuditEvent *clr_audit_event_new            (const ClrAuditEntry *entry,
                                               const char          *case_reference,
                                               const ClrReviewItem *item);
gint64         clr_audit_event_get_id         (ClrAuditEvent *self);
gint64         clr_audit_event_get_case_id    (ClrAuditEvent *self);
gint64         clr_audit_event_get_review_id  (ClrAuditEvent *self);
const char    *clr_audit_event_get_title      (ClrAuditEvent *self);
const char    *clr_audit_event_get_detail     (ClrAuditEvent *self);
const char    *clr_audit_event_get_context    (ClrAuditEvent *self);
const char    *clr_audit_event_get_case_label (ClrAuditEvent *self);
const char    *clr_audit_event_get_party      (ClrAuditEvent *self);
const char    *clr_audit_event_get_reviewer   (ClrAuditEvent *self);
/* The win.review-hit parameter "(xsssx)" that opens the entry's hit on the
 * Review page (floating), or NULL when the entry is not about a hit. */
GVariant      *clr_audit_event_get_hit_target (ClrAuditEvent *self);

/* A list box row for a case's history: the title, the detail and context as
 * subtitle, and, for a hit, activatable with win.review-hit. */
GtkWidget     *clr_audit_event_create_row     (ClrAuditEvent *self);

/* Reads the trail (all of it, or case @case_id's history when > 0) in a
 * GTask thread with each case's reference and each review hit's party and
 * listed entry. The result is a GListModel of ClrAuditEvent, oldest first. */
void           clr_audit_events_load_async    (ClrStore            *store,
                                               gint64               case_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GListModel    *clr_audit_events_load_finish   (ClrStore            *store,
                                               GAsyncResult        *result,
                                               GError             **error);

/* An ISO 8601 UTC time as local "YYYY-MM-DD HH:MM" ("" for NULL; @iso
 * itself when it does not parse): how the Audit Log and the Review page
 * show when something happened. */
char          *clr_audit_format_time          (const char *iso);

G_END_DECLS
