/* clr-form-row.h — what the item and party rows of the shipment form share
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "clr-shipment-catalog.h"

G_BEGIN_DECLS

#define CLR_TYPE_FORM_ROW (clr_form_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (ClrFormRow, clr_form_row, CLR, FORM_ROW, AdwExpanderRow)

/* An expander row holding ClrFieldRows (from the subclass's template) for one
 * object of the shipment document. The catalog ("catalog", construct-only,
 * nullable) is handed to every field row. Signals: ::changed (the user changed
 * a field; not while loading), ::remove-requested. */
struct _ClrFormRowClass
{
  AdwExpanderRowClass parent_class;

  /* Shows the number, the fields' summary and which fields apply. */
  void (*update) (ClrFormRow *self);
};

ClrShipmentCatalog *clr_form_row_get_catalog       (ClrFormRow  *self);
/* Position in the form, from 0 (titles say "Item 1"). */
guint               clr_form_row_get_index         (ClrFormRow  *self);
void                clr_form_row_set_index         (ClrFormRow  *self,
                                                    guint        index);
void                clr_form_row_set_show_missing  (ClrFormRow  *self,
                                                    gboolean     show_missing);
/* Number of shown fields with an error; the first one in *first (nullable). */
guint               clr_form_row_count_errors      (ClrFormRow  *self,
                                                    GtkWidget  **first);
/* Loading a document: ::changed is not emitted until loading ends. */
void                clr_form_row_set_loading       (ClrFormRow  *self,
                                                    gboolean     loading);
gboolean            clr_form_row_get_loading       (ClrFormRow  *self);
/* The object as loaded (members the form does not show are written back). */
void                clr_form_row_set_extra         (ClrFormRow  *self,
                                                    JsonObject  *object);
/* A new object holding the members of the loaded one (transfer full). */
JsonObject         *clr_form_row_dup_extra         (ClrFormRow  *self);
/* For the templates' signal handlers: a field changed (update, then
 * ::changed), and the Remove button. */
void                clr_form_row_changed           (ClrFormRow  *self);
void                clr_form_row_request_removal   (ClrFormRow  *self);
/* Puts the focus in the first shown field (a new row is ready to type in). */
gboolean            clr_form_row_focus_first_field (ClrFormRow  *self);

G_END_DECLS
