/* clr-shipment-page.c — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-application.h"
#include "clr-json.h"
#include "clr-matcher.h"
#include "clr-report.h"
#include "clr-shipment-page-private.h"
#include "clr-store-cases.h"
#include "clr-store-review.h"
#include "clr-store-rules.h"
#include "clr-store-screening.h"
#include "clr-verdict-style.h"
#include "../shipment/clr-case-saver.h"
#include "../shipment/clr-party-row.h"
#include "../shipment/clr-result-pane.h"
#include "../shipment/clr-shipment-catalog.h"
#include "../shipment/clr-shipment-form.h"

/* Autosave after this long without typing; screening likewise. */
#define SAVE_DELAY_MS    400
#define SCREEN_DELAY_MS  300
#define LIST_DELAY_MS    800
#define CASE_LIST_LIMIT  200

struct _ClrShipmentPage
{
  AdwBin              parent_instance;

  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  AdwLeaflet         *inner_leaflet;
  GtkSearchEntry     *case_search;
  GtkListBox         *case_list;
  GtkLabel           *case_placeholder;
  GtkRevealer        *lists_banner;
  GtkRevealer        *startup_banner;
  gboolean            matcher_loading;
  GtkCheckButton     *archived_check;
  GtkLabel           *case_title;
  GtkWidget          *cases_button;
  GtkWidget          *close_cases_button;
  GtkWidget          *form_evaluate_button;
  GtkWidget          *case_menu_button;
  ClrShipmentForm    *form;
  ClrResultPane      *result_pane;

  ClrStore           *store;
  ClrCaseSaver       *saver;
  ClrShipmentCatalog *catalog;
  ClrMatcher         *matcher;
  GCancellable       *cancellable;

  gboolean            ready;
  gboolean            evaluating;
  gboolean            case_archived;
  gboolean            opened_first;
  gboolean            actions_ready;
  gint64              auto_open_id;     /* the case reopened at start, while it loads */
  guint64             auto_open_generation;
  guint64             generation;      /* +1 on every edit: a result from an older one is stale */
  guint               list_timeout_id;
  JsonNode           *unsaved_result;  /* a result waiting for its case to be created */
  ClrReport          *print_report;

  /* The file choosers, made on first use and kept: each opens where it was
   * last used, and a chooser is hidden, not destroyed, between uses. */
  GtkFileChooserNative *report_chooser;
  GtkFileChooserNative *json_chooser;
  GtkFileChooserNative *import_chooser;
};

enum {
  PROP_0,
  PROP_READY,
  PROP_EVALUATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, ADW_TYPE_BIN)

static void refresh_case_list (ClrShipmentPage *self);
static void screen_all_parties (ClrShipmentPage *self);
static void update_actions    (ClrShipmentPage *self);

static void
toast (ClrShipmentPage *self,
       const char      *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static ClrSettings *
get_settings (void)
{
  ClrApplication *app = clr_application_get_default ();

  return app != NULL ? clr_application_get_settings (app) : NULL;
}

/* ---- Title and actions ------------------------------------------------ */

static void
update_title (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);
  JsonObject *object = json_node_get_object (document);
  const char *reference = json_object_has_member (object, "reference")
                          ? json_object_get_string_member (object, "reference") : NULL;
  g_autofree char *title = NULL;

  if (reference == NULL || *reference == '\0')
    reference = _("Untitled shipment");
  if (self->case_archived)
    /* Translators: title of an archived case */
    title = g_strdup_printf (_("%s (archived)"), reference);
  else
    title = g_strdup (reference);
  gtk_label_set_text (self->case_title, title);
}

static void
update_actions (ClrShipmentPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean mapped = gtk_widget_get_mapped (widget);
  gboolean has_store = self->store != NULL;
  gboolean has_case = has_store && self->saver != NULL
                      && (clr_case_saver_get_case_id (self->saver) != 0
                          || clr_case_saver_has_pending (self->saver));
  gboolean has_result = clr_result_pane_get_result (self->result_pane) != NULL;

  /* Not while the window is still being built: its own actions are not set up
   * then (see actions_ready_cb). */
  if (!self->actions_ready)
    return;

  /* Disabled while the page is hidden, so its shortcuts leave the other pages alone. */
  gtk_widget_action_set_enabled (widget, "shipment.new", mapped && has_store);
  gtk_widget_action_set_enabled (widget, "shipment.search", mapped);
  gtk_widget_action_set_enabled (widget, "shipment.evaluate", mapped && self->ready && !self->evaluating);
  gtk_widget_action_set_enabled (widget, "shipment.export-report", mapped && has_result);
  gtk_widget_action_set_enabled (widget, "shipment.print", mapped && has_result && self->print_report == NULL);
  gtk_widget_action_set_enabled (widget, "shipment.import", mapped && has_store);
  gtk_widget_action_set_enabled (widget, "shipment.export-json", mapped && has_case);
  gtk_widget_action_set_enabled (widget, "shipment.duplicate", mapped && has_case);
  gtk_widget_action_set_enabled (widget, "shipment.archive", mapped && has_case);
  gtk_widget_action_set_enabled (widget, "shipment.add-item", mapped);
  gtk_widget_action_set_enabled (widget, "shipment.add-party", mapped);
}

/* ---- Case list --------------------------------------------------------- */

static GtkWidget *
case_row_new (ClrCase *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (item->reference && *item->reference ? item->reference
                                                                        : _("Untitled shipment"));
  g_autofree char *subtitle_text = NULL;
  GtkWidget *subtitle;
  g_autofree char *accessible = NULL;
  ClrVerdict verdict = clr_verdict_from_string (item->verdict);

  /* Translators: case list line: destination, export date, status */
  subtitle_text = g_strdup_printf (_("%s · %s%s"),
                                   item->destination ? item->destination : "—",
                                   item->date ? item->date : "—",
                                   item->status == CLR_CASE_STATUS_ARCHIVED ? _(" · archived") : "");
  subtitle = gtk_label_new (subtitle_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "case-row-title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  if (item->verdict != NULL)
    {
      GtkWidget *pill = gtk_label_new (clr_verdict_get_label (verdict));

      gtk_widget_add_css_class (pill, "verdict-pill");
      gtk_widget_add_css_class (pill, clr_verdict_get_style (verdict));
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), pill);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s, %s%s%s", gtk_label_get_text (GTK_LABEL (title)), subtitle_text,
                                item->verdict ? ", " : "",
                                item->verdict ? clr_verdict_get_label (verdict) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "case-id64", g_memdup2 (&item->id, sizeof item->id), g_free);
  return row;
}

static gint64
row_case_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "case-id64") : NULL;

  return id ? *id : 0;
}

static void
select_current_row (ClrShipmentPage *self)
{
  gint64 current = self->saver ? clr_case_saver_get_case_id (self->saver) : 0;
  GtkListBoxRow *row;

  gtk_list_box_unselect_all (self->case_list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->case_list, i)) != NULL; i++)
    if (current != 0 && row_case_id (row) == current)
      {
        gtk_list_box_select_row (self->case_list, row);
        break;
      }
}

static void
case_list_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = clr_store_list_cases_finish (CLR_STORE (object), result, &error);
  GtkWidget *child;

  if (cases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (self->store == NULL)
    return;

  /* Rows only: the "No cases yet" placeholder is a child of the list too. */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->case_list, 0))) != NULL)
    gtk_list_box_remove (self->case_list, child);
  for (guint i = 0; i < cases->len; i++)
    gtk_list_box_append (self->case_list, case_row_new (g_ptr_array_index (cases, i)));
  select_current_row (self);

  /* On start, reopen the most recent open case; with none, a fresh form. */
  if (!self->opened_first)
    {
      self->opened_first = TRUE;
      if (clr_case_saver_get_case_id (self->saver) == 0 && !clr_case_saver_has_pending (self->saver))
        {
          const char *search = gtk_editable_get_text (GTK_EDITABLE (self->case_search));

          if (cases->len > 0 && *search == '\0'
              && ((ClrCase *) g_ptr_array_index (cases, 0))->status == CLR_CASE_STATUS_OPEN)
            {
              self->auto_open_id = ((ClrCase *) g_ptr_array_index (cases, 0))->id;
              self->auto_open_generation = self->generation;
              clr_shipment_page_open_case (self, self->auto_open_id);
            }
        }
    }
}

static void
refresh_case_list (ClrShipmentPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->case_search));

  g_clear_handle_id (&self->list_timeout_id, g_source_remove);
  gtk_label_set_text (self->case_placeholder,
                      search != NULL && *search != '\0' ? _("No cases match the search")
                                                         : _("No cases yet"));
  if (self->store == NULL)
    return;
  clr_store_list_cases_async (self->store,
                              gtk_editable_get_text (GTK_EDITABLE (self->case_search)),
                              gtk_check_button_get_active (self->archived_check)
                              ? CLR_CASE_STATUS_ANY : CLR_CASE_STATUS_OPEN,
                              CASE_LIST_LIMIT, self->cancellable,
                              case_list_loaded_cb, g_object_ref (self));
}

static gboolean
list_timeout_cb (gpointer user_data)
{
  ClrShipmentPage *self = user_data;

  self->list_timeout_id = 0;
  refresh_case_list (self);
  return G_SOURCE_REMOVE;
}

static void
queue_list_refresh (ClrShipmentPage *self)
{
  g_clear_handle_id (&self->list_timeout_id, g_source_remove);
  self->list_timeout_id = g_timeout_add (LIST_DELAY_MS, list_timeout_cb, self);
}

static void
case_row_activated_cb (ClrShipmentPage *self,
                       GtkListBoxRow   *row)
{
  gint64 id = row_case_id (row);

  if (id != 0 && id != clr_case_saver_get_case_id (self->saver))
    clr_shipment_page_open_case (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* ---- Autosave ---------------------------------------------------------- */

static void
save_result_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_save_case_result_finish (CLR_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  queue_list_refresh (self);
}

static void
store_result (ClrShipmentPage *self,
              JsonNode        *result)
{
  gint64 id = clr_case_saver_get_case_id (self->saver);

  if (id == 0)
    {
      /* The case is being created: store the result once it exists. */
      g_clear_pointer (&self->unsaved_result, json_node_unref);
      self->unsaved_result = json_node_copy (result);
      return;
    }
  clr_store_save_case_result_async (self->store, id, result, self->cancellable,
                                    save_result_done_cb, g_object_ref (self));
}

static void
saver_saved_cb (ClrShipmentPage *self,
                gint64           case_id,
                gboolean         created)
{
  if (created)
    {
      refresh_case_list (self);
      update_actions (self);
    }
  else
    queue_list_refresh (self);
  if (self->unsaved_result != NULL)
    {
      g_autoptr(JsonNode) result = g_steal_pointer (&self->unsaved_result);

      store_result (self, result);
    }
}

static void
saver_failed_cb (ClrShipmentPage *self,
                 const char      *message)
{
  /* Translators: autosave failed; the reason follows */
  g_autofree char *text = g_strdup_printf (_("Could not save the case: %s"), message);

  toast (self, text);
}

static void
form_changed_cb (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);

  self->generation++;
  if (self->saver != NULL)
    clr_case_saver_queue (self->saver, document, SAVE_DELAY_MS);
  clr_result_pane_set_stale (self->result_pane, TRUE);
  update_title (self);
  update_actions (self);
}

gboolean
clr_shipment_page_flush (ClrShipmentPage  *self,
                         GError          **error)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);

  if (self->saver == NULL)
    return TRUE;
  return clr_case_saver_flush (self->saver, error);
}

static gboolean
flush_or_toast (ClrShipmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (clr_shipment_page_flush (self, &error))
    return TRUE;
  saver_failed_cb (self, error->message);
  return FALSE;
}

/* ---- Opening cases ----------------------------------------------------- */

static void
show_case (ClrShipmentPage *self,
           ClrCase         *item)
{
  /* Whatever was typed while the case loaded belongs to the previous case. */
  if (!flush_or_toast (self))
    return;
  clr_case_saver_set_case_id (self->saver, item->id);
  self->case_archived = item->status == CLR_CASE_STATUS_ARCHIVED;
  clr_shipment_form_set_show_missing (self->form, FALSE);
  clr_shipment_form_set_document (self->form, item->shipment);
  clr_result_pane_set_result (self->result_pane, item->result, item->shipment);
  /* The stored result predates the last edit of the document. */
  if (item->result != NULL && item->evaluated_at != NULL && item->updated_at != NULL
      && g_strcmp0 (item->updated_at, item->evaluated_at) > 0)
    clr_result_pane_set_stale (self->result_pane, TRUE);
  /* A reviewer decided one of its hits since (now or in an earlier session). */
  if (item->decisions_changed)
    clr_result_pane_set_stale (self->result_pane, TRUE);
  self->generation++;
  update_title (self);
  select_current_row (self);
  update_actions (self);
  screen_all_parties (self);
}

static void
case_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) item = clr_store_get_case_finish (CLR_STORE (object), result, &error);

  if (item == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (self->store == NULL)
    return;
  /* The case reopened at start does not replace what the user began meanwhile. */
  if (item->id == self->auto_open_id)
    {
      self->auto_open_id = 0;
      if (self->generation != self->auto_open_generation)
        return;
    }
  show_case (self, item);
}

void
clr_shipment_page_open_case (ClrShipmentPage *self,
                             gint64           case_id)
{
  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));
  g_return_if_fail (self->store != NULL);

  if (!flush_or_toast (self))
    return;
  clr_store_get_case_async (self->store, case_id, self->cancellable,
                            case_loaded_cb, g_object_ref (self));
}

void
clr_shipment_page_new_case (ClrShipmentPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ClrSettings *settings = get_settings ();

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));

  if (!flush_or_toast (self))
    return;

  /* A new case starts with today's date, the exporter's country, one item and an end user. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, today);
  if (settings != NULL && clr_settings_get_exporter_country (settings) != NULL
      && *clr_settings_get_exporter_country (settings) != '\0')
    {
      json_builder_set_member_name (builder, "exported_from");
      json_builder_add_string_value (builder, clr_settings_get_exporter_country (settings));
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
  document = json_builder_get_root (builder);

  if (self->saver != NULL)
    clr_case_saver_set_case_id (self->saver, 0);
  self->case_archived = FALSE;
  g_clear_pointer (&self->unsaved_result, json_node_unref);
  clr_shipment_form_set_show_missing (self->form, FALSE);
  clr_shipment_form_set_document (self->form, document);
  clr_shipment_form_expand_all (self->form);
  clr_result_pane_set_result (self->result_pane, NULL, NULL);
  self->generation++;
  update_title (self);
  gtk_list_box_unselect_all (self->case_list);
  update_actions (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "form");
  clr_shipment_form_focus_reference (self->form);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = clr_store_import_case_finish (CLR_STORE (object), result, &error);

  if (id == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  refresh_case_list (self);
  clr_shipment_page_open_case (self, id);
}

void
clr_shipment_page_open_file (ClrShipmentPage *self,
                             GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL || self->store == NULL)
    {
      toast (self, _("Only local shipment files can be opened"));
      return;
    }
  self->opened_first = TRUE;
  clr_store_import_case_async (self->store, path, self->cancellable,
                               import_done_cb, g_object_ref (self));
}

/* ---- Inline screening -------------------------------------------------- */

typedef struct
{
  ClrMatcher *matcher;
  char       *name;
  char       *country;
  double      threshold;
} ScreenData;

static void
screen_data_free (gpointer data)
{
  ScreenData *screen = data;

  g_object_unref (screen->matcher);
  g_free (screen->name);
  g_free (screen->country);
  g_free (screen);
}

static void
screen_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ScreenData *screen = task_data;
  g_autoptr(GPtrArray) hits = clr_matcher_screen (screen->matcher, screen->name, screen->country,
                                                  screen->threshold, 1);

  if (hits->len == 0)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, clr_hit_to_json (g_ptr_array_index (hits, 0)),
                           (GDestroyNotify) json_node_unref);
}

static void
screen_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrPartyRow) row = user_data;
  ScreenData *screen = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) hit = g_task_propagate_pointer (G_TASK (result), &error);

  /* Only when the row still shows the name that was screened. */
  if (gtk_widget_get_parent (GTK_WIDGET (row)) == NULL
      || g_strcmp0 (clr_party_row_get_name (row), screen->name) != 0)
    return;
  if (error != NULL)
    clr_party_row_set_hit (row, NULL, error->message);
  else if (hit != NULL)
    clr_party_row_set_hit (row, json_node_get_object (hit), NULL);
  else
    clr_party_row_set_hit (row, NULL, _("No potential match on the loaded lists"));
}

static void
screen_row (ClrShipmentPage *self,
            ClrPartyRow     *row)
{
  const char *name = clr_party_row_get_name (row);
  ClrSettings *settings = get_settings ();
  g_autoptr(GTask) task = NULL;
  ScreenData *screen;

  if (name == NULL)
    {
      clr_party_row_set_hit (row, NULL, _("Type a name to screen it"));
      return;
    }
  if (self->matcher == NULL)
    {
      clr_party_row_set_hit (row, NULL, _("Loading the screening lists…"));
      return;
    }
  if (clr_matcher_get_n_entries (self->matcher) == 0)
    {
      clr_party_row_set_hit (row, NULL, _("No screening lists loaded"));
      return;
    }
  screen = g_new0 (ScreenData, 1);
  screen->matcher = g_object_ref (self->matcher);
  screen->name = g_strdup (name);
  screen->country = g_strdup (clr_party_row_get_country (row));
  screen->threshold = settings != NULL ? clr_settings_get_screening_threshold (settings)
                                       : clr_matcher_get_default_threshold ();
  clr_party_row_set_hit (row, NULL, _("Screening…"));
  task = g_task_new (NULL, self->cancellable, screen_done_cb, g_object_ref (row));
  g_task_set_source_tag (task, screen_row);
  g_task_set_task_data (task, screen, screen_data_free);
  g_task_run_in_thread (task, screen_thread);
}

static gboolean
screen_timeout_cb (gpointer user_data)
{
  ClrPartyRow *row = user_data;
  ClrShipmentPage *self = g_object_get_data (G_OBJECT (row), "clr-page");

  g_object_set_data (G_OBJECT (row), "clr-screen-timeout", NULL);
  if (self != NULL && gtk_widget_get_parent (GTK_WIDGET (row)) != NULL)
    screen_row (self, row);
  return G_SOURCE_REMOVE;
}

static void
party_changed_cb (ClrShipmentPage *self,
                  ClrPartyRow     *row)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "clr-screen-timeout"));

  if (id != 0)
    g_source_remove (id);
  g_object_set_data (G_OBJECT (row), "clr-page", self);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, SCREEN_DELAY_MS, screen_timeout_cb,
                           g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (row), "clr-screen-timeout", GUINT_TO_POINTER (id));
}

static void
screen_all_parties (ClrShipmentPage *self)
{
  GPtrArray *rows = clr_shipment_form_get_party_rows (self->form);

  for (guint i = 0; i < rows->len; i++)
    screen_row (self, g_ptr_array_index (rows, i));
}

static void
matcher_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher_finish (CLR_STORE (object), result, &error);

  self->matcher_loading = FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_revealer_set_reveal_child (self->startup_banner, FALSE);
  if (matcher == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_set_object (&self->matcher, matcher);
  /* First run: nothing to screen against until lists are loaded. */
  gtk_revealer_set_reveal_child (self->lists_banner, clr_matcher_get_n_entries (matcher) == 0);
  screen_all_parties (self);
}

/* Load Lists: the Lists page, where the download and the import are. (Not an
 * action-name in the template: GTK 4.8 reads the window's stateful win.page
 * before the window is built.) */
static void
load_lists_clicked_cb (ClrShipmentPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "lists");
}

static void
load_matcher (ClrShipmentPage *self)
{
  if (self->store == NULL || self->matcher_loading)
    return;
  self->matcher_loading = TRUE;
  /* the store's shared matcher is built at start (seconds on the full lists):
   * say so, and Evaluate then reuses it */
  gtk_revealer_set_reveal_child (self->startup_banner, TRUE);
  clr_store_load_matcher_async (self->store, self->cancellable, matcher_loaded_cb, g_object_ref (self));
}

/* ---- Review: the inline hit on the Review page, decisions back here ------- */

typedef struct
{
  ClrStore *store;
  JsonNode *parties;     /* the document's "parties" array */
  JsonNode *hit;         /* the inline hit (screen --json shape) */
  guint     party;
  gint64    case_id;
  char     *party_name;
  char     *list_code;
  char     *entry_key;
} RecordData;

static void
record_data_free (gpointer data)
{
  RecordData *record = data;

  g_clear_object (&record->store);
  json_node_unref (record->parties);
  json_node_unref (record->hit);
  g_free (record->party_name);
  g_free (record->list_code);
  g_free (record->entry_key);
  g_free (record);
}

/* The inline hit comes from the page's own matcher and is not in the review
 * queue until the shipment is evaluated; a reviewer who asks to decide it
 * expects to find it there, so it is recorded now, on this case. */
static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RecordData *record = task_data;
  g_autoptr(JsonArray) screening = json_array_new ();
  JsonObject *element = json_object_new ();
  JsonArray *hits = json_array_new ();
  GError *error = NULL;

  json_array_add_element (hits, json_node_ref (record->hit));
  json_object_set_int_member (element, "party", record->party);
  json_object_set_array_member (element, "hits", hits);
  json_array_add_object_element (screening, element);
  if (!clr_store_review_annotate_screening_full (record->store, screening,
                                                 json_node_get_array (record->parties),
                                                 record->case_id, "case", &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
record_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);
  RecordData *record = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The Review page then says the hit is not in the queue, and shows the party. */
      toast (self, error->message);
    }
  /* The queue annotated the hit with the item it is (0 when it was not recorded). */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.review-hit", "(xsssx)", record->case_id,
                              record->party_name, record->list_code ? record->list_code : "",
                              record->entry_key ? record->entry_key : "",
                              json_object_get_int_member_with_default (json_node_get_object (record->hit),
                                                                       "review_id", 0));
}

static void
review_hit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);
  GPtrArray *rows = clr_shipment_form_get_party_rows (self->form);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GTask) task = NULL;
  ClrPartyRow *row;
  JsonObject *hit;
  JsonNode *parties;
  RecordData *record;

  if (index >= rows->len)
    return;
  row = g_ptr_array_index (rows, index);
  hit = clr_party_row_get_hit (row);
  if (hit == NULL || clr_party_row_get_name (row) == NULL)
    return;

  /* The case must exist for the queue to name it. */
  flush_or_toast (self);
  document = clr_shipment_form_get_document (self->form);
  parties = json_object_get_member (json_node_get_object (document), "parties");

  record = g_new0 (RecordData, 1);
  record->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  /* Deep copies: the worker annotates them in place, the row keeps its own. */
  record->parties = parties != NULL && JSON_NODE_HOLDS_ARRAY (parties)
                    ? clr_json_node_deep_copy (parties) : json_node_init_array (json_node_alloc (), json_array_new ());
  {
    g_autoptr(JsonNode) shallow = json_node_init_object (json_node_alloc (), hit);

    record->hit = clr_json_node_deep_copy (shallow);
  }
  record->party = index;
  record->case_id = self->saver != NULL ? clr_case_saver_get_case_id (self->saver) : 0;
  record->party_name = g_strdup (clr_party_row_get_name (row));
  record->list_code = g_strdup (clr_json_get_string (hit, "list"));
  record->entry_key = g_strdup (clr_json_get_string (hit, "entry_id"));

  if (record->store == NULL)
    {
      /* No database: nothing to record; the Review page explains. */
      gtk_widget_activate_action (widget, "win.review-hit", "(xsssx)", record->case_id,
                                  record->party_name, record->list_code ? record->list_code : "",
                                  record->entry_key ? record->entry_key : "", (gint64) 0);
      record_data_free (record);
      return;
    }
  task = g_task_new (self, self->cancellable, record_done_cb, NULL);
  g_task_set_source_tag (task, review_hit_action);
  g_task_set_task_data (task, record, record_data_free);
  g_task_run_in_thread (task, record_thread);
}

/* Does @result rest on a decision other than @decision for review item
 * @review_id? With @decision NULL: does it use that item at all? */
static gboolean
result_uses_item (JsonNode   *result,
                  gint64      review_id,
                  const char *decision)
{
  JsonNode *screening = result != NULL && JSON_NODE_HOLDS_OBJECT (result)
                        ? json_object_get_member (json_node_get_object (result), "screening") : NULL;
  JsonArray *elements;

  if (screening == NULL || !JSON_NODE_HOLDS_ARRAY (screening))
    return FALSE;
  elements = json_node_get_array (screening);
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode *element = json_array_get_element (elements, i);
      JsonNode *hits = JSON_NODE_HOLDS_OBJECT (element)
                       ? json_object_get_member (json_node_get_object (element), "hits") : NULL;

      for (guint h = 0; hits != NULL && JSON_NODE_HOLDS_ARRAY (hits)
                        && h < json_array_get_length (json_node_get_array (hits)); h++)
        {
          JsonNode *node = json_array_get_element (json_node_get_array (hits), h);
          JsonObject *hit = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *id = hit != NULL ? json_object_get_member (hit, "review_id") : NULL;

          if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64
              || json_node_get_int (id) != review_id)
            continue;
          if (decision == NULL || g_strcmp0 (clr_json_get_string (hit, "decision"), decision) != 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
screening_decision_changed_cb (ClrShipmentPage *self,
                               gint64           case_id,
                               gint64           review_id,
                               const char      *decision)
{
  JsonNode *result = clr_result_pane_get_result (self->result_pane);
  gint64 current = self->saver != NULL ? clr_case_saver_get_case_id (self->saver) : 0;

  if (result == NULL)
    return;
  /* Only the result that rests on this hit (or belongs to the case it was
   * decided for) is out of date; any other case's result is not. */
  if (result_uses_item (result, review_id, decision)
      || (case_id != 0 && case_id == current && !result_uses_item (result, review_id, NULL)))
    clr_result_pane_set_stale (self->result_pane, TRUE);
}

/* ---- Rule pack --------------------------------------------------------- */

static void
pack_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRulePack) pack = clr_store_load_rule_pack_finish (CLR_STORE (object), result, &error);
  g_autoptr(ClrShipmentCatalog) catalog = NULL;

  if (pack == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the rule pack failed to load; the reason follows */
          g_autofree char *text = g_strdup_printf (_("The rule pack cannot be used: %s"), error->message);

          clr_result_pane_set_error (self->result_pane, text);
        }
      return;
    }
  catalog = clr_shipment_catalog_new (pack);
  g_set_object (&self->catalog, catalog);
  clr_shipment_form_set_catalog (self->form, catalog);
  screen_all_parties (self);
  self->ready = TRUE;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* ---- Evaluation -------------------------------------------------------- */

typedef struct
{
  ClrStore *store;
  JsonNode *shipment;
  char     *as_of;
  char     *posture;
  guint64   generation;
} EvaluateData;

static void
evaluate_data_free (gpointer data)
{
  EvaluateData *evaluate = data;

  g_object_unref (evaluate->store);
  json_node_unref (evaluate->shipment);
  g_free (evaluate->as_of);
  g_free (evaluate->posture);
  g_free (evaluate);
}

static void
evaluate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EvaluateData *evaluate = task_data;
  GError *error = NULL;
  JsonNode *result = clr_store_evaluate_shipment (evaluate->store, evaluate->shipment,
                                                  evaluate->as_of, evaluate->posture,
                                                  TRUE, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) json_node_unref);
}

static void
evaluate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);
  EvaluateData *evaluate = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) determination = g_task_propagate_pointer (G_TASK (result), &error);

  self->evaluating = FALSE;
  clr_result_pane_set_busy (self->result_pane, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATING]);
  update_actions (self);

  if (determination == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clr_result_pane_set_error (self->result_pane, error->message);
      return;
    }
  clr_result_pane_set_result (self->result_pane, determination, evaluate->shipment);
  if (evaluate->generation != self->generation)
    clr_result_pane_set_stale (self->result_pane, TRUE);
  else
    store_result (self, determination);
  update_actions (self);
}

void
clr_shipment_page_evaluate (ClrShipmentPage *self)
{
  g_autoptr(GTask) task = NULL;
  EvaluateData *evaluate;
  GtkWidget *first = NULL;
  guint errors;

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));

  if (!self->ready || self->evaluating)
    return;

  /* Problems are shown on their fields; the first one gets the focus. */
  clr_shipment_form_set_show_missing (self->form, TRUE);
  errors = clr_shipment_form_count_errors (self->form, &first);
  if (!clr_result_pane_as_of_is_valid (self->result_pane))
    errors++;
  if (errors > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u field needs attention before evaluating",
                                                         "%u fields need attention before evaluating",
                                                         errors), errors);

      clr_result_pane_set_error (self->result_pane, text);
      if (first != NULL)
        {
          GtkWidget *expander = gtk_widget_get_ancestor (first, ADW_TYPE_EXPANDER_ROW);

          adw_leaflet_set_visible_child_name (self->inner_leaflet, "form");
          if (expander != NULL)
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
          gtk_widget_grab_focus (first);
        }
      return;
    }

  evaluate = g_new0 (EvaluateData, 1);
  evaluate->store = g_object_ref (self->store);
  evaluate->shipment = clr_shipment_form_get_document (self->form);
  evaluate->as_of = g_strdup (clr_result_pane_get_as_of (self->result_pane));
  evaluate->posture = g_strdup (clr_result_pane_get_posture (self->result_pane));
  evaluate->generation = self->generation;

  self->evaluating = TRUE;
  clr_result_pane_set_error (self->result_pane, NULL);
  clr_result_pane_set_busy (self->result_pane, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATING]);
  update_actions (self);
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "result");

  task = g_task_new (self, self->cancellable, evaluate_done_cb, NULL);
  g_task_set_source_tag (task, clr_shipment_page_evaluate);
  g_task_set_task_data (task, evaluate, evaluate_data_free);
  g_task_run_in_thread (task, evaluate_thread);
}

static void
options_changed_cb (ClrShipmentPage *self)
{
  clr_result_pane_set_stale (self->result_pane, TRUE);
}

/* ---- Reports ----------------------------------------------------------- */

static ClrReport *
make_report (ClrShipmentPage  *self,
             GError          **error)
{
  ClrSettings *settings = get_settings ();
  g_autofree char *author = settings ? clr_settings_dup_effective_reviewer_name (settings) : NULL;

  return clr_report_new (clr_result_pane_get_shipment (self->result_pane),
                         clr_result_pane_get_result (self->result_pane),
                         author, NULL, error);
}

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

  if (json == NULL)
    {
      toast (self, error->message);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (json);
    /* Translators: the PDF was written; the JSON evidence pack's file name follows */
    g_autofree char *text = g_strdup_printf (_("Evidence report saved, with its evidence pack %s"), name);

    toast (self, text);
  }
}

static void
export_report_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           gpointer         user_data)
{
  ClrShipmentPage *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL)
    return;
  report = make_report (self, &error);
  if (report == NULL)
    {
      toast (self, error->message);
      return;
    }
  task = g_task_new (report, NULL, report_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, export_report_response_cb);
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  g_task_run_in_thread (task, report_thread);
}

static char *
suggested_name (ClrShipmentPage *self,
                const char      *suffix)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);
  JsonObject *object = json_node_get_object (document);
  const char *reference = json_object_has_member (object, "reference")
                          ? json_object_get_string_member (object, "reference") : NULL;
  g_autofree char *base = g_strdup (reference && *reference ? reference : _("shipment"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, suffix, NULL);
}

/* The page's chooser in @slot, made on first use with @title, @action, its
 * accept label, one filter and @response_cb; then kept (hidden between uses)
 * until the page goes. */
static GtkFileChooserNative *
file_chooser (ClrShipmentPage       *self,
              GtkFileChooserNative **slot,
              const char            *title,
              GtkFileChooserAction   action,
              const char            *accept_label,
              const char            *pattern,
              const char            *filter_name,
              GCallback              response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileFilter *filter;

  if (*slot != NULL)
    {
      gtk_native_dialog_set_transient_for (GTK_NATIVE_DIALOG (*slot),
                                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      return *slot;
    }
  *slot = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       action, accept_label, _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*slot), filter);
  g_object_unref (filter);
  {
    g_autoptr(GFile) folder = clr_application_dup_dialog_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (*slot), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*slot), TRUE);
  g_signal_connect (*slot, "response", response_cb, self);
  return *slot;
}

static void
drop_file_chooser (ClrShipmentPage       *self,
                   GtkFileChooserNative **slot)
{
  if (*slot == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*slot, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);
  g_autofree char *name = suggested_name (self, "-evidence.pdf");
  GtkFileChooserNative *dialog;

  if (clr_result_pane_get_result (self->result_pane) == NULL)
    return;
  dialog = file_chooser (self, &self->report_chooser, _("Export Evidence Report"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), "*.pdf", _("PDF documents"),
                         G_CALLBACK (export_report_response_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

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
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ClrShipmentPage         *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      toast (self, error ? error->message : _("Printing failed"));
    }
  g_clear_object (&self->print_report);
  update_actions (self);
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
  job = suggested_name (self, "");
  gtk_print_operation_set_job_name (operation, job);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  update_actions (self);
  return g_steal_pointer (&operation);
}

gboolean
clr_shipment_page_get_printing (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->print_report != NULL;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperationResult result;

  operation = clr_shipment_page_create_print_operation (self, &error);
  if (operation == NULL)
    {
      /* Print is disabled while printing; a second one (a key repeat) is ignored. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        toast (self, error->message);
      return;
    }
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  /* ::done, when it was emitted already, has said what went wrong. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_report != NULL)
    toast (self, error ? error->message : _("Printing failed"));
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      g_clear_object (&self->print_report);
      update_actions (self);
    }
}

/* ---- Case actions ------------------------------------------------------ */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  clr_shipment_page_new_case (CLR_SHIPMENT_PAGE (widget));
}

/* Ctrl+I / Ctrl+Shift+P: Add Item / Add Party wherever the focus is. */
static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  clr_shipment_form_add_item (CLR_SHIPMENT_PAGE (widget)->form);
}

static void
add_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  clr_shipment_form_add_party (CLR_SHIPMENT_PAGE (widget)->form);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "cases");
  gtk_widget_grab_focus (GTK_WIDGET (self->case_search));
}

static void
evaluate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  clr_shipment_page_evaluate (CLR_SHIPMENT_PAGE (widget));
}

static void
show_cases_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (CLR_SHIPMENT_PAGE (widget)->leaflet, "cases");
}

static void
show_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "form");
}

static void
duplicate_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = clr_store_duplicate_case_finish (CLR_STORE (object), result, &error);

  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  refresh_case_list (self);
  clr_shipment_page_open_case (self, id);
  toast (self, _("Case duplicated"));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  if (!flush_or_toast (self) || clr_case_saver_get_case_id (self->saver) == 0)
    return;
  clr_store_duplicate_case_async (self->store, clr_case_saver_get_case_id (self->saver),
                                  self->cancellable, duplicate_done_cb, g_object_ref (self));
}

static void
archive_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_set_case_archived_finish (CLR_STORE (object), result, &error))
    {
      toast (self, error->message);
      return;
    }
  self->case_archived = !self->case_archived;
  update_title (self);
  refresh_case_list (self);
  toast (self, self->case_archived ? _("Case archived") : _("Case restored"));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  if (!flush_or_toast (self) || clr_case_saver_get_case_id (self->saver) == 0)
    return;
  clr_store_set_case_archived_async (self->store, clr_case_saver_get_case_id (self->saver),
                                     !self->case_archived, self->cancellable,
                                     archive_done_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ClrShipmentPage *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    clr_shipment_page_open_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = file_chooser (self, &self->import_chooser, _("Import Shipment"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), "*.json", _("Shipment JSON"),
                         G_CALLBACK (import_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_json_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClrShipmentPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_store_export_case_finish (CLR_STORE (object), result, &error))
    toast (self, error->message);
  else
    toast (self, _("Shipment exported"));
}

static void
export_json_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  ClrShipmentPage *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!flush_or_toast (self) || clr_case_saver_get_case_id (self->saver) == 0)
    return;
  clr_store_export_case_async (self->store, clr_case_saver_get_case_id (self->saver), path,
                               self->cancellable, export_json_done_cb, g_object_ref (self));
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);
  g_autofree char *name = suggested_name (self, ".json");
  GtkFileChooserNative *dialog;

  dialog = file_chooser (self, &self->json_chooser, _("Export Shipment"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), "*.json", _("Shipment JSON"),
                         G_CALLBACK (export_json_response_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Layout ------------------------------------------------------------ */

static void
folded_changed_cb (ClrShipmentPage *self)
{
  gboolean outer = adw_leaflet_get_folded (self->leaflet);
  gboolean inner = adw_leaflet_get_folded (self->inner_leaflet);

  gtk_widget_set_visible (self->cases_button, outer);
  gtk_widget_set_visible (self->close_cases_button, outer);
  gtk_widget_set_visible (self->form_evaluate_button, inner);
  gtk_widget_set_visible (clr_result_pane_get_back_button (self->result_pane), inner);
}

static void
load_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/shipment/clr-shipment.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ---- GObject ----------------------------------------------------------- */

static gboolean
actions_ready_cb (gpointer user_data)
{
  ClrShipmentPage *self = user_data;

  self->actions_ready = TRUE;
  update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
clr_shipment_page_map (GtkWidget *widget)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  self->actions_ready = TRUE;
  GTK_WIDGET_CLASS (clr_shipment_page_parent_class)->map (widget);
  update_actions (self);
  /* Back from the Lists page after the first import: screen with the lists now. */
  if (gtk_revealer_get_reveal_child (self->lists_banner))
    load_matcher (self);
}

static void
clr_shipment_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (clr_shipment_page_parent_class)->unmap (widget);
  update_actions (CLR_SHIPMENT_PAGE (widget));
}

static void
clr_shipment_page_dispose (GObject *object)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);

  /* Nothing typed is lost on close. */
  if (self->saver != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!clr_case_saver_flush (self->saver, &error))
        g_warning ("Could not save the open case on close: %s", error->message);
      g_signal_handlers_disconnect_by_data (self->saver, self);
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->list_timeout_id, g_source_remove);
  drop_file_chooser (self, &self->report_chooser);
  drop_file_chooser (self, &self->json_chooser);
  drop_file_chooser (self, &self->import_chooser);
  /* The bin's child is a bound template child: let the bin drop it first, so the
   * template teardown does not unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLR_TYPE_SHIPMENT_PAGE);
  g_clear_object (&self->saver);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->matcher);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_report);
  g_clear_pointer (&self->unsaved_result, json_node_unref);

  G_OBJECT_CLASS (clr_shipment_page_parent_class)->dispose (object);
}

static void
clr_shipment_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_EVALUATING:
      g_value_set_boolean (value, self->evaluating);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_shipment_page_class_init (ClrShipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_shipment_page_dispose;
  object_class->get_property = clr_shipment_page_get_property;
  widget_class->map = clr_shipment_page_map;
  widget_class->unmap = clr_shipment_page_unmap;

  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATING] = g_param_spec_boolean ("evaluating", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CLR_TYPE_SHIPMENT_FORM);
  g_type_ensure (CLR_TYPE_RESULT_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-shipment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, case_search);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, case_list);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, lists_banner);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, startup_banner);
  gtk_widget_class_bind_template_callback (widget_class, load_lists_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, case_title);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, cases_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, close_cases_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, form_evaluate_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, case_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, form);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, result_pane);
  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "shipment.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "shipment.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "shipment.evaluate", NULL, evaluate_action);
  gtk_widget_class_install_action (widget_class, "shipment.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "shipment.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "shipment.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "shipment.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "shipment.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "shipment.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "shipment.show-cases", NULL, show_cases_action);
  gtk_widget_class_install_action (widget_class, "shipment.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "shipment.add-party", NULL, add_party_action);
  gtk_widget_class_install_action (widget_class, "shipment.show-form", NULL, show_form_action);
  gtk_widget_class_install_action (widget_class, "shipment.review-hit", "u", review_hit_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

static void
clr_shipment_page_init (ClrShipmentPage *self)
{
  GtkEventController *shortcuts;
  ClrApplication *app;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();
  self->cancellable = g_cancellable_new ();

  /* Managed by the window, so they work wherever the focus is while this page shows;
   * the actions are disabled while it is hidden, so other pages get the keys then. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>n", "shipment.new");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", "shipment.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Return", "shipment.evaluate");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>KP_Enter", "shipment.evaluate");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>e", "shipment.export-report");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>p", "shipment.print");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>o", "shipment.import");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>i", "shipment.add-item");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>p", "shipment.add-party");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->form, "party-changed", G_CALLBACK (party_changed_cb), self);
  g_signal_connect_swapped (self->result_pane, "options-changed", G_CALLBACK (options_changed_cb), self);
  self->case_placeholder = GTK_LABEL (gtk_label_new (_("No cases yet")));
  gtk_label_set_wrap (self->case_placeholder, TRUE);
  gtk_label_set_justify (self->case_placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->case_placeholder), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->case_placeholder), "clr-placeholder");
  gtk_list_box_set_placeholder (self->case_list, GTK_WIDGET (self->case_placeholder));
  g_signal_connect_swapped (self->case_list, "row-activated", G_CALLBACK (case_row_activated_cb), self);
  g_signal_connect_swapped (self->case_search, "search-changed", G_CALLBACK (refresh_case_list), self);
  g_signal_connect_swapped (self->archived_check, "toggled", G_CALLBACK (refresh_case_list), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  g_signal_connect_swapped (self->inner_leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  folded_changed_cb (self);

  clr_shipment_page_new_case (self);
  /* Disable the shortcuts' actions of a page that is not shown yet, once the window exists. */
  g_idle_add_full (G_PRIORITY_DEFAULT, actions_ready_cb, g_object_ref (self), g_object_unref);

  app = clr_application_get_default ();
  if (app != NULL)
    g_signal_connect_object (app, "screening-decision-changed",
                             G_CALLBACK (screening_decision_changed_cb), self, G_CONNECT_SWAPPED);
  if (app != NULL && clr_application_get_store (app) != NULL)
    clr_shipment_page_set_store (self, clr_application_get_store (app));
}

GtkWidget *
clr_shipment_page_new (void)
{
  return g_object_new (CLR_TYPE_SHIPMENT_PAGE, NULL);
}

void
clr_shipment_page_set_store (ClrShipmentPage *self,
                             ClrStore        *store)
{
  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));
  g_return_if_fail (CLR_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->saver != NULL)
    {
      flush_or_toast (self);
      g_signal_handlers_disconnect_by_data (self->saver, self);
      g_clear_object (&self->saver);
    }
  g_set_object (&self->store, store);
  self->saver = clr_case_saver_new (store);
  g_signal_connect_swapped (self->saver, "saved", G_CALLBACK (saver_saved_cb), self);
  g_signal_connect_swapped (self->saver, "failed", G_CALLBACK (saver_failed_cb), self);
  self->opened_first = FALSE;
  self->ready = FALSE;

  clr_store_load_rule_pack_async (store, self->cancellable, pack_loaded_cb, g_object_ref (self));
  load_matcher (self);
  refresh_case_list (self);
  update_actions (self);
}

gboolean
clr_shipment_page_get_ready (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->ready;
}

gint64
clr_shipment_page_get_case_id (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), 0);
  return self->saver != NULL ? clr_case_saver_get_case_id (self->saver) : 0;
}

gboolean
clr_shipment_page_get_evaluating (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->evaluating;
}

GtkWidget *
clr_shipment_page_get_form (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return GTK_WIDGET (self->form);
}

GtkWidget *
clr_shipment_page_get_result_pane (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return GTK_WIDGET (self->result_pane);
}

GtkListBox *
clr_shipment_page_get_case_list (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return self->case_list;
}

GtkRevealer *
clr_shipment_page_get_lists_banner (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return self->lists_banner;
}
