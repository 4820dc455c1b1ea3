/* clr-shipment-page-actions.c — ClrShipmentPage: the shipment.* actions, their
 * shortcuts, and the file choosers of import and export
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-json.h"
#include "clr-shipment-page-private.h"
#include "../shipment/clr-party-row.h"
#include "widgets/clr-widget.h"

void
_clr_shipment_page_update_actions (ClrShipmentPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean mapped = gtk_widget_get_mapped (widget);
  gboolean has_store = clr_page_get_store (CLR_PAGE (self)) != NULL;
  gboolean has_case = clr_shipment_session_get_has_case (self->session);
  gboolean has_result = clr_result_pane_get_result (self->result_pane) != NULL;
  /* Another program has the case: it can be read, evaluated (the result
   * is not stored), exported and printed. */
  gboolean editable = !clr_shipment_session_get_read_only (self->session);
  gboolean can_evaluate = clr_shipment_session_get_ready (self->session)
                          && !clr_shipment_session_get_evaluating (self->session);
  const struct {
    const char *action;
    gboolean    enabled;
  } states[] = {
    { "shipment.new", has_store },
    { "shipment.search", TRUE },
    { "shipment.evaluate", can_evaluate },
    { "shipment.export-report", has_result },
    { "shipment.print", has_result && self->print_report == NULL },
    { "shipment.show-report-in-folder", self->last_report_uri != NULL },
    { "shipment.import", has_store },
    { "shipment.export-json", has_case },
    { "shipment.duplicate", has_case },
    { "shipment.archive", has_case && editable },
    { "shipment.add-item", editable },
    { "shipment.add-party", editable },
    { "shipment.save", has_store && editable },
    { "shipment.toggle-cases", !adw_leaflet_get_folded (self->leaflet) },
  };

  /* Not while the window is still being built: its own actions are not set up
   * then (see actions_ready_cb). */
  if (!self->actions_ready)
    return;

  /* Disabled while the page is hidden, so its shortcuts leave the other pages alone. */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_widget_action_set_enabled (widget, states[i].action, mapped && states[i].enabled);
}

/* ---- File choosers ----------------------------------------------------- */

char *
_clr_shipment_page_suggested_name (ClrShipmentPage *self,
                                   const char      *suffix)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);
  const char *reference = clr_json_get_string (json_node_get_object (document), "reference");
  g_autofree char *base = g_strdup (reference && *reference ? reference : _("shipment"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, suffix, NULL);
}

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          ClrShipmentPage *self)
{
  ClrShipmentPageFileFunc chosen = g_object_get_data (G_OBJECT (dialog), "clr-chosen");
  g_autoptr(GFile) file = clr_file_chooser_get_accepted (dialog, response);

  if (file != NULL)
    chosen (self, file);
}

GtkFileChooserNative *
_clr_shipment_page_file_chooser (ClrShipmentPage       *self,
                                 GtkFileChooserNative **slot,
                                 const char            *title,
                                 GtkFileChooserAction   action,
                                 const char            *accept_label,
                                 const char            *pattern,
                                 const char            *filter_name,
                                 ClrShipmentPageFileFunc chosen)
{
  if (*slot != NULL)
    {
      gtk_native_dialog_set_transient_for (GTK_NATIVE_DIALOG (*slot),
                                           clr_widget_get_window (GTK_WIDGET (self)));
      return *slot;
    }
  *slot = clr_file_chooser_new (GTK_WIDGET (self), title, action, accept_label);
  clr_file_chooser_add_filter (*slot, filter_name, pattern);
  g_object_set_data (G_OBJECT (*slot), "clr-chosen", chosen);
  g_signal_connect (*slot, "response", G_CALLBACK (file_chooser_response_cb), self);
  return *slot;
}

static void
export_json_to (ClrShipmentPage *self,
                GFile           *file)
{
  clr_shipment_session_export_file (self->session, file);
}

/* ---- Actions ----------------------------------------------------------- */

typedef struct
{
  ClrShipmentPage *self;
  gint64           case_id;
  char            *party_name;
  char            *list_code;
  char            *entry_key;
} ReviewHit;

static void
review_hit_free (ReviewHit *review)
{
  g_object_unref (review->self);
  g_free (review->party_name);
  g_free (review->list_code);
  g_free (review->entry_key);
  g_free (review);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReviewHit, review_hit_free)

static void
hit_recorded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReviewHit) review = user_data;
  g_autoptr(GError) error = NULL;
  gint64 review_id = clr_shipment_session_record_hit_finish (CLR_SHIPMENT_SESSION (object), result, &error);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The Review page then says the hit is not in the queue, and shows the party. */
      clr_shipment_page_toast (review->self, error->message);
    }
  gtk_widget_activate_action (GTK_WIDGET (review->self), "win.review-hit", "(xsssx)", review->case_id,
                              review->party_name, review->list_code ? review->list_code : "",
                              review->entry_key ? review->entry_key : "", review_id);
}

/* shipment.review-hit(u): the inline hit of party row @u on the Review page,
 * recorded in the review queue first. */
static void
review_hit (ClrShipmentPage *self,
            GVariant        *parameter)
{
  GPtrArray *rows = clr_shipment_form_get_party_rows (self->form);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(JsonNode) document = NULL;
  ReviewHit *review;
  ClrPartyRow *row;
  JsonObject *hit;

  if (index >= rows->len)
    return;
  row = g_ptr_array_index (rows, index);
  hit = clr_party_row_get_hit (row);
  if (hit == NULL || clr_party_row_get_name (row) == NULL)
    return;

  /* The case must exist for the queue to name it. */
  clr_shipment_session_save_now (self->session);
  document = clr_shipment_form_get_document (self->form);
  review = g_new0 (ReviewHit, 1);
  review->self = g_object_ref (self);
  review->case_id = clr_shipment_session_get_case_id (self->session);
  review->party_name = g_strdup (clr_party_row_get_name (row));
  review->list_code = g_strdup (clr_json_get_string (hit, "list"));
  review->entry_key = g_strdup (clr_json_get_string (hit, "entry_id"));
  clr_shipment_session_record_hit_async (self->session, document, index, hit, hit_recorded_cb, review);
}

static void
search (ClrShipmentPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "cases");
  clr_case_sidebar_focus_search (self->sidebar);
}

static void
show_cases (ClrShipmentPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "cases");
}

static void
show_form (ClrShipmentPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "form");
}

/* Ctrl+I / Ctrl+Shift+P: Add Item / Add Party wherever the focus is. */
static void
add_item (ClrShipmentPage *self)
{
  clr_shipment_form_add_item (self->form);
}

static void
add_party (ClrShipmentPage *self)
{
  clr_shipment_form_add_party (self->form);
}

static void
duplicate (ClrShipmentPage *self)
{
  clr_shipment_session_duplicate (self->session);
}

static void
archive (ClrShipmentPage *self)
{
  clr_shipment_session_toggle_archived (self->session);
}

static void
import (ClrShipmentPage *self)
{
  GtkFileChooserNative *dialog;

  dialog = _clr_shipment_page_file_chooser (self, &self->import_chooser, _("Import Shipment"),
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), "*.json",
                                            _("Shipment JSON"), clr_shipment_page_open_file);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_json (ClrShipmentPage *self)
{
  g_autofree char *name = _clr_shipment_page_suggested_name (self, ".json");
  GtkFileChooserNative *dialog;

  dialog = _clr_shipment_page_file_chooser (self, &self->json_chooser, _("Export Shipment"),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), "*.json",
                                            _("Shipment JSON"), export_json_to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_clr_shipment_page_changed_elsewhere (ClrShipmentPage *self,
                                      const char      *text)
{
  gtk_label_set_text (self->elsewhere_label, text);
  gtk_revealer_set_reveal_child (self->elsewhere_banner, TRUE);
}

/* The banner's Show Their Version: the open case as it is stored now. */
static void
reload_case (ClrShipmentPage *self)
{
  gtk_revealer_set_reveal_child (self->elsewhere_banner, FALSE);
  clr_shipment_session_reload_case (self->session);
}

/* The actions: name, parameter type, what they do (with the parameter when
 * they have one) and their shortcuts. */
static const struct {
  const char *name;
  const char *parameter_type;
  void      (*activate) (ClrShipmentPage *self);
  void      (*activate_with) (ClrShipmentPage *self, GVariant *parameter);
  const char *accels[2];
} actions[] = {
  { "shipment.new", NULL, clr_shipment_page_new_case, NULL, { "<Control>n" } },
  { "shipment.search", NULL, search, NULL, { "<Control>f" } },
  { "shipment.evaluate", NULL, clr_shipment_page_evaluate, NULL, { "<Control>Return", "<Control>KP_Enter" } },
  { "shipment.export-report", NULL, _clr_shipment_page_export_report, NULL, { "<Control>e" } },
  { "shipment.print", NULL, _clr_shipment_page_print, NULL, { "<Control>p" } },
  { "shipment.import", NULL, import, NULL, { "<Control>o" } },
  { "shipment.export-json", NULL, export_json, NULL, { NULL } },
  { "shipment.duplicate", NULL, duplicate, NULL, { NULL } },
  { "shipment.archive", NULL, archive, NULL, { NULL } },
  { "shipment.show-cases", NULL, show_cases, NULL, { NULL } },
  { "shipment.add-item", NULL, add_item, NULL, { "<Control>i" } },
  { "shipment.add-party", NULL, add_party, NULL, { "<Control><Shift>p" } },
  { "shipment.show-form", NULL, show_form, NULL, { NULL } },
  { "shipment.save", NULL, _clr_shipment_page_save, NULL, { "<Control>s" } },
  { "shipment.toggle-cases", NULL, _clr_shipment_page_toggle_cases, NULL, { "F9" } },
  { "shipment.review-hit", "u", NULL, review_hit, { NULL } },
  { "shipment.open-file", "s", NULL, _clr_shipment_page_open_file, { NULL } },
  { "shipment.show-report-in-folder", NULL, _clr_shipment_page_show_report_in_folder, NULL, { NULL } },
  { "shipment.reload-case", NULL, reload_case, NULL, { NULL } },
};

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (g_strcmp0 (actions[i].name, action_name) != 0)
        continue;
      if (actions[i].activate_with != NULL)
        actions[i].activate_with (self, parameter);
      else
        actions[i].activate (self);
      return;
    }
}

void
_clr_shipment_page_class_add_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     activate_action);
}

void
_clr_shipment_page_add_shortcuts (ClrShipmentPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Managed by the window, so they work wherever the focus is while this page shows;
   * the actions are disabled while it is hidden, so other pages get the keys then. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    for (guint k = 0; k < G_N_ELEMENTS (actions[i].accels) && actions[i].accels[k] != NULL; k++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string (actions[i].accels[k]),
                                                              gtk_named_action_new (actions[i].name)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
