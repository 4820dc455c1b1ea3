/* clr-cli-rescreen.c — clearance-cli rescreen
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-cli.h"
#include "clr-rescreen.h"

int
clr_cli_cmd_rescreen (ClrCliContext  *ctx,
                      int             argc,
                      char          **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ClrRescreenSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Re-screen every open case’s parties and every previously screened name "
                                  "against what the list updates since the last re-screening changed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!clr_cli_parse_options (context, &argc, &argv))
    return CLR_EXIT_USAGE;
  if (argc > 1)
    {
      clr_cli_error (_("Unexpected argument “%s”"), argv[1]);
      return CLR_EXIT_USAGE;
    }

  store = clr_cli_get_store (ctx, &exit_code);
  if (store == NULL)
    return exit_code;

  summary = clr_rescreen_run (store, NULL, NULL, NULL, &error);
  if (summary == NULL)
    {
      clr_cli_error ("%s", error->message);
      return clr_cli_exit_code_for_error (error);
    }

  text = clr_rescreen_summary_to_string (summary);

  if (json)
    {
      g_autoptr(JsonNode) root = clr_rescreen_summary_to_json (summary);

      clr_cli_print_json (root);
      return CLR_EXIT_OK;
    }

  g_print ("%s\n", text);
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
