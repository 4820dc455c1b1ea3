/* clr-store-task.h — running store work in a worker thread (private to the store)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The blocking work of one _async function, run in a worker thread with
 * the task's @source_object (the ClrStore, or NULL) and @data. Returns the
 * result, or NULL with @error set. A boolean task returns
 * GINT_TO_POINTER (ok). */
typedef gpointer (*ClrStoreTaskFunc) (gpointer       source_object,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

typedef enum
{
  CLR_STORE_TASK_DEFAULT        = 0,
  /* Return the cancellation error instead of running when @cancellable is
   * already cancelled as the worker starts. */
  CLR_STORE_TASK_SKIP_CANCELLED = 1 << 0,
  /* Return what happened even when @cancellable is cancelled meanwhile:
   * a cancel that came after a commit must not pretend nothing was stored. */
  CLR_STORE_TASK_REPORT_DONE    = 1 << 1,
} ClrStoreTaskFlags;

/* Runs @func in a worker thread. @data is freed with @data_free once the
 * task is done; a pointer result is freed with @result_free if nobody
 * takes it; @result_free NULL makes a boolean task. */
void     _clr_store_task_run            (gpointer             source_object,
                                         gpointer             source_tag,
                                         ClrStoreTaskFlags    flags,
                                         ClrStoreTaskFunc     func,
                                         gpointer             data,
                                         GDestroyNotify       data_free,
                                         GDestroyNotify       result_free,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* The matching _finish: the pointer result (owned by the caller), the
 * boolean, or the gint64 id of a task whose func returned
 * _clr_store_task_id(). NULL, FALSE or 0 with @error set on failure. */
gpointer _clr_store_task_finish_pointer (gpointer             source_object,
                                         GAsyncResult        *result,
                                         GError             **error);
gboolean _clr_store_task_finish_boolean (gpointer             source_object,
                                         GAsyncResult        *result,
                                         GError             **error);
gint64   _clr_store_task_finish_id      (gpointer             source_object,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The @data given to _clr_store_task_run() for the task behind @result
 * (for a helper built on this one, such as the net library's). */
gpointer _clr_store_task_get_data       (GAsyncResult        *result);

/* A result for an id task (result_free g_free): NULL when @id is 0. */
gpointer _clr_store_task_id             (gint64               id);

/* Defines a ClrStoreTaskFunc @name that returns @... (an expression of
 * self, data (the task data as a @DataType pointer), cancellable and error). */
#define CLR_STORE_TASK_FUNC(name, DataType, ...) \
  static gpointer \
  name (gpointer       self, \
        gpointer       task_data, \
        GCancellable  *cancellable, \
        GError       **error) \
  { \
    G_GNUC_UNUSED DataType *data = task_data; \
    return __VA_ARGS__; \
  }

/* Defines the public _finish function @name of a store _async function:
 * @RetType is what it returns, @kind one of pointer, boolean or id (the
 * _clr_store_task_finish_ function it calls on the source @SelfType). */
#define CLR_STORE_TASK_DEFINE_FINISH(RetType, name, SelfType, kind) \
  RetType \
  name (SelfType      *self, \
        GAsyncResult  *result, \
        GError       **error) \
  { \
    return _clr_store_task_finish_##kind (self, result, error); \
  }

/* The same for an _async function with no source object. */
#define CLR_STORE_TASK_DEFINE_FINISH_UNOWNED(RetType, name, kind) \
  RetType \
  name (GAsyncResult  *result, \
        GError       **error) \
  { \
    return _clr_store_task_finish_##kind (NULL, result, error); \
  }

G_END_DECLS
