/* clr-downloader.h — downloading list files over HTTP(S) with libsoup 3
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CLR_NET_ERROR (clr_net_error_quark ())

typedef enum
{
  CLR_NET_ERROR_HTTP,       /* the server answered with an error status */
  CLR_NET_ERROR_NETWORK,    /* could not connect, or the connection broke */
  CLR_NET_ERROR_TIMEOUT,    /* no answer or no data within the timeout */
  CLR_NET_ERROR_TRUNCATED,  /* fewer bytes than the server announced */
  CLR_NET_ERROR_INVALID,    /* not an http(s) URL */
  CLR_NET_ERROR_IO,         /* cannot write the temporary file */
  CLR_NET_ERROR_TOO_LARGE,  /* more bytes than the size limit */
  CLR_NET_ERROR_INSECURE,   /* a plain http:// address without clr_downloader_set_allow_http() */
  CLR_NET_ERROR_DEADLINE,   /* the overall deadline (clr_downloader_set_deadline()) passed */
  CLR_NET_ERROR_NOT_A_LIST, /* the server sent an HTML page */
} ClrNetError;

GQuark clr_net_error_quark (void);

/* Timeouts used when none is set, in seconds. */
#define CLR_DOWNLOADER_DEFAULT_TIMEOUT 30
/* Largest file accepted when no limit is set (the full CSL is ~15 MB, the
 * OFAC SDN XML ~100 MB): a runaway server cannot fill the disk. */
#define CLR_DOWNLOADER_DEFAULT_MAX_BYTES (G_GUINT64_CONSTANT (1) << 30)
#define CLR_DOWNLOADER_DEFAULT_DEADLINE (10 * 60)

/* Bytes received so far and the announced total (0 when unknown). */
typedef void (*ClrDownloadProgressFunc) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

typedef struct
{
  gboolean  not_modified;   /* 304: the validators still hold; nothing was downloaded */
  char     *path;           /* the downloaded file (in a new temporary folder), NULL when not modified */
  char     *url;            /* the address that was fetched */
  guint     status;         /* HTTP status of the final answer */
  char     *etag;           /* validators of the answer, for the next conditional request */
  char     *last_modified;
  guint64   size;           /* bytes written */
  guint     attempts;       /* 1, or 2 after a retry */
  gboolean  insecure;       /* fetched over plain http (allowed with clr_downloader_set_allow_http()) */
} ClrDownloadResult;

void clr_download_result_init  (ClrDownloadResult *result);
/* Frees the fields; with @delete_file, also removes the file and its folder. */
void clr_download_result_clear (ClrDownloadResult *result,
                                gboolean           delete_file);
/* Removes a downloaded file and the temporary folder made for it. */
void clr_download_remove_file  (const char        *path);

#define CLR_TYPE_DOWNLOADER (clr_downloader_get_type ())

G_DECLARE_FINAL_TYPE (ClrDownloader, clr_downloader, CLR, DOWNLOADER, GObject)

ClrDownloader *clr_downloader_new          (void);
/* Socket timeout (connecting, waiting for the answer, each read), seconds. */
void           clr_downloader_set_timeout  (ClrDownloader *self,
                                            guint          seconds);
guint          clr_downloader_get_timeout  (ClrDownloader *self);
/* Number of retries after a network error, timeout, truncated body or 5xx
 * answer (default 1). HTTP 4xx answers and cancellation are not retried. */
void           clr_downloader_set_retries  (ClrDownloader *self,
                                            guint          retries);
/* Size limit in bytes; a larger download fails with CLR_NET_ERROR_TOO_LARGE. */
void           clr_downloader_set_max_bytes (ClrDownloader *self,
                                             guint64        max_bytes);
/* Plain http:// addresses (and redirects to one) are refused unless
 * allowed (an intranet mirror); a file so fetched is marked insecure. */
void           clr_downloader_set_allow_http (ClrDownloader *self,
                                              gboolean       allow);
/* Every download through @self must end within @seconds from now (0 = no
 * deadline): a server sending one byte at a time cannot hold it for ever.
 * The CLI's update sets CLR_DOWNLOADER_DEFAULT_DEADLINE (--deadline). */
void           clr_downloader_set_deadline  (ClrDownloader *self,
                                             guint          seconds);
/* Where downloads go: $XDG_CACHE_HOME/clearance/downloads, one folder per
 * download named after the process; folders left by processes that no
 * longer run (a killed update) are removed by the next download. */
char          *clr_downloader_dup_download_dir (void);

/* Downloads @url into a new temporary folder (named after the URL's last
 * path segment). With @etag / @last_modified a conditional request is made;
 * 304 sets @result->not_modified. Errors name the URL and, for HTTP errors,
 * the status. Blocks: for the CLI and worker threads. */
gboolean       clr_downloader_download     (ClrDownloader            *self,
                                            const char               *url,
                                            const char               *etag,
                                            const char               *last_modified,
                                            ClrDownloadProgressFunc   progress,
                                            gpointer                  progress_data,
                                            ClrDownloadResult        *result,
                                            GCancellable             *cancellable,
                                            GError                  **error);
/* The same in a worker thread; @progress runs in the caller's thread-default
 * main context (throttled). */
void           clr_downloader_download_async  (ClrDownloader            *self,
                                               const char               *url,
                                               const char               *etag,
                                               const char               *last_modified,
                                               ClrDownloadProgressFunc   progress,
                                               gpointer                  progress_data,
                                               GDestroyNotify            progress_destroy,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean       clr_downloader_download_finish (ClrDownloader            *self,
                                               GAsyncResult             *res,
                                               ClrDownloadResult        *result,
                                               GError                  **error);

G_END_DECLS
