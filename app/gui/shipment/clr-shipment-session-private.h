/* clr-shipment-session-private.h — ClrShipmentSession's struct, shared by its two files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-matcher.h"
#include "clr-shipment-session.h"
#include "clr-store-case-hold.h"

G_BEGIN_DECLS

enum {
  SESSION_PROP_0,
  SESSION_PROP_CASE_ID,
  SESSION_PROP_ARCHIVED,
  SESSION_PROP_READY,
  SESSION_PROP_EVALUATING,
  SESSION_PROP_LISTS_LOADING,
  SESSION_PROP_LISTS_EMPTY,
  SESSION_PROP_STALE_REASON,
  SESSION_PROP_READ_ONLY,
  SESSION_N_PROPS
};

struct _ClrShipmentSession
{
  GObject             parent_instance;

  ClrStore           *store;
  ClrSettings        *settings;
  GCancellable       *cancellable;
  ClrShipmentCatalog *catalog;
  ClrMatcher         *matcher;
  JsonNode           *result;          /* the result shown: review decisions may outdate it */
  JsonNode           *unsaved_result;  /* a result waiting for its case to be created */
  char               *stale_reason;    /* why the result shown is out of date, or NULL */

  /* Autosave. Every write takes the newest queued document and writes it
   * while holding `lock`, so whichever of a worker and a flush runs last
   * writes the newest document: an older one never overwrites a newer one. */
  GMutex              lock;
  JsonNode           *pending;         /* under lock */
  gint64              case_id;         /* under lock */
  guint               save_timeout_id;

  gboolean            flags[SESSION_N_PROPS];  /* the boolean properties, by property id */
  gint64              auto_open_id;    /* the case reopened at start, while it loads */
  guint64             auto_open_generation;
  guint64             generation;      /* +1 on every edit: a result from an older one is stale */
  guint64             loaded_generation; /* the generation the open case was loaded at */

  /* The open case's hold (clr-shipment-session-hold.c). */
  gint64              held_case_id;    /* the case this session holds, or 0 */
  gint64              want_case_id;    /* the case it should hold (the open one), or 0 */
  guint               hold_renew_id;
  gboolean            hold_renew_due;  /* take want_case_id again, held or not */
  gboolean            hold_busy;       /* a take or release is in flight */
  gint64              hold_op_case_id; /* … for this case */
  gboolean            hold_closed;     /* closed: no more takes or releases */
  ClrCaseHold        *held_by;         /* another program's hold on the open case: read-only */
};


enum {
  SESSION_CASE_LOADED,
  SESSION_CASES_CHANGED,
  SESSION_EVALUATED,
  SESSION_EVALUATION_FAILED,
  SESSION_RESULT_OUTDATED,
  SESSION_MESSAGE,
  SESSION_CHANGED_ELSEWHERE,
  SESSION_N_SIGNALS
};

/* What a worker thread of the session works on: a snapshot taken on the main
 * thread, owned by the task (each use names the fields it fills). */
typedef struct
{
  GObject  *object;      /* screening: the matcher; recording: the store */
  JsonNode *node;        /* evaluation: the shipment; recording: the parties */
  JsonNode *hit;         /* recording: the inline hit */
  char     *text[2];     /* screening: name, country; evaluation: as-of date, posture */
  double    threshold;   /* screening */
  guint64   number;      /* evaluation: the document's generation; recording: the case id */
  guint     party;       /* recording: the party's index */
} ClrSessionJob;

/* A new, empty job, @task's data. */
ClrSessionJob *_clr_shipment_session_job_new (GTask *task);

extern GParamSpec *_clr_shipment_session_properties[SESSION_N_PROPS];
extern guint       _clr_shipment_session_signals[SESSION_N_SIGNALS];

/* ::message @text. */
void _clr_shipment_session_say          (ClrShipmentSession *self,
                                         const char         *text);
/* Sets boolean property @prop, notifying it when it changes. */
void _clr_shipment_session_set_flag     (ClrShipmentSession *self,
                                         guint               prop,
                                         gboolean            value);
/* Switches the autosave to case @case_id (flushed before). */
void _clr_shipment_session_set_case_id  (ClrShipmentSession *self,
                                         gint64              case_id);
/* The result on screen, which review decisions may outdate. */
void _clr_shipment_session_set_result   (ClrShipmentSession *self,
                                         JsonNode           *result);
/* Sets stale-reason (NULL: the result is current), without ::result-outdated. */
void _clr_shipment_session_set_stale_reason (ClrShipmentSession *self,
                                             const char         *reason);
/* Stores @result with the open case (once the case exists). */
void _clr_shipment_session_store_result (ClrShipmentSession *self,
                                         JsonNode           *result);
/* ::message, unless @error is a cancellation. */
void _clr_shipment_session_report_error (ClrShipmentSession *self,
                                         const GError       *error);
/* clr-shipment-session-hold.c: takes (or renews) the hold on @case_id, or
 * becomes read-only when another program has it, in a worker thread;
 * gives up the hold (release_now: at once, on close); hears releases. */
void _clr_shipment_session_hold_take        (ClrShipmentSession *self,
                                             gint64              case_id);
void _clr_shipment_session_hold_drop        (ClrShipmentSession *self);
void _clr_shipment_session_hold_release_now (ClrShipmentSession *self);
void _clr_shipment_session_hold_watch       (ClrShipmentSession *self);
/* Connects the one source of review decisions (see the .c file). */
void _clr_shipment_session_watch_decisions (ClrShipmentSession *self);
/* Connects to other programs' changes on a team database
 * (clr-shipment-session-cases.c). */
void _clr_shipment_session_watch_team   (ClrShipmentSession *self);

G_END_DECLS
