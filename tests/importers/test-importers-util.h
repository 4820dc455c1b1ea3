/* test-importers-util.h — helpers shared by the importer tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-importer.h"
#include "clr-test.h"

G_BEGIN_DECLS

/* Path of a fixture under tests/importers/data. */
char      *fixture              (const char     *relative);
/* ClrEntryFunc that appends a reference to the GPtrArray in @user_data. */
gboolean   collect_entry        (ClrEntry       *entry,
                                 gpointer        user_data,
                                 GError        **error);
/* Imports @path, asserting success; returns the entries. */
GPtrArray *import_ok            (const char     *path,
                                 ClrListFormat   format,
                                 ClrImportInfo  *info);
/* Asserts the import fails with CLR_ENGINE_ERROR @code, the message starts
 * with a location ending in @where ("file.csv:12:") and contains @reason. */
void       assert_import_error  (const char     *path,
                                 ClrListFormat   format,
                                 gint            code,
                                 const char     *where,
                                 const char     *reason);
ClrEntry  *find_entry           (GPtrArray      *entries,
                                 const char     *name);
void       assert_strv          (GPtrArray      *array,
                                 ...) G_GNUC_NULL_TERMINATED;
void       assert_address       (ClrEntry       *entry,
                                 guint           index,
                                 const char     *text,
                                 const char     *country);
/* Some warning of @info contains @location and @text. */
void       assert_warning       (ClrImportInfo  *info,
                                 const char     *location,
                                 const char     *text);
void       assert_same_entries  (GPtrArray      *a,
                                 GPtrArray      *b);
char      *sha256_of_file       (const char     *path);
void       assert_sha256_of_file (const char    *sha256,
                                  const char    *path);

G_END_DECLS
