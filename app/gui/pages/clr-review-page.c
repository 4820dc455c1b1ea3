/* clr-review-page.c — the Review page: possible list matches waiting for a reviewer's decision
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-application.h"
#include "audit/clr-audit-event.h"
#include "clr-entry.h"
#include "clr-store-audit.h"
#include "clr-store-lists.h"
#include "clr-window.h"
#include "lists/clr-boxed-object.h"
#include "lists/clr-entry-view.h"
#include "widgets/clr-highlight.h"

#include "clr-review-page.h"

struct _ClrReviewPage
{
  AdwBin               parent_instance;

  /* template */
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *band_dropdown;
  GtkDropDown         *list_dropdown;
  GtkDropDown         *country_dropdown;
  GtkLabel            *count_label;
  GtkStack            *queue_stack;
  GtkListView         *queue_view;
  AdwStatusPage       *empty_status;
  GtkStack            *detail_stack;
  GtkLabel            *item_title;
  GtkLabel            *status_label;
  GtkRevealer         *reopened_revealer;
  GtkLabel            *reopened_label;
  GtkLabel            *score_label;
  GtkLabel            *explanation_label;
  GtkLabel            *party_label;
  ClrEntryView        *entry_view;
  AdwComboRow         *reason_row;
  AdwEntryRow         *note_row;
  AdwActionRow        *family_row;
  GtkSwitch           *family_switch;
  GtkLabel            *feedback_label;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;

  ClrStore            *store;
  ClrSettings         *settings;
  ClrReviewQueue      *queue;
  GtkSingleSelection  *selection;
  GtkStringList       *list_model;
  GtkStringList       *country_model;
  GCancellable        *cancellable;
  GCancellable        *history_cancellable;
  GCancellable        *diff_cancellable;

  gint64               shown_id;
  gint64               select_after_load;

  /* A hit to show once the queue is loaded (clr_review_page_show_hit). */
  gboolean             has_target;
  gint64               target_case_id;
  gint64               target_id;
  char                *target_party_name;
  char                *target_list;
  char                *target_entry;
  guint                loading : 1;
  guint                busy : 1;
  guint                updating_filters : 1;
};

G_DEFINE_FINAL_TYPE (ClrReviewPage, clr_review_page, ADW_TYPE_BIN)

enum {
  SIGNAL_LOADED,
  SIGNAL_DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Status dropdown positions → ClrReviewStatus (the last one is "any"). */
static const int status_choices[] = {
  CLR_REVIEW_STATUS_OPEN,
  CLR_REVIEW_STATUS_MATCH,
  CLR_REVIEW_STATUS_NO_MATCH,
  CLR_REVIEW_STATUS_ESCALATED,
  -1,
};

static void show_item (ClrReviewPage *self, const ClrReviewItem *item);
static void update_actions (ClrReviewPage *self);

/* JSON helpers: the documents come from other components; read defensively. */
static double
json_double (JsonObject *object,
             const char *member,
             double      fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_double (node);
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
format_time (const char *iso)
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

static const char *
band_word (double score)
{
  switch (clr_score_band_for_score (score))
    {
    case CLR_SCORE_BAND_STRONG:
      return _("strong possible match");
    case CLR_SCORE_BAND_MEDIUM:
      return _("medium possible match");
    case CLR_SCORE_BAND_WEAK:
    case CLR_SCORE_BAND_ANY:
    default:
      return _("weak possible match");
    }
}

static ClrWindow *
get_window (ClrReviewPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CLR_TYPE_WINDOW);

  return window != NULL ? CLR_WINDOW (window) : NULL;
}

static void
set_feedback (ClrReviewPage *self,
              const char    *text,
              gboolean       is_error)
{
  gtk_label_set_text (self->feedback_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), text != NULL && text[0] != '\0');
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->feedback_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->feedback_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->feedback_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->feedback_label), "success");
    }
}

/* Tokens of the hit: which query words matched which listed words. */
static void
collect_tokens (const ClrReviewItem *item,
                GPtrArray           *query_tokens,
                GPtrArray           *entry_tokens,
                GString             *words)
{
  JsonObject *hit = node_object (item->hit);
  JsonArray *tokens = NULL;
  guint n_matched = 0, n = 0;

  if (hit != NULL && json_object_has_member (hit, "tokens")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (hit, "tokens")))
    tokens = json_object_get_array_member (hit, "tokens");

  for (guint i = 0; tokens != NULL && i < json_array_get_length (tokens); i++)
    {
      JsonObject *token = node_object (json_array_get_element (tokens, i));
      const char *query = clr_json_get_string (token, "query");
      const char *listed = clr_json_get_string (token, "listed");
      double similarity = json_double (token, "similarity", 0);
      double weight = json_double (token, "weight", 0);

      if (query == NULL)
        continue;

      n++;
      if (words->len > 0)
        g_string_append_c (words, '\n');

      if (listed == NULL)
        {
          /* Translators: %s is a word of the party's name. */
          g_string_append_printf (words, _("• “%s” has no counterpart in the listed name"), query);
        }
      else
        {
          n_matched++;
          g_ptr_array_add (query_tokens, clr_highlight_fold (query));
          g_ptr_array_add (entry_tokens, clr_highlight_fold (listed));
          if (similarity >= 0.999)
            /* Translators: %s is a word; %.0f %% how much of the name's distinctiveness it carries. */
            g_string_append_printf (words, _("• “%s” is in the listed name (carries %.0f %% of the name’s weight)"),
                                    query, weight * 100);
          else
            /* Translators: a word of the party's name, the listed word, a percentage, a percentage. */
            g_string_append_printf (words, _("• “%s” is close to “%s” (%.0f %% similar, carries %.0f %% of the name’s weight)"),
                                    query, listed, similarity * 100, weight * 100);
        }
    }

  if (n > 0)
    {
      g_autofree char *head = NULL;

      /* Translators: counts of words of the party's name. */
      head = g_strdup_printf (ngettext ("%u of %u word of the party’s name lines up with the listed name:",
                                        "%u of %u words of the party’s name line up with the listed name:",
                                        n),
                              n_matched, n);
      g_string_prepend_c (words, '\n');
      g_string_prepend (words, head);
    }

  if (hit != NULL && json_object_has_member (hit, "country_adjustment"))
    {
      double adjust = json_double (hit, "country_adjustment", 0);

      if (adjust > 0.0005)
        g_string_append_printf (words, "\n%s", _("The party’s country matches a country of the entry, which raised the score."));
      else if (adjust < -0.0005)
        g_string_append_printf (words, "\n%s", _("The party’s country is not among the entry’s countries, which lowered the score."));
    }

  g_ptr_array_add (query_tokens, NULL);
  g_ptr_array_add (entry_tokens, NULL);
}

static void
append_party_line (GString            *markup,
                   const char         *caption,
                   const char         *value,
                   const char * const *highlight)
{
  g_autofree char *caption_escaped = NULL;
  g_autofree char *value_markup = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  caption_escaped = g_markup_escape_text (caption, -1);
  value_markup = clr_highlight_markup (value, highlight);
  if (markup->len > 0)
    g_string_append (markup, "\n");
  g_string_append_printf (markup, "<small>%s</small>\n%s", caption_escaped, value_markup);
}

static void
show_party (ClrReviewPage       *self,
            const ClrReviewItem *item,
            const char * const  *highlight)
{
  JsonObject *party = node_object (item->party);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *name = clr_json_get_string (party, "name");
  const char *country = clr_json_get_string (party, "country");

  append_party_line (markup, _("Name"), name != NULL ? name : item->party_name, highlight);
  append_party_line (markup, _("Address"), clr_json_get_string (party, "address"), NULL);
  append_party_line (markup, _("Country"), country != NULL ? country : item->party_country, NULL);
  append_party_line (markup, _("Headquarters"), clr_json_get_string (party, "headquarters_country"), NULL);
  append_party_line (markup, _("Ultimate parent"), clr_json_get_string (party, "ultimate_parent"), NULL);
  append_party_line (markup, _("Role"), clr_json_get_string (party, "role") != NULL
                                        ? clr_json_get_string (party, "role") : item->party_role, NULL);

  gtk_label_set_markup (self->party_label, markup->str);
}

/* ---- the entry diff of a reopened decision ------------------------------- */

typedef struct
{
  ClrStore *store;
  char     *entry_key;
} DiffData;

static void
diff_data_free (DiffData *data)
{
  g_clear_object (&data->store);
  g_free (data->entry_key);
  g_free (data);
}

static char *
field_text (JsonObject *entry,
            const char *field)
{
  JsonNode *node;
  g_autoptr(GString) text = NULL;

  if (entry == NULL || !json_object_has_member (entry, field))
    return g_strdup ("—");
  node = json_object_get_member (entry, field);
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      const char *value = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
      return g_strdup (value != NULL && value[0] != '\0' ? value : "—");
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("—");

  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *value = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        value = json_node_get_string (element);
      else if (JSON_NODE_HOLDS_OBJECT (element))
        value = clr_json_get_string (json_node_get_object (element), "text");
      if (value == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, value);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("—");
}

/* Finds the entry's change in the latest update of each loaded source and
 * writes each changed field as "field: before → after". */
static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DiffData *data = task_data;
  g_auto(GStrv) sources = clr_store_list_loaded_sources (data->store, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; sources != NULL && sources[i] != NULL && text->len == 0; i++)
    {
      g_autoptr(GPtrArray) changes = clr_store_diff_latest (data->store, sources[i], NULL, NULL, NULL);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      for (guint j = 0; changes != NULL && j < changes->len; j++)
        {
          ClrListChange *change = g_ptr_array_index (changes, j);
          g_autoptr(ClrEntry) before = NULL;
          g_autoptr(ClrEntry) after = NULL;
          g_autoptr(JsonNode) before_json = NULL;
          g_autoptr(JsonNode) after_json = NULL;

          if (change->kind != CLR_LIST_CHANGE_CHANGED || g_strcmp0 (change->key, data->entry_key) != 0)
            continue;
          before = clr_store_get_entry (data->store, change->old_entry_id, NULL);
          after = clr_store_get_entry (data->store, change->new_entry_id, NULL);
          if (before == NULL || after == NULL)
            break;
          before_json = clr_entry_to_json (before);
          after_json = clr_entry_to_json (after);
          for (guint k = 0; change->fields != NULL && change->fields[k] != NULL; k++)
            {
              g_autofree char *old_text = field_text (json_node_get_object (before_json), change->fields[k]);
              g_autofree char *new_text = field_text (json_node_get_object (after_json), change->fields[k]);

              /* Translators: a field name, its value before and after a list update. */
              g_string_append_c (text, '\n');
              g_string_append_printf (text, _("%s: %s → %s"), change->fields[k], old_text, new_text);
            }
          break;
        }
    }

  g_task_return_pointer (task, g_string_free (g_steal_pointer (&text), FALSE), g_free);
}

static void
diff_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);
  ClrReviewPage *self;
  g_autofree char *combined = NULL;

  /* Cancelled: another item is shown now, or the page is gone. */
  if (text == NULL || text[0] == '\0' || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = CLR_REVIEW_PAGE (object);
  combined = g_strconcat (gtk_label_get_text (self->reopened_label), text, NULL);
  gtk_label_set_text (self->reopened_label, combined);
}

static void
load_reopened_diff (ClrReviewPage       *self,
                    const ClrReviewItem *item)
{
  g_autoptr(GTask) task = NULL;
  DiffData *data;

  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->diff_cancellable);
  if (!item->reopened || self->store == NULL || item->entry_key == NULL)
    return;

  self->diff_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->diff_cancellable, diff_loaded_cb, NULL);
  data = g_new0 (DiffData, 1);
  data->store = g_object_ref (self->store);
  data->entry_key = g_strdup (item->entry_key);
  g_task_set_task_data (task, data, (GDestroyNotify) diff_data_free);
  g_task_run_in_thread (task, diff_thread);
}

static void
show_reopened (ClrReviewPage       *self,
               const ClrReviewItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_revealer_set_reveal_child (self->reopened_revealer, item->reopened);
  if (!item->reopened)
    return;

  if (item->previous_status != CLR_REVIEW_STATUS_OPEN)
    {
      const char *reason = clr_review_reason_get_label (item->previous_reason);

      /* Translators: the earlier decision and its reason, e.g. "Not a match (Different entity)". */
      g_string_append_printf (text, _("The earlier decision was “%s” (%s)."),
                              clr_review_status_get_label (item->previous_status),
                              reason != NULL ? reason : "");
    }

  if (item->changed_fields != NULL && item->changed_fields[0] != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", item->changed_fields);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %s is a list of field names, e.g. "name, addresses". */
      g_string_append_printf (text, _("Changed in the listed entry: %s"), fields);
    }

  if (item->previous_hash != NULL && item->content_hash != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: two content fingerprints (hashes) of the listed entry. */
      g_string_append_printf (text, _("Entry version %.12s → %.12s"),
                              item->previous_hash, item->content_hash);
    }

  gtk_label_set_text (self->reopened_label, text->str);
  load_reopened_diff (self, item);
}

static void
show_status (ClrReviewPage       *self,
             const ClrReviewItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (item->status == CLR_REVIEW_STATUS_OPEN)
    {
      g_autofree char *seen = format_time (item->first_seen_at);

      /* Translators: %s is a date and time. */
      g_string_append_printf (text, _("Open — needs a decision. First seen %s."), seen);
    }
  else
    {
      g_autofree char *when = format_time (item->decided_at);
      const char *reason = clr_review_reason_get_label (item->reason);

      /* Translators: decision, reason, reviewer, date and time. */
      g_string_append_printf (text, _("%s (%s) — decided by %s on %s."),
                              clr_review_status_get_label (item->status),
                              reason != NULL ? reason : "",
                              item->decided_by != NULL ? item->decided_by : _("unknown"),
                              when);
      if (item->note != NULL && item->note[0] != '\0')
        /* Translators: %s is the reviewer's note. */
        g_string_append_printf (text, _(" Note: %s"), item->note);
    }

  if (item->entry_removed)
    g_string_append_printf (text, "\n%s", _("The listed entry has since been removed from its list."));

  gtk_label_set_text (self->status_label, text->str);
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClrReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  GtkWidget *child;
  guint n;

  events = clr_audit_events_load_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (events == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The history could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->history_list, row);
      return;
    }

  /* The same plain words as the Audit Log window; each hit's row opens it. */
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrAuditEvent) event = g_list_model_get_item (events, i);

      gtk_list_box_append (self->history_list, clr_audit_event_create_row (event));
      if (i == 0 && *clr_audit_event_get_case_label (event) != '\0')
        {
          /* Translators: %s is "Case 3 · PO-2291" (the number and reference). */
          g_autofree char *title = g_strdup_printf (_("History of %s"),
                                                    clr_audit_event_get_case_label (event));
          adw_preferences_group_set_title (self->history_group, title);
        }
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded for this case yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

static void
load_history (ClrReviewPage       *self,
              const ClrReviewItem *item)
{
  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), item->case_id > 0 && self->store != NULL);
  if (item->case_id <= 0 || self->store == NULL)
    return;

  self->history_cancellable = g_cancellable_new ();
  /* Translators: %lld is a case number. */
  {
    g_autofree char *title = g_strdup_printf (_("History of Case %" PRId64), item->case_id);
    adw_preferences_group_set_title (self->history_group, title);
  }
  clr_audit_events_load_async (self->store, item->case_id, self->history_cancellable,
                               history_loaded_cb, self);
}

static void
scroll_to_top (ClrReviewPage *self)
{
  /* An item starts at the top: the comparison, not the last scroll position. */
  GtkWidget *scrolled = gtk_stack_get_child_by_name (self->detail_stack, "item");

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

/* The item's list family: the party's other hits on the same base name,
 * each with its score and decision; the switch decides them all at once. */
static void
show_family (ClrReviewPage       *self,
             const ClrReviewItem *item)
{
  ClrReviewFamily *family = clr_review_queue_get_family (self->queue, item->id);
  g_autoptr(GString) members = NULL;

  gtk_switch_set_active (self->family_switch, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->family_row), family != NULL);
  if (family == NULL)
    return;

  members = g_string_new (NULL);
  for (guint i = 0; i < family->members->len; i++)
    {
      ClrReviewItem *member = g_ptr_array_index (family->members, i);

      if (i > 0)
        g_string_append (members, "\n");
      /* Translators: one member of a list family: listed name, score, decision */
      g_string_append_printf (members, _("%s%s · %.0f %% · %s"), member->id == item->id ? "▸ " : "",
                              member->entry_name != NULL ? member->entry_name : member->entry_key,
                              member->score * 100, clr_review_status_get_label (member->status));
    }
  {
    /* Translators: the family row's subtitle, then one line per member */
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%u listed entry with the same base name for this party "
                                                           "(open ones are decided together):\n%s",
                                                           "%u listed entries with the same base name for this party "
                                                           "(open ones are decided together):\n%s",
                                                           family->members->len),
                                                 family->members->len, members->str);

    adw_action_row_set_subtitle (self->family_row, subtitle);
  }
}

static void
show_item (ClrReviewPage       *self,
           const ClrReviewItem *item)
{
  g_autoptr(GPtrArray) query_tokens = NULL;
  g_autoptr(GPtrArray) entry_tokens = NULL;
  g_autoptr(GString) words = NULL;
  g_autoptr(ClrEntry) entry = NULL;
  g_autofree char *score = NULL;

  if (item == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }

  if (self->shown_id != item->id)
    scroll_to_top (self);
  self->shown_id = item->id;
  gtk_stack_set_visible_child_name (self->detail_stack, "item");

  query_tokens = g_ptr_array_new_with_free_func (g_free);
  entry_tokens = g_ptr_array_new_with_free_func (g_free);
  words = g_string_new (NULL);
  collect_tokens (item, query_tokens, entry_tokens, words);

  /* Translators: the party's name and the listed entry's name. */
  {
    g_autofree char *title = g_strdup_printf (_("%s ↔ %s"), item->party_name,
                                              item->entry_name != NULL ? item->entry_name : "");
    gtk_label_set_text (self->item_title, title);
  }
  show_status (self, item);
  show_reopened (self, item);

  /* Translators: a percentage and a description like "strong possible match". */
  score = g_strdup_printf (_("Score %.0f %% — %s"), item->score * 100, band_word (item->score));
  gtk_label_set_text (self->score_label, score);

  if (item->matched_name != NULL)
    {
      g_autofree char *line = NULL;

      /* Translators: %s is a listed name or alias. */
      line = g_strdup_printf (_("Matched the listed name “%s”."), item->matched_name);
      g_string_prepend_c (words, '\n');
      g_string_prepend (words, line);
    }
  if (item->explanation != NULL && item->explanation[0] != '\0')
    g_string_append_printf (words, "\n%s %s", _("Matcher:"), item->explanation);
  gtk_label_set_text (self->explanation_label, words->str);

  show_party (self, item, (const char * const *) query_tokens->pdata);

  if (item->entry != NULL)
    entry = clr_entry_from_json (item->entry, NULL);
  if (entry == NULL)
    {
      /* Only what the queue item itself knows. */
      entry = clr_entry_new ();
      entry->name = g_strdup (item->entry_name);
      entry->list_code = g_strdup (item->list_code);
      entry->entry_id = g_strdup (item->entry_key);
    }
  clr_entry_view_set_entry (self->entry_view, entry, (const char * const *) entry_tokens->pdata);

  show_family (self, item);
  adw_combo_row_set_selected (self->reason_row,
                              item->status == CLR_REVIEW_STATUS_OPEN ? CLR_REVIEW_REASON_NONE : item->reason);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), item->note != NULL ? item->note : "");

  load_history (self, item);
  update_actions (self);
}

static ClrReviewItem *
get_selected_item (ClrReviewPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  return object != NULL ? clr_boxed_object_get (object) : NULL;
}

static void
selection_changed_cb (ClrReviewPage *self)
{
  ClrReviewItem *item = get_selected_item (self);

  if (item != NULL && item->id == self->shown_id && !self->loading)
    return;
  if (!self->loading)
    set_feedback (self, NULL, FALSE);
  show_item (self, item);
}

static void
queue_activate_cb (ClrReviewPage *self,
                   guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
update_count (ClrReviewPage *self)
{
  guint shown = clr_review_queue_get_n_items (self->queue);
  guint total = clr_review_queue_get_n_total (self->queue);
  g_autofree char *text = NULL;

  /* Translators: "3 of 10 items" in the review queue. */
  text = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", total), shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->queue_stack, shown > 0 ? "items" : "empty");
  if (total > 0 && shown == 0)
    adw_status_page_set_title (self->empty_status, _("No Items Match the Filters"));
  else
    adw_status_page_set_title (self->empty_status, _("Nothing to Review"));
}

static void
update_actions (ClrReviewPage *self)
{
  gboolean can = self->shown_id != 0 && !self->busy && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.match", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.not-a-match", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.escalate", can);
}

/* The string a filter dropdown has selected, NULL for its "all" first row. */
static const char *
dropdown_value (GtkDropDown   *dropdown,
                GtkStringList *model)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (model, position);
}

static void
filters_changed_cb (ClrReviewPage *self)
{
  guint status_position;

  if (self->updating_filters)
    return;

  status_position = gtk_drop_down_get_selected (self->status_dropdown);
  if (status_position < G_N_ELEMENTS (status_choices))
    clr_review_queue_set_status (self->queue, status_choices[status_position]);
  clr_review_queue_set_band (self->queue, gtk_drop_down_get_selected (self->band_dropdown));
  clr_review_queue_set_list_code (self->queue, dropdown_value (self->list_dropdown, self->list_model));
  clr_review_queue_set_country (self->queue, dropdown_value (self->country_dropdown, self->country_model));
}

static void
search_changed_cb (ClrReviewPage *self)
{
  clr_review_queue_set_search (self->queue, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Refills a filter dropdown's choices, keeping the chosen value. */
static void
refill_dropdown (ClrReviewPage *self,
                 GtkDropDown   *dropdown,
                 GtkStringList *model,
                 const char    *all_label,
                 GStrv          values)
{
  g_autofree char *current = g_strdup (dropdown_value (dropdown, model));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint selected = 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;

  g_strv_builder_add (builder, all_label);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_strv_builder_add (builder, values[i]);
      if (g_strcmp0 (values[i], current) == 0)
        selected = i + 1;
    }
  strings = g_strv_builder_end (builder);

  self->updating_filters = TRUE;
  gtk_string_list_splice (model, 0, n, (const char * const *) strings);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
}

static gboolean
select_id (ClrReviewPage *self,
           gint64         id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrBoxedObject) object = g_list_model_get_item (model, i);
      ClrReviewItem *item = clr_boxed_object_get (object);

      if (item->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_item (self, item);
          return TRUE;
        }
    }

  return FALSE;
}

static void
clear_target (ClrReviewPage *self)
{
  self->has_target = FALSE;
  g_clear_pointer (&self->target_party_name, g_free);
  g_clear_pointer (&self->target_list, g_free);
  g_clear_pointer (&self->target_entry, g_free);
}

/* The hit was not recorded (yet): show what the queue has for this party, and say so. */
static void
target_not_found (ClrReviewPage *self)
{
  ClrWindow *window = get_window (self);
  g_autofree char *message = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->target_party_name);
  /* At once, not after the entry's typing delay. */
  clr_review_queue_set_search (self->queue, self->target_party_name);
  /* Translators: %s is a party name. */
  message = g_strdup_printf (_("This hit for “%s” is not in the review queue yet: it is added when "
                               "the shipment is evaluated. Showing the party’s other items."),
                             self->target_party_name);
  if (window != NULL)
    clr_window_show_toast (window, message);
  set_feedback (self, message, TRUE);
}

/* The queue item of the hit clr_review_page_show_hit () asked for: the same
 * listed entry and party identity, the one seen in the case first. 0 if none. */
static gint64
find_target (ClrReviewPage *self,
             GPtrArray     *items)
{
  g_autofree char *party_key = clr_review_normalize_party_name (self->target_party_name);
  gint64 found = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      if (self->target_id != 0)
        {
          if (item->id == self->target_id)
            return item->id;
          continue;
        }
      if (g_strcmp0 (item->list_code, self->target_list) != 0
          || g_strcmp0 (item->entry_key, self->target_entry) != 0
          || g_strcmp0 (item->party_key, party_key) != 0)
        continue;
      if (found == 0 || item->case_id == self->target_case_id)
        found = item->id;
      if (item->case_id == self->target_case_id)
        break;
    }
  return found;
}

static void
queue_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClrReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) lists = NULL;
  g_auto(GStrv) countries = NULL;
  gint64 keep;

  items = clr_store_review_list_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = TRUE;
  keep = self->select_after_load != 0 ? self->select_after_load : self->shown_id;
  self->select_after_load = 0;

  if (items == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The review queue could not be read: %s"), error->message);
      adw_status_page_set_description (self->empty_status, message);
      clr_review_queue_set_items (self->queue, NULL);
    }
  else
    {
      clr_review_queue_set_items (self->queue, items);
    }

  lists = clr_review_queue_dup_list_codes (self->queue);
  countries = clr_review_queue_dup_countries (self->queue);
  refill_dropdown (self, self->list_dropdown, self->list_model, _("All lists"), lists);
  refill_dropdown (self, self->country_dropdown, self->country_model, _("All countries"), countries);
  filters_changed_cb (self);

  if (self->has_target)
    {
      gint64 found = find_target (self, items);

      self->has_target = FALSE;
      if (found != 0)
        {
          keep = found;
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child_name (self->leaflet, "detail");
        }
      else
        {
          /* Show the party's other items, not whatever was shown before. */
          keep = 0;
          target_not_found (self);
        }
      clear_target (self);
    }

  if (keep == 0 || !select_id (self, keep))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
        {
          gtk_single_selection_set_selected (self->selection, 0);
          show_item (self, get_selected_item (self));
        }
      else
        {
          /* Nothing left in this view (the last open item was just decided):
           * keep showing that item, with its decision, rather than nothing. */
          show_item (self, keep != 0 ? clr_review_queue_lookup (self->queue, keep) : NULL);
        }
    }
  self->loading = FALSE;
  update_count (self);

  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
clr_review_page_reload (ClrReviewPage *self)
{
  ClrReviewFilter filter;

  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));

  if (self->store == NULL)
    return;

  clr_review_filter_init (&filter);
  filter.status = CLR_REVIEW_STATUS_ANY;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clr_store_review_list_async (self->store, &filter, self->cancellable, queue_loaded_cb, self);
}

typedef struct
{
  ClrReviewPage   *self;    /* a reference */
  gint64           id;
  gint64           case_id;  /* the case the item was last seen in */
  ClrReviewStatus  status;
} DecideData;

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DecideData *data = user_data;
  g_autoptr(ClrReviewPage) self = data->self;
  g_autoptr(GError) error = NULL;
  ClrReviewStatus status = data->status;
  gint64 id = data->id;
  gint64 data_case_id = data->case_id;
  g_autofree char *message = NULL;
  ClrWindow *window;

  g_free (data);
  self->busy = FALSE;
  update_actions (self);

  if (!clr_store_review_decide_finish (CLR_STORE (object), result, &error))
    {
      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The decision was not saved: %s"), error->message);
      set_feedback (self, message, TRUE);
      return;
    }

  /* Translators: %s is a decision such as "Not a match". */
  message = g_strdup_printf (_("Decision saved: %s"), clr_review_status_get_label (status));
  window = get_window (self);
  if (window != NULL)
    clr_window_show_toast (window, message);

  /* Move on to the next item of the same view, the fast way through a queue. */
  {
    guint position = gtk_single_selection_get_selected (self->selection);
    GListModel *model = G_LIST_MODEL (self->selection);
    guint n = g_list_model_get_n_items (model);
    int filter_status = status_choices[MIN (gtk_drop_down_get_selected (self->status_dropdown),
                                            G_N_ELEMENTS (status_choices) - 1)];

    self->select_after_load = id;
    /* The decided item leaves a view of another status: show its successor. */
    if (position != GTK_INVALID_LIST_POSITION && filter_status != -1
        && filter_status != (int) status && n > 1)
      {
        g_autoptr(ClrBoxedObject) next = g_list_model_get_item (model, position + 1 < n ? position + 1
                                                                                          : position - 1);
        self->select_after_load = ((ClrReviewItem *) clr_boxed_object_get (next))->id;
      }
  }

  g_signal_emit (self, signals[SIGNAL_DECIDED], 0, id, (int) status);
  /* Results evaluated with the earlier decision are out of date now. */
  if (clr_application_get_default () != NULL)
    clr_application_screening_decision_changed (clr_application_get_default (), data_case_id, id,
                                                clr_review_status_to_string (status));
  clr_review_page_reload (self);
  set_feedback (self, message, FALSE);
}

gboolean
clr_review_page_decide (ClrReviewPage   *self,
                        ClrReviewStatus  status)
{
  ClrReviewReason reason;
  g_autofree char *reviewer = NULL;
  DecideData *data;
  const char *note;

  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (status != CLR_REVIEW_STATUS_OPEN, FALSE);

  if (self->shown_id == 0 || self->store == NULL)
    {
      set_feedback (self, _("Select an item in the queue first."), TRUE);
      return FALSE;
    }
  if (self->busy)
    return FALSE;

  reason = adw_combo_row_get_selected (self->reason_row);
  if (reason == CLR_REVIEW_REASON_NONE || reason > CLR_REVIEW_REASON_OTHER)
    {
      set_feedback (self, _("Choose a reason for the decision first."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return FALSE;
    }

  note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  if (self->settings != NULL)
    reviewer = clr_settings_dup_effective_reviewer_name (self->settings);

  self->busy = TRUE;
  update_actions (self);

  data = g_new0 (DecideData, 1);
  data->self = g_object_ref (self);
  data->id = self->shown_id;
  data->status = status;
  {
    ClrReviewItem *item = clr_review_queue_lookup (self->queue, self->shown_id);

    data->case_id = item != NULL ? item->case_id : 0;
  }
  {
    ClrReviewFamily *family = gtk_switch_get_active (self->family_switch) ?
                              clr_review_queue_get_family (self->queue, self->shown_id) : NULL;
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    /* the shown item, and with the family switch on every open member */
    g_array_append_val (ids, self->shown_id);
    for (guint i = 0; family != NULL && i < family->members->len; i++)
      {
        ClrReviewItem *member = g_ptr_array_index (family->members, i);

        if (member->id != self->shown_id && member->status == CLR_REVIEW_STATUS_OPEN)
          g_array_append_val (ids, member->id);
      }
    clr_store_review_decide_many_async (self->store, (const gint64 *) ids->data, ids->len, status, reason,
                                        note[0] != '\0' ? note : NULL, reviewer,
                                        NULL, decided_cb, data);
  }
  return TRUE;
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  if (g_strcmp0 (action_name, "review.match") == 0)
    clr_review_page_decide (self, CLR_REVIEW_STATUS_MATCH);
  else if (g_strcmp0 (action_name, "review.not-a-match") == 0)
    clr_review_page_decide (self, CLR_REVIEW_STATUS_NO_MATCH);
  else
    clr_review_page_decide (self, CLR_REVIEW_STATUS_ESCALATED);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "queue");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Alt+Down / Alt+Up: the next or previous hit of the queue, wherever the focus is. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);
  gboolean forward = g_str_equal (action_name, "review.next-hit");

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = forward ? 0 : n - 1;
  else if (forward && position + 1 < n)
    position++;
  else if (!forward && position > 0)
    position--;
  else
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->queue_view), "list.scroll-to-item", "u", position);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clr_review_page_reload (CLR_REVIEW_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Queue rows: party name, listed name and list, status and score. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "clr-name");  /* Chinese names in the SC face (style.css) */
  gtk_widget_add_css_class (badge, "caption");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ClrReviewItem *item = clr_boxed_object_get (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *badge = gtk_widget_get_next_sibling (title);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (top);
  g_autofree char *badge_text = NULL;
  g_autofree char *sub = NULL;
  ClrReviewQueue *queue = user_data;
  ClrReviewFamily *family;
  static const char *status_classes[] = { "accent", "error", "success", "warning" };

  family = clr_review_queue_get_family (queue, item->id);
  /* a family's later members are indented under its first */
  gtk_widget_set_margin_start (box, family != NULL && family->head != item ? 12 : 0);
  if (family != NULL && family->head != item)
    {
      /* Translators: a list family's later member, under its first one */
      g_autofree char *member_title = g_strdup_printf (_("↳ %s"), item->party_name);

      gtk_label_set_text (GTK_LABEL (title), member_title);
    }
  else
    gtk_label_set_text (GTK_LABEL (title), item->party_name);
  badge_text = g_strdup_printf ("%s%s · %.0f %%", item->reopened ? "↻ " : "",
                                clr_review_status_get_label (item->status), item->score * 100);
  gtk_label_set_text (GTK_LABEL (badge), badge_text);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (badge, status_classes[i]);
  if ((guint) item->status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (badge, status_classes[item->status]);

  /* Translators: list code and listed name, e.g. "EL · Huawei Technologies Co., Ltd.". */
  if (family != NULL && family->head == item)
    /* Translators: list code, listed name and the size of its list family */
    sub = g_strdup_printf (ngettext ("%s · %s · family of %u", "%s · %s · family of %u", family->members->len),
                           item->list_code != NULL ? item->list_code : "",
                           item->entry_name != NULL ? item->entry_name : "", family->members->len);
  else
    sub = g_strdup_printf (_("%s · %s"), item->list_code != NULL ? item->list_code : "",
                           item->entry_name != NULL ? item->entry_name : "");
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
}

static void
page_mapped_cb (ClrReviewPage *self)
{
  /* Decisions and new hits arrive from other pages and from the command
   * line: show the queue as it is now whenever the page is shown. */
  set_feedback (self, NULL, FALSE);
  clr_review_page_reload (self);
}

static void
app_store_changed_cb (ClrReviewPage  *self,
                      GParamSpec     *pspec,
                      ClrApplication *app)
{
  clr_review_page_set_store (self, clr_application_get_store (app));
}

static void
clr_review_page_dispose (GObject *object)
{
  ClrReviewPage *self = CLR_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->history_cancellable);
  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->diff_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->history_cancellable);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->queue);
  g_clear_object (&self->list_model);
  g_clear_object (&self->country_model);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  clear_target (self);

  G_OBJECT_CLASS (clr_review_page_parent_class)->dispose (object);
}

static void
clr_review_page_class_init (ClrReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_page_dispose;

  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_INT64, G_TYPE_INT);

  g_type_ensure (CLR_TYPE_ENTRY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, band_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, item_title);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, reopened_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, reopened_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, party_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, entry_view);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, family_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, family_switch);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_activate_cb);

  gtk_widget_class_install_action (widget_class, "review.match", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.not-a-match", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.escalate", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "review.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "review.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "review.next-hit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "review.previous-hit", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "review.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_ALT_MASK, "review.match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "review.not-a-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_ALT_MASK, "review.escalate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "review.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "review.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "review.next-hit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "review.previous-hit", NULL);

  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fill_string_dropdown (GtkDropDown   *dropdown,
                      GtkStringList *model)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

static void
clr_review_page_init (ClrReviewPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) bands = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  ClrApplication *app;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->queue = clr_review_queue_new ();
  self->selection = gtk_single_selection_new (g_object_ref (clr_review_queue_get_model (self->queue)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->queue_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->queue, "notify::n-items",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self->queue);
  gtk_list_view_set_factory (self->queue_view, factory);

  for (guint i = 0; i < G_N_ELEMENTS (status_choices) - 1; i++)
    gtk_string_list_append (statuses, clr_review_status_get_label (status_choices[i]));
  gtk_string_list_append (statuses, _("All statuses"));
  fill_string_dropdown (self->status_dropdown, statuses);

  for (ClrScoreBand band = CLR_SCORE_BAND_ANY; band <= CLR_SCORE_BAND_WEAK; band++)
    gtk_string_list_append (bands, clr_score_band_get_label (band));
  fill_string_dropdown (self->band_dropdown, bands);

  self->list_model = gtk_string_list_new ((const char * const[]) { _("All lists"), NULL });
  self->country_model = gtk_string_list_new ((const char * const[]) { _("All countries"), NULL });
  fill_string_dropdown (self->list_dropdown, self->list_model);
  fill_string_dropdown (self->country_dropdown, self->country_model);

  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->band_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  /* Reason codes: a fixed set, index = ClrReviewReason; 0 asks for a choice. */
  gtk_string_list_append (reasons, _("Choose a reason…"));
  for (ClrReviewReason reason = CLR_REVIEW_REASON_DIFFERENT_ENTITY; reason <= CLR_REVIEW_REASON_OTHER; reason++)
    gtk_string_list_append (reasons, clr_review_reason_get_label (reason));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));

  g_signal_connect_object (self, "map", G_CALLBACK (page_mapped_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
  show_item (self, NULL);

  app = clr_application_get_default ();
  if (app != NULL)
    {
      g_signal_connect_object (app, "notify::store", G_CALLBACK (app_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      clr_review_page_set_settings (self, clr_application_get_settings (app));
      clr_review_page_set_store (self, clr_application_get_store (app));
    }
}

GtkWidget *
clr_review_page_new (void)
{
  return g_object_new (CLR_TYPE_REVIEW_PAGE, NULL);
}

void
clr_review_page_set_store (ClrReviewPage *self,
                           ClrStore      *store)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));
  g_return_if_fail (store == NULL || CLR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->shown_id = 0;
  clr_review_queue_set_items (self->queue, NULL);
  show_item (self, NULL);
  update_count (self);
  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    clr_review_page_reload (self);
}

void
clr_review_page_set_settings (ClrReviewPage *self,
                              ClrSettings   *settings)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));

  g_set_object (&self->settings, settings);
}

ClrReviewQueue *
clr_review_page_get_queue (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return self->queue;
}

gboolean
clr_review_page_select_item (ClrReviewPage *self,
                             gint64         id)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), FALSE);

  if (!select_id (self, id))
    return FALSE;
  scroll_to_top (self);
  return TRUE;
}

gint64
clr_review_page_get_shown_id (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), 0);

  return self->shown_id;
}

void
clr_review_page_set_reason (ClrReviewPage   *self,
                            ClrReviewReason  reason,
                            const char      *note)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));
  g_return_if_fail (reason <= CLR_REVIEW_REASON_OTHER);

  adw_combo_row_set_selected (self->reason_row, reason);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

const char *
clr_review_page_get_feedback (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->feedback_label))
         ? gtk_label_get_text (self->feedback_label) : "";
}

void
clr_review_page_show_hit (ClrReviewPage *self,
                          gint64         case_id,
                          const char    *party_name,
                          const char    *list_code,
                          const char    *entry_key,
                          gint64         review_id)
{
  g_return_if_fail (CLR_IS_REVIEW_PAGE (self));
  g_return_if_fail (party_name != NULL);

  self->has_target = TRUE;
  self->target_case_id = case_id;
  self->target_id = review_id;
  g_free (self->target_party_name);
  self->target_party_name = g_strdup (party_name);
  g_free (self->target_list);
  self->target_list = g_strdup (list_code);
  g_free (self->target_entry);
  self->target_entry = g_strdup (entry_key);

  /* The hit must not hide behind filters chosen earlier: show every status. */
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, G_N_ELEMENTS (status_choices) - 1);
  gtk_drop_down_set_selected (self->band_dropdown, 0);
  gtk_drop_down_set_selected (self->list_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  self->updating_filters = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  filters_changed_cb (self);
  self->select_after_load = 0;

  if (self->store != NULL)
    clr_review_page_reload (self);
  else
    {
      /* Nothing to look in: report it as not found, the same way. */
      target_not_found (self);
      clear_target (self);
    }
}

const char *
clr_review_page_get_search (ClrReviewPage *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}
