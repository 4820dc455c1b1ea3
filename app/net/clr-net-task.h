/* clr-net-task.h — running a blocking net call in a worker thread (private)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The blocking call: fills @result (zeroed, of the size given to
 * _clr_net_task_run()) from @source_object and @task_data; on failure it
 * leaves nothing in @result that needs freeing. */
typedef gboolean (*ClrNetTaskFunc) (gpointer       source_object,
                                    gpointer       task_data,
                                    gpointer       result,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Runs @func in a worker thread. The task reports what happened even when
 * cancelled late (a cancel that came after the commit must not pretend
 * nothing was stored). @result_free frees a result struct and its contents. */
void     _clr_net_task_run    (gpointer             source_object,
                               gpointer             source_tag,
                               ClrNetTaskFunc       func,
                               gpointer             task_data,
                               GDestroyNotify       task_data_free,
                               gsize                result_size,
                               GDestroyNotify       result_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

/* Moves the task's result into @result (first cleared with @clear when it
 * is set), or frees it when @result is NULL. */
gboolean _clr_net_task_finish (GAsyncResult        *res,
                               gpointer             result,
                               gsize                result_size,
                               GDestroyNotify       clear,
                               GError             **error);

G_END_DECLS
