/* clr-case-row.h — one case in the Shipment page's case list
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clr-store-cases.h"

G_BEGIN_DECLS

#define CLR_TYPE_CASE_ROW (clr_case_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrCaseRow, clr_case_row, CLR, CASE_ROW, GtkListBoxRow)

/* A row showing @item: reference, destination · date (· archived), verdict. */
GtkWidget *clr_case_row_new         (ClrCase    *item);
gint64     clr_case_row_get_case_id (ClrCaseRow *self);
/* Marks the case's result as out of date: a visible mark and the row's
 * accessible description. New rows are stale when the case was saved
 * after its result. */
void       clr_case_row_set_stale   (ClrCaseRow *self,
                                     gboolean    stale);
gboolean   clr_case_row_get_stale   (ClrCaseRow *self);

G_END_DECLS
