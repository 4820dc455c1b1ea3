/* clr-audit-event.c — one audit trail entry in plain words, as a list item
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-store-cases.h"
#include "clr-store-sources.h"
#include "clr-verdict.h"

#include "clr-audit-event.h"
#include "widgets/clr-field-props.h"

struct _ClrAuditEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   case_id;
  gint64   review_id;
  char    *title;
  char    *detail;
  char    *context;
  char    *case_label;
  char    *party;
  char    *list_code;
  char    *entry_key;
  char    *reviewer;
  char    *when;
  gboolean has_detail;
  gboolean has_hit;   /* about a screening hit the Review page can show */
};

G_DEFINE_FINAL_TYPE (ClrAuditEvent, clr_audit_event, G_TYPE_OBJECT)

/* The properties that show a field, in property-id order (1 ..). */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_INT64 ("id", ClrAuditEvent, id),
  CLR_FIELD_INT64 ("case-id", ClrAuditEvent, case_id),
  CLR_FIELD_INT64 ("review-id", ClrAuditEvent, review_id),
  CLR_FIELD_STRING ("title", ClrAuditEvent, title),
  CLR_FIELD_STRING ("detail", ClrAuditEvent, detail),
  CLR_FIELD_STRING ("context", ClrAuditEvent, context),
  CLR_FIELD_STRING ("case-label", ClrAuditEvent, case_label),
  CLR_FIELD_STRING ("party", ClrAuditEvent, party),
  CLR_FIELD_STRING ("reviewer", ClrAuditEvent, reviewer),
  CLR_FIELD_STRING ("when", ClrAuditEvent, when),
  CLR_FIELD ("has-detail", G_TYPE_BOOLEAN, ClrAuditEvent, has_detail, 0),
  CLR_FIELD ("has-hit", G_TYPE_BOOLEAN, ClrAuditEvent, has_hit, 0),
  CLR_FIELD_STRING ("list-code", ClrAuditEvent, list_code),
  CLR_FIELD_STRING ("entry-key", ClrAuditEvent, entry_key),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

/* The documents were written by other components and other versions: read
 * them defensively. */
static const char *
member_string (JsonNode   *node,
               const char *member)
{
  return clr_json_get_string (node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                              member);
}

static const char *
status_words (const char *status)
{
  ClrReviewStatus value;

  if (status != NULL && clr_review_status_from_string (status, &value))
    return clr_review_status_get_label (value);
  return status;
}

static const char *
reason_words (const char *reason)
{
  ClrReviewReason value;

  if (reason != NULL && clr_review_reason_from_string (reason, &value))
    return clr_review_reason_get_label (value);
  return reason;
}

static const char *
verdict_words (const char *verdict)
{
  if (verdict == NULL)
    return NULL;
  return clr_verdict_get_label (clr_verdict_from_string (verdict));
}

char *
clr_audit_format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "Not a match — Different entity — note “…”" */
static char *
decision_words (JsonNode *decision)
{
  const char *status = status_words (member_string (decision, "status"));
  const char *reason = member_string (decision, "reason");
  const char *note = member_string (decision, "note");
  g_autoptr(GString) text = g_string_new (status != NULL ? status : _("Decision"));

  if (reason != NULL)
    g_string_append_printf (text, " — %s", reason_words (reason));
  if (note != NULL && *note != '\0')
    /* Translators: a reviewer's note after the decision, “…” quoted. */
    g_string_append_printf (text, _(" — note “%s”"), note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
changed_fields_words (JsonNode *after)
{
  JsonNode *fields;
  g_autoptr(GString) text = g_string_new (NULL);

  if (after == NULL || !JSON_NODE_HOLDS_OBJECT (after) ||
      !json_object_has_member (json_node_get_object (after), "changed_fields"))
    return NULL;
  fields = json_object_get_member (json_node_get_object (after), "changed_fields");
  if (!JSON_NODE_HOLDS_ARRAY (fields))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (fields)); i++)
    {
      JsonNode *field = json_array_get_element (json_node_get_array (fields), i);

      if (JSON_NODE_HOLDS_VALUE (field) && json_node_get_value_type (field) == G_TYPE_STRING)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, json_node_get_string (field));
        }
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* "List imported — Consolidated Screening List (trade.gov)": the source's
 * name, or its id when it is no longer configured. */
static char *
list_import_title (const char *source)
{
  /* Translators: %s is the list source's name: "Consolidated Screening List (trade.gov)". */
  return g_strdup_printf (_("List imported — %s"), source != NULL ? source : "");
}

static char *
title_for (const ClrAuditEntry *entry)
{
  const char *action = entry->action;

  if (g_strcmp0 (action, CLR_AUDIT_REVIEW_DECIDE) == 0)
    return decision_words (entry->after);

  if (g_strcmp0 (action, CLR_AUDIT_REVIEW_REOPEN) == 0)
    {
      g_autofree char *fields = changed_fields_words (entry->after);

      if (fields != NULL)
        /* Translators: %s lists what changed: "address, names". */
        return g_strdup_printf (_("Reopened — the listed entry changed (%s)"), fields);
      return g_strdup (_("Reopened — the listed entry changed"));
    }

  if (g_strcmp0 (action, CLR_AUDIT_CASE_EVALUATE) == 0)
    {
      const char *verdict = verdict_words (member_string (entry->after, "verdict"));

      if (verdict != NULL)
        /* Translators: %s is a verdict: "License required". */
        return g_strdup_printf (_("Evaluated — %s"), verdict);
      return g_strdup (_("Evaluated"));
    }

  if (g_strcmp0 (action, CLR_AUDIT_LIST_IMPORT) == 0)
    return list_import_title (entry->subject_id);
  if (g_strcmp0 (action, CLR_AUDIT_RULES_IMPORT) == 0)
    /* Translators: %s is the rule pack's id. */
    return g_strdup_printf (_("Rule pack imported — %s"),
                            entry->subject_id != NULL ? entry->subject_id : "");
  if (g_strcmp0 (action, CLR_AUDIT_RESCREEN) == 0)
    return g_strdup (_("Parties screened again against the updated lists"));

  /* An action written by a newer version: say what it is called. */
  return g_strdup_printf ("%s — %s %s", action != NULL ? action : "",
                          entry->subject_type != NULL ? entry->subject_type : "",
                          entry->subject_id != NULL ? entry->subject_id : "");
}

/* "Open → Not a match" (decisions) or "Clear → License required" (verdicts). */
static char *
change_for (const ClrAuditEntry *entry)
{
  const char *before = NULL, *after = NULL;

  if (g_strcmp0 (entry->action, CLR_AUDIT_REVIEW_DECIDE) == 0 ||
      g_strcmp0 (entry->action, CLR_AUDIT_REVIEW_REOPEN) == 0)
    {
      before = status_words (member_string (entry->before, "status"));
      after = status_words (member_string (entry->after, "status"));
      if (before == NULL)
        before = clr_review_status_get_label (CLR_REVIEW_STATUS_OPEN);
    }
  else if (g_strcmp0 (entry->action, CLR_AUDIT_CASE_EVALUATE) == 0)
    {
      before = verdict_words (member_string (entry->before, "verdict"));
      after = verdict_words (member_string (entry->after, "verdict"));
    }

  if (before == NULL || after == NULL)
    return NULL;
  /* Translators: a decision or verdict before and after: "Open → Not a match". */
  return g_strdup_printf (_("%s → %s"), before, after);
}

static void
clr_audit_event_class_init (ClrAuditEventClass *klass)
{
  clr_field_props_install (G_OBJECT_CLASS (klass), field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_audit_event_init (ClrAuditEvent *self)
{
}

ClrAuditEvent *
clr_audit_event_new (const ClrAuditEntry *entry,
                     const char          *case_reference,
                     const ClrReviewItem *item)
{
  ClrAuditEvent *self;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GString) context = g_string_new (NULL);
  g_autofree char *change = NULL;
  const char *party, *country, *list_code, *entry_key, *entry_name;
  gboolean about_hit;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (CLR_TYPE_AUDIT_EVENT, NULL);
  self->id = entry->id;
  self->case_id = entry->case_id;
  self->title = title_for (entry);
  self->reviewer = g_strdup (entry->display_name != NULL ? entry->display_name : "");
  self->when = clr_audit_format_time (entry->at);

  about_hit = g_strcmp0 (entry->subject_type, "review") == 0 && entry->subject_id != NULL;
  if (about_hit)
    g_ascii_string_to_signed (entry->subject_id, 10, 1, G_MAXINT64, &self->review_id, NULL);

  /* The decision entry names the hit itself (since it was written); a
   * reopen entry does not, so the review item fills in. */
  party = member_string (entry->after, "party");
  country = member_string (entry->after, "party_country");
  list_code = member_string (entry->after, "list");
  entry_key = member_string (entry->after, "entry_key");
  entry_name = member_string (entry->after, "entry_name");
  if (about_hit && item != NULL)
    {
      party = party != NULL ? party : item->party_name;
      country = country != NULL ? country : item->party_country;
      list_code = list_code != NULL ? list_code : item->list_code;
      entry_key = entry_key != NULL ? entry_key : item->entry_key;
      entry_name = entry_name != NULL ? entry_name : item->entry_name;
    }
  self->party = g_strdup (party != NULL ? party : "");
  self->list_code = g_strdup (list_code);
  self->entry_key = g_strdup (entry_key);

  change = change_for (entry);
  if (change != NULL)
    g_string_append (detail, change);
  if (party != NULL)
    {
      g_autofree char *who = country != NULL ? g_strdup_printf ("%s (%s)", party, country)
                                             : g_strdup (party);

      if (detail->len > 0)
        g_string_append (detail, " · ");
      if (entry_name != NULL && list_code != NULL)
        /* Translators: a screening hit: party, list code and the listed entry's name:
         * "Beijing Example AI (CN) on EL entry “Beijing Example AI Co.”". */
        g_string_append_printf (detail, _("%s on %s entry “%s”"), who, list_code, entry_name);
      else if (entry_name != NULL)
        g_string_append_printf (detail, _("%s on listed entry “%s”"), who, entry_name);
      else
        g_string_append (detail, who);
    }
  self->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  self->has_detail = *self->detail != '\0';
  self->has_hit = self->review_id > 0 && *self->party != '\0';

  if (entry->case_id > 0)
    {
      if (case_reference != NULL && *case_reference != '\0')
        /* Translators: a case number and its shipment reference: "Case 3 · PO-2291". */
        self->case_label = g_strdup_printf (_("Case %" PRId64 " · %s"), entry->case_id,
                                            case_reference);
      else
        self->case_label = g_strdup_printf (_("Case %" PRId64), entry->case_id);
      g_string_append_printf (context, "%s · ", self->case_label);
    }
  else
    self->case_label = g_strdup ("");
  /* Translators: when, the reviewer's display name and the OS user name. */
  g_string_append_printf (context, _("%s · %s (%s)"), self->when, self->reviewer,
                          entry->user != NULL ? entry->user : "");
  g_string_append_printf (context, " · #%" G_GINT64_FORMAT, entry->id);
  self->context = g_string_free (g_steal_pointer (&context), FALSE);

  return self;
}

/* clr_audit_event_get_FIELD (): the field's value */
#define EVENT_GETTER(RetType, field, fallback) \
  CLR_DEFINE_FIELD_GETTER (RetType, clr_audit_event_get_##field, ClrAuditEvent, CLR_IS_AUDIT_EVENT, field, fallback)

EVENT_GETTER (gint64, id, 0)
EVENT_GETTER (gint64, case_id, 0)
EVENT_GETTER (gint64, review_id, 0)
EVENT_GETTER (const char *, title, NULL)
EVENT_GETTER (const char *, detail, NULL)
EVENT_GETTER (const char *, context, NULL)
EVENT_GETTER (const char *, case_label, NULL)
EVENT_GETTER (const char *, party, NULL)
EVENT_GETTER (const char *, reviewer, NULL)

GVariant *
clr_audit_event_get_hit_target (ClrAuditEvent *self)
{
  g_return_val_if_fail (CLR_IS_AUDIT_EVENT (self), NULL);

  if (!self->has_hit)
    return NULL;
  return g_variant_new ("(xsssx)", self->case_id, self->party,
                        self->list_code != NULL ? self->list_code : "",
                        self->entry_key != NULL ? self->entry_key : "", self->review_id);
}

GtkWidget *
clr_audit_event_create_row (ClrAuditEvent *self)
{
  GtkWidget *row;
  GVariant *target;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CLR_IS_AUDIT_EVENT (self), NULL);

  row = adw_action_row_new ();
  subtitle = self->has_detail ? g_strdup_printf ("%s\n%s", self->detail, self->context)
                                    : g_strdup (self->context);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  target = clr_audit_event_get_hit_target (self);
  if (target != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open this hit on the Review page"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_tooltip_text (row, _("Open this hit on the Review page"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.review-hit");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
    }

  return row;
}

/* ---- loading ---- */

static void
item_free (gpointer item)
{
  /* A hit whose queue item is gone is remembered as NULL. */
  if (item != NULL)
    clr_review_item_unref (item);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ClrStore *store = source_object;
  gint64 case_id = *(gint64 *) task_data;
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, g_free);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       item_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GListStore) events = g_list_store_new (CLR_TYPE_AUDIT_EVENT);
  GError *error = NULL;

  if (case_id > 0)
    entries = clr_store_audit_list_for_case (store, case_id, &error);
  else
    entries = clr_store_audit_list (store, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(ClrAuditEvent) event = NULL;
      const char *reference = NULL;
      ClrReviewItem *item = NULL;
      gint64 review_id = 0;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (entry->case_id > 0)
        {
          if (!g_hash_table_lookup_extended (references, &entry->case_id, NULL,
                                             (gpointer *) &reference))
            {
              /* A case may have been deleted since: the number still says which. */
              g_autoptr(ClrCase) found = clr_store_get_case (store, entry->case_id, NULL);

              reference = found != NULL ? found->reference : NULL;
              g_hash_table_insert (references, g_memdup2 (&entry->case_id, sizeof (gint64)),
                                   g_strdup (reference));
              reference = g_hash_table_lookup (references, &entry->case_id);
            }
        }

      if (g_strcmp0 (entry->subject_type, "review") == 0 && entry->subject_id != NULL &&
          g_ascii_string_to_signed (entry->subject_id, 10, 1, G_MAXINT64, &review_id, NULL))
        {
          if (!g_hash_table_lookup_extended (items, &review_id, NULL, (gpointer *) &item))
            {
              item = clr_store_review_get (store, review_id, NULL);
              g_hash_table_insert (items, g_memdup2 (&review_id, sizeof (gint64)), item);
            }
        }

      event = clr_audit_event_new (entry, reference, item);
      if (g_strcmp0 (entry->action, CLR_AUDIT_LIST_IMPORT) == 0 && entry->subject_id != NULL)
        {
          g_autoptr(ClrListSource) source = clr_store_get_source (store, entry->subject_id, NULL);

          if (source != NULL && source->label != NULL && *source->label != '\0')
            {
              g_free (event->title);
              event->title = list_import_title (source->label);
            }
        }
      g_list_store_append (events, event);
    }

  g_task_return_pointer (task, g_steal_pointer (&events), g_object_unref);
}

void
clr_audit_events_load_async (ClrStore            *store,
                             gint64               case_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLR_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, clr_audit_events_load_async);
  g_task_set_task_data (task, g_memdup2 (&case_id, sizeof case_id), g_free);
  g_task_run_in_thread (task, load_thread);
}

GListModel *
clr_audit_events_load_finish (ClrStore      *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
