/* clr-evaluator-derive.c — paragraph derivation: which paragraph of a stated ECCN the facts decide, and what follows from each
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
#include "clr-item-facts.h"

/* ---- paragraph derivation ------------------------------------------------ */

static void
derived_free (Derived *d)
{
  g_free (d->stated);
  g_free (d->derived);
  g_ptr_array_unref (d->candidates);
  g_ptr_array_unref (d->missing);
  g_free (d->basis);
  g_free (d->status);
  g_free (d);
}

static char *
derivation_basis (ClrDerivation *d,
                  JsonObject    *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; d->facts[i] != NULL; i++)
    {
      const char *fact = d->facts[i];
      JsonNode *node = json_object_get_member (item, fact);

      if (g_strcmp0 (fact, "datacenter") == 0)
        {
          const char *v = node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
                          json_node_get_value_type (node) != G_TYPE_BOOLEAN ? _("not stated")
                          : json_node_get_boolean (node) ? _("yes") : _("no");

          g_ptr_array_add (parts, g_strdup_printf (_("designed or marketed for data centers: %s"), v));
        }
      else
        {
          g_autofree char *v = _clr_eval_format_number (item, fact);
          const ClrItemFact *known = clr_item_fact_lookup (fact);
          const char *label = known != NULL ? _(known->phrase) : fact;

          g_ptr_array_add (parts, g_strdup_printf ("%s %s", label, v));
        }
    }
  return _clr_eval_join_strings (parts, ", ");
}

/* Decides, for every item whose stated ECCN a derivation refines, which
 * paragraph its facts give. Decided paragraphs are written into @shipment's
 * items (a copy of the user's document). */
GPtrArray *
_clr_eval_derive_paragraphs (ClrRulePack *pack,
                             JsonObject  *shipment,
                             const char  *date,
                             ClrPosture   posture)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) derived_free);
  GPtrArray *derivations = _clr_rule_pack_get_derivations (pack);
  JsonArray *items = json_object_get_array_member (shipment, "items");
  const char *from = clr_json_get_string (shipment, "exported_from");
  ClrExprEnv env = { 0 };

  env.pack = pack;
  env.date = date;
  env.posture = posture;
  env.shipment = shipment;
  env.destination = _clr_rule_pack_effective_country (pack, clr_rule_pack_lookup_country (pack, clr_json_get_string (shipment, "destination")));
  env.exported_from = from != NULL && *from != '\0' ? clr_rule_pack_lookup_country (pack, from) : NULL;
  env.party_index = -1;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = clr_json_array_get_object (items, i);
      const char *eccn = clr_json_get_string (item, "eccn");
      gboolean done = FALSE;

      for (guint k = 0; !done && eccn != NULL && k < derivations->len; k++)
        {
          ClrDerivation *d = g_ptr_array_index (derivations, k);

          if (!clr_date_in_range (date, d->from, d->until))
            continue;
          for (guint t = 0; !done && t < d->targets->len; t++)
            {
              ClrDerivationTarget *target = g_ptr_array_index (d->targets, t);
              Derived *r;
              ClrDerivationOutcome *only = NULL;
              const char *only_suffix = NULL;

              if (!clr_eccn_match_at_depth (eccn, target->eccn))
                continue;
              done = TRUE;
              r = g_new0 (Derived, 1);
              r->item = i;
              r->derivation = d;
              r->stated = g_strdup (eccn);
              r->candidates = g_ptr_array_new_with_free_func (g_free);
              r->missing = g_ptr_array_new_with_free_func (g_free);
              r->basis = derivation_basis (d, item);
              env.item = item;
              env.item_index = i;
              for (guint o = 0; o < d->outcomes->len; o++)
                {
                  ClrDerivationOutcome *oc = g_ptr_array_index (d->outcomes, o);
                  const char *suffix = g_hash_table_lookup (target->suffixes, oc->id);
                  ClrTri v = clr_expr_eval (oc->condition, &env, r->missing, NULL);

                  if (v == CLR_TRI_TRUE && r->outcome == NULL)
                    r->outcome = oc;
                  if (v != CLR_TRI_FALSE && suffix != NULL)
                    {
                      g_autofree char *candidate = g_strconcat (eccn, suffix, NULL);

                      if (r->candidates->len == 0 || g_strcmp0 (only_suffix, suffix) != 0)
                        only = oc;
                      only_suffix = suffix;
                      _clr_eval_strings_add_unique (r->candidates, candidate);
                    }
                }
              /* The stated entry is one of its paragraphs: when the facts
               * rule out all but one, that one is the item's. */
              if (r->outcome == NULL && r->candidates->len == 1)
                r->outcome = only;
              if (r->outcome != NULL)
                {
                  const char *suffix = g_hash_table_lookup (target->suffixes, r->outcome->id);

                  g_ptr_array_set_size (r->candidates, 0);
                  g_ptr_array_set_size (r->missing, 0);
                  if (suffix != NULL)
                    {
                      r->derived = g_strconcat (eccn, suffix, NULL);
                      r->status = g_strdup ("derived");
                      json_object_set_string_member (item, "eccn", r->derived);
                    }
                  else
                    r->status = g_strdup ("outside");
                }
              else
                r->status = g_strdup ("undecided");
              g_ptr_array_add (out, r);
            }
        }
    }
  return out;
}

static char *
replace_all (const char *text,
             const char *key,
             const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, key, -1);

  return g_strjoinv (value, parts);
}

/* Adds what the derivation decided to the result: the "derived" array, a
 * note per item, the derivation in the explanation of every finding about
 * the item, and a finding when the facts put the item outside the stated
 * entry's paragraphs. */
void
_clr_eval_report_derivations (JsonNode  *result,
                              GPtrArray *derived)
{
  JsonObject *r = json_node_get_object (result);
  JsonArray *findings = json_object_get_array_member (r, "findings");
  JsonArray *notes = json_object_get_array_member (r, "notes");
  JsonArray *out = json_array_new ();
  const char *verdict = clr_json_get_string (r, "verdict");

  for (guint k = 0; k < derived->len; k++)
    {
      Derived *d = g_ptr_array_index (derived, k);
      JsonObject *o = json_object_new ();
      JsonArray *facts = json_array_new ();
      g_autofree char *note = NULL;

      json_object_set_int_member (o, "item", d->item);
      json_object_set_string_member (o, "stated", d->stated);
      json_object_set_string_member (o, "status", d->status);
      if (d->derived != NULL)
        json_object_set_string_member (o, "eccn", d->derived);
      if (d->outcome != NULL)
        json_object_set_string_member (o, "paragraph", d->outcome->label);
      json_object_set_string_member (o, "basis", d->basis);
      json_object_set_string_member (o, "citation", d->derivation->citation);
      for (guint f = 0; d->derivation->facts[f] != NULL; f++)
        json_array_add_string_element (facts, d->derivation->facts[f]);
      json_object_set_array_member (o, "facts", facts);
      if (d->candidates->len > 0)
        {
          JsonArray *c = json_array_new ();

          for (guint f = 0; f < d->candidates->len; f++)
            json_array_add_string_element (c, g_ptr_array_index (d->candidates, f));
          json_object_set_array_member (o, "candidates", c);
        }
      json_array_add_object_element (out, o);

      if (g_strcmp0 (d->status, "derived") == 0)
        {
          note = g_strdup_printf (_("Item %d: %s stated; the paragraph was derived from the item's facts (%s): %s — %s (%s)."),
                                  d->item, d->stated, d->basis, d->derived, d->outcome->label, d->derivation->citation);
          for (guint f = 0; f < json_array_get_length (findings); f++)
            {
              JsonObject *finding = clr_json_array_get_object (findings, f);
              JsonArray *fi = json_object_get_array_member (finding, "items");
              gboolean about = FALSE;

              for (guint n = 0; fi != NULL && n < json_array_get_length (fi); n++)
                about = about || json_array_get_int_element (fi, n) == d->item;
              if (about)
                {
                  g_autofree char *more = g_strdup_printf (_("%s (Item %d: %s derived from %s.)"),
                                                           clr_json_get_string (finding, "explanation"), d->item,
                                                           d->derived, d->basis);

                  json_object_set_string_member (finding, "explanation", more);
                }
            }
        }
      else if (g_strcmp0 (d->status, "immaterial") == 0)
        {
          g_autofree char *cands = _clr_eval_join_strings (d->candidates, ", ");
          g_autofree char *facts_missing = _clr_eval_join_strings (d->missing, ", ");

          note = g_strdup_printf (_("Item %d: %s stated; its facts (%s) do not decide between %s, and the verdict is the same "
                                    "for each, so %s is not needed for this shipment. The findings assume %s."),
                                  d->item, d->stated, d->basis, cands, facts_missing,
                                  (const char *) g_ptr_array_index (d->candidates, 0));
        }
      else if (g_strcmp0 (d->status, "outside") == 0 && d->outcome->outcome != NULL)
        {
          JsonObject *finding = json_object_new ();
          JsonArray *fi = json_array_new ();
          g_autofree char *e1 = replace_all (d->outcome->explanation, "{eccn}", d->stated);
          g_autofree char *e2 = replace_all (e1, "{basis}", d->basis);
          JsonArray *sorted = json_array_new ();
          gboolean placed = FALSE;

          json_object_set_string_member (finding, "rule", d->derivation->id);
          json_object_set_string_member (finding, "outcome", d->outcome->outcome);
          json_object_set_string_member (finding, "citation", d->derivation->citation);
          json_object_set_string_member (finding, "title", d->derivation->title);
          json_object_set_string_member (finding, "explanation", e2);
          json_object_set_string_member (finding, "license_policy", "");
          json_array_add_int_element (fi, d->item);
          json_object_set_array_member (finding, "items", fi);
          json_object_set_array_member (finding, "parties", json_array_new ());
          /* keep the findings strongest first */
          for (guint f = 0; f < json_array_get_length (findings); f++)
            {
              JsonObject *other = clr_json_array_get_object (findings, f);

              if (!placed && clr_verdict_rank (clr_json_get_string (other, "outcome")) < clr_verdict_rank (d->outcome->outcome))
                {
                  json_array_add_object_element (sorted, json_object_ref (finding));
                  placed = TRUE;
                }
              json_array_add_object_element (sorted, json_object_ref (other));
            }
          if (!placed)
            json_array_add_object_element (sorted, json_object_ref (finding));
          json_object_unref (finding);
          json_object_set_array_member (r, "findings", sorted);
          findings = sorted;
          if (clr_verdict_rank (d->outcome->outcome) > clr_verdict_rank (verdict))
            {
              json_object_set_string_member (r, "verdict", d->outcome->outcome);
              verdict = clr_json_get_string (r, "verdict");
            }
          note = g_strdup_printf (_("Item %d: %s stated, but its facts (%s) give %s."), d->item, d->stated, d->basis,
                                  d->outcome->label);
        }
      else if (g_strcmp0 (d->status, "undecided") == 0 && d->candidates->len > 0)
        {
          g_autofree char *cands = _clr_eval_join_strings (d->candidates, ", ");
          g_autofree char *facts_missing = _clr_eval_join_strings (d->missing, ", ");

          note = g_strdup_printf (_("Item %d: %s stated; its paragraph (%s) changes the verdict and is not decided by the "
                                    "facts given (%s): state %s."),
                                  d->item, d->stated, cands, d->basis, facts_missing);
        }
      if (note != NULL)
        json_array_add_string_element (notes, note);
    }
  json_object_set_array_member (r, "derived", out);
}
