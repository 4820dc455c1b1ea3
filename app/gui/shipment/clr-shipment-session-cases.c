/* clr-shipment-session-cases.c — ClrShipmentSession: a new case, opening, importing,
 * duplicating, archiving and exporting cases
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-shipment-session-private.h"
#include "clr-store-audit.h"

#define signals _clr_shipment_session_signals

JsonNode *
clr_shipment_session_new_case (ClrShipmentSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *country = self->settings != NULL ? clr_settings_get_exporter_country (self->settings) : NULL;

  g_return_val_if_fail (CLR_IS_SHIPMENT_SESSION (self), NULL);

  if (!clr_shipment_session_save_now (self))
    return NULL;

  /* A new case starts with today's date, the exporter's country, one item and an end user. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, today);
  if (country != NULL && *country != '\0')
    {
      json_builder_set_member_name (builder, "exported_from");
      json_builder_add_string_value (builder, country);
    }
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "end_user");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  _clr_shipment_session_hold_drop (self);
  _clr_shipment_session_set_case_id (self, 0);
  _clr_shipment_session_set_flag (self, SESSION_PROP_ARCHIVED, FALSE);
  g_clear_pointer (&self->unsaved_result, json_node_unref);
  _clr_shipment_session_set_result (self, NULL);
  self->generation++;
  return json_builder_get_root (builder);
}

static void show_case (ClrShipmentSession *self,
                       ClrCase            *item);

static void
case_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) item = clr_store_get_case_finish (CLR_STORE (object), result, &error);

  if (item == NULL)
    {
      _clr_shipment_session_report_error (self, error);
      return;
    }
  /* The case reopened at start does not replace what the user began meanwhile. */
  if (item->id == self->auto_open_id)
    {
      self->auto_open_id = 0;
      if (self->generation != self->auto_open_generation)
        return;
    }
  show_case (self, item);
}

/* @item becomes the open case: ::case-loaded. */
static void
show_case (ClrShipmentSession *self,
           ClrCase            *item)
{
  /* Whatever was typed while the case loaded belongs to the previous case. */
  if (!clr_shipment_session_save_now (self))
    return;
  /* Another case: its hold is given up (the same case keeps its hold, or
   * its read-only state until the database answers again). */
  if (self->want_case_id != item->id)
    _clr_shipment_session_hold_drop (self);
  _clr_shipment_session_set_case_id (self, item->id);
  _clr_shipment_session_hold_take (self, item->id);
  _clr_shipment_session_set_flag (self, SESSION_PROP_ARCHIVED, item->status == CLR_CASE_STATUS_ARCHIVED);
  _clr_shipment_session_set_result (self, item->result);
  /* A reviewer decided one of its hits since (now or in an earlier session);
   * or the stored result predates the last edit of the document. */
  if (item->result != NULL && item->decisions_changed)
    _clr_shipment_session_set_stale_reason (self, _("A review decision changed a hit of this case"));
  else if (item->result != NULL && item->evaluated_at != NULL && item->updated_at != NULL
           && g_strcmp0 (item->updated_at, item->evaluated_at) > 0)
    _clr_shipment_session_set_stale_reason (self, _("The shipment was edited"));
  self->generation++;
  self->loaded_generation = self->generation;
  g_signal_emit (self, signals[SESSION_CASE_LOADED], 0, item);
}

void
clr_shipment_session_reload_case (ClrShipmentSession *self)
{
  gint64 case_id;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  case_id = clr_shipment_session_get_case_id (self);
  if (self->store == NULL || case_id == 0)
    return;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, json_node_unref);
  g_mutex_unlock (&self->lock);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  clr_store_get_case_async (self->store, case_id, self->cancellable, case_loaded_cb, g_object_ref (self));
}

/* ---- Other programs on a team database ---------------------------------- */

/* Edits made here since the open case was loaded (saved or not). */
static gboolean
edited_here (ClrShipmentSession *self)
{
  gboolean pending;

  g_mutex_lock (&self->lock);
  pending = self->pending != NULL;
  g_mutex_unlock (&self->lock);
  return pending || self->generation != self->loaded_generation;
}

static gboolean edited_here (ClrShipmentSession *self);

/* A reload after another program's save: shown only if the same case is
 * still open and still not edited here (the store answers reloads in
 * order, so the last one shown is the newest). */
typedef struct
{
  ClrShipmentSession *self;
  gint64              case_id;
} Reload;

static void
external_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Reload *reload = user_data;
  g_autoptr(ClrShipmentSession) self = reload->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) item = clr_store_get_case_finish (CLR_STORE (object), result, &error);
  gboolean current = !edited_here (self) && reload->case_id == clr_shipment_session_get_case_id (self);

  g_free (reload);
  if (item == NULL)
    _clr_shipment_session_report_error (self, error);
  else if (current)
    show_case (self, item);
}

/* Another program imported a list, or saved or evaluated the open case. */
static void
external_change_cb (ClrShipmentSession *self,
                    const char         *action,
                    gint64              case_id,
                    const char         *subject)
{
  const char *author;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (action, CLR_AUDIT_LIST_IMPORT))
    {
      /* As after an import here: a result made before is out of date. */
      clr_shipment_session_load_lists (self);
      return;
    }
  if (case_id == 0 || case_id != clr_shipment_session_get_case_id (self)
      || (!g_str_equal (action, "case.save") && !g_str_equal (action, CLR_AUDIT_CASE_EVALUATE)))
    return;
  if (!edited_here (self))
    {
      /* Not being edited here: show theirs (unless the user starts now). */
      Reload *reload = g_new0 (Reload, 1);

      reload->self = g_object_ref (self);
      reload->case_id = case_id;
      clr_store_get_case_async (self->store, case_id, self->cancellable, external_loaded_cb, reload);
      return;
    }

  author = clr_store_get_change_author (self->store);
  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%X");
  if (author != NULL && author[0] != '\0')
    /* Translators: a person's name, then a time of day. */
    text = g_strdup_printf (_("%s saved this case at %s"), author, time);
  else
    /* Translators: %s is a time of day. */
    text = g_strdup_printf (_("Someone else saved this case at %s"), time);
  g_signal_emit (self, signals[SESSION_CHANGED_ELSEWHERE], 0, text);
}

void
_clr_shipment_session_watch_team (ClrShipmentSession *self)
{
  if (self->store != NULL)
    g_signal_connect_object (self->store, "external-change", G_CALLBACK (external_change_cb), self,
                             G_CONNECT_SWAPPED);
}

void
clr_shipment_session_open_case (ClrShipmentSession *self,
                                gint64              case_id)
{
  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (self->store != NULL);

  if (!clr_shipment_session_save_now (self))
    return;
  clr_store_get_case_async (self->store, case_id, self->cancellable,
                            case_loaded_cb, g_object_ref (self));
}

void
clr_shipment_session_reopen_case (ClrShipmentSession *self,
                                  gint64              case_id)
{
  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  self->auto_open_id = case_id;
  self->auto_open_generation = self->generation;
  clr_shipment_session_open_case (self, case_id);
}

/* Shared end of an import and a duplication: the new case @id is listed and opened. */
static void
case_added (ClrShipmentSession *self,
            gint64              id,
            GError             *error,
            const char         *done)
{
  if (id == 0)
    {
      _clr_shipment_session_report_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SESSION_CASES_CHANGED], 0, TRUE);
  clr_shipment_session_open_case (self, id);
  if (done != NULL)
    _clr_shipment_session_say (self, done);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = clr_store_import_case_finish (CLR_STORE (object), result, &error);

  case_added (self, id, error, NULL);
}

void
clr_shipment_session_import_file (ClrShipmentSession *self,
                                  GFile              *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL || self->store == NULL)
    {
      _clr_shipment_session_say (self, _("Only local shipment files can be opened"));
      return;
    }
  clr_store_import_case_async (self->store, path, self->cancellable,
                               import_done_cb, g_object_ref (self));
}

static void
duplicate_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = clr_store_duplicate_case_finish (CLR_STORE (object), result, &error);

  case_added (self, id, error, _("Case duplicated"));
}

/* The open case's id once saved, or 0 (nothing to act on, or the save failed). */
static gint64
saved_case_id (ClrShipmentSession *self)
{
  if (self->store == NULL || !clr_shipment_session_save_now (self))
    return 0;
  return clr_shipment_session_get_case_id (self);
}

void
clr_shipment_session_duplicate (ClrShipmentSession *self)
{
  gint64 id;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  if ((id = saved_case_id (self)) != 0)
    clr_store_duplicate_case_async (self->store, id, self->cancellable,
                                    duplicate_done_cb, g_object_ref (self));
}

static void
archive_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_set_case_archived_finish (CLR_STORE (object), result, &error))
    {
      _clr_shipment_session_say (self, error->message);
      return;
    }
  _clr_shipment_session_set_flag (self, SESSION_PROP_ARCHIVED, !self->flags[SESSION_PROP_ARCHIVED]);
  g_signal_emit (self, signals[SESSION_CASES_CHANGED], 0, TRUE);
  _clr_shipment_session_say (self, self->flags[SESSION_PROP_ARCHIVED] ? _("Case archived") : _("Case restored"));
}

void
clr_shipment_session_toggle_archived (ClrShipmentSession *self)
{
  gint64 id;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  if ((id = saved_case_id (self)) != 0)
    clr_store_set_case_archived_async (self->store, id, !self->flags[SESSION_PROP_ARCHIVED], self->cancellable,
                                       archive_done_cb, g_object_ref (self));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_export_case_finish (CLR_STORE (object), result, &error))
    _clr_shipment_session_say (self, error->message);
  else
    _clr_shipment_session_say (self, _("Shipment exported"));
}

void
clr_shipment_session_export_file (ClrShipmentSession *self,
                                  GFile              *file)
{
  g_autofree char *path = g_file_get_path (file);
  gint64 id;

  g_return_if_fail (CLR_IS_SHIPMENT_SESSION (self));

  if (path != NULL && (id = saved_case_id (self)) != 0)
    clr_store_export_case_async (self->store, id, path, self->cancellable,
                                 export_done_cb, g_object_ref (self));
}

