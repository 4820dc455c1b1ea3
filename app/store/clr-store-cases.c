/* clr-store-cases.c — shipment cases
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-store-audit.h"
#include "clr-store-case-hold.h"
#include "clr-json.h"
#include "clr-store-cases.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-review.h"
#include "clr-json-reader.h"
#include "clr-shipment.h"


static const char * const status_names[] = { "open", "archived" };

const char *
clr_case_status_to_string (ClrCaseStatus status)
{
  return _clr_store_enum_name (status_names, G_N_ELEMENTS (status_names), status);
}

gboolean
clr_case_status_from_string (const char    *text,
                             ClrCaseStatus *status)
{
  int found = _clr_store_enum_find (status_names, G_N_ELEMENTS (status_names), 0, text);

  if (found >= 0)
    *status = (ClrCaseStatus) found;
  return found >= 0;
}

/* The columns of CASE_COLUMNS; the status is read by case_from_stmt(). */
static const ClrStoreColumn case_columns[] = {
  CLR_STORE_COLUMN (INT64, ClrCase, id),
  CLR_STORE_COLUMN (TEXT, ClrCase, reference),
  CLR_STORE_COLUMN (TEXT, ClrCase, destination),
  CLR_STORE_COLUMN (TEXT, ClrCase, date),
  CLR_STORE_COLUMN (TEXT, ClrCase, party_names),
  CLR_STORE_COLUMN_SKIPPED,
  CLR_STORE_COLUMN (TEXT, ClrCase, created_at),
  CLR_STORE_COLUMN (TEXT, ClrCase, updated_at),
  CLR_STORE_COLUMN (INT64, ClrCase, revision),
  CLR_STORE_COLUMN (JSON, ClrCase, shipment),
  CLR_STORE_COLUMN (JSON, ClrCase, result),
  CLR_STORE_COLUMN (TEXT, ClrCase, verdict),
  CLR_STORE_COLUMN (TEXT, ClrCase, evaluated_at),
};

static void
clr_case_clear (ClrCase *self)
{
  _clr_store_clear_columns (self, case_columns, G_N_ELEMENTS (case_columns));
}

CLR_STORE_DEFINE_RECORD (ClrCase, clr_case, clr_case_clear)

/* ---- helpers ---- */

static char *
dup_nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

typedef struct
{
  char *text;
  char *reference;
  char *destination;
  char *date;
  char *party_names;
} Summary;

static void
summary_clear (Summary *summary)
{
  g_free (summary->text);
  g_free (summary->reference);
  g_free (summary->destination);
  g_free (summary->date);
  g_free (summary->party_names);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Summary, summary_clear)

/* Binds the shipment and its summary columns to ?1 (shipment), ?2
 * (reference), ?3 (destination), ?4 (ship_date) and ?5 (party_names). */
static void
summary_bind (const Summary *summary,
              ClrDbStmt     *stmt)
{
  clr_db_stmt_bind_text (stmt, 1, summary->text);
  clr_db_stmt_bind_text (stmt, 2, summary->reference);
  clr_db_stmt_bind_text (stmt, 3, summary->destination);
  clr_db_stmt_bind_text (stmt, 4, summary->date);
  clr_db_stmt_bind_text (stmt, 5, summary->party_names);
}

static gboolean
summarize (JsonNode  *shipment,
           Summary   *summary,
           GError   **error)
{
  JsonObject *object;
  JsonNode *parties;

  if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("A shipment must be a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (shipment);
  summary->text = _clr_json_to_text (shipment);
  summary->reference = dup_nonempty (clr_json_get_string (object, "reference"));
  summary->destination = dup_nonempty (clr_json_get_string (object, "destination"));
  summary->date = dup_nonempty (clr_json_get_string (object, "date"));

  parties = json_object_get_member (object, "parties");
  if (parties != NULL && JSON_NODE_HOLDS_ARRAY (parties))
    {
      JsonArray *array = json_node_get_array (parties);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *party = json_array_get_element (array, i);
          const char *name;

          if (!JSON_NODE_HOLDS_OBJECT (party))
            continue;
          name = clr_json_get_string (json_node_get_object (party), "name");
          if (name == NULL || *name == '\0')
            continue;
          if (names->len > 0)
            g_string_append (names, "; ");
          g_string_append (names, name);
        }
      if (names->len > 0)
        summary->party_names = g_string_free (g_steal_pointer (&names), FALSE);
    }

  return TRUE;
}

gboolean
_clr_store_case_exists (ClrStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_get_row (self, "SELECT 1 FROM cases WHERE id = ?", id,
                                                  _("Reading a case"), error, _("There is no case %" PRId64), id);

  return stmt != NULL;
}

/* ---- synchronous API ---- */

/* The INSERT of a new case; the caller holds the lock. */
static gint64
create_case_unlocked (ClrStore  *self,
                      JsonNode  *shipment,
                      GError   **error)
{
  g_auto(Summary) summary = { NULL, };
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  gint64 id = 0;

  if (shipment == NULL)
    {
      empty = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (empty, json_object_new ());
      shipment = empty;
    }

  if (!summarize (shipment, &summary, error))
    return 0;

  stmt = _clr_store_prepare (self,
                             "INSERT INTO cases (shipment, reference, destination, ship_date, party_names, "
                             "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id", error);
  if (stmt != NULL)
    {
      summary_bind (&summary, stmt);
      clr_db_stmt_bind_text (stmt, 6, now);
      id = _clr_store_step_returning_id (self, stmt, _("Saving a new case"), error);
    }
  if (id > 0)
    _clr_store_note_change_of (self, "case.save", id, id, NULL);

  return id;
}

gint64
clr_store_create_case (ClrStore  *self,
                       JsonNode  *shipment,
                       GError   **error)
{
  gint64 id;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);

  _clr_store_lock (self);
  id = create_case_unlocked (self, shipment, error);
  _clr_store_unlock (self);

  return id;
}

gboolean
clr_store_save_case (ClrStore  *self,
                     gint64     id,
                     JsonNode  *shipment,
                     GError   **error)
{
  g_auto(Summary) summary = { NULL, };
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  g_autofree char *not_held = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!summarize (shipment, &summary, error))
    return FALSE;

  not_held = _clr_store_case_not_held_sql (7, 6, 8);
  sql = g_strconcat ("UPDATE cases SET shipment = ?1, reference = ?2, destination = ?3, "
                     "ship_date = ?4, party_names = ?5, updated_at = ?6, revision = revision + 1 "
                     "WHERE id = ?7 AND shipment IS DISTINCT FROM ?1 AND ", not_held, NULL);

  _clr_store_lock (self);
  /* One statement, no explicit transaction: cheap enough to call on every
   * keystroke pause. Unchanged documents do not touch the row; nor does a
   * save while another program holds the case (clr-store-case-hold.h). */
  stmt = _clr_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      summary_bind (&summary, stmt);
      clr_db_stmt_bind_text (stmt, 6, now);
      clr_db_stmt_bind_int64 (stmt, 7, id);
      clr_db_stmt_bind_text (stmt, 8, _clr_store_get_instance_id (self));
      if (clr_db_stmt_step (stmt) != CLR_DB_STEP_DONE)
        _clr_store_set_error (self, error, _("Saving a case"));
      else if (clr_db_changes (_clr_store_get_db (self)) > 0)
        {
          _clr_store_note_change_of (self, "case.save", id, id, NULL);
          ok = TRUE;
        }
      else
        ok = _clr_store_case_exists (self, id, error) && _clr_store_case_check_hold (self, id, error);
    }
  _clr_store_unlock (self);

  return ok;
}

/* What a case.evaluate audit entry records of @result ("after"). */
JsonNode *
_clr_store_case_result_summary (JsonNode *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object = json_node_get_object (result);
  JsonNode *findings = json_object_get_member (object, "findings");
  JsonNode *data = json_object_get_member (object, "data");
  static const char * const keys[] = { "verdict", "as_of", "posture", "reference" };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (clr_json_get_string (object, keys[i]) != NULL)
      {
        json_builder_set_member_name (builder, keys[i]);
        json_builder_add_string_value (builder, clr_json_get_string (object, keys[i]));
      }

  if (findings != NULL && JSON_NODE_HOLDS_ARRAY (findings))
    {
      JsonArray *array = json_node_get_array (findings);

      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *finding = json_array_get_element (array, i);
          const char *rule;

          if (!JSON_NODE_HOLDS_OBJECT (finding))
            continue;
          rule = clr_json_get_string (json_node_get_object (finding), "rule");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, rule);
          json_builder_set_member_name (builder, "outcome");
          json_builder_add_string_value (builder, clr_json_get_string (json_node_get_object (finding), "outcome"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    {
      json_builder_set_member_name (builder, "data");
      json_builder_add_value (builder, json_node_copy (data));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The result's hits carry the "review_id" the review queue gave them: those
 * items are now seen in case @id (the case's queue and history show them).
 * Caller holds the lock in a transaction. */
static gboolean
link_review_items (ClrStore    *self,
                   gint64       id,
                   JsonNode    *result,
                   const char  *now,
                   GError     **error)
{
  JsonNode *screening = json_object_get_member (json_node_get_object (result), "screening");
  JsonArray *elements;

  if (screening == NULL || !JSON_NODE_HOLDS_ARRAY (screening))
    return TRUE;

  elements = json_node_get_array (screening);
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode *element = json_array_get_element (elements, i);
      JsonNode *hits;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      hits = json_object_get_member (json_node_get_object (element), "hits");
      if (hits == NULL || !JSON_NODE_HOLDS_ARRAY (hits))
        continue;

      for (guint h = 0; h < json_array_get_length (json_node_get_array (hits)); h++)
        {
          JsonNode *hit = json_array_get_element (json_node_get_array (hits), h);
          JsonNode *review_id;
          g_autoptr(ClrDbStmt) item = NULL;
          g_autoptr(ClrDbStmt) sighting = NULL;
          gint64 item_id;

          if (!JSON_NODE_HOLDS_OBJECT (hit))
            continue;
          review_id = json_object_get_member (json_node_get_object (hit), "review_id");
          if (review_id == NULL || JSON_NODE_TYPE (review_id) != JSON_NODE_VALUE ||
              json_node_get_value_type (review_id) != G_TYPE_INT64)
            continue;
          item_id = json_node_get_int (review_id);

          item = _clr_store_prepare (self, "UPDATE review_items SET case_id = ? WHERE id = ?", error);
          sighting = _clr_store_prepare (self,
                                         "INSERT INTO review_sightings (item_id, case_id, seen_at) "
                                         "SELECT id, ?2, ?3 FROM review_items WHERE id = ?1 "
                                         "ON CONFLICT (item_id, case_id) DO UPDATE SET seen_at = ?3", error);
          if (item == NULL || sighting == NULL)
            return FALSE;
          clr_db_stmt_bind_int64 (item, 1, id);
          clr_db_stmt_bind_int64 (item, 2, item_id);
          clr_db_stmt_bind_int64 (sighting, 1, item_id);
          clr_db_stmt_bind_int64 (sighting, 2, id);
          clr_db_stmt_bind_text (sighting, 3, now);
          if (clr_db_stmt_step (item) != CLR_DB_STEP_DONE || clr_db_stmt_step (sighting) != CLR_DB_STEP_DONE)
            {
              _clr_store_set_error (self, error, _("Linking the review queue to a case"));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Stores @result on case @id with its audit entry; the caller holds the
 * lock inside a transaction. */
static gboolean
save_case_result_unlocked (ClrStore  *self,
                           gint64     id,
                           JsonNode  *result,
                           GError   **error)
{
  g_autoptr(ClrDbStmt) old = NULL;
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = _clr_store_now_iso ();
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *old_verdict = NULL;
  g_autofree char *old_at = NULL;
  const char *verdict;
  int rc;

  verdict = clr_json_get_string (json_node_get_object (result), "verdict");
  text = _clr_json_to_text (result);
  after = _clr_store_case_result_summary (result);

  old = _clr_store_prepare (self, "SELECT verdict, evaluated_at FROM cases WHERE id = ?", error);
  if (old == NULL)
    return FALSE;
  clr_db_stmt_bind_int64 (old, 1, id);
  rc = clr_db_stmt_step (old);
  if (rc == CLR_DB_STEP_DONE)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND,
                   _("There is no case %" PRId64), id);
      return FALSE;
    }
  if (rc != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (self, error, _("Reading a case"));
      return FALSE;
    }
  old_verdict = _clr_stmt_dup_text (old, 0);
  old_at = _clr_stmt_dup_text (old, 1);

  if (old_verdict != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder, old_verdict);
      json_builder_set_member_name (builder, "evaluated_at");
      json_builder_add_string_value (builder, old_at);
      json_builder_end_object (builder);
      before = json_builder_get_root (builder);
    }

  stmt = _clr_store_prepare (self,
                             "UPDATE cases SET result = ?, verdict = ?, evaluated_at = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  clr_db_stmt_bind_text (stmt, 1, text);
  clr_db_stmt_bind_text (stmt, 2, verdict);
  clr_db_stmt_bind_text (stmt, 3, now);
  clr_db_stmt_bind_int64 (stmt, 4, id);
  if (!_clr_store_step_done (self, stmt, _("Saving an evaluation"), error))
    return FALSE;

  if (!link_review_items (self, id, result, now, error))
    return FALSE;

  return clr_store_audit_append_unlocked (self, NULL, CLR_AUDIT_CASE_EVALUATE, "case", subject,
                                          id, before, after, error) != 0;
}

static gboolean
check_result (JsonNode  *result,
              GError   **error)
{
  if (result == NULL || !JSON_NODE_HOLDS_OBJECT (result))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("An evaluation result must be a JSON object"));
      return FALSE;
    }

  return TRUE;
}

gboolean
clr_store_save_case_result (ClrStore  *self,
                            gint64     id,
                            JsonNode  *result,
                            GError   **error)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (!check_result (result, error))
    return FALSE;

  if (!_clr_store_write_begin (self, error))
    return FALSE;
  return _clr_store_write_end (self, save_case_result_unlocked (self, id, result, error), error);
}

gint64
clr_store_save_new_case_result (ClrStore  *self,
                                JsonNode  *shipment,
                                JsonNode  *result,
                                GError   **error)
{
  gint64 id = 0;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);

  if (!check_result (result, error))
    return 0;

  if (!_clr_store_write_begin (self, error))
    return 0;
  id = create_case_unlocked (self, shipment, error);
  if (!_clr_store_write_end (self, id != 0 && save_case_result_unlocked (self, id, result, error), error))
    return 0;

  return id;
}

#define CASE_COLUMNS \
  "SELECT id, reference, destination, ship_date, party_names, status, created_at, updated_at, " \
  "revision, shipment, result, verdict, evaluated_at FROM cases "

static ClrCase *
case_from_stmt (ClrDbStmt *stmt)
{
  ClrCase *self = g_new0 (ClrCase, 1);

  self->ref_count = 1;
  _clr_store_read_columns (self, case_columns, G_N_ELEMENTS (case_columns), stmt);
  if (!clr_case_status_from_string (clr_db_stmt_column_text (stmt, 5), &self->status))
    self->status = CLR_CASE_STATUS_OPEN;
  if (self->shipment == NULL)
    {
      /* Unreadable text never reaches the table through this API; keep the
       * promise that shipment is never NULL anyway. */
      self->shipment = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (self->shipment, json_object_new ());
    }
  return self;
}

ClrCase *
clr_store_get_case (ClrStore  *self,
                    gint64     id,
                    GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  ClrCase *result = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  _clr_store_lock (self);
  stmt = _clr_store_get_row (self, CASE_COLUMNS "WHERE id = ?", id,
                             _("Reading a case"), error, _("There is no case %" PRId64), id);
  if (stmt != NULL)
    result = case_from_stmt (stmt);
  g_clear_pointer (&stmt, clr_db_stmt_free);
  _clr_store_unlock (self);

  /* A result that no longer says what the review queue says is out of date;
   * not being able to tell must not keep the case from opening. */
  if (result != NULL && result->result != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean current = TRUE;

      if (!clr_store_review_result_is_current (self, result->result, &current, &local_error))
        g_warning ("Case %" G_GINT64_FORMAT ": %s", id, local_error->message);
      result->decisions_changed = !current;
    }

  return result;
}

GPtrArray *
clr_store_list_cases (ClrStore       *self,
                      const char     *search,
                      ClrCaseStatus   status,
                      guint           limit,
                      GError        **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  GPtrArray *cases;

  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  if (search != NULL && *search != '\0')
    pattern = _clr_store_like_pattern (search);

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self,
                             CASE_COLUMNS
                             "WHERE (?1 IS NULL OR status = ?1) AND "
                             "(?2 IS NULL OR reference LIKE ?2 ESCAPE '\\' OR destination LIKE ?2 ESCAPE '\\' "
                             " OR ship_date LIKE ?2 ESCAPE '\\' OR verdict LIKE ?2 ESCAPE '\\' "
                             " OR party_names LIKE ?2 ESCAPE '\\') "
                             "ORDER BY updated_at DESC, id DESC LIMIT ?3", error);
  if (stmt != NULL)
    {
      clr_db_stmt_bind_text (stmt, 1, status == CLR_CASE_STATUS_ANY ? NULL : clr_case_status_to_string (status));
      clr_db_stmt_bind_text (stmt, 2, pattern);
      clr_db_stmt_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
    }
  cases = _clr_store_collect_rows (self, stmt, (ClrStoreRowFunc) case_from_stmt,
                                   (GDestroyNotify) clr_case_unref, _("Listing cases"), error);
  _clr_store_unlock (self);

  return cases;
}

gint64
clr_store_duplicate_case (ClrStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(ClrCase) original = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *object;
  const char *reference;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);

  original = clr_store_get_case (self, id, error);
  if (original == NULL)
    return 0;

  copy = json_node_copy (original->shipment);
  object = json_node_get_object (copy);
  reference = clr_json_get_string (object, "reference");
  if (reference != NULL && *reference != '\0')
    {
      /* TRANSLATORS: the reference of a duplicated case */
      g_autofree char *new_reference = g_strdup_printf (_("%s (copy)"), reference);

      json_object_set_string_member (object, "reference", new_reference);
    }

  return clr_store_create_case (self, copy, error);
}

gboolean
clr_store_set_case_archived (ClrStore  *self,
                             gint64     id,
                             gboolean   archived,
                             GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = NULL;
  g_autofree char *not_held = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  not_held = _clr_store_case_not_held_sql (2, 3, 4);
  sql = g_strconcat ("UPDATE cases SET status = ?1 WHERE id = ?2 AND ", not_held, NULL);

  _clr_store_lock (self);
  stmt = _clr_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      g_autofree char *now = _clr_store_now_iso ();

      clr_db_stmt_bind_text (stmt, 1, archived ? "archived" : "open");
      clr_db_stmt_bind_int64 (stmt, 2, id);
      clr_db_stmt_bind_text (stmt, 3, now);
      clr_db_stmt_bind_text (stmt, 4, _clr_store_get_instance_id (self));
      if (clr_db_stmt_step (stmt) != CLR_DB_STEP_DONE)
        _clr_store_set_error (self, error, _("Archiving a case"));
      else if (clr_db_changes (_clr_store_get_db (self)) == 0)
        {
          if (_clr_store_case_exists (self, id, error))
            _clr_store_case_check_hold (self, id, error);
        }
      else
        ok = TRUE;
    }
  _clr_store_unlock (self);

  return ok;
}

gint64
clr_store_import_case (ClrStore    *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(ClrJsonLines) lines = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  /* The guarded reader: depth, one document, NUL, numbers (clr-json-reader.h). */
  root = clr_json_read_file (path, CLR_JSON_READ_NONE, &lines, error);
  if (root == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_INVALID,
                   _("%s: a shipment must be a JSON object ({…})"), path);
      return 0;
    }
  /* Names, lengths, schema_version: even a draft is refused with these. */
  if (!clr_shipment_check_document (root, path, lines, error))
    return 0;
  return clr_store_create_case (self, root, error);
}

gboolean
clr_store_export_case (ClrStore    *self,
                       gint64       id,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(ClrCase) c = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with_newline = NULL;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  c = clr_store_get_case (self, id, error);
  if (c == NULL)
    return FALSE;

  text = clr_json_to_string (c->shipment, TRUE);
  with_newline = g_strconcat (text, "\n", NULL);

  return g_file_set_contents (path, with_newline, -1, error);
}
