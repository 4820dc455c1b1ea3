/* clr-result-pane.h — the determination: verdict banner, findings, exceptions, hits
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLR_TYPE_RESULT_PANE (clr_result_pane_get_type ())

G_DECLARE_FINAL_TYPE (ClrResultPane, clr_result_pane, CLR, RESULT_PANE, AdwBin)

/* ::options-changed — the as-of date or the posture changed.
 *
 * Shows @result (the evaluate --json document) for @shipment (the evaluated
 * document); NULL @result shows the "not evaluated" state. Clears stale and error. */
void        clr_result_pane_set_result       (ClrResultPane *self,
                                              JsonNode      *result,
                                              JsonNode      *shipment);
JsonNode   *clr_result_pane_get_result       (ClrResultPane *self);
JsonNode   *clr_result_pane_get_shipment     (ClrResultPane *self);
void        clr_result_pane_set_stale        (ClrResultPane *self,
                                              gboolean       stale);
gboolean    clr_result_pane_get_stale        (ClrResultPane *self);
/* Marks the result stale and says why (@reason translated, "The shipment was
 * edited"); NULL gives the general words. */
void        clr_result_pane_set_stale_reason (ClrResultPane *self,
                                              const char    *reason);
/* Why the result is stale, or NULL (not stale, or no reason given). */
const char *clr_result_pane_get_stale_reason (ClrResultPane *self);
void        clr_result_pane_set_busy         (ClrResultPane *self,
                                              gboolean       busy);
/* Shows a problem that prevented evaluation (NULL hides it). */
void        clr_result_pane_set_error        (ClrResultPane *self,
                                              const char    *message);
/* The as-of date typed in the pane (NULL = the export date) and the posture. */
/* The problem shown, or NULL. */
const char *clr_result_pane_get_error        (ClrResultPane *self);
const char *clr_result_pane_get_as_of        (ClrResultPane *self);
void        clr_result_pane_set_as_of        (ClrResultPane *self,
                                              const char    *as_of);
gboolean    clr_result_pane_as_of_is_valid   (ClrResultPane *self);
const char *clr_result_pane_get_posture      (ClrResultPane *self);
GtkWidget  *clr_result_pane_get_back_button  (ClrResultPane *self);
/* What the banner says ("License required"), for tests. */
const char *clr_result_pane_get_verdict_text (ClrResultPane *self);
/* The finding rows, strongest first (borrowed ClrFindingRow *). */
GPtrArray  *clr_result_pane_get_finding_rows (ClrResultPane *self);

G_END_DECLS
