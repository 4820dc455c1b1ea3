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

G_END_DECLS
