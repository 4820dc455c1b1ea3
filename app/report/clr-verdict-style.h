/* clr-verdict-style.h — the colours and styles of a verdict (product.md), shared by UI and reports
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdict's words, strength and parsing are the engine's (clr-verdict.h).
 */

#pragma once

#include "clr-verdict.h"

G_BEGIN_DECLS

/* The libadwaita style class: "error", "warning", "accent", "success". */
const char  *clr_verdict_get_style     (ClrVerdict  verdict);
/* The colour for printed reports, as 0..1 RGB (light background palette). */
void         clr_verdict_get_rgb       (ClrVerdict  verdict,
                                        double     *r,
                                        double     *g,
                                        double     *b);

G_END_DECLS
