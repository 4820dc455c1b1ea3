/* clr-store-rules-private.h — for tests of the store's caches
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-store.h"

G_BEGIN_DECLS

/* How many times this store has built its shared matcher (tests only). */
guint _clr_store_get_matcher_builds (ClrStore *self);

G_END_DECLS
