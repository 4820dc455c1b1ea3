/* clr-store-lists.h — versioned restricted-party lists in the store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-entry.h"
#include "clr-importer.h"
#include "clr-store.h"

G_BEGIN_DECLS

/* An import fails (CLR_STORE_ERROR_SANITY) when any list code's record count
 * drops by more than this fraction against the current version, unless forced. */
#define CLR_LIST_SANITY_MAX_DROP 0.20

/* Called for each entry of the current version of each source (or of one
 * source). @entry_id is the entry's row id: stable for that stored entry,
 * usable with clr_store_get_entry(). Return FALSE to stop early.
 * Sources the user disabled (clr_store_set_source_enabled()) are skipped.
 * The store is locked during the iteration: do not call the store from
 * inside @func. */
typedef gboolean (*ClrStoreEntryFunc) (gint64     entry_id,
                                       ClrEntry  *entry,
                                       gpointer   user_data);

gboolean   clr_store_foreach_current_entry (ClrStore          *self,
                                            const char        *source,
                                            ClrStoreEntryFunc  func,
                                            gpointer           user_data,
                                            GError           **error);
/* Any stored entry (current or older version); NOT_FOUND when it is gone
 * (never existed, or its version was pruned). */
ClrEntry  *clr_store_get_entry             (ClrStore          *self,
                                            gint64             entry_id,
                                            GError           **error);

/* Records and names (primary name + aliases) of one list code in a version. */
typedef struct
{
  char    *list_code;
  char    *list_name;
  guint64  records;
  guint64  names;
} ClrListCount;

void           clr_list_count_free      (ClrListCount *count);

/* One imported version of a source (a row of the history). */
typedef struct
{
  gint64     id;
  char      *source;            /* "csl", "ofac-sdn", … or a custom source id */
  char      *file_name;         /* base name of the imported file */
  char      *sha256;
  char      *publication_date;  /* YYYY-MM-DD when the file states one, else NULL */
  char      *imported_at;       /* ISO 8601 UTC */
  char      *format;            /* "csl-csv", … or NULL */
  char      *status;            /* "current", "previous", "superseded" */
  gboolean   pruned;            /* entries dropped to bound the database size */
  guint64    records;
  guint64    names;
  GPtrArray *counts;            /* ClrListCount *, by list code */
  GPtrArray *warnings;          /* char * */
  gboolean   fetched_without_tls; /* downloaded over plain http (update --allow-http) */
  gint       ref_count;
} ClrListVersion;

#define CLR_TYPE_LIST_VERSION (clr_list_version_get_type ())
GType           clr_list_version_get_type (void) G_GNUC_CONST;
ClrListVersion *clr_list_version_ref      (ClrListVersion       *version);
void            clr_list_version_unref    (ClrListVersion       *version);
JsonNode       *clr_list_version_to_json  (const ClrListVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrListVersion, clr_list_version_unref)

/* Every version of @source (NULL: of every source), newest first. */
GPtrArray      *clr_store_list_versions        (ClrStore    *self,
                                                const char  *source,
                                                GError     **error);
/* The current version of @source; NOT_FOUND when the source was never loaded. */
ClrListVersion *clr_store_get_current_version  (ClrStore    *self,
                                                const char  *source,
                                                GError     **error);
/* Distinct sources that have at least one version, sorted. */
GStrv           clr_store_list_loaded_sources  (ClrStore    *self,
                                                GError     **error);

/* What an import did. Initialise with clr_list_import_result_init() (or
 * zero it), release with clr_list_import_result_clear(). */
typedef struct
{
  gboolean    unchanged;          /* same file as the current version: nothing done */
  gint64      version_id;         /* the new version, or the current one when unchanged */
  gint64      previous_version_id;/* the version it replaced, 0 when first */
  char       *source;
  char       *file_name;
  char       *sha256;
  char       *format;
  char       *publication_date;
  guint64     records;
  guint64     names;
  GPtrArray  *counts;             /* ClrListCount * */
  GPtrArray  *warnings;           /* char * */
  guint64     added;              /* against the previous version */
  guint64     removed;
  guint64     changed;
} ClrListImportResult;

void     clr_list_import_result_init  (ClrListImportResult *result);
void     clr_list_import_result_clear (ClrListImportResult *result);
JsonNode *clr_list_import_result_to_json (const ClrListImportResult *result);
/* Describes @version (its counts, hash, date) in @result, e.g. for "unchanged". */
void     clr_list_import_result_fill_from_version (ClrListImportResult  *result,
                                                   const ClrListVersion *version);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClrListImportResult, clr_list_import_result_clear)

/* Parses @path with the importers and stores it as the new current version
 * of its source (@source_override, else the source the importer names) in
 * ONE transaction: any failure leaves the database as it was, and the error
 * names file, line and reason. The same file as the current version is a
 * no-op (@result->unchanged). A list code losing more than 20 % of its
 * records fails with CLR_STORE_ERROR_SANITY unless @force.
 * @progress is called from the calling thread. @result may be NULL. */
gboolean clr_store_import_list_file        (ClrStore              *self,
                                            const char            *path,
                                            ClrListFormat          format,
                                            const char            *source_override,
                                            gboolean               force,
                                            ClrImportProgressFunc  progress,
                                            gpointer               progress_data,
                                            ClrListImportResult   *result,
                                            GCancellable          *cancellable,
                                            GError               **error);
/* The same for a downloaded file; @without_tls records, in the same
 * transaction, that it came over plain http (fetched_without_tls). */
gboolean clr_store_import_downloaded_list_file (ClrStore              *self,
                                                const char            *path,
                                                ClrListFormat          format,
                                                const char            *source_override,
                                                gboolean               force,
                                                gboolean               without_tls,
                                                ClrImportProgressFunc  progress,
                                                gpointer               progress_data,
                                                ClrListImportResult   *result,
                                                GCancellable          *cancellable,
                                                GError               **error);
/* The same in a worker thread; @progress is called in the thread-default
 * main context of the caller (throttled). */
void     clr_store_import_list_file_async  (ClrStore              *self,
                                            const char            *path,
                                            ClrListFormat          format,
                                            const char            *source_override,
                                            gboolean               force,
                                            ClrImportProgressFunc  progress,
                                            gpointer               progress_data,
                                            GDestroyNotify         progress_destroy,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean clr_store_import_list_file_finish (ClrStore              *self,
                                            GAsyncResult          *res,
                                            ClrListImportResult   *result,
                                            GError               **error);

/* Lower level: build a version entry by entry (tests, custom sources).
 * The writer holds the store's lock and an open transaction from begin to
 * commit/free: do not call other store functions from the same thread in
 * between. Freeing an uncommitted writer rolls everything back. */
typedef struct _ClrListWriter ClrListWriter;

ClrListWriter *clr_store_begin_list_version (ClrStore            *self,
                                             const char          *source,
                                             const char          *file_name,
                                             const char          *sha256,
                                             const char          *publication_date,
                                             const char          *format,
                                             GError             **error);
gboolean       clr_list_writer_add_entry    (ClrListWriter       *writer,
                                             ClrEntry            *entry,
                                             GError             **error);
void           clr_list_writer_add_warning  (ClrListWriter       *writer,
                                             const char          *warning);
/* Runs the 20 % guard (unless @force), switches current/previous, prunes
 * old entries and commits. On error everything is rolled back. Either way
 * the writer is finished: free it afterwards. */
gboolean       clr_list_writer_commit       (ClrListWriter       *writer,
                                             gboolean             force,
                                             ClrListImportResult *result,
                                             GError             **error);
void           clr_list_writer_free         (ClrListWriter       *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrListWriter, clr_list_writer_free)

/* One difference between two versions of a source. */
typedef enum
{
  CLR_LIST_CHANGE_ADDED,
  CLR_LIST_CHANGE_REMOVED,
  CLR_LIST_CHANGE_CHANGED,
} ClrListChangeKind;

typedef struct
{
  ClrListChangeKind  kind;
  char              *key;           /* entry key (of the new entry, else the old) */
  char              *list_code;
  char              *name;          /* primary name (new one when changed) */
  GStrv              countries;     /* ISO-2, never NULL */
  gint64             old_entry_id;  /* 0 when added */
  gint64             new_entry_id;  /* 0 when removed */
  GStrv              fields;        /* changed fields; empty unless CHANGED */
  gint               ref_count;
} ClrListChange;

#define CLR_TYPE_LIST_CHANGE (clr_list_change_get_type ())
GType          clr_list_change_get_type (void) G_GNUC_CONST;
ClrListChange *clr_list_change_ref      (ClrListChange       *change);
void           clr_list_change_unref    (ClrListChange       *change);
const char    *clr_list_change_kind_to_string (ClrListChangeKind kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrListChange, clr_list_change_unref)

/* Differences from @old_version to @new_version (ClrListChange *), sorted by
 * kind, list code, name. Entries are paired by entry key first; entries left
 * unpaired are then paired by list code + folded name (so a version that lost
 * or gained ids still diffs sensibly); identical content hashes are unchanged. */
GPtrArray *clr_store_diff_versions     (ClrStore    *self,
                                        gint64       old_version,
                                        gint64       new_version,
                                        GError     **error);
/* The current version of @source against its previous one. NOT_FOUND when
 * the source has fewer than two versions with entries. */
GPtrArray *clr_store_diff_latest       (ClrStore    *self,
                                        const char  *source,
                                        gint64      *old_version,
                                        gint64      *new_version,
                                        GError     **error);
/* {"added": n, "removed": n, "changed": n, "changes": [{"kind", "key",
 * "list", "name", "countries", "old_entry_id", "new_entry_id", "fields"}]} */
JsonNode  *clr_list_changes_to_json    (GPtrArray   *changes);

G_END_DECLS
