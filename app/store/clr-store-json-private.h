/* clr-store-json-private.h — JSON and SQLite helpers shared by the store's
 * cases, review, audit and re-screening code
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Compact JSON text of @node; NULL for a NULL node. */
char       *_clr_json_to_text           (JsonNode     *node);
/* The string member @name of @object (nullable), or NULL when it is
 * missing or not a string. */
const char *_clr_json_member_string     (JsonObject   *object,
                                         const char   *name);
/* Binds @text (copied), or SQL NULL when @text is NULL. */
void        _clr_stmt_bind_text_or_null (sqlite3_stmt *stmt,
                                         int           col,
                                         const char   *text);

G_END_DECLS
