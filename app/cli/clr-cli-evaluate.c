/* clr-cli-evaluate.c — clearance-cli evaluate: a shipment → a determination
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-cli.h"
#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-json.h"
#include "clr-shipment.h"
#include "clr-store-rules.h"
#include "clr-store-cases.h"

/* The field an error names: the text before ": " when it is a field path
 * ("items[0].eccn", "date"), else NULL. */
static char *
error_field (const char *message)
{
  const char *colon = strstr (message, ": ");

  if (colon == NULL || colon == message)
    return NULL;
  for (const char *p = message; p < colon; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_.[]-", *p) == NULL)
      return NULL;
  return g_strndup (message, colon - message);
}

static void
print_batch_error (gboolean    json,
                   guint       line,
                   const char *message)
{
  g_autofree char *field = error_field (message);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      clr_json_add_int (b, "line", line);
      clr_json_add_string (b, "error", message);
      clr_json_add_string (b, "field", field);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      text = json_to_string (node, FALSE);
      g_print ("%s\n", text);
    }
  else
    g_print (_("line %u: error: %s\n"), line, message);
}

/* Below this many lines a batch builds the matcher without the neighbour
 * table: the table's build costs more CPU than it saves per name until a few
 * thousand shipments (bench --evaluate; docs/determinations.md). */
#define BATCH_NEIGHBOUR_TABLE_LINES 2000

/* Lines of a seekable stream (counted, then rewound), or G_MAXUINT when it
 * cannot be rewound (a pipe). */
static guint
count_lines (GInputStream *in)
{
  char buf[65536];
  gssize n;
  guint lines = 0;

  if (!G_IS_SEEKABLE (in) || !g_seekable_can_seek (G_SEEKABLE (in)))
    return G_MAXUINT;
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    for (gssize i = 0; i < n; i++)
      lines += buf[i] == '\n';
  if (n < 0 || !g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, NULL, NULL))
    return G_MAXUINT;
  return lines + 1;
}

/* evaluate --batch FILE: one shipment (a JSON object) per line; one result
 * per line, in order. A bad line gives an error line naming the line and the
 * field, and the others still run. Blank lines are skipped. */
static int
evaluate_batch (ClrCliContext *ctx,
                const char    *path,
                ClrRulePack   *pack,
                const char    *as_of,
                ClrPosture     posture,
                gboolean       json,
                gboolean       trace)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  ClrStoreEvaluation how = { as_of, posture, trace ? CLR_EVALUATE_TRACE : CLR_EVALUATE_NONE, TRUE };
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;
  guint line_no = 0, n_ok = 0, n_bad = 0;
  char *line;
  gsize length;

  in = g_file_read (file, NULL, &error);
  if (in == NULL)
    {
      clr_cli_error ("%s: %s", path, error->message);
      return CLR_EXIT_USER;
    }
  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;
  clr_store_set_few_screening_queries (store, count_lines (G_INPUT_STREAM (in)) < BATCH_NEIGHBOUR_TABLE_LINES);
  data = g_data_input_stream_new (G_INPUT_STREAM (in));
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  while ((line = g_data_input_stream_read_line (data, &length, NULL, &error)) != NULL || error == NULL)
    {
      g_autofree char *text = line;
      g_autoptr(GError) line_error = NULL;
      g_autoptr(JsonNode) result = NULL;
      JsonNode *root;

      if (text == NULL)
        break;  /* end of file */
      line_no++;
      if (!g_utf8_validate (text, length, NULL))
        {
          print_batch_error (json, line_no, _("not valid UTF-8"));
          n_bad++;
          continue;
        }
      g_strstrip (text);
      if (*text == '\0')
        continue;
      if (!json_parser_load_from_data (parser, text, -1, &line_error))
        {
          /* the parser counts within the line: "<data>:1:7: …" → "column 7: …" */
          const char *msg = line_error->message;
          g_autofree char *m = NULL;

          if (g_str_has_prefix (msg, "<data>:1:"))
            m = g_strdup_printf (_("not valid JSON: column %s"), msg + strlen ("<data>:1:"));
          else
            m = g_strdup_printf (_("not valid JSON: %s"), msg);

          print_batch_error (json, line_no, m);
          n_bad++;
          continue;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          print_batch_error (json, line_no, _("a shipment must be a JSON object"));
          n_bad++;
          continue;
        }
      result = clr_store_evaluate_with_pack (store, pack, root, &how, &line_error);
      if (result == NULL)
        {
          if (line_error->domain != CLR_ENGINE_ERROR)
            {
              /* the store or the environment failed: stop, nothing half-said */
              clr_cli_error (_("%s, line %u: %s"), path, line_no, line_error->message);
              return clr_cli_exit_code_for_error (line_error);
            }
          print_batch_error (json, line_no, line_error->message);
          n_bad++;
          continue;
        }
      json_object_set_int_member (json_node_get_object (result), "line", line_no);
      if (json)
        {
          g_autofree char *out = json_to_string (result, FALSE);

          g_print ("%s\n", out);
        }
      else
        {
          JsonObject *r = json_node_get_object (result);
          const char *reference = json_object_get_string_member_with_default (r, "reference", "");
          guint n = json_array_get_length (json_object_get_array_member (r, "findings"));

          g_print (ngettext ("line %u: %s: %s (%u finding)\n", "line %u: %s: %s (%u findings)\n", n), line_no,
                   *reference != '\0' ? reference : _("(no reference)"),
                   clr_verdict_get_label (clr_verdict_from_string (json_object_get_string_member (r, "verdict"))), n);
        }
      n_ok++;
    }
  if (error != NULL)
    {
      clr_cli_error (_("%s, line %u: %s"), path, line_no + 1, error->message);
      return CLR_EXIT_USER;
    }
  g_printerr (_("evaluate: %u shipments evaluated, %u bad lines\n"), n_ok, n_bad);
  return n_bad > 0 ? CLR_EXIT_USER : CLR_EXIT_OK;
}

/* --posture and --as-of: CLR_EXIT_OK, or the exit code after the error. */
static int
check_posture_and_date (const char *posture_text,
                        ClrPosture *posture,
                        const char *as_of)
{
  g_autoptr(GError) error = NULL;

  if (posture_text != NULL && !clr_posture_from_string (posture_text, posture, &error))
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_USAGE;
    }
  if (as_of != NULL && !clr_date_is_valid (as_of))
    {
      clr_cli_error (_("--as-of: “%s” is not a valid date (expected YYYY-MM-DD)"), as_of);
      return CLR_EXIT_USER;
    }
  return CLR_EXIT_OK;
}

int
clr_cli_cmd_evaluate (ClrCliContext  *ctx,
                      int             argc,
                      char          **argv)
{
  g_autofree char *as_of = NULL;
  g_autofree char *posture_text = NULL;
  g_autofree char *pack_path = NULL;
  gboolean json = FALSE;
  gboolean trace = FALSE;
  int repeat = 0;
  gboolean save = FALSE;   /* review: --save stores the shipment as a case */
  gint64 case_id = 0;      /* review: --case ID re-evaluates a saved case */
  g_autofree char *case_label = NULL;
  g_autofree char *batch_path = NULL;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Evaluate as of DATE (default: the shipment's date)"), N_("DATE") },
    { "posture", 0, 0, G_OPTION_ARG_STRING, &posture_text, N_("enforcement (default: what BIS enforces) or cfr-text (the CFR as written)"), N_("POSTURE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result document as JSON"), NULL },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace, N_("Show for each rule why it fired or did not"), NULL },
    { "rule-pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_path, N_("Use the rule pack in FILE instead of the installed one (not stored)"), N_("FILE") },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Benchmark: screen and evaluate N more times and report the mean time"), N_("N") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Store the shipment as a case (its hits enter the review queue) and print the case id"), NULL },
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("Re-evaluate saved case ID with the current decisions (instead of FILE)"), N_("ID") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch_path, N_("Evaluate every shipment of a JSON Lines FILE (one per line; one result per line, in order)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — determine whether a shipment can go, as of its date"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(ClrRulePack) pack = NULL;
  ClrStoreEvaluation how = { 0 };
  ClrPosture posture = CLR_POSTURE_ENFORCEMENT;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!clr_cli_parse_options (context, &argc, &argv))
    return CLR_EXIT_USAGE;
  if (batch_path != NULL)
    {
      g_autoptr(ClrRulePack) batch_pack = NULL;
      ClrStore *batch_store;

      if (argc != 1 || save || case_id > 0 || repeat > 0)
        {
          clr_cli_error ("%s", _("--batch takes no shipment FILE and no --save, --case or --repeat"));
          return CLR_EXIT_USAGE;
        }
      if ((exit_code = check_posture_and_date (posture_text, &posture, as_of)) != CLR_EXIT_OK)
        return exit_code;
      if ((exit_code = clr_cli_open_store (ctx, &batch_store)) != CLR_EXIT_OK)
        return exit_code;
      batch_pack = pack_path != NULL ? clr_rule_pack_new_from_file (pack_path, &error)
                                     : clr_store_load_rule_pack (batch_store, &error);
      if (batch_pack == NULL)
        return clr_cli_fail (error);
      return evaluate_batch (ctx, batch_path, batch_pack, as_of, posture, json, trace);
    }
  if (case_id > 0 && argc == 1)
    argc = 0;  /* review: --case takes the shipment from the case, not a FILE */
  if (argc != 2 && argc != 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      clr_cli_error ("%s", _("evaluate needs exactly one shipment file"));
      g_printerr ("%s", help);
      return CLR_EXIT_USAGE;
    }
  if ((exit_code = check_posture_and_date (posture_text, &posture, as_of)) != CLR_EXIT_OK)
    return exit_code;
  if (repeat < 0)
    {
      clr_cli_error ("%s", _("--repeat needs a positive number"));
      return CLR_EXIT_USAGE;
    }

  if (argc == 0)
    {
      /* review: the shipment saved on the case */
      g_autoptr(ClrCase) saved = NULL;

      if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
        return exit_code;
      saved = clr_store_get_case (store, case_id, &error);
      if (saved == NULL)
        return clr_cli_fail (error);
      shipment = json_node_copy (saved->shipment);
      case_label = g_strdup_printf (_("case %" PRId64), case_id);
      argv[1] = case_label;  /* names the case in the messages below */
    }
  else
    shipment = clr_shipment_load_file (argv[1], &error);
  if (shipment == NULL)
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_USER;
    }

  if ((exit_code = clr_cli_open_store (ctx, &store)) != CLR_EXIT_OK)
    return exit_code;
  /* one shipment screens a few names: no neighbour table (unless benchmarking) */
  clr_store_set_few_screening_queries (store, repeat == 0);

  if (pack_path != NULL)
    pack = clr_rule_pack_new_from_file (pack_path, &error);
  else
    pack = clr_store_load_rule_pack (store, &error);
  if (pack == NULL)
    return clr_cli_fail (error);
  how.as_of = as_of;
  how.posture = posture;
  how.flags = trace ? CLR_EVALUATE_TRACE : CLR_EVALUATE_NONE;
  how.record = TRUE;
  result = clr_store_evaluate_with_pack (store, pack, shipment, &how, &error);
  if (result == NULL)
    {
      /* the store or the environment failed: say so as it is */
      if (error->domain != CLR_ENGINE_ERROR)
        return clr_cli_fail (error);
      clr_cli_error ("%s: %s", argv[1], error->message);
      return clr_cli_exit_code_for_error (error);
    }

  if (repeat > 0)
    {
      gint64 screening_us = 0;
      gint64 evaluation_us = 0;

      for (int i = 0; i < repeat; i++)
        {
          g_autoptr(JsonArray) s = NULL;
          g_autoptr(JsonArray) l = NULL;
          g_autoptr(JsonNode) r = NULL;
          gint64 t0 = g_get_monotonic_time ();
          gint64 t1;

          s = clr_store_screen_shipment_parties (store, shipment, &l, NULL);
          t1 = g_get_monotonic_time ();
          r = clr_evaluate (pack, shipment, s, l, as_of, posture, CLR_EVALUATE_NONE, NULL);
          screening_us += t1 - t0;
          evaluation_us += g_get_monotonic_time () - t1;
          g_assert (r != NULL);
        }
      g_printerr (_("evaluate: %d runs, %.3f ms per shipment (screening %.3f ms + rules %.3f ms)\n"), repeat,
                  (screening_us + evaluation_us) / 1000.0 / repeat, screening_us / 1000.0 / repeat,
                  evaluation_us / 1000.0 / repeat);
    }

  if (save || case_id > 0)
    {
      /* review: the result is saved on the case (audited; its hits linked) */
      if (save && case_id <= 0)
        {
          /* One transaction: the case and its result, or nothing. */
          case_id = clr_store_save_new_case_result (store, shipment, result, &error);
          if (case_id <= 0)
            return clr_cli_fail (error);
        }
      else if (!clr_store_save_case_result (store, case_id, result, &error))
        return clr_cli_fail (error);
      json_object_set_int_member (json_node_get_object (result), "case_id", case_id);
    }

  if (json)
    clr_cli_print_json (result);
  else
    {
      g_autofree char *text = clr_evaluation_to_text (result);

      g_print ("%s", text);
      if (case_id > 0)
        g_print (_("Case: %" PRId64 "\n"), case_id);
    }
  return CLR_EXIT_OK;
}
