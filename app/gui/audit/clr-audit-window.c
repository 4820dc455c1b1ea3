/* clr-audit-window.c — the Audit Log window: the whole trail in plain words, filtered,
 * verified and exported
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "audit/clr-audit-event.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-file-chooser.h"

#include "clr-audit-window-private.h"

struct _ClrAuditWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *case_dropdown;
  GtkSearchEntry       *party_entry;
  GtkDropDown          *reviewer_dropdown;
  GtkWidget            *verify_box;
  GtkImage             *verify_icon;
  GtkLabel             *verify_label;
  GtkLabel             *count_label;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;

  ClrStore             *store;
  GCancellable         *cancellable;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkStringList        *case_choices;
  GtkStringList        *reviewer_choices;
  GArray               *case_ids;       /* gint64, parallel to case_choices (0 = all) */
  GtkFileChooserNative *chooser;

  gint64                filter_case_id;
  char                 *filter_reviewer; /* NULL = all */
  char                 *filter_party;    /* casefolded, NULL = all */

  guint                 loading : 1;
  guint                 reload_again : 1;
  gboolean              verifying;
  gboolean              exporting;
  guint                 updating_choices : 1;
};

G_DEFINE_FINAL_TYPE (ClrAuditWindow, clr_audit_window, ADW_TYPE_WINDOW)

/* Property: store (construct-only). */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_OBJECT ("store", ClrAuditWindow, store, clr_store_get_type,
                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY),
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

enum {
  LOADED,
  VERIFIED,
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (ClrAuditWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify",
                                 self->store != NULL && !self->verifying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export",
                                 self->store != NULL && !self->exporting);
}

static void
update_count (ClrAuditWindow *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    /* Translators: "3 of 40 events" (shown by the filters, of all). */
    text = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  if (self->loading && total == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "events");
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       total == 0 ? _("Nothing has been recorded yet: decisions, "
                                                      "evaluations and list imports appear here.")
                                                  : _("No event matches these filters."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static gboolean
event_visible (gpointer item,
               gpointer user_data)
{
  ClrAuditWindow *self = user_data;
  ClrAuditEvent *event = item;

  if (self->filter_case_id > 0 && clr_audit_event_get_case_id (event) != self->filter_case_id)
    return FALSE;
  if (self->filter_reviewer != NULL &&
      g_strcmp0 (clr_audit_event_get_reviewer (event), self->filter_reviewer) != 0)
    return FALSE;
  if (self->filter_party != NULL)
    {
      g_autofree char *party = g_utf8_casefold (clr_audit_event_get_party (event), -1);

      if (strstr (party, self->filter_party) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
filters_changed_cb (ClrAuditWindow *self)
{
  guint position;
  const char *text;

  if (self->updating_choices)
    return;

  position = gtk_drop_down_get_selected (self->case_dropdown);
  self->filter_case_id = position != GTK_INVALID_LIST_POSITION && position < self->case_ids->len
                         ? g_array_index (self->case_ids, gint64, position) : 0;

  g_clear_pointer (&self->filter_reviewer, g_free);
  position = gtk_drop_down_get_selected (self->reviewer_dropdown);
  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    self->filter_reviewer = g_strdup (gtk_string_list_get_string (self->reviewer_choices,
                                                                  position));

  g_clear_pointer (&self->filter_party, g_free);
  text = gtk_editable_get_text (GTK_EDITABLE (self->party_entry));
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

    if (*stripped != '\0')
      self->filter_party = g_utf8_casefold (stripped, -1);
  }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The filters offer what the trail holds: each case once (by number), each
 * reviewer once (by name). The current choice stays when it still exists. */
static void
refill_choices (ClrAuditWindow *self,
                GListModel     *events)
{
  g_autoptr(GHashTable) seen_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, g_free);
  g_autoptr(GHashTable) seen_reviewers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new ();
  g_autoptr(GPtrArray) events_kept = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 all = 0;
  guint n = g_list_model_get_n_items (events);
  guint case_position = 0, reviewer_position = 0;

  for (guint i = 0; i < n; i++)
    {
      ClrAuditEvent *event = g_list_model_get_item (events, i);
      gint64 case_id = clr_audit_event_get_case_id (event);
      const char *reviewer = clr_audit_event_get_reviewer (event);

      g_ptr_array_add (events_kept, event);
      if (case_id > 0 && !g_hash_table_contains (seen_cases, &case_id))
        g_hash_table_insert (seen_cases, g_memdup2 (&case_id, sizeof case_id),
                             g_strdup (clr_audit_event_get_case_label (event)));
      if (*reviewer != '\0' && g_hash_table_add (seen_reviewers, (gpointer) reviewer))
        g_ptr_array_add (reviewers, (gpointer) reviewer);
    }

  /* Cases by number; the newest label of each wins (a reference may change). */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen_cases);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_array_append_val (case_ids, *(gint64 *) key);
    g_array_sort (case_ids, compare_int64);
  }
  g_ptr_array_sort (reviewers, compare_strings);

  self->updating_choices = TRUE;

  g_array_set_size (self->case_ids, 0);
  g_array_append_val (self->case_ids, all);
  gtk_string_list_splice (self->case_choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->case_choices)), NULL);
  gtk_string_list_append (self->case_choices, _("All cases"));
  for (guint i = 0; i < case_ids->len; i++)
    {
      gint64 case_id = g_array_index (case_ids, gint64, i);

      g_array_append_val (self->case_ids, case_id);
      gtk_string_list_append (self->case_choices, g_hash_table_lookup (seen_cases, &case_id));
      if (case_id == self->filter_case_id)
        case_position = i + 1;
    }

  gtk_string_list_splice (self->reviewer_choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->reviewer_choices)), NULL);
  gtk_string_list_append (self->reviewer_choices, _("All reviewers"));
  for (guint i = 0; i < reviewers->len; i++)
    {
      gtk_string_list_append (self->reviewer_choices, g_ptr_array_index (reviewers, i));
      if (g_strcmp0 (g_ptr_array_index (reviewers, i), self->filter_reviewer) == 0)
        reviewer_position = i + 1;
    }

  gtk_drop_down_set_selected (self->case_dropdown, case_position);
  gtk_drop_down_set_selected (self->reviewer_dropdown, reviewer_position);
  self->updating_choices = FALSE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClrAuditWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListStore) newest_first = NULL;
  guint n;

  events = clr_audit_events_load_finish (CLR_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;

  if (events == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  /* The newest first: what happened today is what one opens the log for. */
  newest_first = g_list_store_new (CLR_TYPE_AUDIT_EVENT);
  n = g_list_model_get_n_items (events);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GObject) event = g_list_model_get_item (events, i - 1);

      g_list_store_append (newest_first, event);
    }

  refill_choices (self, G_LIST_MODEL (newest_first));
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (newest_first));
  filters_changed_cb (self);

  g_signal_emit (self, signals[LOADED], 0);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      clr_audit_window_reload (self);
    }
}

void
clr_audit_window_reload (ClrAuditWindow *self)
{
  g_return_if_fail (CLR_IS_AUDIT_WINDOW (self));

  if (self->store == NULL)
    return;
  /* One read at a time; a change during it asks for one more. */
  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->loading = TRUE;
  update_count (self);
  clr_audit_events_load_async (self->store, 0, self->cancellable, loaded_cb, g_object_ref (self));
}

/* A task on the store for the window (a reference) that sets *@busy until
 * it is done; NULL without a store or while it runs already. */
static GTask *
start_task (ClrAuditWindow      *self,
            gboolean            *busy,
            GAsyncReadyCallback  callback,
            gpointer             source_tag)
{
  GTask *task;

  if (self->store == NULL || *busy)
    return NULL;
  *busy = TRUE;
  update_actions (self);

  task = g_task_new (self->store, self->cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, source_tag);
  return task;
}

/* ---- verify ---- */

typedef struct
{
  gboolean  intact;
  gint64    checked;
  gint64    bad_id;
  char     *message;
} VerifyResult;

static void
verify_result_free (VerifyResult *result)
{
  g_free (result->message);
  g_free (result);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyResult *result = g_new0 (VerifyResult, 1);
  g_autoptr(GError) error = NULL;

  /* The same check as clearance-cli audit verify. */
  result->intact = clr_store_audit_verify (source_object, &result->checked, &result->bad_id,
                                           &error);
  if (!result->intact)
    result->message = g_strdup (error != NULL ? error->message
                                              : _("The audit trail does not verify"));
  g_task_return_pointer (task, result, (GDestroyNotify) verify_result_free);
}

static void
set_verify_result (ClrAuditWindow *self,
                   gboolean        intact,
                   const char     *text)
{
  gtk_label_set_text (self->verify_label, text);
  gtk_image_set_from_icon_name (self->verify_icon, intact ? "emblem-ok-symbolic"
                                                          : "dialog-warning-symbolic");
  /* Only the icon is coloured: green and red text would not reach 4.5:1. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_icon), intact ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_icon), intact ? "success" : "error");
  gtk_widget_set_visible (self->verify_box, TRUE);
  /* A screen reader says the result without the focus moving there. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verify_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClrAuditWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  VerifyResult *verify;
  g_autofree char *text = NULL;
  gboolean intact = FALSE;

  verify = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->verifying = FALSE;
  update_actions (self);

  if (verify == NULL)
    text = g_strdup (error->message);
  else if (verify->intact)
    {
      intact = TRUE;
      text = g_strdup_printf (ngettext ("Intact: %" PRId64 " entry verified; nothing "
                                        "was altered, removed or inserted.",
                                        "Intact: %" PRId64 " entries verified; nothing "
                                        "was altered, removed or inserted.",
                                        (gulong) verify->checked),
                              verify->checked);
    }
  else if (verify->bad_id > 0)
    /* Translators: the entry number, the reason, and how many entries before it verified. */
    text = g_strdup_printf (ngettext ("Broken at entry %" PRId64 ": %s (%" PRId64
                                      " entry before it verified)",
                                      "Broken at entry %" PRId64 ": %s (%" PRId64
                                      " entries before it verified)", (gulong) verify->checked),
                            verify->bad_id, verify->message, verify->checked);
  else
    /* Translators: %s says what does not match (the chain itself verified). */
    text = g_strdup_printf (_("Does not verify: %s"), verify->message);

  set_verify_result (self, intact, text);
  g_clear_pointer (&verify, verify_result_free);
  g_signal_emit (self, signals[VERIFIED], 0, intact);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrAuditWindow *self = CLR_AUDIT_WINDOW (widget);
  g_autoptr(GTask) task = start_task (self, &self->verifying, verified_cb, verify_action);

  if (task != NULL)
    g_task_run_in_thread (task, verify_thread);
}

/* ---- export ---- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClrAuditFormat format = GPOINTER_TO_INT (task_data);
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  GError *error = NULL;

  /* The same bytes as clearance-cli audit export, replaced atomically. */
  if (!clr_store_audit_export (source_object, format, stream, &error) ||
      !g_output_stream_close (stream, cancellable, &error) ||
      !g_file_replace_contents (file,
                                g_memory_output_stream_get_data (memory),
                                g_memory_output_stream_get_data_size (memory),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClrAuditWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (result), "file");
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *title = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->exporting = FALSE;
  update_actions (self);
  if (ok)
    /* Translators: %s is the file's path. */
    title = g_strdup_printf (_("Audit trail exported to “%s”"), name);
  else
    /* Translators: the file's path, then why. */
    title = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  g_signal_emit (self, signals[EXPORTED], 0, ok);
}

void
clr_audit_window_export (ClrAuditWindow *self,
                         GFile          *file,
                         ClrAuditFormat  format)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLR_IS_AUDIT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = start_task (self, &self->exporting, exported_cb, clr_audit_window_export);
  if (task == NULL)
    return;
  g_task_set_task_data (task, GINT_TO_POINTER (format), NULL);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     ClrAuditWindow  *self)
{
  g_autoptr(GFile) file = clr_file_chooser_get_accepted (dialog, response);
  ClrAuditFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  gtk_native_dialog_hide (dialog);
  if (file != NULL)
    clr_audit_window_export (self, file, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrAuditWindow *self = CLR_AUDIT_WINDOW (widget);
  gboolean json = g_strcmp0 (g_variant_get_string (parameter, NULL), "json") == 0;

  /* A fresh chooser each time: the filter and name follow the format. */
  clr_file_chooser_drop (&self->chooser, self);
  self->chooser = clr_file_chooser_new (widget, json ? _("Export Audit Trail as JSON")
                                                     : _("Export Audit Trail as CSV"),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  clr_file_chooser_add_filter (self->chooser, json ? _("JSON files") : _("CSV files"),
                               json ? "*.json" : "*.csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     json ? "audit-trail.json" : "audit-trail.csv");
  g_object_set_data (G_OBJECT (self->chooser), "format",
                     GINT_TO_POINTER (json ? CLR_AUDIT_FORMAT_JSON : CLR_AUDIT_FORMAT_CSV));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clr_audit_window_reload (CLR_AUDIT_WINDOW (widget));
}

/* ---- rows ---- */

static void
row_activated_cb (ClrAuditWindow *self,
                  guint           position)
{
  g_autoptr(ClrAuditEvent) event = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GVariant) target = NULL;

  if (event == NULL)
    return;
  target = clr_audit_event_get_hit_target (event);
  if (target != NULL)
    g_variant_ref_sink (target);
  if (target == NULL || parent == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This event is not about a screening hit")));
      return;
    }
  gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.review-hit", target);
  gtk_window_present (parent);
}

/* Escape in the party field clears it, and closes the window when it is
 * already empty (the field takes Escape before the window's binding). */
static void
stop_search_cb (ClrAuditWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->party_entry));

  if (text != NULL && *text != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->party_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
decision_changed_cb (ClrAuditWindow *self)
{
  clr_audit_window_reload (self);
}

/* ---- the object ---- */

static void
clr_audit_window_constructed (GObject *object)
{
  ClrAuditWindow *self = CLR_AUDIT_WINDOW (object);

  G_OBJECT_CLASS (clr_audit_window_parent_class)->constructed (object);

  /* Decisions made while the window is open appear in it. */
  if (self->store != NULL)
    g_signal_connect_object (self->store, "review-decided",
                             G_CALLBACK (decision_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  clr_audit_window_reload (self);
}

static void
clr_audit_window_dispose (GObject *object)
{
  ClrAuditWindow *self = CLR_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  clr_file_chooser_drop (&self->chooser, self);
  /* Let go of the main window while it is alive: GTK 4.8 would otherwise
   * disconnect from it at finalize, after it is gone. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLR_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->case_choices);
  g_clear_object (&self->reviewer_choices);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (clr_audit_window_parent_class)->dispose (object);
}

static void
clr_audit_window_finalize (GObject *object)
{
  ClrAuditWindow *self = CLR_AUDIT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_free (self->filter_reviewer);
  g_free (self->filter_party);

  G_OBJECT_CLASS (clr_audit_window_parent_class)->finalize (object);
}

static void
clr_audit_window_class_init (ClrAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clr_audit_window_constructed;
  object_class->dispose = clr_audit_window_dispose;
  object_class->finalize = clr_audit_window_finalize;

  clr_field_props_install (object_class, field_props, G_N_ELEMENTS (field_props), properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[VERIFIED] = g_signal_new ("verified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /* The row template names the item type. */
  g_type_ensure (CLR_TYPE_AUDIT_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/audit/clr-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, case_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, party_entry);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, reviewer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, verify_box);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, verify_label);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClrAuditWindow, error_page);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "audit.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "audit.reload", NULL, reload_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.reload", NULL);
}

static void
clr_audit_window_init (ClrAuditWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->case_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->case_choices = gtk_string_list_new (NULL);
  self->reviewer_choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->case_choices, _("All cases"));
  g_array_set_size (self->case_ids, 1);
  gtk_string_list_append (self->reviewer_choices, _("All reviewers"));
  gtk_drop_down_set_model (self->case_dropdown, G_LIST_MODEL (self->case_choices));
  gtk_drop_down_set_model (self->reviewer_dropdown, G_LIST_MODEL (self->reviewer_choices));

  self->filter = gtk_custom_filter_new (event_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reviewer_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->party_entry, "search-changed", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->party_entry, "stop-search", G_CALLBACK (stop_search_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWindow *
clr_audit_window_new (ClrStore *store)
{
  g_return_val_if_fail (CLR_IS_STORE (store), NULL);

  return g_object_new (CLR_TYPE_AUDIT_WINDOW, "store", store, NULL);
}

GListModel *
clr_audit_window_get_events (ClrAuditWindow *self)
{
  g_return_val_if_fail (CLR_IS_AUDIT_WINDOW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

gboolean
clr_audit_window_select_reviewer (ClrAuditWindow *self,
                                  const char     *reviewer)
{
  guint n;

  g_return_val_if_fail (CLR_IS_AUDIT_WINDOW (self), FALSE);

  if (reviewer == NULL)
    {
      gtk_drop_down_set_selected (self->reviewer_dropdown, 0);
      return TRUE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->reviewer_choices));
  for (guint i = 1; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->reviewer_choices, i), reviewer) == 0)
        {
          gtk_drop_down_set_selected (self->reviewer_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
clr_audit_window_select_case (ClrAuditWindow *self,
                              gint64          case_id)
{
  g_return_val_if_fail (CLR_IS_AUDIT_WINDOW (self), FALSE);

  for (guint i = 0; i < self->case_ids->len; i++)
    {
      if (g_array_index (self->case_ids, gint64, i) == case_id)
        {
          gtk_drop_down_set_selected (self->case_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
clr_audit_window_get_verify_text (ClrAuditWindow *self)
{
  g_return_val_if_fail (CLR_IS_AUDIT_WINDOW (self), NULL);

  return gtk_widget_get_visible (self->verify_box) ? gtk_label_get_text (self->verify_label) : "";
}
