/* clr-lists-page-operations.c — the Lists page's imports and downloads, and the re-screen after them
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-rescreen.h"
#include "clr-source-updater.h"
#include "lists/clr-lists-filter.h"
#include "clr-lists-tasks.h"
#include "widgets/clr-file-chooser.h"
#include "widgets/clr-widget.h"

#include "clr-lists-page-private.h"

static void update_next (ClrListsPage *self);
static void import_path (ClrListsPage *self, const char *path, gboolean force);

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
  _clr_lists_page_show_message (self, NULL, FALSE);
  _clr_lists_page_busy_changed (self);
}

static void
end_operation (ClrListsPage *self)
{
  g_autofree char *message = g_strdup (self->op_report->str);
  const char *changes_source = clr_lists_changes_view_get_source (self->changes_view);

  g_clear_object (&self->op_cancellable);
  g_queue_clear_full (&self->update_queue, g_free);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _clr_lists_page_show_message (self, message, self->op_failed);
  _clr_lists_page_busy_changed (self);

  clr_lists_page_reload (self);
  if (self->op_updated > 0 && changes_source != NULL)
    clr_lists_changes_view_load (self->changes_view, changes_source);
  _clr_lists_page_finished (self, !self->op_failed, message);
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

/* A new version was imported (from the file @basename, else downloaded):
 * says so with its counts, and What changed shows it next. */
static void
report_updated (ClrListsPage              *self,
                const char                *source,
                const ClrListImportResult *import,
                const char                *basename)
{
  g_autofree char *records = clr_lists_format_count (import->records);
  g_autofree char *names = clr_lists_format_count (import->names);
  g_autofree char *line = NULL;

  self->op_updated++;
  clr_lists_changes_view_set_source (self->changes_view, source);
  if (basename != NULL)
    /* Translators: file name, source id, counts of records and names, then changes. */
    line = g_strdup_printf (_("Imported “%s” as %s: %s records, %s names (%" PRIu64 " added, %"
                              PRIu64 " removed, %" PRIu64 " changed)."),
                            basename, source, records, names,
                            import->added, import->removed, import->changed);
  else
    /* Translators: source id, records, names, and the counts of changes. */
    line = g_strdup_printf (_("%s: updated to %s records, %s names (%" PRIu64 " added, %"
                              PRIu64 " removed, %" PRIu64 " changed)."),
                            source, records, names, import->added, import->removed, import->changed);
  report_line (self, line);
}

/* ---- re-screening after a change --------------------------------------- */

static void
rescreen_progress_cb (guint       done,
                      guint       total,
                      const char *what,
                      gpointer    user_data)
{
  set_progress (user_data, done, total);
}

static void
rescreen_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) summary = NULL;
  g_autofree char *line = NULL;

  summary = clr_rescreen_run_finish (CLR_STORE (object), result, &error);
  if (summary == NULL)
    {
      /* Translators: %s is the reason. */
      line = g_strdup_printf (_("Your parties were not re-screened: %s"), error->message);
      self->op_failed = TRUE;
    }
  else
    {
      g_autofree char *text = clr_rescreen_summary_to_string (summary);

      /* Translators: %s says what a list update changed for the user's parties. */
      line = g_strdup_printf (_("For your parties: %s"), text);
      clr_lists_changes_view_set_rescreen (self->changes_view, line);
    }
  report_line (self, line);

  end_operation (self);
}

static void
finish_or_rescreen (ClrListsPage *self)
{
  if (self->op_updated == 0 || clr_page_get_store (CLR_PAGE (self)) == NULL)
    {
      end_operation (self);
      return;
    }

  /* New entries may concern parties already screened: re-screen them. */
  clr_lists_search_view_reset_matcher (self->search_view);
  gtk_label_set_text (self->progress_label, _("Re-screening your parties against what changed…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  clr_rescreen_run_async (clr_page_get_store (CLR_PAGE (self)), rescreen_progress_cb, self, NULL,
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

static ImportData *
import_data_new (ClrListsPage *self,
                 const char   *path)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  return data;
}

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->self);
  g_free (data->path);
  g_free (data);
}

static void
sanity_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImportData       *data)
{
  if (g_strcmp0 (response, "import") == 0 && data->self->op_cancellable == NULL)
    import_path (data->self, data->path, TRUE);
  import_data_free (data);
}

static void
ask_force (ClrListsPage *self,
           const char   *path,
           const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = clr_widget_message_dialog_new (GTK_WIDGET (self), _("The New List Is Much Smaller"),
                                          error->message,
                                          "cancel", _("_Keep the Current Version"),
                                          "import", _("_Import Anyway"),
                                          NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (sanity_response_cb), import_data_new (self, path));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  ClrListsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_auto(ClrListImportResult) import = { 0 };
  g_autofree char *basename = g_path_get_basename (data->path);
  g_autofree char *line = NULL;

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
        ask_force (self, data->path, error);
    }
  else if (import.unchanged)
    {
      /* Translators: %s is a file name. */
      line = g_strdup_printf (_("“%s” is already the current version: nothing changed."), basename);
      report_line (self, line);
    }
  else
    {
      report_updated (self, import.source, &import, basename);
    }

  finish_or_rescreen (self);
  import_data_free (data);
}

static void
import_path (ClrListsPage *self,
             const char   *path,
             gboolean      force)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *what = NULL;

  if (clr_page_get_store (CLR_PAGE (self)) == NULL || self->op_cancellable != NULL)
    return;

  /* Translators: %s is a file name. */
  what = g_strdup_printf (_("Importing “%s”…"), basename);
  begin_operation (self, what);
  clr_store_import_list_file_async (clr_page_get_store (CLR_PAGE (self)), path,
                                    CLR_LIST_FORMAT_AUTO, NULL, force,
                                    import_progress_cb, self, NULL, self->op_cancellable,
                                    import_done_cb, import_data_new (self, path));
}

static gboolean
refuse_while_busy (ClrListsPage *self)
{
  if (self->op_cancellable == NULL)
    return FALSE;
  _clr_lists_page_show_message (self, _("Wait for the running import or download to finish, or cancel it."),
                                TRUE);
  return TRUE;
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
      _clr_lists_page_show_message (self, message, TRUE);
      return;
    }

  if (!refuse_while_busy (self))
    import_path (self, path, FALSE);
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          ClrListsPage    *self)
{
  g_autoptr(GFile) file = clr_file_chooser_get_accepted (chooser, response);

  if (file != NULL)
    clr_lists_page_import_file (self, file);
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
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();

  chooser = clr_file_chooser_new (widget, _("Import a List File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  gtk_file_filter_set_name (lists, _("List files (CSV, JSON, XML, TXT)"));
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_filter_add_suffix (lists, "json");
  gtk_file_filter_add_suffix (lists, "xml");
  gtk_file_filter_add_suffix (lists, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  clr_file_chooser_add_filter (chooser, _("All files"), "*");

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
        _clr_lists_page_show_message (self, _("Drop one list file at a time: only the first was imported."),
                                      FALSE);
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

void
_clr_lists_page_add_drop_target (ClrListsPage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  /* Drop a list file anywhere on the page. */
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* ---- download ------------------------------------------------------------ */

static void
update_progress_cb (ClrUpdatePhase phase,
                    guint64        done,
                    guint64        total,
                    gpointer       user_data)
{
  ClrListsPage *self = user_data;
  const char *id = self->updating;
  g_autofree char *text = NULL;

  if (phase == CLR_UPDATE_PHASE_DOWNLOAD)
    {
      g_autofree char *size = g_format_size (done);

      if (total > 0)
        {
          g_autofree char *of = g_format_size (total);
          /* Translators: source id, bytes so far, bytes in all. */
          text = g_strdup_printf (_("Downloading %s… %s of %s"), id, size, of);
        }
      else
        /* Translators: source id, bytes so far. */
        text = g_strdup_printf (_("Downloading %s… %s"), id, size);
    }
  else
    {
      /* Translators: %s is a source id. */
      text = g_strdup_printf (_("Checking and importing %s…"), id);
    }
  gtk_label_set_text (self->progress_label, text);
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
  const char *id = self->updating;
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
      report_line (self, line);
    }
  else if (update.outcome == CLR_SOURCE_UPDATE_UNCHANGED)
    {
      /* Translators: %s is a source id. */
      line = g_strdup_printf (update.not_modified ? _("%s: unchanged since the last download.")
                                                  : _("%s: the downloaded file is the current version."),
                              id);
      report_line (self, line);
    }
  else
    {
      report_updated (self, id, &update.import, NULL);
    }
  update_next (self);
}

static void
update_next (ClrListsPage *self)
{
  g_autofree char *what = NULL;

  g_free (self->updating);
  self->updating = g_queue_pop_head (&self->update_queue);
  if (self->updating == NULL)
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

  /* Translators: %s is a source id. */
  what = g_strdup_printf (_("Downloading %s…"), self->updating);
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  clr_source_update_async (clr_page_get_store (CLR_PAGE (self)), self->downloader,
                           self->updating, NULL, FALSE, update_progress_cb,
                           self, NULL, self->op_cancellable,
                           update_done_cb, g_object_ref (self));
}

void
clr_lists_page_update (ClrListsPage *self,
                       const char   *source)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  if (clr_page_get_store (CLR_PAGE (self)) == NULL || refuse_while_busy (self))
    return;

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
      _clr_lists_page_show_message (self, _("No enabled source has a download address: import a list file instead."),
                                    TRUE);
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

void
_clr_lists_page_class_add_operations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lists.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "lists.update-all", NULL, update_all_action);
  gtk_widget_class_install_action (widget_class, "lists.update", "s", update_action);
  gtk_widget_class_install_action (widget_class, "lists.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "lists.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lists.cancel", NULL);
}
