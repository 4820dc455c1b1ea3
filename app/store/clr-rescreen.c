/* clr-rescreen.c — re-screening saved parties against what a list update changed
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "clr-clock.h"
#include "clr-matcher.h"
#include "clr-rescreen.h"
#include "clr-rescreen-private.h"
#include "clr-store-audit.h"
#include "clr-store-cases.h"
#include "clr-store-lists.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-task.h"
#include "clr-store-review.h"

/* Hits per party kept from a re-screen: the queue wants the plausible
 * candidates, not a long tail. */
#define HITS_PER_PARTY 10

void
clr_rescreen_summary_free (ClrRescreenSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->sources, g_ptr_array_unref);
  g_free (summary->resumed_from);
  g_free (summary);
}

static ClrRescreenSummary *
summary_new (void)
{
  ClrRescreenSummary *summary = g_new0 (ClrRescreenSummary, 1);

  summary->sources = g_ptr_array_new_with_free_func (g_free);
  return summary;
}

char *
clr_rescreen_summary_to_string (const ClrRescreenSummary *summary)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->sources->len == 0)
    return g_strdup (_("No list has changed since the last re-screening"));

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new hit", "%u new hits",
                                                        summary->new_hits),
                                           summary->new_hits));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision reopened",
                                                        "%u decisions reopened", summary->reopened),
                                           summary->reopened));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u entry you had matched was removed",
                                                        "%u entries you had matched were removed",
                                                        summary->removed_matched),
                                           summary->removed_matched));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the parties to re-screen ---- */

typedef struct
{
  char     *name;
  char     *country;
  char     *role;
  char     *subject;   /* "party" or "ultimate_parent" */
  gint64    case_id;
  GArray   *other_cases;  /* gint64: more open cases the same party is in */
  JsonNode *party;     /* the party object (for the queue item) or NULL */
} Party;

static void
party_free (Party *party)
{
  g_free (party->name);
  g_free (party->country);
  g_free (party->role);
  g_free (party->subject);
  g_clear_pointer (&party->party, json_node_unref);
  g_clear_pointer (&party->other_cases, g_array_unref);
  g_free (party);
}

static void
add_party (GPtrArray   *parties,
           GHashTable  *seen,
           const char  *name,
           const char  *country,
           const char  *role,
           const char  *subject,
           gint64       case_id,
           JsonObject  *object)
{
  g_autofree char *key = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *upper = NULL;
  Party *party;

  if (name == NULL || *name == '\0')
    return;

  normalized = clr_review_normalize_party_name (name);
  if (*normalized == '\0')
    return;
  upper = (country != NULL && *country != '\0') ? g_ascii_strup (country, -1) : NULL;
  /* One screening per party identity; the cases it is in are remembered. */
  key = g_strdup_printf ("%s\x1f%s\x1f%s", normalized, upper ? upper : "", subject);
  party = g_hash_table_lookup (seen, key);
  if (party != NULL)
    {
      if (case_id > 0 && party->case_id == 0)
        party->case_id = case_id;
      else if (case_id > 0 && case_id != party->case_id)
        {
          if (party->other_cases == NULL)
            party->other_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_val (party->other_cases, case_id);
        }
      return;
    }

  party = g_new0 (Party, 1);
  party->name = g_strdup (name);
  party->country = (country != NULL && *country != '\0') ? g_ascii_strup (country, -1) : NULL;
  party->role = g_strdup (role);
  party->subject = g_strdup (subject);
  party->case_id = case_id;
  g_hash_table_insert (seen, g_steal_pointer (&key), party);
  if (object != NULL)
    {
      party->party = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (party->party, object);
    }
  g_ptr_array_add (parties, party);
}

/* Every previously screened name (of open cases, or outside any case), and
 * every party and ultimate parent of every open case. */
static GPtrArray *
collect_parties (ClrStore  *store,
                 GError   **error)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);  /* → Party */
  g_autoptr(ClrDbStmt) screened = NULL;
  g_autoptr(ClrDbStmt) cases = NULL;
  int rc;

  _clr_store_lock (store);
  screened = _clr_store_prepare (store,
                                 "SELECT sp.name, sp.party_country, sp.role, sp.case_id, sp.party_json "
                                 "FROM screened_parties sp LEFT JOIN cases c ON c.id = sp.case_id "
                                 "WHERE sp.case_id = 0 OR c.status = 'open' ORDER BY sp.id", error);
  if (screened == NULL)
    goto fail;
  while ((rc = clr_db_stmt_step (screened)) == CLR_DB_STEP_ROW)
    {
      const char *role = clr_db_stmt_column_text (screened, 2);
      g_autoptr(JsonNode) node = clr_json_from_text (clr_db_stmt_column_text (screened, 4), NULL);

      add_party (parties, seen,
                 clr_db_stmt_column_text (screened, 0),
                 clr_db_stmt_column_text (screened, 1),
                 role,
                 g_strcmp0 (role, "ultimate_parent") == 0 ? "ultimate_parent" : "party",
                 clr_db_stmt_column_int64 (screened, 3),
                 node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL);
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (store, error, _("Reading the screened parties"));
      goto fail;
    }

  cases = _clr_store_prepare (store, "SELECT id, shipment FROM cases WHERE status = 'open' ORDER BY id", error);
  if (cases == NULL)
    goto fail;
  while ((rc = clr_db_stmt_step (cases)) == CLR_DB_STEP_ROW)
    {
      gint64 case_id = clr_db_stmt_column_int64 (cases, 0);
      g_autoptr(JsonNode) shipment = clr_json_from_text (clr_db_stmt_column_text (cases, 1), NULL);
      JsonNode *list;

      if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment))
        continue;
      list = json_object_get_member (json_node_get_object (shipment), "parties");
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        continue;

      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *node = json_array_get_element (json_node_get_array (list), i);
          JsonObject *party;
          JsonNode *parent;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          party = json_node_get_object (node);
          add_party (parties, seen, clr_json_get_string (party, "name"),
                     clr_json_get_string (party, "country"),
                     clr_json_get_string (party, "role"), "party", case_id, party);

          parent = json_object_get_member (party, "ultimate_parent");
          if (parent != NULL && JSON_NODE_HOLDS_OBJECT (parent))
            add_party (parties, seen, clr_json_get_string (json_node_get_object (parent), "name"),
                       clr_json_get_string (json_node_get_object (parent), "headquarters_country"),
                       "ultimate_parent", "ultimate_parent", case_id, json_node_get_object (parent));
        }
    }
  if (rc != CLR_DB_STEP_DONE)
    {
      _clr_store_set_error (store, error, _("Reading the open cases"));
      goto fail;
    }
  _clr_store_unlock (store);

  return g_steal_pointer (&parties);

fail:
  _clr_store_unlock (store);
  return NULL;
}

/* ---- screening the parties on every core ---- */

typedef struct
{
  ClrMatcher   *matcher;
  GPtrArray    *parties;
  GPtrArray    *results;     /* GPtrArray * of ClrHit *, by party */
  double        threshold;
  GCancellable *cancellable;
  gint          next;
  gint          done;
} ScreenJob;

static void
screen_some (ScreenJob               *job,
             ClrRescreenProgressFunc  progress,
             gpointer                 progress_data,
             guint                    total)
{
  gint i;

  while ((i = g_atomic_int_add (&job->next, 1)) < (gint) job->parties->len)
    {
      Party *party = g_ptr_array_index (job->parties, i);

      if (g_cancellable_is_cancelled (job->cancellable))
        return;
      job->results->pdata[i] = clr_matcher_screen (job->matcher, party->name, party->country,
                                                   job->threshold, HITS_PER_PARTY);
      if (g_atomic_int_add (&job->done, 1) % 256 == 0 && progress != NULL)
        progress (g_atomic_int_get (&job->done) + 1, total, _("Re-screening parties"), progress_data);
    }
}

static void
hits_free (gpointer hits)
{
  if (hits != NULL)
    g_ptr_array_unref (hits);
}

static gpointer
screen_worker (gpointer data)
{
  screen_some (data, NULL, NULL, 0);
  return NULL;
}

static gboolean
screen_all (ClrMatcher               *matcher,
            GPtrArray                *parties,
            double                    threshold,
            GPtrArray               **out_hits,
            ClrRescreenProgressFunc   progress,
            gpointer                  progress_data,
            guint                     total,
            GCancellable             *cancellable,
            GError                  **error)
{
  ScreenJob job = { matcher, parties, NULL, threshold, cancellable, 0, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads = CLAMP (g_get_num_processors (), 1, 4);

  job.results = g_ptr_array_new_full (parties->len, hits_free);
  g_ptr_array_set_size (job.results, parties->len);

  /* The matcher is thread-safe once built; progress stays in this thread. */
  for (guint t = 1; t < n_threads && parties->len > 512; t++)
    g_ptr_array_add (threads, g_thread_new ("clr-rescreen", screen_worker, &job));
  screen_some (&job, progress, progress_data, total);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (job.results);
      return FALSE;
    }

  *out_hits = job.results;
  return TRUE;
}

typedef struct
{
  ClrMatcher *matcher;
  GHashTable *wanted;    /* gint64 * row id → nothing; NULL = every entry */
  GHashTable *changed;   /* gint64 * new row → ClrListChange * (borrowed) */
  GPtrArray  *changed_entries;  /* (ClrListChange *, ClrEntry *) pairs, flattened */
  guint       added;
} CollectData;

static gboolean
collect_entry (gint64    entry_id,
               ClrEntry *entry,
               gpointer  user_data)
{
  CollectData *data = user_data;
  ClrListChange *change;

  if (data->wanted == NULL || g_hash_table_contains (data->wanted, &entry_id))
    {
      clr_matcher_add_entry (data->matcher, entry_id, entry);
      data->added++;
    }

  change = data->changed != NULL ? g_hash_table_lookup (data->changed, &entry_id) : NULL;
  if (change != NULL)
    {
      g_ptr_array_add (data->changed_entries, change);
      g_ptr_array_add (data->changed_entries, clr_entry_ref (entry));
    }

  return TRUE;
}

/* What the review queue refers to, to skip the (many) changes no item is
 * about. */
typedef struct
{
  GHashTable *keys;   /* "LIST\x1fKEY" */
  GHashTable *rows;   /* gint64 * */
} Reviewed;

static void
reviewed_clear (Reviewed *reviewed)
{
  g_clear_pointer (&reviewed->keys, g_hash_table_unref);
  g_clear_pointer (&reviewed->rows, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reviewed, reviewed_clear)

static gint64 *int64_dup (gint64 value);

static gboolean
load_reviewed (ClrStore  *store,
               Reviewed  *reviewed,
               GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  int rc;

  reviewed->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reviewed->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  _clr_store_lock (store);
  stmt = _clr_store_prepare (store, "SELECT list_code, entry_key, entry_row FROM review_items", error);
  if (stmt == NULL)
    {
      _clr_store_unlock (store);
      return FALSE;
    }
  while ((rc = clr_db_stmt_step (stmt)) == CLR_DB_STEP_ROW)
    {
      g_hash_table_add (reviewed->keys, g_strdup_printf ("%s\x1f%s", clr_db_stmt_column_text (stmt, 0),
                                                         clr_db_stmt_column_text (stmt, 1)));
      if (clr_db_stmt_column_int64 (stmt, 2) > 0)
        g_hash_table_add (reviewed->rows, int64_dup (clr_db_stmt_column_int64 (stmt, 2)));
    }
  if (rc != CLR_DB_STEP_DONE)
    _clr_store_set_error (store, error, _("Reading the review queue"));
  _clr_store_unlock (store);

  return rc == CLR_DB_STEP_DONE;
}

static gboolean
has_items (Reviewed   *reviewed,
           const char *list_code,
           const char *key,
           gint64      row)
{
  g_autofree char *joined = g_strdup_printf ("%s\x1f%s", list_code ? list_code : "", key ? key : "");

  return g_hash_table_contains (reviewed->keys, joined) ||
         (row > 0 && g_hash_table_contains (reviewed->rows, &row));
}

/* The fields the matcher reads. */
static gboolean
change_affects_matching (const ClrListChange *change)
{
  static const char * const matched[] = { "name", "aliases", "countries", "list_code", "entity_type" };

  if (change->fields == NULL || change->fields[0] == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (matched); i++)
    if (g_strv_contains ((const char * const *) change->fields, matched[i]))
      return TRUE;
  return FALSE;
}

static void
report (ClrRescreenProgressFunc  progress,
        gpointer                 progress_data,
        guint                    done,
        guint                    total,
        const char              *what)
{
  if (progress != NULL)
    progress (done, total, what, progress_data);
}

JsonNode *
clr_rescreen_summary_to_json (const ClrRescreenSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = clr_rescreen_summary_to_string (summary);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->sources->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (summary->sources, i));
  json_builder_end_array (builder);
#define ADD_INT(name) clr_json_add_int (builder, #name, summary->name)
  ADD_INT (entries_added);
  ADD_INT (entries_changed);
  ADD_INT (entries_removed);
  ADD_INT (parties_screened);
  ADD_INT (new_hits);
  ADD_INT (reopened);
  ADD_INT (removed_matched);
#undef ADD_INT
  clr_json_add_string (builder, "resumed_from", summary->resumed_from);
  clr_json_add_string (builder, "summary", text);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

ClrRescreenSummary *
clr_rescreen_run (ClrStore                *store,
                  ClrRescreenProgressFunc  progress,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(ClrRescreenSummary) summary = summary_new ();
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(ClrMatcher) matcher = clr_matcher_new ();
  g_autoptr(JsonArray) screening = json_array_new ();
  g_autoptr(JsonArray) party_objects = json_array_new ();
  g_autoptr(GPtrArray) changed_entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_hits = NULL;
  double threshold = clr_matcher_get_default_threshold ();
  double t0 = g_get_monotonic_time () / 1e6;
  double c0 = clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID);
  g_auto(Reviewed) reviewed = { NULL, NULL };
  RunMarker marker = { NULL, 0, 0, 0 };
  ClrRescreenSummary prior = { 0, };
  gboolean resumed = FALSE;
  gboolean ok;
  guint total;

  g_return_val_if_fail (CLR_IS_STORE (store), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  report (progress, progress_data, 0, 1, _("Finding what the list updates changed"));

  updates = _clr_rescreen_collect_updates (store, error);
  if (updates == NULL)
    return NULL;
  g_debug ("rescreen: diff computed at %.2f s (cpu %.2f s)", g_get_monotonic_time () / 1e6 - t0, clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - c0);

  if (updates->len == 0)
    {
      report (progress, progress_data, 1, 1, _("Nothing to re-screen"));
      return g_steal_pointer (&summary);
    }

  /* 0. The marker: resume an interrupted run, or start one. */
  if (!_clr_store_write_begin (store, error))
    goto fail;
  ok = _clr_rescreen_begin_marker (store, &marker, &resumed, error) &&
       (!resumed || _clr_rescreen_count_resumed (store, &marker, &prior, error));
  if (!_clr_store_write_end (store, ok, error))
    goto fail;

  /* 1. A matcher over just the added and changed entries; decisions on
   *    changed entries reopened, removed matched entries counted. */
  if (!load_reviewed (store, &reviewed, error))
    goto fail;

  for (guint u = 0; u < updates->len; u++)
    {
      SourceUpdate *update = g_ptr_array_index (updates, u);
      g_autoptr(GHashTable) wanted = NULL;
      g_autoptr(GHashTable) changed = NULL;
      CollectData data = { matcher, NULL, NULL, changed_entries, 0 };
      guint first_changed = changed_entries->len;
      guint removed_before = summary->removed_matched;

      g_ptr_array_add (summary->sources, g_strdup (update->source));

      if (update->changes != NULL)
        {
          wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

          for (guint i = 0; i < update->changes->len; i++)
            {
              ClrListChange *change = g_ptr_array_index (update->changes, i);

              switch (change->kind)
                {
                case CLR_LIST_CHANGE_ADDED:
                  summary->entries_added++;
                  g_hash_table_add (wanted, int64_dup (change->new_entry_id));
                  break;
                case CLR_LIST_CHANGE_CHANGED:
                  summary->entries_changed++;
                  /* Only a change of what is matched can make new hits;
                   * the queue's items on it are updated either way. */
                  if (change_affects_matching (change))
                    g_hash_table_add (wanted, int64_dup (change->new_entry_id));
                  if (has_items (&reviewed, change->list_code, change->key, change->old_entry_id))
                    g_hash_table_insert (changed, int64_dup (change->new_entry_id), change);
                  break;
                case CLR_LIST_CHANGE_REMOVED:
                  summary->entries_removed++;
                  break;
                default:
                  break;
                }
            }
          data.wanted = wanted;
          data.changed = changed;
        }

      if (!clr_store_foreach_current_entry (store, update->source, collect_entry, &data, error))
        goto fail;
      if (update->changes == NULL)
        summary->entries_added += data.added;

      /* The queue follows the update, in one transaction per source. */
      if (!_clr_store_write_begin (store, error))
        goto fail;
      for (guint i = first_changed; i + 1 < changed_entries->len; i += 2)
        {
          ClrListChange *change = g_ptr_array_index (changed_entries, i);
          ClrEntry *entry = g_ptr_array_index (changed_entries, i + 1);

          if (!_clr_store_review_entry_changed (store, change->list_code, change->key,
                                                change->old_entry_id, change->new_entry_id,
                                                entry, &summary->reopened, error))
            goto fail_locked;
        }
      for (guint i = 0; update->changes != NULL && i < update->changes->len; i++)
        {
          ClrListChange *change = g_ptr_array_index (update->changes, i);

          if (change->kind == CLR_LIST_CHANGE_REMOVED &&
              has_items (&reviewed, change->list_code, change->key, change->old_entry_id) &&
              !_clr_store_review_entry_removed (store, change->list_code, change->key,
                                                change->old_entry_id, &summary->removed_matched, error))
            goto fail_locked;
        }
      /* Counted with the change, in its transaction, for a resumed run. */
      if (summary->removed_matched != removed_before)
        {
          marker.removed_matched += summary->removed_matched - removed_before;
          if (!_clr_rescreen_write_marker (store, &marker, error))
            goto fail_locked;
        }
      if (!_clr_store_write_end (store, TRUE, error))
        goto fail;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
    }

  g_debug ("rescreen: changes applied at %.2f s (cpu %.2f s)", g_get_monotonic_time () / 1e6 - t0, clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - c0);
  clr_matcher_build (matcher);
  g_debug ("rescreen: matcher built at %.2f s (cpu %.2f s)", g_get_monotonic_time () / 1e6 - t0, clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - c0);

  /* 2. Every party against it. */
  parties = collect_parties (store, error);
  if (parties == NULL)
    goto fail;

  total = parties->len + 1;
  summary->parties_screened = parties->len;
  report (progress, progress_data, 1, total, _("Re-screening parties"));

  if (clr_matcher_get_n_entries (matcher) > 0)
    {
      if (!screen_all (matcher, parties, threshold, &all_hits, progress, progress_data, total,
                       cancellable, error))
        goto fail;
    }

  for (guint i = 0; all_hits != NULL && i < parties->len; i++)
      {
        Party *party = g_ptr_array_index (parties, i);
        GPtrArray *hits = g_ptr_array_index (all_hits, i);
        JsonObject *element;
        JsonArray *hit_array;

        if (hits->len == 0)
          continue;

        element = json_object_new ();
        json_object_set_int_member (element, "party", json_array_get_length (party_objects));
        json_object_set_string_member (element, "subject", party->subject);
        json_object_set_string_member (element, "name", party->name);
        if (party->country != NULL)
          json_object_set_string_member (element, "country", party->country);
        json_object_set_int_member (element, "case_id", party->case_id);
        if (party->other_cases != NULL)
          {
            JsonArray *others = json_array_new ();

            for (guint c = 0; c < party->other_cases->len; c++)
              json_array_add_int_element (others, g_array_index (party->other_cases, gint64, c));
            json_object_set_array_member (element, "other_case_ids", others);
          }
        hit_array = json_array_new ();
        for (guint h = 0; h < hits->len; h++)
          json_array_add_element (hit_array, clr_hit_to_json (g_ptr_array_index (hits, h)));
        json_object_set_array_member (element, "hits", hit_array);
        json_array_add_object_element (screening, element);

        /* The party as the queue item shows it; for a parent, an object
         * whose ultimate_parent is the parent, as in a shipment. */
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "name", party->name);
          if (party->country != NULL)
            json_object_set_string_member (object, "country", party->country);
          if (party->role != NULL)
            json_object_set_string_member (object, "role", party->role);
          if (party->party != NULL && g_strcmp0 (party->subject, "ultimate_parent") == 0)
            {
              json_object_set_member (object, "ultimate_parent", json_node_copy (party->party));
            }
          else if (party->party != NULL)
            {
              json_object_unref (object);
              object = json_object_ref (json_node_get_object (party->party));
            }
          json_array_add_object_element (party_objects, object);
        }
      }

  {
    guint reopened_by_hits = 0;

    g_debug ("rescreen: parties screened at %.2f s (cpu %.2f s)", g_get_monotonic_time () / 1e6 - t0, clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - c0);
  if (!_clr_store_review_record (store, screening, party_objects, 0, "rescreen",
                                   &summary->new_hits, &reopened_by_hits, error))
      goto fail;
    summary->reopened += reopened_by_hits;
  }

  g_debug ("rescreen: hits recorded at %.2f s (cpu %.2f s)", g_get_monotonic_time () / 1e6 - t0, clr_clock_seconds (CLOCK_PROCESS_CPUTIME_ID) - c0);
  if (resumed)
    {
      summary->reopened += prior.reopened;
      summary->new_hits += prior.new_hits;
      summary->removed_matched += prior.removed_matched;
      summary->resumed_from = g_steal_pointer (&prior.resumed_from);
    }
  if (!_clr_rescreen_finish_run (store, updates, summary, error))
    goto fail;

  report (progress, progress_data, total, total, _("Re-screening done"));

  for (guint i = 1; i < changed_entries->len; i += 2)
    clr_entry_unref (g_ptr_array_index (changed_entries, i));
  g_free (marker.started_at);

  return g_steal_pointer (&summary);

fail_locked:
  _clr_store_write_end (store, FALSE, NULL);
fail:
  for (guint i = 1; i < changed_entries->len; i += 2)
    clr_entry_unref (g_ptr_array_index (changed_entries, i));
  g_free (marker.started_at);
  g_free (prior.resumed_from);
  return NULL;
}

/* ---- async ---- */

/* Shared (atomic reference count) by the task and the progress reports on
 * their way to the caller's main context. */
typedef struct
{
  ClrRescreenProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  GMainContext            *context;
  gint64                   last_report;
} RescreenTaskData;

static void
rescreen_task_data_clear (gpointer mem)
{
  RescreenTaskData *data = mem;

  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_main_context_unref (data->context);
}

static void
rescreen_task_data_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, rescreen_task_data_clear);
}

typedef struct
{
  RescreenTaskData *data;   /* a reference */
  guint             done;
  guint             total;
  char             *what;
} ProgressReport;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressReport *report_data = user_data;

  report_data->data->progress (report_data->done, report_data->total, report_data->what,
                               report_data->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer user_data)
{
  ProgressReport *report_data = user_data;

  rescreen_task_data_release (report_data->data);
  g_free (report_data->what);
  g_free (report_data);
}

static void
thread_progress (guint       done,
                 guint       total,
                 const char *what,
                 gpointer    user_data)
{
  RescreenTaskData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report_data;

  if (data->progress == NULL)
    return;
  /* At most ~20 updates a second, but always the first and the last. */
  if (done != 0 && done != total && now - data->last_report < 50000)
    return;
  data->last_report = now;

  report_data = g_new0 (ProgressReport, 1);
  report_data->data = g_atomic_rc_box_acquire (data);
  report_data->done = done;
  report_data->total = total;
  report_data->what = g_strdup (what);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress,
                              report_data, progress_report_free);
}

CLR_STORE_TASK_FUNC (rescreen_func, void,
                     clr_rescreen_run (self, thread_progress, data, cancellable, error))

void
clr_rescreen_run_async (ClrStore                *store,
                        ClrRescreenProgressFunc  progress,
                        gpointer                 progress_data,
                        GDestroyNotify           progress_destroy,
                        GCancellable            *cancellable,
                        GAsyncReadyCallback      callback,
                        gpointer                 user_data)
{
  RescreenTaskData *data;

  g_return_if_fail (CLR_IS_STORE (store));

  data = g_atomic_rc_box_new0 (RescreenTaskData);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  data->context = g_main_context_ref_thread_default ();

  _clr_store_task_run (store, clr_rescreen_run_async, CLR_STORE_TASK_DEFAULT, rescreen_func,
                       data, rescreen_task_data_release, (GDestroyNotify) clr_rescreen_summary_free,
                       cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (ClrRescreenSummary *, clr_rescreen_run_finish, ClrStore, pointer)
