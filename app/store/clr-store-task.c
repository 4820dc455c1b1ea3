/* clr-store-task.c — running store work in a worker thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-task.h"

typedef struct
{
  ClrStoreTaskFunc   func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
  ClrStoreTaskFlags  flags;
} StoreTask;

static void
store_task_free (StoreTask *st)
{
  if (st->data_free != NULL && st->data != NULL)
    st->data_free (st->data);
  g_free (st);
}

static void
store_task_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  StoreTask *st = task_data;
  GError *error = NULL;
  gpointer result;

  if ((st->flags & CLR_STORE_TASK_SKIP_CANCELLED) != 0 && g_task_return_error_if_cancelled (task))
    return;

  result = st->func (source_object, st->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && st->result_free != NULL)
        st->result_free (result);
      g_task_return_error (task, error);
    }
  else if (st->result_free == NULL)
    g_task_return_boolean (task, result != NULL);
  else
    g_task_return_pointer (task, result, st->result_free);
}

void
_clr_store_task_run (gpointer             source_object,
                     gpointer             source_tag,
                     ClrStoreTaskFlags    flags,
                     ClrStoreTaskFunc     func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  StoreTask *st = g_new0 (StoreTask, 1);

  st->func = func;
  st->data = data;
  st->data_free = data_free;
  st->result_free = result_free;
  st->flags = flags;

  g_task_set_source_tag (task, source_tag);
  if ((flags & CLR_STORE_TASK_REPORT_DONE) != 0)
    g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, st, (GDestroyNotify) store_task_free);
  g_task_run_in_thread (task, store_task_thread);
}

gpointer
_clr_store_task_finish_pointer (gpointer       source_object,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_clr_store_task_finish_boolean (gpointer       source_object,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gint64
_clr_store_task_finish_id (gpointer       source_object,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autofree gint64 *id = _clr_store_task_finish_pointer (source_object, result, error);

  return id != NULL ? *id : 0;
}

gpointer
_clr_store_task_get_data (GAsyncResult *result)
{
  StoreTask *st = g_task_get_task_data (G_TASK (result));

  return st->data;
}

gpointer
_clr_store_task_id (gint64 id)
{
  return id != 0 ? g_memdup2 (&id, sizeof id) : NULL;
}
