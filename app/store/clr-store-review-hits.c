/* clr-store-review-hits.c — recording screening hits in the review queue
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
  ClrDbStmt *select;
} EntryCache;

/* The columns entry_cache_get() reads. */
static const ClrStoreColumn cached_entry_columns[] = {
  CLR_STORE_COLUMN (TEXT, CachedEntry, json),
  CLR_STORE_COLUMN (TEXT, CachedEntry, key),
  CLR_STORE_COLUMN (TEXT, CachedEntry, content_hash),
  CLR_STORE_COLUMN (TEXT, CachedEntry, list_code),
  CLR_STORE_COLUMN (TEXT, CachedEntry, name),
};

static void
cached_entry_free (CachedEntry *c)
{
  _clr_store_clear_columns (c, cached_entry_columns, G_N_ELEMENTS (cached_entry_columns));
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
      g_clear_pointer (&cache->select, clr_db_stmt_free);
      _clr_store_unlock (self);
    }
}

/* What a recording gathers before it takes the lock, for record_pending(). */
typedef struct
{
  GPtrArray  *parties;  /* PendingParty * */
  GPtrArray  *hits;     /* PendingHit * */
  EntryCache  cache;    /* closed by the recording; its entries stay until cleared */
} Pending;

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->cache.entries, g_hash_table_unref);
  g_clear_pointer (&pending->hits, g_ptr_array_unref);
  g_clear_pointer (&pending->parties, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pending, pending_clear)

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
    clr_db_stmt_reset (cache->select);
  if (cache->select != NULL)
    {
      clr_db_stmt_bind_int64 (cache->select, 1, row);
      if (clr_db_stmt_step (cache->select) == CLR_DB_STEP_ROW)
        _clr_store_read_columns (c, cached_entry_columns, G_N_ELEMENTS (cached_entry_columns), cache->select);
      clr_db_stmt_reset (cache->select);
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
  ClrDbStmt *find;
  ClrDbStmt *update;
  ClrDbStmt *insert;
  ClrDbStmt *sighting;
  ClrDbStmt *remember;
  ClrDbStmt *snapshot;
} RecordStmts;

static void
record_stmts_clear (RecordStmts *st)
{
  g_clear_pointer (&st->find, clr_db_stmt_free);
  g_clear_pointer (&st->update, clr_db_stmt_free);
  g_clear_pointer (&st->insert, clr_db_stmt_free);
  g_clear_pointer (&st->sighting, clr_db_stmt_free);
  g_clear_pointer (&st->remember, clr_db_stmt_free);
  g_clear_pointer (&st->snapshot, clr_db_stmt_free);
}

/* *@slot prepared on first use, else reset with its bindings cleared. */
static ClrDbStmt *
cached_stmt (ClrStore      *self,
             ClrDbStmt     **slot,
             const char    *sql,
             GError       **error)
{
  if (*slot == NULL)
    *slot = _clr_store_prepare (self, sql, error);
  else
    {
      clr_db_stmt_reset (*slot);
      clr_db_stmt_clear_bindings (*slot);
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

static Pending
pending_init (void)
{
  Pending pending = { NULL, };

  pending.parties = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_party_free);
  pending.hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_hit_free);
  pending.cache.entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) cached_entry_free);
  return pending;
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
  gint64 index = _clr_json_member_int (element, "party");
  gboolean parent = g_strcmp0 (subject, "ultimate_parent") == 0;

  if (parties != NULL && index >= 0 && index < json_array_get_length (parties))
    {
      JsonNode *node = json_array_get_element (parties, (guint) index);

      if (JSON_NODE_HOLDS_OBJECT (node))
        party = json_node_get_object (node);
    }

  subject_object = parent ? _clr_json_member_object (party, "ultimate_parent") : party;
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
  p->case_id = json_object_has_member (element, "case_id") ? _clr_json_member_int (element, "case_id")
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
  p->score = _clr_json_member_double (hit, "score");
  p->matched_name = clr_json_get_string (hit, "matched_name");
  p->explanation = clr_json_get_string (hit, "explanation");
  p->entry_row = _clr_json_member_int (hit, "entry_row");
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
  ClrDbStmt *stmt;
  const char *party_json = party->json;

  stmt = cached_stmt (self, &st->remember,
                             "INSERT INTO screened_parties (party_key, party_country, name, role, case_id, "
                             "origin, party_json, first_screened_at, last_screened_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                             "ON CONFLICT (party_key, party_country, case_id) DO UPDATE SET "
                             "name = ?3, role = ?4, party_json = ?7, last_screened_at = ?8", error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, party->key);
  clr_db_stmt_bind_text (stmt, 2, party->country ? party->country : "");
  clr_db_stmt_bind_text (stmt, 3, party->name);
  clr_db_stmt_bind_text (stmt, 4, party->role);
  clr_db_stmt_bind_int64 (stmt, 5, party->case_id);
  clr_db_stmt_bind_text (stmt, 6, origin);
  clr_db_stmt_bind_text (stmt, 7, party_json);
  clr_db_stmt_bind_text (stmt, 8, now);
  if (!_clr_store_step_done (self, stmt, _("Remembering a screened party"), error))
    return FALSE;
  return TRUE;
}

/* Stores the snapshot of @cached once (per recording, and once per distinct
 * text in the store); returns its hash, or NULL on error. */
static const char *
store_snapshot (ClrStore     *self,
                RecordStmts  *st,
                CachedEntry  *cached,
                GError      **error)
{
  ClrDbStmt *stmt;

  if (cached->snapshot != NULL)
    return cached->snapshot;
  stmt = cached_stmt (self, &st->snapshot,
                      "INSERT INTO review_entry_snapshots (hash, json) VALUES (?1, ?2) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return NULL;
  cached->snapshot = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cached->json, -1);
  clr_db_stmt_bind_text (stmt, 1, cached->snapshot);
  clr_db_stmt_bind_text (stmt, 2, cached->json);
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_DONE)
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
  ClrDbStmt *find;
  ClrDbStmt *stmt;
  ClrDbStmt *sighting;
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
  clr_db_stmt_bind_text (find, 1, p->party_key);
  clr_db_stmt_bind_text (find, 2, country);
  clr_db_stmt_bind_text (find, 3, list_code);
  clr_db_stmt_bind_text (find, 4, p->entry_key);
  rc = clr_db_stmt_step (find);

  if (rc == CLR_DB_STEP_ROW)
    {
      const char *status = clr_db_stmt_column_text (find, 1);
      const char *decided_hash = clr_db_stmt_column_text (find, 3);

      id = clr_db_stmt_column_int64 (find, 0);
      if (!clr_review_status_from_string (status, status_out))
        *status_out = CLR_REVIEW_STATUS_OPEN;

      if (*status_out != CLR_REVIEW_STATUS_OPEN && decided_hash != NULL &&
          p->content_hash != NULL && strcmp (decided_hash, p->content_hash) != 0)
        {
          g_autoptr(ClrEntry) entry = p->entry_json != NULL ? entry_from_snapshot (p->entry_json) : NULL;
          g_auto(GStrv) fields = _clr_review_diff_against_snapshot (clr_db_stmt_column_text (find, 4),
                                                        entry);
          g_autofree char *status_copy = g_strdup (status);
          g_autofree char *reason_copy = _clr_stmt_dup_text (find, 2);
          g_autofree char *hash_copy = g_strdup (decided_hash);

          if (!_clr_store_review_reopen_item (self, id, status_copy, reason_copy, hash_copy, p->content_hash,
                            (const char * const *) fields,
                            p->case_id > 0 ? p->case_id : clr_db_stmt_column_int64 (find, 5), error))
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
      clr_db_stmt_bind_int64 (stmt, 14, id);
    }
  else if (rc == CLR_DB_STEP_DONE)
    {
      stmt = cached_stmt (self, &st->insert,
                                 "INSERT INTO review_items (party_name, party_role, party_json, case_id, "
                                 "entry_row, content_hash, entry_name, entry_json, score, matched_name, "
                                 "explanation, hit_json, last_seen_at, first_seen_at, party_key, "
                                 "party_country, list_code, entry_key, origin, entry_snapshot) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, "
                                 "?19, ?16, ?17, ?18, ?14, ?15) RETURNING id", error);
      if (stmt == NULL)
        return 0;
      clr_db_stmt_bind_text (stmt, 19, p->party_key);
      clr_db_stmt_bind_text (stmt, 16, country);
      clr_db_stmt_bind_text (stmt, 17, list_code);
      clr_db_stmt_bind_text (stmt, 18, p->entry_key);
      clr_db_stmt_bind_text (stmt, 14, origin);
      *created = TRUE;
    }
  else
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return 0;
    }

  clr_db_stmt_bind_text (stmt, 1, p->party_name);
  clr_db_stmt_bind_text (stmt, 2, p->party_role);
  clr_db_stmt_bind_text (stmt, 3, party_json);
  clr_db_stmt_bind_int64 (stmt, 4, p->case_id);
  clr_db_stmt_bind_int64 (stmt, 5, p->entry_row);
  clr_db_stmt_bind_text (stmt, 6, p->content_hash);
  clr_db_stmt_bind_text (stmt, 7, p->entry_name);
  clr_db_stmt_bind_text (stmt, 8, entry_json);
  clr_db_stmt_bind_double (stmt, 9, p->score);
  clr_db_stmt_bind_text (stmt, 10, p->matched_name);
  clr_db_stmt_bind_text (stmt, 11, p->explanation);
  clr_db_stmt_bind_text (stmt, 12, hit_json != NULL ? hit_json : p->hit_json);
  clr_db_stmt_bind_text (stmt, 13, now);
  clr_db_stmt_bind_text (stmt, 15, snapshot);
  if (*created)
    id = _clr_store_step_returning_id (self, stmt, _("Recording a hit for review"), error);
  else if (!_clr_store_step_done (self, stmt, _("Recording a hit for review"), error))
    id = 0;
  if (id <= 0)
    return 0;

  sighting = cached_stmt (self, &st->sighting,
                                 "INSERT INTO review_sightings (item_id, case_id, role, seen_at) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (item_id, case_id) "
                                 "DO UPDATE SET role = ?3, seen_at = ?4", error);
  if (sighting == NULL)
    return 0;
  for (guint i = 0; i == 0 || (p->other_cases != NULL && i <= json_array_get_length (p->other_cases)); i++)
    {
      clr_db_stmt_reset (sighting);
      clr_db_stmt_bind_int64 (sighting, 1, id);
      clr_db_stmt_bind_int64 (sighting, 2, i == 0 ? p->case_id : json_array_get_int_element (p->other_cases, i - 1));
      clr_db_stmt_bind_text (sighting, 3, p->party_role);
      clr_db_stmt_bind_text (sighting, 4, now);
      if (!_clr_store_step_done (self, sighting, _("Recording a hit for review"), error))
        return 0;
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
  g_autoptr(ClrDbStmt) find = NULL;
  int rc;

  *status_out = CLR_REVIEW_STATUS_OPEN;
  *id_out = 0;
  find = _clr_store_prepare (self,
                             "SELECT id, status, decided_hash FROM review_items "
                             "WHERE party_key = ? AND party_country = ? AND list_code = ? AND entry_key = ?",
                             error);
  if (find == NULL)
    return FALSE;
  clr_db_stmt_bind_text (find, 1, p->party_key);
  clr_db_stmt_bind_text (find, 2, p->party_country ? p->party_country : "");
  clr_db_stmt_bind_text (find, 3, p->list_code ? p->list_code : "");
  clr_db_stmt_bind_text (find, 4, p->entry_key);
  rc = clr_db_stmt_step (find);
  if (rc == CLR_DB_STEP_ROW)
    {
      const char *decided_hash = clr_db_stmt_column_text (find, 2);

      *id_out = clr_db_stmt_column_int64 (find, 0);
      if (!clr_review_status_from_string (clr_db_stmt_column_text (find, 1), status_out) ||
          (decided_hash != NULL && p->content_hash != NULL && strcmp (decided_hash, p->content_hash) != 0))
        *status_out = CLR_REVIEW_STATUS_OPEN;
      return TRUE;
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Reading the review queue"));
      return FALSE;
    }

  return TRUE;
}

static gboolean record_pending (ClrStore   *self,
                                Pending    *pending,
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
  g_auto(Pending) pending = pending_init ();

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
      g_ptr_array_add (pending.parties, party);

      hits = json_object_get_member (element, "hits");
      if (hits == NULL || !JSON_NODE_HOLDS_ARRAY (hits))
        continue;
      for (guint h = 0; h < json_array_get_length (json_node_get_array (hits)); h++)
        {
          JsonNode *hit = json_array_get_element (json_node_get_array (hits), h);
          PendingHit *p;

          if (!JSON_NODE_HOLDS_OBJECT (hit))
            continue;
          /* Drop our own annotations from an earlier pass before storing. */
          json_object_remove_member (json_node_get_object (hit), "decision");
          json_object_remove_member (json_node_get_object (hit), "review_id");
          p = pending_hit_new (self, &pending.cache, party, json_node_get_object (hit));
          if (p != NULL)
            g_ptr_array_add (pending.hits, p);
        }
    }

  entry_cache_close (self, &pending.cache);

  /* A read-only database: annotate with the stored decisions, record nothing. */
  if (clr_store_is_read_only (self))
    {
      _clr_store_lock (self);
      for (guint i = 0; i < pending.hits->len; i++)
        {
          PendingHit *p = g_ptr_array_index (pending.hits, i);
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
          /* four-eyes: a clearance waiting for its approval does not clear the hit */
          if (id > 0 && status == CLR_REVIEW_STATUS_NO_MATCH)
            {
              const char *word = _clr_store_review_decision_word (self, id, status, error);

              if (word == NULL)
                {
                  _clr_store_unlock (self);
                  return FALSE;
                }
              json_object_set_string_member (p->hit, "decision", word);
            }
        }
      _clr_store_unlock (self);
      if (n_new != NULL)
        *n_new = 0;
      if (n_reopened != NULL)
        *n_reopened = 0;
      return TRUE;
    }

  return record_pending (self, &pending, origin, n_new, n_reopened, error);
}

/* Phase 2 of a recording: one transaction, statements prepared once. */
static gboolean
record_pending (ClrStore   *self,
                Pending    *pending,
                const char *origin,
                guint      *n_new,
                guint      *n_reopened,
                GError    **error)
{
  g_autofree char *now = _clr_store_now_iso ();
  RecordStmts st = { NULL, };
  guint created_count = 0;
  guint reopened_count = 0;

  if (!_clr_store_write_begin (self, error))
    goto fail_unlocked;

  for (guint i = 0; i < pending->parties->len; i++)
    if (!remember_party (self, &st, g_ptr_array_index (pending->parties, i), origin, now, error))
      goto fail;

  for (guint i = 0; i < pending->hits->len; i++)
    {
      PendingHit *p = g_ptr_array_index (pending->hits, i);
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
          const char *word = clr_review_status_to_string (status);

          /* four-eyes: a clearance waiting for its approval does not clear the hit */
          if (status == CLR_REVIEW_STATUS_NO_MATCH)
            word = _clr_store_review_decision_word (self, id, status, error);
          if (word == NULL)
            goto fail;
          json_object_set_int_member (p->hit, "review_id", id);
          json_object_set_string_member (p->hit, "decision", word);
        }
    }

  record_stmts_clear (&st);
  if (!_clr_store_write_end (self, TRUE, error))
    goto fail_unlocked;

  if (n_new != NULL)
    *n_new = created_count;
  if (n_reopened != NULL)
    *n_reopened = reopened_count;
  return TRUE;

fail:
  record_stmts_clear (&st);
  _clr_store_write_end (self, FALSE, NULL);
fail_unlocked:
  /* Leave the caller's hits as they were. */
  for (guint i = 0; i < pending->hits->len; i++)
    {
      PendingHit *p = g_ptr_array_index (pending->hits, i);

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
  g_auto(Pending) pending = pending_init ();
  /* ClrEntry * → its content hash: computed once per entry, not per hit */
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

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
      g_ptr_array_add (pending.parties, party);

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
          key = clr_entry_dup_hit_key (entry);
          p = pending_hit_resolve (self, &pending.cache, p, key);
          if (p != NULL)
            g_ptr_array_add (pending.hits, p);
        }
    }

  entry_cache_close (self, &pending.cache);

  return record_pending (self, &pending, origin, n_new, NULL, error);
}
