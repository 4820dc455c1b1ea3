/* clr-store-screening.c — a matcher over the store's current list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-lists.h"
#include "clr-store-rules.h"
#include "clr-store-screening.h"
#include "clr-store-task.h"

static gboolean
add_entry (gint64    entry_id,
           ClrEntry *entry,
           gpointer  user_data)
{
  clr_matcher_add_entry (user_data, entry_id, entry);
  return TRUE;
}

static ClrMatcher *
load_matcher (ClrStore  *self,
              gboolean   neighbour_table,
              GError   **error)
{
  g_autoptr(ClrMatcher) matcher = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  matcher = clr_matcher_new ();
  clr_matcher_set_neighbour_table (matcher, neighbour_table);
  if (!clr_store_foreach_current_entry (self, NULL, add_entry, matcher, error))
    return NULL;
  clr_matcher_build (matcher);
  return g_steal_pointer (&matcher);
}

ClrMatcher *
clr_store_load_matcher (ClrStore  *self,
                        GError   **error)
{
  return load_matcher (self, TRUE, error);
}

ClrMatcher *
clr_store_load_matcher_for_one_query (ClrStore  *self,
                                      GError   **error)
{
  return load_matcher (self, FALSE, error);
}

static gpointer
load_func (gpointer       self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  /* the store's shared matcher: built once here at start (the GUI asks
   * early), reused by Evaluate and the other pages */
  return clr_store_get_shared_matcher (self, error);
}

void
clr_store_load_matcher_async (ClrStore            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  _clr_store_task_run (self, clr_store_load_matcher_async, CLR_STORE_TASK_SKIP_CANCELLED,
                       load_func, NULL, NULL, g_object_unref, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (ClrMatcher *, clr_store_load_matcher_finish, ClrStore, pointer)
