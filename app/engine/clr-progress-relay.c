/* clr-progress-relay.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-progress-relay.h"

struct _ClrProgressRelay
{
  gint                   ref_count;
  ClrProgressFunc        func;
  ClrPhasedProgressFunc  phased_func;
  gpointer               data;
  GDestroyNotify         destroy;
  GMainContext          *context;
  gint64                 last_time;   /* touched by the reporting thread only */
  guint                  last_phase;
};

typedef struct
{
  ClrProgressRelay *relay;
  guint             phase;
  guint64           done;
  guint64           total;
} Message;

static ClrProgressRelay *
relay_new (ClrProgressFunc        func,
           ClrPhasedProgressFunc  phased_func,
           gpointer               data,
           GDestroyNotify         destroy)
{
  ClrProgressRelay *relay = g_new0 (ClrProgressRelay, 1);

  relay->ref_count = 1;
  relay->func = func;
  relay->phased_func = phased_func;
  relay->data = data;
  relay->destroy = destroy;
  relay->context = g_main_context_ref_thread_default ();

  return relay;
}

ClrProgressRelay *
clr_progress_relay_new (ClrProgressFunc func,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  if (func == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return NULL;
    }
  return relay_new (func, NULL, data, destroy);
}

ClrProgressRelay *
clr_progress_relay_new_phased (ClrPhasedProgressFunc func,
                               gpointer              data,
                               GDestroyNotify        destroy)
{
  g_return_val_if_fail (func != NULL, NULL);

  return relay_new (NULL, func, data, destroy);
}

ClrProgressRelay *
clr_progress_relay_ref (ClrProgressRelay *relay)
{
  g_return_val_if_fail (relay != NULL, NULL);

  g_atomic_int_inc (&relay->ref_count);
  return relay;
}

void
clr_progress_relay_unref (ClrProgressRelay *relay)
{
  g_return_if_fail (relay != NULL);

  if (!g_atomic_int_dec_and_test (&relay->ref_count))
    return;
  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static void
message_free (gpointer data)
{
  Message *message = data;

  clr_progress_relay_unref (message->relay);
  g_free (message);
}

static gboolean
message_deliver (gpointer data)
{
  Message *message = data;
  ClrProgressRelay *relay = message->relay;

  if (relay->phased_func != NULL)
    relay->phased_func (message->phase, message->done, message->total, relay->data);
  else
    relay->func (message->done, message->total, relay->data);

  return G_SOURCE_REMOVE;
}

void
clr_progress_relay_report (ClrProgressRelay *relay,
                           guint             phase,
                           guint64           done,
                           guint64           total)
{
  gint64 now = g_get_monotonic_time ();
  GSource *source;
  Message *message;

  g_return_if_fail (relay != NULL);

  /* At most ten updates a second; the first of a phase and the last one
   * always get through. */
  if (phase == relay->last_phase && done != 0 &&
      now - relay->last_time < G_USEC_PER_SEC / 10 && (total == 0 || done < total))
    return;
  relay->last_time = now;
  relay->last_phase = phase;

  message = g_new0 (Message, 1);
  message->relay = clr_progress_relay_ref (relay);
  message->phase = phase;
  message->done = done;
  message->total = total;

  /* Always queued, never run here: g_main_context_invoke() would call it in
   * this worker thread whenever it can acquire the context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, message_deliver, message, message_free);
  g_source_attach (source, relay->context);
  g_source_unref (source);
}

void
clr_progress_relay_report_cb (guint64  done,
                              guint64  total,
                              gpointer relay)
{
  clr_progress_relay_report (relay, 0, done, total);
}
