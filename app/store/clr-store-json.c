/* clr-store-json.c — JSON and SQLite helpers shared inside the store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-store-json-private.h"

char *
_clr_json_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = NULL;

  if (node == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

void
_clr_stmt_bind_text_or_null (sqlite3_stmt *stmt,
                             int           col,
                             const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}
