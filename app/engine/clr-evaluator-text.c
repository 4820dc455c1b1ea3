/* clr-evaluator-text.c — the words of a determination: explanation templates, the facts to ask for, traces and the readable report
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
#include "clr-json.h"

char *
_clr_eval_join_strings (GPtrArray  *array,
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

char *
_clr_eval_format_number (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return g_strdup (_("not stated"));
  return g_strdup_printf ("%g", json_node_get_double (node));
}

/* Fills {placeholders} of a pack template. */
char *
_clr_eval_expand (Eval       *ev,
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
            _clr_eval_strings_add_unique (eccns, clr_json_get_string (clr_json_array_get_object (ev->items, g_array_index (f->items, int, i)), "eccn"));
          value = _clr_eval_join_strings (eccns, ", ");
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
            _clr_eval_strings_add_unique (names, clr_json_get_string (clr_json_array_get_object (ev->parties, g_array_index (f->parties, int, i)), "name"));
          value = _clr_eval_join_strings (names, ", ");
        }
      else if (clr_item_fact_lookup (key) != NULL && clr_item_fact_lookup (key)->parameter &&
               clr_item_fact_lookup (key)->kind == CLR_ITEM_FACT_NUMBER)
        value = _clr_eval_format_number (f != NULL && f->items->len > 0 ?
                               clr_json_array_get_object (ev->items, g_array_index (f->items, int, 0)) : NULL, key);
      else if (strcmp (key, "ownership") == 0)
        {
          JsonObject *party = f != NULL && f->parties->len > 0 ?
                              clr_json_array_get_object (ev->parties, g_array_index (f->parties, int, 0)) : NULL;
          JsonNode *parent = party != NULL ? json_object_get_member (party, "ultimate_parent") : NULL;

          value = _clr_eval_format_number (parent != NULL && JSON_NODE_HOLDS_OBJECT (parent) ? json_node_get_object (parent) : NULL,
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
          value = _clr_eval_join_strings (qs, "; ");
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

void
_clr_eval_trace_rule (Eval       *ev,
                      const char *rule,
                      const char *status,
                      const char *detail)
{
  if (ev->trace == NULL)
    return;
  json_builder_begin_object (ev->trace);
  clr_json_add_string (ev->trace, "rule", rule);
  clr_json_add_string (ev->trace, "status", status);
  clr_json_add_string (ev->trace, "detail", detail);
  json_builder_end_object (ev->trace);
}

char *
_clr_eval_ask_text (ClrRule   *rule,
                    GPtrArray *missing)
{
  g_autofree char *facts = _clr_eval_join_strings (missing, ", ");

  if (rule->ask != NULL)
    return g_strdup_printf (_("%s (missing: %s)"), rule->ask, facts);
  return g_strdup_printf (_("State the missing facts: %s"), facts);
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
