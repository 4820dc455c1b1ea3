/* clr-store-test.h — the temporary store every store test runs against, and
 * small list versions and screening for the review and re-screening tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-matcher.h"
#include "clr-store-lists.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"
#include "clr-test.h"

G_BEGIN_DECLS

/* A scratch folder with a store in it; removed with all it holds. */
typedef struct
{
  char     *dir;    /* the scratch folder */
  char     *path;   /* @dir/clearance.db, or a PostgreSQL database (clr_test_engine ()) */
  ClrStore *store;  /* open on @path (NULL after clr_store_test_make_dir alone) */
} ClrStoreTest;

/* Fixture functions for g_test_add (): a scratch folder named after @data's
 * test and an open, migrated store. */
void       clr_store_test_set_up          (ClrStoreTest    *t,
                                           gconstpointer    data);
void       clr_store_test_tear_down       (ClrStoreTest    *t,
                                           gconstpointer    data);
/* Only the scratch folder and path, for tests that open the store themselves. */
void       clr_store_test_make_dir        (ClrStoreTest    *t);
/* Opens t->path, asserting success. */
void       clr_store_test_open            (ClrStoreTest    *t);

/* A second connection to the test's database, as user @user (another
 * reviewer): on PostgreSQL a login role of that name, on SQLite the
 * store's local user. Open. */
ClrStore  *clr_store_test_open_as         (ClrStoreTest    *t,
                                           const char      *user);

/* clr_store_test_open_as () with @display_name as the reviewer name the
 * connection's decisions and audit entries carry. */
ClrStore  *clr_store_test_open_reviewer   (ClrStoreTest    *t,
                                           const char      *user,
                                           const char      *display_name);

/* A team on the test's database: beside the store, two reviewers on
 * connections of their own as two users, anna ("Anna Albers") and ben
 * ("Ben Brandt"). */
typedef struct
{
  ClrStoreTest t;
  ClrStore    *anna;
  ClrStore    *ben;
} ClrStoreTeamTest;

void       clr_store_team_test_set_up     (ClrStoreTeamTest *f,
                                           gconstpointer     data);
void       clr_store_team_test_tear_down  (ClrStoreTeamTest *f,
                                           gconstpointer     data);

/* Imports @path into @store (format detected). */
gboolean   clr_store_test_import_file     (ClrStore             *store,
                                           const char           *path,
                                           gboolean              force,
                                           ClrListImportResult  *result,
                                           GError              **error);
/* Imports tests/cli/data/@name, asserting success. */
void       clr_store_test_import_data     (ClrStore        *store,
                                           const char      *name);
/* Imports tests/@folder/data/@name, asserting success. */
void       clr_store_test_import_from     (ClrStore        *store,
                                           const char      *folder,
                                           const char      *name);

typedef struct
{
  const char *list_code;
  const char *entry_id;
  const char *name;
  const char *country;
  const char *address;
  const char *alias;
} TestEntry;

ClrEntry  *clr_store_test_make_entry      (const TestEntry *t);
/* Writes @entries as a new "csl" version whose sha256 is that of @tag. */
void       clr_store_test_write_version   (ClrStore        *store,
                                           const char      *tag,
                                           const TestEntry *entries,
                                           guint            n_entries);
/* The "screening" array an evaluation makes: one element per party (and
 * per ultimate parent) with its hits from the store's current lists. */
JsonArray *clr_store_test_screen_parties  (ClrStore        *store,
                                           JsonArray       *parties);
/* The review items in @store with @status (CLR_REVIEW_STATUS_ANY for all),
 * whose party matches @search and whose list is @list_code (either NULL for
 * any), asserting the query succeeds. */
GPtrArray *clr_store_test_review_list     (ClrStore        *store,
                                           ClrReviewStatus  status,
                                           const char      *search,
                                           const char      *list_code);
/* The changes between the last two versions of @source, asserting the diff
 * succeeds; how many were added, removed and changed in @added, @removed
 * and @changed (each may be NULL). */
GPtrArray *clr_store_test_diff            (ClrStore        *store,
                                           const char      *source,
                                           guint           *added,
                                           guint           *removed,
                                           guint           *changed);
/* The entries of @store's audit trail whose action is @action (NULL for
 * all), oldest first, asserting the trail can be read. */
GPtrArray *clr_store_test_audit_entries   (ClrStore        *store,
                                           const char      *action);
/* How many entries of the trail have @action. */
guint      clr_store_test_audit_count     (ClrStore        *store,
                                           const char      *action);
/* Verifies @store's audit trail, failing the test with the entry that
 * breaks it and why; the number of entries checked. */
gint64     clr_store_test_verify_audit    (ClrStore        *store);
/* The hits of party @index in @screening. */
JsonArray *clr_store_test_hits_of         (JsonArray       *screening,
                                           guint            index);

G_END_DECLS
