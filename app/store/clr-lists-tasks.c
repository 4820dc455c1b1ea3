/* clr-lists-tasks.c — the Lists page's store work (sources and their
 * freshness, the latest update, search, small writes), run off the main thread
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-importer.h"
#include "clr-match-hit.h"

#include "clr-lists-tasks.h"
#include "clr-store-task.h"

void
clr_source_status_free (ClrSourceStatus *status)
{
  if (status == NULL)
    return;
  clr_list_source_free (status->source);
  g_clear_pointer (&status->version, clr_list_version_unref);
  g_free (status);
}

static ClrSourceStatus *
status_for (ClrStore       *store,
            ClrListSource  *source,
            guint           stale_days,
            GDateTime      *now,
            GError        **error)
{
  g_autoptr(ClrSourceStatus) status = g_new0 (ClrSourceStatus, 1);
  g_autoptr(GError) local_error = NULL;

  status->source = source;
  status->freshness = clr_store_get_source_freshness (store, source->id, stale_days, now,
                                                      &status->version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&status);
}

GPtrArray *
clr_lists_load_sources (ClrStore   *store,
                        guint       stale_days,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) configured = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) loaded = NULL;

  g_return_val_if_fail (CLR_IS_STORE (store), NULL);

  sources = clr_store_list_sources (store, error);
  if (sources == NULL)
    return NULL;
  loaded = clr_store_list_loaded_sources (store, error);
  if (loaded == NULL)
    return NULL;

  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_source_status_free);
  for (guint i = 0; i < sources->len; i++)
    {
      ClrListSource *source = g_ptr_array_index (sources, i);
      ClrSourceStatus *status;

      g_hash_table_add (configured, source->id);
      status = status_for (store, clr_list_source_copy (source), stale_days, now, error);
      if (status == NULL)
        return NULL;
      g_ptr_array_add (statuses, status);
    }

  /* Versions stored under a source nobody configured (e.g. imported with an
   * explicit source name from the command line) are shown too. */
  for (guint i = 0; loaded[i] != NULL; i++)
    {
      ClrListSource *stand_in;
      ClrSourceStatus *status;

      if (g_hash_table_contains (configured, loaded[i]))
        continue;
      stand_in = g_new0 (ClrListSource, 1);
      stand_in->id = g_strdup (loaded[i]);
      stand_in->label = g_strdup (loaded[i]);
      stand_in->enabled = TRUE;
      stand_in->custom = TRUE;
      status = status_for (store, stand_in, stale_days, now, error);
      if (status == NULL)
        return NULL;
      g_ptr_array_add (statuses, status);
    }

  return g_steal_pointer (&statuses);
}

typedef struct
{
  ClrStore   *store;
  ClrMatcher *matcher;
  char     *source;
  char     *id;
  char     *label;
  char     *url;
  char     *query;
  guint     stale_days;
  guint     limit;
  double    threshold;
  gboolean  enabled;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->matcher);
  g_free (data->source);
  g_free (data->id);
  g_free (data->label);
  g_free (data->url);
  g_free (data->query);
  g_free (data);
}

static TaskData *
task_data_new (ClrStore *store)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->store = store != NULL ? g_object_ref (store) : NULL;
  return data;
}

/* No source object: the finish functions take none. @result_free NULL
 * makes a boolean task. */
static void
run_task (gpointer             source_tag,
          ClrStoreTaskFunc     func,
          TaskData            *data,
          GDestroyNotify       result_free,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  _clr_store_task_run (NULL, source_tag, CLR_STORE_TASK_DEFAULT, func, data, (GDestroyNotify) task_data_free,
                       result_free, cancellable, callback, user_data);
}

CLR_STORE_TASK_FUNC (load_sources_func, TaskData,
                     clr_lists_load_sources (data->store, data->stale_days, NULL, error))

void
clr_lists_load_sources_async (ClrStore            *store,
                              guint                stale_days,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  TaskData *data;

  g_return_if_fail (CLR_IS_STORE (store));

  data = task_data_new (store);
  data->stale_days = stale_days;
  run_task (clr_lists_load_sources_async, load_sources_func, data, (GDestroyNotify) g_ptr_array_unref,
            cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH_UNOWNED (GPtrArray *, clr_lists_load_sources_finish, pointer)

/* The Consolidated Screening List carries the OFAC SDN and non-SDN lists and
 * the BIS Denied Persons List too, so a source that was never loaded is
 * covered when another loaded, enabled source has entries on one of its
 * lists (clr_list_codes_for_source(): the importers' list catalogue). */
static gboolean
version_has_list (const ClrListVersion *version,
                  const char           *code)
{
  for (guint i = 0; version->counts != NULL && i < version->counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (version->counts, i);

      if (g_strcmp0 (count->list_code, code) == 0 && count->records > 0)
        return TRUE;
    }
  return FALSE;
}

const ClrSourceStatus *
clr_lists_covered_by (GPtrArray             *statuses,
                      const ClrSourceStatus *status)
{
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (status != NULL, NULL);

  codes = clr_list_codes_for_source (status->source->id);
  for (guint i = 0; codes[0] != NULL && statuses != NULL && i < statuses->len; i++)
    {
      const ClrSourceStatus *other = g_ptr_array_index (statuses, i);

      if (other == status || !other->source->enabled || other->version == NULL)
        continue;
      for (guint c = 0; codes[c] != NULL; c++)
        if (version_has_list (other->version, codes[c]))
          return other;
    }
  return NULL;
}

gboolean
clr_lists_needs_attention (GPtrArray  *statuses,
                           guint       stale_days,
                           char      **text)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) message = NULL;

  if (text != NULL)
    *text = NULL;

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);
      const char *label = status->source->label != NULL ? status->source->label : status->source->id;

      if (!status->source->enabled)
        continue;
      if (status->freshness == CLR_SOURCE_FRESHNESS_STALE)
        g_ptr_array_add (stale, (gpointer) label);
      else if (status->freshness == CLR_SOURCE_FRESHNESS_NEVER_LOADED
               && clr_lists_covered_by (statuses, status) == NULL)
        g_ptr_array_add (missing, (gpointer) label);
    }

  if (stale->len == 0 && missing->len == 0)
    return FALSE;

  if (text == NULL)
    return TRUE;

  message = g_string_new (NULL);
  if (stale->len > 0)
    {
      g_ptr_array_add (stale, NULL);
      {
        g_autofree char *names = g_strjoinv (", ", (char **) stale->pdata);

        /* Translators: %s is a list of list names; %u a number of days. */
        g_string_append_printf (message,
                                ngettext ("Older than %2$u day: %1$s.", "Older than %2$u days: %1$s.",
                                          stale_days),
                                names, stale_days);
      }
    }
  if (missing->len > 0)
    {
      g_ptr_array_add (missing, NULL);
      {
        g_autofree char *names = g_strjoinv (", ", (char **) missing->pdata);

        if (message->len > 0)
          g_string_append_c (message, ' ');
        /* Translators: %s is a list of list names. */
        g_string_append_printf (message, _("Never loaded: %s."), names);
      }
    }
  g_string_append_c (message, ' ');
  g_string_append (message, _("Screening may miss recent listings: update the lists, or disable the sources you do not use."));

  *text = g_string_free (g_steal_pointer (&message), FALSE);
  return TRUE;
}

CLR_STORE_TASK_FUNC (diff_func, TaskData,
                     clr_store_diff_latest (data->store, data->source, NULL, NULL, error))

void
clr_lists_diff_latest_async (ClrStore            *store,
                             const char          *source,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  TaskData *data;

  g_return_if_fail (CLR_IS_STORE (store));
  g_return_if_fail (source != NULL);

  data = task_data_new (store);
  data->source = g_strdup (source);
  run_task (clr_lists_diff_latest_async, diff_func, data, (GDestroyNotify) g_ptr_array_unref,
            cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH_UNOWNED (GPtrArray *, clr_lists_diff_latest_finish, pointer)

static gpointer
search_func (gpointer       source_object,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  TaskData *data = task_data;
  g_autoptr(GPtrArray) hits = clr_matcher_screen (data->matcher, data->query, NULL, data->threshold, data->limit);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&hits);
}

void
clr_lists_search_async (ClrMatcher          *matcher,
                        const char          *query,
                        double               threshold,
                        guint                limit,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  TaskData *data;

  g_return_if_fail (CLR_IS_MATCHER (matcher));
  g_return_if_fail (query != NULL);

  data = task_data_new (NULL);
  data->matcher = g_object_ref (matcher);
  data->query = g_strdup (query);
  data->threshold = threshold;
  data->limit = limit;
  run_task (clr_lists_search_async, search_func, data, (GDestroyNotify) g_ptr_array_unref,
            cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH_UNOWNED (GPtrArray *, clr_lists_search_finish, pointer)

static gpointer
write_func (gpointer       source_object,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  TaskData *data = task_data;

  if (data->id != NULL)
    return GINT_TO_POINTER (clr_store_add_custom_source (data->store, data->id, data->label, data->url, error));
  return GINT_TO_POINTER (clr_store_set_source_enabled (data->store, data->source, data->enabled, error));
}

void
clr_lists_set_enabled_async (ClrStore            *store,
                             const char          *source,
                             gboolean             enabled,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  TaskData *data;

  g_return_if_fail (CLR_IS_STORE (store));
  g_return_if_fail (source != NULL);

  data = task_data_new (store);
  data->source = g_strdup (source);
  data->enabled = enabled;
  run_task (clr_lists_set_enabled_async, write_func, data, NULL, NULL, callback, user_data);
}

void
clr_lists_add_source_async (ClrStore            *store,
                            const char          *id,
                            const char          *label,
                            const char          *url,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  TaskData *data;

  g_return_if_fail (CLR_IS_STORE (store));
  g_return_if_fail (id != NULL);

  data = task_data_new (store);
  data->id = g_strdup (id);
  data->label = g_strdup (label);
  data->url = g_strdup (url);
  run_task (clr_lists_add_source_async, write_func, data, NULL, NULL, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH_UNOWNED (gboolean, clr_lists_write_finish, boolean)
