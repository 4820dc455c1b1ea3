/* clr-engine-error.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-engine-error.h"

G_DEFINE_QUARK (clr-engine-error-quark, clr_engine_error)
