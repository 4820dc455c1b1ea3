/* clr-cli-test.h — run the real clearance-cli binary from tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
void       clr_cli_run_free  (ClrCliRun          *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrCliRun, clr_cli_run_free)

/* A fresh temporary folder, removed with its content by clr_cli_test_rmtree. */
char      *clr_cli_test_tmpdir (void);
void       clr_cli_test_rmtree (const char *path);

G_END_DECLS
