/* clr-dropdown.h — the filter drop-downs: "All …", then the values on show
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A filter drop-down holds a GtkStringList whose first string is "All …"
 * (from the .ui). This replaces the others by @values (NULL-terminated),
 * keeping the chosen value when it is still offered; *@refilling is TRUE
 * meanwhile, so the drop-down's notify::selected handlers can ignore the
 * change. */
void        clr_dropdown_refill    (GtkDropDown        *dropdown,
                                    const char * const *values,
                                    gboolean           *refilling);
/* The chosen value, or NULL for "All …". */
const char *clr_dropdown_get_value (GtkDropDown        *dropdown);
/* Chooses @value (NULL or absent: "All …"). */
void        clr_dropdown_set_value (GtkDropDown        *dropdown,
                                    const char         *value);

G_END_DECLS
