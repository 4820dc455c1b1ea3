/* clr-eccn.h — Export Control Classification Numbers: syntax and matching
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one home of ECCN syntax ("3A090.a.1", "EAR99") and of matching an
 * ECCN against a rule's pattern ("3A090.a", "3A001.z.*.a"). What the
 * numbers mean is data in the rule pack, never here.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The engine's three-valued truth: a fact a shipment does not state makes a
 * condition unknown rather than false. */
typedef enum
{
  CLR_TRI_FALSE   = 0,
  CLR_TRI_TRUE    = 1,
  CLR_TRI_UNKNOWN = 2,
} ClrTri;

/* Does an ECCN ("3A090.a.1") match a pattern ("3A090.a", "3A001.z.*.a")?
 * UNKNOWN when the ECCN is less specific than the pattern ("3A090" vs "3A090.a"). */
ClrTri    clr_eccn_match         (const char *eccn,
                                  const char *pattern);

/* Does @eccn match @pattern at the pattern's own depth ("3A090" matches
 * "3A090", "3A090.a" does not)? */
gboolean  clr_eccn_match_at_depth (const char *eccn,
                                   const char *pattern);

/* Is @text an ECCN: digit, category letter A–E, three digits ("3A090"),
 * then with @paragraphs any ".a", ".1", ".a1" paragraphs, and with
 * @wildcards a "*" standing for one paragraph? EAR99 is not handled here. */
gboolean  clr_eccn_syntax_ok     (const char *text,
                                  gboolean    paragraphs,
                                  gboolean    wildcards);

G_END_DECLS
