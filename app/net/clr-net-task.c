/* clr-net-task.c — running a blocking net call in a worker thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-net-task.h"

typedef struct
{
  ClrNetTaskFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  gsize           result_size;
  GDestroyNotify  result_free;
} NetTask;

static void
net_task_free (gpointer data)
{
  NetTask *net = data;

  if (net->data_free != NULL)
    net->data_free (net->data);
  g_free (net);
}

static void
net_task_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  NetTask *net = task_data;
  gpointer result = g_malloc0 (net->result_size);
  GError *error = NULL;

  if (net->func (source_object, net->data, result, cancellable, &error))
    g_task_return_pointer (task, result, net->result_free);
  else
    {
      g_free (result);   /* @func left nothing in it */
      g_task_return_error (task, error);
    }
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
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  NetTask *net = g_new0 (NetTask, 1);

  net->func = func;
  net->data = task_data;
  net->data_free = task_data_free;
  net->result_size = result_size;
  net->result_free = result_free;

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, net, net_task_free);
  g_task_run_in_thread (task, net_task_thread);
}

gboolean
_clr_net_task_finish (GAsyncResult  *res,
                      gpointer       result,
                      gsize          result_size,
                      GDestroyNotify clear,
                      GError       **error)
{
  NetTask *net = g_task_get_task_data (G_TASK (res));
  gpointer value = g_task_propagate_pointer (G_TASK (res), error);

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
    net->result_free (value);

  return TRUE;
}
