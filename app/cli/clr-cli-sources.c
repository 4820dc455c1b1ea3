/* clr-cli-sources.c — clearance-cli sources [--json]
 *                     clearance-cli sources add ID --label TEXT (--url URL | --file PATH)
 *                     clearance-cli sources enable|disable ID
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
#include "clr-store-sources.h"

static void
print_sources_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli sources [--json] [--stale-days N]\n"
                        "       clearance-cli sources add ID --label TEXT (--url URL | --file PATH)\n"
                        "       clearance-cli sources enable ID\n"
                        "       clearance-cli sources disable ID"));
}

static int
sources_list (ClrStore  *store,
              int        argc,
              char     **argv)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = NULL;
  gboolean json = FALSE;
  int stale_days = CLR_SOURCE_DEFAULT_STALE_DAYS;
  const GOptionEntry entries[] = {
    CLR_CLI_OPTION_JSON (&json),
    { "stale-days", 0, 0, G_OPTION_ARG_INT, &stale_days,
      N_("A source not loaded or confirmed for this many days is stale (default 7)"), N_("N") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("List the list sources: built-in and custom, enabled or not."), entries))
    return CLR_EXIT_USAGE;
  if (argc != 1 || stale_days < 1)
    {
      print_sources_usage ();
      return CLR_EXIT_USAGE;
    }

  sources = clr_store_list_sources (store, &error);
  if (sources == NULL)
    return clr_cli_fail (error);

  array = json_array_new ();
  for (guint i = 0; i < sources->len; i++)
    {
      ClrListSource *source = g_ptr_array_index (sources, i);
      ClrSourceFreshness freshness;

      if (json)
        {
          JsonNode *node = clr_store_source_to_json (store, source, (guint) stale_days, &error);

          if (node == NULL)
            return clr_cli_fail (error);
          json_array_add_element (array, node);
          continue;
        }
      freshness = clr_store_get_source_freshness (store, source->id, (guint) stale_days, NULL, NULL, &error);
      if (error != NULL)
        return clr_cli_fail (error);
      /* TRANSLATORS: one source: id, enabled state, kind, label */
      g_print (_("%-16s %-9s %-8s %s\n"), source->id,
               source->enabled ? _("enabled") : _("disabled"),
               source->custom ? _("custom") : _("built-in"), source->label ? source->label : "");
      g_print ("  %s · %s\n", source->url != NULL ? source->url : _("no address: imported from files"),
               clr_cli_freshness_label (freshness));
      if (source->last_error != NULL)
        g_print (_("  last error: %s\n"), source->last_error);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);

      clr_cli_print_json (root);
    }
  return CLR_EXIT_OK;
}

static int
sources_add (ClrStore  *store,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *url = NULL;
  g_autofree char *file = NULL;
  g_auto(ClrListImportResult) result = { 0 };
  const GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, N_("The name shown for the source"), N_("TEXT") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Download address (http or https), used by update"), N_("URL") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      N_("A list file (CSL layout) imported now as the source's first version"), N_("PATH") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("ID"),
                              _("Add a custom list source: your own restricted-party list in the CSL\n"
                                "CSV layout, downloaded from an address or imported from a file.\n"
                                "ID: 1 to 32 lower-case letters, digits and dashes."), entries))
    return CLR_EXIT_USAGE;
  if (argc != 2)
    {
      clr_cli_error ("%s", _("sources add needs exactly one source ID"));
      print_sources_usage ();
      return CLR_EXIT_USAGE;
    }
  if (label == NULL || *label == '\0')
    {
      clr_cli_error ("%s", _("sources add needs --label"));
      return CLR_EXIT_USAGE;
    }
  if ((url == NULL) == (file == NULL))
    {
      clr_cli_error ("%s", _("sources add needs either --url or --file"));
      return CLR_EXIT_USAGE;
    }
  if (file != NULL && !g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      clr_cli_error (_("%s: no such file"), file);
      return CLR_EXIT_USER;
    }

  if (!clr_store_add_custom_source (store, argv[1], label, url, &error))
    return clr_cli_fail (error);

  if (file != NULL)
    {
      clr_list_import_result_init (&result);
      if (!clr_store_import_list_file (store, file, CLR_LIST_FORMAT_AUTO, argv[1], FALSE, NULL, NULL,
                                       &result, NULL, &error))
        {
          g_autoptr(GError) remove_error = NULL;

          /* The source is not kept without its data: nothing changed. */
          if (!clr_store_remove_custom_source (store, argv[1], &remove_error))
            clr_cli_error ("%s", remove_error->message);
          clr_cli_error ("%s", error->message);
          g_printerr (_("%s: the source “%s” was not added.\n"), file, argv[1]);
          return clr_cli_exit_code_for_error (error);
        }
      g_print (_("Added the source “%s” (%s): version %" PRId64 ", %" PRIu64
                 " records, %" PRIu64 " names from %s.\n"),
               argv[1], label, result.version_id, result.records, result.names, file);
    }
  else
    g_print (_("Added the source “%s” (%s), downloaded from %s by “clearance-cli update %s”.\n"),
             argv[1], label, url, argv[1]);
  return CLR_EXIT_OK;
}

int
clr_cli_cmd_sources (ClrCliContext  *ctx,
                     int             argc,
                     char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrListSource) source = NULL;
  ClrStore *store;
  gboolean enable;
  int exit_code = CLR_EXIT_OK;

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      print_sources_usage ();
      return CLR_EXIT_OK;
    }
  if (argc >= 2 && argv[1][0] != '-' && strcmp (argv[1], "add") != 0 &&
      strcmp (argv[1], "enable") != 0 && strcmp (argv[1], "disable") != 0)
    {
      clr_cli_error (_("Unknown sources command “%s”"), argv[1]);
      print_sources_usage ();
      return CLR_EXIT_USAGE;
    }
  if (argc >= 2 && (strcmp (argv[1], "enable") == 0 || strcmp (argv[1], "disable") == 0) && argc != 3)
    {
      clr_cli_error (_("sources %s needs exactly one source ID"), argv[1]);
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (argc < 2 || argv[1][0] == '-')
    return sources_list (store, argc, argv);
  if (strcmp (argv[1], "add") == 0)
    return sources_add (store, argc - 1, argv + 1);

  enable = strcmp (argv[1], "enable") == 0;
  if (!clr_store_set_source_enabled (store, argv[2], enable, &error))
    return clr_cli_fail (error);
  source = clr_store_get_source (store, argv[2], &error);
  if (source == NULL)
    return clr_cli_fail (error);
  if (source->enabled)
    g_print (_("The source “%s” is enabled: it is updated and screened.\n"), source->id);
  else
    g_print (_("The source “%s” is disabled: it is neither updated nor screened.\n"), source->id);
  return CLR_EXIT_OK;
}
