/* clr-source-updater.h — download a configured source and import it
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-downloader.h"
#include "clr-store-lists.h"
#include "clr-store-sources.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_SOURCE_UPDATE_UPDATED,    /* a new version is now current */
  CLR_SOURCE_UPDATE_UNCHANGED,  /* 304 Not Modified, or the same file again */
} ClrSourceUpdateOutcome;

/* "updated", "unchanged" */
const char *clr_source_update_outcome_to_string (ClrSourceUpdateOutcome outcome);

typedef enum
{
  CLR_UPDATE_PHASE_DOWNLOAD,
  CLR_UPDATE_PHASE_IMPORT,
} ClrUpdatePhase;

typedef void (*ClrUpdateProgressFunc) (ClrUpdatePhase phase,
                                       guint64        done,
                                       guint64        total,
                                       gpointer       user_data);

typedef struct
{
  char                   *source;
  char                   *url;           /* the address used */
  ClrSourceUpdateOutcome  outcome;
  gboolean                not_modified;  /* the server answered 304 */
  guint64                 downloaded;    /* bytes */
  ClrListImportResult     import;        /* when a file was downloaded: what the import did */
  gboolean                without_tls;   /* fetched over plain http (allowed by the downloader) */
} ClrSourceUpdateResult;

void clr_source_update_result_init  (ClrSourceUpdateResult *result);
void clr_source_update_result_clear (ClrSourceUpdateResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClrSourceUpdateResult, clr_source_update_result_clear)

/* Downloads source @id (from @url_override when given, else its configured
 * address; conditionally when the stored validators belong to that address
 * and a version is loaded) and imports it with the same validation as a file
 * import (format, counts, the 20 % guard unless @force). Records the attempt
 * on the source (last check, last error, validators). On any failure the
 * current version stays and the error says why. Blocks. */
gboolean clr_source_update        (ClrStore               *store,
                                   ClrDownloader          *downloader,
                                   const char             *id,
                                   const char             *url_override,
                                   gboolean                force,
                                   ClrUpdateProgressFunc   progress,
                                   gpointer                progress_data,
                                   ClrSourceUpdateResult  *result,
                                   GCancellable           *cancellable,
                                   GError                **error);
/* The same in a worker thread; @progress runs in the caller's thread-default
 * main context (throttled). */
void     clr_source_update_async  (ClrStore               *store,
                                   ClrDownloader          *downloader,
                                   const char             *id,
                                   const char             *url_override,
                                   gboolean                force,
                                   ClrUpdateProgressFunc   progress,
                                   gpointer                progress_data,
                                   GDestroyNotify          progress_destroy,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
gboolean clr_source_update_finish (ClrStore               *store,
                                   GAsyncResult           *res,
                                   ClrSourceUpdateResult  *result,
                                   GError                **error);

G_END_DECLS
