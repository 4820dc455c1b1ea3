/* clr-cli-diff.c — clearance-cli diff SOURCE [--json]
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
#include "clr-store-lists.h"

static gboolean
change_matches (const ClrListChange *change,
                const char          *list,
                const char          *country)
{
  if (list != NULL && g_ascii_strcasecmp (list, change->list_code) != 0)
    return FALSE;
  if (country != NULL)
    {
      for (guint i = 0; change->countries[i] != NULL; i++)
        if (g_ascii_strcasecmp (country, change->countries[i]) == 0)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
print_version_line (const char           *label,
                    const ClrListVersion *version)
{
  g_print (_("%s: version %" PRId64 " (%s, published %s, imported %s, %" PRIu64 " records)\n"),
           label, version->id, version->file_name,
           version->publication_date ? version->publication_date : _("date not stated"),
           version->imported_at, version->records);
}

int
clr_cli_cmd_diff (ClrCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *country = NULL;
  gboolean json = FALSE;
  gint64 old_id = 0, new_id = 0;
  guint64 counts[3] = { 0, 0, 0 };
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    CLR_CLI_OPTION_JSON (&json),
    { "list", 0, 0, G_OPTION_ARG_STRING, &list, N_("Only changes of this list code (e.g. EL)"), N_("CODE") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only entries with this country (ISO-2)"), N_("CC") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, _("SOURCE"),
                              _("Compare the current version of a list source with the previous one:\n"
                                "entries added, removed and changed (with the fields that changed).\n"
                                "Entries are matched by their published id, or by list and name\n"
                                "where a version has no ids."), entries))
    return CLR_EXIT_USAGE;
  if (argc != 2)
    {
      clr_cli_error ("%s", _("diff needs exactly one SOURCE (e.g. csl, ofac-sdn, bis-dpl)"));
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  changes = clr_store_diff_latest (store, argv[1], &old_id, &new_id, &error);
  if (changes == NULL)
    return clr_cli_fail (error);

  shown = g_ptr_array_new ();
  for (guint i = 0; i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      if (!change_matches (change, list, country))
        continue;
      g_ptr_array_add (shown, change);
      counts[change->kind]++;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = clr_list_changes_to_json (shown);
      JsonObject *object = json_node_get_object (node);

      json_object_set_string_member (object, "source", argv[1]);
      json_object_set_int_member (object, "old_version", old_id);
      json_object_set_int_member (object, "new_version", new_id);
      clr_cli_print_json (node);
      return CLR_EXIT_OK;
    }

  versions = clr_store_list_versions (store, argv[1], &error);
  if (versions == NULL)
    return clr_cli_fail (error);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < versions->len; i++)
      {
        ClrListVersion *version = g_ptr_array_index (versions, i);

        if (pass == 0 && version->id == old_id)
          print_version_line (_("From"), version);
        else if (pass == 1 && version->id == new_id)
          print_version_line (_("To"), version);
      }

  g_print (_("%" PRIu64 " added, %" PRIu64 " removed, %" PRIu64 " changed\n"),
           counts[CLR_LIST_CHANGE_ADDED], counts[CLR_LIST_CHANGE_REMOVED], counts[CLR_LIST_CHANGE_CHANGED]);

  for (guint i = 0; i < shown->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (shown, i);
      g_autofree char *countries = g_strjoinv (",", change->countries);
      const char *mark = change->kind == CLR_LIST_CHANGE_ADDED ? "+" :
                         change->kind == CLR_LIST_CHANGE_REMOVED ? "-" : "~";

      g_print ("%s %-8s %s", mark, change->list_code, change->name);
      if (*countries != '\0')
        g_print (" [%s]", countries);
      if (change->kind == CLR_LIST_CHANGE_CHANGED)
        {
          g_autofree char *fields = g_strjoinv (", ", change->fields);
          g_print (": %s", fields);
        }
      g_print ("\n");
    }

  return CLR_EXIT_OK;
}
