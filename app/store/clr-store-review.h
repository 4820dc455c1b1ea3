/* clr-store-review.h — the review queue: potential hits and the decisions on them
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-entry.h"
#include "clr-store.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_REVIEW_STATUS_OPEN,
  CLR_REVIEW_STATUS_MATCH,
  CLR_REVIEW_STATUS_NO_MATCH,
  CLR_REVIEW_STATUS_ESCALATED,
} ClrReviewStatus;

#define CLR_REVIEW_STATUS_ANY ((ClrReviewStatus) -1)

/* "open", "match", "no_match", "escalated" (the "decision" member the
 * evaluator reads, and the --json output). from_string also accepts the CLI
 * spelling "no-match". */
const char *clr_review_status_to_string   (ClrReviewStatus  status);
gboolean    clr_review_status_from_string (const char      *text,
                                           ClrReviewStatus *status);
/* Translated label: "Open", "Match", "Not a match", "Escalated". */
const char *clr_review_status_get_label   (ClrReviewStatus  status);

typedef enum
{
  CLR_REVIEW_REASON_NONE,                   /* open items only */
  CLR_REVIEW_REASON_DIFFERENT_ENTITY,
  CLR_REVIEW_REASON_DIFFERENT_COUNTRY,
  CLR_REVIEW_REASON_DIFFERENT_ADDRESS,
  CLR_REVIEW_REASON_NAME_COINCIDENCE,
  CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS,
  CLR_REVIEW_REASON_OTHER,
} ClrReviewReason;

/* "different-entity", "different-country", "different-address",
 * "name-coincidence", "confirmed-by-documents", "other"; NULL for NONE. */
const char *clr_review_reason_to_string   (ClrReviewReason  reason);
gboolean    clr_review_reason_from_string (const char      *text,
                                           ClrReviewReason *reason);
/* Translated label, e.g. "Different entity". */
const char *clr_review_reason_get_label   (ClrReviewReason  reason);

/* One queue item: one (party identity, listed entry) pair. The party
 * identity is the normalised name + country; the same party met again (in
 * another case, a batch, a re-screen) is the same item, so its decision is
 * reused — until the entry's content hash changes, when the item is reopened
 * with the fields that changed. Boxed, reference-counted. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  gint64           id;               /* stable: "review decide ID" */

  /* the party (as last seen) */
  char            *party_name;       /* as entered */
  char            *party_key;        /* normalised name: the identity */
  char            *party_country;    /* ISO-2 or NULL */
  char            *party_role;       /* "end_user", … or NULL */
  gint64           case_id;          /* the case it was last seen in, 0 if none */
  char            *origin;           /* "case", "batch", "rescreen", "evaluate" */
  JsonNode        *party;            /* the party object as entered (name, address,
                                        country, headquarters_country, ultimate_parent), or NULL */

  /* the listed entry */
  char            *list_code;        /* "EL", "SDN", … */
  char            *entry_key;        /* clr_entry_dup_key(): stable across list versions */
  gint64           entry_row;        /* row id for clr_store_get_entry(), 0 if unknown */
  char            *content_hash;     /* the entry's content hash when last seen */
  char            *entry_name;       /* the entry's primary name */
  JsonNode        *entry;            /* snapshot of the entry (clr_entry_to_json) when last seen, or NULL */
  gboolean         entry_removed;    /* the entry is no longer on its list */

  /* the hit */
  double           score;
  char            *matched_name;     /* the listed name (or alias) that matched */
  char            *explanation;      /* the score in words */
  JsonNode        *hit;              /* the hit object as screened (screen --json shape) */

  /* the decision */
  ClrReviewStatus  status;
  ClrReviewReason  reason;
  char            *note;
  char            *decided_by;       /* display name, or NULL when open */
  char            *decided_by_user;  /* OS user name, or NULL */
  char            *decided_at;       /* ISO 8601 UTC, or NULL */
  char            *first_seen_at;
  char            *last_seen_at;

  /* reopening after a list update */
  gboolean         reopened;         /* the decision below was reopened */
  ClrReviewStatus  previous_status;  /* the decision that was reopened */
  ClrReviewReason  previous_reason;
  char            *previous_hash;    /* the entry's content hash it was made on */
  GStrv            changed_fields;   /* clr_entry_diff_fields (old, new); never NULL */

  /* the list family (clr_family_key() of the entry's name): "huawei tech"
   * for Huawei Technologies Co., Ltd. and its (Yangon) subsidiary */
  char            *family_key;

  /* four-eyes release (clr-store-review-approval.h) */
  char            *decided_hash;     /* the entry's content hash the decision was made on */
  gboolean         approval_required; /* the decision needs a second reviewer's approval */
  char            *approved_by;      /* the approver's display name, or NULL */
  char            *approved_by_user; /* the approver's user name, or NULL */
  char            *approved_at;      /* ISO 8601 UTC, or NULL: not approved (yet) */
  char            *approved_hash;    /* the entry's content hash the approval was given on */
} ClrReviewItem;

#define CLR_TYPE_REVIEW_ITEM (clr_review_item_get_type ())

GType          clr_review_item_get_type (void) G_GNUC_CONST;
ClrReviewItem *clr_review_item_ref      (ClrReviewItem *self);
void           clr_review_item_unref    (ClrReviewItem *self);
/* {"id", "status", "reason", "note", "score", "party": {...}, "entry": {...}, …}
 * as printed by review list --json. */
JsonNode      *clr_review_item_to_json  (const ClrReviewItem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrReviewItem, clr_review_item_unref)

/* A party's hits on one list family: the same party identity, the same list
 * and the same family key. Boxed, reference-counted. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  ClrReviewItem *head;      /* the first member (borrowed from members) */
  GPtrArray     *members;   /* ClrReviewItem *: strongest first, then the
                               shortest listed name (the entity before its
                               subsidiaries); never empty */
} ClrReviewFamily;

#define CLR_TYPE_REVIEW_FAMILY (clr_review_family_get_type ())

GType            clr_review_family_get_type (void) G_GNUC_CONST;
ClrReviewFamily *clr_review_family_ref      (ClrReviewFamily *self);
void             clr_review_family_unref    (ClrReviewFamily *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrReviewFamily, clr_review_family_unref)

/* Groups @items (ClrReviewItem *) into families, in the order each family's
 * first item comes in @items; an item without a family key is a family of
 * its own. ClrReviewFamily *, transfer container. */
GPtrArray       *clr_review_group_families  (GPtrArray       *items);

typedef struct
{
  ClrReviewStatus  status;      /* CLR_REVIEW_STATUS_ANY for all */
  const char      *list_code;   /* NULL for all */
  double           min_score;   /* inclusive; 0 for no lower bound */
  double           max_score;   /* inclusive; 0 for no upper bound */
  const char      *country;     /* party country; NULL for all */
  const char      *search;      /* party name, entry name or matched name, case-insensitive */
  gint64           case_id;     /* 0 for all */
  gboolean         reopened_only;
  guint            limit;       /* 0 for no limit */
  gboolean         awaiting_approval_only; /* cleared items waiting for a second reviewer */
} ClrReviewFilter;

void           clr_review_filter_init        (ClrReviewFilter *filter);

/* Newest and strongest first (last seen, then score). ClrReviewItem *. */
GPtrArray     *clr_store_review_list         (ClrStore              *self,
                                              const ClrReviewFilter *filter,
                                              GError               **error);
ClrReviewItem *clr_store_review_get          (ClrStore              *self,
                                              gint64                 id,
                                              GError               **error);
/* Item @id and every other item of its family (same party, list and family
 * key), whatever their status: strongest first, then the shortest listed
 * name. ClrReviewItem *. */
GPtrArray     *clr_store_review_list_family  (ClrStore              *self,
                                              gint64                 id,
                                              GError               **error);
/* Counts items per status (index by ClrReviewStatus), for badges. */
gboolean       clr_store_review_count        (ClrStore              *self,
                                              guint                  counts[4],
                                              GError               **error);

/* Decides item @id: @status MATCH, NO_MATCH or ESCALATED, with a reason
 * (required, never NONE) and an optional note. @reviewer is the display name
 * (NULL: the store's reviewer, see clr_store_audit_set_reviewer()); the
 * item also records the user who decided. Appends a "review.decide" audit
 * entry with the before/after decision. First wins: an item that is no
 * longer open is refused with CLR_STORE_ERROR_ALREADY_DECIDED ("Item N was
 * already decided by NAME (USER) at TIME: DECISION. …") and nothing is
 * changed; the check and the write are one write transaction, so of two
 * writers (threads, processes, apps on one server) deciding an item one
 * wins. Changing a decision is explicit: clr_store_review_decide_full()
 * with ClrReviewDecision.change. A decision can never be made OPEN again
 * except by a list change or an undo (clr_store_review_restore()).
 * CLR_STORE_ERROR_INVALID for a bad status or reason. */
gboolean       clr_store_review_decide       (ClrStore              *self,
                                              gint64                 id,
                                              ClrReviewStatus        status,
                                              ClrReviewReason        reason,
                                              const char            *note,
                                              const char            *reviewer,
                                              GError               **error);

/* The same decision on several items (a list family: "decide the family"),
 * in one transaction: every item gets its own audited "review.decide"
 * entry; nothing is stored when any item fails — when any of them is
 * already decided, CLR_STORE_ERROR_ALREADY_DECIDED names it. */
gboolean       clr_store_review_decide_many  (ClrStore              *self,
                                              const gint64          *ids,
                                              guint                  n_ids,
                                              ClrReviewStatus        status,
                                              ClrReviewReason        reason,
                                              const char            *note,
                                              const char            *reviewer,
                                              GError               **error);

/* A decision: MATCH, NO_MATCH or ESCALATED with a reason (never NONE), an
 * optional note and, for an escalation, an optional recipient (free text:
 * who should decide). @change: an explicit change of the items' decisions
 * (review decide --change, the Change Decision button): decided items are
 * decided again instead of refused. */
typedef struct
{
  ClrReviewStatus  status;
  ClrReviewReason  reason;
  const char      *note;
  const char      *recipient;
  gboolean         change;
} ClrReviewDecision;

/* clr_store_review_decide_many() with @decision. A recipient leads the
 * stored note ("→ RECIPIENT", a line of its own before the note) and the
 * audit entry's "after" carries it as "recipient". With @decision->change a
 * decided item's new decision is stored and its audit entry's "after" says
 * "change": true (its "before" is the decision replaced); without it a
 * decided item is refused (CLR_STORE_ERROR_ALREADY_DECIDED). The simple
 * variants (decide, decide_many and their async ones) never change a
 * decision. CLR_STORE_ERROR_INVALID for a recipient on another decision
 * than ESCALATED. */
gboolean       clr_store_review_decide_full  (ClrStore                *self,
                                              const gint64            *ids,
                                              guint                    n_ids,
                                              const ClrReviewDecision *decision,
                                              const char              *reviewer,
                                              GError                 **error);
/* Undo: puts every item of @previous (ClrReviewItem *, as read before a
 * decision) back to the status, reason and note it had — OPEN included —
 * in one transaction, each as a new audited "review.decide" entry whose
 * "after" says "undo": true. Nothing is deleted: the trail shows the
 * decision and its undoing. */
gboolean       clr_store_review_restore      (ClrStore              *self,
                                              GPtrArray             *previous,
                                              const char            *reviewer,
                                              GError               **error);

/* Records every hit of an evaluation/screening into the queue and annotates
 * each hit object in place with "review_id" and "decision" ("open", "match",
 * "no_match", "escalated") — what the evaluator reads. @screening is the
 * result's "screening" array ([{"party": N, "hits": [hit, …]}]); @parties the
 * shipment's "parties" array (for name, country, role). Hits need "entry_key"
 * (or "entry_id"/"key"), "list" and, when known, "entry_row" and
 * "content_hash". A hit whose pair was decided on an entry with a different
 * content hash reopens that decision (with the changed fields). Every party
 * is also remembered as screened, for re-screening. */
gboolean       clr_store_review_annotate_screening          (ClrStore   *self,
                                                             JsonArray  *screening,
                                                             JsonArray  *parties,
                                                             GError    **error);
/* The same, recording @case_id (0 = none) and @origin ("case", "batch",
 * "evaluate", "rescreen") on the items. */
gboolean       clr_store_review_annotate_screening_full     (ClrStore   *self,
                                                             JsonArray  *screening,
                                                             JsonArray  *parties,
                                                             gint64      case_id,
                                                             const char *origin,
                                                             GError    **error);

/* Records what `screen --batch` found: party i is @names[i] (in
 * @countries[i], NULL or "" for none) with the ClrHit * of @hits[i], as
 * clr_store_review_annotate_screening_full() would from their JSON (same
 * items, same stored hit text), without building it. @n_new: items created. */
gboolean       clr_store_review_record_hits                 (ClrStore          *self,
                                                             guint              n_parties,
                                                             const char *const *names,
                                                             const char *const *countries,
                                                             GPtrArray *const  *hits,
                                                             const char        *origin,
                                                             guint             *n_new,
                                                             GError           **error);

/* Async variants for the GUI. */
/* Whether every screening hit of @result (an evaluation result whose hits
 * clr_store_review_annotate_screening*() annotated with "review_id" and
 * "decision") still carries the decision its review item has now. FALSE
 * when a reviewer decided one of them since, or a list update reopened it:
 * the result no longer says what the queue says. Hits without a review id,
 * and items no longer in the queue, are not counted against it. */
gboolean       clr_store_review_result_is_current (ClrStore         *self,
                                                   JsonNode         *result,
                                                   gboolean         *is_current,
                                                   GError          **error);

void           clr_store_review_list_async   (ClrStore              *self,
                                              const ClrReviewFilter *filter,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
GPtrArray     *clr_store_review_list_finish  (ClrStore              *self,
                                              GAsyncResult          *result,
                                              GError               **error);
void           clr_store_review_decide_async (ClrStore              *self,
                                              gint64                 id,
                                              ClrReviewStatus        status,
                                              ClrReviewReason        reason,
                                              const char            *note,
                                              const char            *reviewer,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
/* clr_store_review_decide_many() in a worker thread; finish with
 * clr_store_review_decide_finish(). */
void           clr_store_review_decide_many_async (ClrStore         *self,
                                                   const gint64     *ids,
                                                   guint             n_ids,
                                                   ClrReviewStatus   status,
                                                   ClrReviewReason   reason,
                                                   const char       *note,
                                                   const char       *reviewer,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
void           clr_store_review_decide_full_async (ClrStore                *self,
                                                   const gint64            *ids,
                                                   guint                    n_ids,
                                                   const ClrReviewDecision *decision,
                                                   const char              *reviewer,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
/* clr_store_review_restore() in a worker thread (@previous is referenced);
 * finish with clr_store_review_decide_finish(). */
void           clr_store_review_restore_async (ClrStore            *self,
                                               GPtrArray           *previous,
                                               const char          *reviewer,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       clr_store_review_decide_finish (ClrStore             *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* For the store's re-screening (clr-rescreen.c), not for the GUI: */
/* Records @screening like annotate_screening_full(); a screening element may
 * carry its own "case_id". Counts new items and reopened decisions. */
gboolean       _clr_store_review_record        (ClrStore    *self,
                                                JsonArray   *screening,
                                                JsonArray   *parties,
                                                gint64       case_id,
                                                const char  *origin,
                                                guint       *n_new,
                                                guint       *n_reopened,
                                                GError     **error);
/* The entry behind items (list code + @old_key, or stored row @old_row) now
 * reads @new_entry (row @new_row): decided items are reopened with the
 * fields that changed (audited), and every item follows the entry to its
 * new row and key. The caller holds the store lock inside a transaction. */
gboolean       _clr_store_review_entry_changed (ClrStore    *self,
                                                const char  *list_code,
                                                const char  *old_key,
                                                gint64       old_row,
                                                gint64       new_row,
                                                ClrEntry    *new_entry,
                                                guint       *n_reopened,
                                                GError     **error);
/* The entry left its list: its items are flagged removed; *@n_matched is
 * incremented when any of them had been decided "match". The caller holds
 * the store lock inside a transaction. */
gboolean       _clr_store_review_entry_removed (ClrStore    *self,
                                                const char  *list_code,
                                                const char  *key,
                                                gint64       old_row,
                                                guint       *n_matched,
                                                GError     **error);

/* The normalised party identity used as the queue key: NFKD, marks dropped,
 * case-folded, punctuation to spaces, spaces collapsed. */
char          *clr_review_normalize_party_name (const char *name);

G_END_DECLS
