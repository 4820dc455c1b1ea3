/* clr-store-review-item.c — review items and families: the records of the review queue, their statuses and JSON
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
#include "clr-store-task.h"
#include "clr-store-review.h"
#include "clr-store-review-private.h"


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

/* A translated label of @labels, or NULL. */
static const char *
enum_label (const char * const *labels,
            guint               n_labels,
            guint               value)
{
  const char *label = _clr_store_enum_name (labels, n_labels, value);

  return label != NULL ? _(label) : NULL;
}

const char *
clr_review_status_to_string (ClrReviewStatus status)
{
  return _clr_store_enum_name (status_names, G_N_ELEMENTS (status_names), status);
}

gboolean
clr_review_status_from_string (const char      *text,
                               ClrReviewStatus *status)
{
  int found = _clr_store_enum_find (status_names, G_N_ELEMENTS (status_names), 0, text);

  if (g_strcmp0 (text, "no-match") == 0)
    found = CLR_REVIEW_STATUS_NO_MATCH;
  if (found >= 0)
    *status = (ClrReviewStatus) found;
  return found >= 0;
}

const char *
clr_review_status_get_label (ClrReviewStatus status)
{
  return enum_label (status_labels, G_N_ELEMENTS (status_labels), status);
}

const char *
clr_review_reason_to_string (ClrReviewReason reason)
{
  return _clr_store_enum_name (reason_names, G_N_ELEMENTS (reason_names), reason);
}

/* Index 0 (no reason) has no name to parse. */
gboolean
clr_review_reason_from_string (const char      *text,
                               ClrReviewReason *reason)
{
  int found = _clr_store_enum_find (reason_names, G_N_ELEMENTS (reason_names), 1, text);

  if (found >= 0)
    *reason = (ClrReviewReason) found;
  return found >= 0;
}

const char *
clr_review_reason_get_label (ClrReviewReason reason)
{
  return enum_label (reason_labels, G_N_ELEMENTS (reason_labels), reason);
}

/* ---- the item ---- */

/* The columns of CLR_REVIEW_ITEM_COLUMNS; the statuses and reasons are
 * read by _clr_review_item_new_from_stmt(). */
static const ClrStoreColumn item_columns[] = {
  CLR_STORE_COLUMN (INT64, ClrReviewItem, id),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, party_name),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, party_key),
  CLR_STORE_COLUMN (NONEMPTY_TEXT, ClrReviewItem, party_country),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, party_role),
  CLR_STORE_COLUMN (INT64, ClrReviewItem, case_id),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, origin),
  CLR_STORE_COLUMN (JSON, ClrReviewItem, party),
  CLR_STORE_COLUMN (NONEMPTY_TEXT, ClrReviewItem, list_code),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, entry_key),
  CLR_STORE_COLUMN (INT64, ClrReviewItem, entry_row),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, content_hash),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, entry_name),
  CLR_STORE_COLUMN (JSON, ClrReviewItem, entry),
  CLR_STORE_COLUMN (BOOLEAN, ClrReviewItem, entry_removed),
  CLR_STORE_COLUMN (DOUBLE, ClrReviewItem, score),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, matched_name),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, explanation),
  CLR_STORE_COLUMN (JSON, ClrReviewItem, hit),
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, note),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, decided_by),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, decided_by_user),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, decided_at),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, first_seen_at),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, last_seen_at),
  CLR_STORE_COLUMN (BOOLEAN, ClrReviewItem, reopened),
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, previous_hash),
  CLR_STORE_COLUMN (STRV, ClrReviewItem, changed_fields),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, decided_hash),
  CLR_STORE_COLUMN (BOOLEAN, ClrReviewItem, approval_required),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, approved_by),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, approved_by_user),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, approved_at),
  CLR_STORE_COLUMN (TEXT, ClrReviewItem, approved_hash),
};

/* Column @col as a status (open when it is none) and the next as a reason. */
static void
read_decision (ClrDbStmt       *stmt,
               int              col,
               ClrReviewStatus *status,
               ClrReviewReason *reason)
{
  if (!clr_review_status_from_string (clr_db_stmt_column_text (stmt, col), status))
    *status = CLR_REVIEW_STATUS_OPEN;
  if (!clr_review_reason_from_string (clr_db_stmt_column_text (stmt, col + 1), reason))
    *reason = CLR_REVIEW_REASON_NONE;
}

ClrReviewItem *
_clr_review_item_new_from_stmt (ClrDbStmt *stmt)
{
  ClrReviewItem *item = g_new0 (ClrReviewItem, 1);

  item->ref_count = 1;
  _clr_store_read_columns (item, item_columns, G_N_ELEMENTS (item_columns), stmt);
  read_decision (stmt, 19, &item->status, &item->reason);
  read_decision (stmt, 28, &item->previous_status, &item->previous_reason);
  item->family_key = clr_family_key (clr_normalizer_get_default (),
                                     item->entry_name != NULL ? item->entry_name : item->entry_key);
  return item;
}

static void
clr_review_item_clear (ClrReviewItem *self)
{
  _clr_store_clear_columns (self, item_columns, G_N_ELEMENTS (item_columns));
  g_free (self->family_key);
}

CLR_STORE_DEFINE_RECORD (ClrReviewItem, clr_review_item, clr_review_item_clear)

JsonNode *
clr_review_item_to_json (const ClrReviewItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  clr_json_add_int (builder, "id", self->id);
  clr_json_add_string (builder, "status", clr_review_status_to_string (self->status));
  clr_json_add_string (builder, "reason", clr_review_reason_to_string (self->reason));
  clr_json_add_string (builder, "note", self->note);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, self->score);

  json_builder_set_member_name (builder, "party");
  json_builder_begin_object (builder);
  clr_json_add_string (builder, "name", self->party_name);
  clr_json_add_string (builder, "key", self->party_key);
  clr_json_add_string (builder, "country", self->party_country);
  clr_json_add_string (builder, "role", self->party_role);
  clr_json_add_id (builder, "case_id", self->case_id);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "entry");
  json_builder_begin_object (builder);
  clr_json_add_string (builder, "list", self->list_code);
  clr_json_add_string (builder, "key", self->entry_key);
  clr_json_add_string (builder, "name", self->entry_name);
  clr_json_add_int (builder, "entry_row", self->entry_row);
  clr_json_add_string (builder, "content_hash", self->content_hash);
  clr_json_add_boolean (builder, "removed", self->entry_removed);
  clr_json_add_string (builder, "family", self->family_key);
  json_builder_end_object (builder);

  clr_json_add_string (builder, "matched_name", self->matched_name);
  clr_json_add_string (builder, "explanation", self->explanation);
  clr_json_add_string (builder, "origin", self->origin);
  clr_json_add_string (builder, "decided_by", self->decided_by);
  clr_json_add_string (builder, "decided_by_user", self->decided_by_user);
  clr_json_add_string (builder, "decided_at", self->decided_at);
  clr_json_add_string (builder, "first_seen_at", self->first_seen_at);
  clr_json_add_string (builder, "last_seen_at", self->last_seen_at);

  clr_json_add_boolean (builder, "reopened", self->reopened);
  if (self->reopened)
    {
      clr_json_add_string (builder, "previous_status", clr_review_status_to_string (self->previous_status));
      clr_json_add_string (builder, "previous_reason", clr_review_reason_to_string (self->previous_reason));
      clr_json_add_string (builder, "previous_hash", self->previous_hash);
      clr_json_add_strv (builder, "changed_fields", (const char * const *) self->changed_fields);
    }
  /* four-eyes release */
  clr_json_add_string (builder, "decided_hash", self->decided_hash);
  clr_json_add_boolean (builder, "approval_required", self->approval_required);
  clr_json_add_boolean (builder, "awaiting_approval",
                        self->status == CLR_REVIEW_STATUS_NO_MATCH && self->approval_required &&
                        self->approved_at == NULL);
  clr_json_add_string (builder, "approved_by", self->approved_by);
  clr_json_add_string (builder, "approved_by_user", self->approved_by_user);
  clr_json_add_string (builder, "approved_at", self->approved_at);
  clr_json_add_string (builder, "approved_hash", self->approved_hash);
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

/* ---- list families ---- */

static void
clr_review_family_clear (ClrReviewFamily *self)
{
  g_ptr_array_unref (self->members);
}

CLR_STORE_DEFINE_RECORD (ClrReviewFamily, clr_review_family, clr_review_family_clear)

gboolean
_clr_review_same_family (const ClrReviewItem *a,
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
int
_clr_review_compare_members (gconstpointer a,
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

      g_ptr_array_sort (family->members, _clr_review_compare_members);
      family->head = g_ptr_array_index (family->members, 0);
    }
  return families;
}
