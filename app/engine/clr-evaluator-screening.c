/* clr-evaluator-screening.c — parties and screening: list hits → findings with the pack's list consequences
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the determination (clr-evaluator.c); nothing regulatory is decided
 * here, it all comes from the rule pack.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-evaluator-private.h"

/* ---- screening ---------------------------------------------------------- */

static char *
squash_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The country the party was screened with: the screening element's own,
 * else the shipment party's. */
static const char *
screened_country (Eval       *ev,
                  JsonObject *element,
                  int         party)
{
  const char *country = clr_json_get_string (element, "country");

  if (country == NULL && party >= 0 && (guint) party < json_array_get_length (ev->parties))
    country = clr_json_get_string (clr_json_array_get_object (ev->parties, party), "country");
  return country != NULL && *country != '\0' ? country : NULL;
}

/* An exact hit: the listed name or alias itself (name score 1.0; the score
 * when the hit has no name score), and no country that disagrees (the
 * party's country is not among the entry's, when both are known). */
static gboolean
hit_is_exact (JsonObject *hit,
              const char *country)
{
  double name_score = json_object_get_double_member_with_default (
    hit, json_object_has_member (hit, "name_score") ? "name_score" : "score", 0);
  JsonArray *countries = clr_json_get_array (hit, "countries");
  guint n = countries != NULL ? json_array_get_length (countries) : 0;

  if (name_score < 1.0 - 1e-9)
    return FALSE;
  if (country == NULL || n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (clr_json_array_get_string (countries, i) ?: "", country) == 0)
      return TRUE;
  return FALSE;
}

/* Why a hit is only a potential match, for {match_note}: its name score,
 * or the countries that disagree. */
static char *
match_note (JsonObject *hit,
            const char *country)
{
  double name_score = json_object_get_double_member_with_default (
    hit, json_object_has_member (hit, "name_score") ? "name_score" : "score", 0);
  double score = json_object_get_double_member_with_default (hit, "score", name_score);
  JsonArray *countries = clr_json_get_array (hit, "countries");
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();

  /* The score the app and the review queue show, in their format. */
  if (name_score < 1.0 - 1e-9 || country == NULL || countries == NULL)
    /* Translators: why a hit is only a potential match; %.0f %% is its score in percent, as the app shows it */
    return g_strdup_printf (_("score %.0f %%, not an exact match"), score * 100);
  for (guint i = 0; i < json_array_get_length (countries); i++)
    if (clr_json_array_get_string (countries, i) != NULL)
      g_ptr_array_add (listed, (gpointer) clr_json_array_get_string (countries, i));
  g_ptr_array_add (listed, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) listed->pdata);

    return g_strdup_printf (_("the exact name, but the party is in %s and the entry in %s"), country, joined);
  }
}

/* Does a list consequence's "item_scope" reach any item (with @party bound)?
 * TRUE when the consequence has no scope. Items reached are added to @items. */
static ClrTri
list_item_scope (Eval       *ev,
                 const char *canonical,
                 int         party,
                 GArray     *items,
                 GPtrArray  *missing)
{
  ClrExpr *scope = _clr_rule_pack_get_list_item_scope (ev->pack, canonical);
  ClrTri result = CLR_TRI_FALSE;

  if (scope == NULL)
    return CLR_TRI_TRUE;
  for (guint i = 0; i < json_array_get_length (ev->items); i++)
    {
      ClrTri t;

      ev->env.item = clr_json_array_get_object (ev->items, i);
      ev->env.item_index = i;
      ev->env.party = party >= 0 ? clr_json_array_get_object (ev->parties, party) : NULL;
      ev->env.party_index = party;
      t = clr_expr_eval (scope, &ev->env, missing, NULL);
      if (t == CLR_TRI_TRUE)
        {
          _clr_eval_array_add_unique (items, i);
          result = CLR_TRI_TRUE;
        }
      else if (t == CLR_TRI_UNKNOWN && result == CLR_TRI_FALSE)
        result = CLR_TRI_UNKNOWN;
    }
  ev->env.item = NULL;
  ev->env.item_index = -1;
  ev->env.party = NULL;
  ev->env.party_index = -1;
  return result;
}

void
_clr_eval_screening (Eval    *ev,
                     ClrRule *rule)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GHashTable) grouped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  gboolean any = FALSE;

  if (ev->env.screening == NULL)
    {
      Finding *f = _clr_eval_finding_new (rule, "review");

      f->explanation = g_strdup (rule->explanation);
      g_ptr_array_add (f->ask, g_strdup ("screening"));
      for (guint p = 0; p < json_array_get_length (ev->parties); p++)
        _clr_eval_array_add_unique (f->parties, p);
      g_ptr_array_add (ev->findings, f);
      _clr_eval_trace_rule (ev, rule->id, "unknown", "screening was not possible: no lists loaded");
      return;
    }

  for (guint s = 0; s < json_array_get_length (ev->env.screening); s++)
    {
      JsonObject *entry = clr_json_array_get_object (ev->env.screening, s);
      JsonArray *hits = entry != NULL && json_object_has_member (entry, "hits") ?
                        json_object_get_array_member (entry, "hits") : NULL;
      int party = entry != NULL ? json_object_get_int_member_with_default (entry, "party", -1) : -1;
      const char *subject = clr_json_get_string (entry, "subject") ?: "party";

      if (hits == NULL)
        continue;
      for (guint h = 0; h < json_array_get_length (hits); h++)
        {
          JsonObject *hit = clr_json_array_get_object (hits, h);
          const char *decision = clr_json_get_string (hit, "decision") ?: "open";
          const char *code = clr_hit_list_code (hit);
          const char *canonical = NULL;
          JsonObject *consequence;
          JsonObject *potential;
          const char *country;
          gboolean exact;
          Finding *f;
          g_autoptr(GHashTable) extra = NULL;
          g_autofree char *explanation = NULL;
          JsonArray *footnotes;
          g_autofree char *requirement = NULL;
          g_autoptr(GPtrArray) scope_missing = g_ptr_array_new_with_free_func (g_free);
          ClrTri scope;

          if (hit == NULL)
            continue;
          if (strcmp (decision, "no_match") == 0)
            {
              g_string_append_printf (detail, "party %d: hit on %s “%s” decided not a match; ", party, code ?: "?",
                                      clr_json_get_string (hit, "name") ?: "");
              continue;
            }
          if (strcmp (subject, "party") != 0)
            {
              g_string_append_printf (detail, "party %d's ultimate parent matches %s “%s” (see the affiliates rules); ",
                                      party, code ?: "?", clr_json_get_string (hit, "name") ?: "");
              continue;
            }
          consequence = _clr_rule_pack_get_list_consequence (ev->pack, code, &canonical);
          country = screened_country (ev, entry, party);
          exact = hit_is_exact (hit, country);
          /* The pack's potential_match policy: an open (or escalated) hit that
           * is not exact waits for a reviewer's decision instead of taking
           * the list's consequence; a confirmed or exact one takes it. */
          potential = strcmp (decision, "match") != 0 && !exact ?
                      clr_json_get_object (consequence, "potential_match") : NULL;
          if (potential != NULL)
            ev->open_matches++;
          {
            /* one finding per party, list and state: the best hit, the others named */
            g_autofree char *key = g_strdup_printf ("%d/%s/%s", party, canonical ?: "?",
                                                    potential != NULL ? "potential" : "match");
            Finding *existing = g_hash_table_lookup (grouped, key);

            if (existing != NULL)
              {
                GPtrArray *names = g_hash_table_lookup (others, existing);

                if (names == NULL)
                  {
                    names = g_ptr_array_new_with_free_func (g_free);
                    g_hash_table_insert (others, existing, names);
                  }
                _clr_eval_strings_add_unique (names, clr_json_get_string (hit, "name") ?: "?");
                g_string_append_printf (detail, "party %d also matches %s “%s” (%s%s); ", party, canonical ?: "?",
                                        clr_json_get_string (hit, "name") ?: "", decision,
                                        potential != NULL ? ", on hold" : exact ? ", exact" : "");
                continue;
              }
            f = _clr_eval_finding_new (rule, clr_json_get_string (potential != NULL ? potential : consequence, "outcome"));
            g_hash_table_insert (grouped, g_steal_pointer (&key), f);
          }
          scope = list_item_scope (ev, canonical, party, f->items, scope_missing);
          f->list = g_strdup (canonical ?: "?");
          f->on_hold = potential != NULL;
          g_free (f->title);
          if (potential != NULL && clr_json_get_string (potential, "title") != NULL)
            f->title = g_strdup (clr_json_get_string (potential, "title"));
          else
            f->title = g_strdup_printf (_("%s match"), clr_json_get_string (consequence, "title") ?: f->list);
          g_free (f->citation);
          f->citation = g_strdup (clr_json_get_string (consequence, "citation"));
          f->blocks_exceptions = json_object_get_boolean_member_with_default (
            potential != NULL && json_object_has_member (potential, "blocks_exceptions") ? potential : consequence,
            "blocks_exceptions", FALSE);
          if (party >= 0)
            _clr_eval_array_add_unique (f->parties, party);

          extra = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_hash_table_insert (extra, (gpointer) "entry", g_strdup (clr_json_get_string (hit, "name") ?: clr_json_get_string (hit, "matched_name") ?: "?"));
          g_hash_table_insert (extra, (gpointer) "list", g_strdup (f->list));
          g_hash_table_insert (extra, (gpointer) "entry_policy", g_strdup (clr_json_get_string (hit, "license_policy") ?: _("not stated in the list")));
          g_hash_table_insert (extra, (gpointer) "entry_requirement", g_strdup (clr_json_get_string (hit, "license_requirement") ?: _("not stated in the list")));
          g_hash_table_insert (extra, (gpointer) "score",
                               g_strdup_printf ("%.3f", json_object_get_double_member_with_default (hit, "score", 0)));
          g_hash_table_insert (extra, (gpointer) "decision", g_strdup (decision));
          g_hash_table_insert (extra, (gpointer) "match_note", match_note (hit, country));
          explanation = _clr_eval_expand (ev, clr_json_get_string (potential != NULL ? potential : consequence, "explanation"), f, extra);

          if (json_object_get_boolean_member_with_default (consequence, "use_entry_policy", FALSE))
            {
              g_free (f->license_policy);
              f->license_policy = g_strdup (clr_json_get_string (hit, "license_policy") ?: clr_json_get_string (consequence, "license_policy"));
            }
          else
            {
              g_free (f->license_policy);
              f->license_policy = g_strdup (clr_json_get_string (consequence, "license_policy") ?: "");
            }

          /* Entity List footnotes, recognised from the entry's license requirement text */
          footnotes = json_object_has_member (consequence, "footnotes") ?
                      json_object_get_array_member (consequence, "footnotes") : NULL;
          requirement = squash_spaces (clr_json_get_string (hit, "license_requirement"));
          for (guint n = 0; footnotes != NULL && n < json_array_get_length (footnotes); n++)
            {
              JsonObject *fn = clr_json_array_get_object (footnotes, n);
              JsonArray *match = fn != NULL ? json_object_get_array_member (fn, "match") : NULL;

              for (guint m = 0; match != NULL && m < json_array_get_length (match); m++)
                {
                  g_autofree char *needle = squash_spaces (clr_json_array_get_string (match, m));

                  if (needle[0] != '\0' && strstr (requirement, needle) != NULL)
                    {
                      g_autofree char *more = g_strdup_printf ("%s %s", explanation, clr_json_get_string (fn, "text"));
                      g_autofree char *cite = g_strdup_printf ("%s; %s", f->citation, clr_json_get_string (fn, "citation"));

                      g_free (explanation);
                      explanation = g_steal_pointer (&more);
                      g_free (f->citation);
                      f->citation = g_steal_pointer (&cite);
                      break;
                    }
                }
            }
          if (strcmp (decision, "match") != 0 && potential == NULL)
            {
              double score = json_object_get_double_member_with_default (hit, "score", 0);
              g_autofree char *more = g_strdup_printf (_("%s This is a potential match (score %.2f, decision: %s): it counts "
                                                         "as a match until a reviewer decides it is not one."),
                                                       explanation, score, decision);

              g_free (explanation);
              explanation = g_steal_pointer (&more);
            }
          if (scope == CLR_TRI_FALSE)
            {
              /* The listing reaches none of the items (MEU List: Supp. No. 2 to part 744 items only) */
              JsonObject *oos = json_object_get_object_member (consequence, "out_of_scope");
              g_autofree char *more = g_strdup_printf ("%s %s", explanation, clr_json_get_string (oos, "explanation"));

              g_free (explanation);
              explanation = g_steal_pointer (&more);
              g_free (f->outcome);
              f->outcome = g_strdup (clr_json_get_string (oos, "outcome"));
              f->blocks_exceptions = FALSE;
              g_free (f->license_policy);
              f->license_policy = g_strdup ("");
              g_array_set_size (f->items, 0);
              if (f->on_hold)
                {
                  /* nothing to wait for: confirmed or not, the listing reaches none of the items */
                  f->on_hold = FALSE;
                  ev->open_matches--;
                }
            }
          else if (scope == CLR_TRI_UNKNOWN && g_strcmp0 (f->outcome, "license_required") == 0)
            {
              g_autofree char *facts = _clr_eval_join_strings (scope_missing, ", ");
              g_autofree char *more = g_strdup_printf (_("%s Whether the listing reaches the items depends on: %s."),
                                                       explanation, facts);

              g_free (explanation);
              explanation = g_steal_pointer (&more);
              g_free (f->outcome);
              f->outcome = g_strdup ("review");
              for (guint m = 0; m < scope_missing->len; m++)
                _clr_eval_strings_add_unique (f->ask, g_ptr_array_index (scope_missing, m));
            }
          f->explanation = g_steal_pointer (&explanation);
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
          g_string_append_printf (detail, "party %d matches %s “%s” (%s%s); ", party, f->list,
                                  clr_json_get_string (hit, "name") ?: "", decision,
                                  potential != NULL ? ", on hold" : exact ? ", exact" : "");
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, others);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        Finding *f = key;
        g_autofree char *names = _clr_eval_join_strings (value, "; ");
        g_autofree char *more = g_strdup_printf (_("%s Other potential matches on this list: %s."), f->explanation, names);

        g_free (f->explanation);
        f->explanation = g_steal_pointer (&more);
      }
  }
  _clr_eval_trace_rule (ev, rule->id, any ? "fired" : "not_fired", detail->len > 0 ? detail->str : "no hits");
}
