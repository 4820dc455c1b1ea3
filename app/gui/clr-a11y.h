/* clr-a11y.h — accessible names GTK 4.8 gets wrong
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button whose label has a mnemonic ("_Match") twice over
 * AT-SPI — "_Match Match": once from the label it is labelled by (with the
 * underscore) and once from its text — and a check button "_Match". Once
 * installed (idempotent), every GtkButton and GtkCheckButton with
 * use-underline is named by its label's text alone ("Match") from the time it
 * is first shown, and again whenever its label or use-underline changes. */
void   clr_a11y_install_mnemonic_names (void);

/* Escape closes @window (as it closes libadwaita's dialogs), for the app's
 * own windows: the listed-entry window. */
void   clr_a11y_close_on_escape        (GtkWindow  *window);

/* "_Not a Match" → "Not a Match"; "__" stays one underscore. */
char  *clr_a11y_strip_mnemonic         (const char *label);

G_END_DECLS
