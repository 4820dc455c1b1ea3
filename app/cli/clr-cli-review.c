/* clr-cli-review.c — clearance-cli review list|show|decide
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "clr-cli.h"
#include "clr-store-review.h"

static void
print_review_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli [--db PATH] review list [--status open|match|no-match|escalated] "
                        "[--list CODE] [--country CC] [--search TEXT] [--min-score X] [--max-score X] "
                        "[--case ID] [--json]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] review show ID [--json]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] review approve ID [--reviewer NAME]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] review decide ID --match|--no-match|--escalate "
                        "--reason CODE [--note TEXT] [--reviewer NAME] [--family] [--change] [--to NAME]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] review claim ID [--minutes N] | review release ID"));
  g_printerr ("%s\n", _("Reason codes: different-entity, different-country, different-address, "
                        "name-coincidence, confirmed-by-documents, other"));
}

static void
print_item_line (ClrReviewItem *item)
{
  g_autofree char *party = NULL;
  g_autofree char *entry = NULL;

  if (item->party_country != NULL)
    party = g_strdup_printf ("%s (%s)", item->party_name, item->party_country);
  else
    party = g_strdup (item->party_name);
  entry = g_strdup_printf ("%s: %s", item->list_code ? item->list_code : "?",
                           item->entry_name ? item->entry_name : item->entry_key);

  g_print ("%-6" G_GINT64_FORMAT " %-12s %5.2f  %s → %s%s%s\n",
           item->id, clr_cli_review_status_label (item), item->score, party, entry,
           item->reopened ? _("  [reopened: the entry changed]") : "",
           item->entry_removed ? _("  [entry removed from its list]") : "");
}

/* A list family of several members: the head's line, then each other
 * member indented under it. */
static void
print_family (ClrReviewFamily *family)
{
  guint n = family->members->len;

  print_item_line (family->head);
  if (n < 2)
    return;
  /* TRANSLATORS: under the first member of a list family in `review list` */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "       family of %u listed entries (same base name); decide them all with "
                        "“review decide %" PRId64 " --family”\n",
                        "       family of %u listed entries (same base name); decide them all with "
                        "“review decide %" PRId64 " --family”\n", n),
           n, family->head->id);
  for (guint i = 1; i < n; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (family->members, i);

      g_print ("%-6" G_GINT64_FORMAT " %-12s %5.2f    ↳ %s: %s%s\n",
               item->id, clr_cli_review_status_label (item), item->score,
               item->list_code ? item->list_code : "?", item->entry_name ? item->entry_name : item->entry_key,
               item->reopened ? _("  [reopened: the entry changed]") : "");
    }
}

static int
review_list (ClrCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *list_code = NULL;
  g_autofree char *country = NULL;
  g_autofree char *search = NULL;
  double min_score = 0, max_score = 0;
  gint64 case_id = 0;
  gboolean json = FALSE;
  gboolean reopened = FALSE;
  gboolean awaiting_approval = FALSE;
  ClrReviewFilter filter;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only items with this status: open, match, no-match, escalated"), N_("STATUS") },
    { "list", 0, 0, G_OPTION_ARG_STRING, &list_code, N_("Only hits on this list (EL, SDN, DPL, …)"), N_("CODE") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only parties in this country (ISO code)"), N_("CC") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only items whose party or entry name contains TEXT"), N_("TEXT") },
    { "min-score", 0, 0, G_OPTION_ARG_DOUBLE, &min_score, N_("Only hits scoring at least X (0–1)"), N_("X") },
    { "max-score", 0, 0, G_OPTION_ARG_DOUBLE, &max_score, N_("Only hits scoring at most X (0–1)"), N_("X") },
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("Only items seen in this case"), N_("ID") },
    { "reopened", 0, 0, G_OPTION_ARG_NONE, &reopened, N_("Only decisions reopened by a list change"), NULL },
    { "awaiting-approval", 0, 0, G_OPTION_ARG_NONE, &awaiting_approval, N_("Only items cleared by one reviewer that wait for another’s approval (four-eyes release)"), NULL },
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("List the review queue, newest and strongest first; a party’s hits "
                                "on one list family (same base name, e.g. a company and its "
                                "“(Yangon)” subsidiary) are listed together, the entity first."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;

  clr_review_filter_init (&filter);
  if (status != NULL && !clr_review_status_from_string (status, &filter.status))
    {
      clr_cli_error (_("Unknown status “%s”: use open, match, no-match or escalated"), status);
      return CLR_EXIT_USAGE;
    }
  filter.list_code = list_code;
  filter.country = country;
  filter.search = search;
  filter.min_score = min_score;
  filter.max_score = max_score;
  filter.case_id = case_id;
  filter.reopened_only = reopened;
  filter.awaiting_approval_only = awaiting_approval;

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  items = clr_store_review_list (store, &filter, &error);
  if (items == NULL)
    return clr_cli_fail (error);

  families = clr_review_group_families (items);
  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (items->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(GHashTable) family_of = g_hash_table_new (NULL, NULL);

      for (guint f = 0; f < families->len; f++)
        {
          ClrReviewFamily *family = g_ptr_array_index (families, f);

          for (guint m = 0; m < family->members->len; m++)
            g_hash_table_insert (family_of, g_ptr_array_index (family->members, m), family);
        }
      for (guint i = 0; i < items->len; i++)
        {
          ClrReviewItem *item = g_ptr_array_index (items, i);
          ClrReviewFamily *family = g_hash_table_lookup (family_of, item);
          JsonNode *node = clr_review_item_to_json (item);

          /* the family in this listing: its first member and its size */
          json_object_set_int_member (json_node_get_object (node), "family_head", family->head->id);
          json_object_set_int_member (json_node_get_object (node), "family_size", family->members->len);
          json_array_add_element (array, node);
        }
      json_node_set_array (root, array);
      clr_cli_print_json (root);
      return CLR_EXIT_OK;
    }

  if (items->len == 0)
    {
      g_print ("%s\n", _("No items in the review queue match."));
      return CLR_EXIT_OK;
    }

  /* TRANSLATORS: column headers of `review list`; keep the widths */
  g_print ("%-6s %-12s %5s  %s\n", _("ID"), _("Status"), _("Score"), _("Party → listed entry"));
  for (guint f = 0; f < families->len; f++)
    print_family (g_ptr_array_index (families, f));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u item\n", "%u items\n", items->len), items->len);

  return CLR_EXIT_OK;
}

static int
review_show (ClrCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  ClrStore *store;
  gint64 id;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"),
                              _("Show one review item: the party, the listed entry, the score and the decision."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_parse_id_arg (argc, argv, _("review show needs one item ID (a positive number)"), &id))
    return CLR_EXIT_USAGE;

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  item = clr_store_review_get (store, id, &error);
  if (item == NULL)
    return clr_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = clr_review_item_to_json (item);
      clr_cli_print_json (node);
      return CLR_EXIT_OK;
    }

  g_print (_("Item %" PRId64 ": %s\n"), item->id, clr_review_status_get_label (item->status));
  g_print (_("Party: %s (%s), %s\n"), item->party_name, item->party_country ? item->party_country : "?",
           item->party_role ? item->party_role : "?");
  g_print (_("Listed entry: %s on %s (key %s)\n"), item->entry_name ? item->entry_name : "?",
           item->list_code ? item->list_code : "?", item->entry_key);
  g_print (_("Score: %.2f, matched “%s”\n"), item->score, item->matched_name ? item->matched_name : "");
  if (item->explanation != NULL)
    g_print (_("Why: %s\n"), item->explanation);
  if (item->status != CLR_REVIEW_STATUS_OPEN)
    {
      g_print (_("Decision: %s — %s\n"), clr_review_status_get_label (item->status),
               clr_review_reason_get_label (item->reason));
      if (item->decided_by_user != NULL)
        /* TRANSLATORS: display name, user name, date and time */
        g_print (_("Decided by %s (%s) at %s\n"), item->decided_by ? item->decided_by : "?",
                 item->decided_by_user, item->decided_at ? item->decided_at : "?");
      else
        /* TRANSLATORS: display name, date and time */
        g_print (_("Decided by %s at %s\n"), item->decided_by ? item->decided_by : "?",
                 item->decided_at ? item->decided_at : "?");
    }
  if (item->note != NULL)
    g_print (_("Note: %s\n"), item->note);
  if (item->reopened)
    {
      g_autofree char *fields = g_strjoinv (", ", item->changed_fields);

      g_print (_("Reopened: it was decided “%s” but the listed entry changed (%s)\n"),
               clr_review_status_get_label (item->previous_status),
               *fields != '\0' ? fields : _("content"));
    }
  if (item->entry_removed)
    g_print ("%s\n", _("The listed entry has been removed from its list."));
  clr_cli_review_print_approval (item);

  return CLR_EXIT_OK;
}

static int
review_decide (ClrCliContext  *ctx,
               int             argc,
               char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewItem) item = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *to = NULL;
  gboolean match = FALSE, no_match = FALSE, escalate = FALSE, family = FALSE, change = FALSE;
  ClrReviewDecision decision = { 0 };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ClrReviewStatus status;
  ClrReviewReason reason;
  ClrStore *store;
  gint64 id;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "match", 0, 0, G_OPTION_ARG_NONE, &match, N_("It is the listed party: the case takes the list’s consequence"), NULL },
    { "no-match", 0, 0, G_OPTION_ARG_NONE, &no_match, N_("It is not the listed party"), NULL },
    { "escalate", 0, 0, G_OPTION_ARG_NONE, &escalate, N_("Needs someone else’s decision"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_text, N_("different-entity, different-country, different-address, name-coincidence, confirmed-by-documents or other"), N_("CODE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Free text kept with the decision"), N_("TEXT") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Your name as recorded (default: $CLEARANCE_REVIEWER, else your user’s name)"), N_("NAME") },
    { "family", 0, 0, G_OPTION_ARG_NONE, &family, N_("Decide the item and every open item of its list family (same party, list and base name), each audited"), NULL },
    { "change", 0, 0, G_OPTION_ARG_NONE, &change, N_("Change the decision of an item someone already decided (audited as a change); without it a decided item is refused"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("With --escalate: who should decide (the approver; required with four-eyes release on)"), N_("NAME") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"),
                              _("Decide a review item: Match, Not a match or Escalate, with a reason. The first decision "
                                "stands: an item someone decided is only changed with --change."), entries))
    return CLR_EXIT_USAGE;

  if (!clr_cli_parse_id_arg (argc, argv, _("review decide needs one item ID (a positive number)"), &id))
    return CLR_EXIT_USAGE;
  if ((match ? 1 : 0) + (no_match ? 1 : 0) + (escalate ? 1 : 0) != 1)
    {
      clr_cli_error ("%s", _("Give exactly one of --match, --no-match, --escalate"));
      return CLR_EXIT_USAGE;
    }
  if (reason_text == NULL)
    {
      clr_cli_error ("%s", _("A decision needs --reason CODE (different-entity, different-country, "
                             "different-address, name-coincidence, confirmed-by-documents, other)"));
      return CLR_EXIT_USAGE;
    }
  if (!clr_review_reason_from_string (reason_text, &reason))
    {
      clr_cli_error (_("Unknown reason “%s”: use different-entity, different-country, different-address, "
                       "name-coincidence, confirmed-by-documents or other"), reason_text);
      return CLR_EXIT_USAGE;
    }
  status = match ? CLR_REVIEW_STATUS_MATCH : no_match ? CLR_REVIEW_STATUS_NO_MATCH : CLR_REVIEW_STATUS_ESCALATED;

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  g_array_append_val (ids, id);
  if (family)
    {
      g_autoptr(GPtrArray) members = clr_store_review_list_family (store, id, &error);

      if (members == NULL)
        return clr_cli_fail (error);
      for (guint i = 0; i < members->len; i++)
        {
          ClrReviewItem *member = g_ptr_array_index (members, i);

          if (member->id != id && member->status == CLR_REVIEW_STATUS_OPEN)
            g_array_append_val (ids, member->id);
        }
    }
  decision.status = status;
  decision.reason = reason;
  decision.note = note;
  decision.recipient = to;
  decision.change = change;
  if (!clr_store_review_decide_full (store, (const gint64 *) ids->data, ids->len, &decision, reviewer, &error))
    return clr_cli_fail (error);

  for (guint i = 1; i < ids->len; i++)
    {
      g_autoptr(ClrReviewItem) member = clr_store_review_get (store, g_array_index (ids, gint64, i), &error);

      if (member == NULL)
        return clr_cli_fail (error);
      g_print (_("Item %" PRId64 " (%s → %s: %s) decided: %s, %s\n"), member->id, member->party_name,
               member->list_code ? member->list_code : "?", member->entry_name ? member->entry_name : member->entry_key,
               clr_review_status_get_label (member->status), clr_review_reason_get_label (member->reason));
    }
  item = clr_store_review_get (store, id, &error);
  if (item == NULL)
    return clr_cli_fail (error);
  g_print (_("Item %" PRId64 " (%s → %s: %s) decided: %s, %s\n"), item->id, item->party_name,
           item->list_code ? item->list_code : "?", item->entry_name ? item->entry_name : item->entry_key,
           clr_review_status_get_label (item->status), clr_review_reason_get_label (item->reason));

  return CLR_EXIT_OK;
}

int
clr_cli_cmd_review (ClrCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  static const ClrCliSubcommand subcommands[] = {
    { "list", review_list },
    { "show", review_show },
    { "decide", review_decide },
    { "claim", clr_cli_review_claim },
    { "release", clr_cli_review_release },
    { "approve", clr_cli_review_approve },
    { NULL, NULL }
  };

  return clr_cli_run_subcommand (ctx, argc, argv, subcommands, print_review_usage);
}
