/* clr-words.h — display words for the fixed vocabulary of the shipment document
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translated label of a role, or @role itself when unknown. */
const char         *clr_words_party_role_label     (const char *role);
/* The translated label of an end-use category, or @category itself when unknown. */
const char         *clr_words_end_use_label        (const char *category);
/* "enforcement" → "enforcement posture", "cfr-text" → "CFR-text posture". */
const char         *clr_words_posture_label        (const char *posture);

G_END_DECLS
