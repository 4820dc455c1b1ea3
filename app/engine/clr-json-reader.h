/* clr-json-reader.h — the one guarded reader for every JSON input
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Objects and arrays nested deeper than this are refused before json-glib
 * (which recurses once per level) sees the text. Documented in docs/cli.md. */
#define CLR_JSON_MAX_DEPTH 64

typedef enum
{
  CLR_JSON_READ_NONE      = 0,
  CLR_JSON_READ_IMMUTABLE = 1 << 0,   /* json_parser_new_immutable(): sealed nodes */
} ClrJsonReadFlags;

/* Where each value of a document starts: "parties[1].name" → its line. */
typedef struct _ClrJsonLines ClrJsonLines;

gint64    clr_json_lines_lookup (ClrJsonLines *lines,
                                 const char   *path);
void      clr_json_lines_free   (ClrJsonLines *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrJsonLines, clr_json_lines_free)

/* The streaming pre-scan alone: strict RFC 8259 syntax, UTF-8, at most
 * CLR_JSON_MAX_DEPTH levels, exactly one document (a leading byte-order
 * mark is allowed), no NUL in any string or name (raw or \u0000), every
 * integer fits in 64 bits and every number in a double. Errors are
 * CLR_ENGINE_ERROR_INVALID_INPUT, “NAME:LINE: PATH: what is wrong”; lines
 * count from @first_line. With @lines, records where each value starts. */
gboolean  clr_json_check        (const char    *data,
                                 gsize          length,
                                 const char    *name,
                                 gint64         first_line,
                                 ClrJsonLines **lines,
                                 GError       **error);

/* clr_json_check() and then json-glib: the root of the one document.
 * @length -1: @data is NUL-terminated. */
JsonNode *clr_json_read_data    (const char        *data,
                                 gssize             length,
                                 const char        *name,
                                 gint64             first_line,
                                 ClrJsonReadFlags   flags,
                                 ClrJsonLines     **lines,
                                 GError           **error);

/* The same for a file (@path names it in the messages). A file that cannot
 * be read gives a G_FILE_ERROR. */
JsonNode *clr_json_read_file    (const char        *path,
                                 ClrJsonReadFlags   flags,
                                 ClrJsonLines     **lines,
                                 GError           **error);

G_END_DECLS
