/* clr-case-saver.h — autosave of the open case: debounced, off the main thread, never
 * losing the newest document (close and crash safe)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-store.h"

G_BEGIN_DECLS

#define CLR_TYPE_CASE_SAVER (clr_case_saver_get_type ())

G_DECLARE_FINAL_TYPE (ClrCaseSaver, clr_case_saver, CLR, CASE_SAVER, GObject)

/* Signals (main thread):
 *   ::saved (gint64 case_id, gboolean created) — a document reached the database
 *   ::failed (const char *message) — it did not; the document stays queued */
ClrCaseSaver *clr_case_saver_new          (ClrStore     *store);
/* The case the queued documents belong to; 0 = a new case, created on the first save. */
gint64        clr_case_saver_get_case_id  (ClrCaseSaver *self);
/* Switches to another case. Call clr_case_saver_flush() first. */
void          clr_case_saver_set_case_id  (ClrCaseSaver *self,
                                           gint64        case_id);
/* Queues @shipment (copied) as the newest document; it is written after
 * @delay_ms without a newer one, in a worker thread. */
void          clr_case_saver_queue        (ClrCaseSaver *self,
                                           JsonNode     *shipment,
                                           guint         delay_ms);
gboolean      clr_case_saver_has_pending  (ClrCaseSaver *self);
/* Writes the queued document now, on the calling thread (on close, before
 * switching cases or exporting). TRUE when nothing was pending. */
gboolean      clr_case_saver_flush        (ClrCaseSaver *self,
                                           GError      **error);

G_END_DECLS
