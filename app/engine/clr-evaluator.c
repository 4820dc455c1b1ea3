/* clr-evaluator.c — the determination: shipment + screening + rule pack → verdict
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing regulatory is decided here: which rules exist, their dates, their
 * conditions, outcomes, policies and wording all come from the rule pack. This
 * file only walks the rules, binds items and parties, derives Country Chart
 * reasons from the pack's tables, applies the pack's list consequences to
 * screening hits and combines the outcomes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-evaluator-private.h"
#include "clr-json.h"
#include "clr-shipment.h"


static void
finding_free (Finding *f)
{
  g_free (f->outcome);
  g_free (f->citation);
  g_free (f->title);
  g_free (f->explanation);
  g_free (f->license_policy);
  g_array_unref (f->items);
  g_array_unref (f->parties);
  g_ptr_array_unref (f->ask);
  g_free (f->list);
  g_free (f->license_exception);
  g_free (f->exception_note);
  g_ptr_array_unref (f->reasons);
  g_free (f);
}

Finding *
_clr_eval_finding_new (ClrRule    *rule,
                       const char *outcome)
{
  Finding *f = g_new0 (Finding, 1);

  f->rule = rule;
  f->outcome = g_strdup (outcome);
  f->citation = g_strdup (rule->citation);
  f->title = g_strdup (rule->title);
  f->license_policy = g_strdup (rule->license_policy);
  f->items = g_array_new (FALSE, FALSE, sizeof (int));
  f->parties = g_array_new (FALSE, FALSE, sizeof (int));
  f->ask = g_ptr_array_new_with_free_func (g_free);
  f->reasons = g_ptr_array_new_with_free_func (g_free);
  f->blocks_exceptions = rule->blocks_exceptions;
  return f;
}

/* ---- small helpers ------------------------------------------------------ */

void
_clr_eval_array_add_unique (GArray *array,
                            int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return;
  g_array_append_val (array, value);
}

void
_clr_eval_strings_add_unique (GPtrArray  *array,
                              const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return;
  g_ptr_array_add (array, g_strdup (value));
}

/* ---- end-use questions ----------------------------------------------------- */

/* What to ask when only end-use answers are missing: the question in the
 * pack's words ("State the end use — …"), or, for a "not known" answer, that
 * the determination assumes nothing about it; otherwise the rule's ask. */
static char *
end_use_ask_text (Eval      *ev,
                  ClrRule   *rule,
                  GPtrArray *missing)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint m = 0; m < missing->len; m++)
    {
      const char *fact = g_ptr_array_index (missing, m);
      g_autofree char *id = NULL;
      JsonObject *category;
      gboolean not_known;

      if (!g_str_has_prefix (fact, "end_use."))
        return _clr_eval_ask_text (rule, missing);
      id = g_strdup (fact + strlen ("end_use."));
      not_known = _clr_rule_pack_end_use_answer (ev->pack, clr_json_get_object (ev->shipment, "end_use"), id)
                  == CLR_END_USE_NOT_KNOWN;
      category = _clr_rule_pack_get_end_use (ev->pack, id);
      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (not_known)
        g_string_append_printf (s, _("Not known: %s The determination assumes nothing about it (%s); review needed."),
                                clr_json_get_string (category, "question"), clr_json_get_string (category, "citation"));
      else
        g_string_append_printf (s, _("State the end use — %s"), clr_json_get_string (category, "question"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The answers to the pack's end-use questions, for the result; a "not known"
 * answer is also a note saying what it means. */
static void
add_end_use_answers (Eval        *ev,
                     JsonBuilder *b)
{
  JsonArray *categories = clr_json_get_array (clr_rule_pack_get_root (ev->pack), "end_use_categories");
  JsonObject *end_use = clr_json_get_object (ev->shipment, "end_use");
  static const char * const words[] = { "no", "yes", "not_known", "not_answered" };

  json_builder_set_member_name (b, "end_use_answers");
  json_builder_begin_array (b);
  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      JsonObject *c = clr_json_array_get_object (categories, i);
      const char *id = clr_json_get_string (c, "id");
      ClrEndUseAnswer a;

      if (!json_object_has_member (c, "question"))
        continue;
      a = _clr_rule_pack_end_use_answer (ev->pack, end_use, id);
      json_builder_begin_object (b);
      clr_json_add_string (b, "id", id);
      clr_json_add_string (b, "question", clr_json_get_string (c, "question"));
      clr_json_add_string (b, "citation", clr_json_get_string (c, "citation"));
      clr_json_add_string (b, "answer", words[a]);
      if (a == CLR_END_USE_NOT_KNOWN)
        clr_json_add_string (b, "meaning", clr_json_get_string (c, "not_known"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_end_use_notes (Eval *ev)
{
  JsonArray *categories = clr_json_get_array (clr_rule_pack_get_root (ev->pack), "end_use_categories");
  JsonObject *end_use = clr_json_get_object (ev->shipment, "end_use");

  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      JsonObject *c = clr_json_array_get_object (categories, i);

      if (json_object_has_member (c, "question") &&
          _clr_rule_pack_end_use_answer (ev->pack, end_use, clr_json_get_string (c, "id")) == CLR_END_USE_NOT_KNOWN)
        g_ptr_array_add (ev->notes, g_strdup_printf (_("End use not known — %s %s"),
                                                     clr_json_get_string (c, "question"),
                                                     clr_json_get_string (c, "not_known")));
    }
}

/* ---- condition rules ---------------------------------------------------- */

static void
eval_condition_rule (Eval    *ev,
                     ClrRule *rule)
{
  guint uses = clr_expr_get_uses (rule->condition);
  int n_items = (uses & CLR_EXPR_USES_ITEM) ? (int) json_array_get_length (ev->items) : 1;
  int n_parties = (uses & CLR_EXPR_USES_PARTY) ? (int) json_array_get_length (ev->parties) : 1;
  Finding *fired = NULL;
  Finding *unknown = NULL;
  g_autoptr(GPtrArray) all_missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) detail = g_string_new (NULL);

  for (int i = 0; i < n_items; i++)
    for (int p = 0; p < n_parties; p++)
      {
        g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
        GString *trace = ev->trace != NULL ? g_string_new (NULL) : NULL;
        ClrTri t;

        ev->env.item = (uses & CLR_EXPR_USES_ITEM) ? clr_json_array_get_object (ev->items, i) : NULL;
        ev->env.item_index = (uses & CLR_EXPR_USES_ITEM) ? i : -1;
        ev->env.party = (uses & CLR_EXPR_USES_PARTY) ? clr_json_array_get_object (ev->parties, p) : NULL;
        ev->env.party_index = (uses & CLR_EXPR_USES_PARTY) ? p : -1;
        t = clr_expr_eval (rule->condition, &ev->env, missing, trace);
        if (trace != NULL)
          {
            if (detail->len > 0)
              g_string_append (detail, " | ");
            if (uses & CLR_EXPR_USES_ITEM)
              g_string_append_printf (detail, "items[%d] ", i);
            if (uses & CLR_EXPR_USES_PARTY)
              g_string_append_printf (detail, "parties[%d] ", p);
            g_string_append (detail, trace->str);
            g_string_free (trace, TRUE);
          }
        if (t == CLR_TRI_TRUE)
          {
            if (fired == NULL)
              fired = _clr_eval_finding_new (rule, rule->outcome);
            if (uses & CLR_EXPR_USES_ITEM)
              _clr_eval_array_add_unique (fired->items, i);
            if (uses & CLR_EXPR_USES_PARTY)
              _clr_eval_array_add_unique (fired->parties, p);
          }
        else if (t == CLR_TRI_UNKNOWN)
          {
            if (unknown == NULL)
              unknown = _clr_eval_finding_new (rule, "review");
            if (uses & CLR_EXPR_USES_ITEM)
              _clr_eval_array_add_unique (unknown->items, i);
            if (uses & CLR_EXPR_USES_PARTY)
              _clr_eval_array_add_unique (unknown->parties, p);
            for (guint m = 0; m < missing->len; m++)
              _clr_eval_strings_add_unique (all_missing, g_ptr_array_index (missing, m));
          }
      }
  ev->env.item = NULL;
  ev->env.party = NULL;

  if (g_strcmp0 (rule->outcome, "caveat") == 0)
    {
      /* a caveat never changes the verdict: when its facts are known to hold
       * it is a note (and an entry of the result's "caveats") */
      if (fired != NULL)
        {
          g_autofree char *text = _clr_eval_expand (ev, rule->explanation, fired, NULL);

          g_ptr_array_add (ev->notes, g_strdup_printf (_("Caveat — %s: %s (%s)"), rule->title, text, rule->citation));
          g_ptr_array_add (ev->caveats, g_strdup (rule->id));
        }
      _clr_eval_trace_rule (ev, rule->id, fired != NULL ? "fired" : "not_fired", detail->str);
      g_clear_pointer (&fired, finding_free);
      g_clear_pointer (&unknown, finding_free);
      return;
    }
  if (fired != NULL)
    {
      fired->explanation = _clr_eval_expand (ev, rule->explanation, fired, NULL);
      g_ptr_array_add (ev->findings, fired);
    }
  if (unknown != NULL)
    {
      g_autofree char *would = _clr_eval_expand (ev, rule->explanation, unknown, NULL);
      g_autofree char *ask = end_use_ask_text (ev, rule, all_missing);

      unknown->explanation = g_strdup_printf (_("Cannot decide whether this rule applies (it would be: %s). %s"),
                                              clr_verdict_get_label (clr_verdict_from_string (rule->outcome)), ask);
      (void) would;
      for (guint m = 0; m < all_missing->len; m++)
        g_ptr_array_add (unknown->ask, g_strdup (g_ptr_array_index (all_missing, m)));
      g_clear_pointer (&unknown->license_policy, g_free);
      unknown->license_policy = g_strdup ("");
      g_ptr_array_add (ev->findings, unknown);
    }
  _clr_eval_trace_rule (ev, rule->id, fired != NULL ? "fired" : unknown != NULL ? "unknown" : "not_fired", detail->str);
}

/* ---- result -------------------------------------------------------------- */

static void
add_int_array (JsonBuilder *b,
               const char  *name,
               GArray      *array)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < array->len; i++)
    json_builder_add_int_value (b, g_array_index (array, int, i));
  json_builder_end_array (b);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const Finding *fa = *(Finding **) a;
  const Finding *fb = *(Finding **) b;

  return clr_verdict_rank (fb->outcome) - clr_verdict_rank (fa->outcome);
}

static JsonNode *
evaluate_core (ClrRulePack       *pack,
               JsonNode          *shipment,
               JsonArray         *screening,
               JsonArray         *lists,
               const char        *as_of,
               ClrPosture         posture,
               ClrEvaluateFlags   flags,
               gboolean           hypothesis)
{
  Eval ev = { 0 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonBuilder) trace = NULL;
  GPtrArray *rules;
  const char *verdict = "clear";
  const char *dest_input;
  const char *from_input;
  JsonNode *result;
  g_autoptr(GPtrArray) rule_notes = g_ptr_array_new_with_free_func (g_free);
  guint before;

  ev.hypothesis = hypothesis;
  ev.pack = pack;
  ev.shipment = json_node_get_object (shipment);
  ev.items = json_object_get_array_member (ev.shipment, "items");
  ev.parties = json_object_get_array_member (ev.shipment, "parties");
  ev.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  ev.exceptions_out = json_array_new ();
  ev.notes = g_ptr_array_new_with_free_func (g_free);
  ev.caveats = g_ptr_array_new_with_free_func (g_free);
  if (flags & CLR_EVALUATE_TRACE)
    {
      trace = json_builder_new ();
      json_builder_begin_array (trace);
      ev.trace = trace;
    }

  dest_input = clr_rule_pack_lookup_country (pack, clr_json_get_string (ev.shipment, "destination"));
  from_input = clr_json_get_string (ev.shipment, "exported_from");
  ev.env.pack = pack;
  ev.env.date = as_of != NULL ? as_of : clr_json_get_string (ev.shipment, "date");
  ev.env.posture = posture;
  ev.env.shipment = ev.shipment;
  ev.env.destination = _clr_rule_pack_effective_country (pack, dest_input);
  ev.env.exported_from = from_input != NULL && *from_input != '\0' ? clr_rule_pack_lookup_country (pack, from_input) : NULL;
  ev.env.screening = screening;
  ev.env.item_index = -1;
  ev.env.party_index = -1;
  if (g_strcmp0 (dest_input, ev.env.destination) != 0)
    g_ptr_array_add (ev.notes, g_strdup_printf (_("%s is treated as %s: %s"),
                                                _clr_rule_pack_country_name (pack, dest_input),
                                                _clr_rule_pack_country_name (pack, ev.env.destination),
                                                clr_json_get_string (json_object_get_object_member (json_object_get_object_member (clr_rule_pack_get_root (pack), "countries"), dest_input), "treated_as_basis") ?: ""));
  add_end_use_notes (&ev);

  rules = _clr_rule_pack_get_rules (pack);
  for (guint r = 0; r < rules->len; r++)
    {
      ClrRule *rule = g_ptr_array_index (rules, r);

      if (!(rule->postures & (1u << posture)))
        {
          g_autofree char *d = g_strdup_printf ("not applied under the %s posture", clr_posture_to_string (posture));
          _clr_eval_trace_rule (&ev, rule->id, "other_posture", d);
          continue;
        }
      if (rule->compliance != NULL && clr_date_in_range (ev.env.date, rule->from, rule->until) &&
          strcmp (ev.env.date, rule->compliance) < 0)
        {
          /* in effect, but compliance not yet required: not applied, and said
           * when it would have applied to this shipment */
          g_autofree char *d = g_strdup_printf ("in effect since %s, compliance not required until %s: not applied on %s",
                                                rule->from, rule->compliance, ev.env.date);
          gboolean would = TRUE;

          if (rule->kind == CLR_RULE_KIND_CONDITION)
            {
              g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
              GPtrArray *findings = ev.findings;
              JsonBuilder *saved_trace = ev.trace;

              ev.findings = scratch;
              ev.trace = NULL;
              eval_condition_rule (&ev, rule);
              ev.findings = findings;
              ev.trace = saved_trace;
              would = scratch->len > 0;
            }
          if (would)
            {
              g_autofree char *note = g_strdup_printf (_("“%s” (%s) is in effect from %s, but compliance is not required "
                                                         "until %s: it is not applied on %s."),
                                                       rule->title, rule->citation, rule->from, rule->compliance,
                                                       ev.env.date);

              _clr_eval_strings_add_unique (ev.notes, note);
            }
          _clr_eval_trace_rule (&ev, rule->id, "not_in_force", d);
          continue;
        }
      if (!clr_date_in_range (ev.env.date, rule->compliance ?: rule->from, rule->until))
        {
          g_autofree char *d = g_strdup_printf ("not in force on %s (in force %s to %s)", ev.env.date, rule->from,
                                                rule->until ? rule->until : "open");
          _clr_eval_trace_rule (&ev, rule->id, "not_in_force", d);
          continue;
        }
      if (rule->classification_check && ev.hypothesis)
        {
          _clr_eval_trace_rule (&ev, rule->id, "not_fired",
                      "classification check not applied: the item's paragraph is assumed, to see whether it matters");
          continue;
        }
      before = ev.findings->len;
      g_ptr_array_set_size (rule_notes, 0);
      ev.env.table_notes = rule_notes;
      switch (rule->kind)
        {
        case CLR_RULE_KIND_CONDITION:
          eval_condition_rule (&ev, rule);
          break;
        case CLR_RULE_KIND_COUNTRY_CHART:
          _clr_eval_country_chart (&ev, rule);
          break;
        case CLR_RULE_KIND_LIST_SCREENING:
          _clr_eval_screening (&ev, rule);
          break;
        default:
          g_assert_not_reached ();
        }
      ev.env.table_notes = NULL;
      if (rule_notes->len > 0)
        {
          g_autofree char *joined = _clr_eval_join_strings (rule_notes, " ");

          /* the findings say which dated table data decided them */
          for (guint i = before; i < ev.findings->len; i++)
            {
              Finding *f = g_ptr_array_index (ev.findings, i);
              char *e = g_strdup_printf ("%s %s", f->explanation, joined);

              g_free (f->explanation);
              f->explanation = e;
            }
          for (guint i = 0; i < rule_notes->len; i++)
            _clr_eval_strings_add_unique (ev.notes, g_ptr_array_index (rule_notes, i));
        }
    }

  _clr_eval_apply_overrides (&ev);
  _clr_eval_apply_exceptions (&ev);
  g_ptr_array_sort (ev.findings, compare_findings);

  for (guint i = 0; i < ev.findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev.findings, i);

      if (clr_verdict_rank (f->outcome) > clr_verdict_rank (verdict))
        verdict = f->outcome;
    }

  json_builder_begin_object (b);
  clr_json_add_string (b, "verdict", verdict);
  clr_json_add_string (b, "as_of", ev.env.date);
  clr_json_add_string (b, "posture", clr_posture_to_string (posture));
  clr_json_add_boolean (b, "on_hold", ev.open_matches > 0);
  clr_json_add_int (b, "open_matches", ev.open_matches);
  clr_json_add_string (b, "reference", clr_json_get_string (ev.shipment, "reference") ?: "");
  clr_json_add_string (b, "destination", dest_input);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev.findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev.findings, i);
      g_autofree char *explanation = f->exception_note != NULL ?
                                     g_strdup_printf ("%s %s", f->explanation, f->exception_note) :
                                     g_strdup (f->explanation);

      json_builder_begin_object (b);
      clr_json_add_string (b, "rule", f->rule->id);
      clr_json_add_string (b, "outcome", f->outcome);
      clr_json_add_string (b, "citation", f->citation);
      clr_json_add_string (b, "title", f->title);
      clr_json_add_string (b, "explanation", explanation);
      clr_json_add_string (b, "license_policy", f->license_policy ?: "");
      add_int_array (b, "items", f->items);
      add_int_array (b, "parties", f->parties);
      if (f->list != NULL)
        clr_json_add_string (b, "list", f->list);
      if (f->on_hold)
        clr_json_add_boolean (b, "on_hold", TRUE);
      if (f->license_exception != NULL)
        clr_json_add_string (b, "license_exception", f->license_exception);
      if (f->ask->len > 0)
        clr_json_add_string_array (b, "ask", f->ask);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  clr_json_add_node (b, "license_exceptions",
                     json_node_init_array (json_node_alloc (), ev.exceptions_out));

  clr_json_add_node (b, "screening",
                     screening != NULL ? json_node_init_array (json_node_alloc (), screening)
                                       : NULL);

  add_end_use_answers (&ev, b);

  clr_json_add_string_array (b, "caveats", ev.caveats);
  clr_json_add_string_array (b, "notes", ev.notes);

  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule_pack");
  json_builder_begin_object (b);
  clr_json_add_string (b, "id", clr_rule_pack_get_id (pack));
  clr_rule_pack_add_identity (pack, b);
  /* the date of the Country Chart and group tables (dated changes applied
   * from there; see "notes") */
  clr_json_add_string (b, "tables_as_of",
                       json_object_get_string_member_with_default (clr_rule_pack_get_root (pack),
                                                                   "snapshot_date", ""));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "lists");
  if (lists != NULL)
    json_builder_add_value (b, json_node_init_array (json_node_alloc (), lists));
  else
    {
      json_builder_begin_array (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  if (trace != NULL)
    {
      json_builder_end_array (trace);
      clr_json_add_node (b, "trace", json_builder_get_root (trace));
    }
  json_builder_end_object (b);

  result = json_builder_get_root (b);
  json_array_unref (ev.exceptions_out);
  g_ptr_array_unref (ev.findings);
  g_ptr_array_unref (ev.notes);
  g_ptr_array_unref (ev.caveats);
  return result;
}


#define MAX_HYPOTHESES 16

JsonNode *
clr_evaluate (ClrRulePack       *pack,
              JsonNode          *shipment,
              JsonArray         *screening,
              JsonArray         *lists,
              const char        *as_of,
              ClrPosture         posture,
              ClrEvaluateFlags   flags,
              GError           **error)
{
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GPtrArray) derived = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();  /* Derived * with candidates to try */
  JsonArray *items;
  JsonNode *result = NULL;
  const char *date;
  guint combos = 1;

  g_return_val_if_fail (CLR_IS_RULE_PACK (pack), NULL);

  if (!clr_shipment_validate (pack, shipment, error))
    return NULL;
  if (as_of != NULL && !clr_date_is_valid (as_of))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_BAD_DATE,
                   _("--as-of: “%s” is not a valid date (expected YYYY-MM-DD)"), as_of);
      return NULL;
    }

  copy = json_node_copy (shipment);
  items = json_object_get_array_member (json_node_get_object (copy), "items");
  date = as_of != NULL ? as_of : clr_json_get_string (json_node_get_object (copy), "date");
  derived = _clr_eval_derive_paragraphs (pack, json_node_get_object (copy), date, posture);
  for (guint k = 0; k < derived->len; k++)
    {
      Derived *d = g_ptr_array_index (derived, k);

      if (g_strcmp0 (d->status, "undecided") == 0 && d->candidates->len > 1)
        {
          g_ptr_array_add (open, d);
          combos *= d->candidates->len;
        }
    }

  /* A paragraph the facts leave open matters only if it changes the verdict:
   * evaluate each possible paragraph; if they agree, the fact is not asked. */
  if (open->len > 0 && combos <= MAX_HYPOTHESES)
    {
      g_autofree char *first_verdict = NULL;
      g_autofree char *first_signature = NULL;
      gboolean same = TRUE;

      for (guint c = 0; same && c < combos; c++)
        {
          guint rest = c;
          g_autoptr(JsonNode) r = NULL;

          for (guint k = 0; k < open->len; k++)
            {
              Derived *d = g_ptr_array_index (open, k);

              json_object_set_string_member (clr_json_array_get_object (items, d->item), "eccn",
                                             g_ptr_array_index (d->candidates, rest % d->candidates->len));
              rest /= d->candidates->len;
            }
          r = evaluate_core (pack, copy, screening, lists, as_of, posture, flags & ~CLR_EVALUATE_TRACE, TRUE);
          /* the same verdict, under the same license exceptions */
          {
            JsonArray *ex = json_object_get_array_member (json_node_get_object (r), "license_exceptions");
            GString *sig = g_string_new (clr_json_get_string (json_node_get_object (r), "verdict"));

            for (guint e = 0; ex != NULL && e < json_array_get_length (ex); e++)
              g_string_append_printf (sig, " %s", clr_json_get_string (clr_json_array_get_object (ex, e), "code"));
            if (first_signature == NULL)
              {
                first_signature = g_string_free (sig, FALSE);
                first_verdict = g_strdup (clr_json_get_string (json_node_get_object (r), "verdict"));
              }
            else
              {
                if (g_strcmp0 (first_signature, sig->str) != 0)
                  same = FALSE;
                g_string_free (sig, TRUE);
              }
          }
        }
      /* every paragraph needing review (a missing TPP…) is no answer: ask */
      if (g_strcmp0 (first_verdict, "review") == 0)
        same = FALSE;
      for (guint k = 0; k < open->len; k++)
        {
          Derived *d = g_ptr_array_index (open, k);

          json_object_set_string_member (clr_json_array_get_object (items, d->item), "eccn",
                                         same ? g_ptr_array_index (d->candidates, 0) : d->stated);
          if (same)
            {
              g_free (d->status);
              d->status = g_strdup ("immaterial");
            }
        }
      if (same)
        result = evaluate_core (pack, copy, screening, lists, as_of, posture, flags, TRUE);
    }
  if (result == NULL)
    result = evaluate_core (pack, copy, screening, lists, as_of, posture, flags, FALSE);
  _clr_eval_report_derivations (result, derived);
  return result;
}
