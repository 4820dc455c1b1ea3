/* clr-review-detail.c — one review queue item: the party beside the listed
 * entry, why they matched, the decision form, what changed and the case history
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "audit/clr-audit-event.h"
#include "clr-entry.h"
#include "clr-json.h"
#include "clr-store-audit.h"
#include "lists/clr-entry-view.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-highlight.h"
#include "widgets/clr-widget.h"
#include "review/clr-review-approval.h"
#include "review/clr-review-claim-card.h"
#include "review/clr-review-queue.h"
#include "review/clr-review-text.h"
#include "review/clr-review-queue-item.h"

#include "clr-review-detail.h"

struct _ClrReviewDetail
{
  AdwBin               parent_instance;

  /* template */
  GtkScrolledWindow   *scrolled;
  GtkLabel            *item_title;
  GtkLabel            *status_label;
  ClrReviewApproval   *approval;
  ClrReviewClaimCard  *claim_card;
  GtkRevealer         *reopened_revealer;
  GtkLabel            *reopened_label;
  GtkLabel            *score_label;
  GtkLabel            *explanation_label;
  GtkLabel            *party_label;
  ClrEntryView        *entry_view;
  AdwPreferencesGroup *decision_group;
  AdwComboRow         *reason_row;
  AdwEntryRow         *note_row;
  AdwEntryRow         *recipient_row;
  GtkExpander         *technical_expander;
  GtkLabel            *technical_label;
  AdwActionRow        *family_row;
  GtkSwitch           *family_switch;
  GtkWidget           *decision_box;
  GtkWidget           *change_button;
  GtkLabel            *feedback_label;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;

  ClrStore            *store;
  GCancellable        *history_cancellable;
  GCancellable        *diff_cancellable;
  gint64               shown_id;
  /* the shown item is decided: its form is read-only behind Change
   * Decision until @changing */
  gboolean             decided;
  gboolean             changing;
  /* the decision shown (status and when): the form is kept while it stands */
  ClrReviewStatus      shown_status;
  char                *shown_decided_at;
};

G_DEFINE_FINAL_TYPE (ClrReviewDetail, clr_review_detail, ADW_TYPE_BIN)

/**
 * ClrReviewDetail:store:
 *
 * Where the case history and the changes of a reopened entry are read.
 */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_OBJECT ("store", ClrReviewDetail, store, clr_store_get_type, G_PARAM_READWRITE),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

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

void
clr_review_detail_set_feedback (ClrReviewDetail *self,
                                const char      *text,
                                gboolean         is_error)
{
  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));

  clr_widget_show_feedback (self->feedback_label, text, is_error);
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
show_party (ClrReviewDetail     *self,
            const ClrReviewItem *item,
            const char * const  *highlight)
{
  JsonObject *party = clr_review_json_object (item->party);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *name = clr_json_get_string (party, "name");
  const char *country = clr_json_get_string (party, "country");

  append_party_line (markup, _("Name"), name != NULL ? name : item->party_name, highlight);
  append_party_line (markup, _("Address"), clr_json_get_string (party, "address"), NULL);
  append_party_line (markup, _("Country"), country != NULL ? country : item->party_country, NULL);
  append_party_line (markup, _("Headquarters"), clr_json_get_string (party, "headquarters_country"), NULL);
  append_party_line (markup, _("Ultimate parent"), clr_json_get_string (party, "ultimate_parent"), NULL);
  append_party_line (markup, _("Role"),
                     clr_review_role_get_label (clr_json_get_string (party, "role") != NULL ? clr_json_get_string (party, "role")
                                                                                    : item->party_role), NULL);

  gtk_label_set_markup (self->party_label, markup->str);
}

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, clr_review_entry_diff (source_object, task_data, cancellable), g_free);
}

static void
diff_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrReviewDetail) self = user_data;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *combined = NULL;

  /* Cancelled: another item is shown now, or the page is gone. */
  if (text == NULL || text[0] == '\0' || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  combined = g_strconcat (gtk_label_get_text (self->reopened_label), text, NULL);
  gtk_label_set_text (self->reopened_label, combined);
}

static void
show_reopened (ClrReviewDetail     *self,
               const ClrReviewItem *item)
{
  g_autofree char *text = NULL;
  g_autoptr(GTask) task = NULL;

  gtk_revealer_set_reveal_child (self->reopened_revealer, item->reopened);
  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->diff_cancellable);
  if (!item->reopened)
    return;

  text = clr_review_reopened_text (item);
  gtk_label_set_text (self->reopened_label, text);
  if (self->store == NULL || item->entry_key == NULL)
    return;
  self->diff_cancellable = g_cancellable_new ();
  /* Reads in a worker thread: the task holds the store and the page. */
  task = g_task_new (self->store, self->diff_cancellable, diff_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (item->entry_key), g_free);
  g_task_run_in_thread (task, diff_thread);
}

/* An escalation's note leads with "→ RECIPIENT" (clr_store_review_decide_full()):
 * the recipient and the rest of the note. */
static const char *
split_recipient (const char  *note,
                 char       **recipient)
{
  const char *end;

  *recipient = NULL;
  if (note == NULL || !g_str_has_prefix (note, "→ "))
    return note;
  note += strlen ("→ ");
  end = strchr (note, '\n');
  *recipient = end != NULL ? g_strndup (note, end - note) : g_strdup (note);
  return end != NULL ? end + 1 : NULL;
}

static void
show_status (ClrReviewDetail     *self,
             const ClrReviewItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (item->status == CLR_REVIEW_STATUS_OPEN)
    {
      g_autofree char *seen = clr_audit_format_time (item->first_seen_at);

      /* Translators: %s is a date and time. */
      g_string_append_printf (text, _("Open — needs a decision. First seen %s."), seen);
    }
  else
    {
      g_autofree char *when = clr_audit_format_time (item->decided_at);
      const char *reason = clr_review_reason_get_label (item->reason);
      g_autofree char *recipient = NULL;
      const char *note = split_recipient (item->note, &recipient);

      /* Translators: decision, reason, reviewer, date and time. */
      g_string_append_printf (text, _("%s (%s) — decided by %s on %s."),
                              clr_review_status_get_label (item->status),
                              reason != NULL ? reason : "",
                              item->decided_by != NULL ? item->decided_by : _("unknown"),
                              when);
      if (recipient != NULL)
        /* Translators: %s is who an escalated hit goes to */
        g_string_append_printf (text, _(" Escalated to %s."), recipient);
      if (note != NULL && note[0] != '\0')
        /* Translators: %s is the reviewer's note. */
        g_string_append_printf (text, _(" Note: %s"), note);
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
  ClrReviewDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  guint n;

  events = clr_audit_events_load_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clr_widget_list_box_remove_rows (self->history_list);

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
load_history (ClrReviewDetail     *self,
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

void
clr_review_detail_scroll_to_top (ClrReviewDetail *self)
{
  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));

  /* An item starts at the top: the comparison, not the last scroll position. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* The item's list family: the party's other hits on the same base name,
 * each with its score and decision; the switch decides them all at once. */
static void
show_family (ClrReviewDetail     *self,
             const ClrReviewItem *item,
             ClrReviewFamily     *family)
{
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

/* What a developer or an auditor may ask for: keys, ids, hashes, the
 * matcher's own words. Collapsed: the comparison above is in plain words. */
static void
show_technical (ClrReviewDetail     *self,
                const ClrReviewItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *entry = clr_review_json_object (item->entry);
  const char *entry_id = clr_json_get_string (entry, "entry_id");

  /* Translators: the review queue item's number */
  g_string_append_printf (text, _("Queue item: %" PRId64), item->id);
  g_string_append_c (text, '\n');
  /* Translators: the listed entry's key in Clearance, e.g. "EL:name:huawei…" */
  g_string_append_printf (text, _("Entry key: %s"), item->entry_key);
  if (entry_id != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the listed entry's id in its list file */
      g_string_append_printf (text, _("Entry ID: %s"), entry_id);
    }
  if (item->content_hash != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the listed entry's content fingerprint (a hash) */
      g_string_append_printf (text, _("Content hash: %s"), item->content_hash);
    }
  if (item->explanation != NULL && item->explanation[0] != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: the matcher's own explanation of the score */
      g_string_append_printf (text, _("Matcher: %s"), item->explanation);
    }
  gtk_label_set_text (self->technical_label, text->str);
  gtk_expander_set_expanded (self->technical_expander, FALSE);
}

/* A decided item shows its decision read-only and Change Decision in place
 * of the decision buttons; an open one (or one being changed) the form. */
static void
update_decision_controls (ClrReviewDetail *self)
{
  gboolean locked = self->decided && !self->changing;

  gtk_widget_set_visible (self->decision_box, !locked);
  gtk_widget_set_visible (self->change_button, locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_group), !locked);
}

/* Another reviewer holds the shown item: the store would refuse a decision,
 * so the buttons are off and say why. */
static void
claim_changed_cb (ClrReviewDetail *self)
{
  gboolean held = clr_review_claim_card_get_held_by_other (self->claim_card);
  g_autofree char *why = NULL;

  if (held)
    /* Translators: %s is e.g. "Ben (ben) is reviewing this item until 7 Dec 2026, 16:20" */
    why = g_strdup_printf (_("%s. You can decide it when they release it or their claim ends."),
                           clr_review_claim_card_get_text (self->claim_card));
  gtk_widget_set_sensitive (self->decision_box, !held);
  for (GtkWidget *button = gtk_widget_get_first_child (self->decision_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_widget_set_tooltip_text (button, held ? why : g_object_get_data (G_OBJECT (button), "clr-tooltip"));
}

void
clr_review_detail_show_item (ClrReviewDetail     *self,
                             const ClrReviewItem *item,
                             ClrReviewFamily     *family)
{
  g_autoptr(GPtrArray) query_tokens = NULL;
  g_autoptr(GPtrArray) entry_tokens = NULL;
  g_autoptr(GString) words = NULL;
  g_autoptr(ClrEntry) entry = NULL;
  g_autofree char *score = NULL;
  gboolean keep_form;

  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));
  g_return_if_fail (item != NULL);

  if (self->shown_id != item->id)
    clr_review_detail_scroll_to_top (self);
  /* The same item reloaded with the same decision (a team member changed
   * another one): the reason and note being typed are kept. */
  keep_form = self->shown_id == item->id && self->shown_status == item->status
              && g_strcmp0 (self->shown_decided_at, item->decided_at) == 0;
  self->shown_id = item->id;
  self->shown_status = item->status;
  g_free (self->shown_decided_at);
  self->shown_decided_at = g_strdup (item->decided_at);

  query_tokens = g_ptr_array_new_with_free_func (g_free);
  entry_tokens = g_ptr_array_new_with_free_func (g_free);
  words = g_string_new (NULL);
  clr_review_hit_words (item, query_tokens, entry_tokens, words);

  /* Translators: the party's name and the listed entry's name. */
  {
    g_autofree char *title = g_strdup_printf (_("%s ↔ %s"), item->party_name,
                                              item->entry_name != NULL ? item->entry_name : "");
    gtk_label_set_text (self->item_title, title);
  }
  show_status (self, item);
  clr_review_approval_set_item (self->approval, item);
  clr_review_claim_card_set_item (self->claim_card, item);
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
  gtk_label_set_text (self->explanation_label, words->str);
  show_technical (self, item);

  show_party (self, item, (const char * const *) query_tokens->pdata);

  if (item->entry != NULL)
    entry = clr_entry_from_json (item->entry, NULL);
  if (entry == NULL)
    {
      /* Only what the queue item itself knows. */
      entry = clr_entry_new ();
      entry->name = g_strdup (item->entry_name);
      entry->list_code = g_strdup (item->list_code);
    }
  /* Keys and ids are under "Technical details", not in the comparison. */
  g_clear_pointer (&entry->entry_id, g_free);
  clr_entry_view_set_entry (self->entry_view, entry, (const char * const *) entry_tokens->pdata);

  show_family (self, item, family);
  if (keep_form)
    {
      load_history (self, item);
      return;
    }
  adw_combo_row_set_selected (self->reason_row,
                              item->status == CLR_REVIEW_STATUS_OPEN ? CLR_REVIEW_REASON_NONE : item->reason);
  {
    g_autofree char *recipient = NULL;
    const char *note = split_recipient (item->note, &recipient);

    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
    gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), recipient != NULL ? recipient : "");
  }

  self->decided = item->status != CLR_REVIEW_STATUS_OPEN;
  self->changing = FALSE;
  update_decision_controls (self);

  load_history (self, item);
}

void
clr_review_detail_begin_change (ClrReviewDetail *self)
{
  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));

  if (!self->decided)
    return;
  self->changing = TRUE;
  update_decision_controls (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

gboolean
clr_review_detail_get_changing (ClrReviewDetail *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_DETAIL (self), FALSE);

  return self->decided && self->changing;
}

gboolean
clr_review_detail_get_locked (ClrReviewDetail *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_DETAIL (self), FALSE);

  return self->decided && !self->changing;
}

static void
clr_review_detail_dispose (GObject *object)
{
  ClrReviewDetail *self = CLR_REVIEW_DETAIL (object);

  g_cancellable_cancel (self->history_cancellable);
  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->history_cancellable);
  g_clear_object (&self->diff_cancellable);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_DETAIL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->shown_decided_at, g_free);

  G_OBJECT_CLASS (clr_review_detail_parent_class)->dispose (object);
}

static void
clr_review_detail_class_init (ClrReviewDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_detail_dispose;

  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);

  g_type_ensure (CLR_TYPE_ENTRY_VIEW);
  g_type_ensure (CLR_TYPE_REVIEW_APPROVAL);
  g_type_ensure (CLR_TYPE_REVIEW_CLAIM_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/review/clr-review-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, item_title);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, approval);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, claim_card);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, reopened_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, reopened_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, score_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, party_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, entry_view);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, decision_group);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, note_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, technical_expander);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, technical_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, family_row);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, family_switch);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, decision_box);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, change_button);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, ClrReviewDetail, history_list);
}

static void
clr_review_detail_init (ClrReviewDetail *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Reason codes: a fixed set, index = ClrReviewReason; 0 asks for a choice. */
  gtk_string_list_append (reasons, _("Choose a reason…"));
  for (ClrReviewReason reason = CLR_REVIEW_REASON_DIFFERENT_ENTITY; reason <= CLR_REVIEW_REASON_OTHER; reason++)
    gtk_string_list_append (reasons, clr_review_reason_get_label (reason));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));

  /* Each decision button's own tooltip, for when nobody else holds the item. */
  for (GtkWidget *button = gtk_widget_get_first_child (self->decision_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    g_object_set_data_full (G_OBJECT (button), "clr-tooltip", g_strdup (gtk_widget_get_tooltip_text (button)), g_free);
  g_signal_connect_object (self->claim_card, "changed", G_CALLBACK (claim_changed_cb), self, G_CONNECT_SWAPPED);
}

ClrReviewReason
clr_review_detail_get_form (ClrReviewDetail  *self,
                            const char      **note,
                            const char      **recipient,
                            gboolean         *family)
{
  g_return_val_if_fail (CLR_IS_REVIEW_DETAIL (self), CLR_REVIEW_REASON_NONE);

  *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  *recipient = gtk_editable_get_text (GTK_EDITABLE (self->recipient_row));
  *family = gtk_switch_get_active (self->family_switch);
  return adw_combo_row_get_selected (self->reason_row);
}

void
clr_review_detail_set_reason (ClrReviewDetail *self,
                              ClrReviewReason  reason,
                              const char      *note)
{
  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));

  adw_combo_row_set_selected (self->reason_row, reason);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

void
clr_review_detail_focus_reason (ClrReviewDetail *self)
{
  g_return_if_fail (CLR_IS_REVIEW_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

const char *
clr_review_detail_get_feedback (ClrReviewDetail *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_DETAIL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->feedback_label))
         ? gtk_label_get_text (self->feedback_label) : "";
}

