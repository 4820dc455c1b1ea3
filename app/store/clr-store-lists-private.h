/* clr-store-lists-private.h — shared by clr-store-lists*.c only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-store-lists.h"
#include "clr-store-private.h"

G_BEGIN_DECLS

/* The columns of a list version, in the order _clr_list_version_columns
 * reads them. */
#define CLR_LIST_VERSION_COLUMNS \
  "id, source, file_name, sha256, publication_date, imported_at, format, status, " \
  "pruned, record_count, name_count, warnings_json, fetched_without_tls"
#define CLR_LIST_VERSION_N_COLUMNS 13
extern const ClrStoreColumn _clr_list_version_columns[CLR_LIST_VERSION_N_COLUMNS];

/* FALSE with an error when the store is not open. */
gboolean        _clr_store_lists_check_open               (ClrStore             *self,
                                                           GError              **error);
/* The same, and takes the lock when it is open. */
gboolean        _clr_store_lists_lock                     (ClrStore             *self,
                                                           GError              **error);

/* Lock not held. The current version whose hash is @sha256 (of @source when
 * given, else of a built-in source: the importer only ever names those), or NULL (with @error set only on a
 * database failure). */
ClrListVersion *_clr_store_find_current_with_hash         (ClrStore             *self,
                                                           const char           *source,
                                                           const char           *sha256,
                                                           GError              **error);
/* Sets what is only known once the file was read; NULL @source or @sha256
 * keep the values given to clr_store_begin_list_version(). */
/* Records that the version's file came over plain http. */
gboolean        _clr_list_writer_mark_without_tls         (ClrListWriter        *writer,
                                                           GError              **error);
void            _clr_list_writer_set_file_info            (ClrListWriter        *writer,
                                                           const char           *source,
                                                           const char           *sha256,
                                                           const char           *publication_date,
                                                           const char           *format);

/* The key of @entry across versions: list + published id, else list + name
 * (+ "@" and a digest of its sorted addresses when it has any). A version
 * stores it with "#2", "#3"… on entries that would otherwise share it. */
char           *_clr_list_entry_base_key                  (const ClrEntry       *entry);
/* The entry_key stored for list_entry row @row, or NULL. */
char           *_clr_store_dup_entry_key                  (ClrStore             *self,
                                                           gint64                row);
/* Same, lock held. */
char           *_clr_store_dup_entry_key_unlocked         (ClrStore             *self,
                                                           gint64                row);

/* Shared by the list files: records (clr-store-list-records.c). */
ClrListVersion *_clr_list_version_new                     (void);
ClrListCount   *_clr_list_count_copy                      (const ClrListCount   *count);
GPtrArray      *_clr_counts_copy                          (GPtrArray            *counts);
GPtrArray      *_clr_strings_copy                         (GPtrArray            *strings);

/* The entry stored as JSON @text in list_entry row @row_id. */
ClrEntry       *_clr_entry_from_text                      (const char           *text,
                                                           gint64                row_id,
                                                           GError              **error);
/* Lock held. The current version of @source, or NULL. */
ClrListVersion *_clr_store_get_current_version_locked     (ClrStore             *self,
                                                           const char           *source,
                                                           GError              **error);
/* Lock held. Appends the ClrListChange of @old_version → @new_version to
 * @changes and counts them. */
gboolean        _clr_store_diff_locked                    (ClrStore             *self,
                                                           gint64                old_version,
                                                           gint64                new_version,
                                                           GPtrArray            *changes,
                                                           guint64              *added,
                                                           guint64              *removed,
                                                           guint64              *changed,
                                                           GError              **error);

G_END_DECLS
