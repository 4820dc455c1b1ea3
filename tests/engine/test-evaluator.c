/* test-evaluator.c — the determination table: shipments with expected verdicts
 * and citations (tests/engine/data/shipments/cases.json), run against the
 * bundled rule pack with screening hits given per case.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-test.h"
#include "clr-shipment.h"

static ClrRulePack *pack;
static GHashTable *fired;  /* rule ids that fired (any outcome) in some case */

/* Builds the shipment of a case: defaults, overridden by the case's fields. */
static JsonNode *
build_shipment (JsonObject *c)
{
  JsonObject *s = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const char *dest = json_object_get_string_member_with_default (c, "destination", "CN");
  static const char * const copy[] = { "date", "destination", "exported_from", "items", "parties", "end_use",
                                       "red_flags", "reference", NULL };

  json_object_set_string_member (s, "reference", json_object_get_string_member (c, "name"));
  json_object_set_string_member (s, "exported_from", "US");
  json_object_set_string_member (s, "destination", dest);
  if (!json_object_has_member (c, "parties"))
    {
      JsonArray *parties = json_array_new ();
      JsonObject *p = json_object_new ();

      json_object_set_string_member (p, "role", "end_user");
      json_object_set_string_member (p, "name", "Harbour Compute Ltd");
      json_object_set_string_member (p, "country", dest);
      json_object_set_string_member (p, "headquarters_country", dest);
      json_array_add_object_element (parties, p);
      json_object_set_array_member (s, "parties", parties);
    }
  for (guint i = 0; copy[i] != NULL; i++)
    if (json_object_has_member (c, copy[i]))
      {
        JsonNode *v = json_object_get_member (c, copy[i]);

        if (JSON_NODE_HOLDS_NULL (v))
          json_object_remove_member (s, copy[i]);
        else
          json_object_set_member (s, copy[i], json_node_copy (v));
      }
  json_node_take_object (node, s);
  /* the cases were written when an unanswered end-use question meant "no" */
  if (!json_object_get_boolean_member_with_default (c, "end_use_unanswered", FALSE))
    clr_test_answer_end_use_no (node);
  return node;
}

/* Screening: no hits for every party, plus the case's "hits"; NULL for "no_screening". */
static JsonArray *
build_screening (JsonObject *c,
                 JsonNode   *shipment)
{
  JsonArray *parties = json_object_get_array_member (json_node_get_object (shipment), "parties");
  JsonArray *hits = json_object_has_member (c, "hits") ? json_object_get_array_member (c, "hits") : NULL;
  JsonArray *screening;

  if (json_object_get_boolean_member_with_default (c, "no_screening", FALSE))
    return NULL;
  screening = json_array_new ();
  for (guint p = 0; p < json_array_get_length (parties); p++)
    {
      JsonObject *party = json_array_get_object_element (parties, p);
      JsonNode *parent = json_object_get_member (party, "ultimate_parent");

      for (int subject = 0; subject < 2; subject++)
        {
          JsonObject *e;
          JsonArray *h = json_array_new ();

          if (subject == 1 && parent == NULL)
            break;
          e = json_object_new ();
          json_object_set_int_member (e, "party", p);
          json_object_set_string_member (e, "subject", subject == 0 ? "party" : "ultimate_parent");
          json_object_set_string_member (e, "name", subject == 0 ? json_object_get_string_member (party, "name")
                                                                 : json_object_get_string_member (json_node_get_object (parent), "name"));
          for (guint k = 0; hits != NULL && k < json_array_get_length (hits); k++)
            {
              JsonObject *hit = json_array_get_object_element (hits, k);
              const char *hs = json_object_get_string_member_with_default (hit, "subject", "party");

              if (json_object_get_int_member_with_default (hit, "party", 0) == (gint64) p &&
                  g_strcmp0 (hs, subject == 0 ? "party" : "ultimate_parent") == 0)
                {
                  JsonNode *copy = json_node_copy (json_array_get_element (hits, k));

                  json_object_remove_member (json_node_get_object (copy), "party");
                  json_object_remove_member (json_node_get_object (copy), "subject");
                  if (!json_object_has_member (json_node_get_object (copy), "score"))
                    json_object_set_double_member (json_node_get_object (copy), "score", 0.97);
                  json_array_add_element (h, copy);
                }
            }
          json_object_set_array_member (e, "hits", h);
          json_array_add_object_element (screening, e);
        }
    }
  return screening;
}

static gboolean
has_finding (JsonArray  *findings,
             const char *rule,
             const char *outcome)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (f, "rule"), rule) == 0 &&
          (outcome == NULL || g_strcmp0 (json_object_get_string_member (f, "outcome"), outcome) == 0))
        return TRUE;
    }
  return FALSE;
}

/* Whether some finding's @member (a string) contains @want. */
static gboolean
finding_mentions (JsonArray  *findings,
                  const char *member,
                  const char *want)
{
  for (guint k = 0; k < json_array_get_length (findings); k++)
    if (strstr (json_object_get_string_member (json_array_get_object_element (findings, k), member), want) != NULL)
      return TRUE;
  return FALSE;
}

static char *
describe (JsonNode *result)
{
  g_autofree char *json = json_to_string (json_object_get_member (json_node_get_object (result), "findings"), TRUE);

  return g_strdup_printf ("verdict %s; findings %s",
                          json_object_get_string_member (json_node_get_object (result), "verdict"), json);
}

static void
fail_case (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static void
fail_case (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", message);
  g_test_fail ();
}

static void
test_case (gconstpointer data)
{
  JsonObject *c = (JsonObject *) data;
  g_autoptr(JsonNode) shipment = build_shipment (c);
  g_autoptr(JsonArray) screening = build_screening (c, shipment);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  ClrPosture posture = CLR_POSTURE_ENFORCEMENT;
  JsonObject *expect = json_object_get_object_member (c, "expect");
  JsonObject *r;
  JsonArray *findings;
  g_autofree char *what = NULL;

  if (json_object_has_member (c, "posture"))
    g_assert_true (clr_posture_from_string (json_object_get_string_member (c, "posture"), &posture, NULL));
  result = clr_evaluate (pack, shipment, screening, NULL,
                         json_object_get_string_member_with_default (c, "as_of", NULL), posture,
                         CLR_EVALUATE_TRACE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  r = json_node_get_object (result);
  findings = json_object_get_array_member (r, "findings");
  what = describe (result);

  /* every determination states its posture and date, and its tables' date */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (r, "data"),
                                                                                 "rule_pack"), "tables_as_of"), ==,
                   "2026-07-23");
  g_assert_cmpstr (json_object_get_string_member (r, "posture"), ==, clr_posture_to_string (posture));
  g_assert_cmpstr (json_object_get_string_member (r, "as_of"), ==,
                   json_object_get_string_member_with_default (c, "as_of", json_object_get_string_member (c, "date")));

  if (g_strcmp0 (json_object_get_string_member (r, "verdict"), json_object_get_string_member (expect, "verdict")) != 0)
    fail_case ("%s: expected verdict %s, got %s", json_object_get_string_member (c, "name"),
             json_object_get_string_member (expect, "verdict"), what);

  if (json_object_has_member (expect, "rules"))
    {
      JsonArray *rules = json_object_get_array_member (expect, "rules");

      for (guint i = 0; i < json_array_get_length (rules); i++)
        {
          g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (rules, i), "=", 2);

          if (!has_finding (findings, parts[0], parts[1]))
            fail_case ("%s: expected a finding of rule %s%s%s, got %s", json_object_get_string_member (c, "name"),
                     parts[0], parts[1] ? " with outcome " : "", parts[1] ? parts[1] : "", what);
        }
    }
  if (json_object_has_member (expect, "not_rules"))
    {
      JsonArray *rules = json_object_get_array_member (expect, "not_rules");

      for (guint i = 0; i < json_array_get_length (rules); i++)
        if (has_finding (findings, json_array_get_string_element (rules, i), NULL))
          fail_case ("%s: rule %s must not fire, got %s", json_object_get_string_member (c, "name"),
                   json_array_get_string_element (rules, i), what);
    }
  if (json_object_has_member (expect, "citations"))
    {
      JsonArray *cites = json_object_get_array_member (expect, "citations");

      for (guint i = 0; i < json_array_get_length (cites); i++)
        {
          const char *want = json_array_get_string_element (cites, i);

          if (!finding_mentions (findings, "citation", want))
            fail_case ("%s: expected a citation containing “%s”, got %s", json_object_get_string_member (c, "name"), want, what);
        }
    }
  if (json_object_has_member (expect, "exceptions"))
    {
      JsonArray *want = json_object_get_array_member (expect, "exceptions");
      JsonArray *got = json_object_get_array_member (r, "license_exceptions");

      g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (want));
      for (guint i = 0; i < json_array_get_length (want); i++)
        {
          JsonObject *e = json_array_get_object_element (got, i);
          g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (want, i), "@", 2);

          g_assert_cmpstr (json_object_get_string_member (e, "code"), ==, parts[0]);
          if (parts[1] != NULL)
            g_assert_nonnull (strstr (json_object_get_string_member (e, "citation"), parts[1]));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "conditions")), >, 0);
        }
    }
  if (json_object_has_member (expect, "policy"))
    {
      const char *want = json_object_get_string_member (expect, "policy");

      if (!finding_mentions (findings, "license_policy", want))
        fail_case ("%s: expected a license policy containing “%s”, got %s", json_object_get_string_member (c, "name"), want, what);
    }
  /* open potential matches put the shipment on hold (always stated) */
  {
    gboolean want_hold = json_object_get_boolean_member_with_default (expect, "on_hold", FALSE);
    gint64 want_open = json_object_get_int_member_with_default (expect, "open_matches", want_hold ? 1 : 0);

    g_assert_true (json_object_has_member (r, "on_hold"));
    if (json_object_get_boolean_member (r, "on_hold") != want_hold ||
        json_object_get_int_member (r, "open_matches") != want_open)
      fail_case ("%s: expected on_hold %d with %" G_GINT64_FORMAT " open matches, got %d with %" G_GINT64_FORMAT "; %s",
                 json_object_get_string_member (c, "name"), want_hold, want_open,
                 json_object_get_boolean_member (r, "on_hold"), json_object_get_int_member (r, "open_matches"), what);
  }
  /* "explanation" and "explains": a finding's explanation contains the text */
  if (json_object_has_member (expect, "explanation") || json_object_has_member (expect, "explains"))
    {
      const char *want = json_object_get_string_member (expect, json_object_has_member (expect, "explanation") ?
                                                                 "explanation" : "explains");

      if (!finding_mentions (findings, "explanation", want))
        fail_case ("%s: expected an explanation containing “%s”, got %s", json_object_get_string_member (c, "name"), want, what);
    }
  if (json_object_has_member (expect, "notes"))
    {
      /* the result says which dated table data it used */
      const char *want = json_object_get_string_member (expect, "notes");
      JsonArray *notes = json_object_get_array_member (r, "notes");
      g_autofree char *got = json_to_string (json_object_get_member (r, "notes"), FALSE);
      gboolean found = FALSE;

      for (guint k = 0; k < json_array_get_length (notes); k++)
        if (strstr (json_array_get_string_element (notes, k), want) != NULL)
          found = TRUE;
      if (!found)
        fail_case ("%s: expected a note containing “%s”, got notes %s", json_object_get_string_member (c, "name"), want, got);
    }
  if (json_object_has_member (expect, "not_notes"))
    {
      const char *unwanted = json_object_get_string_member (expect, "not_notes");
      JsonArray *notes = json_object_get_array_member (r, "notes");

      for (guint k = 0; k < json_array_get_length (notes); k++)
        if (strstr (json_array_get_string_element (notes, k), unwanted) != NULL)
          fail_case ("%s: unexpected note “%s”", json_object_get_string_member (c, "name"),
                     json_array_get_string_element (notes, k));
    }
  if (json_object_has_member (expect, "ask"))
    {
      g_autofree char *all = json_to_string (result, FALSE);

      g_assert_nonnull (strstr (all, json_object_get_string_member (expect, "ask")));
    }

  /* "derived": ["0:derived:3A090.a", "0:outside", "0:immaterial", "0:undecided"] */
  if (json_object_has_member (expect, "derived"))
    {
      JsonArray *want = json_object_get_array_member (expect, "derived");
      JsonArray *got = json_object_get_array_member (r, "derived");

      for (guint i = 0; i < json_array_get_length (want); i++)
        {
          g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (want, i), ":", 3);
          gboolean found = FALSE;

          for (guint k = 0; got != NULL && k < json_array_get_length (got); k++)
            {
              JsonObject *d = json_array_get_object_element (got, k);

              if (json_object_get_int_member (d, "item") == g_ascii_strtoll (parts[0], NULL, 10) &&
                  g_strcmp0 (json_object_get_string_member (d, "status"), parts[1]) == 0 &&
                  (parts[2] == NULL ||
                   g_strcmp0 (json_object_get_string_member_with_default (d, "eccn", ""), parts[2]) == 0))
                found = TRUE;
            }
          if (!found)
            {
              g_autofree char *all = got != NULL ? json_to_string (json_object_get_member (r, "derived"), FALSE) : g_strdup ("none");

              fail_case ("%s: expected derivation %s, got %s", json_object_get_string_member (c, "name"),
                         json_array_get_string_element (want, i), all);
            }
        }
    }
  if (json_object_has_member (expect, "note"))
    {
      g_autofree char *notes = json_to_string (json_object_get_member (r, "notes"), FALSE);

      if (strstr (notes, json_object_get_string_member (expect, "note")) == NULL)
        fail_case ("%s: expected a note containing “%s”, got %s", json_object_get_string_member (c, "name"),
                   json_object_get_string_member (expect, "note"), notes);
    }

  /* a caveat rule that holds "fires" without a finding */
  for (guint k = 0; json_object_has_member (r, "caveats") && k < json_array_get_length (json_object_get_array_member (r, "caveats")); k++)
    g_hash_table_add (fired, g_strdup (json_array_get_string_element (json_object_get_array_member (r, "caveats"), k)));

  /* every finding is complete: rule id, outcome, citation, title, explanation */
  for (guint k = 0; k < json_array_get_length (findings); k++)
    {
      JsonObject *f = json_array_get_object_element (findings, k);

      g_hash_table_add (fired, g_strdup (json_object_get_string_member (f, "rule")));

      g_assert_true (g_str_has_prefix (json_object_get_string_member (f, "citation"), "15 CFR") ||
                     g_str_has_prefix (json_object_get_string_member (f, "citation"), "31 CFR") ||
                     g_str_has_prefix (json_object_get_string_member (f, "citation"), "22 CFR") ||
                     g_str_has_prefix (json_object_get_string_member (f, "citation"), "E.O."));
      g_assert_cmpstr (json_object_get_string_member (f, "title"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (f, "explanation"), !=, "");
      g_assert_null (strstr (json_object_get_string_member (f, "explanation"), "{"));
      g_assert_true (json_object_has_member (f, "license_policy"));
      g_assert_true (json_object_has_member (f, "items"));
      g_assert_true (json_object_has_member (f, "parties"));
    }
  /* --trace covers every rule of the pack */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "trace")), >=, clr_rule_pack_get_n_rules (pack));
}

/* The table exercises every rule of the pack. */
static void
test_every_rule_covered (void)
{
  JsonArray *rules = json_object_get_array_member (clr_rule_pack_get_root (pack), "rules");

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (rules, i), "id");

      if (!g_hash_table_contains (fired, id))
        fail_case ("no case makes rule %s fire", id);
    }
}

static void
test_report_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_data (parser,
    "{\"date\": \"2025-06-01\", \"destination\": \"HK\", \"items\": [{\"eccn\": \"3A090.a\", \"tpp\": 15832,"
    " \"performance_density\": 19.6, \"datacenter\": true}], \"parties\": [{\"role\": \"end_user\", \"name\": \"Kowloon AI\","
    " \"headquarters_country\": \"HK\"}]}", -1, &error));
  result = clr_evaluate (pack, json_parser_get_root (parser), NULL, NULL, NULL, CLR_POSTURE_ENFORCEMENT,
                         CLR_EVALUATE_NONE, &error);
  g_assert_no_error (error);
  text = clr_evaluation_to_text (result);
  g_assert_true (g_str_has_prefix (text, "License required — as of 2025-06-01, enforcement posture"));
  g_assert_nonnull (strstr (text, "Hong Kong is treated as China"));
  g_assert_nonnull (strstr (text, "15 CFR 742.6(a)(6)(iii)"));
  g_assert_nonnull (strstr (text, "not possible: no restricted-party lists are loaded"));
}

/* Evaluates the shipment @text with no screening hits (lists loaded, empty). */
static JsonNode *
evaluate_unscreened (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (text);
  g_autoptr(JsonArray) screening = json_array_new ();
  JsonNode *result = clr_evaluate (pack, shipment, screening, NULL, NULL, CLR_POSTURE_ENFORCEMENT,
                                   CLR_EVALUATE_NONE, &error);

  g_assert_no_error (error);
  return result;
}

/* Evaluates a chair to Germany (nothing but the end use can matter) with
 * @end_use (a JSON object or "null"), no hits. */
static JsonNode *
evaluate_end_use (const char *end_use)
{
  g_autofree char *text = g_strdup_printf (
    "{\"date\": \"2025-06-01\", \"destination\": \"DE\", \"exported_from\": \"US\","
    " \"items\": [{\"eccn\": \"EAR99\", \"description\": \"office chair\"}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Moebel GmbH\", \"country\": \"DE\"}], \"end_use\": %s}", end_use);

  return evaluate_unscreened (text);
}

static JsonObject *
find_finding (JsonNode   *result,
              const char *rule)
{
  JsonArray *findings = json_object_get_array_member (json_node_get_object (result), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (findings, i), "rule"), rule) == 0)
      return json_array_get_object_element (findings, i);
  return NULL;
}

static const char *
end_use_answer (JsonNode   *result,
                const char *id)
{
  JsonArray *answers = json_object_get_array_member (json_node_get_object (result), "end_use_answers");

  for (guint i = 0; i < json_array_get_length (answers); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (answers, i), "id"), id) == 0)
      return json_object_get_string_member (json_array_get_object_element (answers, i), "answer");
  return NULL;
}

static void
test_end_use_answers (void)
{
  static const char all_no[] = "{\"answers\": {\"military\": false, \"military_intelligence\": false,"
    " \"supercomputer\": false, \"advanced_node_ic_production\": false, \"wmd\": false}}";
  g_autoptr(JsonNode) unanswered = evaluate_end_use ("null");
  g_autoptr(JsonNode) answered = evaluate_end_use (all_no);
  g_autoptr(JsonNode) not_known = evaluate_end_use ("{\"answers\": {\"military\": false, \"military_intelligence\": false,"
    " \"supercomputer\": false, \"advanced_node_ic_production\": false, \"wmd\": \"unknown\"}}");
  g_autoptr(JsonNode) old_yes = evaluate_end_use ("{\"categories\": [\"wmd\"]}");
  JsonObject *f;
  JsonArray *notes;
  gboolean noted = FALSE;

  /* unanswered: a missing fact in the officer's words, not "no" */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (unanswered), "verdict"), ==, "review");
  f = find_finding (unanswered, "wmd-744-2-4");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (json_object_get_string_member (f, "explanation"),
                            "State the end use — Is the item for nuclear, missile, chemical or biological weapons?"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (f, "ask"), 0), ==, "end_use.wmd");
  g_assert_cmpstr (end_use_answer (unanswered, "wmd"), ==, "not_answered");

  /* every question answered "no": Clear */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answered), "verdict"), ==, "clear");
  g_assert_cmpstr (end_use_answer (answered, "wmd"), ==, "no");

  /* "not known": never a silent Clear; recorded with what it means */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (not_known), "verdict"), ==, "review");
  f = find_finding (not_known, "wmd-744-2-4");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_object_get_string_member (f, "citation"), ==, "15 CFR 744.2, 744.3, 744.4");
  g_assert_nonnull (strstr (json_object_get_string_member (f, "explanation"),
                            "Not known: Is the item for nuclear, missile, chemical or biological weapons? "
                            "The determination assumes nothing about it (15 CFR 744.2, 744.3, 744.4); review needed."));
  g_assert_null (strstr (json_object_get_string_member (f, "explanation"), "State the end use"));
  g_assert_cmpstr (end_use_answer (not_known, "wmd"), ==, "not_known");
  notes = json_object_get_array_member (json_node_get_object (not_known), "notes");
  for (guint i = 0; i < json_array_get_length (notes); i++)
    noted |= g_str_has_prefix (json_array_get_string_element (notes, i), "End use not known — Is the item for nuclear");
  g_assert_true (noted);

  /* a document from before the answers: a stated category is a yes */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (old_yes), "verdict"), ==, "license_required");
  g_assert_cmpstr (end_use_answer (old_yes, "wmd"), ==, "yes");
}

static void
test_end_use_answers_refused (void)
{
  static const char * const bad[] = {
    "{\"answers\": {\"wmd\": \"maybe\"}}", "end_use.answers.wmd: must be true, false or “unknown”",
    "{\"answers\": {\"civil\": true}}", "end_use.answers.civil: not an end-use question of the rule pack",
    "{\"answers\": [true]}", "end_use.answers: must be an object",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i += 2)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf (
        "{\"date\": \"2025-06-01\", \"destination\": \"DE\", \"items\": [{\"eccn\": \"EAR99\"}],"
        " \"parties\": [{\"role\": \"end_user\", \"name\": \"A\"}], \"end_use\": %s}", bad[i]);
      g_autoptr(JsonNode) shipment = clr_test_parse (text);

      g_assert_false (clr_shipment_validate (pack, shipment, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i + 1]));
    }
}

/* A 3A991 processor with TPP 2,000 (an "advanced-computing-adjacent" item)
 * to a Chinese company, every end-use question answered "no"; @extra adds
 * end_use.categories. */
static JsonNode *
evaluate_3a991_to_china (const char *categories)
{
  g_autofree char *text = g_strdup_printf (
    "{\"date\": \"2025-06-01\", \"destination\": \"CN\", \"exported_from\": \"US\","
    " \"items\": [{\"eccn\": \"3A991\", \"description\": \"inference accelerator\", \"tpp\": 2000,"
    " \"performance_density\": 1.0, \"datacenter\": false}],"
    " \"parties\": [{\"role\": \"end_user\", \"name\": \"Beijing Example AI\", \"country\": \"CN\","
    "   \"headquarters_country\": \"CN\"}],"
    " \"end_use\": {\"categories\": %s, \"answers\": {\"military\": false, \"military_intelligence\": false,"
    "   \"supercomputer\": false, \"advanced_node_ic_production\": false, \"wmd\": false}}}", categories);

  return evaluate_unscreened (text);
}

static void
test_is_informed (void)
{
  g_autoptr(JsonNode) plain = evaluate_3a991_to_china ("[]");
  g_autoptr(JsonNode) informed = evaluate_3a991_to_china ("[\"bis_informed\"]");
  JsonObject *r = json_node_get_object (plain);
  JsonArray *notes = json_object_get_array_member (r, "notes");
  JsonObject *f;
  gboolean noted = FALSE;

  /* Clear, with the caveat that individual letters are not public rules */
  g_assert_cmpstr (json_object_get_string_member (r, "verdict"), ==, "clear");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (r, "caveats"), 0), ==,
                   "is-informed-caveat-ac-adjacent");
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      const char *note = json_array_get_string_element (notes, i);

      noted |= g_str_has_prefix (note, "Caveat — ") && strstr (note, "are not public rules") != NULL &&
               strstr (note, "3A991 (TPP 2000) to China") != NULL && strstr (note, "15 CFR 744.23(b)") != NULL;
    }
  g_assert_true (noted);
  g_assert_null (find_finding (plain, "is-informed-caveat-ac-adjacent"));

  /* informed by BIS: License required citing the "is informed" provision */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (informed), "verdict"), ==, "license_required");
  f = find_finding (informed, "is-informed-744-23b");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_object_get_string_member (f, "citation"), ==, "15 CFR 744.23(b)");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (informed), "caveats")), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  const char *name;
  guint total = 0;
  int ret;

  g_test_init (&argc, &argv, NULL);
  fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  pack = clr_rule_pack_new_bundled (&error);
  g_assert_no_error (error);
  /* cases.json and the topic tables beside it (cases-*.json) */
  path = g_test_build_filename (G_TEST_DIST, "engine", "data", "shipments", NULL);
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "cases") && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint f = 0; f < names->len; f++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, f), NULL);
      JsonParser *parser = json_parser_new ();
      JsonArray *cases;

      g_ptr_array_add (parsers, parser);
      g_assert_true (json_parser_load_from_file (parser, file, &error));
      g_assert_no_error (error);
      cases = json_node_get_array (json_parser_get_root (parser));
      total += json_array_get_length (cases);
      for (guint i = 0; i < json_array_get_length (cases); i++)
        {
          JsonObject *c = json_array_get_object_element (cases, i);
          g_autofree char *test = g_strdup_printf ("/evaluator/case/%s", json_object_get_string_member (c, "name"));

          g_test_add_data_func (test, c, test_case);
        }
    }
  g_assert_cmpuint (total, >=, 40);
  g_test_add_func ("/evaluator/report-text", test_report_text);
  g_test_add_func ("/evaluator/end-use/answers", test_end_use_answers);
  g_test_add_func ("/evaluator/end-use/answers-refused", test_end_use_answers_refused);
  g_test_add_func ("/evaluator/end-use/is-informed", test_is_informed);
  g_test_add_func ("/evaluator/zz/every-rule-covered", test_every_rule_covered);

  ret = g_test_run ();
  g_object_unref (pack);
  g_hash_table_unref (fired);
  return ret;
}
