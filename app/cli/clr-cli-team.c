/* clr-cli-team.c — clearance-cli team four-eyes, and review approve (four-eyes release)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-cli.h"
#include "clr-json.h"
#include "clr-store-review-approval.h"

static void
print_team_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli [--db PATH] team four-eyes [--on|--off] [--min-score X] "
                        "[--lists CODE,…] [--json]"));
}

static void
print_setting (const ClrFourEyes *setting)
{
  g_autofree char *lists = g_strjoinv (", ", setting->lists);

  g_print (_("Four-eyes release: %s\n"), setting->enabled ? _("on") : _("off"));
  g_print (_("Needs a second reviewer’s approval to clear a hit scoring at least: %.2f\n"), setting->min_score);
  g_print (_("And any hit on: %s\n"), *lists != '\0' ? lists : _("(no list)"));
}

static int
team_four_eyes (ClrCliContext  *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(ClrFourEyes) setting = { 0 };
  g_autofree char *min_score = NULL;
  g_autofree char *lists = NULL;
  gboolean on = FALSE, off = FALSE, json = FALSE;
  ClrStore *store;
  int exit_code;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_NONE, &on, N_("Turn four-eyes release on for everybody who uses this database"), NULL },
    { "off", 0, 0, G_OPTION_ARG_NONE, &off, N_("Turn it off"), NULL },
    { "min-score", 0, 0, G_OPTION_ARG_STRING, &min_score, N_("Clearing a hit scoring at least X (0–1) needs approval (default 0.9)"), N_("X") },
    { "lists", 0, 0, G_OPTION_ARG_STRING, &lists, N_("Clearing any hit on these lists needs approval (default DPL,SDN; \"\" for none)"), N_("CODE,…") },
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Show or change the team’s four-eyes release: clearing a potential match "
                                "(Not a match) at or above a score, or on the named lists, waits for a "
                                "second, different reviewer’s approval (review approve ID)."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;
  if (on && off)
    {
      clr_cli_error ("%s", _("Give --on or --off, not both"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;
  /* A damaged minimum score is repaired by giving one. */
  if (!clr_store_get_four_eyes (store, &setting, &error)
      && !(min_score != NULL && g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT)))
    return clr_cli_fail (error);
  g_clear_error (&error);

  if (on || off || min_score != NULL || lists != NULL)
    {
      if (on || off)
        setting.enabled = on;
      if (min_score != NULL)
        {
          char *end = NULL;
          double value = g_ascii_strtod (min_score, &end);

          if (*min_score == '\0' || end == NULL || *end != '\0' || !(value >= 0 && value <= 1))
            {
              clr_cli_error (_("--min-score: “%s” is not a score between 0 and 1"), min_score);
              return CLR_EXIT_USER;
            }
          setting.min_score = value;
        }
      if (lists != NULL)
        {
          g_strfreev (setting.lists);
          setting.lists = g_strsplit (lists, ",", -1);
        }
      if (!clr_store_set_four_eyes (store, &setting, &error))
        return clr_cli_fail (error);
      clr_four_eyes_clear (&setting);
      if (!clr_store_get_four_eyes (store, &setting, &error))
        return clr_cli_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      clr_json_add_boolean (builder, "enabled", setting.enabled);
      clr_json_add_double (builder, "min_score", setting.min_score);
      clr_json_add_strv (builder, "lists", (const char * const *) setting.lists);
      json_builder_end_object (builder);
      clr_cli_print_builder (builder);
      return CLR_EXIT_OK;
    }
  print_setting (&setting);
  return CLR_EXIT_OK;
}

int
clr_cli_cmd_team (ClrCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  static const ClrCliSubcommand subcommands[] = {
    { "four-eyes", team_four_eyes },
    { NULL, NULL }
  };

  return clr_cli_run_subcommand (ctx, argc, argv, subcommands, print_team_usage);
}

/* ---- review approve ---- */

int
clr_cli_review_approve (ClrCliContext  *ctx,
                        int             argc,
                        char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autofree char *reviewer = NULL;
  ClrStore *store;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Your name as recorded (default: $CLEARANCE_REVIEWER, else your user’s name)"), N_("NAME") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"),
                              _("Approve an item another reviewer decided “Not a match” that four-eyes release "
                                "holds: it is cleared from now on. Your own decision is refused."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_parse_id_arg (argc, argv, _("review approve needs one item ID (a positive number)"), &id))
    return CLR_EXIT_USAGE;

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;
  if (!clr_store_review_approve (store, id, reviewer, &error))
    return clr_cli_fail (error);

  item = clr_store_review_get (store, id, &error);
  if (item == NULL)
    return clr_cli_fail (error);
  /* Translators: item number, party, list code, entry name, the approver, who decided */
  g_print (_("Item %" PRId64 " (%s → %s: %s) approved by %s: not a match, as %s decided\n"), item->id,
           item->party_name, item->list_code ? item->list_code : "?",
           item->entry_name ? item->entry_name : item->entry_key,
           item->approved_by ? item->approved_by : "?", item->decided_by ? item->decided_by : "?");
  return CLR_EXIT_OK;
}

const char *
clr_cli_review_status_label (const ClrReviewItem *item)
{
  if (clr_review_item_is_awaiting_approval (item))
    return _("Awaiting approval");
  return clr_review_status_get_label (item->status);
}

void
clr_cli_review_print_approval (const ClrReviewItem *item)
{
  if (clr_review_item_is_awaiting_approval (item))
    /* Translators: display name and user name of who decided */
    g_print (_("Awaiting approval (decided by %s, %s): another reviewer must approve it with "
               "“review approve %" PRId64 "”\n"), item->decided_by ? item->decided_by : "?",
             item->decided_by_user ? item->decided_by_user : "?", item->id);
  else if (clr_review_item_is_approved (item))
    /* Translators: display name, user name, date and time */
    g_print (_("Approved by %s (%s) at %s\n"), item->approved_by ? item->approved_by : "?",
             item->approved_by_user ? item->approved_by_user : "?", item->approved_at);
}
