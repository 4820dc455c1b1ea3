/* clr-verdict-style.c — the colours and styles of a verdict
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-verdict-style.h"

typedef struct
{
  const char *style;
  double      rgb[3];
} VerdictStyle;

/* Indexed by ClrVerdict. Colours follow the libadwaita palette named in product.md. */
static const VerdictStyle styles[] = {
  [CLR_VERDICT_UNKNOWN]           = { "dim-label", { 0.40, 0.40, 0.40 } },
  [CLR_VERDICT_CLEAR]             = { "success", { 0.18, 0.76, 0.49 } },
  [CLR_VERDICT_LICENSE_EXCEPTION] = { "success", { 0.18, 0.76, 0.49 } },
  [CLR_VERDICT_REVIEW]            = { "accent", { 0.21, 0.52, 0.89 } },
  [CLR_VERDICT_LICENSE_REQUIRED]  = { "warning", { 0.90, 0.57, 0.04 } },
  [CLR_VERDICT_PROHIBITED]        = { "error", { 0.88, 0.11, 0.14 } },
};

static const VerdictStyle *
style_for (ClrVerdict verdict)
{
  if ((guint) verdict >= G_N_ELEMENTS (styles))
    verdict = CLR_VERDICT_UNKNOWN;
  return &styles[verdict];
}

const char *
clr_verdict_get_style (ClrVerdict verdict)
{
  return style_for (verdict)->style;
}

void
clr_verdict_get_rgb (ClrVerdict  verdict,
                     double     *r,
                     double     *g,
                     double     *b)
{
  const VerdictStyle *style = style_for (verdict);

  *r = style->rgb[0];
  *g = style->rgb[1];
  *b = style->rgb[2];
}
