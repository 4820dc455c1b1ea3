/* clr-cli-info.c — clearance-cli info
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-cli.h"

int
clr_cli_cmd_info (ClrCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;

  g_option_context_set_summary (context, _("Show the database path, schema version and what data is loaded."));
  if (!clr_cli_parse_options (context, &argc, &argv))
    return CLR_EXIT_USAGE;

  store = clr_cli_get_store (ctx, &exit_code);
  if (store == NULL)
    return exit_code;

  g_print (_("Database: %s\n"), clr_store_get_path (store));
  g_print (_("Schema version: %d\n"), clr_store_get_schema_version (store));

  return CLR_EXIT_OK;
}
