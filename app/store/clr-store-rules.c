/* clr-store-rules.c — rule packs in the database; screen-and-evaluate
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-engine-error.h"
#include "clr-evaluator.h"
#include "clr-shipment.h"
#include "clr-store-lists.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-task.h"
#include "clr-json.h"
#include "clr-store-rules.h"
#include "clr-store-rules-private.h"
#include "clr-store-audit.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"

/* Per-store caches (the store object is the lead's; we hang data on it). */
#define PACK_CACHE_KEY    "clr-rules-pack-cache"
#define MATCHER_CACHE_KEY "clr-rules-matcher-cache"
#define MATCHER_STAMP_KEY "clr-rules-matcher-stamp"
#define MATCHER_FEW_KEY "clr-rules-matcher-few-queries"
#define MATCHER_BUILDS_KEY "clr-rules-matcher-builds"

static GMutex cache_lock;
/* One build at a time: a second thread that misses the cache while the
 * first builds (the page warming it, then Evaluate) waits and reuses it. */
static GMutex build_lock;

void
clr_rule_pack_import_result_clear (ClrRulePackImportResult *result)
{
  g_clear_pointer (&result->id, g_free);
  g_clear_pointer (&result->version, g_free);
  g_clear_pointer (&result->published, g_free);
  g_clear_pointer (&result->sha256, g_free);
  g_clear_pointer (&result->previous_version, g_free);
  result->unchanged = FALSE;
}

/* Inserts (or re-activates) a validated pack and makes it the active one.
 * Call inside a transaction. */
static gboolean
store_pack (ClrStore    *self,
            ClrRulePack *pack,
            const char  *json,
            gsize        length,
            const char  *origin,
            GError     **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *now = _clr_store_now_iso ();

  if (!_clr_store_exec (self, "UPDATE rule_pack SET active = 0 WHERE active = 1", error))
    return FALSE;
  stmt = _clr_store_prepare (self,
                             "INSERT INTO rule_pack (pack_id, version, published, title, sha256, origin, imported_at, active, json) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) "
                             "ON CONFLICT (sha256) DO UPDATE SET active = 1", error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, clr_rule_pack_get_id (pack));
  clr_db_stmt_bind_text (stmt, 2, clr_rule_pack_get_version (pack));
  clr_db_stmt_bind_text (stmt, 3, clr_rule_pack_get_published (pack));
  clr_db_stmt_bind_text (stmt, 4, clr_rule_pack_get_title (pack));
  clr_db_stmt_bind_text (stmt, 5, clr_rule_pack_get_sha256 (pack));
  clr_db_stmt_bind_text (stmt, 6, origin);
  clr_db_stmt_bind_text (stmt, 7, now);
  clr_db_stmt_bind_text (stmt, 8, json);
  if (!_clr_store_step_done (self, stmt, _("Cannot store the rule pack"), error))
    return FALSE;
  return TRUE;
}

/* The active pack row: JSON and version; FALSE with no error when none. */
static gboolean
read_active (ClrStore  *self,
             char     **json,
             char     **version,
             char     **sha256,
             GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, "SELECT json, version, sha256 FROM rule_pack WHERE active = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = clr_db_stmt_step (stmt);
  if (rc == CLR_DB_STEP_ROW)
    {
      if (json != NULL)
        *json = _clr_stmt_dup_text (stmt, 0);
      if (version != NULL)
        *version = _clr_stmt_dup_text (stmt, 1);
      if (sha256 != NULL)
        *sha256 = _clr_stmt_dup_text (stmt, 2);
      return TRUE;
    }
  if (rc != CLR_DB_STEP_DONE)
    _clr_store_set_error (self, error, _("Cannot read the rule pack"));
  return FALSE;
}

/* The bundled pack, parsed once per process. */
static ClrRulePack *
get_bundled_pack (GError **error)
{
  static GMutex lock;
  static ClrRulePack *bundled;
  static GError *bundled_error;

  g_mutex_lock (&lock);
  if (bundled == NULL && bundled_error == NULL)
    bundled = clr_rule_pack_new_bundled (&bundled_error);
  g_mutex_unlock (&lock);
  if (bundled == NULL)
    {
      g_propagate_error (error, g_error_copy (bundled_error));
      return NULL;
    }
  return g_object_ref (bundled);
}

static void
cache_pack (ClrStore    *self,
            ClrRulePack *pack)
{
  g_mutex_lock (&cache_lock);
  g_object_set_data_full (G_OBJECT (self), PACK_CACHE_KEY, g_object_ref (pack), g_object_unref);
  g_mutex_unlock (&cache_lock);
}

ClrRulePack *
clr_store_load_rule_pack (ClrStore  *self,
                          GError   **error)
{
  g_autoptr(ClrRulePack) bundled = NULL;
  g_autoptr(ClrRulePack) pack = NULL;
  g_autoptr(GError) bundled_error = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *version = NULL;
  g_autofree char *sha256 = NULL;
  ClrRulePack *cached;
  gboolean have;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  bundled = get_bundled_pack (&bundled_error);
  _clr_store_lock (self);
  have = read_active (self, &json, &version, &sha256, &local_error);
  if (local_error != NULL)
    {
      _clr_store_unlock (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* First use, or the app ships a newer pack than the stored one: install it. */
  if (bundled != NULL &&
      (!have || clr_rule_pack_compare_versions (clr_rule_pack_get_version (bundled), version) > 0))
    {
      g_autoptr(GBytes) bytes = clr_rule_pack_get_bundled_data ();
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);
      gboolean stored;

      /* A read-only database: use the bundled pack without storing it. */
      if (clr_store_is_read_only (self))
        {
          _clr_store_unlock (self);
          cache_pack (self, bundled);
          return g_steal_pointer (&bundled);
        }
      if (!_clr_store_write_begin_locked (self, error))
        return NULL;
      stored = store_pack (self, bundled, data, length, "bundled", &local_error);
      /* A team database whose role may not install packs (a reviewer): the
       * bundled pack serves until an administrator's program stores it. */
      if (!_clr_store_write_end (self, stored, &local_error) &&
          !g_error_matches (local_error, CLR_STORE_ERROR, CLR_STORE_ERROR_READ_ONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      cache_pack (self, bundled);
      return g_steal_pointer (&bundled);
    }
  _clr_store_unlock (self);

  if (!have)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&bundled_error), "%s", _("No rule pack is installed: "));
      return NULL;
    }

  g_mutex_lock (&cache_lock);
  cached = g_object_get_data (G_OBJECT (self), PACK_CACHE_KEY);
  if (cached != NULL && g_strcmp0 (clr_rule_pack_get_sha256 (cached), sha256) == 0)
    {
      g_object_ref (cached);
      g_mutex_unlock (&cache_lock);
      return cached;
    }
  g_mutex_unlock (&cache_lock);

  if (bundled != NULL && g_strcmp0 (clr_rule_pack_get_sha256 (bundled), sha256) == 0)
    pack = g_steal_pointer (&bundled);
  else
    pack = clr_rule_pack_new_from_data (json, -1, _("stored rule pack"), &local_error);
  if (pack == NULL && bundled != NULL)
    {
      /* The stored pack no longer validates (e.g. this build checks more):
       * work with the bundled one; the database is left as it is. */
      g_debug ("stored rule pack rejected, using the bundled pack: %s", local_error->message);
      pack = g_steal_pointer (&bundled);
    }
  else if (pack == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  cache_pack (self, pack);
  return g_steal_pointer (&pack);
}

/* review: every rule pack import lands in the audit trail, in the same
 * transaction. The caller holds the lock. */
static gboolean
audit_rule_pack_import (ClrStore     *self,
                        ClrRulePack  *pack,
                        const char   *previous_version,
                        const char   *file_name,
                        GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (previous_version != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, previous_version);
      json_builder_end_object (b);
      before = json_builder_get_root (b);
      json_builder_reset (b);
    }
  json_builder_begin_object (b);
  clr_rule_pack_add_identity (pack, b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file_name);
  json_builder_end_object (b);
  after = json_builder_get_root (b);

  return clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_RULES_IMPORT, "rule_pack",
                                          clr_rule_pack_get_id (pack), 0, before, after, error) != 0;
}

CLR_STORE_TASK_FUNC (load_pack_func, void,
                     clr_store_load_rule_pack (self, error))

void
clr_store_load_rule_pack_async (ClrStore            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  _clr_store_task_run (self, clr_store_load_rule_pack_async, CLR_STORE_TASK_SKIP_CANCELLED,
                       load_pack_func, NULL, NULL, g_object_unref, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (ClrRulePack *, clr_store_load_rule_pack_finish, ClrStore, pointer)

gboolean
clr_store_import_rule_pack (ClrStore                 *self,
                            const char               *path,
                            gboolean                  force,
                            ClrRulePackImportResult  *result,
                            GError                  **error)
{
  g_autofree char *data = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *active_version = NULL;
  g_autofree char *active_sha = NULL;
  g_autoptr(ClrRulePack) pack = NULL;
  g_autoptr(ClrRulePack) current = NULL;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  /* Validate completely before touching the database. */
  pack = clr_rule_pack_new_from_data (data, length, path, error);
  if (pack == NULL)
    return FALSE;

  /* Make sure a pack is installed (the bundled one on first use). */
  current = clr_store_load_rule_pack (self, NULL);
  _clr_store_lock (self);
  if (!read_active (self, NULL, &active_version, &active_sha, error) && error != NULL && *error != NULL)
    {
      _clr_store_unlock (self);
      return FALSE;
    }

  if (result != NULL)
    {
      result->id = g_strdup (clr_rule_pack_get_id (pack));
      result->version = g_strdup (clr_rule_pack_get_version (pack));
      result->published = g_strdup (clr_rule_pack_get_published (pack));
      result->sha256 = g_strdup (clr_rule_pack_get_sha256 (pack));
      result->previous_version = g_strdup (active_version);
    }
  if (g_strcmp0 (active_sha, clr_rule_pack_get_sha256 (pack)) == 0)
    {
      _clr_store_unlock (self);
      if (result != NULL)
        result->unchanged = TRUE;
      return TRUE;
    }
  if (active_version != NULL && !force &&
      clr_rule_pack_compare_versions (clr_rule_pack_get_version (pack), active_version) <= 0)
    {
      _clr_store_unlock (self);
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: rule pack version %s is not newer than the installed version %s (nothing changed; "
                     "use --force to install it anyway)"),
                   path, clr_rule_pack_get_version (pack), active_version);
      return FALSE;
    }

  basename = g_path_get_basename (path);
  if (!_clr_store_write_begin_locked (self, error))
    return FALSE;
  ok = store_pack (self, pack, data, length, basename, error) &&
       audit_rule_pack_import (self, pack, active_version, basename, error);  /* review */
  if (!_clr_store_write_end (self, ok, error))
    return FALSE;
  cache_pack (self, pack);
  return TRUE;
}

JsonNode *
clr_store_list_rule_packs (ClrStore  *self,
                           GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int rc;

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, "SELECT pack_id, version, published, sha256, imported_at, active, origin "
                                   "FROM rule_pack ORDER BY id DESC", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (self);
      return NULL;
    }
  json_builder_begin_array (b);
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      static const char * const names[] = { "id", "version", "published", "sha256", "imported_at" };

      json_builder_begin_object (b);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (b, names[i]);
          json_builder_add_string_value (b, clr_db_stmt_column_text (stmt, i));
        }
      clr_json_add_boolean (b, "active", (int) clr_db_stmt_column_int64 (stmt, 5) != 0);
      json_builder_set_member_name (b, "origin");
      json_builder_add_string_value (b, clr_db_stmt_column_text (stmt, 6));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (self, error, _("Cannot list rule packs"));
      _clr_store_unlock (self);
      return NULL;
    }
  _clr_store_unlock (self);
  return json_builder_get_root (b);
}

/* ---- screening ------------------------------------------------------------ */

/* The loaded list versions, and a stamp that changes when any of them does. */
static JsonArray *
loaded_lists (ClrStore  *self,
              char     **stamp,
              GError   **error)
{
  g_auto(GStrv) sources = clr_store_list_loaded_sources (self, error);
  g_autoptr(JsonArray) lists = NULL;
  GString *s = g_string_new (NULL);

  if (sources == NULL)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  lists = json_array_new ();
  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(ClrListVersion) v = clr_store_get_current_version (self, sources[i], NULL);
      JsonObject *o;

      if (v == NULL)
        continue;
      o = json_object_new ();
      json_object_set_string_member (o, "source", v->source);
      json_object_set_string_member (o, "version", v->publication_date != NULL ? v->publication_date : v->imported_at);
      json_object_set_string_member (o, "sha256", v->sha256);
      json_object_set_string_member (o, "file", v->file_name);
      if (v->fetched_without_tls)
        json_object_set_boolean_member (o, "fetched_without_tls", TRUE);
      json_array_add_object_element (lists, o);
      g_string_append_printf (s, "%s:%" G_GINT64_FORMAT ";", v->source, v->id);
    }
  *stamp = g_string_free (s, FALSE);
  return g_steal_pointer (&lists);
}

/* The cached matcher when it was built from the lists @stamp names, else NULL. */
static ClrMatcher *
lookup_matcher (ClrStore   *self,
                const char *stamp)
{
  ClrMatcher *matcher;

  g_mutex_lock (&cache_lock);
  matcher = g_object_get_data (G_OBJECT (self), MATCHER_CACHE_KEY);
  if (matcher != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (self), MATCHER_STAMP_KEY), stamp) == 0)
    g_object_ref (matcher);
  else
    matcher = NULL;
  g_mutex_unlock (&cache_lock);
  return matcher;
}

static ClrMatcher *
get_matcher (ClrStore   *self,
             const char *stamp,
             GError    **error)
{
  ClrMatcher *matcher;
  gboolean few;

  matcher = lookup_matcher (self, stamp);
  if (matcher != NULL)
    return matcher;

  g_mutex_lock (&build_lock);
  matcher = lookup_matcher (self, stamp);
  if (matcher != NULL)
    {
      g_mutex_unlock (&build_lock);
      return matcher;
    }
  /* a process that screens one shipment's few names does not need the
   * neighbour table, whose build is most of the load time */
  g_mutex_lock (&cache_lock);
  few = g_object_get_data (G_OBJECT (self), MATCHER_FEW_KEY) != NULL;
  g_mutex_unlock (&cache_lock);
  matcher = few ? clr_store_load_matcher_for_one_query (self, error)
                : clr_store_load_matcher (self, error);
  if (matcher == NULL)
    {
      g_mutex_unlock (&build_lock);
      return NULL;
    }
  g_mutex_lock (&cache_lock);
  g_object_set_data_full (G_OBJECT (self), MATCHER_CACHE_KEY, g_object_ref (matcher), g_object_unref);
  g_object_set_data_full (G_OBJECT (self), MATCHER_STAMP_KEY, g_strdup (stamp), g_free);
  g_object_set_data (G_OBJECT (self), MATCHER_BUILDS_KEY,
                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), MATCHER_BUILDS_KEY)) + 1));
  g_mutex_unlock (&cache_lock);
  g_mutex_unlock (&build_lock);
  return matcher;
}

ClrMatcher *
clr_store_get_shared_matcher (ClrStore  *self,
                              GError   **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(JsonArray) lists = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  lists = loaded_lists (self, &stamp, error);
  if (lists == NULL)
    return NULL;
  return get_matcher (self, stamp, error);
}

guint
_clr_store_get_matcher_builds (ClrStore *self)
{
  guint builds;

  g_mutex_lock (&cache_lock);
  builds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), MATCHER_BUILDS_KEY));
  g_mutex_unlock (&cache_lock);
  return builds;
}

static void
screen_one (ClrMatcher *matcher,
            JsonArray  *out,
            int         party,
            const char *subject,
            const char *name,
            const char *country)
{
  g_autoptr(GPtrArray) hits = clr_matcher_screen (matcher, name, country, clr_matcher_get_default_threshold (), 10);
  JsonObject *o = json_object_new ();
  JsonArray *ha = json_array_new ();

  for (guint h = 0; hits != NULL && h < hits->len; h++)
    json_array_add_element (ha, clr_hit_to_json (g_ptr_array_index (hits, h)));
  json_object_set_int_member (o, "party", party);
  json_object_set_string_member (o, "subject", subject);
  json_object_set_string_member (o, "name", name);
  json_object_set_array_member (o, "hits", ha);
  json_array_add_object_element (out, o);
}

void
clr_store_set_few_screening_queries (ClrStore *self,
                                     gboolean  few)
{
  g_return_if_fail (CLR_IS_STORE (self));

  g_mutex_lock (&cache_lock);
  if ((g_object_get_data (G_OBJECT (self), MATCHER_FEW_KEY) != NULL) != (few != FALSE))
    {
      /* the cached matcher was built the other way: build anew on next use */
      g_object_set_data (G_OBJECT (self), MATCHER_CACHE_KEY, NULL);
      g_object_set_data (G_OBJECT (self), MATCHER_STAMP_KEY, NULL);
    }
  g_object_set_data (G_OBJECT (self), MATCHER_FEW_KEY, few ? GINT_TO_POINTER (1) : NULL);
  g_mutex_unlock (&cache_lock);
}

JsonArray *
clr_store_screen_shipment_parties (ClrStore    *self,
                                   JsonNode    *shipment,
                                   JsonArray  **out_lists,
                                   GError     **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(JsonArray) lists = NULL;
  g_autoptr(ClrMatcher) matcher = NULL;
  JsonArray *parties;
  JsonArray *out;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (out_lists != NULL)
    *out_lists = NULL;
  if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment) ||
      !json_object_has_member (json_node_get_object (shipment), "parties"))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT, _("parties: at least one party is required"));
      return NULL;
    }
  lists = loaded_lists (self, &stamp, error);
  if (lists == NULL)
    return NULL;
  if (json_array_get_length (lists) == 0)
    return NULL;  /* screening not possible: no error */
  matcher = get_matcher (self, stamp, error);
  if (matcher == NULL)
    return NULL;

  parties = json_object_get_array_member (json_node_get_object (shipment), "parties");
  out = json_array_new ();
  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonNode *node = json_array_get_element (parties, i);
      JsonObject *party;
      JsonNode *parent;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      party = json_node_get_object (node);
      name = json_object_get_string_member_with_default (party, "name", NULL);
      if (name == NULL)
        continue;
      screen_one (matcher, out, i, "party", name, json_object_get_string_member_with_default (party, "country", NULL));
      parent = json_object_get_member (party, "ultimate_parent");
      if (parent != NULL && JSON_NODE_HOLDS_OBJECT (parent) &&
          json_object_get_string_member_with_default (json_node_get_object (parent), "name", NULL) != NULL)
        {
          JsonObject *p = json_node_get_object (parent);

          screen_one (matcher, out, i, "ultimate_parent", json_object_get_string_member (p, "name"),
                      json_object_get_string_member_with_default (p, "headquarters_country", NULL));
        }
    }
  if (out_lists != NULL)
    *out_lists = g_steal_pointer (&lists);
  return out;
}

gboolean
clr_store_record_screening_decisions (ClrStore   *self,
                                      JsonArray  *screening,
                                      JsonNode   *shipment,
                                      GError    **error)
{
  JsonArray *parties = json_object_get_array_member (json_node_get_object (shipment), "parties");

  /* Parties' and ultimate parents' hits alike: a parent's hit enters the
   * queue under role "ultimate_parent" (as re-screening records it), and its
   * decision annotates the hit, so "parent_listed" honours a "no match". */
  return clr_store_review_annotate_screening_full (self, screening, parties, 0, "evaluate", error);
}

JsonNode *
clr_store_evaluate_with_pack (ClrStore                  *self,
                              ClrRulePack               *pack,
                              JsonNode                  *shipment,
                              const ClrStoreEvaluation  *how,
                              GError                   **error)
{
  g_autoptr(JsonArray) screening = NULL;
  g_autoptr(JsonArray) lists = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);
  g_return_val_if_fail (how != NULL, NULL);

  if (!clr_shipment_validate (pack, shipment, error))
    return NULL;
  screening = clr_store_screen_shipment_parties (self, shipment, &lists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (how->record && screening != NULL && !clr_store_record_screening_decisions (self, screening, shipment, error))
    return NULL;
  return clr_evaluate (pack, shipment, screening, lists, how->as_of, how->posture, how->flags, error);
}

JsonNode *
clr_store_evaluate_shipment (ClrStore    *self,
                             JsonNode    *shipment,
                             const char  *as_of,
                             const char  *posture,
                             gboolean     trace,
                             GError     **error)
{
  g_autoptr(ClrRulePack) pack = NULL;
  ClrStoreEvaluation how = { as_of, CLR_POSTURE_ENFORCEMENT, trace ? CLR_EVALUATE_TRACE : CLR_EVALUATE_NONE, TRUE };

  if (posture != NULL && !clr_posture_from_string (posture, &how.posture, error))
    return NULL;
  pack = clr_store_load_rule_pack (self, error);
  if (pack == NULL)
    return NULL;
  return clr_store_evaluate_with_pack (self, pack, shipment, &how, error);
}

typedef struct
{
  JsonNode *shipment;
  char     *as_of;
  char     *posture;
} EvaluateData;

static void
evaluate_data_free (EvaluateData *data)
{
  json_node_unref (data->shipment);
  g_free (data->as_of);
  g_free (data->posture);
  g_free (data);
}

CLR_STORE_TASK_FUNC (evaluate_func, EvaluateData,
                     clr_store_evaluate_shipment (self, data->shipment, data->as_of, data->posture, FALSE, error))

void
clr_store_evaluate_shipment_async (ClrStore            *self,
                                   JsonNode            *shipment,
                                   const char          *as_of,
                                   const char          *posture,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  EvaluateData *data;

  g_return_if_fail (CLR_IS_STORE (self));
  g_return_if_fail (shipment != NULL);

  data = g_new0 (EvaluateData, 1);
  data->shipment = clr_json_node_deep_copy (shipment);  /* the caller's form may change meanwhile */
  data->as_of = g_strdup (as_of);
  data->posture = g_strdup (posture);
  _clr_store_task_run (self, clr_store_evaluate_shipment_async, CLR_STORE_TASK_SKIP_CANCELLED,
                       evaluate_func, data, (GDestroyNotify) evaluate_data_free,
                       (GDestroyNotify) json_node_unref, cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (JsonNode *, clr_store_evaluate_shipment_finish, ClrStore, pointer)
