/* clr-field-row.h — an entry row of the shipment form that validates as you type
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

typedef enum
{
  CLR_FIELD_TEXT,
  CLR_FIELD_INTEGER,   /* a whole number ≥ 0 */
  CLR_FIELD_NUMBER,    /* a decimal number ≥ 0 ("." or "," as separator) */
  CLR_FIELD_PERCENT,   /* a decimal number 0–100 */
  CLR_FIELD_DATE,      /* YYYY-MM-DD, a real day; with a calendar popover */
  CLR_FIELD_COUNTRY,   /* code, name or alias; with a searchable picker */
  CLR_FIELD_ECCN,      /* an ECCN of the pack's CCL or EAR99; with a searchable picker */
} ClrFieldKind;

#define CLR_TYPE_FIELD_KIND (clr_field_kind_get_type ())
GType clr_field_kind_get_type (void) G_GNUC_CONST;

#define CLR_TYPE_FIELD_ROW (clr_field_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrFieldRow, clr_field_row, CLR, FIELD_ROW, AdwEntryRow)

/* Properties: "kind" (ClrFieldKind, construct-only), "required" (construct-only),
 * "catalog"; rows of the form's templates set them in .ui. */
GtkWidget    *clr_field_row_new              (ClrFieldKind        kind,
                                              const char         *title,
                                              gboolean            required);
ClrFieldKind  clr_field_row_get_kind         (ClrFieldRow        *self);
void          clr_field_row_set_catalog      (ClrFieldRow        *self,
                                              ClrShipmentCatalog *catalog);
/* Shows "required" on an empty required field (before, an empty field is not
 * flagged: a new form is not a wall of red). */
void          clr_field_row_set_show_missing (ClrFieldRow        *self,
                                              gboolean            show_missing);
/* The value for the document: trimmed text, the resolved country code or the
 * normalised ECCN; NULL when empty or invalid. */
const char   *clr_field_row_get_value        (ClrFieldRow        *self);
/* For the number kinds: TRUE and the value when the field holds a valid number. */
gboolean      clr_field_row_get_number       (ClrFieldRow        *self,
                                              double             *number);
/* Sets the text (NULL = empty) and validates it. */
void          clr_field_row_set_text         (ClrFieldRow        *self,
                                              const char         *text);
/* NULL when valid, else what is wrong (translated). Empty required fields
 * count as errors whether or not they are shown. */
const char   *clr_field_row_get_error        (ClrFieldRow        *self);
/* Fills the field from @member of @object (nullable): a string, or a number
 * written as text; empty when missing. */
void          clr_field_row_load_json        (ClrFieldRow        *self,
                                              JsonObject         *object,
                                              const char         *member);
/* Writes the field to @member of @object: a valid number as a JSON number
 * (an integer when whole), else the value, else the text as typed (so nothing
 * the user typed is lost on autosave; evaluation names the bad field); an
 * empty field removes @member. */
void          clr_field_row_save_json        (ClrFieldRow        *self,
                                              JsonObject         *object,
                                              const char         *member);

GtkWidget    *clr_field_row_get_picker         (ClrFieldRow        *self);

G_END_DECLS
