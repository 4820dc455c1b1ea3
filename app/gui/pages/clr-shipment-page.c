/* clr-shipment-page.c — the Shipment page: describe a shipment, screen it, evaluate the rules
 *
 * It shows a ClrShipmentSession (the case, autosave, screening, evaluation; no
 * widgets) in its form, result pane and case sidebar. Actions: -actions.c;
 * reports and printing: -report.c.
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

/* Screen a party after this long without typing. */
#define SCREEN_DELAY_MS 300

enum {
  PROP_0,
  PROP_READY,
  PROP_EVALUATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClrShipmentPage, clr_shipment_page, CLR_TYPE_PAGE)

static void screen_all_parties (ClrShipmentPage *self);
static void sync_sidebar_stale (ClrShipmentPage *self);

void
clr_shipment_page_toast (ClrShipmentPage *self,
                         const char      *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
update_title (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);
  const char *reference = clr_json_get_string (json_node_get_object (document), "reference");
  g_autofree char *title = NULL;

  if (reference == NULL || *reference == '\0')
    reference = _("Untitled shipment");
  if (clr_shipment_session_get_archived (self->session))
    /* Translators: title of an archived case */
    title = g_strdup_printf (_("%s (archived)"), reference);
  else
    title = g_strdup (reference);
  gtk_label_set_text (self->case_title, title);
}

/* ---- The session ------------------------------------------------------- */

static void
case_loaded_cb (ClrShipmentPage *self,
                ClrCase         *item)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_state), FALSE);
  gtk_revealer_set_reveal_child (self->elsewhere_banner, FALSE);
  clr_shipment_form_set_show_missing (self->form, FALSE);
  clr_shipment_form_set_document (self->form, item->shipment);
  clr_result_pane_set_result (self->result_pane, item->result, item->shipment);
  /* The session says why the stored result is out of date, if it is. */
  if (clr_shipment_session_get_stale_reason (self->session) != NULL)
    clr_result_pane_set_stale_reason (self->result_pane, clr_shipment_session_get_stale_reason (self->session));
  sync_sidebar_stale (self);
  update_title (self);
  _clr_shipment_page_update_actions (self);
  screen_all_parties (self);
}

static void
cases_changed_cb (ClrShipmentPage *self,
                  gboolean         at_once)
{
  /* A write of the open case (autosave, Ctrl+S, a result) has finished. */
  if (!at_once && clr_shipment_session_get_has_case (self->session))
    gtk_widget_set_visible (GTK_WIDGET (self->save_state), TRUE);
  if (!at_once)
    {
      clr_case_sidebar_queue_refresh (self->sidebar);
      return;
    }
  clr_case_sidebar_refresh (self->sidebar);
  _clr_shipment_page_update_actions (self);
}

static void
case_id_changed_cb (ClrShipmentPage *self)
{
  clr_case_sidebar_select_case (self->sidebar, clr_shipment_session_get_case_id (self->session));
}

static void
evaluating_changed_cb (ClrShipmentPage *self)
{
  clr_result_pane_set_busy (self->result_pane, clr_shipment_session_get_evaluating (self->session));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATING]);
  _clr_shipment_page_update_actions (self);
}

static void
evaluated_cb (ClrShipmentPage *self,
              JsonNode        *result,
              JsonNode        *shipment,
              gboolean         stale)
{
  clr_result_pane_set_result (self->result_pane, result, shipment);
  if (stale)
    clr_result_pane_set_stale_reason (self->result_pane, clr_shipment_session_get_stale_reason (self->session));
  sync_sidebar_stale (self);
  _clr_shipment_page_update_actions (self);
}

static void
evaluation_failed_cb (ClrShipmentPage *self,
                      const char      *message)
{
  clr_result_pane_set_error (self->result_pane, message);
}

/* The open case's row in the sidebar is marked while its result is stale. */
static void
sync_sidebar_stale (ClrShipmentPage *self)
{
  clr_case_sidebar_set_stale (self->sidebar, clr_shipment_session_get_case_id (self->session),
                              clr_result_pane_get_stale (self->result_pane));
}

static void
mark_stale_cb (ClrShipmentPage *self)
{
  clr_result_pane_set_stale_reason (self->result_pane, clr_shipment_session_get_stale_reason (self->session));
  sync_sidebar_stale (self);
}

/* As of or posture changed: the result answers another question now. */
static void
options_changed_cb (ClrShipmentPage *self)
{
  clr_shipment_session_mark_outdated (self->session, _("The evaluation date or posture was changed"));
}

static void
ready_changed_cb (ClrShipmentPage *self)
{
  clr_shipment_form_set_catalog (self->form, clr_shipment_session_get_catalog (self->session));
  screen_all_parties (self);
  _clr_shipment_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
lists_changed_cb (ClrShipmentPage *self)
{
  gboolean loading = clr_shipment_session_get_lists_loading (self->session);

  gtk_revealer_set_reveal_child (self->startup_banner, loading);
  /* First run: nothing to screen against until lists are loaded. */
  gtk_revealer_set_reveal_child (self->lists_banner, clr_shipment_session_get_lists_empty (self->session));
  if (!loading)
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

/* ---- The case list ----------------------------------------------------- */

static void
cases_loaded_cb (ClrShipmentPage *self)
{
  gint64 recent = clr_case_sidebar_get_recent_case (self->sidebar);

  /* On start, reopen the most recent open case; with none, a fresh form. */
  if (self->opened_first)
    return;
  self->opened_first = TRUE;
  if (recent != 0 && !clr_shipment_session_get_has_case (self->session))
    clr_shipment_session_reopen_case (self->session, recent);
}

static void
case_activated_cb (ClrShipmentPage *self,
                   gint64           case_id)
{
  if (case_id != 0 && case_id != clr_shipment_session_get_case_id (self->session))
    clr_shipment_page_open_case (self, case_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* ---- The form ---------------------------------------------------------- */

static void
form_changed_cb (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) document = clr_shipment_form_get_document (self->form);

  gtk_widget_set_visible (GTK_WIDGET (self->save_state), FALSE);
  clr_shipment_session_edit (self->session, document);
  update_title (self);
  _clr_shipment_page_update_actions (self);
}

typedef struct
{
  ClrPartyRow *row;
  char        *name;
} ScreenRow;

static void
screen_row_free (ScreenRow *screen)
{
  g_object_unref (screen->row);
  g_free (screen->name);
  g_free (screen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScreenRow, screen_row_free)

static void
screen_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScreenRow) screen = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) hit = clr_shipment_session_screen_finish (CLR_SHIPMENT_SESSION (object), result, &error);

  /* Only when the row still shows the name that was screened. */
  if (gtk_widget_get_parent (GTK_WIDGET (screen->row)) == NULL
      || g_strcmp0 (clr_party_row_get_name (screen->row), screen->name) != 0)
    return;
  if (error != NULL)
    clr_party_row_set_hit (screen->row, NULL, error->message);
  else if (hit != NULL)
    clr_party_row_set_hit (screen->row, json_node_get_object (hit), NULL);
  else
    clr_party_row_set_hit (screen->row, NULL, _("No potential match on the loaded lists"));
}

static void
screen_row (ClrShipmentPage *self,
            ClrPartyRow     *row)
{
  const char *name = clr_party_row_get_name (row);
  const char *blocker = clr_shipment_session_screening_blocker (self->session, name);
  ScreenRow *screen;

  if (blocker != NULL)
    {
      clr_party_row_set_hit (row, NULL, blocker);
      return;
    }
  screen = g_new0 (ScreenRow, 1);
  screen->row = g_object_ref (row);
  screen->name = g_strdup (name);
  clr_party_row_set_hit (row, NULL, _("Screening…"));
  clr_shipment_session_screen_async (self->session, name, clr_party_row_get_country (row),
                                     self->cancellable, screen_done_cb, screen);
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

/* ---- Cases and evaluation ---------------------------------------------- */

gboolean
clr_shipment_page_flush (ClrShipmentPage  *self,
                         GError          **error)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);

  return clr_shipment_session_flush (self->session, error);
}

void
clr_shipment_page_open_case (ClrShipmentPage *self,
                             gint64           case_id)
{
  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));

  clr_shipment_session_open_case (self->session, case_id);
}

void
clr_shipment_page_new_case (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) document = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));

  document = clr_shipment_session_new_case (self->session);
  if (document == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->save_state), FALSE);
  clr_shipment_form_set_show_missing (self->form, FALSE);
  clr_shipment_form_set_document (self->form, document);
  clr_shipment_form_expand_all (self->form);
  clr_result_pane_set_result (self->result_pane, NULL, NULL);
  update_title (self);
  _clr_shipment_page_update_actions (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "form");
  clr_shipment_form_focus_reference (self->form);
}

void
clr_shipment_page_open_file (ClrShipmentPage *self,
                             GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The imported case is shown, not the one reopened at start. */
  path = g_file_get_path (file);
  if (path != NULL && clr_page_get_store (CLR_PAGE (self)) != NULL)
    self->opened_first = TRUE;
  clr_shipment_session_import_file (self->session, file);
}

void
clr_shipment_page_evaluate (ClrShipmentPage *self)
{
  g_autoptr(JsonNode) shipment = NULL;
  GtkWidget *first = NULL;
  guint errors;

  g_return_if_fail (CLR_IS_SHIPMENT_PAGE (self));

  if (!clr_shipment_session_get_ready (self->session) || clr_shipment_session_get_evaluating (self->session))
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

  shipment = clr_shipment_form_get_document (self->form);
  clr_result_pane_set_error (self->result_pane, NULL);
  clr_shipment_session_evaluate (self->session, shipment,
                                 clr_result_pane_get_as_of (self->result_pane),
                                 clr_result_pane_get_posture (self->result_pane));
  /* Folded, the result takes the place of the form; side by side, the focus
   * stays where it was (switching the leaflet's child would move it into the
   * result pane). */
  if (adw_leaflet_get_folded (self->inner_leaflet))
    adw_leaflet_set_visible_child_name (self->inner_leaflet, "result");
}

void
_clr_shipment_page_save (ClrShipmentPage *self)
{
  if (!clr_shipment_session_save_now (self->session))
    return;   /* the session said why (a toast) */
  if (clr_shipment_session_get_has_case (self->session))
    gtk_widget_set_visible (GTK_WIDGET (self->save_state), TRUE);
  else
    clr_shipment_page_toast (self, _("Nothing to save yet: the form is empty"));
}

/* ---- Layout ------------------------------------------------------------ */

/* The case list is hidden only beside the form: folded, it is a page of its own. */
static void
sync_sidebar_visible (ClrShipmentPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar),
                          folded || gtk_toggle_button_get_active (self->cases_toggle));
  gtk_widget_set_visible (GTK_WIDGET (self->cases_toggle), !folded);
}

static void
cases_toggled_cb (ClrShipmentPage *self)
{
  sync_sidebar_visible (self);
}

void
_clr_shipment_page_toggle_cases (ClrShipmentPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    return;
  gtk_toggle_button_set_active (self->cases_toggle, !gtk_toggle_button_get_active (self->cases_toggle));
}

static void
folded_changed_cb (ClrShipmentPage *self)
{
  gboolean outer = adw_leaflet_get_folded (self->leaflet);
  gboolean inner = adw_leaflet_get_folded (self->inner_leaflet);

  sync_sidebar_visible (self);
  gtk_widget_set_visible (self->cases_button, outer);
  clr_case_sidebar_set_show_close (self->sidebar, outer);
  gtk_widget_set_visible (self->form_evaluate_button, inner);
  gtk_widget_set_visible (clr_result_pane_get_back_button (self->result_pane), inner);
  if (self->session != NULL)
    _clr_shipment_page_update_actions (self);
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
  _clr_shipment_page_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
clr_shipment_page_map (GtkWidget *widget)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (widget);

  self->actions_ready = TRUE;
  GTK_WIDGET_CLASS (clr_shipment_page_parent_class)->map (widget);
  _clr_shipment_page_update_actions (self);
  /* Back from the Lists page after the first import: screen with the lists now. */
  if (gtk_revealer_get_reveal_child (self->lists_banner))
    clr_shipment_session_load_lists (self->session);
}

static void
clr_shipment_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (clr_shipment_page_parent_class)->unmap (widget);
  _clr_shipment_page_update_actions (CLR_SHIPMENT_PAGE (widget));
}

/* Another program has the open case, or no longer: the form can be read, not
 * edited (expanded, so everything in it can be read). */
static void
hold_changed_cb (ClrShipmentPage *self)
{
  gboolean read_only = clr_shipment_session_get_read_only (self->session);

  clr_case_hold_banner_set_hold (self->hold_banner, clr_shipment_session_get_held_by (self->session));
  if (read_only)
    clr_shipment_form_expand_all (self->form);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !read_only);
  _clr_shipment_page_update_actions (self);
}

static void
add_hold_banner (ClrShipmentPage *self)
{
  GtkWidget *after = GTK_WIDGET (self->startup_banner);

  self->hold_banner = CLR_CASE_HOLD_BANNER (clr_case_hold_banner_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (after)), GTK_WIDGET (self->hold_banner), after);
  g_signal_connect_swapped (self->hold_banner, "try-again", G_CALLBACK (clr_shipment_session_try_again),
                            self->session);
}

static void
connect_session (ClrShipmentPage *self)
{
  const struct {
    const char *signal;
    GCallback   callback;
  } handlers[] = {
    { "case-loaded", G_CALLBACK (case_loaded_cb) },
    { "cases-changed", G_CALLBACK (cases_changed_cb) },
    { "evaluated", G_CALLBACK (evaluated_cb) },
    { "evaluation-failed", G_CALLBACK (evaluation_failed_cb) },
    { "result-outdated", G_CALLBACK (mark_stale_cb) },
    { "message", G_CALLBACK (clr_shipment_page_toast) },
    { "changed-elsewhere", G_CALLBACK (_clr_shipment_page_changed_elsewhere) },
    { "notify::case-id", G_CALLBACK (case_id_changed_cb) },
    { "notify::archived", G_CALLBACK (update_title) },
    { "notify::evaluating", G_CALLBACK (evaluating_changed_cb) },
    { "notify::ready", G_CALLBACK (ready_changed_cb) },
    { "notify::lists-loading", G_CALLBACK (lists_changed_cb) },
    { "notify::lists-empty", G_CALLBACK (lists_changed_cb) },
    /* After the case is shown: its rows are the ones to expand. */
    { "case-loaded", G_CALLBACK (hold_changed_cb) },
    { "notify::read-only", G_CALLBACK (hold_changed_cb) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_swapped (self->session, handlers[i].signal, handlers[i].callback, self);
}

static void
clr_shipment_page_constructed (GObject *object)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);

  ClrStore *store = clr_page_get_store (CLR_PAGE (object));

  G_OBJECT_CLASS (clr_shipment_page_parent_class)->constructed (object);

  self->session = clr_shipment_session_new (store, clr_page_get_settings (CLR_PAGE (object)));
  connect_session (self);
  add_hold_banner (self);
  lists_changed_cb (self);
  clr_shipment_page_new_case (self);
  clr_case_sidebar_set_store (self->sidebar, store);
  _clr_shipment_page_update_actions (self);
}

static void
clr_shipment_page_dispose (GObject *object)
{
  ClrShipmentPage *self = CLR_SHIPMENT_PAGE (object);

  /* Nothing typed is lost on close. */
  if (self->session != NULL)
    {
      clr_shipment_session_close (self->session);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  clr_file_chooser_drop (&self->report_chooser, self);
  clr_file_chooser_drop (&self->json_chooser, self);
  clr_file_chooser_drop (&self->import_chooser, self);
  /* The bin's child is a bound template child: let the bin drop it first, so the
   * template teardown does not unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLR_TYPE_SHIPMENT_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_report);
  g_clear_pointer (&self->last_report_uri, g_free);

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
    default:
      /* ready, evaluating: the session's */
      g_object_get_property (G_OBJECT (self->session), pspec->name, value);
    }
}

static void
clr_shipment_page_class_init (ClrShipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clr_shipment_page_constructed;
  object_class->dispose = clr_shipment_page_dispose;
  object_class->get_property = clr_shipment_page_get_property;
  widget_class->map = clr_shipment_page_map;
  widget_class->unmap = clr_shipment_page_unmap;

  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATING] = g_param_spec_boolean ("evaluating", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CLR_TYPE_CASE_SIDEBAR);
  g_type_ensure (CLR_TYPE_SHIPMENT_FORM);
  g_type_ensure (CLR_TYPE_RESULT_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-shipment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, lists_banner);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, startup_banner);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, elsewhere_banner);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, elsewhere_label);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, case_title);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, cases_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, cases_toggle);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, save_state);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, form_evaluate_button);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, form);
  gtk_widget_class_bind_template_child (widget_class, ClrShipmentPage, result_pane);
  gtk_widget_class_bind_template_callback (widget_class, load_lists_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cases_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, clr_shipment_page_toast);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, party_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "options_changed_cb", G_CALLBACK (options_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cases_toggled_cb);
  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _clr_shipment_page_class_add_actions (widget_class);
}

static void
clr_shipment_page_init (ClrShipmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();
  self->cancellable = g_cancellable_new ();
  _clr_shipment_page_add_shortcuts (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  folded_changed_cb (self);

  /* Disable the shortcuts' actions of a page that is not shown yet, once the window exists. */
  g_idle_add_full (G_PRIORITY_DEFAULT, actions_ready_cb, g_object_ref (self), g_object_unref);
}

GtkWidget *
clr_shipment_page_new (ClrStore    *store,
                       ClrSettings *settings)
{
  g_return_val_if_fail (store == NULL || CLR_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || CLR_IS_SETTINGS (settings), NULL);

  return g_object_new (CLR_TYPE_SHIPMENT_PAGE, "store", store, "settings", settings, NULL);
}

gboolean
clr_shipment_page_get_ready (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->session != NULL && clr_shipment_session_get_ready (self->session);
}

gint64
clr_shipment_page_get_case_id (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), 0);
  return self->session != NULL ? clr_shipment_session_get_case_id (self->session) : 0;
}

gboolean
clr_shipment_page_get_evaluating (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), FALSE);
  return self->session != NULL && clr_shipment_session_get_evaluating (self->session);
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
  return clr_case_sidebar_get_list (self->sidebar);
}

GtkLabel *
clr_shipment_page_get_save_state (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return self->save_state;
}

ClrCaseHoldBanner *
clr_shipment_page_get_hold_banner (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return self->hold_banner;
}

GtkRevealer *
clr_shipment_page_get_lists_banner (ClrShipmentPage *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_PAGE (self), NULL);
  return self->lists_banner;
}
