/* clr-verdict.c — the words and colours of a verdict
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-verdict.h"

typedef struct
{
  const char *id;
  const char *label;
  const char *meaning;
  const char *style;
  double      rgb[3];
} VerdictInfo;

/* Indexed by ClrVerdict. Colours follow the libadwaita palette named in product.md. */
static const VerdictInfo verdicts[] = {
  { "unknown", N_("Not evaluated"), N_("This shipment has not been evaluated yet."),
    "dim-label", { 0.40, 0.40, 0.40 } },
  { "clear", N_("Clear"),
    N_("No license required for this shipment as described (NLR)."),
    "success", { 0.18, 0.76, 0.49 } },
  { "license_exception", N_("License exception"),
    N_("Ships under the named license exception if its conditions are met."),
    "success", { 0.18, 0.76, 0.49 } },
  { "review", N_("Needs review"),
    N_("An open hit, a red flag or a missing fact must be resolved first."),
    "accent", { 0.21, 0.52, 0.89 } },
  { "license_required", N_("License required"),
    N_("A BIS license is needed; the review policy says how likely it is to be granted."),
    "warning", { 0.90, 0.57, 0.04 } },
  { "prohibited", N_("Prohibited"),
    N_("Do not proceed: no license route is expected."),
    "error", { 0.88, 0.11, 0.14 } },
};

ClrVerdict
clr_verdict_from_string (const char *verdict)
{
  if (verdict == NULL)
    return CLR_VERDICT_UNKNOWN;
  for (guint i = 1; i < G_N_ELEMENTS (verdicts); i++)
    if (g_str_equal (verdict, verdicts[i].id))
      return (ClrVerdict) i;
  return CLR_VERDICT_UNKNOWN;
}

static const VerdictInfo *
info_for (ClrVerdict verdict)
{
  if ((guint) verdict >= G_N_ELEMENTS (verdicts))
    verdict = CLR_VERDICT_UNKNOWN;
  return &verdicts[verdict];
}

const char *
clr_verdict_get_label (ClrVerdict verdict)
{
  return _(info_for (verdict)->label);
}

const char *
clr_verdict_get_meaning (ClrVerdict verdict)
{
  return _(info_for (verdict)->meaning);
}

const char *
clr_verdict_get_style (ClrVerdict verdict)
{
  return info_for (verdict)->style;
}

void
clr_verdict_get_rgb (ClrVerdict  verdict,
                     double     *r,
                     double     *g,
                     double     *b)
{
  const VerdictInfo *info = info_for (verdict);

  *r = info->rgb[0];
  *g = info->rgb[1];
  *b = info->rgb[2];
}

int
clr_verdict_strength (const char *outcome)
{
  return (int) clr_verdict_from_string (outcome);
}
