/* clr-shipment-page-report.c — ClrShipmentPage: the evidence report of the result on
 * screen, exported (PDF and JSON evidence pack) or printed
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-shipment-page-private.h"
#include "clr-store-audit.h"
#include "widgets/clr-widget.h"

/* The paper GTK takes from the locale (LC_PAPER): US Letter or A4. */
static ClrReportPaper
locale_paper (void)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  return g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER)
         ? CLR_REPORT_PAPER_LETTER : CLR_REPORT_PAPER_A4;
}

static ClrReport *
make_report (ClrShipmentPage  *self,
             GError          **error)
{
  ClrStore *store = clr_page_get_store (CLR_PAGE (self));
  ClrSettings *settings = clr_page_get_settings (CLR_PAGE (self));
  /* The name the audit trail records for this session (the Reviewer Name
   * preference, else $CLEARANCE_REVIEWER, else the account's name). */
  g_autofree char *author = store != NULL ? clr_store_audit_dup_reviewer (store)
                            : settings != NULL ? clr_settings_dup_effective_reviewer_name (settings) : NULL;
  ClrShipmentCatalog *catalog = clr_shipment_session_get_catalog (self->session);
  ClrRulePack *pack = catalog != NULL ? clr_shipment_catalog_get_pack (catalog) : NULL;
  ClrReport *report = clr_report_new (clr_result_pane_get_shipment (self->result_pane),
                                      clr_result_pane_get_result (self->result_pane),
                                      author, NULL, error);

  if (report == NULL)
    return NULL;
  clr_report_set_paper (report, locale_paper ());
  if (pack != NULL)
    {
      g_autoptr(JsonNode) countries = clr_rule_pack_list_countries (pack, NULL);

      clr_report_set_countries (report, countries);
    }
  /* The user chose to go on with an outdated result: every page says so. */
  if (clr_result_pane_get_stale (self->result_pane))
    {
      const char *reason = clr_result_pane_get_stale_reason (self->result_pane);

      clr_report_set_stale (report, reason != NULL ? reason : _("The shipment was edited"));
    }
  return report;
}

/* ---- A stale result: evaluate again first? ------------------------------ */

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ClrShipmentPage  *self)
{
  gboolean print = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "clr-print"));

  if (g_str_equal (response, "evaluate"))
    clr_shipment_page_evaluate (self);
  else if (g_str_equal (response, "anyway") && print)
    _clr_shipment_page_print_now (self);
  else if (g_str_equal (response, "anyway"))
    _clr_shipment_page_export_report_now (self);
}

/* With a stale result, asks whether to evaluate first; TRUE when asked (the
 * answer goes on), FALSE when the result is current. */
static gboolean
ask_if_stale (ClrShipmentPage *self,
              gboolean         print)
{
  const char *reason = clr_result_pane_get_stale_reason (self->result_pane);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!clr_result_pane_get_stale (self->result_pane))
    return FALSE;
  /* Translators: body of the "Evaluate again first?" dialog; %s is why the result is out of date */
  body = g_strdup_printf (_("%s. The result may no longer hold. If you go on, every page of the report says STALE with this cause."),
                          reason != NULL ? reason : _("The shipment was edited"));
  dialog = clr_widget_message_dialog_new (GTK_WIDGET (self), _("Evaluate again first?"), body,
                                          "cancel", _("_Cancel"),
                                          "anyway", print ? _("_Print Anyway") : _("_Export Anyway"),
                                          "evaluate", _("_Evaluate"),
                                          NULL);
  adw_message_dialog_set_response_appearance (dialog, "anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "evaluate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "evaluate");
  g_object_set_data (G_OBJECT (dialog), "clr-print", GINT_TO_POINTER (print));
  g_signal_connect_object (dialog, "response", G_CALLBACK (stale_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- Open ------------------------------------------------------------- */

void
_clr_shipment_page_open_file (ClrShipmentPage *self,
                              GVariant        *parameter)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GAppLaunchContext) context = NULL;

  if (GTK_IS_WIDGET (root))
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (root))));
  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), context, &error))
    clr_shipment_page_toast (self, error->message);
}

/* Without a file manager on the bus: opens the folder of @uri. */
static void
open_folder_of (ClrShipmentPage *self,
                const char      *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = folder != NULL ? g_file_get_uri (folder) : NULL;

  if (folder_uri != NULL)
    {
      g_autoptr(GVariant) parameter = g_variant_ref_sink (g_variant_new_string (folder_uri));

      _clr_shipment_page_open_file (self, parameter);
    }
}

static void
bus_ready_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data);

static void
show_items_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL && self->last_report_uri != NULL)
    open_folder_of (self, self->last_report_uri);
}

static void
bus_ready_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  const char *uris[2] = { self->last_report_uri, NULL };

  if (self->last_report_uri == NULL)
    return;
  if (bus == NULL)
    {
      open_folder_of (self, self->last_report_uri);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL,
                          show_items_done_cb, g_object_ref (self));
}

void
_clr_shipment_page_show_report_in_folder (ClrShipmentPage *self)
{
  /* The session bus without blocking the main thread on its connection. */
  if (self->last_report_uri != NULL)
    g_bus_get (G_BUS_TYPE_SESSION, NULL, bus_ready_cb, g_object_ref (self));
}

/* ---- Export ------------------------------------------------------------ */

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClrReport *report = CLR_REPORT (source_object);
  const char *pdf = task_data;
  g_autofree char *base = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;

  base = g_str_has_suffix (pdf, ".pdf") ? g_strndup (pdf, strlen (pdf) - 4) : g_strdup (pdf);
  json = g_strconcat (base, ".evidence.json", NULL);
  if (!clr_report_write_pdf (report, pdf, &error)
      || !clr_report_write_evidence_pack (report, json, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&json), g_free);
}

static void
report_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (json == NULL)
    {
      clr_shipment_page_toast (self, error->message);
      return;
    }
  name = g_path_get_basename (json);
  uri = g_filename_to_uri (g_task_get_task_data (G_TASK (result)), NULL, NULL);
  /* Translators: the PDF was written; the JSON evidence pack's file name follows */
  text = g_strdup_printf (_("Evidence report saved, with its evidence pack %s"), name);
  /* The toast opens the PDF. AdwToast 1.2 has one button (a custom title
   * holding a second made GTK 4.8's AT-SPI code crash), so Show in Folder is
   * in the case menu, for the report this page exported last. */
  g_free (self->last_report_uri);
  self->last_report_uri = g_strdup (uri);
  _clr_shipment_page_update_actions (self);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "shipment.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_clr_shipment_page_export_report_to (ClrShipmentPage *self,
                                     GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = make_report (self, &error);
  g_autoptr(GTask) task = NULL;

  if (report == NULL)
    {
      clr_shipment_page_toast (self, error->message);
      return;
    }
  task = g_task_new (report, NULL, report_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _clr_shipment_page_export_report_to);
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  g_task_run_in_thread (task, report_thread);
}

void
_clr_shipment_page_export_report (ClrShipmentPage *self)
{
  if (clr_result_pane_get_result (self->result_pane) == NULL || ask_if_stale (self, FALSE))
    return;
  _clr_shipment_page_export_report_now (self);
}

void
_clr_shipment_page_export_report_now (ClrShipmentPage *self)
{
  g_autofree char *name = _clr_shipment_page_suggested_name (self, "-evidence.pdf");
  GtkFileChooserNative *dialog;

  if (clr_result_pane_get_result (self->result_pane) == NULL)
    return;
  dialog = _clr_shipment_page_file_chooser (self, &self->report_chooser, _("Export Evidence Report"),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), "*.pdf",
                                            _("PDF documents"), _clr_shipment_page_export_report_to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Print ------------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ClrShipmentPage   *self)
{
  guint pages;

  /* The page was closed while its print dialog was open. */
  if (self->print_report == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  pages = clr_report_paginate (self->print_report,
                               gtk_print_context_get_cairo_context (context),
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ClrShipmentPage   *self)
{
  if (self->print_report != NULL)
    clr_report_draw_page (self->print_report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_finished (ClrShipmentPage *self)
{
  g_clear_object (&self->print_report);
  _clr_shipment_page_update_actions (self);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ClrShipmentPage         *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      clr_shipment_page_toast (self, error ? error->message : _("Printing failed"));
    }
  print_finished (self);
}

GtkPrintOperation *
clr_shipment_page_create_print_operation (ClrShipmentPage  *self,
                                          GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job = NULL;

  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (clr_result_pane_get_result (self->result_pane) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Evaluate the shipment before printing its report"));
      return NULL;
    }
  if (self->print_report != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The evidence report is already being printed"));
      return NULL;
    }
  self->print_report = make_report (self, error);
  if (self->print_report == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  job = _clr_shipment_page_suggested_name (self, "");
  gtk_print_operation_set_job_name (operation, job);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  _clr_shipment_page_update_actions (self);
  return g_steal_pointer (&operation);
}

gboolean
clr_shipment_page_get_printing (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->print_report != NULL;
}

void
_clr_shipment_page_print (ClrShipmentPage *self)
{
  if (clr_result_pane_get_result (self->result_pane) != NULL && self->print_report == NULL
      && ask_if_stale (self, TRUE))
    return;
  _clr_shipment_page_print_now (self);
}

void
_clr_shipment_page_print_now (ClrShipmentPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = clr_shipment_page_create_print_operation (self, &error);
  if (operation == NULL)
    {
      /* Print is disabled while printing; a second one (a key repeat) is ignored. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        clr_shipment_page_toast (self, error->message);
      return;
    }
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    clr_widget_get_window (GTK_WIDGET (self)), &error);
  /* ::done, when it was emitted already, has said what went wrong. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_report != NULL)
    clr_shipment_page_toast (self, error ? error->message : _("Printing failed"));
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    print_finished (self);
}
