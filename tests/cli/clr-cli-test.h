/* clr-cli-test.h — run the real clearance-cli binary from tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-test.h"

G_BEGIN_DECLS

typedef struct
{
  int   exit_code;
  char *out;
  char *err;
} ClrCliRun;

/* Runs $CLEARANCE_CLI with the NULL-terminated arguments; never fails the test
 * itself (the caller asserts on exit code and output). */
ClrCliRun *clr_cli_run       (const char * const *argv);
ClrCliRun *clr_cli_run_va    (const char         *first,
                              ...) G_GNUC_NULL_TERMINATED;
ClrCliRun *clr_cli_run_valist (const char         *first,
                              va_list             ap);
void       clr_cli_run_free  (ClrCliRun          *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrCliRun, clr_cli_run_free)

/* A NULL-terminated list of strings for clr_cli_assert_run (). */
#define CLR_MENTIONS(...) ((const char * const []) { __VA_ARGS__, NULL })

/* Runs $CLEARANCE_CLI with the NULL-terminated arguments and asserts that it
 * exits with @exit_code and that its stderr mentions each of @mentions
 * (NULL-terminated, or NULL for none); the failure message shows stderr. */
void       clr_cli_assert_run (int                 exit_code,
                               const char * const *mentions,
                               const char         *first,
                               ...) G_GNUC_NULL_TERMINATED;

/* Runs $CLEARANCE_CLI with the NULL-terminated arguments, asserts it exits
 * with @exit_code (the failure shows stderr) and returns its stdout. */
char      *clr_cli_run_out   (int                 exit_code,
                              const char         *first,
                              ...) G_GNUC_NULL_TERMINATED;
/* The same with exit 0, asserting that stdout mentions each of @mentions. */
void       clr_cli_assert_prints (const char * const *mentions,
                                  const char         *first,
                                  ...) G_GNUC_NULL_TERMINATED;
/* The same with exit 0: its stdout parsed as JSON (asserted). */
JsonNode  *clr_cli_run_json  (const char         *first,
                              ...) G_GNUC_NULL_TERMINATED;

/* A scratch folder and a database path in it, for g_test_add (). */
typedef struct
{
  char *dir;
  char *db;   /* @dir/clearance.db, not created; a new PostgreSQL database when clr_test_engine () says so */
} ClrCliTest;

void       clr_cli_test_set_up      (ClrCliTest    *t,
                                     gconstpointer  data);
void       clr_cli_test_tear_down   (ClrCliTest    *t,
                                     gconstpointer  data);
/* `clearance-cli --db @db import @list`, failing the test with its stderr
 * unless it exits 0. */
void       clr_cli_test_import      (const char    *db,
                                     const char    *list);
/* The same for tests/@folder/data/@name. */
void       clr_cli_test_import_data (const char    *db,
                                     const char    *folder,
                                     const char    *name);
/* `clearance-cli --db @db evaluate --save --json @shipment`, asserting it
 * exits 0 and saved a case: the result, and the case's id in @case_id. */
JsonNode  *clr_cli_test_evaluate_save (const char  *db,
                                       const char  *shipment,
                                       gint64      *case_id);
/* The id of the first item `review list --json` prints (with --status
 * @status unless NULL), 0 when the queue shows none. */
gint64     clr_cli_test_first_item  (const char    *db,
                                     const char    *status);
/* Writes @text to @dir/@name; the path. */
char      *clr_cli_test_write       (const char    *dir,
                                     const char    *name,
                                     const char    *text);

G_END_DECLS
