/* clr-net-task.c — running a blocking net call in a worker thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-net-task.h"
#include "clr-store-task.h"

/* The net call a store task runs. */
typedef struct
{
  ClrNetTaskFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  gsize           result_size;
  GDestroyNotify  result_free;
} NetCall;

static void
net_call_free (NetCall *call)
{
  if (call->data_free != NULL)
    call->data_free (call->data);
  g_free (call);
}

static gpointer
net_call_run (gpointer       source_object,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  NetCall *call = task_data;
  gpointer result = g_malloc0 (call->result_size);

  if (call->func (source_object, call->data, result, cancellable, error))
    return result;
  g_free (result);   /* @func left nothing in it */
  return NULL;
}

void
_clr_net_task_run (gpointer             source_object,
                   gpointer             source_tag,
                   ClrNetTaskFunc       func,
                   gpointer             task_data,
                   GDestroyNotify       task_data_free,
                   gsize                result_size,
                   GDestroyNotify       result_free,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  NetCall *call = g_new0 (NetCall, 1);

  call->func = func;
  call->data = task_data;
  call->data_free = task_data_free;
  call->result_size = result_size;
  call->result_free = result_free;
  _clr_store_task_run (source_object, source_tag, CLR_STORE_TASK_REPORT_DONE, net_call_run, call,
                       (GDestroyNotify) net_call_free, result_free, cancellable, callback, user_data);
}

gboolean
_clr_net_task_finish (GAsyncResult  *res,
                      gpointer       result,
                      gsize          result_size,
                      GDestroyNotify clear,
                      GError       **error)
{
  NetCall *call = _clr_store_task_get_data (res);
  gpointer value = _clr_store_task_finish_pointer (g_task_get_source_object (G_TASK (res)), res, error);

  if (value == NULL)
    return FALSE;

  if (result != NULL)
    {
      if (clear != NULL)
        clear (result);
      memcpy (result, value, result_size);
      g_free (value);
    }
  else
    call->result_free (value);

  return TRUE;
}
