/* clr-cli-rescreen.c — clearance-cli rescreen
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "clr-cli.h"
#include "clr-rescreen-bench.h"

static int
run_bench (GStrv files,
           int   parties)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;
  ClrRescreenBenchResult result;
  int exit_code = CLR_EXIT_OK;

  if (g_strv_length (files) != 2 || parties <= 0)
    {
      clr_cli_error ("%s", _("--bench needs two list files (old, then new) and --parties a positive number"));
      return CLR_EXIT_USAGE;
    }

  dir = g_dir_make_tmp ("clearance-rescreen-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_INTERNAL;
    }
  db = g_build_filename (dir, "bench.db", NULL);

  if (!clr_rescreen_bench (files[0], files[1], (guint) parties, db, &result, &error))
    {
      clr_cli_error ("%s", error->message);
      exit_code = clr_cli_exit_code_for_error (error);
    }
  else
    {
      text = clr_rescreen_summary_to_string (result.summary);
      g_print (_("Re-screening benchmark (%u parties in %u open cases)\n"), result.parties, result.cases);
      g_print (_("  import old list:             %8.2f s\n"), result.import_old_seconds);
      g_print (_("  initial screening (full):    %8.2f s\n"), result.initial_screen_seconds);
      g_print (_("  decisions made:              %8u\n"), result.decisions);
      g_print (_("  import new list:             %8.2f s\n"), result.import_new_seconds);
      g_print (_("  re-screen against the update:%8.2f s  (CPU %.2f s; %u added, %u changed, %u removed entries)\n"),
               result.rescreen_seconds, result.rescreen_cpu_seconds, result.summary->entries_added,
               result.summary->entries_changed, result.summary->entries_removed);
      g_print (_("  result: %s\n"), text);
    }
  clr_rescreen_bench_result_clear (&result);

  /* The scratch database and its WAL files. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return exit_code;
}

int
clr_cli_cmd_rescreen (ClrCliContext  *ctx,
                      int             argc,
                      char          **argv)
{
  g_autoptr(ClrRescreenSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) bench = NULL;
  gboolean json = FALSE;
  int parties = 10000;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { "bench", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &bench,
      N_("Benchmark: give twice, the old then the new list file (uncompressed); uses a scratch database"), N_("FILE") },
    { "parties", 0, 0, G_OPTION_ARG_INT, &parties, N_("Benchmark: how many saved parties (default 10000)"), N_("N") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Re-screen every open case’s parties and every previously screened name "
                                "against what the list updates since the last re-screening changed."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;

  if (bench != NULL)
    return run_bench (bench, parties);

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  summary = clr_rescreen_run (store, NULL, NULL, NULL, &error);
  if (summary == NULL)
    return clr_cli_fail (error);

  text = clr_rescreen_summary_to_string (summary);

  if (json)
    {
      g_autoptr(JsonNode) root = clr_rescreen_summary_to_json (summary);

      clr_cli_print_json (root);
      return CLR_EXIT_OK;
    }

  g_print ("%s\n", text);
  if (summary->resumed_from != NULL)
    g_print (_("This run finished an interrupted re-screening started at %s; "
               "what that run did is counted above.\n"), summary->resumed_from);
  if (summary->sources->len > 0)
    {
      g_autoptr(GString) sources = g_string_new (NULL);

      for (guint i = 0; i < summary->sources->len; i++)
        {
          if (i > 0)
            g_string_append (sources, ", ");
          g_string_append (sources, g_ptr_array_index (summary->sources, i));
        }
      g_print (_("Lists updated: %s (%u added, %u changed, %u removed entries)\n"), sources->str,
               summary->entries_added, summary->entries_changed, summary->entries_removed);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u party re-screened\n", "%u parties re-screened\n",
                            summary->parties_screened),
               summary->parties_screened);
    }

  return CLR_EXIT_OK;
}
