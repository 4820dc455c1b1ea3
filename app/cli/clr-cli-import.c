/* clr-cli-import.c — clearance-cli import [--format F] [--force] FILE...
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
#include "clr-store-lists.h"
#include "clr-store-rules.h"

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ClrCliProgress *progress = user_data;
  int percent;

  if (total > 0 && clr_cli_progress_step (progress, 0, done, total, &percent))
    g_printerr ("\r%s %3d %%", progress->label, percent);
}

/* A Clearance rule pack announces itself in its first bytes. */
static gboolean
is_rule_pack (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GRegex) regex = NULL;
  char head[4096];
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  head[n] = '\0';

  regex = g_regex_new ("^\\s*\\{.*\"format\"\\s*:\\s*\"clearance-rule-pack\"", G_REGEX_DOTALL, 0, NULL);
  return g_regex_match (regex, head, 0, NULL);
}

static int
import_rule_pack (ClrStore   *store,
                  const char *path,
                  gboolean    force,
                  gboolean    json)
{
  g_auto(ClrRulePackImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  if (!clr_store_import_rule_pack (store, path, force, &result, &error))
    return clr_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      clr_json_add_string (builder, "file", path);
      clr_json_add_string (builder, "kind", "rule-pack");
      clr_json_add_string (builder, "id", result.id);
      clr_json_add_string (builder, "version", result.version);
      clr_json_add_boolean (builder, "unchanged", result.unchanged);
      json_builder_end_object (builder);
      clr_cli_print_builder (builder);
    }
  else if (result.unchanged)
    g_print (_("%s: rule pack %s %s is already active; nothing changed.\n"), path, result.id, result.version);
  else
    g_print (_("%s: rule pack %s %s imported (was %s).\n"), path, result.id, result.version,
             result.previous_version ? result.previous_version : _("none"));

  return CLR_EXIT_OK;
}

static void
print_result (const char                *path,
              const ClrListImportResult *result)
{
  if (result->unchanged)
    {
      g_print (_("%s: unchanged — identical to the current version %" PRId64
                 " of “%s” (%" PRIu64 " records); nothing was imported.\n"),
               path, result->version_id, result->source, result->records);
      return;
    }

  g_print (_("%s: imported as version %" PRId64 " of “%s” (%s%s%s): %" PRIu64
             " records, %" PRIu64 " names.\n"),
           path, result->version_id, result->source,
           result->format ? result->format : "?",
           result->publication_date ? _(", published ") : "",
           result->publication_date ? result->publication_date : "",
           result->records, result->names);

  for (guint i = 0; i < result->counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (result->counts, i);

      g_print ("  %-8s %7" G_GUINT64_FORMAT " %s %7" G_GUINT64_FORMAT " %s\n",
               count->list_code, count->records, _("records"), count->names, _("names"));
    }

  if (result->previous_version_id > 0)
    g_print (_("  Against version %" PRId64 ": %" PRIu64 " added, %"
               PRIu64 " removed, %" PRIu64 " changed.\n"),
             result->previous_version_id, result->added, result->removed, result->changed);

  if (result->warnings->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u data warning (kept as published):\n",
                               "%s: %u data warnings (kept as published):\n", result->warnings->len),
                  path, result->warnings->len);
      for (guint i = 0; i < result->warnings->len && i < 10; i++)
        g_printerr ("  %s\n", (const char *) g_ptr_array_index (result->warnings, i));
      if (result->warnings->len > 10)
        g_printerr (_("  … and %u more (see “clearance-cli lists --json”)\n"), result->warnings->len - 10);
    }
}

int
clr_cli_cmd_import (ClrCliContext  *ctx,
                    int             argc,
                    char          **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *source = NULL;
  gboolean force = FALSE;
  gboolean json = FALSE;
  ClrListFormat format = CLR_LIST_FORMAT_AUTO;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("File format: auto, csl-csv, csl-json, ofac-csv, ofac-xml, dpl (default: detect)"), N_("F") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Accept a list that shrinks by more than 20 % (or a rule pack older than the active one)"), NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Store the file as this source (e.g. a custom source id) instead of the one it names"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per file"), NULL },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("FILE…"),
                              _("Import list files (CSL CSV/JSON, OFAC CSV/XML, BIS DPL) or a Clearance rule pack.\n"
                                "Each file becomes a new version of its source in one transaction;\n"
                                "the same file again changes nothing."), entries))
    return CLR_EXIT_USAGE;

  if (argc < 2)
    {
      clr_cli_error ("%s", _("import needs at least one FILE"));
      return CLR_EXIT_USAGE;
    }

  if (format_name != NULL && !clr_list_format_from_string (format_name, &format))
    {
      clr_cli_error (_("Unknown format “%s” (use auto, csl-csv, csl-json, ofac-csv, ofac-xml or dpl)"),
                     format_name);
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  for (int i = 1; i < argc; i++)
    {
      g_auto(ClrListImportResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      ClrCliProgress progress;
      gboolean ok;

      if (format == CLR_LIST_FORMAT_AUTO && source == NULL && is_rule_pack (argv[i]))
        {
          int code = import_rule_pack (store, argv[i], force, json);
          exit_code = MAX (exit_code, code);
          continue;
        }

      clr_cli_progress_init (&progress, argv[i], 6);
      ok = clr_store_import_list_file (store, argv[i], format, source, force,
                                       progress_cb, &progress, &result, NULL, &error);
      clr_cli_progress_end (&progress);

      if (!ok)
        {
          int code = clr_cli_exit_code_for_error (error);

          clr_cli_error ("%s", error->message);
          if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY))
            g_printerr ("%s\n", _("Nothing was changed. If the shrinking is genuine, run the import again with --force."));
          else
            g_printerr (_("%s: nothing was imported; the database is unchanged.\n"), argv[i]);
          exit_code = MAX (exit_code, code);
          continue;
        }

      if (json)
        {
          JsonNode *node = clr_list_import_result_to_json (&result);

          json_object_set_string_member (json_node_get_object (node), "file", argv[i]);
          json_object_set_string_member (json_node_get_object (node), "kind", "list");
          clr_cli_print_json (node);
          json_node_unref (node);
        }
      else
        print_result (argv[i], &result);
    }

  return exit_code;
}
