/* clr-cli-audit.c — clearance-cli audit verify|export|log
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "clr-cli.h"
#include "clr-store-audit.h"

static void
print_audit_usage (void)
{
  g_printerr ("%s\n", _("Usage: clearance-cli [--db PATH] audit verify [--expect-head [SEQ:]HASH[:SIGNATURE] [--key FILE]]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] audit anchor [--key FILE]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] audit export [--format csv|json] [--output FILE]"));
  g_printerr ("%s\n", _("       clearance-cli [--db PATH] audit log [--case ID]"));
}

/* Signed anchors: HMAC-SHA256 of "SEQ:HASH" with a key kept in a file
 * outside the database (at least 32 bytes; e.g. head -c 32 /dev/urandom). */
#define MIN_KEY_BYTES 32

static GBytes *
read_key (const char  *path,
          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length < MIN_KEY_BYTES)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The key file %s holds %zu bytes; a key needs at least %d "
                     "(e.g. head -c 32 /dev/urandom > %s)"), path, length, MIN_KEY_BYTES, path);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static char *
sign_anchor (GBytes     *key,
             const char *anchor)
{
  g_autofree char *message = g_strconcat ("clearance-audit-head-v1\n", anchor, NULL);
  gsize length = 0;
  const guchar *bytes = g_bytes_get_data (key, &length);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, bytes, length, message, -1);
}

static int
audit_verify (ClrCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expect_head = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *signature = NULL;
  gint64 checked = 0, bad_id = 0, anchor_seq = 0;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "expect-head", 0, 0, G_OPTION_ARG_STRING, &expect_head,
      N_("Also check that the trail still holds this head, as “audit anchor” printed it"),
      N_("[SEQ:]HASH[:SIGNATURE]") },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("Check the anchor’s signature with the key in FILE (as given to “audit anchor --key”)"), N_("FILE") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Check the audit trail’s hash chain, its head, and that every decision "
                                "and saved result is what the trail says; exit 1 naming what is wrong."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;

  if (key_path != NULL && expect_head == NULL)
    {
      clr_cli_error ("%s", _("--key checks the signature of an --expect-head anchor: give both"));
      return CLR_EXIT_USAGE;
    }
  if (expect_head != NULL)
    {
      /* SEQ:HASH:SIGNATURE — the signature is the last of three fields. */
      char *first = strchr (expect_head, ':');
      char *second = first != NULL ? strchr (first + 1, ':') : NULL;

      if (second != NULL)
        {
          signature = g_strdup (second + 1);
          *second = '\0';
        }
      if (signature != NULL && key_path == NULL)
        {
          clr_cli_error ("%s", _("This anchor is signed: give the key file with --key to check it"));
          return CLR_EXIT_USAGE;
        }
      if (signature == NULL && key_path != NULL)
        {
          clr_cli_error ("%s", _("This anchor is not signed (no “:SIGNATURE” after the hash), so --key cannot "
                                 "check it"));
          return CLR_EXIT_USER;
        }
      if (signature != NULL)
        {
          g_autoptr(GBytes) key = read_key (key_path, &error);
          g_autofree char *expected = NULL;
          g_autofree char *given = g_ascii_strdown (signature, -1);

          if (key == NULL)
            return clr_cli_fail (error);
          expected = sign_anchor (key, expect_head);
          if (g_strcmp0 (expected, given) != 0)
            {
              clr_cli_error ("%s", _("The anchor’s signature does not match this key: the anchor was altered, "
                                     "or signed with another key"));
              return CLR_EXIT_USER;
            }
        }
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (!clr_store_audit_verify (store, &checked, &bad_id, &error))
    {
      clr_cli_error ("%s", error->message);
      if (bad_id > 0)
        g_printerr (_("%" PRId64 " entries before it verified.\n"), checked);
      return clr_cli_exit_code_for_error (error);
    }

  if (expect_head != NULL && !clr_store_audit_check_anchor (store, expect_head, &anchor_seq, &error))
    return clr_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Audit trail intact: %" PRId64 " entry verified.\n",
                        "Audit trail intact: %" PRId64 " entries verified.\n", (gulong) checked),
           checked);
  if (expect_head != NULL)
    g_print (_("The expected head is entry %" PRId64 " of the trail; %" PRId64
               " entries were added since.\n"), anchor_seq, checked - anchor_seq);
  if (signature != NULL)
    g_print ("%s\n", _("Its signature matches the key."));
  return CLR_EXIT_OK;
}

static int
audit_anchor (ClrCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *anchor = NULL;
  g_autoptr(GBytes) key = NULL;
  gint64 checked = 0, bad_id = 0, seq = 0;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("Sign the head with the key in FILE (kept outside the database; at least 32 bytes)"), N_("FILE") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Verify the audit trail and print its head (entry number and hash) "
                                "to keep outside the database: “audit verify --expect-head” checks "
                                "it later."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;

  if (key_path != NULL && (key = read_key (key_path, &error)) == NULL)
    return clr_cli_fail (error);

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (!clr_store_audit_verify (store, &checked, &bad_id, &error) ||
      !clr_store_audit_get_head (store, &seq, &hash, &error))
    return clr_cli_fail (error);
  if (hash == NULL)
    {
      clr_cli_error ("%s", _("The audit trail is empty: there is no head to anchor yet"));
      return CLR_EXIT_USER;
    }

  /* One line a script can keep: SEQ:HASH[:SIGNATURE], then what it is. */
  anchor = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hash);
  if (key != NULL)
    {
      g_autofree char *signature = sign_anchor (key, anchor);
      g_autofree char *signed_anchor = g_strdup_printf ("%s:%s", anchor, signature);

      g_free (anchor);
      anchor = g_steal_pointer (&signed_anchor);
    }
  g_print ("%s\n", anchor);
  g_printerr (_("Audit head: entry %" PRId64 ". Keep this line outside the database (print it, mail it, "
                "commit it); “clearance-cli audit verify --expect-head %s%s” checks later that the trail "
                "still holds it.\n"), seq, anchor, key != NULL ? " --key FILE" : "");
  return CLR_EXIT_OK;
}

static int
audit_export (ClrCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  ClrAuditFormat format = CLR_AUDIT_FORMAT_CSV;
  g_autofree char *head_hash = NULL;
  gint64 head_seq = 0;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Write the whole audit trail as CSV or JSON."), entries))
    return CLR_EXIT_USAGE;
  if (!clr_cli_check_no_more_args (argc, argv, 0))
    return CLR_EXIT_USAGE;
  if (format_text == NULL || strcmp (format_text, "csv") == 0)
    format = CLR_AUDIT_FORMAT_CSV;
  else if (strcmp (format_text, "json") == 0)
    format = CLR_AUDIT_FORMAT_JSON;
  else
    {
      clr_cli_error (_("Unknown format “%s”: use csv or json"), format_text);
      return CLR_EXIT_USAGE;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (!clr_store_audit_get_head (store, &head_seq, &head_hash, &error))
    return clr_cli_fail (error);

  stream = g_memory_output_stream_new_resizable ();
  if (!clr_store_audit_export (store, format, stream, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    return clr_cli_fail (error);

  {
    GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
    const char *data = g_memory_output_stream_get_data (memory);
    gsize size = g_memory_output_stream_get_data_size (memory);

    if (output != NULL)
      {
        if (!g_file_set_contents (output, data != NULL ? data : "", size, &error))
          {
            clr_cli_error ("%s", error->message);
            return CLR_EXIT_USER;
          }
      }
    else if (size > 0 && fwrite (data, 1, size, stdout) != size)
      {
        clr_cli_error ("%s", _("Cannot write to standard output"));
        return CLR_EXIT_INTERNAL;
      }
  }

  /* The export's last row is the head; say so, for the user to keep. */
  if (head_hash != NULL)
    g_printerr (_("Audit head: %" PRId64 ":%s (the export’s last entry)\n"), head_seq, head_hash);

  return CLR_EXIT_OK;
}

static int
audit_log (ClrCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 case_id = 0;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  const GOptionEntry options[] = {
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("Only the history of this case"), N_("ID") },
    { NULL }
  };

  if (!clr_cli_parse_command (&argc, &argv, NULL,
                              _("Show the audit trail (or one case’s history), oldest first."), options))
    return CLR_EXIT_USAGE;

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;

  if (case_id > 0)
    entries = clr_store_audit_list_for_case (store, case_id, &error);
  else
    entries = clr_store_audit_list (store, &error);
  if (entries == NULL)
    return clr_cli_fail (error);

  for (guint i = 0; i < entries->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (entries, i);

      g_print ("%" G_GINT64_FORMAT "  %s  %s (%s)  %s %s:%s\n", entry->id, entry->at,
               entry->display_name, entry->user, entry->action, entry->subject_type, entry->subject_id);
    }

  return CLR_EXIT_OK;
}

int
clr_cli_cmd_audit (ClrCliContext  *ctx,
                   int             argc,
                   char          **argv)
{
  static const ClrCliSubcommand subcommands[] = {
    { "verify", audit_verify },
    { "anchor", audit_anchor },
    { "export", audit_export },
    { "log", audit_log },
    { NULL, NULL }
  };

  return clr_cli_run_subcommand (ctx, argc, argv, subcommands, print_audit_usage);
}
