/* clr-verdict.c — the engine's one verdict vocabulary
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
} VerdictInfo;

/* Indexed by ClrVerdict, weakest first. */
static const VerdictInfo verdicts[] = {
  { "unknown", N_("Not evaluated"), N_("This shipment has not been evaluated yet.") },
  { "clear", N_("Clear"),
    N_("No license required for this shipment as described (NLR).") },
  { "license_exception", N_("License exception"),
    N_("Ships under the named license exception if its conditions are met.") },
  { "review", N_("Needs review"),
    N_("An open hit, a red flag or a missing fact must be resolved first.") },
  { "license_required", N_("License required"),
    N_("A BIS license is needed; the review policy says how likely it is to be granted.") },
  { "prohibited", N_("Prohibited"),
    N_("Do not proceed: no license route is expected.") },
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
clr_verdict_to_string (ClrVerdict verdict)
{
  return info_for (verdict)->id;
}

int
clr_verdict_rank (const char *outcome)
{
  return (int) clr_verdict_from_string (outcome) - 1;
}

char *
clr_verdict_dup_banner_label (ClrVerdict verdict,
                              guint      open_matches)
{
  if (open_matches == 0)
    return g_strdup (clr_verdict_get_label (verdict));
  /* Translators: the verdict banner while potential list matches wait for a
   * reviewer: "Needs review · on hold until 2 potential matches are decided" */
  return g_strdup_printf (ngettext ("%s · on hold until %u potential match is decided",
                                    "%s · on hold until %u potential matches are decided", open_matches),
                          clr_verdict_get_label (verdict), open_matches);
}

guint
clr_verdict_open_matches (JsonObject *result)
{
  JsonNode *hold = result != NULL ? json_object_get_member (result, "on_hold") : NULL;
  JsonNode *count = result != NULL ? json_object_get_member (result, "open_matches") : NULL;

  if (hold == NULL || !JSON_NODE_HOLDS_VALUE (hold) || json_node_get_value_type (hold) != G_TYPE_BOOLEAN ||
      !json_node_get_boolean (hold))
    return 0;
  if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64)
    return 1;
  return (guint) CLAMP (json_node_get_int (count), 1, G_MAXUINT);
}
