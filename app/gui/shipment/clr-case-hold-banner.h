/* clr-case-hold-banner.h — "NAME is editing this case (since TIME)", with Try Again
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clr-store-case-hold.h"

G_BEGIN_DECLS

#define CLR_TYPE_CASE_HOLD_BANNER (clr_case_hold_banner_get_type ())

G_DECLARE_FINAL_TYPE (ClrCaseHoldBanner, clr_case_hold_banner, CLR, CASE_HOLD_BANNER, AdwBin)

/* Signals: ::try-again — the user asks to take the case for editing. */
GtkWidget  *clr_case_hold_banner_new          (void);
/* Shows who holds the case (revealed), or hides the banner (NULL). */
void        clr_case_hold_banner_set_hold     (ClrCaseHoldBanner *self,
                                               const ClrCaseHold *hold);
gboolean    clr_case_hold_banner_get_revealed (ClrCaseHoldBanner *self);
const char *clr_case_hold_banner_get_text     (ClrCaseHoldBanner *self);
GtkButton  *clr_case_hold_banner_get_button   (ClrCaseHoldBanner *self);

/* "HH:MM" for a time (ISO 8601 UTC) of today, else the local date and
 * time; @iso itself when it is not a time. */
char       *clr_case_hold_format_since        (const char        *iso);

G_END_DECLS
