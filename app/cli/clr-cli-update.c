/* clr-cli-update.c — clearance-cli update [--url URL] [SOURCE…]
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
#include "clr-source-updater.h"


static void
progress_cb (ClrUpdatePhase phase,
             guint64        done,
             guint64        total,
             gpointer       user_data)
{
  ClrCliProgress *progress = user_data;
  int percent;

  if (!clr_cli_progress_step (progress, (int) phase, done, total, &percent))
    return;
  if (percent >= 0)
    g_printerr ("\r%s: %s %3d %%   ", progress->label,
                phase == CLR_UPDATE_PHASE_DOWNLOAD ? _("downloading") : _("importing"), percent);
  else
    g_printerr ("\r%s: %s %" G_GUINT64_FORMAT " KiB   ", progress->label,
                phase == CLR_UPDATE_PHASE_DOWNLOAD ? _("downloading") : _("importing"), done / 1024);
}

static void
print_update (const ClrSourceUpdateResult *result)
{
  const ClrListImportResult *import = &result->import;

  if (result->not_modified)
    g_print (_("%s: unchanged — %s answered “not modified”; version %" PRId64 " stays current.\n"),
             result->source, result->url, import->version_id);
  else if (result->outcome == CLR_SOURCE_UPDATE_UNCHANGED)
    g_print (_("%s: unchanged — the file from %s is identical to version %" PRId64 ".\n"),
             result->source, result->url, import->version_id);
  else
    {
      g_print (_("%s: updated from %s — version %" PRId64 ", %" PRIu64
                 " records, %" PRIu64 " names"),
               result->source, result->url, import->version_id, import->records, import->names);
      if (import->previous_version_id > 0)
        g_print (_("; %" PRIu64 " added, %" PRIu64 " removed, %" PRIu64
                   " changed (see “clearance-cli diff %s”)"),
                 import->added, import->removed, import->changed, result->source);
      g_print (".\n");
      if (result->without_tls)
        g_print (_("%s: this version was fetched without TLS (plain http) and is marked so.\n"),
                 result->source);
    }
}

static JsonNode *
update_to_json (const char                  *source,
                const ClrSourceUpdateResult *result,
                const GError                *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  clr_json_add_string (builder, "source", source);
  clr_json_add_string (builder, "outcome",
                       error ? "failed" : clr_source_update_outcome_to_string (result->outcome));
  if (error != NULL)
    {
      clr_json_add_string (builder, "error", error->message);
    }
  else
    {
      clr_json_add_string (builder, "url", result->url);
      clr_json_add_boolean (builder, "not_modified", result->not_modified);
      clr_json_add_boolean (builder, "fetched_without_tls", result->without_tls);
      clr_json_add_int (builder, "downloaded_bytes", (gint64) result->downloaded);
      clr_json_add_node (builder, "import", clr_list_import_result_to_json (&result->import));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
clr_cli_cmd_update (ClrCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  g_autoptr(ClrDownloader) downloader = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *url = NULL;
  gboolean force = FALSE;
  gboolean json = FALSE;
  gboolean allow_http = FALSE;
  int timeout = CLR_DOWNLOADER_DEFAULT_TIMEOUT;
  int deadline = CLR_DOWNLOADER_DEFAULT_DEADLINE;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  guint failed = 0;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("Download from URL instead of the source's address (e.g. a company mirror); one SOURCE only"), N_("URL") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Accept a list that shrinks by more than 20 %"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a silent server after SECONDS (default 30)"), N_("SECONDS") },
    { "deadline", 0, 0, G_OPTION_ARG_INT, &deadline,
      N_("Stop downloading after SECONDS in all, however slowly data arrives (default 600)"), N_("SECONDS") },
    { "allow-http", 0, 0, G_OPTION_ARG_NONE, &allow_http,
      N_("Accept plain http:// addresses (a trusted intranet mirror); such versions are marked "
         "“fetched without TLS”"), NULL },
    CLR_CLI_OPTION_JSON (&json),
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("[SOURCE…]"),
                              _("Download list sources from their official addresses and import them\n"
                                "(all enabled sources when none is named). A server that says the file\n"
                                "did not change is not downloaded again. A failure keeps the current\n"
                                "version. Exit code 0: updated or unchanged; 1: a source failed."), entries))
    return CLR_EXIT_USAGE;
  if (url != NULL && argc != 2)
    {
      clr_cli_error ("%s", _("--url needs exactly one SOURCE"));
      return CLR_EXIT_USAGE;
    }
  if (timeout <= 0)
    {
      clr_cli_error ("%s", _("--timeout must be a positive number of seconds"));
      return CLR_EXIT_USAGE;
    }
  if (deadline <= 0)
    {
      clr_cli_error ("%s", _("--deadline must be a positive number of seconds"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        g_ptr_array_add (ids, g_strdup (argv[i]));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sources = clr_store_list_sources (store, &error);

      if (sources == NULL)
        return clr_cli_fail (error);
      for (guint i = 0; i < sources->len; i++)
        {
          ClrListSource *source = g_ptr_array_index (sources, i);
          if (source->enabled && source->url != NULL)
            g_ptr_array_add (ids, g_strdup (source->id));
        }
      if (ids->len == 0)
        {
          g_print ("%s\n", _("No enabled source has a download address; nothing to update."));
          return CLR_EXIT_OK;
        }
    }

  downloader = clr_downloader_new ();
  clr_downloader_set_timeout (downloader, (guint) timeout);
  clr_downloader_set_allow_http (downloader, allow_http);
  /* One deadline for the whole command, from now. */
  clr_downloader_set_deadline (downloader, (guint) deadline);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_auto(ClrSourceUpdateResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      ClrCliProgress progress;
      gboolean ok;

      clr_cli_progress_init (&progress, id, 40);
      ok = clr_source_update (store, downloader, id, url, force, progress_cb, &progress, &result, NULL, &error);
      clr_cli_progress_end (&progress);

      if (!ok)
        {
          failed++;
          if (!json)
            {
              g_print (_("%s: failed — nothing was changed.\n"), id);
              clr_cli_error ("%s", error->message);
              if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY))
                g_printerr ("%s\n", _("If the shrinking is genuine, run the update again with --force."));
            }
        }
      else if (!json)
        print_update (&result);

      if (json)
        json_builder_add_value (builder, update_to_json (id, &result, error));
    }

  if (json)
    {
      json_builder_end_array (builder);
      clr_json_add_int (builder, "failed", failed);
      json_builder_end_object (builder);
      clr_cli_print_builder (builder);
    }

  return failed > 0 ? CLR_EXIT_USER : CLR_EXIT_OK;
}
