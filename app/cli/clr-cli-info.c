/* clr-cli-info.c — clearance-cli info
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-cli.h"
#include "clr-json.h"
#include "clr-store-lists.h"
#include "clr-store-rules.h"
#include "clr-store-sources.h"

int
clr_cli_cmd_info (ClrCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) packs = NULL;
  JsonObject *active_pack = NULL;
  gboolean json = FALSE;
  guint loaded = 0;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Show the database path, schema version and what data is loaded."), entries))
    return CLR_EXIT_USAGE;
  if (argc > 1)
    {
      clr_cli_error (_("info takes no arguments (got “%s”)"), argv[1]);
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  sources = clr_store_list_sources (store, &error);
  if (sources != NULL)
    packs = clr_store_list_rule_packs (store, &error);
  if (sources == NULL || packs == NULL)
    return clr_cli_fail (error);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      clr_json_add_string (builder, "database", clr_store_get_display_path (store));
      clr_json_add_int (builder, "schema_version", clr_store_get_schema_version (store));
      clr_json_add_boolean (builder, "read_only", clr_store_is_read_only (store));
      clr_json_add_string (builder, "version", PACKAGE_VERSION);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
    }
  else
    {
      if (clr_store_is_read_only (store))
        g_print (_("Database: %s (read-only)\n"), clr_store_get_display_path (store));
      else
        g_print (_("Database: %s\n"), clr_store_get_display_path (store));
      g_print (_("Schema version: %d\n"), clr_store_get_schema_version (store));
      g_print ("%s\n", _("Lists:"));
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ClrListSource *source = g_ptr_array_index (sources, i);
      g_autoptr(ClrListVersion) current = NULL;
      ClrSourceFreshness freshness;

      freshness = clr_store_get_source_freshness (store, source->id, CLR_SOURCE_DEFAULT_STALE_DAYS,
                                                  NULL, &current, &error);
      if (error != NULL)
        return clr_cli_fail (error);
      if (current != NULL)
        loaded++;

      if (json)
        {
          json_builder_begin_object (builder);
          clr_json_add_string (builder, "id", source->id);
          clr_json_add_boolean (builder, "enabled", source->enabled);
          clr_json_add_string (builder, "freshness", clr_source_freshness_to_string (freshness));
          clr_json_add_node (builder, "current", current != NULL ? clr_list_version_to_json (current) : NULL);
          json_builder_end_object (builder);
          continue;
        }

      if (current == NULL)
        g_print (_("  %-12s never loaded%s\n"), source->id, source->enabled ? "" : _(" (disabled)"));
      else
        g_print (_("  %-12s version %" PRId64 " of %s (%s), %" PRIu64 " records, %"
                   PRIu64 " names, %s%s\n"),
                 source->id, current->id,
                 current->publication_date ? current->publication_date : current->imported_at,
                 current->file_name, current->records, current->names,
                 clr_cli_freshness_label (freshness),
                 source->enabled ? "" : _(" (disabled)"));
    }

  /* The active rule pack (stored on first use of the rules). */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (packs)); i++)
    {
      JsonObject *pack = json_array_get_object_element (json_node_get_array (packs), i);

      if (json_object_get_boolean_member_with_default (pack, "active", FALSE))
        active_pack = pack;
    }

  if (json)
    {
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "rule_pack");
      if (active_pack != NULL)
        json_builder_add_value (builder, json_node_init_object (json_node_alloc (), active_pack));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      clr_cli_print_builder (builder);
    }
  else
    {
      if (loaded == 0)
        g_print ("  %s\n", _("No list loaded yet: screening is not possible. "
                             "Run “clearance-cli update” or “clearance-cli import FILE”."));
      if (active_pack != NULL)
        g_print (_("Rule pack: %s %s (published %s, imported %s)\n"),
                 json_object_get_string_member (active_pack, "id"),
                 json_object_get_string_member (active_pack, "version"),
                 json_object_get_string_member (active_pack, "published"),
                 json_object_get_string_member (active_pack, "imported_at"));
      else
        g_print ("%s\n", _("Rule pack: the bundled pack (installed on first evaluation)"));
    }

  return CLR_EXIT_OK;
}
