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

/* @text parsed (a copy of its root), or NULL when @text is NULL or not JSON. */
JsonNode   *_clr_json_from_text         (const char   *text);
/* Number and object members of @object (nullable): 0 or NULL when missing
 * or of another type. */
gint64      _clr_json_member_int        (JsonObject   *object,
                                         const char   *name);
double      _clr_json_member_double     (JsonObject   *object,
                                         const char   *name);
JsonObject *_clr_json_member_object     (JsonObject   *object,
                                         const char   *name);
/* A string vector as JSON array text, and back (strings only). */
char       *_clr_json_text_from_strv    (const char * const *strv);
GStrv       _clr_json_text_to_strv      (const char   *text);

/* Adds member @name: @value, or null when @value is NULL. */
void        _clr_json_add_string        (JsonBuilder  *builder,
                                         const char   *name,
                                         const char   *value);
/* Adds member @name with an integer or boolean @value. */
void        _clr_json_add_int           (JsonBuilder  *builder,
                                         const char   *name,
                                         gint64        value);
void        _clr_json_add_boolean       (JsonBuilder  *builder,
                                         const char   *name,
                                         gboolean      value);

G_END_DECLS
