/* clr-json.h — JSON helpers shared by the engine, store and front ends
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A copy that shares nothing with @node. json_node_copy() only references
 * the objects and arrays inside, so a document handed to a worker thread
 * while its owner goes on editing it must be copied with this instead. */
JsonNode *clr_json_node_deep_copy (JsonNode *node);

/* @node as JSON text, like json_to_string(), except that a double is
 * written with the fewest digits that read back as the same number
 * (0.82, not json-glib 1.6's 0.81999999999999995) and NaN or infinity,
 * which JSON cannot express, as null. @pretty: two-space indentation. */
char     *clr_json_to_string      (JsonNode *node,
                                   gboolean  pretty);

/* Appends @text (NULL: empty) to @out as a JSON string. Control characters
 * are escaped as \u00XX: all of them and DEL, or, @as_json_glib, those
 * json-glib 1.6 escapes (below 0x1f), for text that must match what it
 * writes byte for byte. */
void      clr_json_append_string  (GString    *out,
                                   const char *text,
                                   gboolean    as_json_glib);

/* Member @name of @object (nullable) if it is a string / an object / an
 * array, else NULL; never warns. */
const char *clr_json_get_string        (JsonObject *object,
                                        const char *name);
JsonObject *clr_json_get_object        (JsonObject *object,
                                        const char *name);
JsonArray  *clr_json_get_array         (JsonObject *object,
                                        const char *name);

/* Element @i of @array (nullable) if it is a string / an object, else NULL;
 * never warns. */
const char *clr_json_array_get_string  (JsonArray  *array,
                                        guint       i);
JsonObject *clr_json_array_get_object  (JsonArray  *array,
                                        guint       i);

/* The document @text (nullable) holds, or NULL when it is NULL, empty or
 * (setting @error) not JSON. */
JsonNode   *clr_json_from_text         (const char *text,
                                        GError    **error);

/* Builder members: @name with @value. The nullable ones write null for a
 * NULL node or string, and for an @id that is not positive (no case, no
 * previous version); clr_json_add_node() takes @node; clr_json_add_strv()
 * adds an array of the strings of @strv (NULL: an empty array), and
 * clr_json_add_string_array() of the strings (char *) in @strings. */
void        clr_json_add_node          (JsonBuilder        *builder,
                                        const char         *name,
                                        JsonNode           *node);
void        clr_json_add_string        (JsonBuilder        *builder,
                                        const char         *name,
                                        const char         *value);
void        clr_json_add_id            (JsonBuilder        *builder,
                                        const char         *name,
                                        gint64              id);
void        clr_json_add_strv          (JsonBuilder        *builder,
                                        const char         *name,
                                        const char * const *strv);
void        clr_json_add_string_array  (JsonBuilder        *builder,
                                        const char         *name,
                                        GPtrArray          *strings);
void        clr_json_add_int           (JsonBuilder        *builder,
                                        const char         *name,
                                        gint64              value);
void        clr_json_add_double        (JsonBuilder        *builder,
                                        const char         *name,
                                        double              value);
void        clr_json_add_boolean       (JsonBuilder        *builder,
                                        const char         *name,
                                        gboolean            value);

G_END_DECLS
