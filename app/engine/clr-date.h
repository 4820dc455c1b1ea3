/* clr-date.h — calendar dates as the engine writes them (YYYY-MM-DD)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one home of date validity and effective-date ranges. ISO dates
 * compare as text, so a range test is a string comparison.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks a YYYY-MM-DD date (a real calendar day, year 1900 or later). */
gboolean  clr_date_is_valid           (const char *text);

/* Checks a YYYY-MM-DD date that is a real calendar day in the years
 * @first_year to @last_year (inclusive). */
gboolean  clr_date_is_valid_in_years  (const char *text,
                                       int         first_year,
                                       int         last_year);

/* Is @date (YYYY-MM-DD) within [@from, @until]? A NULL bound is open. */
gboolean  clr_date_in_range           (const char *date,
                                       const char *from,
                                       const char *until);

G_END_DECLS
