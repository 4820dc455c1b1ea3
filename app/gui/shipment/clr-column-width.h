/* clr-column-width.h — a column of the Shipment page that asks for no more
 * natural width: the page shares its width between the form and the result
 * in that proportion
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays out @widget_class's widgets as GtkBinLayout does (for AdwBin
 * subclasses), with the natural width @natural_width (or the minimum width,
 * when that is more). For final types. */
void clr_column_width_install (GtkWidgetClass *widget_class,
                               int             natural_width);

G_END_DECLS
