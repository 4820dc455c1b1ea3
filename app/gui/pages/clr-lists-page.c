/* clr-lists-page.c — the Lists page: the screening lists loaded, their sources and freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-a11y.h"
#include "clr-application.h"
#include "clr-match-hit.h"
#include "clr-rescreen.h"
#include "clr-source-updater.h"
#include "clr-store-screening.h"
#include "clr-window.h"
#include "lists/clr-boxed-object.h"
#include "lists/clr-entry-view.h"
#include "clr-lists-tasks.h"

#include "clr-lists-page.h"

/* How many search results are shown at most. */
#define SEARCH_LIMIT 200

struct _ClrListsPage
{
  AdwBin              parent_instance;

  /* template */
  GtkRevealer        *warning_revealer;
  GtkLabel           *warning_label;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *status_label;
  GtkStack           *main_stack;
  GtkStack           *sub_stack;
  GtkLabel           *summary_label;
  GtkListBox         *sources_list;
  GtkDropDown        *changes_source_dropdown;
  GtkDropDown        *changes_kind_dropdown;
  GtkDropDown        *changes_list_dropdown;
  GtkDropDown        *changes_country_dropdown;
  GtkLabel           *changes_summary;
  GtkLabel           *rescreen_label;
  GtkListView        *changes_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *search_list_dropdown;
  GtkDropDown        *search_country_dropdown;
  GtkLabel           *search_status;
  GtkListView        *search_view;

  ClrStore           *store;
  ClrSettings        *settings;
  ClrDownloader      *downloader;
  ClrMatcher         *matcher;
  GPtrArray          *sources;         /* ClrSourceStatus * */
  char               *attention_text;

  GCancellable       *cancellable;     /* page lifetime: loads */
  GCancellable       *op_cancellable;  /* the running import/update */
  GCancellable       *search_cancellable;
  GQueue              update_queue;    /* char * source ids still to update */
  GString            *op_report;       /* what the running operation did */
  guint               op_updated;      /* versions that changed in this operation */
  gboolean            op_failed;

  GListStore         *changes;
  GtkCustomFilter    *changes_filter;
  GtkFilterListModel *changes_filtered;
  GtkStringList      *changes_source_model;
  GtkStringList      *changes_list_model;
  GtkStringList      *changes_country_model;
  char               *changes_source;  /* the source shown */

  GListStore         *results;
  GtkCustomFilter    *results_filter;
  GtkFilterListModel *results_filtered;
  GtkStringList      *search_list_model;
  GtkStringList      *search_country_model;
  char               *pending_search;

  guint               refilling : 1;
  guint               matcher_loading : 1;
};

G_DEFINE_FINAL_TYPE (ClrListsPage, clr_lists_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_NEEDS_ATTENTION,
  PROP_ATTENTION_TEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SOURCES_LOADED,
  SIGNAL_OPERATION_FINISHED,
  SIGNAL_CHANGES_LOADED,
  SIGNAL_SEARCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_next (ClrListsPage *self);
static void run_search (ClrListsPage *self);
static void import_path (ClrListsPage *self, const char *path, gboolean force);
static void load_changes (ClrListsPage *self, const char *source);

static guint
stale_days (ClrListsPage *self)
{
  return self->settings != NULL ? clr_settings_get_list_staleness_days (self->settings)
                                : CLR_SOURCE_DEFAULT_STALE_DAYS;
}

static char *
format_count (guint64 n)
{
  /* Digit grouping from the locale ("25,921"). */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup (_("never"));
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
source_label (const ClrListSource *source)
{
  return source->label != NULL ? source->label : source->id;
}

static void
show_message (ClrListsPage *self,
              const char   *text,
              gboolean      is_error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CLR_TYPE_WINDOW);

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && text[0] != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");

  if (window != NULL && text != NULL && text[0] != '\0')
    {
      AdwToast *toast = adw_toast_new (is_error ? _("The lists were not updated — see the Lists page")
                                                : _("Lists updated"));

      clr_window_add_toast (CLR_WINDOW (window), toast);
    }
}

/* ---- busy state and actions ------------------------------------------ */

static void
update_actions (ClrListsPage *self)
{
  gboolean busy = self->op_cancellable != NULL;
  gboolean ready = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.import", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.update-all", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.update", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.add-source", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.cancel", busy);
}

static void
begin_operation (ClrListsPage *self,
                 const char   *what)
{
  g_assert (self->op_cancellable == NULL);

  self->op_cancellable = g_cancellable_new ();
  self->op_updated = 0;
  self->op_failed = FALSE;
  g_string_truncate (self->op_report, 0);
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  show_message (self, NULL, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
end_operation (ClrListsPage *self)
{
  g_autofree char *message = g_strdup (self->op_report->str);
  gboolean ok = !self->op_failed;

  g_clear_object (&self->op_cancellable);
  g_queue_clear_full (&self->update_queue, g_free);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  show_message (self, message, !ok);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  clr_lists_page_reload (self);
  if (self->op_updated > 0 && self->changes_source != NULL)
    load_changes (self, self->changes_source);
  g_signal_emit (self, signals[SIGNAL_OPERATION_FINISHED], 0, ok, message);
}

static void
report_line (ClrListsPage *self,
             const char   *line)
{
  if (self->op_report->len > 0)
    g_string_append_c (self->op_report, '\n');
  g_string_append (self->op_report, line);
}

static void
set_progress (ClrListsPage *self,
              guint64       done,
              guint64       total)
{
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

/* ---- re-screening after a change --------------------------------------- */

static void
rescreen_progress_cb (guint       done,
                      guint       total,
                      const char *what,
                      gpointer    user_data)
{
  ClrListsPage *self = user_data;

  set_progress (self, done, total);
}

static void
rescreen_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) summary = NULL;

  summary = clr_rescreen_run_finish (CLR_STORE (object), result, &error);
  if (summary == NULL)
    {
      g_autofree char *line = NULL;

      /* Translators: %s is the reason. */
      line = g_strdup_printf (_("Your parties were not re-screened: %s"), error->message);
      report_line (self, line);
      self->op_failed = TRUE;
    }
  else
    {
      g_autofree char *text = clr_rescreen_summary_to_string (summary);
      g_autofree char *line = NULL;

      /* Translators: %s says what a list update changed for the user's parties. */
      line = g_strdup_printf (_("For your parties: %s"), text);
      report_line (self, line);
      gtk_label_set_text (self->rescreen_label, line);
      gtk_widget_set_visible (GTK_WIDGET (self->rescreen_label), TRUE);
    }

  end_operation (self);
}

static void
finish_or_rescreen (ClrListsPage *self)
{
  if (self->op_updated == 0 || self->store == NULL)
    {
      end_operation (self);
      return;
    }

  /* New entries may concern parties already screened: re-screen them. */
  g_clear_object (&self->matcher);
  gtk_label_set_text (self->progress_label, _("Re-screening your parties against what changed…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  clr_rescreen_run_async (self->store, rescreen_progress_cb, self, NULL,
                          self->op_cancellable, rescreen_done_cb, g_object_ref (self));
}

/* ---- import ------------------------------------------------------------ */

static void
import_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  set_progress (user_data, done, total);
}

typedef struct
{
  ClrListsPage *self;
  char         *path;
} ImportData;

static void
sanity_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImportData       *data)
{
  if (g_strcmp0 (response, "import") == 0 && data->self->op_cancellable == NULL)
    import_path (data->self, data->path, TRUE);

  g_object_unref (data->self);
  g_free (data->path);
  g_free (data);
}

static void
ask_force (ClrListsPage *self,
           const char   *path,
           const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  ImportData *data;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The New List Is Much Smaller"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Current Version"),
                                    "import", _("_Import Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (sanity_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(ClrListsPage) self = data->self;
  g_autofree char *path = data->path;
  g_autoptr(GError) error = NULL;
  g_auto(ClrListImportResult) import = { 0 };
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *line = NULL;

  g_free (data);
  clr_list_import_result_init (&import);

  if (!clr_store_import_list_file_finish (CLR_STORE (object), result, &import, &error))
    {
      self->op_failed = TRUE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is a file name. */
        line = g_strdup_printf (_("Import of “%s” cancelled: the lists are as they were."), basename);
      else
        /* Translators: the first %s is a file name, the second the reason. */
        line = g_strdup_printf (_("“%s” was not imported, the lists are as they were: %s"),
                                basename, error->message);
      report_line (self, line);

      if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SANITY))
        ask_force (self, path, error);
    }
  else if (import.unchanged)
    {
      /* Translators: %s is a file name. */
      line = g_strdup_printf (_("“%s” is already the current version: nothing changed."), basename);
      report_line (self, line);
    }
  else
    {
      g_autofree char *records = format_count (import.records);
      g_autofree char *names = format_count (import.names);

      self->op_updated++;
      /* Translators: file name, source id, counts of records and names, then changes. */
      line = g_strdup_printf (_("Imported “%s” as %s: %s records, %s names (%" PRIu64 " added, %"
                                PRIu64 " removed, %" PRIu64 " changed)."),
                              basename, import.source, records, names,
                              import.added, import.removed, import.changed);
      report_line (self, line);
      g_free (self->changes_source);
      self->changes_source = g_strdup (import.source);
    }

  finish_or_rescreen (self);
}

static void
import_path (ClrListsPage *self,
             const char   *path,
             gboolean      force)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *what = NULL;
  ImportData *data;

  if (self->store == NULL || self->op_cancellable != NULL)
    return;

  /* Translators: %s is a file name. */
  what = g_strdup_printf (_("Importing “%s”…"), basename);
  begin_operation (self, what);

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  clr_store_import_list_file_async (self->store, path, CLR_LIST_FORMAT_AUTO, NULL, force,
                                    import_progress_cb, self, NULL, self->op_cancellable,
                                    import_done_cb, data);
}

void
clr_lists_page_import_file (ClrListsPage *self,
                            GFile        *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CLR_IS_LISTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file address. */
      message = g_strdup_printf (_("“%s” is not a local file and cannot be imported."), uri);
      show_message (self, message, TRUE);
      return;
    }

  if (self->op_cancellable != NULL)
    {
      show_message (self, _("Wait for the running import or download to finish, or cancel it."), TRUE);
      return;
    }

  import_path (self, path, FALSE);
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          ClrListsPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        clr_lists_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrListsPage *self = CLR_LISTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  /* GtkFileChooserNative goes through the file chooser portal in a sandbox
   * (GtkFileDialog needs GTK 4.10). */
  chooser = gtk_file_chooser_native_new (_("Import a List File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (lists, _("List files (CSV, JSON, XML, TXT)"));
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_filter_add_suffix (lists, "json");
  gtk_file_filter_add_suffix (lists, "xml");
  gtk_file_filter_add_suffix (lists, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  {
    g_autoptr(GFile) folder = clr_application_dup_dialog_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }

  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ClrListsPage  *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      if (files->next != NULL)
        show_message (self, _("Drop one list file at a time: only the first was imported."), FALSE);
      file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;

  clr_lists_page_import_file (self, file);
  return TRUE;
}

/* ---- download ------------------------------------------------------------ */

static void
update_progress_cb (ClrUpdatePhase phase,
                    guint64        done,
                    guint64        total,
                    gpointer       user_data)
{
  ClrListsPage *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (self), "clr-updating");

  if (phase == CLR_UPDATE_PHASE_DOWNLOAD)
    {
      g_autofree char *size = g_format_size (done);
      g_autofree char *text = NULL;

      if (total > 0)
        {
          g_autofree char *of = g_format_size (total);
          /* Translators: source id, bytes so far, bytes in all. */
          text = g_strdup_printf (_("Downloading %s… %s of %s"), id, size, of);
        }
      else
        /* Translators: source id, bytes so far. */
        text = g_strdup_printf (_("Downloading %s… %s"), id, size);
      gtk_label_set_text (self->progress_label, text);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a source id. */
      text = g_strdup_printf (_("Checking and importing %s…"), id);
      gtk_label_set_text (self->progress_label, text);
    }
  set_progress (self, done, total);
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(ClrSourceUpdateResult) update = { 0 };
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (self), "clr-updating"));
  g_autofree char *line = NULL;

  clr_source_update_result_init (&update);
  if (!clr_source_update_finish (CLR_STORE (object), result, &update, &error))
    {
      self->op_failed = TRUE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a source id. */
          line = g_strdup_printf (_("%s: download cancelled, the current version stays."), id);
          report_line (self, line);
          g_queue_clear_full (&self->update_queue, g_free);
          finish_or_rescreen (self);
          return;
        }
      /* Translators: source id, then the reason. */
      line = g_strdup_printf (_("%s: not updated, the current version stays: %s"), id, error->message);
    }
  else if (update.outcome == CLR_SOURCE_UPDATE_UNCHANGED)
    {
      /* Translators: %s is a source id. */
      line = g_strdup_printf (update.not_modified ? _("%s: unchanged since the last download.")
                                                  : _("%s: the downloaded file is the current version."),
                              id);
    }
  else
    {
      g_autofree char *records = format_count (update.import.records);
      g_autofree char *names = format_count (update.import.names);

      self->op_updated++;
      g_free (self->changes_source);
      self->changes_source = g_strdup (id);
      /* Translators: source id, records, names, and the counts of changes. */
      line = g_strdup_printf (_("%s: updated to %s records, %s names (%" PRIu64 " added, %"
                                PRIu64 " removed, %" PRIu64 " changed)."),
                              id, records, names, update.import.added, update.import.removed,
                              update.import.changed);
    }
  report_line (self, line);
  update_next (self);
}

static void
update_next (ClrListsPage *self)
{
  g_autofree char *id = g_queue_pop_head (&self->update_queue);
  g_autofree char *what = NULL;

  if (id == NULL)
    {
      finish_or_rescreen (self);
      return;
    }

  if (self->downloader == NULL)
    self->downloader = clr_downloader_new ();
  /* Plain http only for a trusted intranet mirror, when the app runs with
   * CLEARANCE_ALLOW_HTTP=1 (the CLI's --allow-http); each update of a
   * source has the CLI's overall deadline. */
  clr_downloader_set_allow_http (self->downloader, g_strcmp0 (g_getenv ("CLEARANCE_ALLOW_HTTP"), "1") == 0);
  clr_downloader_set_deadline (self->downloader, CLR_DOWNLOADER_DEFAULT_DEADLINE);

  g_object_set_data_full (G_OBJECT (self), "clr-updating", g_strdup (id), g_free);
  /* Translators: %s is a source id. */
  what = g_strdup_printf (_("Downloading %s…"), id);
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  clr_source_update_async (self->store, self->downloader, id, NULL, FALSE,
                           update_progress_cb, self, NULL, self->op_cancellable,
                           update_done_cb, g_object_ref (self));
}

void
clr_lists_page_update (ClrListsPage *self,
                       const char   *source)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->op_cancellable != NULL)
    {
      show_message (self, _("Wait for the running import or download to finish, or cancel it."), TRUE);
      return;
    }

  if (source != NULL)
    {
      g_queue_push_tail (&self->update_queue, g_strdup (source));
    }
  else
    {
      for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
        {
          ClrSourceStatus *status = g_ptr_array_index (self->sources, i);

          if (status->source->enabled && status->source->url != NULL)
            g_queue_push_tail (&self->update_queue, g_strdup (status->source->id));
        }
    }

  if (g_queue_is_empty (&self->update_queue))
    {
      show_message (self, _("No enabled source has a download address: import a list file instead."), TRUE);
      return;
    }

  begin_operation (self, _("Downloading…"));
  update_next (self);
}

static void
update_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  clr_lists_page_update (CLR_LISTS_PAGE (widget), NULL);
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clr_lists_page_update (CLR_LISTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
clr_lists_page_cancel (ClrListsPage *self)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  g_queue_clear_full (&self->update_queue, g_free);
  if (self->op_cancellable != NULL)
    g_cancellable_cancel (self->op_cancellable);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clr_lists_page_cancel (CLR_LISTS_PAGE (widget));
}

/* ---- sources --------------------------------------------------------------- */

static void
enabled_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_lists_write_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The source was not changed: %s"), error->message);
      show_message (self, message, TRUE);
    }

  /* A disabled source is not screened: rebuild the search index. */
  g_clear_object (&self->matcher);
  clr_lists_page_reload (self);
}

static gboolean
enabled_switch_cb (GtkSwitch    *sw,
                   gboolean      state,
                   ClrListsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (sw), "clr-source");

  if (self->store != NULL && id != NULL)
    clr_lists_set_enabled_async (self->store, id, state, enabled_written_cb, g_object_ref (self));
  return FALSE;
}

static GtkWidget *
detail_row (const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static const char *
freshness_label (ClrSourceFreshness freshness,
                 const char       **css_class)
{
  switch (freshness)
    {
    case CLR_SOURCE_FRESHNESS_CURRENT:
      *css_class = "success";
      return _("Current");
    case CLR_SOURCE_FRESHNESS_STALE:
      *css_class = "warning";
      return _("Stale");
    case CLR_SOURCE_FRESHNESS_NEVER_LOADED:
    default:
      *css_class = "error";
      return _("Never loaded");
    }
}

static GtkWidget *
source_row (ClrListsPage    *self,
            GPtrArray       *statuses,
            ClrSourceStatus *status)
{
  ClrListSource *source = status->source;
  ClrListVersion *version = status->version;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge;
  GtkWidget *sw;
  const char *css_class;
  const char *fresh = freshness_label (status->freshness, &css_class);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source_label (source));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (version != NULL)
    {
      g_autofree char *records = format_count (version->records);
      g_autofree char *names = format_count (version->names);

      /* Translators: freshness, version date, number of records, number of names. */
      subtitle = g_strdup_printf (_("%s · version of %s · %s records · %s names"), fresh,
                                  version->publication_date != NULL ? version->publication_date
                                                                    : _("unknown date"),
                                  records, names);
    }
  else
    {
      const ClrSourceStatus *cover = clr_lists_covered_by (statuses, status);

      if (source->enabled && cover != NULL)
        /* Translators: %s is the source whose lists include this one's, e.g. the
         * Consolidated Screening List. */
        subtitle = g_strdup_printf (_("Never loaded · its entries are in %s"), source_label (cover->source));
      else
        subtitle = g_strdup (source->enabled ? _("Never loaded") : _("Never loaded · disabled"));
    }
  if (version != NULL && version->fetched_without_tls)
    {
      g_autofree char *marked = g_strdup_printf ("%s · %s", subtitle, _("fetched without TLS"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&marked);
    }
  if (version != NULL && !source->enabled)
    {
      g_autofree char *with_state = g_strdup_printf ("%s · %s", subtitle, _("disabled"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_state);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* Actions are packed from the end: switch, then update button, then badge. */
  sw = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (sw), source->enabled);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  /* Translators: %s is a list source's name. */
  accessible = g_strdup_printf (_("Screen against %s"), source_label (source));
  gtk_widget_set_tooltip_text (sw, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (sw), "clr-source", g_strdup (source->id), g_free);
  g_signal_connect_object (sw, "state-set", G_CALLBACK (enabled_switch_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), sw);

  if (source->url != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is a list source's name. */
      label = g_strdup_printf (_("Download the latest %s"), source_label (source));
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lists.update");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", source->id);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }


  badge = gtk_label_new (fresh);
  gtk_widget_add_css_class (badge, "clr-badge");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);


  if (version != NULL)
    {
      g_autofree char *imported = format_time (version->imported_at);
      g_autoptr(GString) counts = g_string_new (NULL);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (_("Version date"), version->publication_date != NULL
                                                               ? version->publication_date
                                                               : _("The file states no date")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Imported"), imported));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("File"), version->file_name));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("SHA-256"), version->sha256));
      if (version->fetched_without_tls)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  detail_row (_("Transport"),
                                              _("Fetched without TLS (plain http): the file was not "
                                                "protected on the way")));
      for (guint i = 0; version->counts != NULL && i < version->counts->len; i++)
        {
          ClrListCount *count = g_ptr_array_index (version->counts, i);
          g_autofree char *records = format_count (count->records);
          g_autofree char *names = format_count (count->names);

          if (counts->len > 0)
            g_string_append_c (counts, '\n');
          /* Translators: list code, records, names. */
          g_string_append_printf (counts, _("%s: %s records, %s names"), count->list_code, records, names);
        }
      if (counts->len > 0)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("By list"), counts->str));
      if (version->warnings != NULL && version->warnings->len > 0)
        {
          g_autofree char *n = g_strdup_printf ("%u", version->warnings->len);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Data warnings"), n));
        }
    }

  if (source->url != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Download address"), source->url));
  if (source->last_checked != NULL)
    {
      g_autofree char *checked = format_time (source->last_checked);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Last checked"), checked));
    }
  if (source->last_error != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Last attempt failed"), source->last_error));

  return row;
}

static void
set_attention (ClrListsPage *self,
               gboolean      attention,
               const char   *text)
{
  GtkWidget *parent;

  if (g_strcmp0 (self->attention_text, text) != 0)
    {
      g_free (self->attention_text);
      self->attention_text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
    }

  gtk_label_set_text (self->warning_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->warning_revealer, attention);

  /* The view switcher in the header bar shows a dot on the Lists tab. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  while (parent != NULL && !ADW_IS_VIEW_STACK (parent))
    parent = gtk_widget_get_parent (parent);
  if (parent != NULL)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (parent), GTK_WIDGET (self));

      if (page != NULL)
        adw_view_stack_page_set_needs_attention (page, attention);
    }
}

static void
refill_string_list (ClrListsPage  *self,
                    GtkDropDown   *dropdown,
                    GtkStringList *model,
                    const char    *all_label,
                    GPtrArray     *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *current = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_selected = 0;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < n)
    current = g_strdup (gtk_string_list_get_string (model, selected));

  g_ptr_array_add (strings, (gpointer) all_label);
  for (guint i = 0; i < values->len; i++)
    {
      g_ptr_array_add (strings, g_ptr_array_index (values, i));
      if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
        new_selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  self->refilling = TRUE;
  gtk_string_list_splice (model, 0, n, (const char * const *) strings->pdata);
  gtk_drop_down_set_selected (dropdown, new_selected);
  self->refilling = FALSE;
}

static void
sources_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClrListsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) with_diff = NULL;
  g_autofree char *attention = NULL;
  GtkWidget *child;
  guint loaded = 0, enabled = 0;
  guint64 records = 0;

  statuses = clr_lists_load_sources_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (statuses == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The list sources could not be read: %s"), error->message);
      show_message (self, message, TRUE);
      return;
    }

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_ptr_array_ref (statuses);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);

  with_diff = g_ptr_array_new ();
  for (guint i = 0; i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);

      gtk_list_box_append (self->sources_list, source_row (self, statuses, status));
      if (status->source->enabled)
        enabled++;
      if (status->version != NULL)
        {
          loaded++;
          if (status->source->enabled)
            records += status->version->records;
          g_ptr_array_add (with_diff, status->source->id);
        }
    }

  {
    g_autofree char *count = format_count (records);
    g_autofree char *summary = NULL;

    /* Translators: loaded sources, enabled sources, records screened against. */
    summary = g_strdup_printf (ngettext ("%u of %u enabled source loaded · %s records screened against",
                                         "%u of %u enabled sources loaded · %s records screened against",
                                         enabled),
                               loaded, enabled, count);
    gtk_label_set_text (self->summary_label, summary);
  }

  gtk_stack_set_visible_child_name (self->main_stack, loaded > 0 ? "lists" : "empty");
  {
    gboolean needs = clr_lists_needs_attention (statuses, stale_days (self), &attention);

    set_attention (self, needs, attention);
  }

  /* What changed: the sources that have a version. */
  refill_string_list (self, self->changes_source_dropdown, self->changes_source_model,
                      _("Choose a source"), with_diff);
  if (self->changes_source != NULL)
    {
      for (guint i = 0; i < with_diff->len; i++)
        if (g_strcmp0 (g_ptr_array_index (with_diff, i), self->changes_source) == 0)
          gtk_drop_down_set_selected (self->changes_source_dropdown, i + 1);
    }
  else if (with_diff->len > 0 && gtk_drop_down_get_selected (self->changes_source_dropdown) == 0)
    {
      gtk_drop_down_set_selected (self->changes_source_dropdown, 1);
    }

  g_signal_emit (self, signals[SIGNAL_SOURCES_LOADED], 0);
}

void
clr_lists_page_reload (ClrListsPage *self)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  if (self->store == NULL)
    return;

  clr_lists_load_sources_async (self->store, stale_days (self), self->cancellable,
                                sources_loaded_cb, self);
}

/* ---- adding a custom source ------------------------------------------------ */

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_lists_write_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The source was not added: %s"), error->message);
      show_message (self, message, TRUE);
      return;
    }

  show_message (self, _("Source added. Download it, or import a file in the Consolidated Screening List layout."), FALSE);
  clr_lists_page_reload (self);
}

static void
add_source_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ClrListsPage     *self)
{
  if (g_strcmp0 (response, "add") == 0 && self->store != NULL)
    {
      GtkEditable *id = g_object_get_data (G_OBJECT (dialog), "clr-id");
      GtkEditable *label = g_object_get_data (G_OBJECT (dialog), "clr-label");
      GtkEditable *url = g_object_get_data (G_OBJECT (dialog), "clr-url");
      const char *url_text = gtk_editable_get_text (url);

      clr_lists_add_source_async (self->store, gtk_editable_get_text (id),
                                  gtk_editable_get_text (label),
                                  url_text[0] != '\0' ? url_text : NULL,
                                  source_added_cb, g_object_ref (self));
    }
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClrListsPage *self = CLR_LISTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *group = gtk_list_box_new ();
  GtkWidget *id = entry_row (_("Short ID (a–z, 0–9, -)"));
  GtkWidget *label = entry_row (_("Name"));
  GtkWidget *url = entry_row (_("Download address (optional)"));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add a List Source"),
                                   _("Your own restricted-party list, as CSV in the layout of the "
                                     "Consolidated Screening List. Without an address, import its "
                                     "file instead."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (group), id);
  gtk_list_box_append (GTK_LIST_BOX (group), label);
  gtk_list_box_append (GTK_LIST_BOX (group), url);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "clr-id", id);
  g_object_set_data (G_OBJECT (dialog), "clr-label", label);
  g_object_set_data (G_OBJECT (dialog), "clr-url", url);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_source_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- one entry, in its own window ------------------------------------------ */

static void
present_entry (ClrListsPage   *self,
               const ClrEntry *entry,
               const char     *note)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *view = clr_entry_view_new ();

  gtk_window_set_title (GTK_WINDOW (window), entry->name != NULL ? entry->name : _("Listed Entry"));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  clr_a11y_close_on_escape (GTK_WINDOW (window));

  gtk_box_append (GTK_BOX (box), header);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  if (note != NULL)
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "entry-note", -1);
      gtk_box_append (GTK_BOX (content), label);
    }
  clr_entry_view_set_entry (CLR_ENTRY_VIEW (view), entry, NULL);
  gtk_box_append (GTK_BOX (content), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  ClrStore *store;
  gint64    entry_id;
} EntryLoad;

static void
entry_load_free (EntryLoad *load)
{
  g_clear_object (&load->store);
  g_free (load);
}

static void
entry_load_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EntryLoad *load = task_data;
  GError *error = NULL;
  ClrEntry *entry = clr_store_get_entry (load->store, load->entry_id, &error);

  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) clr_entry_unref);
}

static void
entry_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);
  g_autofree char *note = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrEntry) entry = g_task_propagate_pointer (G_TASK (result), &error);

  if (entry == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is the reason. */
          message = g_strdup_printf (_("The entry could not be read: %s"), error->message);
          show_message (self, message, TRUE);
        }
      return;
    }

  present_entry (self, entry, note);
}

static void
change_activate_cb (ClrListsPage *self,
                    guint         position)
{
  g_autoptr(ClrBoxedObject) object = g_list_model_get_item (G_LIST_MODEL (self->changes_filtered), position);
  ClrListChange *change;
  g_autoptr(GTask) task = NULL;
  EntryLoad *load;
  char *note = NULL;

  if (object == NULL || self->store == NULL)
    return;
  change = clr_boxed_object_get (object);

  if (change->kind == CLR_LIST_CHANGE_CHANGED && change->fields != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", change->fields);
      /* Translators: %s is a list of field names. */
      note = g_strdup_printf (_("Changed in this update: %s"), fields);
    }
  else if (change->kind == CLR_LIST_CHANGE_REMOVED)
    note = g_strdup (_("Removed in this update. This is the entry as it was listed before."));
  else
    note = g_strdup (_("Added in this update."));

  task = g_task_new (self, self->cancellable, entry_loaded_cb, note);
  load = g_new0 (EntryLoad, 1);
  load->store = g_object_ref (self->store);
  load->entry_id = change->new_entry_id != 0 ? change->new_entry_id : change->old_entry_id;
  g_task_set_task_data (task, load, (GDestroyNotify) entry_load_free);
  g_task_run_in_thread (task, entry_load_thread);
}

/* ---- what changed ------------------------------------------------------------ */

static const char *
kind_label (ClrListChangeKind kind)
{
  switch (kind)
    {
    case CLR_LIST_CHANGE_ADDED:
      return _("Added");
    case CLR_LIST_CHANGE_REMOVED:
      return _("Removed");
    case CLR_LIST_CHANGE_CHANGED:
    default:
      return _("Changed");
    }
}

static gboolean
strv_has (GStrv       strv,
          const char *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

static const char *
selected_string (GtkDropDown   *dropdown,
                 GtkStringList *model)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return NULL;
  return gtk_string_list_get_string (model, selected);
}

static gboolean
change_filter_func (gpointer object,
                    gpointer user_data)
{
  ClrListsPage *self = user_data;
  ClrListChange *change = clr_boxed_object_get (object);
  guint kind = gtk_drop_down_get_selected (self->changes_kind_dropdown);
  const char *list = selected_string (self->changes_list_dropdown, self->changes_list_model);
  const char *country = selected_string (self->changes_country_dropdown, self->changes_country_model);

  /* Kind dropdown: 0 all, then added, removed, changed. */
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION && (guint) change->kind != kind - 1)
    return FALSE;
  if (list != NULL && g_strcmp0 (change->list_code, list) != 0)
    return FALSE;
  if (country != NULL && !strv_has (change->countries, country))
    return FALSE;
  return TRUE;
}

static void
update_changes_summary (ClrListsPage *self)
{
  guint counts[3] = { 0, 0, 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes_filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  g_autofree char *text = NULL;

  if (self->changes_source == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrBoxedObject) object = g_list_model_get_item (G_LIST_MODEL (self->changes_filtered), i);
      ClrListChange *change = clr_boxed_object_get (object);

      if ((guint) change->kind < G_N_ELEMENTS (counts))
        counts[change->kind]++;
    }

  /* Translators: counts of added, removed and changed entries, then the shown and total changes. */
  text = g_strdup_printf (_("%u added · %u removed · %u changed (%u of %u changes shown)"),
                          counts[CLR_LIST_CHANGE_ADDED], counts[CLR_LIST_CHANGE_REMOVED],
                          counts[CLR_LIST_CHANGE_CHANGED], n, total);
  gtk_label_set_text (self->changes_summary, text);
}

static void
changes_filter_changed_cb (ClrListsPage *self)
{
  if (self->refilling)
    return;
  gtk_filter_changed (GTK_FILTER (self->changes_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_changes_summary (self);
}

static void
collect_distinct (GHashTable *seen,
                  GPtrArray  *out,
                  const char *value)
{
  if (value != NULL && value[0] != '\0' && g_hash_table_add (seen, (gpointer) value))
    g_ptr_array_add (out, (gpointer) value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
changes_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClrListsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = clr_lists_diff_latest_finish (result, &error);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen_lists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      ClrListChange *change = g_ptr_array_index (changes, i);

      g_ptr_array_add (objects, clr_boxed_object_new (CLR_TYPE_LIST_CHANGE, change));
    }
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                       objects->pdata, objects->len);

  /* The objects own copies: collect filter values from them. */
  for (guint i = 0; i < objects->len; i++)
    {
      ClrListChange *change = clr_boxed_object_get (g_ptr_array_index (objects, i));

      collect_distinct (seen_lists, lists, change->list_code);
      for (guint j = 0; change->countries != NULL && change->countries[j] != NULL; j++)
        collect_distinct (seen_countries, countries, change->countries[j]);
    }
  g_ptr_array_sort (lists, compare_strings);
  g_ptr_array_sort (countries, compare_strings);
  refill_string_list (self, self->changes_list_dropdown, self->changes_list_model, _("All lists"), lists);
  refill_string_list (self, self->changes_country_dropdown, self->changes_country_model,
                      _("All countries"), countries);
  gtk_filter_changed (GTK_FILTER (self->changes_filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (changes == NULL)
    {
      if (g_error_matches (error, CLR_STORE_ERROR, CLR_STORE_ERROR_NOT_FOUND))
        /* Translators: %s is a source id. */
        {
          g_autofree char *text = g_strdup_printf (_("%s has been loaded once only: there is no earlier version to compare with."),
                                                   self->changes_source);
          gtk_label_set_text (self->changes_summary, text);
        }
      else
        {
          g_autofree char *text = g_strdup_printf (_("What changed could not be read: %s"), error->message);
          gtk_label_set_text (self->changes_summary, text);
        }
    }
  else
    {
      update_changes_summary (self);
    }

  g_signal_emit (self, signals[SIGNAL_CHANGES_LOADED], 0);
}

static void
load_changes (ClrListsPage *self,
              const char   *source)
{
  if (source != self->changes_source)
    {
      g_free (self->changes_source);
      self->changes_source = g_strdup (source);
    }
  if (self->store == NULL || source == NULL)
    {
      g_list_store_remove_all (self->changes);
      gtk_label_set_text (self->changes_summary, _("Choose a source to see what its latest update changed."));
      return;
    }

  gtk_label_set_text (self->changes_summary, _("Comparing with the previous version…"));
  clr_lists_diff_latest_async (self->store, source, self->cancellable, changes_loaded_cb, self);
}

void
clr_lists_page_show_changes (ClrListsPage *self,
                             const char   *source)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
  gtk_stack_set_visible_child_name (self->sub_stack, "changes");
  load_changes (self, source);
}

static void
changes_source_changed_cb (ClrListsPage *self)
{
  const char *source;

  if (self->refilling)
    return;
  source = selected_string (self->changes_source_dropdown, self->changes_source_model);
  if (source != NULL || self->changes_source != NULL)
    load_changes (self, source);
}

void
clr_lists_page_filter_changes (ClrListsPage *self,
                               int           kind,
                               const char   *list_code,
                               const char   *country)
{
  guint n;

  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  gtk_drop_down_set_selected (self->changes_kind_dropdown, kind < 0 ? 0 : (guint) kind + 1);
  gtk_drop_down_set_selected (self->changes_list_dropdown, 0);
  gtk_drop_down_set_selected (self->changes_country_dropdown, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes_list_model));
  for (guint i = 1; list_code != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->changes_list_model, i), list_code) == 0)
      gtk_drop_down_set_selected (self->changes_list_dropdown, i);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes_country_model));
  for (guint i = 1; country != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->changes_country_model, i), country) == 0)
      gtk_drop_down_set_selected (self->changes_country_dropdown, i);
  changes_filter_changed_cb (self);
}

static void
change_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "clr-badge");
  gtk_widget_add_css_class (title, "clr-name");  /* Chinese names in the SC face (style.css) */
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (badge), 9);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "clr-name");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
change_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  ClrListChange *change = clr_boxed_object_get (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *badge = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (badge);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autoptr(GString) sub = g_string_new (change->list_code);
  static const char *classes[] = { "success", "error", "warning" };

  gtk_label_set_text (GTK_LABEL (badge), kind_label (change->kind));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);
  if ((guint) change->kind < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (badge, classes[change->kind]);

  gtk_label_set_text (GTK_LABEL (title), change->name != NULL ? change->name : change->key);
  if (change->countries != NULL && change->countries[0] != NULL)
    {
      g_autofree char *countries = g_strjoinv (", ", change->countries);
      g_string_append_printf (sub, " · %s", countries);
    }
  if (change->fields != NULL && change->fields[0] != NULL)
    {
      g_autofree char *fields = g_strjoinv (", ", change->fields);
      /* Translators: %s is a list of field names. */
      g_string_append (sub, " · ");
      g_string_append_printf (sub, _("changed: %s"), fields);
    }
  gtk_label_set_text (GTK_LABEL (subtitle), sub->str);
}

/* ---- search --------------------------------------------------------------------- */

static gboolean
result_filter_func (gpointer object,
                    gpointer user_data)
{
  ClrListsPage *self = user_data;
  ClrHit *hit = clr_boxed_object_get (object);
  const char *list = selected_string (self->search_list_dropdown, self->search_list_model);
  const char *country = selected_string (self->search_country_dropdown, self->search_country_model);

  if (list != NULL && g_strcmp0 (hit->entry->list_code, list) != 0)
    return FALSE;
  if (country != NULL
      && !g_ptr_array_find_with_equal_func (hit->entry->countries, country, g_str_equal, NULL))
    return FALSE;
  return TRUE;
}

static void
update_search_status (ClrListsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->results_filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;

  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    {
      gtk_label_set_text (self->search_status,
                          _("Type a name: the lists are searched with the same matcher as screening, "
                            "so spelling variants, legal forms and word order are found too."));
      return;
    }

  /* Translators: shown and found results. */
  text = g_strdup_printf (ngettext ("%u of %u entry found", "%u of %u entries found", total), shown, total);
  gtk_label_set_text (self->search_status, text);
}

static void
results_filter_changed_cb (ClrListsPage *self)
{
  if (self->refilling)
    return;
  gtk_filter_changed (GTK_FILTER (self->results_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_search_status (self);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClrListsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = clr_lists_search_finish (result, &error);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen_lists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();

  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->search_status, error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      ClrHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (objects, clr_boxed_object_new_take (CLR_TYPE_HIT, clr_hit_ref (hit)));
      collect_distinct (seen_lists, lists, hit->entry->list_code);
      for (guint j = 0; hit->entry->countries != NULL && j < hit->entry->countries->len; j++)
        collect_distinct (seen_countries, countries, g_ptr_array_index (hit->entry->countries, j));
    }
  g_ptr_array_sort (lists, compare_strings);
  g_ptr_array_sort (countries, compare_strings);
  refill_string_list (self, self->search_list_dropdown, self->search_list_model, _("All lists"), lists);
  refill_string_list (self, self->search_country_dropdown, self->search_country_model,
                      _("All countries"), countries);

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       objects->pdata, objects->len);
  gtk_filter_changed (GTK_FILTER (self->results_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_search_status (self);
  g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
}

static void
matcher_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher_finish (CLR_STORE (object), result, &error);

  self->matcher_loading = FALSE;
  if (matcher == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->search_status, error->message);
      return;
    }
  g_set_object (&self->matcher, matcher);
  run_search (self);
}

static void
run_search (ClrListsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  double threshold;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (text[0] == '\0' || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      update_search_status (self);
      return;
    }

  if (self->matcher == NULL)
    {
      gtk_label_set_text (self->search_status, _("Preparing the search index…"));
      if (!self->matcher_loading)
        {
          self->matcher_loading = TRUE;
          clr_store_load_matcher_async (self->store, self->cancellable, matcher_loaded_cb,
                                        g_object_ref (self));
        }
      return;
    }

  if (clr_matcher_get_n_entries (self->matcher) == 0)
    {
      g_list_store_remove_all (self->results);
      gtk_label_set_text (self->search_status, _("No lists are loaded: there is nothing to search."));
      g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
      return;
    }

  /* Searching is exploring: show weaker candidates than screening flags. */
  threshold = self->settings != NULL ? clr_settings_get_screening_threshold (self->settings)
                                     : clr_matcher_get_default_threshold ();
  threshold = MAX (0.5, threshold - 0.15);

  self->search_cancellable = g_cancellable_new ();
  clr_lists_search_async (self->matcher, text, threshold, SEARCH_LIMIT, self->search_cancellable,
                          search_done_cb, self);
}

static void
search_changed_cb (ClrListsPage *self)
{
  run_search (self);
}

void
clr_lists_page_search (ClrListsPage *self,
                       const char   *text)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->sub_stack, "search");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) == 0)
    run_search (self);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

static void
result_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *explanation = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (explanation), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (explanation, "dim-label");
  gtk_widget_add_css_class (explanation, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), explanation);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  ClrHit *hit = clr_boxed_object_get (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *explanation = gtk_widget_get_next_sibling (subtitle);
  g_autofree char *sub = NULL;

  gtk_label_set_text (GTK_LABEL (title), hit->entry->name);
  if (hit->matched_name != NULL && g_strcmp0 (hit->matched_name, hit->entry->name) != 0)
    /* Translators: list code, score in percent, the alias that matched. */
    sub = g_strdup_printf (_("%s · %.0f %% · matched “%s”"), hit->entry->list_code,
                           hit->score * 100, hit->matched_name);
  else
    /* Translators: list code, score in percent. */
    sub = g_strdup_printf (_("%s · %.0f %%"), hit->entry->list_code, hit->score * 100);
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_label_set_text (GTK_LABEL (explanation), hit->explanation != NULL ? hit->explanation : "");
}

static void
result_activate_cb (ClrListsPage *self,
                    guint         position)
{
  g_autoptr(ClrBoxedObject) object = g_list_model_get_item (G_LIST_MODEL (self->results_filtered), position);
  ClrHit *hit;
  g_autofree char *note = NULL;

  if (object == NULL)
    return;
  hit = clr_boxed_object_get (object);
  /* Translators: score in percent, then the matcher's explanation. */
  note = g_strdup_printf (_("Score %.0f %%: %s"), hit->score * 100,
                          hit->explanation != NULL ? hit->explanation : "");
  present_entry (self, hit->entry, note);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrListsPage *self = CLR_LISTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
  gtk_stack_set_visible_child_name (self->sub_stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The Search tab opens with its field focused: type a name at once. (The
 * entry is mapped only after the stack switched, so a moment later.) */
static gboolean
focus_search_cb (gpointer user_data)
{
  ClrListsPage *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return G_SOURCE_REMOVE;
}

static void
sub_stack_changed_cb (ClrListsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sub_stack), "search") == 0
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_search_cb, g_object_ref (self), g_object_unref);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
page_mapped_cb (ClrListsPage *self)
{
  /* Freshness moves with the clock, and the CLI may have imported meanwhile. */
  clr_lists_page_reload (self);
}

static void
app_store_changed_cb (ClrListsPage   *self,
                      GParamSpec     *pspec,
                      ClrApplication *app)
{
  clr_lists_page_set_store (self, clr_application_get_store (app));
}

static void
clr_lists_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, clr_lists_page_get_needs_attention (self));
      break;
    case PROP_ATTENTION_TEXT:
      g_value_set_string (value, self->attention_text);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, clr_lists_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_lists_page_dispose (GObject *object)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->op_cancellable != NULL)
    g_cancellable_cancel (self->op_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_queue_clear_full (&self->update_queue, g_free);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_LISTS_PAGE);

  g_clear_object (&self->changes_filtered);
  g_clear_object (&self->changes_filter);
  g_clear_object (&self->changes);
  g_clear_object (&self->changes_source_model);
  g_clear_object (&self->changes_list_model);
  g_clear_object (&self->changes_country_model);
  g_clear_object (&self->results_filtered);
  g_clear_object (&self->results_filter);
  g_clear_object (&self->results);
  g_clear_object (&self->search_list_model);
  g_clear_object (&self->search_country_model);
  g_clear_object (&self->matcher);
  g_clear_object (&self->downloader);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_lists_page_parent_class)->dispose (object);
}

static void
clr_lists_page_finalize (GObject *object)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->op_cancellable);
  g_free (self->attention_text);
  g_free (self->changes_source);
  g_free (self->pending_search);
  g_string_free (self->op_report, TRUE);

  G_OBJECT_CLASS (clr_lists_page_parent_class)->finalize (object);
}

static void
clr_lists_page_class_init (ClrListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = clr_lists_page_get_property;
  object_class->dispose = clr_lists_page_dispose;
  object_class->finalize = clr_lists_page_finalize;

  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ATTENTION_TEXT] =
    g_param_spec_string ("attention-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SOURCES_LOADED] =
    g_signal_new ("sources-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_OPERATION_FINISHED] =
    g_signal_new ("operation-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[SIGNAL_CHANGES_LOADED] =
    g_signal_new ("changes-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SEARCH_FINISHED] =
    g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, sub_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_summary);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, rescreen_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_view);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_status);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_view);
  gtk_widget_class_bind_template_callback (widget_class, change_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "lists.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "lists.update-all", NULL, update_all_action);
  gtk_widget_class_install_action (widget_class, "lists.update", "s", update_action);
  gtk_widget_class_install_action (widget_class, "lists.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "lists.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "lists.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "lists.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "lists.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lists.cancel", NULL);

  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/lists/clr-lists.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkListItemFactory *
make_factory (GCallback setup,
              GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  return factory;
}

static void
clr_lists_page_init (ClrListsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkListItemFactory) change_factory = NULL;
  g_autoptr(GtkListItemFactory) result_factory = NULL;
  g_autoptr(GtkNoSelection) changes_selection = NULL;
  g_autoptr(GtkNoSelection) results_selection = NULL;
  GtkDropTarget *drop;
  ClrApplication *app;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  self->cancellable = g_cancellable_new ();
  self->op_report = g_string_new (NULL);
  g_queue_init (&self->update_queue);

  /* What changed. */
  self->changes = g_list_store_new (CLR_TYPE_BOXED_OBJECT);
  self->changes_filter = gtk_custom_filter_new (change_filter_func, self, NULL);
  self->changes_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->changes)),
                                                      GTK_FILTER (g_object_ref (self->changes_filter)));
  changes_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->changes_filtered)));
  gtk_list_view_set_model (self->changes_view, GTK_SELECTION_MODEL (changes_selection));
  change_factory = make_factory (G_CALLBACK (change_setup_cb), G_CALLBACK (change_bind_cb));
  gtk_list_view_set_factory (self->changes_view, change_factory);

  self->changes_source_model = gtk_string_list_new ((const char * const[]) { _("Choose a source"), NULL });
  self->changes_list_model = gtk_string_list_new ((const char * const[]) { _("All lists"), NULL });
  self->changes_country_model = gtk_string_list_new ((const char * const[]) { _("All countries"), NULL });
  kinds = gtk_string_list_new ((const char * const[]) { _("All changes"), _("Added"), _("Removed"),
                                                        _("Changed"), NULL });
  gtk_drop_down_set_model (self->changes_source_dropdown, G_LIST_MODEL (self->changes_source_model));
  gtk_drop_down_set_model (self->changes_kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->changes_list_dropdown, G_LIST_MODEL (self->changes_list_model));
  gtk_drop_down_set_model (self->changes_country_dropdown, G_LIST_MODEL (self->changes_country_model));
  g_signal_connect_object (self->changes_source_dropdown, "notify::selected",
                           G_CALLBACK (changes_source_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_kind_dropdown, "notify::selected",
                           G_CALLBACK (changes_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_list_dropdown, "notify::selected",
                           G_CALLBACK (changes_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_country_dropdown, "notify::selected",
                           G_CALLBACK (changes_filter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_label_set_text (self->changes_summary, _("Choose a source to see what its latest update changed."));

  /* Search. */
  self->results = g_list_store_new (CLR_TYPE_BOXED_OBJECT);
  self->results_filter = gtk_custom_filter_new (result_filter_func, self, NULL);
  self->results_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->results)),
                                                      GTK_FILTER (g_object_ref (self->results_filter)));
  results_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results_filtered)));
  gtk_list_view_set_model (self->search_view, GTK_SELECTION_MODEL (results_selection));
  result_factory = make_factory (G_CALLBACK (result_setup_cb), G_CALLBACK (result_bind_cb));
  gtk_list_view_set_factory (self->search_view, result_factory);
  self->search_list_model = gtk_string_list_new ((const char * const[]) { _("All lists"), NULL });
  self->search_country_model = gtk_string_list_new ((const char * const[]) { _("All countries"), NULL });
  gtk_drop_down_set_model (self->search_list_dropdown, G_LIST_MODEL (self->search_list_model));
  gtk_drop_down_set_model (self->search_country_dropdown, G_LIST_MODEL (self->search_country_model));
  g_signal_connect_object (self->search_list_dropdown, "notify::selected",
                           G_CALLBACK (results_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_country_dropdown, "notify::selected",
                           G_CALLBACK (results_filter_changed_cb), self, G_CONNECT_SWAPPED);
  update_search_status (self);

  /* Drop a list file anywhere on the page. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self, "map", G_CALLBACK (page_mapped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sub_stack, "notify::visible-child-name",
                           G_CALLBACK (sub_stack_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  app = clr_application_get_default ();
  if (app != NULL)
    {
      g_signal_connect_object (app, "notify::store", G_CALLBACK (app_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      clr_lists_page_set_settings (self, clr_application_get_settings (app));
      clr_lists_page_set_store (self, clr_application_get_store (app));
    }
}

GtkWidget *
clr_lists_page_new (void)
{
  return g_object_new (CLR_TYPE_LISTS_PAGE, NULL);
}

void
clr_lists_page_set_store (ClrListsPage *self,
                          ClrStore     *store)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));
  g_return_if_fail (store == NULL || CLR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->matcher);
  update_actions (self);
  clr_lists_page_reload (self);
}

static void
staleness_changed_cb (ClrListsPage *self)
{
  clr_lists_page_reload (self);
}

void
clr_lists_page_set_settings (ClrListsPage *self,
                             ClrSettings  *settings)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::list-staleness-days",
                             G_CALLBACK (staleness_changed_cb), self, G_CONNECT_SWAPPED);
  clr_lists_page_reload (self);
}

gboolean
clr_lists_page_get_busy (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), FALSE);

  return self->op_cancellable != NULL;
}

gboolean
clr_lists_page_get_needs_attention (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), FALSE);

  return self->attention_text != NULL;
}

const char *
clr_lists_page_get_attention_text (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return self->attention_text;
}

GPtrArray *
clr_lists_page_get_sources (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return self->sources;
}

const char *
clr_lists_page_get_status_text (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return gtk_label_get_text (self->status_label);
}

const char *
clr_lists_page_get_summary_text (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

GListModel *
clr_lists_page_get_changes_model (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->changes_filtered);
}

const char *
clr_lists_page_get_changes_summary (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return gtk_label_get_text (self->changes_summary);
}

GListModel *
clr_lists_page_get_search_model (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->results_filtered);
}
