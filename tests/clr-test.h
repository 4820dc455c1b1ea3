/* clr-test.h — small helpers every test program may use: scratch folders,
 * JSON literals and the shared real list files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A fresh folder under $TMPDIR named @prefix-XXXXXX; asserts it was made. */
char     *clr_test_tmpdir     (const char *prefix);
/* Removes @path and everything below it (links are removed, not followed). */
void      clr_test_rmtree     (const char *path);
/* Parses @text, asserting it is valid JSON; a copy of the root. */
JsonNode *clr_test_parse      (const char *text);
/* tests/@folder/data/@name in the source tree (after g_test_init). */
char     *clr_test_data_file  (const char *folder,
                               const char *name);
/* Shared data: $CLEARANCE_SHARED_DATA/@relative, or NULL with the test skipped
 * when absent. Files ending in .gz / .xz are unpacked into @tmpdir as
 * @unpacked_name first (NULL and skipped when xz is not installed); a plain file
 * is copied there when both are given, else returned in place. */
char     *clr_test_shared_file (const char *relative,
                                const char *tmpdir,
                                const char *unpacked_name);

/* The end-use questions of the bundled rule pack (end_use_categories with a
 * "question"), NULL-terminated. */
extern const char * const clr_test_end_use_questions[];
/* Answers "no" (end_use.answers.ID = false) for each of the pack's end-use
 * questions @shipment neither answers nor states in end_use.categories: the
 * meaning such documents had before unanswered questions became missing facts. */
void      clr_test_answer_end_use_no (JsonNode *shipment);

/* Waiting for one asynchronous call in a test: pass clr_test_async_ready and a
 * ClrTestAsync (with a main loop) as its callback and data, then
 * clr_test_async_wait () runs the loop until the call is done. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} ClrTestAsync;

void          clr_test_async_ready (GObject       *source,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
/* The result of the call (owned), taken from @wait. */
GAsyncResult *clr_test_async_wait  (ClrTestAsync  *wait);

G_END_DECLS
