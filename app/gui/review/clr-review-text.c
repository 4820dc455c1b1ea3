/* clr-review-text.c — what the review detail says of an item: why the names
 * matched, why a decided item is back and what changed in its entry
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-entry.h"
#include "clr-json.h"
#include "clr-store-lists.h"

#include "widgets/clr-highlight.h"
#include "review/clr-review-queue.h"

#include "clr-review-text.h"

static double
json_double (JsonObject *object,
             const char *member,
             double      fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_double (node);
}

JsonObject *
clr_review_json_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
clr_review_hit_words (const ClrReviewItem *item,
                      GPtrArray           *query_tokens,
                      GPtrArray           *entry_tokens,
                      GString             *words)
{
  JsonObject *hit = clr_review_json_object (item->hit);
  JsonArray *tokens = clr_json_get_array (hit, "tokens");
  guint n_matched = 0, n = 0;

  for (guint i = 0; tokens != NULL && i < json_array_get_length (tokens); i++)
    {
      JsonObject *token = clr_review_json_object (json_array_get_element (tokens, i));
      const char *query = clr_json_get_string (token, "query");
      const char *listed = clr_json_get_string (token, "listed");
      double similarity = json_double (token, "similarity", 0);
      double weight = json_double (token, "weight", 0);

      if (query == NULL)
        continue;

      n++;
      if (words->len > 0)
        g_string_append_c (words, '\n');

      if (listed == NULL)
        {
          /* Translators: %s is a word of the party's name. */
          g_string_append_printf (words, _("• “%s” has no counterpart in the listed name"), query);
        }
      else
        {
          n_matched++;
          g_ptr_array_add (query_tokens, clr_highlight_fold (query));
          g_ptr_array_add (entry_tokens, clr_highlight_fold (listed));
          if (similarity >= 0.999)
            /* Translators: %s is a word; %.0f %% how much of the name's distinctiveness it carries. */
            g_string_append_printf (words, _("• “%s” is in the listed name (carries %.0f %% of the name’s weight)"),
                                    query, weight * 100);
          else
            /* Translators: a word of the party's name, the listed word, a percentage, a percentage. */
            g_string_append_printf (words, _("• “%s” is close to “%s” (%.0f %% similar, carries %.0f %% of the name’s weight)"),
                                    query, listed, similarity * 100, weight * 100);
        }
    }

  if (n > 0)
    {
      g_autofree char *head = NULL;

      /* Translators: counts of words of the party's name. */
      head = g_strdup_printf (ngettext ("%u of %u word of the party’s name lines up with the listed name:",
                                        "%u of %u words of the party’s name line up with the listed name:",
                                        n),
                              n_matched, n);
      g_string_prepend_c (words, '\n');
      g_string_prepend (words, head);
    }

  if (hit != NULL && json_object_has_member (hit, "country_adjustment"))
    {
      double adjust = json_double (hit, "country_adjustment", 0);

      if (adjust > 0.0005)
        g_string_append_printf (words, "\n%s", _("The party’s country matches a country of the entry, which raised the score."));
      else if (adjust < -0.0005)
        g_string_append_printf (words, "\n%s", _("The party’s country is not among the entry’s countries, which lowered the score."));
    }

  g_ptr_array_add (query_tokens, NULL);
  g_ptr_array_add (entry_tokens, NULL);
}

char *
clr_review_reopened_text (const ClrReviewItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (item != NULL, NULL);

  if (item->previous_status != CLR_REVIEW_STATUS_OPEN)
    {
      const char *reason = clr_review_reason_get_label (item->previous_reason);

      /* Translators: the earlier decision and its reason, e.g. "Not a match (Different entity)". */
      g_string_append_printf (text, _("The earlier decision was “%s” (%s)."),
                              clr_review_status_get_label (item->previous_status),
                              reason != NULL ? reason : "");
    }

  if (item->changed_fields != NULL && item->changed_fields[0] != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", item->changed_fields);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %s is a list of field names, e.g. "name, addresses". */
      g_string_append_printf (text, _("Changed in the listed entry: %s"), fields);
    }

  if (item->previous_hash != NULL && item->content_hash != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: two content fingerprints (hashes) of the listed entry. */
      g_string_append_printf (text, _("Entry version %.12s → %.12s"),
                              item->previous_hash, item->content_hash);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
field_text (JsonObject *entry,
            const char *field)
{
  JsonNode *node;
  g_autoptr(GString) text = NULL;

  if (entry == NULL || !json_object_has_member (entry, field))
    return g_strdup ("—");
  node = json_object_get_member (entry, field);
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      const char *value = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
      return g_strdup (value != NULL && value[0] != '\0' ? value : "—");
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("—");

  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *value = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        value = json_node_get_string (element);
      else if (JSON_NODE_HOLDS_OBJECT (element))
        value = clr_json_get_string (json_node_get_object (element), "text");
      if (value == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, value);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("—");
}

char *
clr_review_entry_diff (ClrStore     *store,
                       const char   *entry_key,
                       GCancellable *cancellable)
{
  g_auto(GStrv) sources = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CLR_IS_STORE (store), NULL);
  g_return_val_if_fail (entry_key != NULL, NULL);

  sources = clr_store_list_loaded_sources (store, NULL);
  for (guint i = 0; sources != NULL && sources[i] != NULL && text->len == 0; i++)
    {
      g_autoptr(GPtrArray) changes = clr_store_diff_latest (store, sources[i], NULL, NULL, NULL);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          ClrListChange *change = g_ptr_array_index (changes, j);
          g_autoptr(ClrEntry) before = NULL;
          g_autoptr(ClrEntry) after = NULL;
          g_autoptr(JsonNode) before_json = NULL;
          g_autoptr(JsonNode) after_json = NULL;

          if (change->kind != CLR_LIST_CHANGE_CHANGED || g_strcmp0 (change->key, entry_key) != 0)
            continue;
          before = clr_store_get_entry (store, change->old_entry_id, NULL);
          after = clr_store_get_entry (store, change->new_entry_id, NULL);
          if (before == NULL || after == NULL)
            break;
          before_json = clr_entry_to_json (before);
          after_json = clr_entry_to_json (after);
          for (guint k = 0; change->fields != NULL && change->fields[k] != NULL; k++)
            {
              g_autofree char *old_text = field_text (json_node_get_object (before_json), change->fields[k]);
              g_autofree char *new_text = field_text (json_node_get_object (after_json), change->fields[k]);

              /* Translators: a field name, its value before and after a list update. */
              g_string_append_c (text, '\n');
              g_string_append_printf (text, _("%s: %s → %s"), change->fields[k], old_text, new_text);
            }
          break;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
