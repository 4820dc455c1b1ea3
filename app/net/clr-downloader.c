/* clr-downloader.c — downloading list files over HTTP(S) with libsoup 3
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clr-downloader.h"
#include "clr-net-task.h"
#include "clr-progress-relay.h"

struct _ClrDownloader
{
  GObject parent_instance;

  guint    timeout;
  guint    retries;
  guint64  max_bytes;
  gboolean allow_http;
  guint    deadline_seconds;
  gint64   deadline;          /* monotonic µs; 0 = none */
};

G_DEFINE_FINAL_TYPE (ClrDownloader, clr_downloader, G_TYPE_OBJECT)

G_DEFINE_QUARK (clr-net-error-quark, clr_net_error)

static void
clr_downloader_class_init (ClrDownloaderClass *klass)
{
}

static void
clr_downloader_init (ClrDownloader *self)
{
  self->timeout = CLR_DOWNLOADER_DEFAULT_TIMEOUT;
  self->retries = 1;
  self->max_bytes = CLR_DOWNLOADER_DEFAULT_MAX_BYTES;
}

ClrDownloader *
clr_downloader_new (void)
{
  return g_object_new (CLR_TYPE_DOWNLOADER, NULL);
}

void
clr_downloader_set_timeout (ClrDownloader *self,
                            guint          seconds)
{
  g_return_if_fail (CLR_IS_DOWNLOADER (self));

  self->timeout = MAX (seconds, 1);
}

guint
clr_downloader_get_timeout (ClrDownloader *self)
{
  g_return_val_if_fail (CLR_IS_DOWNLOADER (self), 0);

  return self->timeout;
}

void
clr_downloader_set_retries (ClrDownloader *self,
                            guint          retries)
{
  g_return_if_fail (CLR_IS_DOWNLOADER (self));

  self->retries = retries;
}

void
clr_downloader_set_max_bytes (ClrDownloader *self,
                              guint64        max_bytes)
{
  g_return_if_fail (CLR_IS_DOWNLOADER (self));

  self->max_bytes = max_bytes;
}

void
clr_downloader_set_allow_http (ClrDownloader *self,
                               gboolean       allow)
{
  g_return_if_fail (CLR_IS_DOWNLOADER (self));

  self->allow_http = allow;
}

void
clr_downloader_set_deadline (ClrDownloader *self,
                             guint          seconds)
{
  g_return_if_fail (CLR_IS_DOWNLOADER (self));

  self->deadline_seconds = seconds;
  self->deadline = seconds > 0 ? g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC : 0;
}

char *
clr_downloader_dup_download_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "clearance", "downloads", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Folders are named PID-XXXXXX: remove those whose process is gone. */
static void
clean_stale_downloads (const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (base, name, NULL);
      char *end = NULL;
      gint64 pid = g_ascii_strtoll (name, &end, 10);

      if (end == name || *end != '-' || pid <= 0 || pid == getpid ())
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      g_debug ("Removing the leftover download folder %s", path);
      remove_tree (path);
    }
}

/* The sniffed start of a body: an HTML page where a list was expected. */
static gboolean
looks_like_html (const guchar *data,
                 gsize         size,
                 const char   *content_type)
{
  gsize i = 0;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (size - i >= 14 && g_ascii_strncasecmp ((const char *) data + i, "<!doctype html", 14) == 0)
    return TRUE;
  if (size - i >= 5 && g_ascii_strncasecmp ((const char *) data + i, "<html", 5) == 0)
    return TRUE;
  /* Declared HTML that starts like markup but not like XML. */
  if (content_type != NULL && g_ascii_strncasecmp (content_type, "text/html", 9) == 0 &&
      i < size && data[i] == '<' && !(size - i >= 5 && strncmp ((const char *) data + i, "<?xml", 5) == 0))
    return TRUE;

  return FALSE;
}

void
clr_download_result_init (ClrDownloadResult *result)
{
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
}

void
clr_download_remove_file (const char *path)
{
  g_autofree char *dir = NULL;

  if (path == NULL)
    return;

  dir = g_path_get_dirname (path);
  g_remove (path);
  g_rmdir (dir);
}

void
clr_download_result_clear (ClrDownloadResult *result,
                           gboolean           delete_file)
{
  if (result == NULL)
    return;

  if (delete_file)
    clr_download_remove_file (result->path);
  g_free (result->path);
  g_free (result->url);
  g_free (result->etag);
  g_free (result->last_modified);
  memset (result, 0, sizeof *result);
}

/* The URL's last path segment, made safe as a file name. */
static char *
file_name_for_uri (GUri *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *slash = path ? strrchr (path, '/') : NULL;
  g_autofree char *unescaped = NULL;
  GString *name;

  unescaped = g_uri_unescape_string (slash ? slash + 1 : (path ? path : ""), "/");
  name = g_string_new (NULL);
  for (const char *p = unescaped ? unescaped : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_')
        g_string_append_c (name, *p);
      else
        g_string_append_c (name, '_');
    }

  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, "download");

  return g_string_free (name, FALSE);
}

static gboolean
is_retryable (const GError *error)
{
  if (error == NULL || error->domain != CLR_NET_ERROR)
    return FALSE;

  return error->code == CLR_NET_ERROR_NETWORK ||
         error->code == CLR_NET_ERROR_TIMEOUT ||
         error->code == CLR_NET_ERROR_TRUNCATED;
}

static void
set_transport_error (GError       **error,
                     const char    *url,
                     const GError  *cause,
                     guint          timeout)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TIMEOUT,
                 _("Downloading %s: no answer within %u seconds"), url, timeout);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TRUNCATED,
                 _("Downloading %s: the connection closed before the whole file arrived (%s)"),
                 url, cause->message);
  else
    g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_NETWORK,
                 _("Downloading %s failed: %s"), url, cause->message);
}

/* One attempt. The file (and its folder) is removed on failure. */
static gboolean
download_once (ClrDownloader            *self,
               GUri                     *uri,
               const char               *url,
               const char               *etag,
               const char               *last_modified,
               ClrDownloadProgressFunc   progress,
               gpointer                  progress_data,
               ClrDownloadResult        *result,
               gboolean                 *retry,
               GCancellable             *cancellable,
               GError                  **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) body = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *buffer = NULL;
  g_autofree char *user_agent = NULL;
  SoupMessageHeaders *headers;
  const char *encoding;
  goffset length;
  guint64 received = 0;
  guint status;
  gssize n;

  user_agent = g_strdup_printf ("Clearance/%s (list update)", PACKAGE_VERSION);
  session = soup_session_new_with_options ("timeout", self->timeout,
                                           "idle-timeout", self->timeout,
                                           "user-agent", user_agent,
                                           NULL);
  message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);

  headers = soup_message_get_request_headers (message);
  if (etag != NULL && *etag != '\0')
    soup_message_headers_append (headers, "If-None-Match", etag);
  if (last_modified != NULL && *last_modified != '\0')
    soup_message_headers_append (headers, "If-Modified-Since", last_modified);

  body = soup_session_send (session, message, cancellable, &local_error);
  if (body == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_transport_error (error, url, local_error, self->timeout);
      return FALSE;
    }

  status = soup_message_get_status (message);
  result->status = status;
  headers = soup_message_get_response_headers (message);

  /* A redirect may have led from https to http. */
  {
    GUri *final = soup_message_get_uri (message);

    if (final != NULL && g_ascii_strcasecmp (g_uri_get_scheme (final), "http") == 0)
      {
        if (!self->allow_http)
          {
            g_autofree char *final_text = g_uri_to_string (final);

            g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_INSECURE,
                         _("Downloading %s: the server sent it over plain http (%s), where it could be "
                           "altered on the way; refused (--allow-http accepts it, e.g. for an intranet mirror)"),
                         url, final_text);
            g_input_stream_close (body, NULL, NULL);
            return FALSE;
          }
        result->insecure = TRUE;
      }
  }

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      result->not_modified = TRUE;
      g_free (result->etag);
      result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      if (result->etag == NULL)
        result->etag = g_strdup (etag);
      g_free (result->last_modified);
      result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      if (result->last_modified == NULL)
        result->last_modified = g_strdup (last_modified);
      g_input_stream_close (body, NULL, NULL);
      return TRUE;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (message);

      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_HTTP,
                   _("Downloading %s: the server answered %u %s"),
                   url, status, (reason && *reason) ? reason : soup_status_get_phrase (status));
      /* 5xx may be passing trouble: worth the retry. */
      *retry = status >= 500;
      g_input_stream_close (body, NULL, NULL);
      return FALSE;
    }

  {
    g_autofree char *base = clr_downloader_dup_download_dir ();
    g_autofree char *template = g_strdup_printf ("%s/%ld-XXXXXX", base, (long) getpid ());

    if (g_mkdir_with_parents (base, 0700) != 0 || g_mkdtemp_full (template, 0700) == NULL)
      {
        int saved_errno = errno;

        g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_IO,
                     _("Downloading %s: cannot create a folder in %s: %s"), url, base,
                     g_strerror (saved_errno));
        g_input_stream_close (body, NULL, NULL);
        return FALSE;
      }
    dir = g_steal_pointer (&template);
  }
  name = file_name_for_uri (uri);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (out == NULL)
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_IO,
                   _("Downloading %s: cannot write %s: %s"), url, path, local_error->message);
      g_rmdir (dir);
      return FALSE;
    }

  /* With a content coding the announced length is of the coded bytes. */
  encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  length = soup_message_headers_get_content_length (headers);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    length = 0;

  if (length > 0 && (guint64) length > self->max_bytes)
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TOO_LARGE,
                   _("Downloading %s: the file is larger than the limit of %" PRIu64 " bytes"),
                   url, self->max_bytes);
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_input_stream_close (body, NULL, NULL);
      clr_download_remove_file (path);
      return FALSE;
    }

  buffer = g_malloc (65536);
  if (progress != NULL)
    progress (0, (guint64) MAX (length, 0), progress_data);

  while ((n = g_input_stream_read (body, buffer, 65536, cancellable, &local_error)) > 0)
    {
      if (received == 0 &&
          looks_like_html (buffer, (gsize) n, soup_message_headers_get_content_type (headers, NULL)))
        {
          g_set_error (&local_error, CLR_NET_ERROR, CLR_NET_ERROR_NOT_A_LIST,
                       _("Downloading %s: the server sent an HTML page, not a list"), url);
          break;
        }
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, (gsize) n, NULL,
                                      cancellable, &local_error))
        break;
      received += (guint64) n;
      if (received > self->max_bytes)
        {
          g_set_error (&local_error, CLR_NET_ERROR, CLR_NET_ERROR_TOO_LARGE,
                       _("Downloading %s: the file is larger than the limit of %" PRIu64 " bytes"),
                       url, self->max_bytes);
          break;
        }
      if (progress != NULL)
        progress (received, (guint64) MAX (length, 0), progress_data);
    }

  if (local_error == NULL)
    g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error);
  else
    g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  g_input_stream_close (body, NULL, NULL);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          local_error->domain == CLR_NET_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error->domain == G_IO_ERROR &&
               (local_error->code == G_IO_ERROR_NO_SPACE || local_error->code == G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_IO,
                     _("Downloading %s: cannot write %s: %s"), url, path, local_error->message);
      else
        set_transport_error (error, url, local_error, self->timeout);
      clr_download_remove_file (path);
      return FALSE;
    }

  if (length > 0 && received < (guint64) length)
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_TRUNCATED,
                   _("Downloading %s: received %" PRIu64 " of %" PRId64
                     " bytes before the connection closed"),
                   url, received, (gint64) length);
      clr_download_remove_file (path);
      return FALSE;
    }

  result->not_modified = FALSE;
  g_free (result->path);
  result->path = g_steal_pointer (&path);
  result->size = received;
  g_free (result->etag);
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  g_free (result->last_modified);
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));

  return TRUE;
}

/* The deadline: a thread that cancels the download when it passes. */
typedef struct
{
  GMutex        mutex;
  GCond         cond;
  gboolean      done;
  gboolean      expired;
  gint64        deadline;
  GCancellable *cancellable;     /* what the download uses */
  gulong        chained;         /* the caller's cancellable cancels ours */
  GCancellable *caller;
  GThread      *thread;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done)
    if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, watchdog->deadline))
      {
        if (!watchdog->done)
          {
            watchdog->expired = TRUE;
            g_cancellable_cancel (watchdog->cancellable);
          }
        break;
      }
  g_mutex_unlock (&watchdog->mutex);

  return NULL;
}

static void
chain_cancel_cb (GCancellable *caller,
                 gpointer      data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
}

static Watchdog *
watchdog_start (ClrDownloader *self,
                GCancellable  *caller)
{
  Watchdog *watchdog;

  if (self->deadline <= 0)
    return NULL;

  watchdog = g_new0 (Watchdog, 1);
  g_mutex_init (&watchdog->mutex);
  g_cond_init (&watchdog->cond);
  watchdog->deadline = self->deadline;
  watchdog->cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      watchdog->caller = g_object_ref (caller);
      watchdog->chained = g_cancellable_connect (caller, G_CALLBACK (chain_cancel_cb),
                                                 watchdog->cancellable, NULL);
    }
  watchdog->thread = g_thread_new ("clr-download-deadline", watchdog_thread, watchdog);

  return watchdog;
}

static GCancellable *
watchdog_cancellable (Watchdog     *watchdog,
                      GCancellable *caller)
{
  return watchdog != NULL ? watchdog->cancellable : caller;
}

/* Stops and frees @watchdog; TRUE when the deadline had passed. */
static gboolean
watchdog_stop (Watchdog *watchdog)
{
  gboolean expired;

  if (watchdog == NULL)
    return FALSE;

  g_mutex_lock (&watchdog->mutex);
  watchdog->done = TRUE;
  g_cond_signal (&watchdog->cond);
  g_mutex_unlock (&watchdog->mutex);
  g_thread_join (watchdog->thread);

  expired = watchdog->expired;
  if (watchdog->caller != NULL)
    {
      g_cancellable_disconnect (watchdog->caller, watchdog->chained);
      g_object_unref (watchdog->caller);
    }
  g_object_unref (watchdog->cancellable);
  g_mutex_clear (&watchdog->mutex);
  g_cond_clear (&watchdog->cond);
  g_free (watchdog);

  return expired;
}

gboolean
clr_downloader_download (ClrDownloader            *self,
                         const char               *url,
                         const char               *etag,
                         const char               *last_modified,
                         ClrDownloadProgressFunc   progress,
                         gpointer                  progress_data,
                         ClrDownloadResult        *result,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(GUri) uri = NULL;
  ClrDownloadResult local_result;
  Watchdog *watchdog = NULL;
  const char *scheme;

  g_return_val_if_fail (CLR_IS_DOWNLOADER (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_INVALID,
                   _("“%s” is not an http or https address"), url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !self->allow_http)
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_INSECURE,
                   _("“%s” is a plain http address: a file fetched that way could be altered on the way, "
                     "so it is refused. Use https, or --allow-http for a trusted intranet mirror"), url);
      return FALSE;
    }

  {
    g_autofree char *base = clr_downloader_dup_download_dir ();
    clean_stale_downloads (base);
  }

  if (self->deadline > 0 && g_get_monotonic_time () >= self->deadline)
    {
      g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_DEADLINE,
                   _("Downloading %s: not started, the deadline of %u seconds has passed"),
                   url, self->deadline_seconds);
      return FALSE;
    }

  clr_download_result_init (&local_result);
  local_result.url = g_strdup (url);

  watchdog = watchdog_start (self, cancellable);
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) attempt_error = NULL;
      gboolean retry = FALSE;

      local_result.attempts = attempt + 1;
      if (download_once (self, uri, url, etag, last_modified, progress, progress_data,
                         &local_result, &retry, watchdog_cancellable (watchdog, cancellable),
                         &attempt_error))
        break;

      if (watchdog_stop (watchdog))
        {
          watchdog = NULL;
          g_set_error (error, CLR_NET_ERROR, CLR_NET_ERROR_DEADLINE,
                       _("Downloading %s: not finished within the deadline of %u seconds (--deadline)"),
                       url, self->deadline_seconds);
          clr_download_result_clear (&local_result, TRUE);
          return FALSE;
        }
      watchdog = NULL;

      if (attempt >= self->retries || !(retry || is_retryable (attempt_error)) ||
          g_cancellable_is_cancelled (cancellable))
        {
          g_propagate_error (error, g_steal_pointer (&attempt_error));
          clr_download_result_clear (&local_result, TRUE);
          return FALSE;
        }
      g_debug ("Retrying %s after: %s", url, attempt_error->message);
      watchdog = watchdog_start (self, cancellable);
    }
  watchdog_stop (watchdog);

  if (result != NULL)
    *result = local_result;
  else
    clr_download_result_clear (&local_result, TRUE);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Async                                                                   */

typedef struct
{
  char  *url;
  char  *etag;
  char  *last_modified;
  ClrProgressRelay *relay;
} DownloadData;

static void
download_data_free (gpointer data)
{
  DownloadData *download = data;

  g_free (download->url);
  g_free (download->etag);
  g_free (download->last_modified);
  if (download->relay != NULL)
    clr_progress_relay_unref (download->relay);
  g_free (download);
}

static void
download_result_free (gpointer data)
{
  clr_download_result_clear (data, TRUE);
  g_free (data);
}

static gboolean
download_thread (gpointer       source_object,
                 gpointer       task_data,
                 gpointer       result,
                 GCancellable  *cancellable,
                 GError       **error)
{
  DownloadData *download = task_data;

  return clr_downloader_download (source_object, download->url, download->etag, download->last_modified,
                                  download->relay ? clr_progress_relay_report_cb : NULL, download->relay,
                                  result, cancellable, error);
}

void
clr_downloader_download_async (ClrDownloader            *self,
                               const char               *url,
                               const char               *etag,
                               const char               *last_modified,
                               ClrDownloadProgressFunc   progress,
                               gpointer                  progress_data,
                               GDestroyNotify            progress_destroy,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  DownloadData *download;

  g_return_if_fail (CLR_IS_DOWNLOADER (self));
  g_return_if_fail (url != NULL);

  download = g_new0 (DownloadData, 1);
  download->url = g_strdup (url);
  download->etag = g_strdup (etag);
  download->last_modified = g_strdup (last_modified);
  download->relay = clr_progress_relay_new (progress, progress_data, progress_destroy);

  _clr_net_task_run (self, clr_downloader_download_async, download_thread, download, download_data_free,
                     sizeof (ClrDownloadResult), download_result_free, cancellable, callback, user_data);
}

gboolean
clr_downloader_download_finish (ClrDownloader      *self,
                                GAsyncResult       *res,
                                ClrDownloadResult  *result,
                                GError            **error)
{
  g_return_val_if_fail (CLR_IS_DOWNLOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (res, self), FALSE);

  return _clr_net_task_finish (res, result, sizeof *result, NULL, error);
}
