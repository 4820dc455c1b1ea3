/* clr-picker-popover.h — a searchable list of ClrPickItems in a popover
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CLR_TYPE_PICKER_POPOVER (clr_picker_popover_get_type ())

G_DECLARE_FINAL_TYPE (ClrPickerPopover, clr_picker_popover, CLR, PICKER_POPOVER, GtkPopover)

/* @items: a GListModel of ClrPickItem. @label: the accessible name of the list
 * ("Countries"). Emits ::picked (const char *id) and pops down on a choice. */
GtkWidget *clr_picker_popover_new       (GListModel       *items,
                                         const char       *label);
void       clr_picker_popover_set_items (ClrPickerPopover *self,
                                         GListModel       *items);

void         clr_picker_popover_set_none_text (ClrPickerPopover *self,
                                               const char       *none_text);
GtkEditable *clr_picker_popover_get_search    (ClrPickerPopover *self);
GListModel  *clr_picker_popover_get_shown     (ClrPickerPopover *self);
const char  *clr_picker_popover_get_none_text (ClrPickerPopover *self);

G_END_DECLS
