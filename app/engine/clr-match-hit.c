/* clr-match-hit.c — one screening hit: a listed entry, its score and why
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "clr-match-hit.h"

G_DEFINE_BOXED_TYPE (ClrHit, clr_hit, clr_hit_ref, clr_hit_unref)

static void
token_match_free (gpointer data)
{
  ClrTokenMatch *match = data;

  g_free (match->query_token);
  g_free (match->entry_token);
  g_free (match);
}

ClrHit *
clr_hit_new (gint64    entry_id,
             ClrEntry *entry)
{
  ClrHit *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_new0 (ClrHit, 1);
  self->ref_count = 1;
  self->entry_id = entry_id;
  self->entry = clr_entry_ref (entry);
  self->token_matches = g_ptr_array_new_with_free_func (token_match_free);
  return self;
}

ClrHit *
clr_hit_ref (ClrHit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->ref_count > 0, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
clr_hit_unref (ClrHit *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->ref_count > 0);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;

  clr_entry_unref (self->entry);
  g_free (self->matched_name);
  g_free (self->explanation);
  g_ptr_array_unref (self->token_matches);
  g_free (self);
}

void
clr_hit_add_token_match (ClrHit     *self,
                         const char *query_token,
                         const char *entry_token,
                         double      similarity,
                         double      weight)
{
  ClrTokenMatch *match;

  g_return_if_fail (self != NULL);

  match = g_new0 (ClrTokenMatch, 1);
  match->query_token = g_strdup (query_token);
  match->entry_token = g_strdup (entry_token);
  match->similarity = similarity;
  match->weight = weight;
  match->contribution = similarity * weight;
  g_ptr_array_add (self->token_matches, match);
}

/* Scores are shown with three decimals; JSON carries the same rounding so
 * the CLI, the GUI and a saved report never disagree. */
static double
round3 (double value)
{
  return round (value * 1000.0) / 1000.0;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
clr_hit_to_json (const ClrHit *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  const ClrEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = self->entry;
  key = (entry->entry_id != NULL && *entry->entry_id != '\0')
        ? g_strdup (entry->entry_id) : clr_entry_dup_key (entry);
  hash = clr_entry_content_hash (entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, round3 (self->score));
  add_string (builder, "list", entry->list_code);
  add_string (builder, "list_name", entry->list_name);
  add_string (builder, "entry_id", key);
  add_string (builder, "name", entry->name);
  add_string (builder, "matched_name", self->matched_name);
  json_builder_set_member_name (builder, "countries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entry->countries->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (entry->countries, i));
  json_builder_end_array (builder);
  add_string (builder, "license_requirement", entry->license_requirement);
  add_string (builder, "license_policy", entry->license_policy);
  add_string (builder, "federal_register", entry->federal_register);
  add_string (builder, "explanation", self->explanation);
  json_builder_set_member_name (builder, "entry_row");
  json_builder_add_int_value (builder, self->entry_id);
  add_string (builder, "content_hash", hash);
  json_builder_set_member_name (builder, "name_score");
  json_builder_add_double_value (builder, round3 (self->name_score));
  json_builder_set_member_name (builder, "country_adjustment");
  json_builder_add_double_value (builder, round3 (self->country_adjust));
  json_builder_set_member_name (builder, "tokens");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->token_matches->len; i++)
    {
      const ClrTokenMatch *m = g_ptr_array_index (self->token_matches, i);

      json_builder_begin_object (builder);
      add_string (builder, "query", m->query_token);
      add_string (builder, "listed", m->entry_token);
      json_builder_set_member_name (builder, "similarity");
      json_builder_add_double_value (builder, round3 (m->similarity));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, round3 (m->weight));
      json_builder_set_member_name (builder, "contribution");
      json_builder_add_double_value (builder, round3 (m->contribution));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
