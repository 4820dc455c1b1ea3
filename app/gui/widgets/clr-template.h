/* clr-template.h — what a final template widget class needs and does not write itself
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets the template of the final type @widget_class from @resource and its
 * dispose to one that disposes the template and chains up: for a class with
 * nothing else to drop there. */
void clr_widget_class_set_template (GtkWidgetClass *widget_class,
                                    const char     *resource);

G_END_DECLS
