/* clr-csv-out.h — one cell of CSV output, safe to open in a spreadsheet
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value (NULL: empty) to @out as one RFC 4180 cell: quoted when it
 * holds a comma, quote, CR or LF. A text cell that starts with “=”, “+”,
 * “-”, “@”, a tab or a carriage return is neutralised the OWASP way (CSV
 * injection): it gets a leading single quote, so a spreadsheet shows it as
 * text instead of running it as a formula. Numbers we print ourselves
 * (scores, ids, counts) are written with clr_csv_append_number() and never
 * changed. The rule is documented in docs/cli.md (CSV output). */
void     clr_csv_append_text     (GString    *out,
                                  const char *value);
void     clr_csv_append_number   (GString    *out,
                                  const char *value);

/* TRUE when clr_csv_append_text() prefixes @value with a single quote. */
gboolean clr_csv_needs_neutralising (const char *value);

G_END_DECLS
