/* clr-match-hit.c — one screening hit: a listed entry, its score and why
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "clr-json.h"
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

JsonNode *
clr_hit_to_json (const ClrHit *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  const ClrEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = self->entry;
  key = clr_entry_dup_hit_key (entry);
  hash = clr_entry_content_hash (entry);

  json_builder_begin_object (builder);
  clr_json_add_double (builder, "score", round3 (self->score));
  clr_json_add_string (builder, "list", entry->list_code);
  clr_json_add_string (builder, "list_name", entry->list_name);
  clr_json_add_string (builder, "entry_id", key);
  clr_json_add_string (builder, "name", entry->name);
  clr_json_add_string (builder, "matched_name", self->matched_name);
  clr_json_add_string_array (builder, "countries", entry->countries);
  clr_json_add_string (builder, "license_requirement", entry->license_requirement);
  clr_json_add_string (builder, "license_policy", entry->license_policy);
  clr_json_add_string (builder, "federal_register", entry->federal_register);
  clr_json_add_string (builder, "explanation", self->explanation);
  clr_json_add_int (builder, "entry_row", self->entry_id);
  clr_json_add_string (builder, "content_hash", hash);
  clr_json_add_double (builder, "name_score", round3 (self->name_score));
  clr_json_add_double (builder, "country_adjustment", round3 (self->country_adjust));
  json_builder_set_member_name (builder, "tokens");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->token_matches->len; i++)
    {
      const ClrTokenMatch *m = g_ptr_array_index (self->token_matches, i);

      json_builder_begin_object (builder);
      clr_json_add_string (builder, "query", m->query_token);
      clr_json_add_string (builder, "listed", m->entry_token);
      clr_json_add_double (builder, "similarity", round3 (m->similarity));
      clr_json_add_double (builder, "weight", round3 (m->weight));
      clr_json_add_double (builder, "contribution", round3 (m->contribution));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- the same object as text, without building it ---- */

static void
text_string (GString    *out,
             const char *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else
    clr_json_append_string (out, value, TRUE);
}

static void
text_member (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  text_string (out, value);
}

static void
text_double (GString    *out,
             const char *name,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (name != NULL)
    g_string_append_printf (out, ",\"%s\":", name);
  g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
  /* json-glib writes an integral double as "1.0" */
  if (strpbrk (buf, ".eEni") == NULL)
    g_string_append (out, ".0");
}

/**
 * clr_hit_to_json_text:
 * @self: a hit
 * @content_hash: (nullable): clr_entry_content_hash() of its entry, when the
 *   caller has it already (a batch meets the same entry many times)
 *
 * The text of clr_hit_to_json() (as json-glib writes it, compactly),
 * written directly: a batch records tens of thousands of hits.
 *
 * Returns: (transfer full): the JSON text
 */
char *
clr_hit_to_json_text (const ClrHit *self,
                      const char   *content_hash)
{
  GString *out;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  const ClrEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = self->entry;
  key = clr_entry_dup_hit_key (entry);
  if (content_hash == NULL)
    content_hash = hash = clr_entry_content_hash (entry);

  out = g_string_sized_new (1024);
  g_string_append (out, "{\"score\":");
  text_double (out, NULL, round3 (self->score));
  text_member (out, "list", entry->list_code);
  text_member (out, "list_name", entry->list_name);
  text_member (out, "entry_id", key);
  text_member (out, "name", entry->name);
  text_member (out, "matched_name", self->matched_name);
  g_string_append (out, ",\"countries\":[");
  for (guint i = 0; i < entry->countries->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      text_string (out, g_ptr_array_index (entry->countries, i));
    }
  g_string_append_c (out, ']');
  text_member (out, "license_requirement", entry->license_requirement);
  text_member (out, "license_policy", entry->license_policy);
  text_member (out, "federal_register", entry->federal_register);
  text_member (out, "explanation", self->explanation);
  g_string_append_printf (out, ",\"entry_row\":%" G_GINT64_FORMAT, self->entry_id);
  text_member (out, "content_hash", content_hash);
  text_double (out, "name_score", round3 (self->name_score));
  text_double (out, "country_adjustment", round3 (self->country_adjust));
  g_string_append (out, ",\"tokens\":[");
  for (guint i = 0; i < self->token_matches->len; i++)
    {
      const ClrTokenMatch *m = g_ptr_array_index (self->token_matches, i);

      g_string_append (out, i > 0 ? ",{\"query\":" : "{\"query\":");
      text_string (out, m->query_token);
      text_member (out, "listed", m->entry_token);
      text_double (out, "similarity", round3 (m->similarity));
      text_double (out, "weight", round3 (m->weight));
      text_double (out, "contribution", round3 (m->contribution));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");

  return g_string_free (out, FALSE);
}

const char *
clr_hit_list_code (JsonObject *hit)
{
  const char *code = clr_json_get_string (hit, "list");

  if (code == NULL)
    code = clr_json_get_string (hit, "list_code");
  if (code == NULL && hit != NULL && json_object_has_member (hit, "entry"))
    {
      JsonNode *entry = json_object_get_member (hit, "entry");

      if (JSON_NODE_HOLDS_OBJECT (entry))
        code = clr_json_get_string (json_node_get_object (entry), "list_code");
    }
  return code;
}

