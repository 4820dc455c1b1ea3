/* clr-review-page.h — the Review page: possible list matches waiting for a reviewer's decision
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLR_TYPE_REVIEW_PAGE (clr_review_page_get_type ())

G_DECLARE_FINAL_TYPE (ClrReviewPage, clr_review_page, CLR, REVIEW_PAGE, AdwBin)

GtkWidget *clr_review_page_new (void);

G_END_DECLS
