/* clr-store-cases-async.c — the case functions run in a worker thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-json.h"
#include "clr-store-cases.h"
#include "clr-store-task.h"

typedef struct
{
  gint64         id;
  JsonNode      *node;
  char          *text;   /* search or path */
  ClrCaseStatus  status;
  guint          limit;
  gboolean       flag;
} CaseTaskData;

static void
case_task_data_free (CaseTaskData *data)
{
  g_clear_pointer (&data->node, json_node_unref);
  g_free (data->text);
  g_free (data);
}

static CaseTaskData *
case_task_data_new (gint64      id,
                    JsonNode   *node,
                    const char *text)
{
  CaseTaskData *data = g_new0 (CaseTaskData, 1);

  data->id = id;
  /* A deep copy: json_node_copy() shares objects, and the caller's form
   * goes on changing its document while the worker saves. */
  data->node = clr_json_node_deep_copy (node);
  data->text = g_strdup (text);
  return data;
}

/* @result_free: g_free for an id, NULL for a boolean. */
static void
run_case_task (ClrStore            *self,
               gpointer             source_tag,
               ClrStoreTaskFunc     func,
               CaseTaskData        *data,
               GDestroyNotify       result_free,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  _clr_store_task_run (self, source_tag, CLR_STORE_TASK_SKIP_CANCELLED, func,
                       data, (GDestroyNotify) case_task_data_free, result_free,
                       cancellable, callback, user_data);
}

CLR_STORE_TASK_FUNC (create_case_func, CaseTaskData, _clr_store_task_id (clr_store_create_case (self, data->node, error)))
CLR_STORE_TASK_FUNC (duplicate_case_func, CaseTaskData, _clr_store_task_id (clr_store_duplicate_case (self, data->id, error)))
CLR_STORE_TASK_FUNC (import_case_func, CaseTaskData, _clr_store_task_id (clr_store_import_case (self, data->text, error)))
CLR_STORE_TASK_FUNC (save_case_func, CaseTaskData, GINT_TO_POINTER (clr_store_save_case (self, data->id, data->node, error)))
CLR_STORE_TASK_FUNC (save_case_result_func, CaseTaskData, GINT_TO_POINTER (clr_store_save_case_result (self, data->id, data->node, error)))
CLR_STORE_TASK_FUNC (set_case_archived_func, CaseTaskData, GINT_TO_POINTER (clr_store_set_case_archived (self, data->id, data->flag, error)))
CLR_STORE_TASK_FUNC (export_case_func, CaseTaskData, GINT_TO_POINTER (clr_store_export_case (self, data->id, data->text, error)))
CLR_STORE_TASK_FUNC (get_case_func, CaseTaskData, clr_store_get_case (self, data->id, error))
CLR_STORE_TASK_FUNC (list_cases_func, CaseTaskData, clr_store_list_cases (self, data->text, data->status, data->limit, error))

void
clr_store_create_case_async (ClrStore            *self,
                             JsonNode            *shipment,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_create_case_async, create_case_func,
                 case_task_data_new (0, shipment, NULL), g_free, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gint64, clr_store_create_case_finish, ClrStore, id)

void
clr_store_save_case_async (ClrStore            *self,
                           gint64               id,
                           JsonNode            *shipment,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_save_case_async, save_case_func,
                 case_task_data_new (id, shipment, NULL), NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_save_case_finish, ClrStore, boolean)

void
clr_store_save_case_result_async (ClrStore            *self,
                                  gint64               id,
                                  JsonNode            *result_doc,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_save_case_result_async, save_case_result_func,
                 case_task_data_new (id, result_doc, NULL), NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_save_case_result_finish, ClrStore, boolean)

void
clr_store_get_case_async (ClrStore            *self,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_get_case_async, get_case_func, case_task_data_new (id, NULL, NULL),
                 (GDestroyNotify) clr_case_unref, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (ClrCase *, clr_store_get_case_finish, ClrStore, pointer)

void
clr_store_list_cases_async (ClrStore            *self,
                            const char          *search,
                            ClrCaseStatus        status,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CaseTaskData *data;

  g_return_if_fail (CLR_IS_STORE (self));

  data = case_task_data_new (0, NULL, search);
  data->status = status;
  data->limit = limit;
  run_case_task (self, clr_store_list_cases_async, list_cases_func, data,
                 (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (GPtrArray *, clr_store_list_cases_finish, ClrStore, pointer)

void
clr_store_duplicate_case_async (ClrStore            *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_duplicate_case_async, duplicate_case_func,
                 case_task_data_new (id, NULL, NULL), g_free, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gint64, clr_store_duplicate_case_finish, ClrStore, id)

void
clr_store_set_case_archived_async (ClrStore            *self,
                                   gint64               id,
                                   gboolean             archived,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CaseTaskData *data;

  g_return_if_fail (CLR_IS_STORE (self));

  data = case_task_data_new (id, NULL, NULL);
  data->flag = archived;
  run_case_task (self, clr_store_set_case_archived_async, set_case_archived_func, data, NULL,
                 cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_set_case_archived_finish, ClrStore, boolean)

void
clr_store_import_case_async (ClrStore            *self,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_import_case_async, import_case_func,
                 case_task_data_new (0, NULL, path), g_free, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gint64, clr_store_import_case_finish, ClrStore, id)

void
clr_store_export_case_async (ClrStore            *self,
                             gint64               id,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));
  run_case_task (self, clr_store_export_case_async, export_case_func,
                 case_task_data_new (id, NULL, path), NULL, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_export_case_finish, ClrStore, boolean)
