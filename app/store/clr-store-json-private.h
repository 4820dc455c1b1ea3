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

#include "clr-json.h"

G_BEGIN_DECLS

/* Compact JSON text of @node; NULL for a NULL node. */
char       *_clr_json_to_text           (JsonNode     *node);
/* Binds @text (copied), or SQL NULL when @text is NULL. */
void        _clr_stmt_bind_text_or_null (sqlite3_stmt *stmt,
                                         int           col,
                                         const char   *text);

G_END_DECLS
