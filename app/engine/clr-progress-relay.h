/* clr-progress-relay.h — progress from a worker thread, delivered in a main context
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The callbacks a caller hands to an _async function: the plain form
 * (imports, downloads) and the form with a phase (list updates). */
typedef void (*ClrProgressFunc)       (guint64  done,
                                       guint64  total,
                                       gpointer user_data);
typedef void (*ClrPhasedProgressFunc) (guint    phase,
                                       guint64  done,
                                       guint64  total,
                                       gpointer user_data);

typedef struct _ClrProgressRelay ClrProgressRelay;

/* Both capture the thread-default main context of the caller: reports made
 * from any thread reach @func there, at most ten a second (a new phase and
 * the final report always get through). @destroy frees @data when the last
 * reference goes, in whichever thread that is. clr_progress_relay_new()
 * takes a @func of NULL (the caller asked for no progress): it frees @data
 * at once and returns NULL. */
ClrProgressRelay *clr_progress_relay_new        (ClrProgressFunc        func,
                                                 gpointer               data,
                                                 GDestroyNotify         destroy);
ClrProgressRelay *clr_progress_relay_new_phased (ClrPhasedProgressFunc  func,
                                                 gpointer               data,
                                                 GDestroyNotify         destroy);
ClrProgressRelay *clr_progress_relay_ref        (ClrProgressRelay      *relay);
void              clr_progress_relay_unref      (ClrProgressRelay      *relay);

void              clr_progress_relay_report     (ClrProgressRelay      *relay,
                                                 guint                  phase,
                                                 guint64                done,
                                                 guint64                total);
/* clr_progress_relay_report() for phase 0, shaped as a ClrProgressFunc so
 * the relay itself can be passed as the worker's progress callback data. */
void              clr_progress_relay_report_cb  (guint64                done,
                                                 guint64                total,
                                                 gpointer               relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrProgressRelay, clr_progress_relay_unref)

G_END_DECLS
