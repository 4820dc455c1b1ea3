/* clr-cli-case.c — clearance-cli case list|show|import|export|archive|unarchive|history
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
#include "clr-store-audit.h"
#include "clr-store-case-hold.h"
#include "clr-store-cases.h"

static void
print_case_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli [--db PATH] case list [--search TEXT] [--status open|archived|all] "
                        "[--limit N] [--json]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] case show ID [--json]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] case import FILE"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] case export ID FILE"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] case archive|unarchive|duplicate|history ID"));
}

static JsonNode *
case_to_json (ClrCase  *c,
              gboolean  documents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  clr_json_add_int (builder, "id", c->id);
  clr_json_add_string (builder, "reference", c->reference);
  clr_json_add_string (builder, "destination", c->destination);
  clr_json_add_string (builder, "date", c->date);
  clr_json_add_string (builder, "parties", c->party_names);
  clr_json_add_string (builder, "status", clr_case_status_to_string (c->status));
  clr_json_add_string (builder, "verdict", c->verdict);
  clr_json_add_string (builder, "evaluated_at", c->evaluated_at);
  clr_json_add_string (builder, "created_at", c->created_at);
  clr_json_add_string (builder, "updated_at", c->updated_at);
  clr_json_add_int (builder, "revision", c->revision);
  if (documents)
    {
      clr_json_add_node (builder, "shipment", json_node_copy (c->shipment));
      clr_json_add_node (builder, "result", c->result != NULL ? json_node_copy (c->result) : NULL);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
case_list (ClrStore  *store,
           int        argc,
           char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *search = NULL;
  g_autofree char *status_text = NULL;
  ClrCaseStatus status = CLR_CASE_STATUS_OPEN;
  gboolean json = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Reference, destination, date, verdict or party name containing TEXT"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("open (default), archived or all"), N_("STATUS") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N cases"), N_("N") },
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("List saved cases, most recently saved first."), entries))
    return CLR_EXIT_USAGE;
  if (status_text != NULL && strcmp (status_text, "all") == 0)
    status = CLR_CASE_STATUS_ANY;
  else if (status_text != NULL && !clr_case_status_from_string (status_text, &status))
    {
      clr_cli_error (_("Unknown status “%s”: use open, archived or all"), status_text);
      return CLR_EXIT_USAGE;
    }
  if (limit < 0 || argc > 1)
    {
      print_case_usage ();
      return CLR_EXIT_USAGE;
    }

  cases = clr_store_list_cases (store, search, status, (guint) limit, &error);
  if (cases == NULL)
    return clr_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < cases->len; i++)
        json_array_add_element (array, case_to_json (g_ptr_array_index (cases, i), FALSE));
      json_node_set_array (root, array);
      clr_cli_print_json (root);
      return CLR_EXIT_OK;
    }

  if (cases->len == 0)
    {
      g_print ("%s\n", _("No cases match."));
      return CLR_EXIT_OK;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      ClrCase *c = g_ptr_array_index (cases, i);

      g_print ("%-6" G_GINT64_FORMAT " %-16s %-3s %-10s %-18s %s%s\n", c->id,
               c->reference ? c->reference : "—", c->destination ? c->destination : "—",
               c->date ? c->date : "—", c->verdict ? c->verdict : _("not evaluated"),
               c->party_names ? c->party_names : "",
               c->status == CLR_CASE_STATUS_ARCHIVED ? _("  [archived]") : "");
    }
  return CLR_EXIT_OK;
}

static int
case_history (ClrStore *store,
              gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ClrCase) c = clr_store_get_case (store, id, &error);

  if (c == NULL)
    return clr_cli_fail (error);
  entries = clr_store_audit_list_for_case (store, id, &error);
  if (entries == NULL)
    return clr_cli_fail (error);
  for (guint i = 0; i < entries->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (entries, i);

      g_print ("%s  %s (%s)  %s %s:%s\n", entry->at, entry->display_name, entry->user,
               entry->action, entry->subject_type, entry->subject_id);
    }
  if (entries->len == 0)
    g_print ("%s\n", _("Nothing recorded for this case yet."));
  return CLR_EXIT_OK;
}

/* "held_by": who has the case open for editing. */
static void
add_hold_json (JsonObject        *object,
               const ClrCaseHold *hold)
{
  JsonObject *held = json_object_new ();

  json_object_set_string_member (held, "name", hold->held_by);
  json_object_set_string_member (held, "user", hold->held_by_user);
  json_object_set_string_member (held, "since", hold->since);
  json_object_set_string_member (held, "until", hold->expires_at);
  json_object_set_object_member (object, "held_by", held);
}

int
clr_cli_cmd_case (ClrCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autoptr(GError) error = NULL;
  const char *sub;
  ClrStore *store;
  gint64 id = 0;
  int exit_code = CLR_EXIT_OK;

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_case_usage ();
      return argc < 2 ? CLR_EXIT_USAGE : CLR_EXIT_OK;
    }
  sub = argv[1];

  if (strcmp (sub, "list") != 0 && strcmp (sub, "show") != 0 && strcmp (sub, "import") != 0 &&
      strcmp (sub, "export") != 0 && strcmp (sub, "archive") != 0 && strcmp (sub, "unarchive") != 0 &&
      strcmp (sub, "duplicate") != 0 && strcmp (sub, "history") != 0)
    {
      clr_cli_error (_("Unknown case command “%s”"), sub);
      print_case_usage ();
      return CLR_EXIT_USAGE;
    }

  /* Every command but list and import names a case first. */
  if (strcmp (sub, "list") != 0 && strcmp (sub, "import") != 0 && (argc < 3 || !clr_cli_parse_id (argv[2], &id)))
    {
      clr_cli_error (_("case %s needs a case ID (a positive number)"), sub);
      return CLR_EXIT_USAGE;
    }
  if ((strcmp (sub, "import") == 0 && argc != 3) || (strcmp (sub, "export") == 0 && argc != 4))
    {
      print_case_usage ();
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (strcmp (sub, "list") == 0)
    return case_list (store, argc - 1, argv + 1);

  if (strcmp (sub, "import") == 0)
    {
      gint64 new_id = clr_store_import_case (store, argv[2], &error);

      if (new_id == 0)
        return clr_cli_fail (error);
      g_print (_("Case: %" PRId64 "\n"), new_id);
      return CLR_EXIT_OK;
    }

  if (strcmp (sub, "export") == 0)
    {
      if (!clr_store_export_case (store, id, argv[3], &error))
        return clr_cli_fail (error);
      return CLR_EXIT_OK;
    }

  if (strcmp (sub, "archive") == 0 || strcmp (sub, "unarchive") == 0)
    {
      if (!clr_store_set_case_archived (store, id, strcmp (sub, "archive") == 0, &error))
        return clr_cli_fail (error);
      return CLR_EXIT_OK;
    }

  if (strcmp (sub, "duplicate") == 0)
    {
      gint64 new_id = clr_store_duplicate_case (store, id, &error);

      if (new_id == 0)
        return clr_cli_fail (error);
      g_print (_("Case: %" PRId64 "\n"), new_id);
      return CLR_EXIT_OK;
    }

  if (strcmp (sub, "history") == 0)
    return case_history (store, id);

  /* show */
  {
    g_autoptr(ClrCase) c = clr_store_get_case (store, id, &error);
    g_autoptr(ClrCaseHold) hold = NULL;
    g_autoptr(JsonNode) node = NULL;

    if (c == NULL)
      return clr_cli_fail (error);
    /* Who has it open for editing (an app's hold; clr-store-case-hold.h). */
    hold = clr_store_case_get_hold (store, id, &error);
    if (hold == NULL && error != NULL)
      return clr_cli_fail (error);
    node = case_to_json (c, TRUE);
    if (hold != NULL)
      add_hold_json (json_node_get_object (node), hold);
    if (argc > 3 && strcmp (argv[3], "--json") == 0)
      clr_cli_print_json (node);
    else
      {
        g_print (_("Case %" PRId64 " (%s), %s\n"), c->id, clr_case_status_to_string (c->status),
                 c->reference ? c->reference : _("no reference"));
        g_print (_("Destination: %s, date: %s\n"), c->destination ? c->destination : "—", c->date ? c->date : "—");
        g_print (_("Parties: %s\n"), c->party_names ? c->party_names : "—");
        g_print (_("Last verdict: %s (%s)\n"), c->verdict ? c->verdict : _("not evaluated"),
                 c->evaluated_at ? c->evaluated_at : "—");
        if (hold != NULL)
          /* Translators: name, user, since (ISO 8601 UTC), until (ISO 8601 UTC) */
          g_print (_("Being edited by %s (%s) since %s, held until %s\n"), hold->held_by, hold->held_by_user,
                   hold->since, hold->expires_at);
      }
  }
  return CLR_EXIT_OK;
}
