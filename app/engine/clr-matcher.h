/* clr-matcher.h — fast, explainable fuzzy screening of names against list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "clr-entry.h"
#include "clr-match-hit.h"

G_BEGIN_DECLS

#define CLR_TYPE_MATCHER (clr_matcher_get_type ())

G_DECLARE_FINAL_TYPE (ClrMatcher, clr_matcher, CLR, MATCHER, GObject)

/* Usage: new → add_entry for every listed entry → build (once) → screen,
 * from any number of threads at once. Adding entries after build is a
 * programming error. */
ClrMatcher *clr_matcher_new                   (void);
/* Keeps a reference to @entry. @entry_id is the caller's key (the store row id). */
void        clr_matcher_add_entry             (ClrMatcher  *self,
                                               gint64       entry_id,
                                               ClrEntry    *entry);
/* Computes token weights (IDF) and the candidate index. */
void        clr_matcher_build                 (ClrMatcher  *self);
gboolean    clr_matcher_is_built              (ClrMatcher  *self);

/* Hits with score ≥ @threshold, best first, at most @limit (0 = no limit).
 * @country: the party's ISO-2 country or NULL. Returns a GPtrArray of
 * ClrHit * (owning); never NULL. Thread-safe after clr_matcher_build(). */
GPtrArray  *clr_matcher_screen                (ClrMatcher  *self,
                                               const char  *name,
                                               const char  *country,
                                               double       threshold,
                                               guint        limit);

/* Reference scan: scores every name of every entry without the index.
 * Same results as clr_matcher_screen(), slower; used by `bench` and tests. */
GPtrArray  *clr_matcher_screen_full_scan      (ClrMatcher  *self,
                                               const char  *name,
                                               const char  *country,
                                               double       threshold,
                                               guint        limit);

/* Before clr_matcher_build(): whether to build the table of listed words'
 * fuzzy neighbours (default TRUE). Without it the build is faster and each
 * query searches its listed words' neighbours itself, with the same
 * results: for a process that screens one name and exits. */
void        clr_matcher_set_neighbour_table   (ClrMatcher  *self,
                                               gboolean     enabled);

guint       clr_matcher_get_n_entries         (ClrMatcher  *self);
guint       clr_matcher_get_n_names           (ClrMatcher  *self);
/* Wall time of the last clr_matcher_build(), in seconds, and the part of it
 * spent on the table of listed words' fuzzy neighbours (a self-join over
 * the vocabulary on every core). */
double      clr_matcher_get_build_seconds     (ClrMatcher  *self);
double      clr_matcher_get_neighbour_seconds (ClrMatcher  *self);

/* The default threshold (data/matching/scoring.json, 0.82): a hit at or
 * above it means the distinctive words of the party's name line up with a
 * listed name or alias, allowing typos, legal forms, abbreviations, word
 * order and other scripts; on the evaluation set it keeps recall at 1.0 with
 * under 2 % of innocent names flagged (README, section "screening"). */
double      clr_matcher_get_default_threshold (void);

/* The review queue's score bands (data/matching/scoring.json
 * "review_bands"): a hit is strong at or above @strong_min, medium at or
 * above @medium_min, else weak. A UI grouping, not a threshold. */
void        clr_matcher_get_review_bands      (double     *strong_min,
                                               double     *medium_min);

G_END_DECLS
