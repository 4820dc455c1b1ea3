/* clr-verdict.h — the engine's one verdict vocabulary: words, strength, labels (product.md)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Verdicts as the engine writes them ("prohibited", "license_required", "review",
 * "license_exception", "clear"), strongest first. */
typedef enum
{
  CLR_VERDICT_UNKNOWN = 0,
  CLR_VERDICT_CLEAR,
  CLR_VERDICT_LICENSE_EXCEPTION,
  CLR_VERDICT_REVIEW,
  CLR_VERDICT_LICENSE_REQUIRED,
  CLR_VERDICT_PROHIBITED,
} ClrVerdict;

/* Parses a verdict word; CLR_VERDICT_UNKNOWN for NULL or any other word. */
ClrVerdict   clr_verdict_from_string   (const char *verdict);
/* The translated UI label: "License required", "Needs review", … */
const char  *clr_verdict_get_label     (ClrVerdict  verdict);
/* One translated sentence saying what the verdict means for the user. */
const char  *clr_verdict_get_meaning   (ClrVerdict  verdict);
/* The word the engine writes ("license_required"); "unknown" for UNKNOWN. */
const char  *clr_verdict_to_string     (ClrVerdict  verdict);
/* Strength of a verdict or finding outcome word, for "strongest first":
 * prohibited 4 > license_required 3 > review 2 > license_exception 1 >
 * clear 0; -1 for an unknown word or NULL. */
int          clr_verdict_rank          (const char *outcome);
/* The banner's words: the label, and while potential list matches wait for
 * a reviewer (@open_matches > 0) "Needs review · on hold until 2 potential
 * matches are decided". Translated, plural-aware. */
char        *clr_verdict_dup_banner_label  (ClrVerdict  verdict,
                                            guint       open_matches);
/* The open potential matches a result (evaluate --json) is on hold for:
 * its "open_matches" when "on_hold" is true, else 0. */
guint        clr_verdict_open_matches      (JsonObject *result);

G_END_DECLS
