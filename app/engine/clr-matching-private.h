/* clr-matching-private.h — reading the matching tables (data/matching)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The table @name ("scoring.json") as compiled into the engine. */
GBytes   *_clr_matching_load_resource (const char  *name,
                                       GError     **error);
/* The JSON object the table @name holds in @bytes, or NULL with
 * CLR_ENGINE_ERROR_INVALID_INPUT ("NAME: what is wrong"). */
JsonNode *_clr_matching_parse_table   (const char  *name,
                                       GBytes      *bytes,
                                       GError     **error);

G_END_DECLS
