/* clr-cli.c — clearance-cli: the command-line front end on the engine and store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "clr-engine-error.h"
#include "clr-json.h"
#include "clr-locale.h"
#include "clr-cli.h"

typedef struct
{
  const char        *name;
  ClrCliCommandFunc  func;
  const char        *summary;
} ClrCliCommand;

/* One row per command; each command lives in its own clr-cli-*.c file. */
static const ClrCliCommand commands[] = {
  { "info", clr_cli_cmd_info, N_("Show the database path, schema version and what data is loaded") },
  { "import", clr_cli_cmd_import, N_("Import list files as new list versions") },
  { "lists", clr_cli_cmd_lists, N_("Show list sources, their versions, counts and freshness") },
  { "diff", clr_cli_cmd_diff, N_("Show what changed between the last two versions of a source") },
  { "update", clr_cli_cmd_update, N_("Download list sources and import what changed") },
  { "sources", clr_cli_cmd_sources, N_("List, add, enable and disable list sources") },
  { "review", clr_cli_cmd_review, N_("List the review queue and decide potential hits") },
  { "audit", clr_cli_cmd_audit, N_("Verify or export the audit trail") },
  { "rescreen", clr_cli_cmd_rescreen, N_("Re-screen saved parties against what list updates changed") },
  { "case", clr_cli_cmd_case, N_("List, show, import, export, duplicate and archive saved cases") },
  { "screen", clr_cli_cmd_screen, N_("Screen a name (or a CSV of names) against the loaded lists") },
  { "evaluate", clr_cli_cmd_evaluate, N_("Determine whether a shipment can go: verdict, findings and citations") },
  { "db", clr_cli_cmd_db, N_("Copy this database into a team database (PostgreSQL)") },
  { "team", clr_cli_cmd_team, N_("Show or change team settings: four-eyes release") },
  { "bench", clr_cli_cmd_bench, N_("Measure import, index build and screening speed") },
};

void
clr_cli_error (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("clearance-cli: %s\n", message);
}

int
clr_cli_exit_code_for_error (const GError *error)
{
  if (error == NULL)
    return CLR_EXIT_OK;

  if (error->domain == CLR_ENGINE_ERROR || error->domain == G_FILE_ERROR ||
      error->domain == G_IO_ERROR || error->domain == JSON_PARSER_ERROR ||
      error->domain == G_MARKUP_ERROR || error->domain == G_CONVERT_ERROR)
    return CLR_EXIT_USER;

  if (error->domain == CLR_STORE_ERROR)
    {
      switch (error->code)
        {
        case CLR_STORE_ERROR_SQL:
          return CLR_EXIT_INTERNAL;
        default:
          return CLR_EXIT_USER;
        }
    }

  return CLR_EXIT_INTERNAL;
}

int
clr_cli_fail (const GError *error)
{
  clr_cli_error ("%s", error->message);
  return clr_cli_exit_code_for_error (error);
}

gboolean
clr_cli_parse_id (const char *text,
                  gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

int
clr_cli_run_subcommand (ClrCliContext          *ctx,
                        int                     argc,
                        char                  **argv,
                        const ClrCliSubcommand *subcommands,
                        void                  (*usage) (void))
{
  if (argc < 2)
    {
      usage ();
      return CLR_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      usage ();
      return CLR_EXIT_OK;
    }

  for (guint i = 0; subcommands[i].name != NULL; i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].func (ctx, argc - 1, argv + 1);

  /* Translators: the first %s is a command (“audit”, “review”), the second
   * the subcommand the user typed */
  clr_cli_error (_("Unknown %s command “%s”"), argv[0], argv[1]);
  usage ();
  return CLR_EXIT_USAGE;
}

ClrStore *
clr_cli_get_store (ClrCliContext *ctx,
                   int           *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrStore) store = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  store = clr_store_new (ctx->db_path);
  if (!clr_store_open (store, &error))
    {
      clr_cli_error ("%s", error->message);
      *exit_code = clr_cli_exit_code_for_error (error);
      return NULL;
    }

  ctx->store = g_steal_pointer (&store);
  return ctx->store;
}

gboolean
clr_cli_parse_options (GOptionContext   *context,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      clr_cli_error ("%s", error->message);
      g_printerr ("%s", help);
      return FALSE;
    }

  return TRUE;
}

gboolean
clr_cli_parse_command (int                 *argc,
                       char              ***argv,
                       const char          *parameter_string,
                       const char          *summary,
                       const GOptionEntry  *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return clr_cli_parse_options (context, argc, argv);
}

gboolean
clr_cli_check_no_more_args (int     argc,
                            char  **argv,
                            int     max)
{
  if (argc <= max + 1)
    return TRUE;
  clr_cli_error (_("Unexpected argument “%s”"), argv[max + 1]);
  return FALSE;
}

gboolean
clr_cli_parse_id_arg (int          argc,
                      char       **argv,
                      const char  *message,
                      gint64      *id)
{
  if (argc == 2 && clr_cli_parse_id (argv[1], id))
    return TRUE;
  clr_cli_error ("%s", message);
  return FALSE;
}

int
clr_cli_open_store (ClrCliContext  *ctx,
                    ClrStore      **store)
{
  int exit_code = CLR_EXIT_OK;

  *store = clr_cli_get_store (ctx, &exit_code);
  return exit_code;
}

const char *
clr_cli_freshness_label (ClrSourceFreshness freshness)
{
  static const char * const labels[] = {
    [CLR_SOURCE_FRESHNESS_NEVER_LOADED] = N_("never loaded"),
    [CLR_SOURCE_FRESHNESS_CURRENT] = N_("current"),
    [CLR_SOURCE_FRESHNESS_STALE] = N_("stale"),
  };

  if ((guint) freshness >= G_N_ELEMENTS (labels))
    freshness = CLR_SOURCE_FRESHNESS_NEVER_LOADED;
  return _(labels[freshness]);
}

void
clr_cli_progress_init (ClrCliProgress *progress,
                       const char     *label,
                       int             width)
{
  progress->label = label;
  progress->width = width;
  progress->tty = isatty (STDERR_FILENO);
  progress->last_percent = -1;
  progress->last_phase = -1;
}

gboolean
clr_cli_progress_step (ClrCliProgress *progress,
                       int             phase,
                       guint64         done,
                       guint64         total,
                       int            *percent)
{
  *percent = total ? (int) (done * 100 / total) : -1;
  if (!progress->tty || (*percent == progress->last_percent && phase == progress->last_phase))
    return FALSE;
  progress->last_percent = *percent;
  progress->last_phase = phase;
  return TRUE;
}

void
clr_cli_progress_end (ClrCliProgress *progress)
{
  if (progress->tty && progress->last_phase >= 0)
    g_printerr ("\r%*s\r", (int) strlen (progress->label) + progress->width, "");
}

void
clr_cli_print_json (gpointer json_node)
{
  g_autofree char *text = clr_json_to_string (json_node, TRUE);

  g_print ("%s\n", text);
}

void
clr_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  clr_cli_print_json (root);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: clearance-cli [--db PATH] COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (stream, "%s\n", _("Export-compliance screening and determinations, offline."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --db PATH    %s\n", _("Use the database at PATH (default: $CLEARANCE_DB, else ~/.local/share/clearance/clearance.db)"));
  fprintf (stream, "  --help       %s\n", _("Show this help"));
  fprintf (stream, "  --version    %s\n", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “clearance-cli COMMAND --help” for a command’s options."));
  fprintf (stream, "%s\n", _("Exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error."));
}

int
main (int    argc,
      char **argv)
{
  ClrCliContext ctx = { NULL, NULL };
  int i;
  int exit_code;

  clr_locale_init ();
  g_set_prgname ("clearance-cli");

  /* Global options come before the command; the command parses the rest. */
  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          g_free (ctx.db_path);
          return CLR_EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("clearance-cli %s\n", PACKAGE_VERSION);
          g_free (ctx.db_path);
          return CLR_EXIT_OK;
        }
      else if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= argc)
            {
              clr_cli_error ("%s", _("--db needs a path"));
              return CLR_EXIT_USAGE;
            }
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (argv[i][0] == '-')
        {
          clr_cli_error (_("Unknown option %s"), argv[i]);
          print_usage (stderr);
          g_free (ctx.db_path);
          return CLR_EXIT_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      g_free (ctx.db_path);
      return CLR_EXIT_USAGE;
    }
  /* SQLite opens "" as a private temporary database: everything written
   * would "succeed" and vanish on exit. */
  if (ctx.db_path != NULL && *ctx.db_path == '\0')
    {
      clr_cli_error ("%s", _("--db: the path is empty (an empty path would be a throw-away database); "
                             "give the database file"));
      g_free (ctx.db_path);
      return CLR_EXIT_USER;
    }

  exit_code = -1;
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (commands[c].name, argv[i]) == 0)
      {
        exit_code = commands[c].func (&ctx, argc - i, argv + i);
        break;
      }

  if (exit_code < 0)
    {
      clr_cli_error (_("Unknown command “%s”"), argv[i]);
      print_usage (stderr);
      exit_code = CLR_EXIT_USAGE;
    }

  g_clear_object (&ctx.store);
  g_free (ctx.db_path);

  return exit_code;
}
