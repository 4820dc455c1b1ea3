/* clr-source-updater.c — download a configured source and import it
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-net-task.h"
#include "clr-progress-relay.h"
#include "clr-source-updater.h"

const char *
clr_source_update_outcome_to_string (ClrSourceUpdateOutcome outcome)
{
  switch (outcome)
    {
    case CLR_SOURCE_UPDATE_UPDATED:
      return "updated";
    case CLR_SOURCE_UPDATE_UNCHANGED:
      return "unchanged";
    default:
      return NULL;
    }
}

void
clr_source_update_result_init (ClrSourceUpdateResult *result)
{
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
}

void
clr_source_update_result_clear (ClrSourceUpdateResult *result)
{
  if (result == NULL)
    return;

  g_free (result->source);
  g_free (result->url);
  clr_list_import_result_clear (&result->import);
  memset (result, 0, sizeof *result);
}

typedef struct
{
  ClrUpdateProgressFunc func;
  gpointer              data;
  ClrUpdatePhase        phase;
} PhaseProgress;

static void
phase_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  PhaseProgress *progress = user_data;

  progress->func (progress->phase, done, total, progress->data);
}

static void
record_failure (ClrStore     *store,
                const char   *id,
                const GError *failure)
{
  g_autoptr(GError) error = NULL;

  /* The user stopping it is not a failure of the source. */
  if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!clr_store_record_source_check (store, id, NULL, NULL, NULL, failure->message, &error))
    g_warning ("Cannot record the failed update of %s: %s", id, error->message);
}

gboolean
clr_source_update (ClrStore               *store,
                   ClrDownloader          *downloader,
                   const char             *id,
                   const char             *url_override,
                   gboolean                force,
                   ClrUpdateProgressFunc   progress,
                   gpointer                progress_data,
                   ClrSourceUpdateResult  *result,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(ClrListSource) source = NULL;
  g_autoptr(ClrListVersion) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(ClrSourceUpdateResult) local_result = { 0 };
  ClrDownloadResult download;
  ClrListFormat format = CLR_LIST_FORMAT_AUTO;
  PhaseProgress download_phase = { progress, progress_data, CLR_UPDATE_PHASE_DOWNLOAD };
  PhaseProgress import_phase = { progress, progress_data, CLR_UPDATE_PHASE_IMPORT };
  const char *url;
  const char *etag = NULL;
  const char *last_modified = NULL;

  g_return_val_if_fail (CLR_IS_STORE (store), FALSE);
  g_return_val_if_fail (CLR_IS_DOWNLOADER (downloader), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  source = clr_store_get_source (store, id, error);
  if (source == NULL)
    return FALSE;

  url = (url_override != NULL && *url_override != '\0') ? url_override : source->url;
  if (url == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The list source “%s” has no download address: import its file instead"), id);
      return FALSE;
    }

  if (source->format != NULL && !clr_list_format_from_string (source->format, &format))
    format = CLR_LIST_FORMAT_AUTO;

  /* Conditional only when there is something to keep and the validators
   * came from this very address. */
  current = clr_store_get_current_version (store, id, NULL);
  if (current != NULL && g_strcmp0 (source->validator_url, url) == 0)
    {
      etag = source->etag;
      last_modified = source->last_modified;
    }

  local_result.source = g_strdup (id);
  local_result.url = g_strdup (url);

  clr_download_result_init (&download);
  if (!clr_downloader_download (downloader, url, etag, last_modified,
                                progress ? phase_progress_cb : NULL, &download_phase,
                                &download, cancellable, &local_error))
    {
      record_failure (store, id, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  local_result.downloaded = download.size;
  local_result.without_tls = download.insecure;

  if (download.not_modified)
    {
      local_result.not_modified = TRUE;
      local_result.outcome = CLR_SOURCE_UPDATE_UNCHANGED;
      if (current != NULL)
        clr_list_import_result_fill_from_version (&local_result.import, current);
      if (!clr_store_record_source_check (store, id, url, download.etag, download.last_modified, NULL, error))
        {
          clr_download_result_clear (&download, TRUE);
          return FALSE;
        }
    }
  else
    {
      if (!clr_store_import_downloaded_list_file (store, download.path, format, id, force, download.insecure,
                                                  progress ? phase_progress_cb : NULL, &import_phase,
                                                  &local_result.import, cancellable, &local_error))
        {
          g_autoptr(GError) wrapped = NULL;

          /* Name the address: the temporary file name means nothing to the user. */
          wrapped = g_error_new (local_error->domain, local_error->code,
                                 _("The list downloaded from %s was not loaded: %s"),
                                 url, local_error->message);
          record_failure (store, id, wrapped);
          clr_download_result_clear (&download, TRUE);
          g_propagate_error (error, g_steal_pointer (&wrapped));
          return FALSE;
        }

      local_result.outcome = local_result.import.unchanged ? CLR_SOURCE_UPDATE_UNCHANGED
                                                           : CLR_SOURCE_UPDATE_UPDATED;
      if (!clr_store_record_source_check (store, id, url, download.etag, download.last_modified, NULL, error))
        {
          clr_download_result_clear (&download, TRUE);
          return FALSE;
        }
    }

  clr_download_result_clear (&download, TRUE);

  if (result != NULL)
    {
      clr_source_update_result_clear (result);
      *result = local_result;
      memset (&local_result, 0, sizeof local_result);
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Async                                                                   */

/* The caller's callback and data, delivered through a ClrProgressRelay. */
typedef struct
{
  ClrUpdateProgressFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_free (progress);
}

static void
progress_deliver (guint    phase,
                  guint64  done,
                  guint64  total,
                  gpointer data)
{
  Progress *progress = data;

  progress->func ((ClrUpdatePhase) phase, done, total, progress->data);
}

static void
relay_progress (ClrUpdatePhase phase,
                guint64        done,
                guint64        total,
                gpointer       relay)
{
  clr_progress_relay_report (relay, phase, done, total);
}

typedef struct
{
  ClrDownloader *downloader;
  char          *id;
  char          *url_override;
  gboolean       force;
  ClrProgressRelay *relay;
} UpdateData;

static void
update_data_free (gpointer data)
{
  UpdateData *update = data;

  g_clear_object (&update->downloader);
  g_free (update->id);
  g_free (update->url_override);
  if (update->relay != NULL)
    clr_progress_relay_unref (update->relay);
  g_free (update);
}

static void
update_result_free (gpointer data)
{
  clr_source_update_result_clear (data);
  g_free (data);
}

static gboolean
update_thread (gpointer       source_object,
               gpointer       task_data,
               gpointer       result,
               GCancellable  *cancellable,
               GError       **error)
{
  UpdateData *update = task_data;

  if (clr_source_update (source_object, update->downloader, update->id, update->url_override,
                         update->force, update->relay ? relay_progress : NULL, update->relay,
                         result, cancellable, error))
    return TRUE;
  clr_source_update_result_clear (result);
  return FALSE;
}

void
clr_source_update_async (ClrStore               *store,
                         ClrDownloader          *downloader,
                         const char             *id,
                         const char             *url_override,
                         gboolean                force,
                         ClrUpdateProgressFunc   progress,
                         gpointer                progress_data,
                         GDestroyNotify          progress_destroy,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  UpdateData *update;

  g_return_if_fail (CLR_IS_STORE (store));
  g_return_if_fail (CLR_IS_DOWNLOADER (downloader));
  g_return_if_fail (id != NULL);

  update = g_new0 (UpdateData, 1);
  update->downloader = g_object_ref (downloader);
  update->id = g_strdup (id);
  update->url_override = g_strdup (url_override);
  update->force = force;
  if (progress != NULL)
    {
      Progress *relayed = g_new0 (Progress, 1);

      relayed->func = progress;
      relayed->data = progress_data;
      relayed->destroy = progress_destroy;
      update->relay = clr_progress_relay_new_phased (progress_deliver, relayed, progress_free);
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  _clr_net_task_run (store, clr_source_update_async, update_thread, update, update_data_free,
                     sizeof (ClrSourceUpdateResult), update_result_free, cancellable, callback, user_data);
}

gboolean
clr_source_update_finish (ClrStore               *store,
                          GAsyncResult           *res,
                          ClrSourceUpdateResult  *result,
                          GError                **error)
{
  g_return_val_if_fail (CLR_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (res, store), FALSE);

  return _clr_net_task_finish (res, result, sizeof *result,
                               (GDestroyNotify) clr_source_update_result_clear, error);
}
