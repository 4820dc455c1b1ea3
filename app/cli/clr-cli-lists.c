/* clr-cli-lists.c — clearance-cli lists [--json]
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
#include "clr-lists-tasks.h"
#include "clr-store-lists.h"
#include "clr-store-sources.h"

static void
print_version_detail (const ClrListVersion *version)
{
  g_print (_("  Version %" PRId64 ": %s, published %s, imported %s\n"),
           version->id, version->file_name,
           version->publication_date ? version->publication_date : _("(date not stated)"),
           version->imported_at);
  g_print (_("  %" PRIu64 " records, %" PRIu64 " names; sha256 %s\n"),
           version->records, version->names, version->sha256);
  if (version->fetched_without_tls)
    g_print ("  %s\n", _("Fetched without TLS (over plain http): its content was not protected in transit"));
  for (guint i = 0; i < version->counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (version->counts, i);

      g_print ("    %-8s %7" G_GUINT64_FORMAT " %s %7" G_GUINT64_FORMAT " %s  %s\n",
               count->list_code, count->records, _("records"), count->names, _("names"),
               count->list_name ? count->list_name : "");
    }
  if (version->warnings->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  %u data warning\n", "  %u data warnings\n",
                          version->warnings->len),
             version->warnings->len);
}

static void
print_history (GPtrArray *versions)
{
  if (versions->len == 0)
    return;

  g_print ("  %s\n", _("History:"));
  for (guint i = 0; i < versions->len; i++)
    {
      ClrListVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *short_hash = g_strndup (version->sha256 ? version->sha256 : "", 12);

      g_print ("    #%-5" G_GINT64_FORMAT " %-10s %s  %-24s %7" G_GUINT64_FORMAT " %s  %s%s%s\n",
               version->id, version->status, version->imported_at, version->file_name,
               version->records, _("records"), short_hash,
               version->pruned ? _("  (summary only)") : "",
               version->fetched_without_tls ? _("  (fetched without TLS)") : "");
    }
}

int
clr_cli_cmd_lists (ClrCliContext  *ctx,
                   int             argc,
                   char          **argv)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean json = FALSE;
  int stale_days = CLR_SOURCE_DEFAULT_STALE_DAYS;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    CLR_CLI_OPTION_JSON (&json),
    { "stale-days", 0, 0, G_OPTION_ARG_INT, &stale_days,
      N_("A source older than N days is stale (default 7)"), N_("N") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Show each list source: its current version (date, records, names,\n"
                                "import time, file hash, per-list counts), freshness and history."), entries))
    return CLR_EXIT_USAGE;
  if (argc > 1)
    {
      clr_cli_error (_("lists takes no arguments (got “%s”)"), argv[1]);
      return CLR_EXIT_USAGE;
    }
  if (stale_days < 0)
    {
      clr_cli_error ("%s", _("--stale-days must not be negative"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  /* As the Lists page shows them: sources loaded without a configuration
   * row (imported under an id of the user's choosing) too. */
  statuses = clr_lists_load_sources (store, (guint) stale_days, NULL, &error);
  if (statuses == NULL)
    return clr_cli_fail (error);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      clr_json_add_int (builder, "stale_days", stale_days);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);
      ClrListSource *source = status->source;
      g_autoptr(GPtrArray) versions = clr_store_list_versions (store, source->id, &error);

      if (versions == NULL)
        return clr_cli_fail (error);

      if (json)
        {
          JsonNode *node = clr_store_source_to_json (store, source, (guint) stale_days, &error);
          JsonArray *history;

          if (node == NULL)
            return clr_cli_fail (error);
          history = json_array_new ();
          for (guint j = 0; j < versions->len; j++)
            json_array_add_element (history, clr_list_version_to_json (g_ptr_array_index (versions, j)));
          json_object_set_array_member (json_node_get_object (node), "history", history);
          json_builder_add_value (builder, node);
          continue;
        }

      g_print ("%s — %s [%s%s]\n", source->id, source->label,
               source->enabled ? "" : _("disabled, "), clr_cli_freshness_label (status->freshness));
      if (source->url != NULL)
        g_print (_("  Address: %s\n"), source->url);
      if (source->last_checked != NULL)
        g_print (_("  Last checked: %s%s%s\n"), source->last_checked,
                 source->last_error ? _(" — failed: ") : "", source->last_error ? source->last_error : "");
      if (status->version != NULL)
        print_version_detail (status->version);
      else
        g_print ("  %s\n", _("Never loaded: run “clearance-cli update” or “clearance-cli import FILE”."));
      print_history (versions);
      g_print ("\n");
    }

  if (json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      clr_cli_print_builder (builder);
    }

  return CLR_EXIT_OK;
}
