/* clr-store-json-private.h — JSON and SQLite helpers shared by the store's
 * cases, review, audit and re-screening code
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include "clr-db.h"

#include "clr-json.h"

G_BEGIN_DECLS

/* Compact JSON text of @node; NULL for a NULL node. */
char       *_clr_json_to_text           (JsonNode     *node);

/* @text parsed (a copy of its root), or NULL when @text is NULL or not JSON. */
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

G_END_DECLS
