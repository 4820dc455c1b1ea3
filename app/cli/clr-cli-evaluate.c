/* clr-cli-evaluate.c — clearance-cli evaluate: a shipment → a determination
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "clr-cli.h"
#include "clr-evaluator.h"
#include "clr-shipment.h"
#include "clr-store-rules.h"
#include "clr-store-cases.h"

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
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Evaluate as of DATE (default: the shipment's date)"), N_("DATE") },
    { "posture", 0, 0, G_OPTION_ARG_STRING, &posture_text, N_("enforcement (default: what BIS enforces) or cfr-text (the CFR as written)"), N_("POSTURE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result document as JSON"), NULL },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace, N_("Show for each rule why it fired or did not"), NULL },
    { "rule-pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_path, N_("Use the rule pack in FILE instead of the installed one (not stored)"), N_("FILE") },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Benchmark: screen and evaluate N more times and report the mean time"), N_("N") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Store the shipment as a case (its hits enter the review queue) and print the case id"), NULL },
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("Re-evaluate saved case ID with the current decisions (instead of FILE)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — determine whether a shipment can go, as of its date"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(ClrRulePack) pack = NULL;
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(JsonArray) lists = NULL;
  ClrPosture posture = CLR_POSTURE_ENFORCEMENT;
  ClrStore *store;
  int exit_code = CLR_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!clr_cli_parse_options (context, &argc, &argv))
    return CLR_EXIT_USAGE;
  if (case_id > 0 && argc == 1)
    argc = 0;  /* review: --case takes the shipment from the case, not a FILE */
  if (argc != 2 && argc != 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      clr_cli_error ("%s", _("evaluate needs exactly one shipment file"));
      g_printerr ("%s", help);
      return CLR_EXIT_USAGE;
    }
  if (posture_text != NULL && !clr_posture_from_string (posture_text, &posture, &error))
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_USAGE;
    }
  if (as_of != NULL && !clr_date_is_valid (as_of))
    {
      clr_cli_error (_("--as-of: “%s” is not a valid date (expected YYYY-MM-DD)"), as_of);
      return CLR_EXIT_USER;
    }
  if (repeat < 0)
    {
      clr_cli_error ("%s", _("--repeat needs a positive number"));
      return CLR_EXIT_USAGE;
    }

  if (argc == 0)
    {
      /* review: the shipment saved on the case */
      g_autoptr(ClrCase) saved = NULL;

      store = clr_cli_get_store (ctx, &exit_code);
      if (store == NULL)
        return exit_code;
      saved = clr_store_get_case (store, case_id, &error);
      if (saved == NULL)
        return clr_cli_fail (error);
      shipment = json_node_copy (saved->shipment);
      case_label = g_strdup_printf (_("case %" G_GINT64_FORMAT), case_id);
      argv[1] = case_label;  /* names the case in the messages below */
    }
  else
    shipment = clr_shipment_load_file (argv[1], &error);
  if (shipment == NULL)
    {
      clr_cli_error ("%s", error->message);
      return CLR_EXIT_USER;
    }

  store = clr_cli_get_store (ctx, &exit_code);
  if (store == NULL)
    return exit_code;

  if (pack_path != NULL)
    pack = clr_rule_pack_new_from_file (pack_path, &error);
  else
    pack = clr_store_load_rule_pack (store, &error);
  if (pack == NULL)
    return clr_cli_fail (error);
  if (!clr_shipment_validate (pack, shipment, &error))
    {
      clr_cli_error ("%s: %s", argv[1], error->message);
      return CLR_EXIT_USER;
    }

  screening = clr_store_screen_shipment_parties (store, shipment, &lists, &error);
  if (error != NULL)
    return clr_cli_fail (error);
  if (screening != NULL &&
      !clr_store_record_screening_decisions (store, screening, shipment, &error))
    return clr_cli_fail (error);

  result = clr_evaluate (pack, shipment, screening, lists, as_of, posture,
                         trace ? CLR_EVALUATE_TRACE : CLR_EVALUATE_NONE, &error);
  if (result == NULL)
    {
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
        g_print (_("Case: %" G_GINT64_FORMAT "\n"), case_id);
    }
  return CLR_EXIT_OK;
}
