/* clr-matcher-private.h — matcher internals the tests check
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether @bytes is a complete scoring.json: every key present and in
 * range. The error names the file and the missing or bad key. */
gboolean _clr_matcher_check_scoring (GBytes  *bytes,
                                     GError **error);

G_END_DECLS
