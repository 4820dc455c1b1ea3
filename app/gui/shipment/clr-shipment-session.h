/* clr-shipment-session.h — the open shipment case without its widgets: autosave, inline
 * screening, hit recording and evaluation (ClrShipmentPage shows it)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-settings.h"
#include "clr-store.h"
#include "clr-store-case-hold.h"
#include "clr-store-cases.h"
#include "clr-shipment-catalog.h"

G_BEGIN_DECLS

#define CLR_TYPE_SHIPMENT_SESSION (clr_shipment_session_get_type ())

G_DECLARE_FINAL_TYPE (ClrShipmentSession, clr_shipment_session, CLR, SHIPMENT_SESSION, GObject)

/* A session works on @store (NULL: nothing is saved or screened) with
 * @settings (the exporter's country, the screening threshold; may be NULL).
 *
 * Properties (read-only): case-id, archived, ready (the rule pack is loaded: catalog),
 * evaluating, lists-loading (the screening lists are being prepared),
 * lists-empty (no restricted-party list is loaded), stale-reason (why the
 * result shown is out of date, translated, or NULL while it is current),
 * read-only (another program has the open case: see get_held_by).
 *
 * Signals (main thread):
 *   ::case-loaded (ClrCase *case) — a stored case became the open one; show it
 *   ::cases-changed (gboolean at_once) — the case list changed (at once, or
 *       refresh it soon: an autosave)
 *   ::evaluated (JsonNode *result, JsonNode *shipment, gboolean stale) — an
 *       evaluation finished; @stale when the document changed meanwhile
 *   ::evaluation-failed (const char *message)
 *   ::result-outdated — what the open result rests on changed (a review
 *       decision, the lists, an edit); stale-reason says which
 *   ::message (const char *text) — for the user: what failed, or what was done
 *   ::changed-elsewhere (const char *text) — on a team database, another
 *       program saved or evaluated the open case while it has edits made
 *       here since it was opened; @text says who and when (translated).
 *       Without edits here the case is simply shown again (::case-loaded).
 *
 * On a team database (clr_store_watch()) the session also reloads the
 * screening lists when another program imports a list. */
ClrShipmentSession *clr_shipment_session_new           (ClrStore           *store,
                                                        ClrSettings        *settings);
ClrStore           *clr_shipment_session_get_store     (ClrShipmentSession *self);
ClrSettings        *clr_shipment_session_get_settings  (ClrShipmentSession *self);
/* The open case (0 = a new case, created on its first autosave). */
gint64              clr_shipment_session_get_case_id   (ClrShipmentSession *self);
/* TRUE when there is a case to export, duplicate or archive. */
gboolean            clr_shipment_session_get_has_case  (ClrShipmentSession *self);
gboolean            clr_shipment_session_get_archived  (ClrShipmentSession *self);
gboolean            clr_shipment_session_get_ready     (ClrShipmentSession *self);
ClrShipmentCatalog *clr_shipment_session_get_catalog   (ClrShipmentSession *self);
gboolean            clr_shipment_session_get_evaluating (ClrShipmentSession *self);
gboolean            clr_shipment_session_get_lists_loading (ClrShipmentSession *self);
gboolean            clr_shipment_session_get_lists_empty   (ClrShipmentSession *self);
const char         *clr_shipment_session_get_stale_reason  (ClrShipmentSession *self);
/* The result shown is out of date because of @reason (translated): sets
 * stale-reason and emits ::result-outdated. Nothing without a result. */
void                clr_shipment_session_mark_outdated     (ClrShipmentSession *self,
                                                            const char         *reason);

/* Another program's hold on the open case, or NULL. While there is one the
 * session is read-only: edits are not kept and results not stored. */
gboolean            clr_shipment_session_get_read_only (ClrShipmentSession *self);
const ClrCaseHold  *clr_shipment_session_get_held_by   (ClrShipmentSession *self);
/* Read-only: loads the open case again, taking it for editing when the
 * other program has let it go (or its hold has lapsed). */
void                clr_shipment_session_try_again     (ClrShipmentSession *self);

/* Flushes, then starts a new case: returns its first document (today's date,
 * the exporter's country, one item, an end user), or NULL when the edits of
 * the previous case could not be saved (::message said why). */
JsonNode           *clr_shipment_session_new_case      (ClrShipmentSession *self);
/* Flushes, then loads case @case_id (::case-loaded). */
void                clr_shipment_session_open_case     (ClrShipmentSession *self,
                                                        gint64              case_id);
/* Shows the open case as stored, dropping the edits not saved yet (after
 * ::changed-elsewhere, when the user asks for the other version). */
void                clr_shipment_session_reload_case   (ClrShipmentSession *self);
/* The case reopened at start: not shown if the user edits meanwhile. */
void                clr_shipment_session_reopen_case   (ClrShipmentSession *self,
                                                        gint64              case_id);
/* Imports a shipment JSON file as a new case and opens it. */
void                clr_shipment_session_import_file   (ClrShipmentSession *self,
                                                        GFile              *file);
void                clr_shipment_session_export_file   (ClrShipmentSession *self,
                                                        GFile              *file);
void                clr_shipment_session_duplicate     (ClrShipmentSession *self);
/* Archives the open case, or restores it when archived. */
void                clr_shipment_session_toggle_archived (ClrShipmentSession *self);

/* The document was edited: the result on screen is out of date and
 * @document (copied) is saved after a short pause, off the main thread. */
void                clr_shipment_session_edit          (ClrShipmentSession *self,
                                                        JsonNode           *document);
/* Writes the queued document now (on close, before switching cases or
 * exporting). TRUE when nothing was pending. */
gboolean            clr_shipment_session_flush         (ClrShipmentSession *self,
                                                        GError            **error);
/* Flushes; on failure says so (::message) and returns FALSE. */
gboolean            clr_shipment_session_save_now      (ClrShipmentSession *self);
/* Flushes (a failure is logged) and cancels what is running: the owner goes. */
void                clr_shipment_session_close         (ClrShipmentSession *self);

/* Evaluates @shipment as of @as_of under @posture off the main thread
 * (::evaluated or ::evaluation-failed); the result is stored with the case. */
void                clr_shipment_session_evaluate      (ClrShipmentSession *self,
                                                        JsonNode           *shipment,
                                                        const char         *as_of,
                                                        const char         *posture);

/* Inline screening (clr-shipment-session-screening.c). Loads the screening
 * lists (lists-loading, lists-empty); again after an import. */
void                clr_shipment_session_load_lists    (ClrShipmentSession *self);
/* Why @name cannot be screened now (translated), or NULL. */
const char         *clr_shipment_session_screening_blocker (ClrShipmentSession *self,
                                                            const char         *name);
/* The best hit for @name (screen --json shape) or NULL without one. */
void                clr_shipment_session_screen_async  (ClrShipmentSession *self,
                                                        const char         *name,
                                                        const char         *country,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
JsonNode           *clr_shipment_session_screen_finish (ClrShipmentSession *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);
/* Records inline @hit on party @party of @document in the review queue, on
 * the open case (saved first); returns the queue item's id (0 without one). */
void                clr_shipment_session_record_hit_async  (ClrShipmentSession *self,
                                                            JsonNode           *document,
                                                            guint               party,
                                                            JsonObject         *hit,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gint64              clr_shipment_session_record_hit_finish (ClrShipmentSession *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

G_END_DECLS
