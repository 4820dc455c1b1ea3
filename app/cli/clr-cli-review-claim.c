/* clr-cli-review-claim.c — clearance-cli review claim|release
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-cli.h"
#include "clr-store-review-claim.h"

int
clr_cli_review_claim (ClrCliContext  *ctx,
                      int             argc,
                      char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewClaim) claim = NULL;
  g_autofree char *reviewer = NULL;
  int minutes = CLR_REVIEW_CLAIM_DEFAULT_MINUTES;
  ClrStore *store;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, N_("How long the claim lasts (1–480; default 15)"), N_("N") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Your name as recorded (default: $CLEARANCE_REVIEWER, else your user’s name)"), N_("NAME") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"),
                              _("Claim a review item for a while, so that other reviewers of the team database "
                                "leave it to you; claiming it again renews the claim."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_parse_id_arg (argc, argv, _("review claim needs one item ID (a positive number)"), &id))
    return CLR_EXIT_USAGE;
  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (!clr_store_review_claim (store, id, (guint) CLAMP (minutes, 0, 100000), reviewer, &error) ||
      (claim = clr_store_review_get_claim (store, id, &error)) == NULL)
    return error != NULL ? clr_cli_fail (error) : CLR_EXIT_INTERNAL;

  g_print (_("Item %" PRId64 " is yours until %s\n"), id, claim->expires_at);
  return CLR_EXIT_OK;
}

int
clr_cli_review_release (ClrCliContext  *ctx,
                        int             argc,
                        char          **argv)
{
  g_autoptr(GError) error = NULL;
  ClrStore *store;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"), _("Give up your claim on a review item."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_parse_id_arg (argc, argv, _("review release needs one item ID (a positive number)"), &id))
    return CLR_EXIT_USAGE;
  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (!clr_store_review_release (store, id, &error))
    return clr_cli_fail (error);
  g_print (_("Item %" PRId64 " is free for any reviewer\n"), id);
  return CLR_EXIT_OK;
}
