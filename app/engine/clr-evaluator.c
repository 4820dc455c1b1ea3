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

#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-match-hit.h"
#include "clr-rule-pack-private.h"
#include "clr-shipment.h"

typedef struct
{
  ClrRule    *rule;          /* the pack rule (NULL never) */
  char       *outcome;
  char       *citation;
  char       *title;
  char       *explanation;
  char       *license_policy;
  GArray     *items;         /* int */
  GArray     *parties;       /* int */
  GPtrArray  *ask;           /* char *: facts to ask for */
  char       *list;          /* list code for screening findings */
  char       *license_exception;   /* code when an exception covers it */
  char       *exception_note;
  gboolean    blocks_exceptions;
  gboolean    on_hold;       /* a potential list match awaiting a decision */
  GPtrArray  *reasons;       /* char *: Country Chart reasons (NS, MT…) of a chart finding */
} Finding;

typedef struct
{
  ClrRulePack *pack;
  ClrExprEnv   env;
  JsonObject  *shipment;
  JsonArray   *items;
  JsonArray   *parties;
  GPtrArray   *findings;     /* Finding * */
  JsonBuilder *trace;        /* NULL unless tracing */
  JsonArray   *exceptions_out;  /* [{"code","citation","conditions"}] */
  GPtrArray   *notes;        /* char * */
  guint        open_matches; /* potential list matches the shipment waits for */
  gboolean     hypothesis;   /* an item's paragraph is assumed: skip classification checks */
} Eval;

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

static Finding *
finding_new (ClrRule    *rule,
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

static void
array_add_unique (GArray *array,
                  int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return;
  g_array_append_val (array, value);
}

static void
strings_add_unique (GPtrArray  *array,
                    const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return;
  g_ptr_array_add (array, g_strdup (value));
}

static char *
join_strings (GPtrArray  *array,
              const char *separator)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < array->len; i++)
    {
      if (i > 0)
        g_string_append (s, separator);
      g_string_append (s, g_ptr_array_index (array, i));
    }
  return g_string_free (s, FALSE);
}

static char *
format_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return g_strdup (_("not stated"));
  return g_strdup_printf ("%g", json_node_get_double (node));
}

/* Fills {placeholders} of a pack template. */
static char *
expand (Eval       *ev,
        const char *template,
        Finding    *f,
        GHashTable *extra)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (*p != '{' || (close = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      key = g_strndup (p + 1, close - p - 1);
      if (extra != NULL && g_hash_table_contains (extra, key))
        value = g_strdup (g_hash_table_lookup (extra, key));
      else if (strcmp (key, "eccn") == 0)
        {
          g_autoptr(GPtrArray) eccns = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; f != NULL && i < f->items->len; i++)
            strings_add_unique (eccns, clr_json_get_string (clr_json_array_get_object (ev->items, g_array_index (f->items, int, i)), "eccn"));
          value = join_strings (eccns, ", ");
        }
      else if (strcmp (key, "destination") == 0)
        value = g_strdup (ev->env.destination);
      else if (strcmp (key, "destination_name") == 0)
        {
          const char *code = clr_json_get_string (ev->shipment, "destination");
          const char *iso = clr_rule_pack_lookup_country (ev->pack, code);

          value = g_strdup_printf ("%s (%s)", _clr_rule_pack_country_name (ev->pack, iso), iso);
        }
      else if (strcmp (key, "party_names") == 0 || strcmp (key, "party") == 0)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; f != NULL && i < f->parties->len; i++)
            strings_add_unique (names, clr_json_get_string (clr_json_array_get_object (ev->parties, g_array_index (f->parties, int, i)), "name"));
          value = join_strings (names, ", ");
        }
      else if (strcmp (key, "tpp") == 0 || strcmp (key, "performance_density") == 0 ||
               strcmp (key, "memory_bandwidth_gbps") == 0)
        value = format_number (f != NULL && f->items->len > 0 ?
                               clr_json_array_get_object (ev->items, g_array_index (f->items, int, 0)) : NULL, key);
      else if (strcmp (key, "ownership") == 0)
        {
          JsonObject *party = f != NULL && f->parties->len > 0 ?
                              clr_json_array_get_object (ev->parties, g_array_index (f->parties, int, 0)) : NULL;
          JsonNode *parent = party != NULL ? json_object_get_member (party, "ultimate_parent") : NULL;

          value = format_number (parent != NULL && JSON_NODE_HOLDS_OBJECT (parent) ? json_node_get_object (parent) : NULL,
                                 "ownership_percent");
        }
      else if (strcmp (key, "red_flags") == 0)
        {
          JsonArray *flags = json_object_has_member (ev->shipment, "red_flags") ?
                             json_object_get_array_member (ev->shipment, "red_flags") : NULL;
          g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; flags != NULL && i < json_array_get_length (flags); i++)
            {
              JsonObject *flag = _clr_rule_pack_get_red_flag (ev->pack, clr_json_array_get_string (flags, i));

              if (flag != NULL)
                g_ptr_array_add (qs, g_strdup_printf ("%s (%s)", clr_json_get_string (flag, "question"), clr_json_get_string (flag, "id")));
            }
          value = join_strings (qs, "; ");
        }
      else if (strcmp (key, "as_of") == 0)
        value = g_strdup (ev->env.date);
      else if (strcmp (key, "posture") == 0)
        value = g_strdup (clr_posture_to_string (ev->env.posture));

      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, p, close - p + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

static void
trace_rule (Eval       *ev,
            const char *rule,
            const char *status,
            const char *detail)
{
  if (ev->trace == NULL)
    return;
  json_builder_begin_object (ev->trace);
  json_builder_set_member_name (ev->trace, "rule");
  json_builder_add_string_value (ev->trace, rule);
  json_builder_set_member_name (ev->trace, "status");
  json_builder_add_string_value (ev->trace, status);
  json_builder_set_member_name (ev->trace, "detail");
  json_builder_add_string_value (ev->trace, detail);
  json_builder_end_object (ev->trace);
}

static char *
ask_text (ClrRule   *rule,
          GPtrArray *missing)
{
  g_autofree char *facts = join_strings (missing, ", ");

  if (rule->ask != NULL)
    return g_strdup_printf (_("%s (missing: %s)"), rule->ask, facts);
  return g_strdup_printf (_("State the missing facts: %s"), facts);
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
              fired = finding_new (rule, rule->outcome);
            if (uses & CLR_EXPR_USES_ITEM)
              array_add_unique (fired->items, i);
            if (uses & CLR_EXPR_USES_PARTY)
              array_add_unique (fired->parties, p);
          }
        else if (t == CLR_TRI_UNKNOWN)
          {
            if (unknown == NULL)
              unknown = finding_new (rule, "review");
            if (uses & CLR_EXPR_USES_ITEM)
              array_add_unique (unknown->items, i);
            if (uses & CLR_EXPR_USES_PARTY)
              array_add_unique (unknown->parties, p);
            for (guint m = 0; m < missing->len; m++)
              strings_add_unique (all_missing, g_ptr_array_index (missing, m));
          }
      }
  ev->env.item = NULL;
  ev->env.party = NULL;

  if (fired != NULL)
    {
      fired->explanation = expand (ev, rule->explanation, fired, NULL);
      g_ptr_array_add (ev->findings, fired);
    }
  if (unknown != NULL)
    {
      g_autofree char *would = expand (ev, rule->explanation, unknown, NULL);
      g_autofree char *ask = ask_text (rule, all_missing);

      unknown->explanation = g_strdup_printf (_("Cannot decide whether this rule applies (it would be: %s). %s"),
                                              clr_verdict_get_label (clr_verdict_from_string (rule->outcome)), ask);
      (void) would;
      for (guint m = 0; m < all_missing->len; m++)
        g_ptr_array_add (unknown->ask, g_strdup (g_ptr_array_index (all_missing, m)));
      g_clear_pointer (&unknown->license_policy, g_free);
      unknown->license_policy = g_strdup ("");
      g_ptr_array_add (ev->findings, unknown);
    }
  trace_rule (ev, rule->id, fired != NULL ? "fired" : unknown != NULL ? "unknown" : "not_fired", detail->str);
}

/* ---- Country Chart derivation -------------------------------------------- */

static ClrTri
any_pattern (const char *eccn,
             JsonArray  *patterns)
{
  ClrTri result = CLR_TRI_FALSE;

  for (guint i = 0; patterns != NULL && i < json_array_get_length (patterns); i++)
    {
      const char *p = clr_json_array_get_string (patterns, i);
      ClrTri t = p != NULL ? clr_eccn_match (eccn, p) : CLR_TRI_FALSE;

      if (t == CLR_TRI_TRUE)
        return CLR_TRI_TRUE;
      if (t == CLR_TRI_UNKNOWN)
        result = CLR_TRI_UNKNOWN;
    }
  return result;
}

/* Does a control (its "applies_to") cover the item's paragraph? */
static ClrTri
control_applies (const char *eccn,
                 JsonObject *applies)
{
  JsonArray *paragraphs = json_object_get_array_member (applies, "paragraphs");
  JsonArray *except = json_object_get_array_member (applies, "except");
  JsonArray *except_conditional = json_object_has_member (applies, "except_conditional") ?
                                  json_object_get_array_member (applies, "except_conditional") : NULL;
  gboolean all = json_object_get_boolean_member_with_default (applies, "all", FALSE);
  gboolean conditional = json_object_get_boolean_member_with_default (applies, "conditional", FALSE);
  ClrTri in = all ? CLR_TRI_TRUE : any_pattern (eccn, paragraphs);
  ClrTri out = any_pattern (eccn, except);
  ClrTri out_if = any_pattern (eccn, except_conditional);

  /* The entry read whole: a paragraph the line excludes outright is not
   * reached ("entire entry except .y"); one it excludes only under a
   * condition ("… .x if for use in .b") is uncertain. */
  if (in == CLR_TRI_FALSE)
    return CLR_TRI_FALSE;
  if (out == CLR_TRI_TRUE && (!conditional || except_conditional != NULL))
    return CLR_TRI_FALSE;
  if (in == CLR_TRI_UNKNOWN || out != CLR_TRI_FALSE || out_if != CLR_TRI_FALSE || conditional)
    return CLR_TRI_UNKNOWN;
  return CLR_TRI_TRUE;
}

static gboolean
places_contain (Eval       *ev,
                JsonArray  *places,
                const char *code)
{
  for (guint i = 0; places != NULL && i < json_array_get_length (places); i++)
    {
      const char *v = clr_json_array_get_string (places, i);

      if (v == NULL)
        continue;
      if (strchr (v, ':') != NULL || strlen (v) == 1 ? _clr_rule_pack_country_in_group_noted (ev->pack, code, v, ev->env.date,
                                                                                           ev->env.table_notes)
                                  : strcmp (v, code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
eval_country_chart (Eval    *ev,
                    ClrRule *rule)
{
  const char *dest = ev->env.destination;
  GHashTable *row = _clr_rule_pack_get_chart_row (ev->pack, dest);
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean any = FALSE;

  if (ev->env.exported_from != NULL &&
      g_strcmp0 (_clr_rule_pack_effective_country (ev->pack, ev->env.exported_from), dest) == 0)
    {
      trace_rule (ev, rule->id, "not_fired",
                  "the destination is the country of export: no Country Chart reasons (not an export)");
      return;
    }
  if (_clr_rule_pack_is_chart_embargoed (ev->pack, dest))
    {
      trace_rule (ev, rule->id, "not_fired",
                  "the destination's Country Chart row points to part 746 (embargo rules decide it)");
      return;
    }

  for (guint i = 0; i < json_array_get_length (ev->items); i++)
    {
      JsonObject *item = clr_json_array_get_object (ev->items, i);
      const char *eccn = clr_json_get_string (item, "eccn");
      JsonObject *entry = _clr_rule_pack_get_ccl_entry (ev->pack, eccn);
      JsonArray *controls;
      g_autoptr(GPtrArray) required = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) uncertain = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);

      if (g_strcmp0 (eccn, "EAR99") == 0 || entry == NULL)
        {
          g_string_append_printf (detail, "items[%u] %s: not on the CCL, no chart reasons; ", i, eccn);
          continue;
        }
      controls = json_object_get_array_member (entry, "controls");
      if (controls == NULL || json_array_get_length (controls) == 0)
        {
          Finding *f = finding_new (rule, "review");
          g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);

          array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("ECCN %s has no License Requirements table in the rule pack (heading: %s). "
                                              "Check the entry in the CCL before relying on this result."),
                                            eccn, clr_json_get_string (entry, "title"));
          g_ptr_array_add (f->ask, g_strdup_printf ("items[%u].eccn", i));
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
          g_string_append_printf (detail, "items[%u] %s: no License Requirements table; ", i, eccn);
          continue;
        }
      if (row == NULL)
        {
          Finding *f = finding_new (rule, "review");

          array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("%s has no row in the Commerce Country Chart: the license requirement "
                                              "is indeterminate, not unrestricted. Check 15 CFR 738.3(b)."),
                                            _clr_rule_pack_country_name (ev->pack, dest));
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
          continue;
        }

      for (guint c = 0; c < json_array_get_length (controls); c++)
        {
          JsonObject *control = clr_json_array_get_object (controls, c);
          JsonObject *scope = control != NULL ? json_object_get_object_member (control, "scope") : NULL;
          const char *kind = clr_json_get_string (scope, "kind");
          const char *reason = clr_json_get_string (control, "reason") ?: "?";
          ClrTri applies;
          ClrTri in_scope = CLR_TRI_FALSE;
          g_autofree char *label = NULL;

          if (control == NULL || scope == NULL)
            continue;
          if (json_object_get_boolean_member_with_default (control, "handled_by_rules", FALSE))
            {
              g_string_append_printf (detail, "items[%u] %s %s: decided by the advanced-computing rules; ", i, eccn, reason);
              continue;
            }
          applies = control_applies (eccn, json_object_get_object_member (control, "applies_to"));
          if (applies == CLR_TRI_FALSE)
            continue;

          if (g_strcmp0 (kind, "column") == 0)
            {
              const char *column = clr_json_get_string (scope, "column");

              in_scope = _clr_rule_pack_chart_marked (ev->pack, dest, column, ev->env.date, ev->env.table_notes)
                         ? CLR_TRI_TRUE : CLR_TRI_FALSE;
              label = g_strdup_printf (_("%s (X for %s)"), column, _clr_rule_pack_country_name (ev->pack, dest));
              g_string_append_printf (detail, "items[%u] %s %s: %s %s; ", i, eccn, column,
                                      in_scope ? "X" : "no X", applies == CLR_TRI_TRUE ? "" : "(paragraph/condition uncertain)");
            }
          else if (g_strcmp0 (kind, "worldwide") == 0 || g_strcmp0 (kind, "destinations") == 0)
            {
              gboolean hit = g_strcmp0 (kind, "worldwide") == 0 ? TRUE
                             : places_contain (ev, json_object_get_array_member (scope, "in"), dest);

              if (places_contain (ev, json_object_has_member (scope, "except_in") ?
                                  json_object_get_array_member (scope, "except_in") : NULL, dest))
                hit = FALSE;
              in_scope = hit ? CLR_TRI_TRUE : CLR_TRI_FALSE;
              label = g_strdup_printf (_("%s: %s"), reason, clr_json_get_string (scope, "text") ?: kind);
              if (hit && applies == CLR_TRI_TRUE && clr_json_get_string (scope, "citation") != NULL)
                strings_add_unique (citations, clr_json_get_string (scope, "citation"));
              g_string_append_printf (detail, "items[%u] %s %s worded scope: %s; ", i, eccn, reason, hit ? "covers" : "does not cover");
            }
          else
            {
              g_string_append_printf (detail, "items[%u] %s %s: refers elsewhere (%s); ", i, eccn, reason,
                                      clr_json_get_string (scope, "text") ?: "");
              continue;
            }

          if (in_scope != CLR_TRI_TRUE)
            continue;
          if (applies == CLR_TRI_TRUE)
            {
              strings_add_unique (required, label);
              strings_add_unique (reasons, reason);
            }
          else
            {
              g_autofree char *u = g_strdup_printf (_("%s — applies only to: %s"), label,
                                                    clr_json_get_string (json_object_get_object_member (control, "applies_to"), "text"));
              strings_add_unique (uncertain, u);
            }
        }

      if (required->len > 0)
        {
          Finding *f = finding_new (rule, rule->outcome);
          g_autoptr(GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          JsonObject *flags = json_object_get_object_member (entry, "license_exceptions");
          g_autoptr(GPtrArray) flag_texts = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GList) codes = flags != NULL ? json_object_get_members (flags) : NULL;

          for (GList *l = codes; l != NULL; l = l->next)
            g_ptr_array_add (flag_texts, g_strdup_printf ("%s %s", (const char *) l->data, clr_json_get_string (flags, l->data) ?: ""));
          array_add_unique (f->items, i);
          for (guint r = 0; r < reasons->len; r++)
            g_ptr_array_add (f->reasons, g_strdup (g_ptr_array_index (reasons, r)));
          g_hash_table_insert (extra, (gpointer) "chart_reasons", join_strings (required, "; "));
          g_hash_table_insert (extra, (gpointer) "chart_exceptions",
                               flag_texts->len > 0 ? join_strings (flag_texts, "; ") : g_strdup (_("none listed")));
          f->explanation = expand (ev, rule->explanation, f, extra);
          g_free (f->citation);
          if (citations->len > 0)
            {
              /* a line that names its destinations cites its own paragraph (742.6(a)(7) …) */
              g_autofree char *cites = join_strings (citations, "; ");

              f->citation = g_strdup_printf ("%s; ECCN %.5s; %s", rule->citation, eccn, cites);
            }
          else
            f->citation = g_strdup_printf ("%s; ECCN %.5s", rule->citation, eccn);
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
        }
      if (uncertain->len > 0)
        {
          Finding *f = finding_new (rule, "review");
          g_autofree char *list = join_strings (uncertain, "; ");

          array_add_unique (f->items, i);
          f->explanation = g_strdup_printf (_("ECCN %s to %s: these controls apply only to some paragraphs or uses of the "
                                              "entry — %s. State the item's full paragraph (e.g. %s.b.2) and use, or "
                                              "treat them as requiring a license."),
                                            eccn, _clr_rule_pack_country_name (ev->pack, dest), list, eccn);
          g_free (f->citation);
          f->citation = g_strdup_printf ("%s; ECCN %.5s", rule->citation, eccn);
          g_ptr_array_add (f->ask, g_strdup_printf ("items[%u].eccn", i));
          g_clear_pointer (&f->license_policy, g_free);
          f->license_policy = g_strdup ("");
          g_ptr_array_add (ev->findings, f);
          any = TRUE;
        }
    }
  trace_rule (ev, rule->id, any ? "fired" : "not_fired", detail->str);
}

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
  JsonArray *countries = clr_json_get_array (hit, "countries");
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();

  if (name_score < 1.0 - 1e-9 || country == NULL || countries == NULL)
    return g_strdup_printf (_("name score %.3f, not an exact match"), name_score);
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
          array_add_unique (items, i);
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

static void
eval_screening (Eval    *ev,
                ClrRule *rule)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GHashTable) grouped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  gboolean any = FALSE;

  if (ev->env.screening == NULL)
    {
      Finding *f = finding_new (rule, "review");

      f->explanation = g_strdup (rule->explanation);
      g_ptr_array_add (f->ask, g_strdup ("screening"));
      for (guint p = 0; p < json_array_get_length (ev->parties); p++)
        array_add_unique (f->parties, p);
      g_ptr_array_add (ev->findings, f);
      trace_rule (ev, rule->id, "unknown", "screening was not possible: no lists loaded");
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
                strings_add_unique (names, clr_json_get_string (hit, "name") ?: "?");
                g_string_append_printf (detail, "party %d also matches %s “%s” (%s%s); ", party, canonical ?: "?",
                                        clr_json_get_string (hit, "name") ?: "", decision,
                                        potential != NULL ? ", on hold" : exact ? ", exact" : "");
                continue;
              }
            f = finding_new (rule, clr_json_get_string (potential != NULL ? potential : consequence, "outcome"));
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
            array_add_unique (f->parties, party);

          extra = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_hash_table_insert (extra, (gpointer) "entry", g_strdup (clr_json_get_string (hit, "name") ?: clr_json_get_string (hit, "matched_name") ?: "?"));
          g_hash_table_insert (extra, (gpointer) "list", g_strdup (f->list));
          g_hash_table_insert (extra, (gpointer) "entry_policy", g_strdup (clr_json_get_string (hit, "license_policy") ?: _("not stated in the list")));
          g_hash_table_insert (extra, (gpointer) "entry_requirement", g_strdup (clr_json_get_string (hit, "license_requirement") ?: _("not stated in the list")));
          g_hash_table_insert (extra, (gpointer) "score",
                               g_strdup_printf ("%.3f", json_object_get_double_member_with_default (hit, "score", 0)));
          g_hash_table_insert (extra, (gpointer) "decision", g_strdup (decision));
          g_hash_table_insert (extra, (gpointer) "match_note", match_note (hit, country));
          explanation = expand (ev, clr_json_get_string (potential != NULL ? potential : consequence, "explanation"), f, extra);

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
              g_autofree char *facts = join_strings (scope_missing, ", ");
              g_autofree char *more = g_strdup_printf (_("%s Whether the listing reaches the items depends on: %s."),
                                                       explanation, facts);

              g_free (explanation);
              explanation = g_steal_pointer (&more);
              g_free (f->outcome);
              f->outcome = g_strdup ("review");
              for (guint m = 0; m < scope_missing->len; m++)
                strings_add_unique (f->ask, g_ptr_array_index (scope_missing, m));
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
        g_autofree char *names = join_strings (value, "; ");
        g_autofree char *more = g_strdup_printf (_("%s Other potential matches on this list: %s."), f->explanation, names);

        g_free (f->explanation);
        f->explanation = g_steal_pointer (&more);
      }
  }
  trace_rule (ev, rule->id, any ? "fired" : "not_fired", detail->len > 0 ? detail->str : "no hits");
}

/* ---- overrides and exceptions ------------------------------------------- */

static ClrTri
eval_for_items (Eval    *ev,
                ClrExpr *expr,
                GArray  *items,
                GPtrArray *missing)
{
  ClrTri result = CLR_TRI_TRUE;
  guint n = items->len > 0 ? items->len : 1;

  for (guint k = 0; k < n; k++)
    {
      ClrTri t;

      ev->env.item_index = items->len > 0 ? g_array_index (items, int, k) : 0;
      ev->env.item = clr_json_array_get_object (ev->items, ev->env.item_index);
      ev->env.party = NULL;
      ev->env.party_index = -1;
      t = clr_expr_eval (expr, &ev->env, missing, NULL);
      if (t == CLR_TRI_FALSE)
        result = CLR_TRI_FALSE;
      else if (t == CLR_TRI_UNKNOWN && result == CLR_TRI_TRUE)
        result = CLR_TRI_UNKNOWN;
    }
  ev->env.item = NULL;
  return result;
}

static void
apply_overrides (Eval *ev)
{
  GPtrArray *overrides = _clr_rule_pack_get_overrides (ev->pack);

  for (guint o = 0; o < overrides->len; o++)
    {
      ClrPolicyOverride *po = g_ptr_array_index (overrides, o);
      gboolean any = FALSE;

      if (!clr_date_in_range (ev->env.date, po->from, po->until))
        {
          trace_rule (ev, po->id, "not_in_force", "policy override not in force on the as-of date");
          continue;
        }
      for (guint i = 0; i < ev->findings->len; i++)
        {
          Finding *f = g_ptr_array_index (ev->findings, i);
          g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
          ClrTri t;

          if (!g_strv_contains ((const char * const *) po->applies_to, f->rule->id) ||
              g_strcmp0 (f->outcome, "license_required") != 0)
            continue;
          t = eval_for_items (ev, po->condition, f->items, missing);
          if (t == CLR_TRI_TRUE)
            {
              g_autofree char *cite = g_strdup_printf ("%s; %s", f->citation, po->citation);

              g_free (f->license_policy);
              f->license_policy = g_strdup (po->license_policy);
              g_free (f->citation);
              f->citation = g_steal_pointer (&cite);
              any = TRUE;
            }
          else if (t == CLR_TRI_UNKNOWN && po->unknown_policy != NULL)
            {
              g_free (f->license_policy);
              f->license_policy = g_strdup (po->unknown_policy);
              for (guint m = 0; m < missing->len; m++)
                strings_add_unique (f->ask, g_ptr_array_index (missing, m));
              any = TRUE;
            }
        }
      trace_rule (ev, po->id, any ? "fired" : "not_fired", "license review policy override");
    }
}

static void
add_exception_out (Eval                *ev,
                   ClrLicenseException *e)
{
  JsonObject *o;
  JsonArray *conditions;

  for (guint i = 0; i < json_array_get_length (ev->exceptions_out); i++)
    if (g_strcmp0 (clr_json_get_string (clr_json_array_get_object (ev->exceptions_out, i), "code"), e->code) == 0)
      return;
  o = json_object_new ();
  json_object_set_string_member (o, "code", e->code);
  json_object_set_string_member (o, "title", e->title);
  json_object_set_string_member (o, "citation", e->citation);
  conditions = json_array_new ();
  for (guint c = 0; e->conditions[c] != NULL; c++)
    json_array_add_string_element (conditions, e->conditions[c]);
  json_object_set_array_member (o, "conditions", conditions);
  json_array_add_object_element (ev->exceptions_out, o);
}

static void
apply_exceptions (Eval *ev)
{
  GPtrArray *exceptions = _clr_rule_pack_get_exceptions (ev->pack);
  Finding *blocker = NULL;

  for (guint i = 0; i < ev->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev->findings, i);

      if (f->blocks_exceptions && g_strcmp0 (f->outcome, "review") != 0)
        blocker = f;
      else if (f->blocks_exceptions && f->list != NULL)
        blocker = f;  /* e.g. UVL: exceptions suspended even though the outcome is review */
    }

  for (guint i = 0; i < ev->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev->findings, i);
      g_autoptr(GPtrArray) unknown_missing = g_ptr_array_new_with_free_func (g_free);
      ClrLicenseException *unknown_exception = NULL;
      gboolean covered = FALSE;

      if (g_strcmp0 (f->outcome, "license_required") != 0 || f->rule->exceptions == NULL ||
          f->rule->exceptions[0] == NULL)
        continue;
      if (blocker != NULL)
        {
          f->exception_note = g_strdup_printf (_("License exceptions are not available: %s (%s)."),
                                               blocker->title, blocker->citation);
          continue;
        }
      for (guint c = 0; !covered && f->rule->exceptions[c] != NULL; c++)
        for (guint e = 0; !covered && e < exceptions->len; e++)
          {
            ClrLicenseException *ex = g_ptr_array_index (exceptions, e);
            g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
            ClrTri t;

            if (g_strcmp0 (ex->code, f->rule->exceptions[c]) != 0 ||
                !clr_date_in_range (ev->env.date, ex->from, ex->until))
              continue;
            ev->env.chart_reasons = f->reasons;
            t = eval_for_items (ev, ex->condition, f->items, missing);
            ev->env.chart_reasons = NULL;
            if (t == CLR_TRI_TRUE)
              {
                covered = TRUE;
                g_free (f->outcome);
                f->outcome = g_strdup ("license_exception");
                f->license_exception = g_strdup (ex->code);
                f->exception_note = g_strdup_printf (_("Covered by License Exception %s (%s) if its conditions are met."),
                                                     ex->code, ex->citation);
                add_exception_out (ev, ex);
              }
            else if (t == CLR_TRI_UNKNOWN && unknown_exception == NULL)
              {
                unknown_exception = ex;
                for (guint m = 0; m < missing->len; m++)
                  strings_add_unique (unknown_missing, g_ptr_array_index (missing, m));
              }
          }
      if (!covered && unknown_exception != NULL)
        {
          g_autofree char *facts = join_strings (unknown_missing, ", ");

          g_free (f->outcome);
          f->outcome = g_strdup ("review");
          f->exception_note = g_strdup_printf (_("License Exception %s (%s) may cover this requirement; "
                                                 "to decide, state: %s. Otherwise a license is required."),
                                               unknown_exception->code, unknown_exception->citation, facts);
          for (guint m = 0; m < unknown_missing->len; m++)
            strings_add_unique (f->ask, g_ptr_array_index (unknown_missing, m));
        }
    }
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

  rules = _clr_rule_pack_get_rules (pack);
  for (guint r = 0; r < rules->len; r++)
    {
      ClrRule *rule = g_ptr_array_index (rules, r);

      if (!(rule->postures & (1u << posture)))
        {
          g_autofree char *d = g_strdup_printf ("not applied under the %s posture", clr_posture_to_string (posture));
          trace_rule (&ev, rule->id, "other_posture", d);
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

              strings_add_unique (ev.notes, note);
            }
          trace_rule (&ev, rule->id, "not_in_force", d);
          continue;
        }
      if (!clr_date_in_range (ev.env.date, rule->compliance ?: rule->from, rule->until))
        {
          g_autofree char *d = g_strdup_printf ("not in force on %s (in force %s to %s)", ev.env.date, rule->from,
                                                rule->until ? rule->until : "open");
          trace_rule (&ev, rule->id, "not_in_force", d);
          continue;
        }
      if (rule->classification_check && ev.hypothesis)
        {
          trace_rule (&ev, rule->id, "not_fired",
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
          eval_country_chart (&ev, rule);
          break;
        case CLR_RULE_KIND_LIST_SCREENING:
          eval_screening (&ev, rule);
          break;
        default:
          g_assert_not_reached ();
        }
      ev.env.table_notes = NULL;
      if (rule_notes->len > 0)
        {
          g_autofree char *joined = join_strings (rule_notes, " ");

          /* the findings say which dated table data decided them */
          for (guint i = before; i < ev.findings->len; i++)
            {
              Finding *f = g_ptr_array_index (ev.findings, i);
              char *e = g_strdup_printf ("%s %s", f->explanation, joined);

              g_free (f->explanation);
              f->explanation = e;
            }
          for (guint i = 0; i < rule_notes->len; i++)
            strings_add_unique (ev.notes, g_ptr_array_index (rule_notes, i));
        }
    }

  apply_overrides (&ev);
  apply_exceptions (&ev);
  g_ptr_array_sort (ev.findings, compare_findings);

  for (guint i = 0; i < ev.findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev.findings, i);

      if (clr_verdict_rank (f->outcome) > clr_verdict_rank (verdict))
        verdict = f->outcome;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "verdict");
  json_builder_add_string_value (b, verdict);
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, ev.env.date);
  json_builder_set_member_name (b, "posture");
  json_builder_add_string_value (b, clr_posture_to_string (posture));
  json_builder_set_member_name (b, "on_hold");
  json_builder_add_boolean_value (b, ev.open_matches > 0);
  json_builder_set_member_name (b, "open_matches");
  json_builder_add_int_value (b, ev.open_matches);
  json_builder_set_member_name (b, "reference");
  json_builder_add_string_value (b, clr_json_get_string (ev.shipment, "reference") ?: "");
  json_builder_set_member_name (b, "destination");
  json_builder_add_string_value (b, dest_input);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev.findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ev.findings, i);
      g_autofree char *explanation = f->exception_note != NULL ?
                                     g_strdup_printf ("%s %s", f->explanation, f->exception_note) :
                                     g_strdup (f->explanation);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, f->rule->id);
      json_builder_set_member_name (b, "outcome");
      json_builder_add_string_value (b, f->outcome);
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, f->citation);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, f->title);
      json_builder_set_member_name (b, "explanation");
      json_builder_add_string_value (b, explanation);
      json_builder_set_member_name (b, "license_policy");
      json_builder_add_string_value (b, f->license_policy ?: "");
      add_int_array (b, "items", f->items);
      add_int_array (b, "parties", f->parties);
      if (f->list != NULL)
        {
          json_builder_set_member_name (b, "list");
          json_builder_add_string_value (b, f->list);
        }
      if (f->on_hold)
        {
          json_builder_set_member_name (b, "on_hold");
          json_builder_add_boolean_value (b, TRUE);
        }
      if (f->license_exception != NULL)
        {
          json_builder_set_member_name (b, "license_exception");
          json_builder_add_string_value (b, f->license_exception);
        }
      if (f->ask->len > 0)
        {
          json_builder_set_member_name (b, "ask");
          json_builder_begin_array (b);
          for (guint a = 0; a < f->ask->len; a++)
            json_builder_add_string_value (b, g_ptr_array_index (f->ask, a));
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "license_exceptions");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), ev.exceptions_out));

  json_builder_set_member_name (b, "screening");
  if (screening != NULL)
    json_builder_add_value (b, json_node_init_array (json_node_alloc (), screening));
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev.notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (ev.notes, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule_pack");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, clr_rule_pack_get_id (pack));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, clr_rule_pack_get_version (pack));
  json_builder_set_member_name (b, "published");
  json_builder_add_string_value (b, clr_rule_pack_get_published (pack));
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, clr_rule_pack_get_sha256 (pack));
  /* the date of the Country Chart and group tables (dated changes applied
   * from there; see "notes") */
  json_builder_set_member_name (b, "tables_as_of");
  json_builder_add_string_value (b, json_object_get_string_member_with_default (clr_rule_pack_get_root (pack),
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
      json_builder_set_member_name (b, "trace");
      json_builder_add_value (b, json_builder_get_root (trace));
    }
  json_builder_end_object (b);

  result = json_builder_get_root (b);
  json_array_unref (ev.exceptions_out);
  g_ptr_array_unref (ev.findings);
  g_ptr_array_unref (ev.notes);
  return result;
}

/* ---- paragraph derivation ------------------------------------------------ */

typedef struct
{
  int                   item;
  ClrDerivation        *derivation;
  char                 *stated;
  char                 *derived;      /* stated + the decided outcome's suffix */
  ClrDerivationOutcome *outcome;      /* the outcome the facts decide, or NULL */
  GPtrArray            *candidates;   /* char *: ECCNs still possible when undecided */
  GPtrArray            *missing;      /* char *: facts that would decide it */
  char                 *basis;
  char                 *status;       /* derived, outside, immaterial, undecided */
} Derived;

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
          g_autofree char *v = format_number (item, fact);
          const char *label = g_strcmp0 (fact, "tpp") == 0 ? _("TPP")
                              : g_strcmp0 (fact, "performance_density") == 0 ? _("performance density")
                              : g_strcmp0 (fact, "memory_bandwidth_gbps") == 0 ? _("memory bandwidth (GB/s)")
                              : fact;

          g_ptr_array_add (parts, g_strdup_printf ("%s %s", label, v));
        }
    }
  return join_strings (parts, ", ");
}

/* Decides, for every item whose stated ECCN a derivation refines, which
 * paragraph its facts give. Decided paragraphs are written into @shipment's
 * items (a copy of the user's document). */
static GPtrArray *
derive_paragraphs (ClrRulePack *pack,
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
                      strings_add_unique (r->candidates, candidate);
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
static void
report_derivations (JsonNode  *result,
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
          g_autofree char *cands = join_strings (d->candidates, ", ");
          g_autofree char *facts_missing = join_strings (d->missing, ", ");

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
          g_autofree char *cands = join_strings (d->candidates, ", ");
          g_autofree char *facts_missing = join_strings (d->missing, ", ");

          note = g_strdup_printf (_("Item %d: %s stated; its paragraph (%s) changes the verdict and is not decided by the "
                                    "facts given (%s): state %s."),
                                  d->item, d->stated, cands, d->basis, facts_missing);
        }
      if (note != NULL)
        json_array_add_string_element (notes, note);
    }
  json_object_set_array_member (r, "derived", out);
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
  derived = derive_paragraphs (pack, json_node_get_object (copy), date, posture);
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
  report_derivations (result, derived);
  return result;
}

/* ---- the readable report ------------------------------------------------- */

char *
clr_evaluation_to_text (JsonNode *result)
{
  JsonObject *r = json_node_get_object (result);
  GString *s = g_string_new (NULL);
  JsonArray *findings = json_object_get_array_member (r, "findings");
  JsonArray *exceptions = json_object_get_array_member (r, "license_exceptions");
  JsonNode *screening = json_object_get_member (r, "screening");
  JsonArray *notes = json_object_get_array_member (r, "notes");
  JsonObject *data = json_object_get_object_member (r, "data");
  JsonObject *pack = json_object_get_object_member (data, "rule_pack");
  JsonArray *lists = json_object_get_array_member (data, "lists");
  const char *posture = clr_json_get_string (r, "posture");

  g_string_append_printf (s, _("%s — as of %s, %s posture\n"), clr_verdict_get_label (clr_verdict_from_string (clr_json_get_string (r, "verdict"))),
                          clr_json_get_string (r, "as_of"),
                          g_strcmp0 (posture, "cfr-text") == 0 ? _("CFR text") : _("enforcement"));
  if (json_object_get_boolean_member_with_default (r, "on_hold", FALSE))
    {
      guint n = (guint) json_object_get_int_member_with_default (r, "open_matches", 1);

      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "On hold until %u potential match is decided\n",
                                              "On hold until %u potential matches are decided\n", n), n);
    }
  if (clr_json_get_string (r, "reference") != NULL && *clr_json_get_string (r, "reference") != '\0')
    g_string_append_printf (s, _("Shipment %s to %s\n"), clr_json_get_string (r, "reference"), clr_json_get_string (r, "destination"));
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    g_string_append_printf (s, _("Note: %s\n"), clr_json_array_get_string (notes, i));

  g_string_append_printf (s, "\n%s\n", json_array_get_length (findings) > 0 ? _("Findings:") : _("Findings: none"));
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = clr_json_array_get_object (findings, i);
      JsonArray *items = json_object_get_array_member (f, "items");
      JsonArray *parties = json_object_get_array_member (f, "parties");

      g_string_append_printf (s, "\n  [%s%s] %s — %s\n", clr_verdict_get_label (clr_verdict_from_string (clr_json_get_string (f, "outcome"))),
                              json_object_get_boolean_member_with_default (f, "on_hold", FALSE) ? _(", on hold") : "",
                              clr_json_get_string (f, "rule"), clr_json_get_string (f, "title"));
      g_string_append_printf (s, "    %s\n", clr_json_get_string (f, "citation"));
      g_string_append_printf (s, "    %s\n", clr_json_get_string (f, "explanation"));
      if (clr_json_get_string (f, "license_policy") != NULL && *clr_json_get_string (f, "license_policy") != '\0')
        g_string_append_printf (s, _("    License policy: %s\n"), clr_json_get_string (f, "license_policy"));
      if (json_array_get_length (items) > 0 || json_array_get_length (parties) > 0)
        {
          g_string_append (s, _("    Items:"));
          for (guint k = 0; k < json_array_get_length (items); k++)
            g_string_append_printf (s, " %" G_GINT64_FORMAT, json_array_get_int_element (items, k));
          if (json_array_get_length (items) == 0)
            g_string_append (s, " —");
          g_string_append (s, _("  Parties:"));
          for (guint k = 0; k < json_array_get_length (parties); k++)
            g_string_append_printf (s, " %" G_GINT64_FORMAT, json_array_get_int_element (parties, k));
          if (json_array_get_length (parties) == 0)
            g_string_append (s, " —");
          g_string_append_c (s, '\n');
        }
    }

  if (json_array_get_length (exceptions) > 0)
    {
      g_string_append_printf (s, "\n%s\n", _("License exceptions (ship only if every condition is met):"));
      for (guint i = 0; i < json_array_get_length (exceptions); i++)
        {
          JsonObject *e = clr_json_array_get_object (exceptions, i);
          JsonArray *conditions = json_object_get_array_member (e, "conditions");

          g_string_append_printf (s, "  %s (%s)\n", clr_json_get_string (e, "code"), clr_json_get_string (e, "citation"));
          for (guint c = 0; c < json_array_get_length (conditions); c++)
            g_string_append_printf (s, "    - %s\n", clr_json_array_get_string (conditions, c));
        }
    }

  g_string_append_printf (s, "\n%s\n", _("Screening:"));
  if (screening == NULL || JSON_NODE_HOLDS_NULL (screening))
    g_string_append_printf (s, "  %s\n", _("not possible: no restricted-party lists are loaded"));
  else
    {
      JsonArray *sa = json_node_get_array (screening);

      for (guint i = 0; i < json_array_get_length (sa); i++)
        {
          JsonObject *e = clr_json_array_get_object (sa, i);
          JsonArray *hits = json_object_get_array_member (e, "hits");
          guint n = hits != NULL ? json_array_get_length (hits) : 0;

          g_string_append_printf (s, "  %s “%s”: ",
                                  g_strcmp0 (clr_json_get_string (e, "subject"), "ultimate_parent") == 0 ? _("parent") : _("party"),
                                  clr_json_get_string (e, "name") ?: "");
          if (n == 0)
            g_string_append (s, _("no hits\n"));
          else
            {
              g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u potential hit\n", "%u potential hits\n", n), n);
              for (guint h = 0; h < n; h++)
                {
                  JsonObject *hit = clr_json_array_get_object (hits, h);

                  g_string_append_printf (s, "    %s “%s” score %.2f (%s)\n", clr_hit_list_code (hit) ?: "?",
                                          clr_json_get_string (hit, "name") ?: "", json_object_get_double_member_with_default (hit, "score", 0),
                                          clr_json_get_string (hit, "decision") ?: "open");
                }
            }
        }
    }

  g_string_append_printf (s, "\n%s %s %s (sha256 %.12s…)\n", _("Rule pack:"), clr_json_get_string (pack, "id"),
                          clr_json_get_string (pack, "version"), clr_json_get_string (pack, "sha256"));
  for (guint i = 0; lists != NULL && i < json_array_get_length (lists); i++)
    {
      JsonObject *l = clr_json_array_get_object (lists, i);

      g_string_append_printf (s, "%s %s %s (sha256 %.12s…)%s\n", _("List:"), clr_json_get_string (l, "source") ?: "?",
                              clr_json_get_string (l, "version") ?: "", clr_json_get_string (l, "sha256") ?: "",
                              json_object_get_boolean_member_with_default (l, "fetched_without_tls", FALSE)
                              ? _(" — fetched without TLS") : "");
    }

  if (json_object_has_member (r, "trace"))
    {
      JsonArray *trace = json_object_get_array_member (r, "trace");

      g_string_append_printf (s, "\n%s\n", _("Trace:"));
      for (guint i = 0; i < json_array_get_length (trace); i++)
        {
          JsonObject *t = clr_json_array_get_object (trace, i);

          g_string_append_printf (s, "  %-34s %-13s %s\n", clr_json_get_string (t, "rule"), clr_json_get_string (t, "status"),
                                  clr_json_get_string (t, "detail"));
        }
    }
  return g_string_free (s, FALSE);
}
