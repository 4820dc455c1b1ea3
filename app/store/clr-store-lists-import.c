/* clr-store-lists-import.c — importing a list file into a new list version
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-progress-relay.h"
#include "clr-store-lists.h"
#include "clr-store-lists-private.h"
#include "clr-store-private.h"
#include "clr-store-task.h"

/* ---------------------------------------------------------------------- */
/* Import                                                                  */

static char *
file_sha256 (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (65536);
  gssize n;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 65536, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, (gsize) n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
import_entry_cb (ClrEntry  *entry,
                 gpointer   user_data,
                 GError   **error)
{
  return clr_list_writer_add_entry (user_data, entry, error);
}

gboolean
clr_store_import_list_file (ClrStore               *self,
                            const char             *path,
                            ClrListFormat           format,
                            const char             *source_override,
                            gboolean                force,
                            ClrImportProgressFunc   progress,
                            gpointer                progress_data,
                            ClrListImportResult    *result,
                            GCancellable           *cancellable,
                            GError                **error)
{
  return clr_store_import_downloaded_list_file (self, path, format, source_override, force, FALSE,
                                                progress, progress_data, result, cancellable, error);
}

gboolean
clr_store_import_downloaded_list_file (ClrStore               *self,
                                       const char             *path,
                                       ClrListFormat           format,
                                       const char             *source_override,
                                       gboolean                force,
                                       gboolean                without_tls,
                                       ClrImportProgressFunc   progress,
                                       gpointer                progress_data,
                                       ClrListImportResult    *result,
                                       GCancellable           *cancellable,
                                       GError                **error)
{
  g_autoptr(ClrListWriter) writer = NULL;
  g_autoptr(ClrImportInfo) info = NULL;
  g_autoptr(ClrListVersion) same = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_clr_store_lists_check_open (self, error))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s is a folder, not a list file"), path);
      return FALSE;
    }

  sha256 = file_sha256 (path, cancellable, &local_error);
  if (sha256 == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sha256 == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("Cannot read %s: %s"), path, local_error->message);
      return FALSE;
    }

  /* The same bytes as a current version: nothing to do. */
  same = _clr_store_find_current_with_hash (self, source_override, sha256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (same != NULL)
    {
      if (result != NULL)
        {
          clr_list_import_result_fill_from_version (result, same);
          result->unchanged = TRUE;
        }
      return TRUE;
    }

  base = g_path_get_basename (path);
  writer = clr_store_begin_list_version (self, source_override, base, sha256, NULL, NULL, error);
  if (writer == NULL)
    return FALSE;

  info = clr_import_info_new ();
  if (!clr_importer_run (path, format, import_entry_cb, writer, progress, progress_data,
                         info, cancellable, error))
    return FALSE;   /* the writer rolls back when freed */

  _clr_list_writer_set_file_info (writer, source_override ? NULL : info->source,
                                  info->sha256, info->publication_date,
                                  clr_list_format_to_string (info->format));
  for (guint i = 0; i < info->warnings->len; i++)
    clr_list_writer_add_warning (writer, g_ptr_array_index (info->warnings, i));
  if (without_tls && !_clr_list_writer_mark_without_tls (writer, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return clr_list_writer_commit (writer, force, result, error);
}

/* ---------------------------------------------------------------------- */
/* Async import                                                            */

typedef struct
{
  char          *path;
  ClrListFormat  format;
  char          *source_override;
  gboolean       force;
  ClrProgressRelay *relay;
} ImportTaskData;

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *task_data = data;

  g_free (task_data->path);
  g_free (task_data->source_override);
  if (task_data->relay != NULL)
    clr_progress_relay_unref (task_data->relay);
  g_free (task_data);
}

static void
import_result_free (gpointer data)
{
  ClrListImportResult *result = data;

  clr_list_import_result_clear (result);
  g_free (result);
}

static gpointer
import_func (gpointer       self,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportTaskData *task_data = data;
  ClrListImportResult *result = g_new0 (ClrListImportResult, 1);

  if (!clr_store_import_list_file (self, task_data->path, task_data->format,
                                   task_data->source_override, task_data->force,
                                   task_data->relay ? clr_progress_relay_report_cb : NULL, task_data->relay,
                                   result, cancellable, error))
    g_clear_pointer (&result, import_result_free);
  return result;
}

void
clr_store_import_list_file_async (ClrStore               *self,
                                  const char             *path,
                                  ClrListFormat           format,
                                  const char             *source_override,
                                  gboolean                force,
                                  ClrImportProgressFunc   progress,
                                  gpointer                progress_data,
                                  GDestroyNotify          progress_destroy,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  ImportTaskData *task_data;

  g_return_if_fail (CLR_IS_STORE (self));
  g_return_if_fail (path != NULL);

  task_data = g_new0 (ImportTaskData, 1);
  task_data->path = g_strdup (path);
  task_data->format = format;
  task_data->source_override = g_strdup (source_override);
  task_data->force = force;
  task_data->relay = clr_progress_relay_new (progress, progress_data, progress_destroy);

  _clr_store_task_run (self, clr_store_import_list_file_async, CLR_STORE_TASK_REPORT_DONE, import_func,
                       task_data, import_task_data_free, import_result_free,
                       cancellable, callback, user_data);
}

gboolean
clr_store_import_list_file_finish (ClrStore             *self,
                                   GAsyncResult         *res,
                                   ClrListImportResult  *result,
                                   GError              **error)
{
  ClrListImportResult *value;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  value = _clr_store_task_finish_pointer (self, res, error);
  if (value == NULL)
    return FALSE;

  if (result != NULL)
    {
      clr_list_import_result_clear (result);
      *result = *value;
      g_free (value);
    }
  else
    import_result_free (value);

  return TRUE;
}
