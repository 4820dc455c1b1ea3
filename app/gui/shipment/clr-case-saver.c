/* clr-case-saver.c — autosave of the open case
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-case-saver.h"
#include "clr-store-cases.h"

/* Every write takes the newest queued document and writes it while holding
 * `lock`, so whichever of a worker and a flush runs last writes the newest
 * document: an older one can never overwrite a newer one. */
struct _ClrCaseSaver
{
  GObject    parent_instance;

  ClrStore  *store;
  GMutex     lock;
  JsonNode  *pending;     /* under lock */
  gint64     case_id;     /* under lock */
  guint      timeout_id;
  guint      in_flight;
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrCaseSaver, clr_case_saver, G_TYPE_OBJECT)

typedef struct
{
  gint64   case_id;
  gboolean created;
  gboolean wrote;
} WriteResult;

/* Called with lock held. */
static gboolean
write_pending_locked (ClrCaseSaver *self,
                      WriteResult  *out,
                      GError      **error)
{
  g_autoptr(JsonNode) document = g_steal_pointer (&self->pending);

  out->case_id = self->case_id;
  out->created = FALSE;
  out->wrote = FALSE;
  if (document == NULL)
    return TRUE;

  if (self->case_id == 0)
    {
      gint64 id = clr_store_create_case (self->store, document, error);

      if (id == 0)
        {
          self->pending = g_steal_pointer (&document);
          return FALSE;
        }
      self->case_id = id;
      out->created = TRUE;
    }
  else if (!clr_store_save_case (self->store, self->case_id, document, error))
    {
      /* Keep it for the next attempt, unless something newer arrived meanwhile. */
      if (self->pending == NULL)
        self->pending = g_steal_pointer (&document);
      return FALSE;
    }
  out->case_id = self->case_id;
  out->wrote = TRUE;
  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ClrCaseSaver *self = source_object;
  WriteResult *result = g_new0 (WriteResult, 1);
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = write_pending_locked (self, result, &error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    {
      g_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, g_free);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  ClrCaseSaver *self = CLR_CASE_SAVER (object);
  g_autoptr(GError) error = NULL;
  g_autofree WriteResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  self->in_flight--;
  if (result == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  if (result->wrote)
    g_signal_emit (self, signals[SAVED], 0, result->case_id, result->created);
}

static gboolean
timeout_cb (gpointer user_data)
{
  ClrCaseSaver *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, write_done_cb, NULL);

  self->timeout_id = 0;
  self->in_flight++;
  g_task_set_source_tag (task, timeout_cb);
  g_task_run_in_thread (task, write_thread);
  return G_SOURCE_REMOVE;
}

static void
clr_case_saver_dispose (GObject *object)
{
  ClrCaseSaver *self = CLR_CASE_SAVER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (clr_case_saver_parent_class)->dispose (object);
}

static void
clr_case_saver_finalize (GObject *object)
{
  ClrCaseSaver *self = CLR_CASE_SAVER (object);

  g_clear_pointer (&self->pending, json_node_unref);
  g_clear_object (&self->store);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (clr_case_saver_parent_class)->finalize (object);
}

static void
clr_case_saver_class_init (ClrCaseSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clr_case_saver_dispose;
  object_class->finalize = clr_case_saver_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
clr_case_saver_init (ClrCaseSaver *self)
{
  g_mutex_init (&self->lock);
}

ClrCaseSaver *
clr_case_saver_new (ClrStore *store)
{
  ClrCaseSaver *self;

  g_return_val_if_fail (CLR_IS_STORE (store), NULL);

  self = g_object_new (CLR_TYPE_CASE_SAVER, NULL);
  self->store = g_object_ref (store);
  return self;
}

gint64
clr_case_saver_get_case_id (ClrCaseSaver *self)
{
  gint64 id;

  g_return_val_if_fail (CLR_IS_CASE_SAVER (self), 0);

  g_mutex_lock (&self->lock);
  id = self->case_id;
  g_mutex_unlock (&self->lock);
  return id;
}

void
clr_case_saver_set_case_id (ClrCaseSaver *self,
                            gint64        case_id)
{
  g_return_if_fail (CLR_IS_CASE_SAVER (self));

  g_mutex_lock (&self->lock);
  if (self->pending != NULL)
    g_warning ("Switching cases with an unsaved document: flush first");
  g_clear_pointer (&self->pending, json_node_unref);
  self->case_id = case_id;
  g_mutex_unlock (&self->lock);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

void
clr_case_saver_queue (ClrCaseSaver *self,
                      JsonNode     *shipment,
                      guint         delay_ms)
{
  g_return_if_fail (CLR_IS_CASE_SAVER (self));
  g_return_if_fail (shipment != NULL);

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, json_node_unref);
  self->pending = json_node_copy (shipment);
  g_mutex_unlock (&self->lock);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay_ms, timeout_cb, self);
}

gboolean
clr_case_saver_has_pending (ClrCaseSaver *self)
{
  gboolean pending;

  g_return_val_if_fail (CLR_IS_CASE_SAVER (self), FALSE);

  g_mutex_lock (&self->lock);
  pending = self->pending != NULL;
  g_mutex_unlock (&self->lock);
  return pending;
}

gboolean
clr_case_saver_flush (ClrCaseSaver  *self,
                      GError       **error)
{
  WriteResult result;
  gboolean ok;

  g_return_val_if_fail (CLR_IS_CASE_SAVER (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_mutex_lock (&self->lock);
  ok = write_pending_locked (self, &result, error);
  g_mutex_unlock (&self->lock);
  if (ok && result.wrote)
    g_signal_emit (self, signals[SAVED], 0, result.case_id, result.created);
  return ok;
}
