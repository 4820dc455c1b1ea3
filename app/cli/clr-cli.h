/* clr-cli.h — shared by the clearance-cli command files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "clr-matcher.h"
#include "clr-evaluator.h"
#include "clr-store.h"
#include "clr-store-review.h"
#include "clr-store-sources.h"

G_BEGIN_DECLS

/* Exit codes (documented in the README; scripts rely on them). */
enum
{
  CLR_EXIT_OK       = 0,
  CLR_EXIT_USER     = 1,   /* bad input: a file, a name, a value the user gave */
  CLR_EXIT_USAGE    = 2,   /* wrong command line */
  CLR_EXIT_INTERNAL = 3,   /* a bug or an environment failure */
};

typedef struct
{
  char     *db_path;   /* from --db, $CLEARANCE_DB, or the default */
  ClrStore *store;     /* opened on first use by clr_cli_get_store() */
} ClrCliContext;

/* Opens the database on first use; on failure prints the error and returns
 * NULL with *exit_code set (1 for a damaged or newer database, 3 otherwise). */
ClrStore *clr_cli_get_store     (ClrCliContext *ctx,
                                 int           *exit_code);
/* Prints "clearance-cli: MESSAGE" on stderr. */
void      clr_cli_error         (const char    *format,
                                 ...) G_GNUC_PRINTF (1, 2);
/* Parses a command's options; on error prints it with the command's usage
 * and returns FALSE (exit 2). argv[0] is the command name. */
gboolean  clr_cli_parse_options (GOptionContext *context,
                                 int            *argc,
                                 char         ***argv);
/* A command's options: a context with @parameter_string ("FILE", or NULL),
 * @summary and @entries (NULL-terminated), parsed as clr_cli_parse_options()
 * does; FALSE means exit 2. */
gboolean  clr_cli_parse_command (int                 *argc,
                                 char              ***argv,
                                 const char          *parameter_string,
                                 const char          *summary,
                                 const GOptionEntry  *entries);
/* FALSE after "Unexpected argument “…”" when @argc has more than @max
 * arguments after the command name (exit 2). */
gboolean  clr_cli_check_no_more_args (int             argc,
                                      char          **argv,
                                      int             max);
/* The store as clr_cli_get_store(): CLR_EXIT_OK with *@store set, or the
 * exit code after the error was printed. */
int       clr_cli_open_store    (ClrCliContext  *ctx,
                                 ClrStore      **store);
/* The --json option of the commands that can print JSON. */
#define CLR_CLI_OPTION_JSON(flag) \
  { "json", 0, 0, G_OPTION_ARG_NONE, (flag), N_("Print JSON"), NULL }
/* The one positive ID argument of a command (argv[1]) into @id; otherwise
 * prints @message and returns FALSE (exit 2). */
gboolean  clr_cli_parse_id_arg  (int             argc,
                                 char          **argv,
                                 const char     *message,
                                 gint64         *id);
/* Maps a GError from the libraries to an exit code (user error vs internal). */
int       clr_cli_exit_code_for_error (const GError *error);
/* Prints @error's message (as clr_cli_error()) and returns its exit code
 * (clr_cli_exit_code_for_error()). */
int       clr_cli_fail          (const GError   *error);
/* Parses a positive decimal id (case, review item); FALSE when @text is not one. */
gboolean  clr_cli_parse_id      (const char     *text,
                                 gint64         *id);

/* A progress line on stderr, shown only when stderr is a terminal:
 * clr_cli_progress_step() says whether @done of @total (0: unknown) in
 * @phase changed what the line shows (*@percent: -1 when @total is 0);
 * clr_cli_progress_end() blanks what was shown (@width columns after the
 * label). */
typedef struct
{
  const char *label;
  int         width;
  gboolean    tty;
  int         last_percent;
  int         last_phase;
} ClrCliProgress;

void      clr_cli_progress_init (ClrCliProgress *progress,
                                 const char     *label,
                                 int             width);
gboolean  clr_cli_progress_step (ClrCliProgress *progress,
                                 int             phase,
                                 guint64         done,
                                 guint64         total,
                                 int            *percent);
void      clr_cli_progress_end  (ClrCliProgress *progress);

/* A source's freshness in words: "current", "stale", "never loaded". */
const char *clr_cli_freshness_label (ClrSourceFreshness freshness);

/* Prints @node as pretty JSON on stdout, with a trailing newline. */
void      clr_cli_print_json    (gpointer        json_node);
/* The same for what @builder built. */
void      clr_cli_print_builder (JsonBuilder    *builder);

/* Each command: argv[0] is the command name; returns an exit code. */
typedef int (*ClrCliCommandFunc) (ClrCliContext *ctx,
                                  int            argc,
                                  char         **argv);

/* Commands with subcommands (review list, audit verify, …). */
typedef struct
{
  const char *name;
  ClrCliCommandFunc func;  /* argv[0] is the subcommand */
} ClrCliSubcommand;
/* Runs the subcommand named by argv[1] (NULL-terminated @subcommands) and
 * returns its exit code; no argument prints @usage and returns 2, --help/-h
 * prints it and returns 0; an unknown name prints "Unknown COMMAND command
 * “NAME”" (COMMAND: argv[0]) and @usage, and returns 2. */
int       clr_cli_run_subcommand (ClrCliContext          *ctx,
                                  int                     argc,
                                  char                  **argv,
                                  const ClrCliSubcommand *subcommands,
                                  void                  (*usage) (void));

int clr_cli_cmd_info (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_import (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_lists (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_diff (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_update (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_sources (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_review (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_audit (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_rescreen (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_case (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_screen (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_bench (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_evaluate (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_db (ClrCliContext *ctx, int argc, char **argv);
/* review claim / review release (clr-cli-review-claim.c) */
int clr_cli_review_claim (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_review_release (ClrCliContext *ctx, int argc, char **argv);
int clr_cli_cmd_team (ClrCliContext *ctx, int argc, char **argv);

/* Four-eyes release in `review` (clr-cli-team.c): the approve subcommand,
 * an item's status as listed ("Awaiting approval" for a held clearance)
 * and review show's approval line. */
int         clr_cli_review_approve        (ClrCliContext        *ctx,
                                           int                   argc,
                                           char                **argv);
const char *clr_cli_review_status_label   (const ClrReviewItem  *item);
void        clr_cli_review_print_approval (const ClrReviewItem  *item);

/* screen --batch: reads FILE, screens every row on @jobs threads, records
 * the hits in the review queue (one transaction) and prints them to @out.
 * @stats (optional) receives the phases' wall times, for bench. */
typedef enum
{
  CLR_CLI_BATCH_TEXT,
  CLR_CLI_BATCH_JSON,
  CLR_CLI_BATCH_CSV,
} ClrCliBatchFormat;

typedef struct
{
  guint  names;
  guint  hits;
  double read_seconds;
  double screen_seconds;
  double record_seconds;    /* building the hits' JSON + the store transaction */
  double print_seconds;
  double total_seconds;
  double screen_cpu;        /* CPU seconds of the process in those phases */
  double record_cpu;
  double total_cpu;
} ClrCliBatchStats;

/* How screen --batch screens and prints: hits from @threshold, at most
 * @limit per name, on @jobs threads, printed to @out as @format; @stats
 * (nullable) receives the timings. */
typedef struct
{
  double             threshold;
  guint              limit;
  ClrCliBatchFormat  format;
  int                jobs;
  FILE              *out;
  ClrCliBatchStats  *stats;
} ClrCliBatchOptions;

int clr_cli_screen_batch (ClrStore                 *store,
                          ClrMatcher               *matcher,
                          const char               *path,
                          const ClrCliBatchOptions *options);
G_END_DECLS
