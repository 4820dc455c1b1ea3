/* clr-store-review-approval.h — four-eyes release: the team setting and a second reviewer's approval
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With four-eyes on (a setting of the database, so of the whole team),
 * clearing a potential match — deciding it "not a match" — at or above a
 * minimum score, or on one of the lists that always need it (by default the
 * Denied Persons List and OFAC's SDN list), does not clear it: the item is
 * decided but "awaiting approval" until another reviewer approves it. Until
 * then the screening annotation says "awaiting_approval" and the evaluator
 * holds the hit like an open one. An escalation must name its recipient.
 */

#pragma once

#include "clr-store-review.h"

G_BEGIN_DECLS

/* The screening annotation ("decision" member of a hit) of a cleared item
 * that waits for its approval. */
#define CLR_REVIEW_DECISION_AWAITING_APPROVAL "awaiting_approval"

/* The team setting. */
typedef struct
{
  gboolean  enabled;
  double    min_score;  /* 0–1: "not a match" at or above it needs approval */
  GStrv     lists;      /* list codes ("DPL", "SDN") whose hits always need it; never NULL */
} ClrFourEyes;

void          clr_four_eyes_clear          (ClrFourEyes       *setting);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClrFourEyes, clr_four_eyes_clear)

/* Reads the setting into @setting (clear it with clr_four_eyes_clear()).
 * Its defaults are rows of migration 0010: a minimum score that is missing
 * or not a number from 0 to 1 fails with CLR_STORE_ERROR_CORRUPT naming
 * its key, and @setting then holds the rest (min_score NAN), so that
 * clr_store_set_four_eyes() with a score repairs it. */
gboolean      clr_store_get_four_eyes      (ClrStore          *self,
                                            ClrFourEyes       *setting,
                                            GError           **error);
/* Stores @setting for everybody who uses the database, audited
 * ("team.four_eyes", before and after). CLR_STORE_ERROR_INVALID for a score
 * outside 0–1 or a list code that is not letters, digits and "-", and on a
 * team server with the roles installed for a user outside clearance_admin.
 * Codes are kept in upper case, each once. Items already decided keep
 * their state. */
gboolean      clr_store_set_four_eyes      (ClrStore          *self,
                                            const ClrFourEyes *setting,
                                            GError           **error);
/* Whether @setting makes clearing a hit of @score on @list_code wait for
 * an approval. */
gboolean      clr_four_eyes_applies        (const ClrFourEyes *setting,
                                            double             score,
                                            const char        *list_code);

/* Whether @item was decided "not a match" and waits for a second
 * reviewer's approval (not yet given). */
gboolean      clr_review_item_is_awaiting_approval (const ClrReviewItem *item);
/* Whether @item was decided "not a match" and a second reviewer approved it. */
gboolean      clr_review_item_is_approved          (const ClrReviewItem *item);

/* Approves item @id, which another reviewer cleared and which awaits
 * approval: it is now cleared (its annotation says "no_match"), recorded
 * with @approver (display name; NULL: the store's reviewer), the user, the
 * time and the entry's content hash, and a "review.approve" audit entry.
 * Refused with CLR_STORE_ERROR_APPROVAL when the user is the one who
 * decided it ("You decided this item; another reviewer must approve it"),
 * when it is not awaiting approval, or when the listed entry changed since
 * the decision (it must be decided again); CLR_STORE_ERROR_NOT_FOUND for no
 * such item. */
gboolean      clr_store_review_approve     (ClrStore          *self,
                                            gint64             id,
                                            const char        *approver,
                                            GError           **error);
void          clr_store_review_approve_async  (ClrStore            *self,
                                               gint64               id,
                                               const char          *approver,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      clr_store_review_approve_finish (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
