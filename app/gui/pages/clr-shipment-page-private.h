/* clr-shipment-page-private.h — ClrShipmentPage internals: the struct its files share
 * (clr-shipment-page.c, -actions.c, -report.c) and what the GUI tests drive
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-shipment-page.h"
#include "../shipment/clr-case-hold-banner.h"
#include "../shipment/clr-case-sidebar.h"
#include "../shipment/clr-result-pane.h"
#include "../shipment/clr-shipment-form.h"
#include "../shipment/clr-shipment-session.h"
#include "clr-report.h"
#include "widgets/clr-file-chooser.h"

G_BEGIN_DECLS

struct _ClrShipmentPage
{
  ClrPage               parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwLeaflet           *inner_leaflet;
  ClrCaseSidebar       *sidebar;
  GtkRevealer          *lists_banner;
  GtkRevealer          *startup_banner;
  GtkRevealer          *elsewhere_banner;   /* another program saved the open case */
  GtkLabel             *elsewhere_label;
  GtkLabel             *case_title;
  GtkWidget            *cases_button;
  GtkToggleButton      *cases_toggle;
  GtkLabel             *save_state;
  GtkWidget            *form_evaluate_button;
  ClrShipmentForm      *form;
  ClrResultPane        *result_pane;

  ClrShipmentSession   *session;
  GCancellable         *cancellable;

  gboolean              opened_first;
  gboolean              actions_ready;
  ClrReport            *print_report;
  char                 *last_report_uri;  /* the PDF this page last exported, for Show in Folder */

  /* The file choosers, made on first use and kept: each opens where it was
   * last used, and a chooser is hidden, not destroyed, between uses. */
  GtkFileChooserNative *report_chooser;
  GtkFileChooserNative *json_chooser;
  GtkFileChooserNative *import_chooser;

  /* Another program has the open case: who, and Try Again. */
  ClrCaseHoldBanner    *hold_banner;
};

/* Shows @message as a toast on the page. */
void                  clr_shipment_page_toast               (ClrShipmentPage       *self,
                                                             const char            *message);

/* clr-shipment-page-actions.c: the shipment.* actions and their shortcuts. */
void                  _clr_shipment_page_class_add_actions  (GtkWidgetClass        *widget_class);
void                  _clr_shipment_page_add_shortcuts      (ClrShipmentPage       *self);
/* Enables the actions for the page's state (all disabled while it is hidden). */
void                  _clr_shipment_page_update_actions     (ClrShipmentPage       *self);
/* ClrShipmentSession::changed-elsewhere: the banner says @text and offers
 * shipment.reload-case (their version, dropping what is not saved here). */
void                  _clr_shipment_page_changed_elsewhere  (ClrShipmentPage       *self,
                                                             const char            *text);
/* What the page does with the file a chooser accepted. */
typedef void (*ClrShipmentPageFileFunc) (ClrShipmentPage *self,
                                         GFile           *file);
/* The page's chooser in @slot, made on first use with @title, @action, its
 * accept label and one filter, that hands the file the user accepts to
 * @chosen; then kept (hidden between uses) until the page goes
 * (clr_file_chooser_drop()). */
GtkFileChooserNative *_clr_shipment_page_file_chooser       (ClrShipmentPage       *self,
                                                             GtkFileChooserNative **slot,
                                                             const char            *title,
                                                             GtkFileChooserAction   action,
                                                             const char            *accept_label,
                                                             const char            *pattern,
                                                             const char            *filter_name,
                                                             ClrShipmentPageFileFunc chosen);
/* The open shipment's reference made a file name with @suffix. */
char                 *_clr_shipment_page_suggested_name     (ClrShipmentPage       *self,
                                                             const char            *suffix);

/* clr-shipment-page-report.c: shipment.export-report and shipment.print. */
void                  _clr_shipment_page_export_report      (ClrShipmentPage       *self);
void                  _clr_shipment_page_print              (ClrShipmentPage       *self);
/* The same without asking "Evaluate again first?" about a stale result. */
void                  _clr_shipment_page_export_report_now  (ClrShipmentPage       *self);
void                  _clr_shipment_page_print_now          (ClrShipmentPage       *self);
/* Writes the evidence report to @file (and its pack beside it) in a worker
 * thread, as the export dialog's Save does. */
void                  _clr_shipment_page_export_report_to   (ClrShipmentPage       *self,
                                                             GFile                 *file);
/* The export toast's Open: opens the file at URI @parameter ("s"). */
void                  _clr_shipment_page_open_file          (ClrShipmentPage       *self,
                                                             GVariant              *parameter);
/* Shows the last exported report in the file manager (FileManager1 over
 * D-Bus; without one, opens its folder). */
void                  _clr_shipment_page_show_report_in_folder (ClrShipmentPage    *self);

/* For the tests. */
GtkWidget            *clr_shipment_page_get_form            (ClrShipmentPage       *self);
GtkWidget            *clr_shipment_page_get_result_pane     (ClrShipmentPage       *self);
GtkListBox           *clr_shipment_page_get_case_list       (ClrShipmentPage       *self);
/* "Saved" beside the case title (shown after a save, hidden by an edit). */
GtkLabel             *clr_shipment_page_get_save_state      (ClrShipmentPage       *self);
/* Ctrl+S: writes the case now; "Saved" once it is. */
void                  _clr_shipment_page_save               (ClrShipmentPage       *self);
/* F9: shows or hides the case list beside the form. */
void                  _clr_shipment_page_toggle_cases       (ClrShipmentPage       *self);
/* The banner shown while another program has the open case. */
ClrCaseHoldBanner    *clr_shipment_page_get_hold_banner     (ClrShipmentPage       *self);
/* The first-run banner (revealed while no restricted-party list is loaded). */
GtkRevealer          *clr_shipment_page_get_lists_banner    (ClrShipmentPage       *self);

/* The print operation of the Print action (shipment.print): the evidence report
 * of the result on screen, paginated in ::begin-print and drawn page by page in
 * ::draw-page. Run it: the page counts as printing until the operation's ::done,
 * and until then Print is disabled and another call fails with G_IO_ERROR_BUSY.
 * Without a result it fails with G_IO_ERROR_NOT_INITIALIZED. (transfer full) */
GtkPrintOperation    *clr_shipment_page_create_print_operation (ClrShipmentPage    *self,
                                                                GError            **error);
/* TRUE from create_print_operation () until that operation is done. */
gboolean              clr_shipment_page_get_printing        (ClrShipmentPage       *self);

G_END_DECLS
