/* clr-store-review-claim.h — claiming a review item for a while, so two
 * reviewers of one team database do not work on the same hit
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-store-review.h"

G_BEGIN_DECLS

/* How long a claim lasts unless renewed: 15 minutes. */
#define CLR_REVIEW_CLAIM_DEFAULT_MINUTES 15

/* Who holds a claim. */
typedef struct
{
  char *claimed_by;       /* display name */
  char *claimed_by_user;  /* user (the database role on a server) */
  char *claimed_at;       /* ISO 8601 UTC */
  char *expires_at;       /* ISO 8601 UTC */
} ClrReviewClaim;

void            clr_review_claim_free       (ClrReviewClaim *claim);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrReviewClaim, clr_review_claim_free)

/* Claims item @id for @minutes (1–480) as @reviewer (NULL: the store's
 * reviewer): taken when nobody holds it, the claim has expired, or it is
 * this user's own (then renewed). Held by someone else:
 * CLR_STORE_ERROR_CLAIMED naming them and until when; a decided item
 * cannot be claimed (CLR_STORE_ERROR_INVALID). */
gboolean        clr_store_review_claim      (ClrStore       *self,
                                             gint64          id,
                                             guint           minutes,
                                             const char     *reviewer,
                                             GError        **error);
/* Gives up this user's claim on @id (nothing when there is none). Another
 * user's claim: CLR_STORE_ERROR_CLAIMED. */
gboolean        clr_store_review_release    (ClrStore       *self,
                                             gint64          id,
                                             GError        **error);
/* The unexpired claim on @id: NULL when there is none (not an error). */
ClrReviewClaim *clr_store_review_get_claim  (ClrStore       *self,
                                             gint64          id,
                                             GError        **error);

/* The same off the calling thread (the claim as the store's reviewer). A
 * claim or release that committed is reported even when @cancellable was
 * cancelled meanwhile. */
void            clr_store_review_claim_async       (ClrStore             *self,
                                                    gint64                id,
                                                    guint                 minutes,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        clr_store_review_claim_finish      (ClrStore             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            clr_store_review_release_async     (ClrStore             *self,
                                                    gint64                id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        clr_store_review_release_finish    (ClrStore             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
/* NULL without @error when nobody holds a claim on @id. */
void            clr_store_review_get_claim_async   (ClrStore             *self,
                                                    gint64                id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
ClrReviewClaim *clr_store_review_get_claim_finish  (ClrStore             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Inside a write transaction: FALSE (CLR_STORE_ERROR_CLAIMED) when another
 * user holds an unexpired claim on @id; a decision calls it first. On
 * success the claim (this user's) ends. */
gboolean        _clr_store_review_check_and_end_claim (ClrStore  *self,
                                                       gint64     id,
                                                       GError   **error);

G_END_DECLS
