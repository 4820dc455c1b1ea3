/* clr-shipment-session.c — the open shipment case: autosave, opening and
 * managing cases, evaluation (inline screening is in -screening.c)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-shipment-session-private.h"
#include "clr-store-rules.h"

GParamSpec *_clr_shipment_session_properties[SESSION_N_PROPS];
guint       _clr_shipment_session_signals[SESSION_N_SIGNALS];

#define properties _clr_shipment_session_properties
#define signals    _clr_shipment_session_signals

G_DEFINE_FINAL_TYPE (ClrShipmentSession, clr_shipment_session, G_TYPE_OBJECT)

void
_clr_shipment_session_report_error (ClrShipmentSession *self,
                                    const GError       *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SESSION_MESSAGE], 0, error->message);
}

void
_clr_shipment_session_say (ClrShipmentSession *self,
     const char         *text)
{
  g_signal_emit (self, signals[SESSION_MESSAGE], 0, text);
}

void
_clr_shipment_session_set_flag (ClrShipmentSession *self,
                                guint               prop,
                                gboolean            value)
{
  if (self->flags[prop] == value)
    return;
  self->flags[prop] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* ---- Results ---------------------------------------------------------- */

static void
save_result_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_save_case_result_finish (CLR_STORE (object), result, &error))
    _clr_shipment_session_report_error (self, error);
  else
    g_signal_emit (self, signals[SESSION_CASES_CHANGED], 0, FALSE);
}

void
_clr_shipment_session_store_result (ClrShipmentSession *self,
              JsonNode           *result)
{
  gint64 id = clr_shipment_session_get_case_id (self);

  /* Another program has the case: the result is shown, not stored. */
  if (self->held_by != NULL)
    return;
  if (id == 0)
    {
      /* The case is being created: store the result once it exists. */
      g_clear_pointer (&self->unsaved_result, json_node_unref);
      self->unsaved_result = json_node_copy (result);
      return;
    }
  clr_store_save_case_result_async (self->store, id, result, self->cancellable,
                                    save_result_done_cb, g_object_ref (self));
}

void
_clr_shipment_session_set_result (ClrShipmentSession *self,
            JsonNode           *result)
{
  g_clear_pointer (&self->result, json_node_unref);
  self->result = result != NULL ? json_node_ref (result) : NULL;
  _clr_shipment_session_set_stale_reason (self, NULL);
}

void
_clr_shipment_session_set_stale_reason (ClrShipmentSession *self,
                                        const char         *reason)
{
  if (g_strcmp0 (self->stale_reason, reason) == 0)
    return;
  g_free (self->stale_reason);
  self->stale_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[SESSION_PROP_STALE_REASON]);
}

const char *
clr_shipment_session_get_stale_reason (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);
  return self->stale_reason;
}

void
clr_shipment_session_mark_outdated (ClrShipmentSession *self,
                                    const char         *reason)
{
  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (reason != NULL);

  if (self->result == NULL)
    return;
  _clr_shipment_session_set_stale_reason (self, reason);
  g_signal_emit (self, signals[SESSION_RESULT_OUTDATED], 0);
}

/* ---- Rule pack and evaluation ------------------------------------------ */

static void
pack_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = clr_store_load_rule_pack_finish (CLR_STORE (object), result, &error);

  if (pack == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the rule pack failed to load; the reason follows */
          g_autofree char *text = g_strdup_printf (_("The rule pack cannot be used: %s"), error->message);

          g_signal_emit (self, signals[SESSION_EVALUATION_FAILED], 0, text);
        }
      return;
    }
  self->catalog = clr_shipment_catalog_new (pack);
  _clr_shipment_session_set_flag (self, SESSION_PROP_READY, TRUE);
}

static void
job_free (gpointer data)
{
  ClrSessionJob *job = data;

  g_clear_object (&job->object);
  g_clear_pointer (&job->node, json_node_unref);
  g_clear_pointer (&job->hit, json_node_unref);
  g_free (job->text[0]);
  g_free (job->text[1]);
  g_free (job);
}

ClrSessionJob *
_clr_shipment_session_job_new (GTask *task)
{
  ClrSessionJob *job = g_new0 (ClrSessionJob, 1);

  g_task_set_task_data (task, job, job_free);
  return job;
}

static void
evaluate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ClrShipmentSession *self = source_object;
  ClrSessionJob *evaluate = task_data;
  GError *error = NULL;
  JsonNode *result = clr_store_evaluate_shipment (self->store, evaluate->node,
                                                  evaluate->text[0], evaluate->text[1],
                                                  TRUE, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) json_node_unref);
}

static void
evaluate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClrShipmentSession *self = CLR_SHIPMENT_SESSION (object);
  ClrSessionJob *evaluate = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) determination = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean stale = evaluate->number != self->generation;

  _clr_shipment_session_set_flag (self, SESSION_PROP_EVALUATING, FALSE);
  if (determination == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SESSION_EVALUATION_FAILED], 0, error->message);
      return;
    }
  _clr_shipment_session_set_result (self, determination);
  if (!stale)
    _clr_shipment_session_store_result (self, determination);
  else
    _clr_shipment_session_set_stale_reason (self, _("The shipment was edited"));
  g_signal_emit (self, signals[SESSION_EVALUATED], 0, determination, evaluate->node, stale);
}

void
clr_shipment_session_evaluate (ClrShipmentSession *self,
                               JsonNode           *shipment,
                               const char         *as_of,
                               const char         *posture)
{
  g_autoptr(GTask) task = NULL;
  ClrSessionJob *evaluate;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (shipment != NULL);

  if (!self->flags[SESSION_PROP_READY] || self->flags[SESSION_PROP_EVALUATING])
    return;

  _clr_shipment_session_set_flag (self, SESSION_PROP_EVALUATING, TRUE);
  task = g_task_new (self, self->cancellable, evaluate_done_cb, NULL);
  g_task_set_source_tag (task, clr_shipment_session_evaluate);
  evaluate = _clr_shipment_session_job_new (task);
  evaluate->node = json_node_copy (shipment);
  evaluate->text[0] = g_strdup (as_of);
  evaluate->text[1] = g_strdup (posture);
  evaluate->number = self->generation;
  g_task_run_in_thread (task, evaluate_thread);
}

/* ---- GObject ----------------------------------------------------------- */

void
clr_shipment_session_close (ClrShipmentSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  /* Nothing typed is lost on close. */
  if (!clr_shipment_session_flush (self, &error))
    g_warning ("Could not save the open case on close: %s", error->message);
  _clr_shipment_session_hold_release_now (self);
  g_cancellable_cancel (self->cancellable);
}

static void
clr_shipment_session_dispose (GObject *object)
{
  ClrShipmentSession *self = CLR_SHIPMENT_SESSION (object);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  g_clear_handle_id (&self->hold_renew_id, g_source_remove);
  /* A take still in flight gives the hold up when it reports. */
  self->want_case_id = 0;
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (clr_shipment_session_parent_class)->dispose (object);
}

static void
clr_shipment_session_finalize (GObject *object)
{
  ClrShipmentSession *self = CLR_SHIPMENT_SESSION (object);

  g_clear_pointer (&self->pending, json_node_unref);
  g_clear_pointer (&self->result, json_node_unref);
  g_clear_pointer (&self->unsaved_result, json_node_unref);
  g_clear_pointer (&self->stale_reason, g_free);
  g_clear_pointer (&self->held_by, clr_case_hold_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->matcher);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (clr_shipment_session_parent_class)->finalize (object);
}

static void
clr_shipment_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClrShipmentSession *self = CLR_SHIPMENT_SESSION (object);

  if (prop_id == SESSION_PROP_CASE_ID)
    g_value_set_int64 (value, clr_shipment_session_get_case_id (self));
  else if (prop_id == SESSION_PROP_STALE_REASON)
    g_value_set_string (value, self->stale_reason);
  else if (prop_id < SESSION_N_PROPS)
    g_value_set_boolean (value, self->flags[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
flag_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static guint
signal_new (GObjectClass *klass,
            const char   *name,
            guint         n_params,
            ...)
{
  va_list args;
  guint id;

  va_start (args, n_params);
  id = g_signal_new_valist (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL, NULL, NULL,
                            NULL, G_TYPE_NONE, n_params, args);
  va_end (args);
  return id;
}

static void
clr_shipment_session_class_init (ClrShipmentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clr_shipment_session_dispose;
  object_class->finalize = clr_shipment_session_finalize;
  object_class->get_property = clr_shipment_session_get_property;

  properties[SESSION_PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[SESSION_PROP_ARCHIVED] = flag_pspec ("archived");
  properties[SESSION_PROP_READY] = flag_pspec ("ready");
  properties[SESSION_PROP_EVALUATING] = flag_pspec ("evaluating");
  properties[SESSION_PROP_LISTS_LOADING] = flag_pspec ("lists-loading");
  properties[SESSION_PROP_LISTS_EMPTY] = flag_pspec ("lists-empty");
  properties[SESSION_PROP_READ_ONLY] = flag_pspec ("read-only");
  properties[SESSION_PROP_STALE_REASON] =
    g_param_spec_string ("stale-reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SESSION_N_PROPS, properties);

  signals[SESSION_CASE_LOADED] = signal_new (object_class, "case-loaded", 1, CLR_TYPE_CASE);
  signals[SESSION_CASES_CHANGED] = signal_new (object_class, "cases-changed", 1, G_TYPE_BOOLEAN);
  signals[SESSION_EVALUATED] = signal_new (object_class, "evaluated", 3, JSON_TYPE_NODE, JSON_TYPE_NODE,
                                           G_TYPE_BOOLEAN);
  signals[SESSION_EVALUATION_FAILED] = signal_new (object_class, "evaluation-failed", 1, G_TYPE_STRING);
  signals[SESSION_RESULT_OUTDATED] = signal_new (object_class, "result-outdated", 0);
  signals[SESSION_MESSAGE] = signal_new (object_class, "message", 1, G_TYPE_STRING);
  signals[SESSION_CHANGED_ELSEWHERE] = signal_new (object_class, "changed-elsewhere", 1, G_TYPE_STRING);
}

static void
clr_shipment_session_init (ClrShipmentSession *self)
{
  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
}

ClrShipmentSession *
clr_shipment_session_new (ClrStore    *store,
                          ClrSettings *settings)
{
  ClrShipmentSession *self;

  g_return_val_if_fail (store == NULL || CLR_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || CLR_IS_SETTINGS (settings), NULL);

  self = g_object_new (CLR_TYPE_SHIPMENT_SESSION, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  _clr_shipment_session_watch_decisions (self);
  _clr_shipment_session_watch_team (self);
  _clr_shipment_session_hold_watch (self);
  if (self->store != NULL)
    {
      clr_store_load_rule_pack_async (self->store, self->cancellable, pack_loaded_cb, g_object_ref (self));
      clr_shipment_session_load_lists (self);
    }
  return self;
}

ClrStore *
clr_shipment_session_get_store (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);
  return self->store;
}

ClrSettings *
clr_shipment_session_get_settings (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);
  return self->settings;
}

ClrShipmentCatalog *
clr_shipment_session_get_catalog (ClrShipmentSession *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);
  return self->catalog;
}

static gboolean
get_flag (ClrShipmentSession *self,
          guint               prop)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), FALSE);
  return self->flags[prop];
}

gboolean
clr_shipment_session_get_archived (ClrShipmentSession *self)
{
  return get_flag (self, SESSION_PROP_ARCHIVED);
}

gboolean
clr_shipment_session_get_ready (ClrShipmentSession *self)
{
  return get_flag (self, SESSION_PROP_READY);
}

gboolean
clr_shipment_session_get_evaluating (ClrShipmentSession *self)
{
  return get_flag (self, SESSION_PROP_EVALUATING);
}

gboolean
clr_shipment_session_get_lists_loading (ClrShipmentSession *self)
{
  return get_flag (self, SESSION_PROP_LISTS_LOADING);
}

gboolean
clr_shipment_session_get_lists_empty (ClrShipmentSession *self)
{
  return get_flag (self, SESSION_PROP_LISTS_EMPTY);
}
