/* clr-store-review.c — the review queue: potential hits and the decisions on them
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "clr-entry.h"
#include "clr-family.h"
#include "clr-match-hit.h"
#include "clr-store-audit.h"
#include "clr-store-lists-private.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-review.h"

G_DEFINE_BOXED_TYPE (ClrReviewItem, clr_review_item, clr_review_item_ref, clr_review_item_unref)
G_DEFINE_BOXED_TYPE (ClrReviewFamily, clr_review_family, clr_review_family_ref, clr_review_family_unref)

/* ---- statuses and reasons ---- */

static const char * const status_names[] = { "open", "match", "no_match", "escalated" };
static const char * const status_labels[] = { N_("Open"), N_("Match"), N_("Not a match"), N_("Escalated") };

static const char * const reason_names[] = {
  NULL,
  "different-entity",
  "different-country",
  "different-address",
  "name-coincidence",
  "confirmed-by-documents",
  "other",
};
static const char * const reason_labels[] = {
  N_("No reason"),
  N_("Different entity"),
  N_("Different country"),
  N_("Different address"),
  N_("Name coincidence"),
  N_("Confirmed by documents"),
  N_("Other"),
};

const char *
clr_review_status_to_string (ClrReviewStatus status)
{
  if ((guint) status < G_N_ELEMENTS (status_names))
    return status_names[status];
  return NULL;
}

gboolean
clr_review_status_from_string (const char      *text,
                               ClrReviewStatus *status)
{
  if (g_strcmp0 (text, "no-match") == 0)
    {
      *status = CLR_REVIEW_STATUS_NO_MATCH;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (ClrReviewStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
clr_review_status_get_label (ClrReviewStatus status)
{
  if ((guint) status < G_N_ELEMENTS (status_labels))
    return _(status_labels[status]);
  return NULL;
}

const char *
clr_review_reason_to_string (ClrReviewReason reason)
{
  if ((guint) reason < G_N_ELEMENTS (reason_names))
    return reason_names[reason];
  return NULL;
}

gboolean
clr_review_reason_from_string (const char      *text,
                               ClrReviewReason *reason)
{
  for (guint i = 1; i < G_N_ELEMENTS (reason_names); i++)
    if (g_strcmp0 (text, reason_names[i]) == 0)
      {
        *reason = (ClrReviewReason) i;
        return TRUE;
      }
  return FALSE;
}

const char *
clr_review_reason_get_label (ClrReviewReason reason)
{
  if ((guint) reason < G_N_ELEMENTS (reason_labels))
    return _(reason_labels[reason]);
  return NULL;
}

/* ---- the item ---- */

ClrReviewItem *
clr_review_item_ref (ClrReviewItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
clr_review_item_unref (ClrReviewItem *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_free (self->party_name);
  g_free (self->party_key);
  g_free (self->party_country);
  g_free (self->party_role);
  g_free (self->origin);
  g_clear_pointer (&self->party, json_node_unref);
  g_free (self->list_code);
  g_free (self->entry_key);
  g_free (self->content_hash);
  g_free (self->entry_name);
  g_clear_pointer (&self->entry, json_node_unref);
  g_free (self->matched_name);
  g_free (self->explanation);
  g_clear_pointer (&self->hit, json_node_unref);
  g_free (self->note);
  g_free (self->decided_by);
  g_free (self->decided_by_user);
  g_free (self->decided_at);
  g_free (self->first_seen_at);
  g_free (self->last_seen_at);
  g_free (self->previous_hash);
  g_strfreev (self->changed_fields);
  g_free (self->family_key);
  g_free (self);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
clr_review_item_to_json (const ClrReviewItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  add_string (builder, "status", clr_review_status_to_string (self->status));
  add_string (builder, "reason", clr_review_reason_to_string (self->reason));
  add_string (builder, "note", self->note);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, self->score);

  json_builder_set_member_name (builder, "party");
  json_builder_begin_object (builder);
  add_string (builder, "name", self->party_name);
  add_string (builder, "key", self->party_key);
  add_string (builder, "country", self->party_country);
  add_string (builder, "role", self->party_role);
  json_builder_set_member_name (builder, "case_id");
  if (self->case_id > 0)
    json_builder_add_int_value (builder, self->case_id);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "entry");
  json_builder_begin_object (builder);
  add_string (builder, "list", self->list_code);
  add_string (builder, "key", self->entry_key);
  add_string (builder, "name", self->entry_name);
  json_builder_set_member_name (builder, "entry_row");
  json_builder_add_int_value (builder, self->entry_row);
  add_string (builder, "content_hash", self->content_hash);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_boolean_value (builder, self->entry_removed);
  add_string (builder, "family", self->family_key);
  json_builder_end_object (builder);

  add_string (builder, "matched_name", self->matched_name);
  add_string (builder, "explanation", self->explanation);
  add_string (builder, "origin", self->origin);
  add_string (builder, "decided_by", self->decided_by);
  add_string (builder, "decided_by_user", self->decided_by_user);
  add_string (builder, "decided_at", self->decided_at);
  add_string (builder, "first_seen_at", self->first_seen_at);
  add_string (builder, "last_seen_at", self->last_seen_at);

  json_builder_set_member_name (builder, "reopened");
  json_builder_add_boolean_value (builder, self->reopened);
  if (self->reopened)
    {
      add_string (builder, "previous_status", clr_review_status_to_string (self->previous_status));
      add_string (builder, "previous_reason", clr_review_reason_to_string (self->previous_reason));
      add_string (builder, "previous_hash", self->previous_hash);
      json_builder_set_member_name (builder, "changed_fields");
      json_builder_begin_array (builder);
      for (guint i = 0; self->changed_fields[i] != NULL; i++)
        json_builder_add_string_value (builder, self->changed_fields[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
clr_review_filter_init (ClrReviewFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->status = CLR_REVIEW_STATUS_ANY;
}

/* ---- helpers ---- */

char *
clr_review_normalize_party_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) out = NULL;
  gboolean space = TRUE;

  if (name == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
          type == G_UNICODE_SPACING_MARK)
        continue;

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return 0;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return 0;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return 0;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return 0;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static char *
strv_to_json_text (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return _clr_json_to_text (root);
}

static GStrv
json_text_to_strv (const char *text)
{
  g_autoptr(JsonNode) node = clr_json_from_text (text, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *s = json_array_get_string_element (array, i);
          if (s != NULL)
            g_strv_builder_add (builder, s);
        }
    }

  return g_strv_builder_end (builder);
}

/* ---- reading items ---- */

/* An item's entry snapshot: its own copy, else the shared one it names
 * (0008-review-snapshots.sql). */
#define ENTRY_JSON \
  "coalesce (entry_json, (SELECT s.json FROM review_entry_snapshots s " \
  "WHERE s.hash = review_items.entry_snapshot))"

#define ITEM_COLUMNS \
  "SELECT id, party_name, party_key, party_country, party_role, case_id, origin, party_json, " \
  "list_code, entry_key, entry_row, content_hash, entry_name, " ENTRY_JSON ", entry_removed, " \
  "score, matched_name, explanation, hit_json, status, reason, note, decided_by, " \
  "decided_by_user, decided_at, first_seen_at, last_seen_at, reopened, previous_status, " \
  "previous_reason, previous_hash, changed_fields FROM review_items "

static ClrReviewItem *
item_from_stmt (sqlite3_stmt *stmt)
{
  ClrReviewItem *item = g_new0 (ClrReviewItem, 1);
  g_autofree char *party_json = _clr_stmt_dup_text (stmt, 7);
  g_autofree char *entry_json = _clr_stmt_dup_text (stmt, 13);
  g_autofree char *hit_json = _clr_stmt_dup_text (stmt, 18);
  g_autofree char *changed = _clr_stmt_dup_text (stmt, 31);
  const char *text;

  item->ref_count = 1;
  item->id = sqlite3_column_int64 (stmt, 0);
  item->party_name = _clr_stmt_dup_text (stmt, 1);
  item->party_key = _clr_stmt_dup_text (stmt, 2);
  text = (const char *) sqlite3_column_text (stmt, 3);
  item->party_country = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  item->party_role = _clr_stmt_dup_text (stmt, 4);
  item->case_id = sqlite3_column_int64 (stmt, 5);
  item->origin = _clr_stmt_dup_text (stmt, 6);
  item->party = clr_json_from_text (party_json, NULL);
  text = (const char *) sqlite3_column_text (stmt, 8);
  item->list_code = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  item->entry_key = _clr_stmt_dup_text (stmt, 9);
  item->entry_row = sqlite3_column_int64 (stmt, 10);
  item->content_hash = _clr_stmt_dup_text (stmt, 11);
  item->entry_name = _clr_stmt_dup_text (stmt, 12);
  item->entry = clr_json_from_text (entry_json, NULL);
  item->entry_removed = sqlite3_column_int (stmt, 14) != 0;
  item->score = sqlite3_column_double (stmt, 15);
  item->matched_name = _clr_stmt_dup_text (stmt, 16);
  item->explanation = _clr_stmt_dup_text (stmt, 17);
  item->hit = clr_json_from_text (hit_json, NULL);
  if (!clr_review_status_from_string ((const char *) sqlite3_column_text (stmt, 19), &item->status))
    item->status = CLR_REVIEW_STATUS_OPEN;
  if (!clr_review_reason_from_string ((const char *) sqlite3_column_text (stmt, 20), &item->reason))
    item->reason = CLR_REVIEW_REASON_NONE;
  item->note = _clr_stmt_dup_text (stmt, 21);
  item->decided_by = _clr_stmt_dup_text (stmt, 22);
  item->decided_by_user = _clr_stmt_dup_text (stmt, 23);
  item->decided_at = _clr_stmt_dup_text (stmt, 24);
  item->first_seen_at = _clr_stmt_dup_text (stmt, 25);
  item->last_seen_at = _clr_stmt_dup_text (stmt, 26);
  item->reopened = sqlite3_column_int (stmt, 27) != 0;
  if (!clr_review_status_from_string ((const char *) sqlite3_column_text (stmt, 28), &item->previous_status))
    item->previous_status = CLR_REVIEW_STATUS_OPEN;
  if (!clr_review_reason_from_string ((const char *) sqlite3_column_text (stmt, 29), &item->previous_reason))
    item->previous_reason = CLR_REVIEW_REASON_NONE;
  item->previous_hash = _clr_stmt_dup_text (stmt, 30);
  item->changed_fields = json_text_to_strv (changed);
  item->family_key = clr_family_key (clr_normalizer_get_default (),
                                     item->entry_name != NULL ? item->entry_name : item->entry_key);

  return item;
}

static char *
like_pattern (const char *search)
{
  g_autoptr(GString) pattern = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

GPtrArray *
clr_store_review_list (ClrStore               *self,
                       const ClrReviewFilter  *filter,
                       GError                **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *country = NULL;
  ClrReviewFilter all;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (filter == NULL)
    {
      clr_review_filter_init (&all);
      filter = &all;
    }

  if (filter->search != NULL && *filter->search != '\0')
    {
      g_autofree char *normalized = clr_review_normalize_party_name (filter->search);

      pattern = like_pattern (filter->search);
      if (*normalized != '\0')
        folded = like_pattern (normalized);
    }
  if (filter->country != NULL && *filter->country != '\0')
    country = g_ascii_strup (filter->country, -1);

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             ITEM_COLUMNS
                             "WHERE (?1 IS NULL OR status = ?1) "
                             "AND (?2 IS NULL OR list_code = ?2) "
                             "AND (?3 IS NULL OR score >= ?3) "
                             "AND (?4 IS NULL OR score <= ?4) "
                             "AND (?5 IS NULL OR party_country = ?5) "
                             "AND (?6 IS NULL OR party_name LIKE ?6 ESCAPE '\\' OR party_key LIKE ?7 ESCAPE '\\' "
                             "     OR entry_name LIKE ?6 ESCAPE '\\' OR matched_name LIKE ?6 ESCAPE '\\' "
                             "     OR entry_key LIKE ?6 ESCAPE '\\') "
                             "AND (?8 IS NULL OR case_id = ?8 OR id IN (SELECT item_id FROM review_sightings WHERE case_id = ?8)) "
                             "AND (?9 = 0 OR reopened = 1) "
                             "ORDER BY last_seen_at DESC, score DESC, id DESC LIMIT ?10", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return NULL;
    }

  _clr_stmt_bind_text_or_null (stmt, 1, filter->status == CLR_REVIEW_STATUS_ANY ? NULL
                                        : clr_review_status_to_string (filter->status));
  _clr_stmt_bind_text_or_null (stmt, 2, (filter->list_code && *filter->list_code) ? filter->list_code : NULL);
  if (filter->min_score > 0)
    sqlite3_bind_double (stmt, 3, filter->min_score);
  if (filter->max_score > 0)
    sqlite3_bind_double (stmt, 4, filter->max_score);
  _clr_stmt_bind_text_or_null (stmt, 5, country);
  _clr_stmt_bind_text_or_null (stmt, 6, pattern);
  _clr_stmt_bind_text_or_null (stmt, 7, folded);
  if (filter->case_id > 0)
    sqlite3_bind_int64 (stmt, 8, filter->case_id);
  sqlite3_bind_int (stmt, 9, filter->reopened_only ? 1 : 0);
  sqlite3_bind_int64 (stmt, 10, filter->limit > 0 ? (gint64) filter->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      _clr_store_unlock (self);
      return NULL;
    }
  _clr_store_unlock (self);

  return g_steal_pointer (&items);
}

static ClrReviewItem *
get_item_unlocked (ClrStore  *self,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _clr_store_prepare (self, ITEM_COLUMNS "WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return item_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                 _("There is no review item %" PRId64), id);
  else
    _clr_store_set_error (self, error, _("Reading the review queue"));
  return NULL;
}

ClrReviewItem *
clr_store_review_get (ClrStore  *self,
                      gint64     id,
                      GError   **error)
{
  ClrReviewItem *item;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  item = get_item_unlocked (self, id, error);
  _clr_store_unlock (self);

  return item;
}

gboolean
clr_store_review_result_is_current (ClrStore  *self,
                                    JsonNode  *result,
                                    gboolean  *is_current,
                                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonNode *screening;
  gboolean ok = TRUE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_current != NULL, FALSE);

  *is_current = TRUE;
  screening = result != NULL && JSON_NODE_HOLDS_OBJECT (result)
              ? json_object_get_member (json_node_get_object (result), "screening") : NULL;
  if (screening == NULL || !JSON_NODE_HOLDS_ARRAY (screening))
    return TRUE;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT status FROM review_items WHERE id = ?", error);
  if (stmt == NULL)
    ok = FALSE;
  for (guint i = 0; ok && *is_current && i < json_array_get_length (json_node_get_array (screening)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (screening), i);
      JsonNode *hits = JSON_NODE_HOLDS_OBJECT (element)
                       ? json_object_get_member (json_node_get_object (element), "hits") : NULL;
      JsonArray *array = hits != NULL && JSON_NODE_HOLDS_ARRAY (hits) ? json_node_get_array (hits) : NULL;

      for (guint h = 0; ok && *is_current && array != NULL && h < json_array_get_length (array); h++)
        {
          JsonNode *node = json_array_get_element (array, h);
          JsonObject *hit = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *id = hit != NULL ? json_object_get_member (hit, "review_id") : NULL;
          JsonNode *decision = hit != NULL ? json_object_get_member (hit, "decision") : NULL;
          int rc;

          if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64)
            continue;
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, json_node_get_int (id));
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              const char *now = (const char *) sqlite3_column_text (stmt, 0);
              const char *then = decision != NULL && JSON_NODE_HOLDS_VALUE (decision)
                                 && json_node_get_value_type (decision) == G_TYPE_STRING
                                 ? json_node_get_string (decision) : NULL;
              if (g_strcmp0 (now, then) != 0)
                *is_current = FALSE;
            }
          else if (rc != SQLITE_DONE)
            {
              _clr_store_set_error (self, error, _("Reading the review queue"));
              ok = FALSE;
            }
        }
    }
  _clr_store_unlock (self);

  if (!ok)
    *is_current = TRUE;
  return ok;
}

gboolean
clr_store_review_count (ClrStore  *self,
                        guint      counts[4],
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  memset (counts, 0, 4 * sizeof (guint));

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT status, count(*) FROM review_items GROUP BY status", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClrReviewStatus status;

      if (clr_review_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &status))
        counts[status] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      _clr_store_unlock (self);
      return FALSE;
    }
  _clr_store_unlock (self);

  return TRUE;
}

/* ---- deciding ---- */

static JsonNode *
decision_json (ClrReviewStatus  status,
               ClrReviewReason  reason,
               const char      *note,
               const char      *content_hash)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "status", clr_review_status_to_string (status));
  add_string (builder, "reason", clr_review_reason_to_string (reason));
  add_string (builder, "note", note);
  if (content_hash != NULL)
    add_string (builder, "content_hash", content_hash);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Decides one item; the caller holds the lock inside a transaction. */
static gboolean
decide_unlocked (ClrStore         *self,
                 gint64            id,
                 ClrReviewStatus   status,
                 ClrReviewReason   reason,
                 const char       *note,
                 const char       *display_name,
                 const char       *now,
                 GError          **error)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  JsonObject *after_object;

  item = get_item_unlocked (self, id, error);
  if (item == NULL)
    return FALSE;

  before = decision_json (item->status, item->reason, item->note, item->content_hash);
  after = decision_json (status, reason, note, item->content_hash);
  after_object = json_node_get_object (after);
  json_object_set_string_member (after_object, "party", item->party_name);
  if (item->party_country != NULL)
    json_object_set_string_member (after_object, "party_country", item->party_country);
  if (item->list_code != NULL)
    json_object_set_string_member (after_object, "list", item->list_code);
  json_object_set_string_member (after_object, "entry_key", item->entry_key);
  if (item->entry_name != NULL)
    json_object_set_string_member (after_object, "entry_name", item->entry_name);

  stmt = _clr_store_prepare (self,
                             "UPDATE review_items SET status = ?, reason = ?, note = ?, decided_by = ?, "
                             "decided_by_user = ?, decided_at = ?, decided_hash = content_hash, "
                             "reopened = 0 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clr_review_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clr_review_reason_to_string (reason), -1, SQLITE_STATIC);
  _clr_stmt_bind_text_or_null (stmt, 3, note);
  sqlite3_bind_text (stmt, 4, display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Saving a decision"));
      return FALSE;
    }

  return clr_store_audit_append_unlocked (self, display_name, CLR_AUDIT_REVIEW_DECIDE, "review", subject,
                                          item->case_id, before, after, error) != 0;
}

gboolean
clr_store_review_decide_many (ClrStore         *self,
                              const gint64     *ids,
                              guint             n_ids,
                              ClrReviewStatus   status,
                              ClrReviewReason   reason,
                              const char       *note,
                              const char       *reviewer,
                              GError          **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *now = _clr_store_now_iso ();

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (status != CLR_REVIEW_STATUS_MATCH && status != CLR_REVIEW_STATUS_NO_MATCH &&
      status != CLR_REVIEW_STATUS_ESCALATED)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A decision is Match, Not a match or Escalate"));
      return FALSE;
    }
  if (reason == CLR_REVIEW_REASON_NONE || clr_review_reason_to_string (reason) == NULL)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A decision needs a reason: different-entity, different-country, "
                     "different-address, name-coincidence, confirmed-by-documents or other"));
      return FALSE;
    }
  if (note != NULL && *note == '\0')
    note = NULL;
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("The note is not valid UTF-8 text"));
      return FALSE;
    }

  display_name = (reviewer != NULL && *reviewer != '\0') ? g_strdup (reviewer)
                                                         : clr_store_audit_dup_reviewer (self);

  _clr_store_lock (self);
  if (!_clr_store_begin (self, error))
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    if (!decide_unlocked (self, ids[i], status, reason, note, display_name, now, error))
      goto fail;
  if (!_clr_store_commit (self, error))
    goto fail;
  _clr_store_unlock (self);
  return TRUE;

fail:
  _clr_store_rollback (self);
  _clr_store_unlock (self);
  return FALSE;
}

gboolean
clr_store_review_decide (ClrStore         *self,
                         gint64            id,
                         ClrReviewStatus   status,
                         ClrReviewReason   reason,
                         const char       *note,
                         const char       *reviewer,
                         GError          **error)
{
  return clr_store_review_decide_many (self, &id, 1, status, reason, note, reviewer, error);
}

/* ---- list families ---- */

ClrReviewFamily *
clr_review_family_ref (ClrReviewFamily *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
clr_review_family_unref (ClrReviewFamily *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_ptr_array_unref (self->members);
  g_free (self);
}

static gboolean
same_family (const ClrReviewItem *a,
             const ClrReviewItem *b)
{
  return g_strcmp0 (a->party_key, b->party_key) == 0 &&
         g_strcmp0 (a->party_country, b->party_country) == 0 &&
         g_strcmp0 (a->list_code, b->list_code) == 0 &&
         a->family_key != NULL && *a->family_key != '\0' &&
         g_strcmp0 (a->family_key, b->family_key) == 0;
}

/* Whether the party's country is among the listed entry's countries. */
static gboolean
country_agrees (const ClrReviewItem *item)
{
  JsonObject *hit = item->hit != NULL && JSON_NODE_HOLDS_OBJECT (item->hit) ? json_node_get_object (item->hit) : NULL;
  JsonNode *countries = hit != NULL ? json_object_get_member (hit, "countries") : NULL;

  if (item->party_country == NULL || countries == NULL || !JSON_NODE_HOLDS_ARRAY (countries))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (countries)); i++)
    {
      JsonNode *c = json_array_get_element (json_node_get_array (countries), i);

      if (JSON_NODE_HOLDS_VALUE (c) && json_node_get_value_type (c) == G_TYPE_STRING &&
          g_ascii_strcasecmp (json_node_get_string (c), item->party_country) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The entity before its family: strongest first, then the member in the
 * party's country (a "(Yangon)" party is the Yangon subsidiary), then the
 * shortest listed name (the parent names no place or branch), then the
 * oldest item. */
static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const ClrReviewItem *ia = *(ClrReviewItem **) a;
  const ClrReviewItem *ib = *(ClrReviewItem **) b;
  glong la = ia->entry_name != NULL ? g_utf8_strlen (ia->entry_name, -1) : 0;
  glong lb = ib->entry_name != NULL ? g_utf8_strlen (ib->entry_name, -1) : 0;
  gboolean ca = country_agrees (ia), cb = country_agrees (ib);

  if (ia->score != ib->score)
    return ia->score > ib->score ? -1 : 1;
  if (ca != cb)
    return ca ? -1 : 1;
  if (la != lb)
    return la < lb ? -1 : 1;
  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

GPtrArray *
clr_review_group_families (GPtrArray *items)
{
  GPtrArray *families = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_family_unref);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (items != NULL, families);

  for (guint i = 0; i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;
      ClrReviewFamily *family = NULL;

      if (item->family_key != NULL && *item->family_key != '\0')
        {
          key = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", item->party_key ? item->party_key : "",
                                 item->party_country ? item->party_country : "",
                                 item->list_code ? item->list_code : "", item->family_key);
          family = g_hash_table_lookup (index, key);
        }
      if (family == NULL)
        {
          family = g_new0 (ClrReviewFamily, 1);
          family->ref_count = 1;
          family->members = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
          g_ptr_array_add (families, family);
          if (key != NULL)
            g_hash_table_insert (index, g_steal_pointer (&key), family);
        }
      g_ptr_array_add (family->members, clr_review_item_ref (item));
    }
  for (guint i = 0; i < families->len; i++)
    {
      ClrReviewFamily *family = g_ptr_array_index (families, i);

      g_ptr_array_sort (family->members, compare_members);
      family->head = g_ptr_array_index (family->members, 0);
    }
  return families;
}

GPtrArray *
clr_store_review_list_family (ClrStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_review_item_unref);
  int rc;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  item = get_item_unlocked (self, id, error);
  if (item == NULL)
    goto fail;
  stmt = _clr_store_prepare (self,
                             ITEM_COLUMNS "WHERE party_key = ?1 AND party_country = ?2 AND list_code = ?3 "
                             "ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, item->party_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, item->party_country ? item->party_country : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, item->list_code ? item->list_code : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClrReviewItem *other = item_from_stmt (stmt);

      if (other->id == item->id || same_family (item, other))
        g_ptr_array_add (items, other);
      else
        clr_review_item_unref (other);
    }
  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      goto fail;
    }
  _clr_store_unlock (self);
  g_ptr_array_sort (items, compare_members);
  return g_steal_pointer (&items);

fail:
  _clr_store_unlock (self);
  return NULL;
}

/* ---- recording hits ---- */

typedef struct
{
  JsonObject *hit;           /* borrowed from the caller's array: annotated in place */
  /* the party's, borrowed from its PendingParty (which outlives the hit) */
  const char *party_name;
  const char *party_key;
  const char *party_country;
  const char *party_role;
  const char *party_json;    /* as text (borrowed from its PendingParty) */
  gint64      case_id;
  JsonArray  *other_cases;   /* more case ids the party is in (re-screening), or NULL */
  char       *list_code;
  char       *entry_key;
  gint64      entry_row;
  char       *content_hash;
  char       *entry_name;
  const char *entry_json;    /* the stored entry's snapshot (borrowed from the
                                EntryCache), NULL when the hit names no stored row */
  struct _CachedEntry *cached; /* its cache entry (borrowed), or NULL */
  double      score;
  const char *matched_name;  /* borrowed from the hit */
  const char *explanation;   /* borrowed from the hit */
  char       *hit_json;      /* the hit as stored, when written without a JsonObject */
} PendingHit;

/* The stored entries a recording touches, each read once however many
 * parties hit it (a batch hits the same entries thousands of times). The
 * stored data is the entry's JSON as clr_entry_to_json() wrote it: the
 * snapshot the queue keeps, used as is; the entry is parsed only when a
 * field is needed (a hit without list or hash, a reopened decision). */
typedef struct _CachedEntry
{
  char     *json;            /* list_entry.data */
  char     *key;             /* the key the list version stored */
  char     *content_hash;
  char     *list_code;
  char     *name;
  char     *snapshot;        /* SHA-256 of json once stored in review_entry_snapshots */
} CachedEntry;

typedef struct
{
  GHashTable   *entries;     /* gint64 * row → CachedEntry * (json NULL: no such row); borrowed */
  sqlite3_stmt *select;
} EntryCache;

static void
cached_entry_free (CachedEntry *c)
{
  g_free (c->json);
  g_free (c->key);
  g_free (c->content_hash);
  g_free (c->list_code);
  g_free (c->name);
  g_free (c->snapshot);
  g_free (c);
}

/* Finalises the cache's statement; its entries stay (pending hits borrow
 * their snapshots) until the caller drops cache->entries. */
static void
entry_cache_close (ClrStore   *self,
                   EntryCache *cache)
{
  if (cache->select != NULL)
    {
      _clr_store_lock (self);
      g_clear_pointer (&cache->select, sqlite3_finalize);
      _clr_store_unlock (self);
    }
}

static CachedEntry *
entry_cache_get (ClrStore   *self,
                 EntryCache *cache,
                 gint64      row)
{
  CachedEntry *c = g_hash_table_lookup (cache->entries, &row);
  gint64 *key;

  if (c != NULL)
    return c->json != NULL ? c : NULL;
  c = g_new0 (CachedEntry, 1);
  _clr_store_lock (self);
  if (cache->select == NULL)
    cache->select = _clr_store_prepare (self, "SELECT data, entry_key, content_hash, list_code, name "
                                              "FROM list_entry WHERE id = ?", NULL);
  else
    sqlite3_reset (cache->select);
  if (cache->select != NULL)
    {
      sqlite3_bind_int64 (cache->select, 1, row);
      if (sqlite3_step (cache->select) == SQLITE_ROW)
        {
          c->json = _clr_stmt_dup_text (cache->select, 0);
          c->key = _clr_stmt_dup_text (cache->select, 1);
          c->content_hash = _clr_stmt_dup_text (cache->select, 2);
          c->list_code = _clr_stmt_dup_text (cache->select, 3);
          c->name = _clr_stmt_dup_text (cache->select, 4);
        }
      sqlite3_reset (cache->select);
    }
  _clr_store_unlock (self);
  key = g_new (gint64, 1);
  *key = row;
  g_hash_table_insert (cache->entries, key, c);
  return c->json != NULL ? c : NULL;
}

/* The entry a snapshot describes, or NULL. */
static ClrEntry *
entry_from_snapshot (const char *json)
{
  g_autoptr(JsonNode) node = clr_json_from_text (json, NULL);

  return node != NULL ? clr_entry_from_json (node, NULL) : NULL;
}

/* The statements of one recording, prepared once (inside its transaction)
 * and reset between rows. */
typedef struct
{
  sqlite3_stmt *find;
  sqlite3_stmt *update;
  sqlite3_stmt *insert;
  sqlite3_stmt *sighting;
  sqlite3_stmt *remember;
  sqlite3_stmt *snapshot;
} RecordStmts;

static void
record_stmts_clear (RecordStmts *st)
{
  g_clear_pointer (&st->find, sqlite3_finalize);
  g_clear_pointer (&st->update, sqlite3_finalize);
  g_clear_pointer (&st->insert, sqlite3_finalize);
  g_clear_pointer (&st->sighting, sqlite3_finalize);
  g_clear_pointer (&st->remember, sqlite3_finalize);
  g_clear_pointer (&st->snapshot, sqlite3_finalize);
}

/* *@slot prepared on first use, else reset with its bindings cleared. */
static sqlite3_stmt *
cached_stmt (ClrStore      *self,
             sqlite3_stmt **slot,
             const char    *sql,
             GError       **error)
{
  if (*slot == NULL)
    *slot = _clr_store_prepare (self, sql, error);
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }
  return *slot;
}

static void
pending_hit_free (PendingHit *p)
{
  g_clear_pointer (&p->other_cases, json_array_unref);
  g_free (p->list_code);
  g_free (p->entry_key);
  g_free (p->content_hash);
  g_free (p->entry_name);
  g_free (p->hit_json);
  g_free (p);
}

typedef struct
{
  char     *name;
  char     *key;
  char     *country;
  char     *role;
  JsonNode *party;
  char     *json;            /* the party as text, serialised once */
  gint64    case_id;
  JsonArray *other_cases;
} PendingParty;

static void
pending_party_free (PendingParty *p)
{
  g_free (p->name);
  g_free (p->key);
  g_free (p->country);
  g_free (p->role);
  g_clear_pointer (&p->party, json_node_unref);
  g_free (p->json);
  g_clear_pointer (&p->other_cases, json_array_unref);
  g_free (p);
}

static char *
upper_or_null (const char *text)
{
  return (text != NULL && *text != '\0') ? g_ascii_strup (text, -1) : NULL;
}

/* Works out the party (or ultimate parent) a screening element is about. */
static PendingParty *
pending_party_new (JsonObject *element,
                   JsonArray  *parties,
                   gint64      default_case_id)
{
  PendingParty *p;
  JsonObject *party = NULL;
  JsonObject *subject_object;
  const char *subject = clr_json_get_string (element, "subject");
  const char *name = clr_json_get_string (element, "name");
  gint64 index = member_int (element, "party");
  gboolean parent = g_strcmp0 (subject, "ultimate_parent") == 0;

  if (parties != NULL && index >= 0 && index < json_array_get_length (parties))
    {
      JsonNode *node = json_array_get_element (parties, (guint) index);

      if (JSON_NODE_HOLDS_OBJECT (node))
        party = json_node_get_object (node);
    }

  subject_object = parent ? member_object (party, "ultimate_parent") : party;
  if (name == NULL || *name == '\0')
    name = clr_json_get_string (subject_object, "name");
  if (name == NULL || *name == '\0')
    return NULL;

  p = g_new0 (PendingParty, 1);
  p->name = g_strdup (name);
  p->key = clr_review_normalize_party_name (name);
  if (parent)
    {
      p->country = upper_or_null (clr_json_get_string (subject_object, "headquarters_country"));
      p->role = g_strdup ("ultimate_parent");
    }
  else
    {
      p->country = upper_or_null (clr_json_get_string (subject_object, "country"));
      p->role = g_strdup (clr_json_get_string (subject_object, "role"));
    }
  if (clr_json_get_string (element, "country") != NULL)
    {
      g_free (p->country);
      p->country = upper_or_null (clr_json_get_string (element, "country"));
    }
  if (subject_object != NULL)
    {
      p->party = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (p->party, subject_object);
      p->json = _clr_json_to_text (p->party);
    }
  p->case_id = json_object_has_member (element, "case_id") ? member_int (element, "case_id")
                                                            : default_case_id;
  if (json_object_has_member (element, "other_case_ids") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (element, "other_case_ids")))
    p->other_cases = json_array_ref (json_object_get_array_member (element, "other_case_ids"));

  if (*p->key == '\0')
    {
      pending_party_free (p);
      return NULL;
    }

  return p;
}

/* A pending hit of @party, its hit fields to be filled in. */
static PendingHit *
pending_hit_for_party (PendingParty *party)
{
  PendingHit *p = g_new0 (PendingHit, 1);

  p->party_name = party->name;
  p->party_key = party->key;
  p->party_country = party->country;
  p->party_role = party->role;
  p->party_json = party->json;
  p->case_id = party->case_id;
  p->other_cases = party->other_cases ? json_array_ref (party->other_cases) : NULL;
  return p;
}

static PendingHit *pending_hit_resolve (ClrStore   *self,
                                        EntryCache *cache,
                                        PendingHit *p,
                                        const char *key);

static PendingHit *
pending_hit_new (ClrStore     *self,
                 EntryCache   *cache,
                 PendingParty *party,
                 JsonObject   *hit)
{
  PendingHit *p = pending_hit_for_party (party);

  p->hit = hit;
  p->score = member_double (hit, "score");
  p->matched_name = clr_json_get_string (hit, "matched_name");
  p->explanation = clr_json_get_string (hit, "explanation");
  p->entry_row = member_int (hit, "entry_row");
  p->content_hash = g_strdup (clr_json_get_string (hit, "content_hash"));
  p->list_code = g_strdup (clr_json_get_string (hit, "list"));
  p->entry_name = g_strdup (clr_json_get_string (hit, "name"));

  return pending_hit_resolve (self, cache, p,
                              clr_json_get_string (hit, "entry_key") != NULL
                              ? clr_json_get_string (hit, "entry_key")
                              : clr_json_get_string (hit, "entry_id") != NULL
                              ? clr_json_get_string (hit, "entry_id")
                              : clr_json_get_string (hit, "key"));
}

/* Fills in @p from the stored entry its row names (read once per
 * recording), else keys it by @key (or the entry's name); frees @p and
 * returns NULL when it has no key. */
static PendingHit *
pending_hit_resolve (ClrStore   *self,
                     EntryCache *cache,
                     PendingHit *p,
                     const char *key)
{
  CachedEntry *cached = NULL;

  if (p->entry_row > 0)
    cached = entry_cache_get (self, cache, p->entry_row);

  if (cached != NULL)
    {
      p->entry_json = cached->json;
      p->cached = cached;
      /* The key the list version stored (two entries may share a name) */
      p->entry_key = g_strdup (cached->key);
      if (p->entry_key == NULL)
        {
          g_autoptr(ClrEntry) entry = entry_from_snapshot (cached->json);

          if (entry != NULL)
            p->entry_key = _clr_list_entry_base_key (entry);
        }
      if (p->content_hash == NULL)
        p->content_hash = g_strdup (cached->content_hash);
      if (p->list_code == NULL)
        p->list_code = g_strdup (cached->list_code);
      if (p->entry_name == NULL)
        p->entry_name = g_strdup (cached->name);
    }
  else
    {
      if (key == NULL)
        key = p->entry_name;
      p->entry_key = g_strdup (key);
    }

  if (p->entry_key == NULL || *p->entry_key == '\0')
    {
      pending_hit_free (p);
      return NULL;
    }

  return p;
}

static gboolean
remember_party (ClrStore      *self,
                RecordStmts   *st,
                PendingParty  *party,
                const char    *origin,
                const char    *now,
                GError       **error)
{
  sqlite3_stmt *stmt;
  const char *party_json = party->json;

  stmt = cached_stmt (self, &st->remember,
                             "INSERT INTO screened_parties (party_key, party_country, name, role, case_id, "
                             "origin, party_json, first_screened_at, last_screened_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                             "ON CONFLICT (party_key, party_country, case_id) DO UPDATE SET "
                             "name = ?3, role = ?4, party_json = ?7, last_screened_at = ?8", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, party->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, party->country ? party->country : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, party->name, -1, SQLITE_STATIC);
  _clr_stmt_bind_text_or_null (stmt, 4, party->role);
  sqlite3_bind_int64 (stmt, 5, party->case_id);
  sqlite3_bind_text (stmt, 6, origin, -1, SQLITE_STATIC);
  _clr_stmt_bind_text_or_null (stmt, 7, party_json);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Remembering a screened party"));
      return FALSE;
    }
  return TRUE;
}

static GStrv
diff_against_snapshot (const char *old_entry_json,
                       ClrEntry   *new_entry)
{
  g_autoptr(JsonNode) node = clr_json_from_text (old_entry_json, NULL);
  g_autoptr(ClrEntry) old_entry = NULL;

  if (node != NULL && new_entry != NULL)
    old_entry = clr_entry_from_json (node, NULL);
  if (old_entry == NULL || new_entry == NULL)
    return g_new0 (char *, 1);

  return clr_entry_diff_fields (old_entry, new_entry);
}

/* Reopens item @id (decided on @decided_hash) because its entry now reads
 * @new_hash. Caller holds the lock inside a transaction. */
static gboolean
reopen_item (ClrStore    *self,
             gint64       id,
             const char  *status,
             const char  *reason,
             const char  *decided_hash,
             const char  *new_hash,
             const char  *const *fields,
             gint64       case_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *fields_text = strv_to_json_text (fields);
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  stmt = _clr_store_prepare (self,
                             "UPDATE review_items SET previous_status = status, previous_reason = reason, "
                             "previous_hash = decided_hash, status = 'open', reason = NULL, reopened = 1, "
                             "changed_fields = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fields_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reopening a decision"));
      return FALSE;
    }

  json_builder_begin_object (builder);
  add_string (builder, "status", status);
  add_string (builder, "reason", reason);
  add_string (builder, "content_hash", decided_hash);
  json_builder_end_object (builder);
  before = json_builder_get_root (builder);

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  add_string (builder, "status", "open");
  add_string (builder, "content_hash", new_hash);
  json_builder_set_member_name (builder, "changed_fields");
  json_builder_begin_array (builder);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    json_builder_add_string_value (builder, fields[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_REVIEW_REOPEN, "review", subject,
                                          case_id, before, after, error) != 0;
}

/* Stores the snapshot of @cached once (per recording, and once per distinct
 * text in the store); returns its hash, or NULL on error. */
static const char *
store_snapshot (ClrStore     *self,
                RecordStmts  *st,
                CachedEntry  *cached,
                GError      **error)
{
  sqlite3_stmt *stmt;

  if (cached->snapshot != NULL)
    return cached->snapshot;
  stmt = cached_stmt (self, &st->snapshot,
                      "INSERT OR IGNORE INTO review_entry_snapshots (hash, json) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return NULL;
  cached->snapshot = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cached->json, -1);
  sqlite3_bind_text (stmt, 1, cached->snapshot, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cached->json, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_clear_pointer (&cached->snapshot, g_free);
      _clr_store_set_error (self, error, _("Recording a hit for review"));
      return NULL;
    }
  return cached->snapshot;
}

/* Records one hit; returns the item's status in @status, and whether it was
 * new (@created) or reopened (@reopened). Caller holds the lock inside a
 * transaction. */
static gint64
record_hit (ClrStore         *self,
            RecordStmts      *st,
            PendingHit       *p,
            const char       *origin,
            const char       *now,
            ClrReviewStatus  *status_out,
            gboolean         *created,
            gboolean         *reopened,
            GError          **error)
{
  sqlite3_stmt *find;
  sqlite3_stmt *stmt;
  sqlite3_stmt *sighting;
  const char *party_json = p->party_json;
  g_autofree char *hit_json = NULL;
  const char *entry_json = p->entry_json;
  const char *snapshot = NULL;
  const char *country = p->party_country ? p->party_country : "";
  const char *list_code = p->list_code ? p->list_code : "";
  gint64 id = 0;
  int rc;

  *created = FALSE;
  *reopened = FALSE;
  *status_out = CLR_REVIEW_STATUS_OPEN;

  /* Stored without our own annotations, so re-recording is stable. */
  if (p->hit_json == NULL)
    {
      g_autoptr(JsonNode) hit_node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (hit_node, p->hit);
      hit_json = _clr_json_to_text (hit_node);
    }

  /* A stored entry's snapshot is shared, not copied into the item. */
  if (p->cached != NULL)
    {
      snapshot = store_snapshot (self, st, p->cached, error);
      if (snapshot == NULL)
        return 0;
      entry_json = NULL;
    }

  find = cached_stmt (self, &st->find,
                             "SELECT id, status, reason, decided_hash, " ENTRY_JSON ", case_id FROM review_items "
                             "WHERE party_key = ? AND party_country = ? AND list_code = ? AND entry_key = ?",
                             error);
  if (find == NULL)
    return 0;
  sqlite3_bind_text (find, 1, p->party_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, country, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 3, list_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 4, p->entry_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);

  if (rc == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (find, 1);
      const char *decided_hash = (const char *) sqlite3_column_text (find, 3);

      id = sqlite3_column_int64 (find, 0);
      if (!clr_review_status_from_string (status, status_out))
        *status_out = CLR_REVIEW_STATUS_OPEN;

      if (*status_out != CLR_REVIEW_STATUS_OPEN && decided_hash != NULL &&
          p->content_hash != NULL && strcmp (decided_hash, p->content_hash) != 0)
        {
          g_autoptr(ClrEntry) entry = p->entry_json != NULL ? entry_from_snapshot (p->entry_json) : NULL;
          g_auto(GStrv) fields = diff_against_snapshot ((const char *) sqlite3_column_text (find, 4),
                                                        entry);
          g_autofree char *status_copy = g_strdup (status);
          g_autofree char *reason_copy = _clr_stmt_dup_text (find, 2);
          g_autofree char *hash_copy = g_strdup (decided_hash);

          if (!reopen_item (self, id, status_copy, reason_copy, hash_copy, p->content_hash,
                            (const char * const *) fields,
                            p->case_id > 0 ? p->case_id : sqlite3_column_int64 (find, 5), error))
            return 0;
          *status_out = CLR_REVIEW_STATUS_OPEN;
          *reopened = TRUE;
        }

      stmt = cached_stmt (self, &st->update,
                                 "UPDATE review_items SET party_name = ?1, party_role = ?2, party_json = ?3, "
                                 "case_id = CASE WHEN ?4 > 0 THEN ?4 ELSE case_id END, "
                                 "entry_row = CASE WHEN ?5 > 0 THEN ?5 ELSE entry_row END, "
                                 "content_hash = coalesce (?6, content_hash), entry_name = coalesce (?7, entry_name), "
                                 "entry_json = CASE WHEN ?15 IS NULL THEN coalesce (?8, entry_json) END, "
                                 "entry_snapshot = CASE WHEN ?15 IS NULL AND ?8 IS NOT NULL THEN NULL "
                                 "ELSE coalesce (?15, entry_snapshot) END, entry_removed = 0, score = ?9, "
                                 "matched_name = ?10, explanation = ?11, hit_json = ?12, last_seen_at = ?13 "
                                 "WHERE id = ?14", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 14, id);
    }
  else if (rc == SQLITE_DONE)
    {
      stmt = cached_stmt (self, &st->insert,
                                 "INSERT INTO review_items (party_name, party_role, party_json, case_id, "
                                 "entry_row, content_hash, entry_name, entry_json, score, matched_name, "
                                 "explanation, hit_json, last_seen_at, first_seen_at, party_key, "
                                 "party_country, list_code, entry_key, origin, entry_snapshot) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, "
                                 "?19, ?16, ?17, ?18, ?14, ?15)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 19, p->party_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 16, country, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 17, list_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 18, p->entry_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, origin, -1, SQLITE_STATIC);
      *created = TRUE;
    }
  else
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return 0;
    }

  sqlite3_bind_text (stmt, 1, p->party_name, -1, SQLITE_STATIC);
  _clr_stmt_bind_text_or_null (stmt, 2, p->party_role);
  _clr_stmt_bind_text_or_null (stmt, 3, party_json);
  sqlite3_bind_int64 (stmt, 4, p->case_id);
  sqlite3_bind_int64 (stmt, 5, p->entry_row);
  _clr_stmt_bind_text_or_null (stmt, 6, p->content_hash);
  _clr_stmt_bind_text_or_null (stmt, 7, p->entry_name);
  _clr_stmt_bind_text_or_null (stmt, 8, entry_json);
  sqlite3_bind_double (stmt, 9, p->score);
  _clr_stmt_bind_text_or_null (stmt, 10, p->matched_name);
  _clr_stmt_bind_text_or_null (stmt, 11, p->explanation);
  _clr_stmt_bind_text_or_null (stmt, 12, hit_json != NULL ? hit_json : p->hit_json);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  _clr_stmt_bind_text_or_null (stmt, 15, snapshot);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Recording a hit for review"));
      return 0;
    }
  if (*created)
    id = sqlite3_last_insert_rowid (_clr_store_get_db (self));

  sighting = cached_stmt (self, &st->sighting,
                                 "INSERT INTO review_sightings (item_id, case_id, role, seen_at) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (item_id, case_id) "
                                 "DO UPDATE SET role = ?3, seen_at = ?4", error);
  if (sighting == NULL)
    return 0;
  for (guint i = 0; i == 0 || (p->other_cases != NULL && i <= json_array_get_length (p->other_cases)); i++)
    {
      sqlite3_reset (sighting);
      sqlite3_bind_int64 (sighting, 1, id);
      sqlite3_bind_int64 (sighting, 2, i == 0 ? p->case_id : json_array_get_int_element (p->other_cases, i - 1));
      _clr_stmt_bind_text_or_null (sighting, 3, p->party_role);
      sqlite3_bind_text (sighting, 4, now, -1, SQLITE_STATIC);
      if (sqlite3_step (sighting) != SQLITE_DONE)
        {
          _clr_store_set_error (self, error, _("Recording a hit for review"));
          return 0;
        }
    }

  return id;
}

/* On a read-only database: the decision a hit would get, without storing
 * anything (an unknown hit, or one whose entry changed since the decision,
 * is open). */
static gboolean
look_up_hit (ClrStore         *self,
             PendingHit       *p,
             ClrReviewStatus  *status_out,
             gint64           *id_out,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  int rc;

  *status_out = CLR_REVIEW_STATUS_OPEN;
  *id_out = 0;
  find = _clr_store_prepare (self,
                             "SELECT id, status, decided_hash FROM review_items "
                             "WHERE party_key = ? AND party_country = ? AND list_code = ? AND entry_key = ?",
                             error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, p->party_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, p->party_country ? p->party_country : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 3, p->list_code ? p->list_code : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 4, p->entry_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      const char *decided_hash = (const char *) sqlite3_column_text (find, 2);

      *id_out = sqlite3_column_int64 (find, 0);
      if (!clr_review_status_from_string ((const char *) sqlite3_column_text (find, 1), status_out) ||
          (decided_hash != NULL && p->content_hash != NULL && strcmp (decided_hash, p->content_hash) != 0))
        *status_out = CLR_REVIEW_STATUS_OPEN;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return FALSE;
    }

  return TRUE;
}

static gboolean record_pending (ClrStore   *self,
                                GPtrArray  *pending_parties,
                                GPtrArray  *pending_hits,
                                const char *origin,
                                guint      *n_new,
                                guint      *n_reopened,
                                GError    **error);

gboolean
_clr_store_review_record (ClrStore    *self,
                          JsonArray   *screening,
                          JsonArray   *parties,
                          gint64       case_id,
                          const char  *origin,
                          guint       *n_new,
                          guint       *n_reopened,
                          GError     **error)
{
  g_autoptr(GPtrArray) pending_parties = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_party_free);
  g_autoptr(GPtrArray) pending_hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_hit_free);
  g_autoptr(GHashTable) cached_entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                                (GDestroyNotify) cached_entry_free);
  EntryCache cache = { cached_entries, NULL };

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (origin == NULL)
    origin = case_id > 0 ? "case" : "evaluate";

  if (screening == NULL)
    return TRUE;

  /* Phase 1, without the lock: resolve parties and entries. */
  for (guint i = 0; i < json_array_get_length (screening); i++)
    {
      JsonNode *node = json_array_get_element (screening, i);
      JsonObject *element;
      JsonNode *hits;
      PendingParty *party;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      element = json_node_get_object (node);
      party = pending_party_new (element, parties, case_id);
      if (party == NULL)
        continue;
      g_ptr_array_add (pending_parties, party);

      hits = json_object_get_member (element, "hits");
      if (hits == NULL || !JSON_NODE_HOLDS_ARRAY (hits))
        continue;
      for (guint h = 0; h < json_array_get_length (json_node_get_array (hits)); h++)
        {
          JsonNode *hit = json_array_get_element (json_node_get_array (hits), h);
          PendingHit *pending;

          if (!JSON_NODE_HOLDS_OBJECT (hit))
            continue;
          /* Drop our own annotations from an earlier pass before storing. */
          json_object_remove_member (json_node_get_object (hit), "decision");
          json_object_remove_member (json_node_get_object (hit), "review_id");
          pending = pending_hit_new (self, &cache, party, json_node_get_object (hit));
          if (pending != NULL)
            g_ptr_array_add (pending_hits, pending);
        }
    }

  entry_cache_close (self, &cache);

  /* A read-only database: annotate with the stored decisions, record nothing. */
  if (clr_store_is_read_only (self))
    {
      _clr_store_lock (self);
      for (guint i = 0; i < pending_hits->len; i++)
        {
          PendingHit *p = g_ptr_array_index (pending_hits, i);
          ClrReviewStatus status;
          gint64 id;

          if (!look_up_hit (self, p, &status, &id, error))
            {
              _clr_store_unlock (self);
              return FALSE;
            }
          if (id > 0)
            json_object_set_int_member (p->hit, "review_id", id);
          json_object_set_string_member (p->hit, "decision", clr_review_status_to_string (status));
        }
      _clr_store_unlock (self);
      if (n_new != NULL)
        *n_new = 0;
      if (n_reopened != NULL)
        *n_reopened = 0;
      return TRUE;
    }

  return record_pending (self, pending_parties, pending_hits, origin, n_new, n_reopened, error);
}

/* Phase 2 of a recording: one transaction, statements prepared once. */
static gboolean
record_pending (ClrStore   *self,
                GPtrArray  *pending_parties,
                GPtrArray  *pending_hits,
                const char *origin,
                guint      *n_new,
                guint      *n_reopened,
                GError    **error)
{
  g_autofree char *now = _clr_store_now_iso ();
  RecordStmts st = { NULL, };
  guint created_count = 0;
  guint reopened_count = 0;

  _clr_store_lock (self);
  if (!_clr_store_begin (self, error))
    goto fail;

  for (guint i = 0; i < pending_parties->len; i++)
    if (!remember_party (self, &st, g_ptr_array_index (pending_parties, i), origin, now, error))
      goto fail;

  for (guint i = 0; i < pending_hits->len; i++)
    {
      PendingHit *p = g_ptr_array_index (pending_hits, i);
      ClrReviewStatus status;
      gboolean created, reopened;
      gint64 id;

      id = record_hit (self, &st, p, origin, now, &status, &created, &reopened, error);
      if (id == 0)
        goto fail;
      created_count += created ? 1 : 0;
      reopened_count += reopened ? 1 : 0;
      if (p->hit != NULL)
        {
          json_object_set_int_member (p->hit, "review_id", id);
          json_object_set_string_member (p->hit, "decision", clr_review_status_to_string (status));
        }
    }

  record_stmts_clear (&st);
  if (!_clr_store_commit (self, error))
    goto fail;
  _clr_store_unlock (self);

  if (n_new != NULL)
    *n_new = created_count;
  if (n_reopened != NULL)
    *n_reopened = reopened_count;
  return TRUE;

fail:
  record_stmts_clear (&st);
  _clr_store_rollback (self);
  _clr_store_unlock (self);
  /* Leave the caller's hits as they were. */
  for (guint i = 0; i < pending_hits->len; i++)
    {
      PendingHit *p = g_ptr_array_index (pending_hits, i);

      if (p->hit == NULL)
        continue;
      json_object_remove_member (p->hit, "decision");
      json_object_remove_member (p->hit, "review_id");
    }
  return FALSE;
}

gboolean
clr_store_review_annotate_screening_full (ClrStore    *self,
                                          JsonArray   *screening,
                                          JsonArray   *parties,
                                          gint64       case_id,
                                          const char  *origin,
                                          GError     **error)
{
  return _clr_store_review_record (self, screening, parties, case_id, origin, NULL, NULL, error);
}

gboolean
clr_store_review_annotate_screening (ClrStore    *self,
                                     JsonArray   *screening,
                                     JsonArray   *parties,
                                     GError     **error)
{
  return _clr_store_review_record (self, screening, parties, 0, NULL, NULL, NULL, error);
}

gboolean
clr_store_review_record_hits (ClrStore          *self,
                              guint              n_parties,
                              const char *const *names,
                              const char *const *countries,
                              GPtrArray *const  *hits,
                              const char        *origin,
                              guint             *n_new,
                              GError           **error)
{
  g_autoptr(GPtrArray) pending_parties = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_party_free);
  g_autoptr(GPtrArray) pending_hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_hit_free);
  g_autoptr(GHashTable) cached_entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                                (GDestroyNotify) cached_entry_free);
  /* ClrEntry * → its content hash: computed once per entry, not per hit */
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  EntryCache cache = { cached_entries, NULL };

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_parties == 0 || (names != NULL && hits != NULL), FALSE);

  if (origin == NULL)
    origin = "batch";

  /* A read-only database: screening works, nothing is recorded. */
  if (clr_store_is_read_only (self))
    {
      if (n_new != NULL)
        *n_new = 0;
      return TRUE;
    }

  for (guint i = 0; i < n_parties; i++)
    {
      const char *country = countries != NULL ? countries[i] : NULL;
      g_autoptr(JsonObject) object = NULL;
      PendingParty *party;

      if (names[i] == NULL || *names[i] == '\0')
        continue;
      party = g_new0 (PendingParty, 1);
      party->name = g_strdup (names[i]);
      party->key = clr_review_normalize_party_name (names[i]);
      if (*party->key == '\0')
        {
          pending_party_free (party);
          continue;
        }
      /* The same party object clr_cli_screen_batch() gave before. */
      object = json_object_new ();
      json_object_set_string_member (object, "name", names[i]);
      if (country != NULL && *country != '\0')
        {
          json_object_set_string_member (object, "country", country);
          party->country = upper_or_null (country);
        }
      party->party = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (party->party, object);
      party->json = _clr_json_to_text (party->party);
      g_ptr_array_add (pending_parties, party);

      for (guint h = 0; hits[i] != NULL && h < hits[i]->len; h++)
        {
          ClrHit *hit = g_ptr_array_index (hits[i], h);
          const ClrEntry *entry = hit->entry;
          const char *hash = g_hash_table_lookup (hashes, entry);
          g_autofree char *key = NULL;
          PendingHit *p;

          if (hash == NULL)
            {
              hash = clr_entry_content_hash (entry);
              g_hash_table_insert (hashes, (gpointer) entry, (gpointer) hash);
            }
          p = pending_hit_for_party (party);
          p->score = round (hit->score * 1000.0) / 1000.0;   /* as clr_hit_to_json() */
          p->matched_name = hit->matched_name;
          p->explanation = hit->explanation;
          p->hit_json = clr_hit_to_json_text (hit, hash);
          p->entry_row = hit->entry_id;
          p->content_hash = g_strdup (hash);
          p->list_code = g_strdup (entry->list_code);
          p->entry_name = g_strdup (entry->name);
          key = (entry->entry_id != NULL && *entry->entry_id != '\0')
                ? g_strdup (entry->entry_id) : clr_entry_dup_key (entry);
          p = pending_hit_resolve (self, &cache, p, key);
          if (p != NULL)
            g_ptr_array_add (pending_hits, p);
        }
    }

  entry_cache_close (self, &cache);

  return record_pending (self, pending_parties, pending_hits, origin, n_new, NULL, error);
}

/* ---- changes from a list update (used by re-screening) ---- */

/* The entry behind items (list code + @old_key, or stored row @old_row) now
 * reads @new_entry (row @new_row). Caller holds the lock in a transaction. */
gboolean
_clr_store_review_entry_changed (ClrStore    *self,
                                 const char  *list_code,
                                 const char  *old_key,
                                 gint64       old_row,
                                 gint64       new_row,
                                 ClrEntry    *new_entry,
                                 guint       *n_reopened,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autofree char *new_hash = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *entry_json = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  find = _clr_store_prepare (self,
                             "SELECT id, status, reason, decided_hash, " ENTRY_JSON ", case_id FROM review_items "
                             "WHERE (list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3)", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, list_code ? list_code : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, old_key ? old_key : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (find, 3, old_row);

  while ((rc = sqlite3_step (find)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (find, 0);
      const char *status = (const char *) sqlite3_column_text (find, 1);
      const char *decided_hash = (const char *) sqlite3_column_text (find, 3);

      if (new_hash == NULL)
        {
          g_autoptr(JsonNode) entry_node = clr_entry_to_json (new_entry);

          new_hash = clr_entry_content_hash (new_entry);
          new_key = new_row > 0 ? _clr_store_dup_entry_key_unlocked (self, new_row) : NULL;
          if (new_key == NULL)
            new_key = _clr_list_entry_base_key (new_entry);
          entry_json = _clr_json_to_text (entry_node);
        }

      g_array_append_val (ids, id);
      if (g_strcmp0 (status, "open") != 0 && decided_hash != NULL && strcmp (decided_hash, new_hash) != 0)
        {
          g_auto(GStrv) fields = diff_against_snapshot ((const char *) sqlite3_column_text (find, 4), new_entry);
          g_autofree char *status_copy = g_strdup (status);
          g_autofree char *reason_copy = _clr_stmt_dup_text (find, 2);
          g_autofree char *hash_copy = g_strdup (decided_hash);

          if (!reopen_item (self, id, status_copy, reason_copy, hash_copy, new_hash,
                            (const char * const *) fields, sqlite3_column_int64 (find, 5), error))
            return FALSE;
          if (n_reopened != NULL)
            (*n_reopened)++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(sqlite3_stmt) update = NULL;

      /* OR IGNORE: should the party already have an item under the new key,
       * that one stands and this one keeps the old key. */
      update = _clr_store_prepare (self,
                                   "UPDATE OR IGNORE review_items SET entry_key = ?1, entry_row = ?2, "
                                   "content_hash = ?3, entry_json = ?4, entry_snapshot = NULL, entry_name = ?5, entry_removed = 0 "
                                   "WHERE id = ?6", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_text (update, 1, new_key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, new_row);
      sqlite3_bind_text (update, 3, new_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 4, entry_json, -1, SQLITE_STATIC);
      _clr_stmt_bind_text_or_null (update, 5, new_entry->name);
      sqlite3_bind_int64 (update, 6, g_array_index (ids, gint64, i));
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          _clr_store_set_error (self, error, _("Updating the review queue"));
          return FALSE;
        }
    }

  return TRUE;
}

/* The entry left its list. Caller holds the lock in a transaction. */
gboolean
_clr_store_review_entry_removed (ClrStore    *self,
                                 const char  *list_code,
                                 const char  *key,
                                 gint64       old_row,
                                 guint       *n_matched,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  count = _clr_store_prepare (self,
                              "SELECT count(*) FROM review_items WHERE status = 'match' AND entry_removed = 0 "
                              "AND ((list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3))", error);
  if (count == NULL)
    return FALSE;
  update = _clr_store_prepare (self,
                               "UPDATE review_items SET entry_removed = 1 "
                               "WHERE (list_code = ?1 AND entry_key = ?2) OR (?3 > 0 AND entry_row = ?3)", error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_text (count, 1, list_code ? list_code : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (count, 2, key ? key : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (count, 3, old_row);
  sqlite3_bind_text (update, 1, list_code ? list_code : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, key ? key : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, old_row);
  if (sqlite3_step (count) != SQLITE_ROW || sqlite3_step (update) != SQLITE_DONE)
    {
      _clr_store_set_error (self, error, _("Updating the review queue"));
      return FALSE;
    }
  if (n_matched != NULL && sqlite3_column_int64 (count, 0) > 0)
    (*n_matched)++;

  return TRUE;
}

/* ---- async ---- */

typedef struct
{
  ClrReviewFilter  filter;
  char            *list_code;
  char            *country;
  char            *search;
  gint64           id;
  GArray          *ids;           /* gint64, or NULL: just id */
  ClrReviewStatus  status;
  ClrReviewReason  reason;
  char            *note;
  char            *reviewer;
} ReviewTaskData;

static void
review_task_data_free (ReviewTaskData *data)
{
  g_free (data->list_code);
  g_free (data->country);
  g_free (data->search);
  g_free (data->note);
  g_free (data->reviewer);
  if (data->ids != NULL)
    g_array_unref (data->ids);
  g_free (data);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReviewTaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  if (g_task_return_error_if_cancelled (task))
    return;

  items = clr_store_review_list (source_object, &data->filter, &error);
  if (items != NULL)
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
clr_store_review_list_async (ClrStore              *self,
                             const ClrReviewFilter *filter,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ReviewTaskData *data = g_new0 (ReviewTaskData, 1);

  g_return_if_fail (CLR_IS_STORE (self));

  if (filter != NULL)
    data->filter = *filter;
  else
    clr_review_filter_init (&data->filter);
  data->filter.list_code = data->list_code = g_strdup (data->filter.list_code);
  data->filter.country = data->country = g_strdup (data->filter.country);
  data->filter.search = data->search = g_strdup (data->filter.search);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_store_review_list_async);
  g_task_set_task_data (task, data, (GDestroyNotify) review_task_data_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
clr_store_review_list_finish (ClrStore      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReviewTaskData *data = task_data;
  GError *error = NULL;

  if (clr_store_review_decide_many (source_object,
                                    data->ids != NULL ? (const gint64 *) data->ids->data : &data->id,
                                    data->ids != NULL ? data->ids->len : 1,
                                    data->status, data->reason, data->note, data->reviewer, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
clr_store_review_decide_async (ClrStore            *self,
                               gint64               id,
                               ClrReviewStatus      status,
                               ClrReviewReason      reason,
                               const char          *note,
                               const char          *reviewer,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReviewTaskData *data = g_new0 (ReviewTaskData, 1);

  g_return_if_fail (CLR_IS_STORE (self));

  data->id = id;
  data->status = status;
  data->reason = reason;
  data->note = g_strdup (note);
  data->reviewer = g_strdup (reviewer);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_store_review_decide_async);
  g_task_set_task_data (task, data, (GDestroyNotify) review_task_data_free);
  g_task_run_in_thread (task, decide_thread);
}

void
clr_store_review_decide_many_async (ClrStore            *self,
                                    const gint64        *ids,
                                    guint                n_ids,
                                    ClrReviewStatus      status,
                                    ClrReviewReason      reason,
                                    const char          *note,
                                    const char          *reviewer,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReviewTaskData *data = g_new0 (ReviewTaskData, 1);

  g_return_if_fail (CLR_IS_STORE (self));

  data->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (data->ids, ids, n_ids);
  data->status = status;
  data->reason = reason;
  data->note = g_strdup (note);
  data->reviewer = g_strdup (reviewer);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_store_review_decide_async);
  g_task_set_task_data (task, data, (GDestroyNotify) review_task_data_free);
  g_task_run_in_thread (task, decide_thread);
}

gboolean
clr_store_review_decide_finish (ClrStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
