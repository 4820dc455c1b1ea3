/* clr-source-row.h — one list source on the Lists page: freshness, version, switch
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-lists-tasks.h"

G_BEGIN_DECLS

#define CLR_TYPE_SOURCE_ROW (clr_source_row_get_type ())

G_DECLARE_FINAL_TYPE (ClrSourceRow, clr_source_row, CLR, SOURCE_ROW, AdwExpanderRow)

/* @status among @statuses (to say which source covers one never loaded).
 * Its switch activates lists.set-enabled((sb): source id, enabled), its
 * button lists.update(s: source id). */
GtkWidget *clr_source_row_new (GPtrArray             *statuses,
                               const ClrSourceStatus *status);

G_END_DECLS
