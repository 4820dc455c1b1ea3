/* clr-cli-db.c — clearance-cli db copy
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-cli.h"
#include "clr-store-audit.h"
#include "clr-store-copy.h"

static void
print_db_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli [--db PATH] db copy --to postgresql://…"));
}

static void
copied_cb (const char *table,
           gint64      rows,
           gpointer    user_data)
{
  /* Translators: %s is a database table's name. */
  g_print (ngettext ("  %-24s %" PRId64 " row\n", "  %-24s %" PRId64 " rows\n", (gulong) rows), table, rows);
}

static int
db_copy (ClrCliContext  *ctx,
         int             argc,
         char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) target = NULL;
  g_autofree char *to = NULL;
  gint64 checked = 0, bad_id = 0;
  ClrStore *store;
  int exit_code;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The database to copy into: a team server (postgresql://…) or a new file"), N_("LOCATION") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Copy this database — lists, cases, review queue and audit trail — into an "
                                "empty database, typically the team server, and verify its audit trail there."),
                              entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;
  if (to == NULL || *to == '\0')
    {
      clr_cli_error ("%s", _("db copy needs --to LOCATION (e.g. postgresql://server/clearance)"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  target = clr_store_new (to);
  if (!clr_store_open (target, &error))
    return clr_cli_fail (error);

  g_print (_("Copying %s into %s\n"), clr_store_get_display_path (store), clr_store_get_display_path (target));
  if (!clr_store_copy_to (store, target, copied_cb, NULL, &error))
    return clr_cli_fail (error);

  if (!clr_store_audit_verify (target, &checked, &bad_id, &error))
    {
      clr_cli_error (_("The copy's audit trail does not verify (entry %" PRId64 "): %s"), bad_id, error->message);
      return CLR_EXIT_USER;
    }
  g_print (_("Copied. The audit trail verifies in %s: %" PRId64 " entries.\n"),
           clr_store_get_display_path (target), checked);
  return CLR_EXIT_OK;
}

int
clr_cli_cmd_db (ClrCliContext  *ctx,
                int             argc,
                char          **argv)
{
  static const ClrCliSubcommand subcommands[] = {
    { "copy", db_copy },
    { NULL, NULL }
  };

  return clr_cli_run_subcommand (ctx, argc, argv, subcommands, print_db_usage);
}
