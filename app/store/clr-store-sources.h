/* clr-store-sources.h — configured list sources and their freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-store-lists.h"

G_BEGIN_DECLS

/* The staleness limit used when none is configured (the GUI reads its own
 * from GSettings). */
#define CLR_SOURCE_DEFAULT_STALE_DAYS 7

typedef enum
{
  CLR_SOURCE_FRESHNESS_NEVER_LOADED,  /* no version stored */
  CLR_SOURCE_FRESHNESS_CURRENT,       /* confirmed or loaded within the limit */
  CLR_SOURCE_FRESHNESS_STALE,         /* older than the limit */
} ClrSourceFreshness;

/* "never-loaded", "current", "stale" */
const char *clr_source_freshness_to_string (ClrSourceFreshness freshness);

typedef struct
{
  char     *id;             /* "csl", "ofac-sdn", "ofac-nonsdn", "bis-dpl", or a custom id */
  char     *label;
  char     *url;            /* download address; NULL for a file-only custom source */
  char     *info_url;
  char     *format;         /* importer format name, NULL = detect */
  gboolean  enabled;
  gboolean  custom;
  char     *etag;
  char     *last_modified;
  char     *validator_url;  /* the address etag/last_modified belong to */
  char     *last_checked;   /* ISO 8601 UTC, NULL = never */
  char     *last_success;
  char     *last_error;     /* NULL when the last attempt succeeded */
} ClrListSource;

#define CLR_TYPE_LIST_SOURCE (clr_list_source_get_type ())
GType          clr_list_source_get_type (void) G_GNUC_CONST;
ClrListSource *clr_list_source_copy     (const ClrListSource *source);
void           clr_list_source_free     (ClrListSource       *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrListSource, clr_list_source_free)

/* Every configured source (ClrListSource *), built-ins first. */
GPtrArray     *clr_store_list_sources         (ClrStore      *self,
                                               GError       **error);
/* NOT_FOUND for an unknown id. */
ClrListSource *clr_store_get_source           (ClrStore      *self,
                                               const char    *id,
                                               GError       **error);
/* A custom source: @id is 1–32 of [a-z0-9-] and not taken; @url may be NULL
 * (imported from files only). INVALID on a bad or taken id. */
gboolean       clr_store_add_custom_source    (ClrStore      *self,
                                               const char    *id,
                                               const char    *label,
                                               const char    *url,
                                               GError       **error);
/* Removes a custom source and every stored version of it. Built-in sources
 * cannot be removed (INVALID): disable them. */
gboolean       clr_store_remove_custom_source (ClrStore      *self,
                                               const char    *id,
                                               GError       **error);
/* A disabled source is neither updated nor screened
 * (clr_store_foreach_current_entry() skips it). */
gboolean       clr_store_set_source_enabled   (ClrStore      *self,
                                               const char    *id,
                                               gboolean       enabled,
                                               GError       **error);
/* Records an update attempt at the current time. On success (@error_message
 * NULL) last_success is set, last_error cleared and, when @url is given, the
 * validators replaced by @etag / @last_modified (either may be NULL). On
 * failure only last_checked and last_error change. */
gboolean       clr_store_record_source_check  (ClrStore      *self,
                                               const char    *id,
                                               const char    *url,
                                               const char    *etag,
                                               const char    *last_modified,
                                               const char    *error_message,
                                               GError       **error);

/* Freshness of @source at @now (NULL = now): the data counts from the later
 * of the current version's import and the last successful check (a 304 "not
 * modified" confirms it); older than @stale_days days is stale. @current, if
 * given, receives the current version (NULL when never loaded). */
ClrSourceFreshness clr_store_get_source_freshness (ClrStore        *self,
                                                   const char      *id,
                                                   guint            stale_days,
                                                   GDateTime       *now,
                                                   ClrListVersion **current,
                                                   GError         **error);

/* The source as JSON, with "freshness" and, when loaded, "current" (the
 * version as clr_list_version_to_json()). */
JsonNode      *clr_store_source_to_json       (ClrStore            *self,
                                               const ClrListSource *source,
                                               guint                stale_days,
                                               GError             **error);

G_END_DECLS
